"""The response cache: a hit is the same response as a miss, and any change to the store drops it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from marsad.article import Article, Meta
from marsad.settings import Settings
from marsad.store.db import Store
from marsad.store.writer import write_article
from marsad.web.app import create_app
from marsad.web.cache import ResponseCache, StoreWatch
from webstore import build_store

URLS = ["/search?q=بوتين", "/events", "/events?type=CONSULT", "/api/events?limit=5", "/api/search?q=بوتين",
        "/articles", "/api/articles?limit=50", "/api/stats", "/actors", "/api/events.csv"]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "store.db", samples=False)


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), db)) as c:
        yield c


def _same(a: httpx.Response, b: httpx.Response) -> None:
    assert a.status_code == b.status_code
    assert a.content == b.content
    def headers(r: httpx.Response) -> list[tuple[str, str]]:
        return [h for h in r.headers.multi_items() if h[0] != "date"]

    assert headers(a) == headers(b)


@pytest.mark.parametrize("url", URLS)
def test_web_cache_hit_is_the_same_response(client: TestClient, url: str) -> None:
    cache: ResponseCache = client.app.state.cache
    first = client.get(url)
    assert first.status_code == 200
    hits = cache.hits
    second = client.get(url)
    assert cache.hits == hits + 1
    _same(first, second)


def _new_article(n: int) -> Article:
    return Article(f"new-{n}", f"خبر جديد رقم {n} عن بوتين في موسكو", Meta(title=f"خبر {n}", source="tests"))


def test_web_cache_dropped_when_another_connection_writes(client: TestClient, db: Path) -> None:
    before = client.get("/api/articles?limit=50").json()["items"]
    assert client.get("/api/articles?limit=50").json()["items"] == before  # from the cache
    with Store.open(db) as w:  # as `marsad ingest` in another process would
        write_article(w, _new_article(1), origin="tests")
    after = client.get("/api/articles?limit=50").json()["items"]
    assert {a["id"] for a in after} == {a["id"] for a in before} | {"new-1"}
    hits = client.get("/search?q=" + "جديد")
    assert "new-1" in hits.text


def test_web_cache_keeps_only_ok_get_responses(client: TestClient) -> None:
    cache: ResponseCache = client.app.state.cache
    for _ in range(2):
        assert client.get("/articles/nope").status_code == 404
        assert client.get("/api/events?limit=0").status_code == 422
        assert client.get("/").status_code == 200  # the home page is not among the cached routes
    assert cache.hits == 0 and len(cache) == 0
    assert client.post("/api/articles", json={"text": "نص"}).status_code == 403
    assert len(cache) == 0


def test_web_cache_off(db: Path) -> None:
    with TestClient(create_app(Settings(web_cache_mb=0), db)) as c:
        assert not hasattr(c.app.state, "cache")
        _same(c.get("/events"), c.get("/events"))


def test_store_watch_sees_commits_of_other_connections(db: Path) -> None:
    watch = StoreWatch(db)
    try:
        g = watch.poll()
        assert g is not None and watch.poll() == g  # nothing changed
        with Store.open(db) as w:
            write_article(w, _new_article(2), origin="tests")
        g2 = watch.poll()
        assert g2 is not None and g2 > g
        assert watch.poll() == g2
    finally:
        watch.close()


def test_response_cache_budget_and_generations() -> None:
    cache = ResponseCache(8_000)
    body = b"x" * 900
    for i in range(12):
        cache.put(0, f"/k{i}", 200, [], body)  # nothing kept: generation 0 was never looked at
    assert len(cache) == 0
    assert cache.get(1, "/k0") is None
    for i in range(12):
        cache.put(1, f"/k{i}", 200, [(b"content-length", b"900")], body)
    assert 0 < len(cache) < 12  # within the budget, the oldest out first
    assert cache.get(1, "/k11") is not None and cache.get(1, "/k0") is None
    cache.put(1, "/big", 200, [], b"y" * 2_000)  # over an eighth of the budget: not kept
    assert cache.get(1, "/big") is None
    assert cache.get(2, "/k11") is None and len(cache) == 0  # a new generation starts empty
