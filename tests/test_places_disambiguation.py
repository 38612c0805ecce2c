"""Places: coordinates, feature types and disambiguation by the article's context."""

from __future__ import annotations

import pytest

from entities_util import find, run
from marsad.entities.places import choose
from marsad.kb.index import load_resources


def _place(text: str, name: str) -> tuple[str, str | None, str | None]:
    art = run(text)
    (ent,) = find(art, name, "LOC")
    assert ent.link is not None
    return ent.link.id, ent.link.country, ent.link.feature


def test_places_moscow_is_the_russian_capital() -> None:
    _, country, feature = _place("وصل الوفد الأمريكي إلى موسكو صباح اليوم.", "موسكو")
    assert (country, feature) == ("RUS", "city")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("اشتباكات في طرابلس بين فصائل ليبية بعد أيام من هدوء في ليبيا.", "LBY"),
        ("انفجار في طرابلس شمال لبنان أوقع جرحى.", "LBN"),
        ("عاد الهدوء إلى طرابلس.", "LBY"),  # no context: the larger city
    ],
)
def test_places_tripoli_by_context(text: str, country: str) -> None:
    assert _place(text, "طرابلس")[1] == country


def test_places_curated_sochi_has_coordinates() -> None:
    art = run("عقدت القمة في منتجع سوتشي الروسي المطل على البحر الأسود.")
    (sochi,) = find(art, "سوتشي")
    assert sochi.link is not None
    assert (sochi.link.lat, sochi.link.lon, sochi.link.country) == (43.5853, 39.7203, "RUS")
    (sea,) = find(art, "البحر الأسود")
    assert sea.link is not None and sea.link.feature == "sea" and sea.link.lat is not None


@pytest.mark.parametrize(
    ("text", "name", "pid"),
    [
        ("تصاعد القصف على الغوطة الشرقية قرب دمشق.", "الغوطة الشرقية", "place:eastern_ghouta"),
        ("وصلت التعزيزات إلى إدلب.", "إدلب", "place:idlib"),
        ("نزح آلاف من دير الزور.", "دير الزور", "place:deir_ez_zor"),
        ("غارات على قطاع غزة ليلا.", "قطاع غزة", "place:gaza_strip"),
        ("مستوطنات جديدة في الضفة الغربية.", "الضفة الغربية", "place:west_bank"),
        ("هجوم مسلح في شمال سيناء.", "شمال سيناء", "place:north_sinai"),
    ],
)
def test_places_curated_middle_east(text: str, name: str, pid: str) -> None:
    art = run(text)
    (ent,) = find(art, name)
    assert ent.link is not None and ent.link.id == pid and ent.link.lat is not None


@pytest.mark.parametrize("name", ["روسيا", "سوريا", "سورية", "إيران", "تركيا", "الولايات المتحدة", "أمريكا", "أميركا"])
def test_places_short_country_names(name: str) -> None:
    art = run(f"وقال مسؤول إن {name} ستشارك في المحادثات.")
    (ent,) = find(art, name, "LOC")
    assert ent.link is not None and ent.link.feature == "country"


def test_places_ambiguous_word_needs_its_country() -> None:
    # جنين is also "foetus": a place only when Palestine is in the article
    assert find(run("نما الجنين في الأسابيع الأولى."), "الجنين") == []
    art = run("اقتحمت القوات الإسرائيلية مخيم جنين في الضفة الغربية.")
    (ent,) = find(art, "جنين")
    assert ent.link is not None and ent.link.country == "PSE"


def test_places_choose_returns_none_without_support() -> None:
    res = load_resources()
    amb = [i for i, p in enumerate(res.places) if p.id == "place:jenin"]
    assert choose(res, amb, set(), ambiguous=True) is None
    assert choose(res, amb, {"PSE"}, ambiguous=True) is not None


def test_places_runner_up_and_evidence_are_recorded() -> None:
    art = run("انفجار في طرابلس شمال لبنان أوقع جرحى.")
    (ent,) = find(art, "طرابلس", "LOC")
    assert ent.link is not None and ent.link.runner_up is not None
    assert "ctx:LBN" in ent.link.evidence
    assert any(w.startswith("runner_up:") for w in ent.link.evidence)


def test_places_source_country_is_a_prior() -> None:
    from datetime import date

    from entities_util import pipeline
    from marsad.article import Article, Meta

    art = Article("", "وصل الوفد إلى الزلفي صباح اليوم.", Meta(published=date(2015, 7, 25), source="okaz"))
    pipeline()(art)
    (ent,) = find(art, "الزلفي", "LOC")
    assert ent.link is not None and ent.link.country == "SAU" and "source:SAU" in ent.link.evidence
