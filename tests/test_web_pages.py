"""Server-rendered pages: every page renders in Arabic RTL, everything is escaped, nothing is remote."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.settings import Settings
from marsad.web.app import create_app
from webstore import build_store

PAGES = [
    "/", "/search?q=Putin", "/search?q=%D8%A3%D8%B1%D8%AF%D9%88%D8%BA%D8%A7%D9%86", "/articles", "/articles?page=2",
    "/articles/demo-call", "/articles/xss-test", "/events", "/events?type=ASSAULT", "/actors", "/actors?q=RUS",
    "/actors/actor:erdogan_recep_tayyip", "/network", "/network?type=CONSULT", "/map", "/extract", "/api",
]
STATIC = Path(__file__).resolve().parent.parent / "src" / "marsad" / "web" / "static"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("pages") / "store.db")
    with TestClient(create_app(Settings(), db)) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_web_pages_render_in_arabic_rtl(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text
    # no asset from elsewhere: every script, stylesheet and image comes from this server
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', r.text)


def test_web_pages_escape_markup_in_stored_text(client: TestClient) -> None:
    html = client.get("/articles/xss-test").text
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>عاجل" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html  # in the text and in the title
    assert 'href="javascript:' not in html  # a javascript: URL in the metadata is not linked
    block = re.search(r'<script type="application/json" id="ann">(.*?)</script>', html, re.S)
    assert block is not None and "<" not in block.group(1)
    data = json.loads(block.group(1))
    assert data["q1"]["speaker_name"] == "<script>x</script>"  # intact once parsed, inert in the page


def test_web_pages_escape_the_search_query(client: TestClient) -> None:
    html = client.get("/search", params={"q": '"><script>alert(5)</script>'}).text
    assert "<script>alert(5)" not in html
    assert 'value="&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;"' in html


def test_web_pages_article_highlights_records_from_offsets(client: TestClient) -> None:
    html = client.get("/articles/demo-call").text
    pred = re.search(r'<span class="a ev evp" data-ids="ev1">([^<]*)</span>', html)
    assert pred is not None and pred.group(1) == "أجرى"
    ent = re.search(r'<span class="a ev ent ent-PERS" data-ids="ev1 e1">([^<]*)</span>', html)
    assert ent is not None and ent.group(1) == "رجب طيب أردوغان"
    quote = re.search(r'<span class="a q" data-ids="q1">([^<]*)</span>', html)
    assert quote is not None and quote.group(1).startswith("نجاح الاتفاق")
    data = json.loads(re.search(r'id="ann">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert data["ev1"]["pattern"] == "consult:ajra_ittisal"
    assert data["e2"]["link"]["name_en"] == "Vladimir Putin"
    assert data["t1"]["value"] == "2022-07-24TEV"


def test_web_pages_events_filter_and_link_to_the_article(client: TestClient) -> None:
    html = client.get("/events", params={"type": "ASSAULT", "actor": "RUS"}).text
    links = re.findall(r'class="evlink" href="([^"]+)"', html)
    assert "/articles/demo-call#ev3" in links
    assert all(t == "ASSAULT" for t in re.findall(r'<tr data-type="([A-Z]+)"', html))
    assert 'href="/api/events.csv?actor=RUS&amp;type=ASSAULT"' in html


def test_web_pages_events_refuse_a_bad_date_with_a_coded_page(client: TestClient) -> None:
    r = client.get("/events", params={"since": "أمس"})
    assert r.status_code == 400
    assert "E511" in r.text and '<html lang="ar" dir="rtl">' in r.text


def test_web_pages_actor_page_groups_counterparts(client: TestClient) -> None:
    html = client.get("/actors/actor:kuleba_dmytro").text
    clashes = html.split("يصطدم مع", 1)[1].split("</h2>", 2)[1]
    assert "روسيا" in clashes or "RUS" in clashes
    meets = client.get("/actors/actor:erdogan_recep_tayyip").text.split("يلتقي", 1)[1].split("<h2>", 1)[0]
    assert "Vladimir Putin" in meets


def test_web_pages_unknown_page_is_an_arabic_404(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "[E404]" in unescape(r.text)
    assert client.get("/articles/missing").status_code == 404


def test_web_pages_extract_form_renders_the_extraction(client: TestClient) -> None:
    body = "kind=text&published=2024-01-09&content=" + "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي أمس"
    r = client.post("/extract", content=body.encode(), headers={
        "content-type": "application/x-www-form-urlencoded", "x-marsad-fragment": "1"})
    assert r.status_code == 200
    assert "<html" not in r.text  # a fragment for the live view
    assert 'id="article-text"' in r.text and "data-ids=" in r.text
    empty = client.post("/extract", content=b"kind=text&content=", headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert empty.status_code == 400 and "E101" in empty.text


def test_web_pages_static_assets_are_local(client: TestClient) -> None:
    for name in ("marsad.css", "marsad.js", "network.js", "map.js", "favicon.svg"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200, name
        remote = re.findall(r"https?://[^\s\"')]+", r.text)
        assert all(u.startswith("http://www.w3.org/") for u in remote), (name, remote)
    world = client.get("/static/world.json").json()
    assert len(world["countries"]) > 150
    syria = next(c for c in world["countries"] if c["iso"] == "SYR")
    assert syria["d"].startswith("M")
    assert (STATIC / "world.json").stat().st_size < 200_000
