"""Times: more ages (a chain of ages after one age word, an age limit after دون/فوق) and a passive participle
before a bare اليوم ("nowadays"). Sentences are our own; values follow docs/annotation/times.md."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.times.component import extract_times

PUB = date(2019, 5, 14)


def _times(text: str) -> dict[str, str | None]:
    art = Article("c", text, meta=Meta(published=PUB))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    return {text[t.start : t.end]: t.value for t in extract_times(art)}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("حدد القانون سن التقاعد عند 60 عاما بعد أن كان 58 عاما في الماضي.", "58 عاما"),
        ("بلغ متوسط العمر عند الزواج 30 عاما للرجال و27 عاما للنساء.", "27 عاما"),
        ("يمنع النظام تشغيل الأطفال دون 15 عاما في المصانع.", "15 عاما"),
        ("خصصت البلدية مقاعد لكبار السن فوق 65 عاما في الحافلات.", "65 عاما"),
    ],
)
def test_chained_ages_and_age_limits_are_not_durations(text: str, age: str) -> None:
    assert age not in _times(text)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("قضى المهندس 12 عاما في الشركة قبل أن ينتقل.", "12 عاما", "P12Y"),
        ("عمل في المستشفى عشر سنوات ثم 5 أعوام في الجامعة.", "5 أعوام", "P5Y"),
    ],
)
def test_years_without_an_age_word_stay_durations(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_passive_participle_before_today_means_nowadays() -> None:
    text = "انتقل السكان إلى المنطقة المعروفة اليوم باسم الحي الجديد."
    assert _times(text).get("اليوم") == "PRESENT_REF"


def test_a_match_today_stays_the_publication_day() -> None:
    text = "يلعب الفريق المباراة اليوم في الملعب الرئيسي."
    assert _times(text).get("اليوم") == "2019-05-14"
