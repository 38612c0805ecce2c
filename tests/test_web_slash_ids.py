"""Article ids with slashes (URL-derived, ``news/2017/11/21-1``) open in the pages and the API, escaped or not."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.article import Article, Meta
from marsad.store.db import Store
from marsad.store.writer import write_article
from marsad.web.app import create_app

ID = "news/2017/11/21-1"
TEXT = "الحكومة تفتتح مدرسة جديدة\n\nافتتح وزير التعليم اليوم مدرسة جديدة في حي الزهور تتسع لألف طالب."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("slash") / "w.db"
    with Store.open(db) as store:
        write_article(store, Article(ID, TEXT, Meta(title="الحكومة تفتتح مدرسة جديدة")))
    return TestClient(create_app(db_path=db))


@pytest.mark.parametrize("path", [ID, ID.replace("/", "%2F")])
def test_web_slash_ids_article_page(client: TestClient, path: str) -> None:
    resp = client.get(f"/articles/{path}")
    assert resp.status_code == 200, resp.text
    assert "افتتح وزير التعليم" in resp.text


@pytest.mark.parametrize("path", [ID, ID.replace("/", "%2F")])
def test_web_slash_ids_api(client: TestClient, path: str) -> None:
    resp = client.get(f"/api/articles/{path}")
    assert resp.status_code == 200, resp.text
    assert resp.json()["id"] == ID


def test_web_slash_ids_listed_links_open(client: TestClient) -> None:
    page = client.get("/articles").text
    assert f'href="/articles/{ID}"' in page
    assert client.get(f"/articles/{ID}").status_code == 200


def test_web_slash_ids_missing_is_still_404(client: TestClient) -> None:
    resp = client.get("/api/articles/news/2017/11/none")
    assert resp.status_code == 404
    assert resp.json()["error"]["code"] == "E404"
