"""Mention rules over dictionary places the merge dropped, and names an article repeats untagged
(entities/mention_rules.py); sentences written for these tests."""

from __future__ import annotations

import pytest

from entities_util import run_from
from marsad.entities.gazetteer import word_spans
from marsad.entities.linking import Mention
from marsad.entities.mention_rules import add_rule_mentions
from marsad.kb import romanize
from marsad.text.normalize import normalize

needs_table = pytest.mark.skipif(not romanize.available(), reason="the name table is not installed")


def _rules(text: str, existing: list[Mention] | None = None, place_spans: list[tuple[int, int]] | None = None,
           head_places: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str]]:
    nt = normalize(text, True)
    out = add_rule_mentions(nt, word_spans(nt.norm), list(existing or []), True, set(),
                            place_spans=place_spans or [], head_places=head_places or [])
    return [(text[m.start:m.end], m.label, m.pattern or "") for m in out if m.source == "rule"]


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


def test_a_dictionary_place_after_a_head_makes_the_body_without_a_place_mention() -> None:
    text = "وأوقفت شرطة الشارقة سائقا متهورا."
    assert _rules(text, place_spans=[_span(text, "الشارقة")]) == [("شرطة الشارقة", "ORG", "rule:org_head")]


def test_the_body_ends_with_its_place() -> None:
    text = "وأعلنت بلدية صيدا الانتهاء من المشروع."
    assert _rules(text, place_spans=[_span(text, "صيدا")]) == [("بلدية صيدا", "ORG", "rule:org_head")]


def test_an_ambiguous_place_counts_only_after_a_head_that_takes_a_place() -> None:
    text = "وقالت أمانة جدة إن الطريق مغلق، وزارت جدة أخرى المكان."
    jeddah = _span(text, "جدة")
    assert _rules(text, head_places=[jeddah]) == [("أمانة جدة", "ORG", "rule:org_head")]


@pytest.mark.parametrize(("text", "place", "span"), [
    ("ودعت حكومة تشاد إلى الهدوء.", "تشاد", "حكومة تشاد"),
    ("وأغلقت شرطة منطقة تبوك الطريق.", "تبوك", "شرطة منطقة تبوك"),
])
def test_a_government_or_a_division_before_a_place(text: str, place: str, span: str) -> None:
    assert _rules(text, place_spans=[_span(text, place)]) == [(span, "ORG", "rule:org_head")]


def test_a_government_word_before_no_place_is_no_body() -> None:
    assert _rules("وطالبت حكومة الوحدة بالمزيد.") == []


def _person(text: str, part: str, nth: int = 0) -> Mention:
    s = -1
    for _ in range(nth + 1):
        s = text.index(part, s + 1)
    return Mention(s, s + len(part), "PERS", "ner", None, 0.8, pattern="ner")


@needs_table
def test_a_family_name_repeated_alone_is_the_person() -> None:
    text = "وصل ماجد الحربي إلى المطار، وقال الحربي إن الرحلة طويلة، وأكد والحربي حاضر."
    got = _rules(text, [_person(text, "ماجد الحربي")])
    assert got == [("الحربي", "PERS", "rule:repeat"), ("والحربي", "PERS", "rule:repeat")]


@needs_table
def test_a_foreign_surname_repeated_alone_is_the_person() -> None:
    text = "قدم المدرب كلاوديو رانييري خطته. وقال رانييري إن الفريق مستعد."
    got = _rules(text, [_person(text, "كلاوديو رانييري")])
    assert ("رانييري", "PERS", "rule:repeat") in got


@needs_table
def test_a_whole_name_repeated_is_the_person() -> None:
    text = "التقى سالم الدوسري الوفد، ثم غادر سالم الدوسري القاعة."
    assert _rules(text, [_person(text, "سالم الدوسري")]) == [("سالم الدوسري", "PERS", "rule:repeat")]


@needs_table
def test_a_common_word_surname_is_not_repeated_alone() -> None:
    text = "قال علي عبدالله صالح إن الحل قريب، وهذا العمل صالح للجميع."
    assert _rules(text, [_person(text, "علي عبدالله صالح")]) == []


@needs_table
def test_a_police_of_a_city_gets_its_country_sector_and_name() -> None:
    art = run_from("وأوقفت شرطة دبي سائقا متهورا أمس.", ner=True)
    got = [(art.text[e.start:e.end], e.nil or e.link) for e in art.entities or [] if e.label == "ORG"]
    assert len(got) == 1
    span, link = got[0]
    assert span == "شرطة دبي" and link is not None
    assert (link.name_en, link.country, link.sector) == ("Dubai Police", "ARE", "COP")
