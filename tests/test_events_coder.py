"""Event coding of Arabic sentences, on articles with hand-linked entities (tests/events_corpus.py)."""

from __future__ import annotations

from datetime import date

import pytest

from events_corpus import code
from marsad.article import Event


def _events(text: str, published: date | None = date(2017, 11, 21)) -> list[Event]:
    return code(text, published).events or []


def _one(text: str, ptype: str) -> Event:
    evs = [e for e in _events(text) if e.type == ptype]
    assert evs, f"no {ptype} in {text}"
    return evs[0]


def _names(ps: list) -> list[str]:  # type: ignore[type-arg]
    return [p.name for p in ps]


@pytest.mark.parametrize(
    ("text", "ptype", "mode", "cameo", "actors", "recipients"),
    [
        ("زار الرئيس السوري بشار الأسد روسيا يوم الاثنين.", "CONSULT", "visit", "042", ["Bashar al-Assad"],
         ["Russia"]),
        ("التقى الرئيس الروسي فلاديمير بوتين بالأسد في سوتشي.", "CONSULT", None, "040", ["Vladimir Putin"],
         ["Bashar al-Assad"]),
        ("الأسد شكر بوتين على دعمه.", "SUPPORT", None, "051", ["Bashar al-Assad"], ["Vladimir Putin"]),
        ("زيارة الأسد لروسيا جاءت مفاجئة.", "CONSULT", "visit", "042", ["Bashar al-Assad"], ["Russia"]),
        ("استقبل أردوغان الرئيس السوري في أنقرة.", "CONSULT", "visit", "043", ["Bashar al-Assad"],
         ["Recep Tayyip Erdogan"]),
        ("فرضت الولايات المتحدة عقوبات على إيران.", "SANCTION", "discontinue", "163", ["United States"], ["Iran"]),
        ("اتهمت روسيا الولايات المتحدة بدعم الإرهاب.", "ACCUSE", "allege", "112", ["Russia"], ["United States"]),
        ("أجرى الرئيس الروسي محادثات مع نظيره السوري.", "CONSULT", None, "040", ["Vladimir Putin"],
         ["Bashar al-Assad"]),
        ("تلقى أردوغان اتصالا هاتفيا من بوتين.", "CONSULT", "phone", "041", ["Vladimir Putin"],
         ["Recep Tayyip Erdogan"]),
    ],
)
def test_coder_actor_and_recipient(text: str, ptype: str, mode: str | None, cameo: str, actors: list[str],
                                   recipients: list[str]) -> None:
    ev = _one(text, ptype)
    assert (ev.mode, ev.cameo) == (mode, cameo)
    assert _names(ev.actors) == actors
    assert _names(ev.recipients) == recipients


def test_coder_passive_actor_after_ala_yad() -> None:
    ev = _one("اغتيل الرئيس السوري على يد الجيش الإسرائيلي.", "ASSAULT")
    assert ev.mode == "targeted"
    assert _names(ev.recipients) == ["Bashar al-Assad"]
    assert [p.country for p in ev.actors] == ["ISR"]
    assert any("passive" in n for n in ev.evidence.notes)


def test_coder_dual_verb_inherits_both_parties() -> None:
    evs = _events("التقى بوتين بالأسد في سوتشي، وتباحثا في الأزمة.")
    dual = next(e for e in evs if e.evidence.lemma == "تباحث")
    assert sorted(_names(dual.actors)) == ["Bashar al-Assad", "Vladimir Putin"]
    assert dual.recipients == []


def test_coder_compound_actors() -> None:
    ev = _one("زار رئيسا تركيا وإيران روسيا.", "CONSULT")
    assert [p.country for p in ev.actors] == ["TUR", "IRN"]
    assert [p.sector for p in ev.actors] == ["GOV", "GOV"]
    assert [p.country for p in ev.recipients] == ["RUS"]


