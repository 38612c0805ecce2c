"""The HTTP API: listings, filters, pagination limits, extraction, coded errors, token-guarded ingest."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.settings import Settings
from marsad.web.app import create_app
from webstore import ROOT, build_store, demo_article


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "store.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(web_max_page_size=5), db)) as c:
        yield c


def test_web_api_stats_count_the_stored_articles(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["articles"] == 12  # 10 samples + 2 hand-annotated articles
    assert body["events_by_type"]["ASSAULT"] >= 1
    assert body["events_by_type"]["CONSULT"] >= 1


def test_web_api_articles_paginate_with_next_offset(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    last = client.get("/api/articles", params={"limit": 5, "offset": 10}).json()
    assert len(last["items"]) == 2 and last["next_offset"] is None


def test_web_api_article_round_trips_the_stored_json(client: TestClient) -> None:
    body = client.get("/api/articles/demo-call").json()
    assert body == demo_article().to_dict()


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/articles/no-such-article", 404, "E404"),
        ("/api/actors/actor:nobody", 404, "E404"),
        ("/api/events?limit=6", 422, "E511"),  # over the page size limit of this app (5)
        ("/api/events?limit=0", 422, "E511"),
        ("/api/events?since=yesterday", 422, "E511"),
        ("/api/search", 422, "E511"),
        ("/api/search?q=%20%2A", 400, "E512"),  # a query without a word
        ("/api/nothing-here", 404, "E404"),
    ],
)
def test_web_api_errors_are_coded_json(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert err["code"] == code and err["message"]


def test_web_api_not_found_message_names_the_article(client: TestClient) -> None:
    r = client.get("/api/articles/no-such-article")
    assert r.json() == {"error": {"code": "E404", "message": "no article with id 'no-such-article'"}}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, {"ev3"}),
        ({"type": "assault"}, {"ev3"}),
        ({"actor": "TUR"}, {"ev1"}),
        ({"actor": "actor:erdogan_recep_tayyip"}, {"ev1"}),
        ({"recipient": "Vladimir Putin"}, {"ev1"}),
        ({"recipient": "RUS", "type": "ACCUSE"}, {"ev2"}),
        ({"mode": "phone"}, {"ev1"}),
        ({"since": "2022-07-24", "until": "2022-07-24"}, {"ev1"}),
        ({"place": "UKR"}, {"ev2", "ev3"}),
    ],
)
def test_web_api_events_filter(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    items = client.get("/api/events", params=params).json()["items"]
    assert {e["event_id"] for e in items if e["article_id"] == "demo-call"} == expected


def test_web_api_event_carries_participants_and_evidence(client: TestClient) -> None:
    items = client.get("/api/events", params={"type": "CONSULT", "actor": "TUR"}).json()["items"]
    ev = next(e for e in items if e["article_id"] == "demo-call")
    assert [p["actor_id"] for p in ev["actors"]] == ["actor:erdogan_recep_tayyip"]
    assert [p["actor_id"] for p in ev["recipients"]] == ["actor:putin_vladimir"]
    assert ev["pattern"] == "consult:ajra_ittisal" and ev["mode"] == "phone" and ev["cameo"] == "040"
    text = demo_article().text
    assert text[ev["start"]:ev["end"]] == ev["text"]


def test_web_api_events_csv_has_a_row_per_event(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    demo = [row for row in rows if row["article_id"] == "demo-call"]
    assert [(row["event_id"], row["type"], row["mode"], row["place"]) for row in demo] == [
        ("ev3", "ASSAULT", "missile", "أوديسا")
    ]


def test_web_api_actor_detail_lists_counterparts_and_quotes(client: TestClient) -> None:
    body = client.get("/api/actors/actor:erdogan_recep_tayyip").json()
    assert body["actor"]["name_en"] == "Recep Tayyip Erdogan"
    assert "actor:putin_vladimir" in [c["key"] for c in body["counterparts"]]
    assert [q["quote_id"] for q in body["quotes"] if q["article_id"] == "demo-call"] == ["q1"]


def test_web_api_search_finds_an_arabic_text_by_an_english_name(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Kuleba"}).json()["items"]
    assert "demo-call" in [h["article_id"] for h in hits]
    hits = client.get("/api/search", params={"q": "كوليبا"}).json()["items"]
    assert {"demo-call", "sample-02-erdogan-putin-call"} <= {h["article_id"] for h in hits}
    assert all("كوليبا" in h["snippet"] for h in hits)


def test_web_api_network_and_places(client: TestClient) -> None:
    net = client.get("/api/network").json()
    pairs = {(e["source"], e["target"], e["type"]) for e in net["edges"]}
    assert ("actor:erdogan_recep_tayyip", "actor:putin_vladimir", "CONSULT") in pairs
    places = {p["id"]: p for p in client.get("/api/places").json()["items"]}
    assert places["place:geonames:698740"]["n_events"] == 2


def test_web_api_extract_text_returns_the_full_article(client: TestClient) -> None:
    text = "زار وزير الخارجية المصري سامح شكري عمّان أمس الاثنين."
    r = client.post("/api/extract", json={"text": text, "published": "2024-01-09"})
    assert r.status_code == 200
    body = r.json()
    assert body["text"] == text and body["meta"]["published"] == "2024-01-09"
    assert body["sentences"] and all(text[s["start"]:s["end"]] for s in body["sentences"])
    assert body["events"] is not None  # the layer ran


def test_web_api_extract_html_finds_the_headline(client: TestClient) -> None:
    html = (ROOT / "samples" / "report.html").read_text("utf-8")
    body = client.post("/api/extract", json={"html": html}).json()
    heads = [b for b in body["structure"] if b["kind"] == "headline"]
    assert body["text"][heads[0]["start"]:heads[0]["end"]] == "وزير الخارجية المصري يزور عمّان لبحث التهدئة في غزة"
    assert body["meta"]["published"] == "2024-01-09"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 422, "E511"),
        ({"text": "نص", "html": "<p>نص</p>"}, 422, "E511"),
        ({"text": "نص", "published": "21/11/2017"}, 422, "E511"),
        ({"text": "   "}, 400, "E101"),
        ({"html": "<html><body></body></html>"}, 400, "E105"),
    ],
)
def test_web_api_extract_refuses_bad_input(client: TestClient, body: dict[str, str], status: int, code: str) -> None:
    r = client.post("/api/extract", json=body)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_web_api_request_size_is_limited(db: Path) -> None:
    with TestClient(create_app(Settings(web_max_request_bytes=1000), db)) as c:
        r = c.post("/api/extract", json={"text": "ن" * 2000})
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "E104"

        def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed bytes are counted
            yield b'{"text": "'
            for _ in range(20):
                yield b"x" * 100
            yield b'"}'

        r = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "E104"


def test_web_api_ingest_is_forbidden_without_a_configured_token(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": "نص"}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert r.json()["error"] == {
        "code": "E510", "message": "ingest over HTTP is disabled: set [web] api_token or MARSAD_API_TOKEN"}


def test_web_api_ingest_with_the_token_stores_the_article(tmp_path: Path) -> None:
    db = build_store(tmp_path / "ingest.db", samples=False)
    app = create_app(Settings(api_token="s3cret"), db)
    text = "أعلنت وزارة الخارجية القطرية اليوم الأحد ترحيبها باتفاق وقف إطلاق النار."
    with TestClient(app) as c:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            r = c.post("/api/articles", json={"text": text}, headers=headers)
            assert r.status_code == 403 and r.json()["error"]["code"] == "E510"
        r = c.post("/api/articles", json={"text": text, "id": "qatar-1", "published": "2024-01-14"},
                   headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200, r.text
        assert r.json()["id"] == "qatar-1" and r.json()["status"] == "stored"
        assert c.get("/api/articles/qatar-1").json()["text"] == text
        again = c.post("/api/articles", json={"text": text, "id": "qatar-1"},
                       headers={"Authorization": "Bearer s3cret"})
        assert again.json()["status"] == "already"


def test_web_api_is_offline_and_without_cors(client: TestClient) -> None:
    r = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/docs").status_code == 404  # the Swagger UI would load a CDN
    spec = client.get("/openapi.json").json()
    for path in ("/api/extract", "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors",
                 "/api/actors/{actor_id}", "/api/search", "/api/stats"):
        assert path in spec["paths"], path
    limit = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 5


def test_web_api_creates_an_empty_store_and_serves_it(tmp_path: Path) -> None:
    db = tmp_path / "new" / "store.db"
    with TestClient(create_app(Settings(), db)) as c:
        assert db.is_file()
        assert c.get("/api/stats").json()["articles"] == 0
        assert c.get("/api/events").json() == {"items": [], "limit": 100, "offset": 0, "next_offset": None}
        assert c.get("/").status_code == 200


def test_web_api_serve_command_is_registered() -> None:
    from click.testing import CliRunner

    from marsad.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--host" in result.output and "--port" in result.output
