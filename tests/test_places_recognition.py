"""Recognition of places: locative cues, datelines, clitics, adjectives, transliteration, unknown settlements."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import find, pipeline
from marsad.article import Article, Meta


def run(text: str, source: str | None = None) -> Article:
    art = Article("", text, Meta(published=date(2015, 7, 25), source=source))
    pipeline()(art)
    return art


def _link(art: Article, name: str) -> tuple[str | None, list[str]]:
    ents = [e for e in find(art, name) if e.link is not None]
    assert ents, [art.text[e.start:e.end] for e in art.entities or []]
    return ents[0].link.country if ents[0].link else None, ents[0].link.evidence if ents[0].link else []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("وصل وفد رسمي إلى زليتن صباح اليوم.", "زليتن", "LBY"),
        ("عقد الاجتماع في مدينة عرعر أمس.", "عرعر", "SAU"),
        ("سقطت أمطار غزيرة قرب الحسيمة ليلا.", "الحسيمة", "MAR"),
        ("تقدمت القوات شمال البوكمال.", "البوكمال", "SYR"),
    ],
)
def test_places_recognition_after_a_cue(text: str, name: str, country: str) -> None:
    got, why = _link(run(text), name)
    assert got == country
    assert "cue:strong" in why or "cue:weak" in why


def test_places_recognition_dateline() -> None:
    art = run("خبر قصير\n\nأبها - واس\nافتتح المسؤول معرضا للكتاب.")
    country, why = _link(art, "أبها")
    assert country == "SAU" and "cue:dateline" in why


def test_places_recognition_clitic_prefix() -> None:
    art = run("اندلع حريق في سوق بزليتن مساء الخميس.")
    (ent,) = [e for e in art.entities or [] if e.link is not None and e.link.country == "LBY"]
    assert art.text[ent.start : ent.end] == "زليتن"


def test_places_recognition_country_name_as_adjective_is_not_a_place() -> None:
    art = run("أعلنت الحكومة السعودية عن خطة جديدة.")
    assert not [e for e in art.entities or [] if e.link is not None and e.link.feature == "country"]
    assert find(run("وقعت السعودية الاتفاق."), "السعودية")


def test_places_recognition_the_kingdom_in_saudi_news() -> None:
    assert find(run("أكدت المملكة دعمها للمبادرة.", source="sabq"), "المملكة")
    assert not find(run("أكدت المملكة دعمها للمبادرة."), "المملكة")


def test_places_recognition_common_word_needs_a_cue() -> None:
    assert not find(run("قرأت الخبر في الصحيفة صباحا."), "الخبر")
    country, _ = _link(run("الخبر - واس\nافتتح المسؤول معرضا للكتاب.", source="sabq"), "الخبر")
    assert country == "SAU"


def test_places_recognition_transliteration() -> None:
    res_art = run("وصل الوفد إلى مدينة لوديانا صباح اليوم.")
    ents = [e for e in res_art.entities or [] if e.link is not None and e.link.country == "IND"]
    assert ents and any(w.startswith("translit:") for w in ents[0].link.evidence)  # type: ignore[union-attr]


def test_places_recognition_unknown_settlement_takes_the_article_country() -> None:
    art = run("افتتح أمير منطقة عسير مشروعا في حي الزقزوق بأبها.")
    (ent,) = find(art, "الزقزوق")
    assert ent.link is not None and ent.link.country == "SAU" and ent.link.lat is None
    assert ent.link.feature == "unresolved"


@pytest.mark.parametrize(
    "text",
    [
        "شاهدنا فيلما جديدا ثم فيلم قصير.",  # ف + يلم is not a town
        "لا يزال والد الطالب ينتظر.",
        "عادت الفنانة إلى مسقط رأسها بعد غياب.",  # her birthplace, not Muscat
    ],
)
def test_places_recognition_words_are_not_places(text: str) -> None:
    art = run(text)
    assert not [e for e in art.entities or [] if e.link is not None and e.link.feature == "city"]


def test_places_recognition_organisation_names_hold_no_place() -> None:
    art = run("أعلنت جامعة جازان نتائج القبول.")
    assert not [e for e in art.entities or [] if e.link is not None and e.link.country == "SAU"
                and e.link.feature == "city"]
    art = run("افتتح المعرض في مطار الملك عبدالله بجازان.")
    assert find(art, "جازان")
