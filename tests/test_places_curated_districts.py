"""Curated districts, villages and cities the packages lack (places.tsv), cue-only word-like names, and the
district head ``عمدة`` as a locative cue."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import pipeline
from marsad.article import Article, Meta


def run(text: str, source: str | None = "sabq") -> Article:
    art = Article("", text, Meta(published=date(2015, 7, 25), source=source))
    pipeline()(art)
    return art


def place_of(art: Article, name: str) -> tuple[str | None, str | None]:
    """(link id, country) of the place entity whose surface is ``name``."""
    for e in art.entities or []:
        if art.text[e.start : e.end] == name and e.link is not None and e.link.feature:
            return e.link.id, e.link.country
    return None, None


@pytest.mark.parametrize(
    ("text", "name", "place", "country"),
    [
        ("افتتح الأمين حديقة جديدة في حي الشرائع شرق مكة المكرمة.", "الشرائع", "place:sau_sharai", "SAU"),
        ("التقى عمدة شرائع مكة بالأهالي مساء أمس.", "شرائع", "place:sau_sharai", "SAU"),
        ("يقصد الزوار عين الجوهرية في الأحساء هربا من الحر.", "عين الجوهرية", "place:sau_ain_jawhariya", "SAU"),
        ("قصفت الطائرات معسكرا في ضلاع همدان غربي صنعاء.", "ضلاع همدان", "place:yem_dhula_hamdan", "YEM"),
        ("دارت مواجهات في الجفينة جنوب غرب مأرب.", "الجفينة", "place:yem_jufaynah", "YEM"),
        ("أغلق المطمر في منطقة الناعمة جنوب بيروت.", "الناعمة", "place:lbn_naameh", "LBN"),
        ("وصل الوفد إلى أمريستار بعد رحلة طويلة.", "أمريستار", "place:ind_amritsar", "IND"),
        ("افتتحت الشركة مكتبا جديدا في كوميرس سيتي.", "كوميرس سيتي", "place:usa_commerce_city", "USA"),
    ],
)
def test_places_curated_district_or_town(text: str, name: str, place: str, country: str) -> None:
    assert place_of(run(text), name) == (place, country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("تحث الشرائع السماوية على الرحمة.", "الشرائع"),
        ("اشترت القطة الناعمة من السوق.", "الناعمة"),
    ],
)
def test_places_word_like_curated_name_needs_a_cue(text: str, name: str) -> None:
    assert place_of(run(text), name) == (None, None)
