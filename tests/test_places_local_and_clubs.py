"""Places in Saudi news: names that are no context for themselves, clitics, organisation heads, local namesakes
after district cues, clubs in sports reports, Saudi towns and US states, words that are never places."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import find, pipeline
from marsad.article import Article, Meta


def run(text: str, source: str | None = "sabq") -> Article:
    art = Article("", text, Meta(published=date(2015, 7, 25), source=source))
    pipeline()(art)
    return art


def linked(art: Article) -> list[tuple[str, str | None, str | None]]:
    """(surface, link id, country) of every place entity."""
    return [(art.text[e.start : e.end], e.link.id if e.link else None, e.link.country if e.link else None)
            for e in art.entities or [] if e.label == "LOC" or (e.link is not None and e.link.feature)]


def country_of(art: Article, name: str) -> str | None:
    ents = [e for e in find(art, name) if e.link is not None]
    assert ents, linked(art)
    return ents[0].link.country if ents[0].link else None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وصل وزير الخارجية إلى عمان في زيارة تستغرق يومين.", "OMN"),
        ("زار الوزير الأردن أمس، ثم عقد في عمان لقاء مع نظيره.", "JOR"),
        ("قال مسؤول عماني إن عمان ترحب بالاتفاق.", "OMN"),
    ],
)
def test_places_amman_or_oman_by_the_rest_of_the_article(text: str, country: str) -> None:
    assert country_of(run(text), "عمان") == country


def test_places_article_name_not_read_after_a_bare_proclitic() -> None:
    art = run("باشرت فرقة الإنقاذ عملها بعد أن قدمت ورقة عن الحادث.")
    assert not [x for x in linked(art) if x[2] == "SYR"], linked(art)
    assert country_of(run("عاد النازحون إلى الرقة بعد شهرين."), "الرقة") == "SYR"


@pytest.mark.parametrize(
    "text",
    [
        "قال أستاذ بجامعة تبوك إن الموسم مبكر.",
        "وأوضحت بلدية محافظة العلا أن الطريق مغلق.",
        "شارك الفيلم في مهرجان البندقية قبل عامين.",
    ],
)
def test_places_no_place_inside_an_organisation_name(text: str) -> None:
    assert not [x for x in linked(run(text)) if x[1] and "unresolved" not in x[1]], linked(run(text))


def test_places_conjunction_reading_of_a_name() -> None:
    # وجدة: Jeddah after و in a Saudi article; Oujda when Morocco is the article's
    assert country_of(run("شهدت الرياض وجدة أمطارا غزيرة أمس."), "جدة") == "SAU"
    assert country_of(run("وصل الوفد المغربي إلى وجدة قادما من الرباط."), "وجدة") == "MAR"


def test_places_district_abroad_is_a_local_namesake() -> None:
    art = run("اندلع حريق في عمارة سكنية بحي الخالدية بمدينة الدمام.")
    (ent,) = find(art, "الخالدية")
    assert ent.link is not None and ent.link.country == "SAU" and ent.link.feature == "unresolved"
    assert any(w.startswith("not:") for w in ent.link.evidence)


def test_places_clubs_in_a_sports_report_are_not_places() -> None:
    text = ("أعلن نادي توتنهام انتقال اللاعب إلى نابولي مقابل خمسة ملايين. وكان اللاعب قد انضم إلى توتنهام "
            "قبل موسمين وخاض معه 40 مباراة وسجل هدفين في الدوري مع الفريق. وستقام المباراة الودية في روما.")
    got = linked(run(text))
    assert [x[0] for x in got if x[2] in ("GBR", "ITA")] == ["روما"], got


@pytest.mark.parametrize(
    ("text", "name", "pid"),
    [
        ("وقع الحادث في طريقهم إلى بيشة صباح أمس.", "بيشة", "place:sau_bisha"),
        ("أكد أن محافظة الكامل شهدت أمطارا.", "الكامل", "place:sau_kamil"),
        ("نقل المصابون إلى شرورة مساء أمس.", "شرورة", "place:sau_sharurah"),
        ("تحدث حاكم ولاية نيوجيرسي عن الانتخابات.", "نيوجيرسي", "place:admin:usa_new_jersey"),
        ("هنأت المملكة رئيس المالديف بذكرى الاستقلال.", "المالديف", "country:MDV"),
    ],
)
def test_places_saudi_towns_us_states_and_more(text: str, name: str, pid: str) -> None:
    ents = [e for e in find(run(text), name) if e.link is not None]
    assert ents and ents[0].link is not None and ents[0].link.id == pid


def test_places_word_like_town_needs_its_cue() -> None:
    assert not find(run("كان العمل الكامل مطلوبا من الجميع."), "الكامل")


def test_places_never_a_place_even_when_tagged() -> None:
    art = run("سجلت وزارة الصحة حالتي كورونا جديدتين في الرياض.")
    assert not find(art, "كورونا")
    assert country_of(art, "الرياض") == "SAU"


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وقعت الجمهورية اليمنية اتفاقا للتعاون.", "الجمهورية اليمنية", "YEM"),
        ("وصل الوفد وبالسلطنة العمانية استقبله الوزير.", "السلطنة العمانية", "OMN"),
        ("قدم الدعم للجمهورية التونسية.", "لجمهورية التونسية", "TUN"),
    ],
)
def test_places_state_name_from_form_of_government_and_nationality(text: str, surface: str, country: str) -> None:
    ents = [e for e in find(run(text), surface) if e.link is not None]
    assert ents and ents[0].link is not None and ents[0].link.country == country, linked(run(text))


def test_places_nationality_after_a_ministry_is_not_a_state() -> None:
    assert not [x for x in linked(run("قالت الحكومة اليمنية إن الوزارة العمانية ترحب.")) if x[1]]
