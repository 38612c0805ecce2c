"""Quotation forms of issue 15, round 2, on sentences we wrote: marks that quote only part of a reported clause,
a subject standing right before its cue verb, and a participle after a main verb whose subject is a descriptor."""

from __future__ import annotations

import pytest

from marsad.article import Article
from quotes_reading import read_quotes

_read = read_quotes


def _speaker(art: Article, i: int) -> str | None:
    sp = (art.quotes or [])[i].speaker_span
    return art.text[sp.start:sp.end] if sp is not None else None


def test_quotes_round2_partly_quoted_clause_is_one_reported_item() -> None:
    art = _read('وقال مدير المهرجان في البيان إن الأفلام المحلية "نالت إعجاب الجمهور في الدورة الماضية" '
                'وإن الدورة المقبلة ستوفر "فرصا أكبر للمخرجين الشباب".')
    qs = art.quotes or []
    assert len(qs) == 1
    assert not qs[0].direct
    assert art.text[qs[0].start:qs[0].end].startswith("الأفلام المحلية")


@pytest.mark.parametrize(
    "text",
    [
        'وقال مدير المهرجان إن "الأفلام المحلية نالت إعجاب الجمهور في الدورة الماضية".',
        'وأضاف مدير المهرجان أنه «سيتم توسيع برنامج الورش في الدورة المقبلة».',
    ],
)
def test_quotes_round2_whole_clause_in_marks_stays_direct(text: str) -> None:
    qs = _read(text).quotes or []
    assert len(qs) == 1 and qs[0].direct


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وكانت وزارة الصحة قد أكدت خلال زيارة الوزير خالد الفالح أن المستشفيات جاهزة.", "وزارة الصحة"),
        ("أما وزارة الصحة فأكدت أن المستشفيات جاهزة لاستقبال المرضى.", "وزارة الصحة"),
    ],
)
def test_quotes_round2_subject_right_before_the_verb(text: str, speaker: str) -> None:
    art = _read(text)
    assert len(art.quotes or []) == 1
    assert _speaker(art, 0) == speaker


def test_quotes_round2_participle_takes_the_main_verbs_descriptor_subject() -> None:
    art = _read("وقال المتحدث باسم الشرطة إن الدوريات انتشرت في الأحياء.\n"
                "وأبقت إدارة النادي على المدرب الحالي، مشيرة إلى أن العقد يستمر موسمين.")
    qs = art.quotes or []
    assert len(qs) == 2
    spk = _speaker(art, 1)
    assert spk == "إدارة النادي"
    assert qs[1].speaker_kind == "body"


@pytest.mark.parametrize(
    "text",
    [
        "وارتفعت مبيعات المتاجر في الربع الثاني، مما يشير إلى أن الاستهلاك بدأ يتعافى.",
        "وتراجعت أسعار النفط خلال الأسبوع، وهو ما يعني أن الإيرادات ستنخفض هذا العام.",
    ],
)
def test_quotes_round2_a_fact_that_points_to_something_is_no_quotation(text: str) -> None:
    assert _read(text).quotes == []


def test_quotes_round2_speech_given_by_the_sentences_subject() -> None:
    art = _read("وبعد ذلك ألقى رئيس بلدية المحافظة كلمة أوضح فيها أن المشاريع الجديدة ستنتهي قبل الصيف.")
    assert len(art.quotes or []) == 1
    spk = _speaker(art, 0)
    assert spk is not None and spk.startswith("رئيس بلدية")
