"""PLOVER JSON records of coded events."""

from __future__ import annotations

import json

from events_corpus import code
from marsad.events.plover import country_name, to_plover


def test_plover_record_fields() -> None:
    art = code("التقى الرئيس الروسي فلاديمير بوتين بالأسد في سوتشي مساء الاثنين.")
    ev = next(e for e in art.events or [] if e.type == "CONSULT")
    rec = to_plover(art, ev)
    json.dumps(rec, ensure_ascii=False)
    assert rec["id"] == f"{art.id}-{ev.id}"
    assert (rec["date"], rec["event"], rec["event_type"], rec["cameo"], rec["quad_code"]) == (
        "2017-11-20", ["CONSULT"], "CONSULT", "040", 1)
    actor = rec["actor"][0]
    assert actor["raw_text"] == "الرئيس الروسي فلاديمير بوتين"
    assert (actor["entity_name"], actor["wikidata_id"], actor["country_code"], actor["sector_code"]) == (
        "Vladimir Putin", "Q7747", "RUS", "GOV")
    assert actor["country_name"] == "Russian Federation"
    assert rec["recipient"][0]["entity_name"] == "Bashar al-Assad"
    assert rec["event_loc"]["name"] == "Sochi"
    assert (rec["event_loc"]["lat"], rec["event_loc"]["lon"]) == (43.5992, 39.7257)
    assert rec["text"] == art.text
    assert rec["event_text"] == [art.text[ev.start:ev.end]]
    prov = rec["marsad"]
    assert (prov["article_id"], prov["text_sha256"], prov["start"], prov["end"]) == (art.id, art.sha256, ev.start,
                                                                                    ev.end)
    assert prov["component"] == "events" and prov["pattern"] == "consult_iltaqa/perf"
    assert prov["predicate"]["text"] == "التقى"


def test_plover_aux_and_mode() -> None:
    art = code("سيزور الرئيس التركي رجب طيب أردوغان روسيا.")
    rec = to_plover(art, (art.events or [])[0])
    assert (rec["event_type"], rec["mode"], rec["aux"], rec["cameo"]) == ("AGREE", [], ["future"], "036")


def test_plover_country_names() -> None:
    assert country_name("SYR") == "Syria"
    assert country_name("UNO") == "United Nations"
    assert country_name(None) is None
    assert country_name("ZZZ") is None
