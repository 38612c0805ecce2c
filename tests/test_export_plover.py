"""PLOVER records: the events module's record when installed, the export's own fallback otherwise."""

from __future__ import annotations

import pytest

from export_articles import protest_article, visit_article
from marsad.export import plover
from marsad.export.plover import fallback_record, plover_record
from marsad.export.source import StoredEvent


def test_export_plover_fallback_record() -> None:
    art = visit_article()
    ev = next(e for e in art.events or [] if e.id == "ev1")
    rec = fallback_record(art, ev)
    assert (rec["id"], rec["date"], rec["event"], rec["mode"], rec["context"]) == (
        "a-hand-1-ev1", "2017-11-20", ["CONSULT"], ["visit"], ["diplomatic"])
    (actor,) = rec["actor"]
    assert (actor["name"], actor["code"], actor["text"]) == ("Vladimir Putin", "RUSGOV", "فلاديمير بوتين")
    assert art.text[actor["start"]:actor["end"]] == actor["text"]
    assert rec["event_loc"]["id"] == "place:geonames:491422" and rec["event_loc"]["text"] == "سوتشي"
    assert rec["quad_code"] == 1 and rec["event_text"] == [art.text[ev.start:ev.end]]


def test_export_plover_without_events_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plover, "_to_plover", lambda: None)
    art = protest_article()
    rec = plover_record(StoredEvent(art, art.events[0], "2018-03-04", None, None, None, None, None))
    assert rec["id"] == "a-hand-2-ev1" and rec["date"] == "2018-03-04"
    assert "event_loc" not in rec and rec["recipient"] == []
    assert rec["marsad"]["event_id"] == "ev1" and rec["marsad"]["day"] == "2018-03-04"
    assert rec["cite_info"]["source"] == "other"


def test_export_plover_trace_keeps_the_events_module_fields() -> None:
    if plover._to_plover() is None:
        pytest.skip("marsad.events.plover is not installed")
    art = visit_article()
    rec = plover_record(StoredEvent(art, art.events[0], "2017-11-21", 4, 2, 2, 1, "2026-01-01T00:00:00Z"))
    assert rec["marsad"]["text_sha256"] == art.sha256  # from to_plover
    assert (rec["marsad"]["event_id"], rec["marsad"]["cluster_id"], rec["marsad"]["num_mentions"]) == ("ev2", 4, 2)
    assert rec["cite_info"]["url"] == "https://example.org/news/1"
