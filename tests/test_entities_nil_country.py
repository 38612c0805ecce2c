"""The country of a NIL person or organisation without a descriptor: the full-name table, then the article's
country checked against the name (``marsad.entities.component.name_country``)."""

from __future__ import annotations

import pytest

from marsad.entities.component import name_country
from marsad.kb import romanize as rz

needs_table = pytest.mark.skipif(not rz.available(), reason="arabic-name-romanizer's name table is not installed")


@needs_table
@pytest.mark.parametrize(
    ("name", "label", "home", "named", "context", "country", "how"),
    [
        # a person the table holds, in an article that names that person's country
        ("سمير غانم", "PERS", "SAU", {"SAU": 1}, {"SAU", "EGY"}, "EGY", "name_table"),
        # … but not when the article never names it: a homonym is likelier
        ("سمير غانم", "PERS", "SAU", {"SAU": 1}, {"SAU"}, "SAU", "home:source"),
        # an Arabic name in an article about a camp abroad: the source's country
        ("سعود الشهراني", "PERS", "CHE", {"CHE": 3}, {"CHE"}, "SAU", "source:arabic_name"),
        # not for an organisation: its Arabic name may translate a foreign one
        ("البنك المركزي", "ORG", "CHE", {"CHE": 3}, {"CHE"}, "CHE", "home:most_named"),
        # a foreign name in a Saudi article that also names a country abroad
        ("توم كوتون", "PERS", "SAU", {"USA": 1, "IRN": 4}, {"USA", "IRN"}, "USA", "named:foreign_name"),
        ("تويتر", "ORG", "SAU", {"USA": 2}, {"USA"}, "USA", "named:foreign_name"),
        # … and the article's country when it names none
        ("تويتر", "ORG", "SAU", {}, set(), "SAU", "home:source"),
        # a foreign name in an article about a country abroad keeps it
        ("توم كوتون", "PERS", "GBR", {"GBR": 3}, {"GBR"}, "GBR", "home:most_named"),
    ],
)
def test_entities_nil_country(name: str, label: str, home: str, named: dict[str, int], context: set[str],
                              country: str, how: str) -> None:
    how_home = "source" if home == "SAU" else "most_named"
    assert name_country(name, label, home, how_home, "SAU", named, context) == (country, how)


def test_entities_nil_country_without_home() -> None:
    assert name_country("توم كوتون", "PERS", None, "", None, {}, ()) == (None, "")


def _sector(text: str, name: str, sport: bool = False) -> str | None:
    from marsad.entities.component import nil_sector

    start = text.index(name)
    return nil_sector(text, start, start + len(name), "ORG" if name.split()[0] in ("جامعة", "شركة") else "PERS",
                      sport)


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("سجل اللاعب سالم الهاجري هدفا.", "سالم الهاجري", "SPT"),
        ("قال مدرب الفريق كمال الراشد إن …", "كمال الراشد", "SPT"),  # الفريق (team or rank) tells nothing
        ("وصرح رجل الأعمال نادر الفلاني بأن …", "نادر الفلاني", "BUS"),
        ("كتب الإعلامي ماجد العنزي مقالا.", "ماجد العنزي", "JRN"),
        ("أعلنت جامعة الوادي الأخضر نتائجها.", "جامعة الوادي الأخضر", "EDU"),
        ("قال العميد ركن سامي الفهد إن …", "سامي الفهد", "MIL"),
        ("وقال السفير الإيراني، فرهاد زماني إن …", "فرهاد زماني", "GOV"),
        ("انتهى اللقاء. سالم الهاجري غادر.", "سالم الهاجري", None),  # a sentence end between
    ],
)
def test_entities_nil_sector_from_words(text: str, name: str, sector: str | None) -> None:
    assert _sector(text, name) == sector


def test_entities_nil_sector_sports_article() -> None:
    from marsad.entities.component import sports_article

    text = ("فاز المنتخب في مباراة الأمس بهدف، وقال المدرب إن اللاعب سالم الهاجري كان الأفضل في الملعب، "
            "وإن الدوري سيبدأ بعد البطولة. وحضر الدكتور نادر الفلاني المباراة.")
    assert sports_article(text)
    assert not sports_article("افتتح الوزير المعرض في الرياض.")
    assert _sector(text, "سالم الهاجري", sport=True) == "SPT"
    assert _sector(text, "نادر الفلاني", sport=True) is None  # a doctor in a sports article is not a sportsman


def _nil_mentions(text: str, names: list[str]) -> list:  # type: ignore[type-arg]
    from marsad.article import Link
    from marsad.entities.linking import Mention

    out = []
    at = 0
    for n in names:
        s = text.index(n, at)
        at = s + len(n)
        out.append(Mention(s, s + len(n), "PERS", "ner",
                           nil=Link(id=f"nil:PERS:{n}", name_en=f"latin {n}", name_ar=n, type="PERS",
                                    country="SAU", sector=None, evidence=[])))
    return out


@pytest.mark.parametrize(
    ("text", "names", "expect"),
    [
        # a surname after the full name takes the full name's description
        ("قال ماجد الفلاني إن الخطة جاهزة. وأضاف الفلاني أن …", ["ماجد الفلاني", "الفلاني"],
         ["ماجد الفلاني", "ماجد الفلاني"]),
        # a proclitic on the short form
        ("حضر سالم العنزي الافتتاح، ثم توجه المحافظ والعنزي إلى القاعة.", ["سالم العنزي", "والعنزي"],
         ["سالم العنزي", "سالم العنزي"]),
        # a lone first name, one full name beginning with it
        ("تحدث فريد الحمدان للصحفيين. ثم قال فريد إن …", ["فريد الحمدان", "فريد"], ["فريد الحمدان", "فريد الحمدان"]),
        # … but not when two full names begin with it
        ("حضر فريد الحمدان وفريد السالم. وقال فريد إن …", ["فريد الحمدان", "فريد السالم", "فريد"],
         ["فريد الحمدان", "فريد السالم", "فريد"]),
    ],
)
def test_entities_nil_coref(text: str, names: list[str], expect: list[str]) -> None:
    from marsad.entities.component import nil_coref

    ms = _nil_mentions(text, names)
    nil_coref(text, ms)
    assert [m.nil.name_en for m in ms] == [f"latin {e}" for e in expect]


@pytest.mark.parametrize(
    ("text", "org", "place", "en", "country", "expect"),
    [
        ("أعلنت جامعة الوادي نتائج القبول.", "جامعة الوادي", "الوادي", "Wadi", "SAU", "Wadi University"),
        ("درس في جامعة برايتون سنتين.", "جامعة برايتون", "برايتون", "Brighton", "GBR", "University of Brighton"),
    ],
)
def test_entities_nil_university_after_place(text: str, org: str, place: str, en: str, country: str,
                                             expect: str) -> None:
    from marsad.article import Link
    from marsad.entities.component import nil_universities
    from marsad.entities.linking import Mention

    s = text.index(org)
    p = text.index(place)
    ms = [Mention(s, s + len(org), "ORG", "ner", nil=Link(id="nil:ORG:x", name_en="", name_ar=org, type="ORG",
                                                          country="SAU", evidence=[]))]
    nil_universities(text, ms, [(p, p + len(place), en, country)])
    assert ms[0].nil is not None and (ms[0].nil.name_en, ms[0].nil.country) == (expect, country)
