"""``ingest``: every input kind, bad items logged with their code, the summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import store_corpus as corpus
from marsad.errors import UsageError
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store import queries
from marsad.store.db import Store

TOKENS = IngestOptions(components=("tokens",))


def _html(doc: corpus.Doc) -> str:
    paras = "".join(f"<p>{p}</p>" for p in doc.text.split("\n\n")[1].split(". "))
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{doc.title}</title></head>'
            f"<body><article><h1>{doc.title}</h1>{paras}</article></body></html>")


def _feed(docs: list[corpus.Doc]) -> str:
    items = "".join(
        f"<item><title>{d.title}</title><link>https://{d.source}.example/{d.key}</link>"
        f"<pubDate>Tue, 21 Nov 2017 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{d.text.split(chr(10) * 2)[1]}</p>]]></description></item>"
        for d in docs
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة تجريبية</title>' \
           f"{items}</channel></rss>"


def _warc(path: Path, docs: list[corpus.Doc]) -> None:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.suffix == ".gz")
        for d in docs:
            body = _html(d).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://{d.source}.example/{d.key}", "response",
                                       payload=io.BytesIO(body), http_headers=headers)
            w.write_record(rec)
        # a non-HTML response is skipped
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://x.example/a.png", "response",
                                            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), http_headers=img))


def _run(tmp_path: Path, sources: list[Path | str], opts: IngestOptions = TOKENS):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "i.db") as store:
        report = ingest(store, [str(s) for s in sources], opts)
        rows = [tuple(r) for r in store.query("SELECT code, item FROM ingest_log ORDER BY id")]
        titles = sorted(r.title or "" for r in queries.list_articles(store, 100, 0))
    return report, rows, titles


def test_ingest_inputs_bad_items_are_logged_and_summarised(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (d / "cp1256.txt").write_bytes(corpus.OIL.text.encode("windows-1256"))
    lines = [corpus.jsonl_line(corpus.VISIT_A), "{not json", corpus.jsonl_line(corpus.CLASHES)]
    (d / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
                                encoding="utf-8")
    (d / "broken.warc").write_bytes(b"this is not a web archive at all\n" * 10)
    report, log, _titles = _run(tmp_path, [d])
    assert report.stored == 3
    assert report.summary().splitlines()[0] == (
        "8 items read: 3 stored, 0 already stored, 0 exact duplicates, 5 failed "
        "(E101: 1, E102: 1, E106: 1, E108: 1, E110: 1)"
    )
    assert sorted(code for code, _ in log) == ["E101", "E102", "E106", "E108", "E110"]
    assert ("E106", f"{d / 'news.jsonl'}:2") in log


def test_ingest_inputs_windows_1256_text_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "cp1256.txt"
    f.write_bytes(corpus.OIL.text.encode("windows-1256"))
    with Store.open(tmp_path / "i.db") as store:
        report = ingest(store, [str(f)], TOKENS)
        assert report.stored == 1
        art = queries.get_article(store, queries.list_articles(store, 1, 0)[0].id)
    assert art.text == corpus.OIL.text
    assert art.meta.extra["encoding"] == "windows-1256"
    assert art.tokens is not None and len(art.tokens) > 20


def test_ingest_inputs_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.rss"
    f.write_text(_feed([corpus.VISIT_A, corpus.MINISTERS]), encoding="utf-8")
    with Store.open(tmp_path / "i.db") as store:
        report = ingest(store, [str(f)], TOKENS)
        assert report.stored == 2
        rows = queries.list_articles(store, 10, 0)
        art = queries.get_article(store, rows[0].id)
    assert {r.source for r in rows} == {"وكالة تجريبية"}
    assert {r.format for r in rows} == {"rss"}
    assert {r.published for r in rows} == {"2017-11-21"}
    assert {r.url for r in rows} == {"https://wakala.example/visit_a", "https://wakala.example/ministers"}
    assert art.text.startswith(art.meta.title or "?")
    assert "<p>" not in art.text


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_inputs_warc(tmp_path: Path, name: str) -> None:
    _warc(tmp_path / name, [corpus.CLASHES, corpus.LAVROV_QUOTE])
    report, log, titles = _run(tmp_path, [tmp_path / name])
    assert report.stored == 2
    assert log == []
    assert titles == sorted([corpus.CLASHES.title or "", corpus.LAVROV_QUOTE.title or ""])


def test_ingest_inputs_html_directory_with_glob(tmp_path: Path) -> None:
    d = tmp_path / "site" / "2018"
    d.mkdir(parents=True)
    (d / "a.html").write_text(_html(corpus.MINISTERS), encoding="utf-8")
    (d / "b.html").write_text(_html(corpus.CLASHES), encoding="utf-8")
    (d / "notes.txt").write_text(corpus.OIL.text, encoding="utf-8")
    report, _log, titles = _run(tmp_path, [tmp_path / "site"], IngestOptions(glob="*.html", components=("tokens",)))
    assert report.stored == 2
    assert titles == sorted([corpus.MINISTERS.title or "", corpus.CLASHES.title or ""])


def test_ingest_inputs_jsonl_field_mapping(tmp_path: Path) -> None:
    from marsad.ingest.readers import FieldMapping

    recs = [{"headline": d.title, "body": d.text.split("\n\n")[1], "day": "2018-03-05"} for d in corpus.DOCS[:3]]
    f = tmp_path / "custom.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    mapping = FieldMapping.parse(("title=headline", "content=body", "published=day"))
    report, _log, titles = _run(tmp_path, [f], IngestOptions(mapping=mapping, components=("tokens",)))
    assert report.stored == 3
    assert titles == sorted(d.title or "" for d in corpus.DOCS[:3])


def test_ingest_inputs_idempotent_and_duplicates(tmp_path: Path) -> None:
    f = tmp_path / "news.jsonl"
    docs = [corpus.VISIT_A, corpus.VISIT_A_NEAR, corpus.MINISTERS, corpus.MINISTERS_DIACRITICS, corpus.OIL]
    f.write_text("\n".join(corpus.jsonl_line(d) for d in docs) + "\n", encoding="utf-8")
    first, _, _ = _run(tmp_path, [f])
    assert (first.stored, first.already, first.duplicates, first.near_duplicates) == (4, 0, 1, 1)
    assert first.summary().splitlines()[0] == "5 items read: 4 stored, 0 already stored, 1 exact duplicate, 0 failed"
    assert first.summary().splitlines()[1] == (
        "  stored: new articles written to the store, 1 of them near duplicates of an earlier article "
        "(kept, grouped with it)"
    )
    second, _, _ = _run(tmp_path, [f])
    assert (second.stored, second.already, second.duplicates, second.failed) == (0, 4, 1, 0)


def test_ingest_inputs_missing_source_and_no_source(tmp_path: Path) -> None:
    report, log, _ = _run(tmp_path, [tmp_path / "nope.txt"])
    assert report.stored == 0 and log == [("E111", str(tmp_path / "nope.txt"))]
    with Store.open(tmp_path / "i.db") as store, pytest.raises(UsageError, match="give at least one file"):
        ingest(store, [], TOKENS)


def test_ingest_inputs_unreachable_feed_url(tmp_path: Path) -> None:
    report, log, _ = _run(tmp_path, ["http://127.0.0.1:9/feed.xml"])
    assert report.failed == 1
    assert log[0][0] == "E113"