def test_coder_place_has_coordinates_and_date() -> None:
    art = code("اجتمع بوتين مع الأسد في سوتشي مساء الاثنين.")
    ev = next(e for e in art.events or [] if e.type == "CONSULT")
    place = art.entity(ev.place or "")
    assert place is not None and place.link is not None
    assert (place.link.name_en, place.link.lat, place.link.lon) == ("Sochi", 43.5992, 39.7257)
    assert ev.date == "2017-11-20"


@pytest.mark.parametrize(
    ("text", "ptype", "aux"),
    [
        ("لم يزر بوتين سوريا.", "CONSULT", ["negated"]),
        ("نفى الكرملين أن يكون بوتين قد التقى بالأسد.", "CONSULT", ["negated"]),
        ("إذا هاجمت إسرائيل لبنان فإن الرد سيكون قاسيا.", "ASSAULT", ["hypothetical"]),
        ("وكان الأسد زار روسيا في زيارة سابقة.", "CONSULT", ["historical"]),
        ("زار الأسد روسيا في أكتوبر 2015.", "CONSULT", ["historical"]),
    ],
)
def test_coder_auxiliary_modes(text: str, ptype: str, aux: list[str]) -> None:
    evs = [e for e in _events(text) if e.type == ptype]
    assert evs, text
    assert all(set(aux) <= set(e.aux) for e in evs), [e.aux for e in evs]


@pytest.mark.parametrize(
    "text",
    ["سيزور الرئيس التركي رجب طيب أردوغان روسيا.", "من المقرر أن يلتقي بوتين بأردوغان.",
     "يعتزم أردوغان زيارة روسيا الأسبوع المقبل."],
)
def test_coder_future_consult_is_agree(text: str) -> None:
    evs = _events(text)
    assert [e.type for e in evs] == ["AGREE"]
    assert "future" in evs[0].aux
    assert evs[0].cameo == "036"
    assert any("coded AGREE" in n for n in evs[0].evidence.notes)


@pytest.mark.parametrize(
    "text",
    ["هاجم الكاتب الرواية الجديدة.", "قتل الوقت بمشاهدة التلفاز.", "التقى وزير الصحة بالأطباء.",
     "وقع الحادث على الطريق.", "انتقد الناقد الفيلم بشدة."],
)
def test_coder_hard_negatives(text: str) -> None:
    assert _events(text) == []


def test_coder_event_in_reported_speech_keeps_its_own_actors() -> None:
    art = code("قال الكرملين إن الأسد شكر بوتين على دعمه العسكري.")
    ev = next(e for e in art.events or [] if e.type == "SUPPORT")
    assert _names(ev.actors) == ["Bashar al-Assad"]
    assert _names(ev.recipients) == ["Vladimir Putin"]
    quote = next(q for q in art.quotes or [] if q.id == ev.quote)
    assert quote.speaker_name == "Kremlin"


def test_coder_speaker_is_actor_of_subjectless_reported_verb() -> None:
    ev = _one("وقال الأسد، إنه يعتمد على مساندة روسيا.", "REQUEST")
    assert _names(ev.actors) == ["Bashar al-Assad"]
    assert [p.country for p in ev.recipients] == ["RUS"]


def test_coder_evidence_and_provenance() -> None:
    art = code("زار الأسد روسيا.")
    ev = (art.events or [])[0]
    assert ev.evidence.pattern == "consult_zara/perf" == ev.prov.pattern
    assert art.text[ev.evidence.predicate.start:ev.evidence.predicate.end] == "زار"
    assert [art.text[s.start:s.end] for s in ev.evidence.actor_spans] == ["الأسد"]
    assert [art.text[s.start:s.end] for s in ev.evidence.recipient_spans] == ["روسيا"]
    assert ev.prov.component == "events" and ev.prov.text_sha256 == art.sha256
    assert 0 < ev.confidence <= 1
    art.check_offsets()


def test_coder_one_event_per_clause_and_parties() -> None:
    evs = _events("التقى بوتين بالأسد، والتقى بوتين بالأسد.")
    assert len(evs) == 2
    assert len({(e.start, e.end) for e in evs}) == 2
