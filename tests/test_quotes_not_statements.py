"""Words that look like cues but report no one's statement (issue 15, false quotations), on sentences we wrote: a
noun with ة read as a verb with ه, the jussive spelling shared with قلّ «be less», the writer's own voice, a
present-tense verb no one is the subject of, and a source phrase after a clause a cue already reports."""

from __future__ import annotations

import pytest

from quotes_reading import read_quotes

_read = read_quotes


@pytest.mark.parametrize(
    "text",
    [
        # a noun with ة: «إشارة إلى أن» is not «أشاره»
        "وجاء القرار في إشارة إلى أن الموسم المقبل سيبدأ مبكرا هذا العام.",
        # «فترة» is not «ف + تره»
        "وامتدت فترة أن الفريق كان يستعد للبطولة طويلا قبل السفر.",
        # قلّ «be less», not قال
        "ويشترط ألا يقل عمر المتقدم عن عشرين عاما وأن يحمل شهادة جامعية.",
        "وارتفع عدد الزوار بنسبة لا تقل عن ثلاثين في المئة مقارنة بالعام الماضي.",
        # the writer's own voice
        "ولا أبالغ لو قلت إن المدينة أصبحت أجمل مما كانت عليه قبل عشر سنوات.",
        "وأقول لهم إن الطريق ما زال طويلا أمام الجميع.",
        "ولفت نظري أن المعرض ضم عددا كبيرا من الكتب النادرة.",
        # a present-tense verb whose subject is a fact, not a speaker
        "وتشير الأرقام الأخيرة إلى أن الصادرات ارتفعت خلال الربع الثاني من العام.",
    ],
)
def test_quotes_not_statements_no_quote(text: str) -> None:
    assert _read(text).quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("ولم يقل الوزير إن المشروع سيتوقف في العام المقبل.", "المشروع سيتوقف"),
        ("وقال الوزير إن المشروع سيكتمل في العام المقبل.", "المشروع سيكتمل"),
        ("وأشار مدير الجامعة إلى أن التسجيل يبدأ الأحد المقبل.", "التسجيل يبدأ"),
        ("ويشير مدير الجامعة إلى أن التسجيل يبدأ الأحد المقبل.", "التسجيل يبدأ"),
        ("واشترطت الوزارة أن يكون المتقدم سعودي الجنسية.", "يكون المتقدم"),
        ("وذكر التقرير أن الأسعار ستنخفض، متوقعا أن تتعافى الأرباح خلال العام المقبل.", "تتعافى الأرباح"),
    ],
)
def test_quotes_not_statements_real_cues_kept(text: str, content: str) -> None:
    art = _read(text)
    assert any(art.text[q.start:q.end].startswith(content) for q in art.quotes or []), art.quotes


def test_quotes_not_statements_source_after_a_reported_clause_adds_no_quote() -> None:
    art = _read("وأكد مدير المعهد خالد السالم أن الطلاب حققوا نتائج متميزة هذا العام، وفق ما ذكر في حوار مع الصحيفة.")
    qs = art.quotes or []
    assert len(qs) == 1
    assert art.text[qs[0].start:qs[0].end].startswith("الطلاب حققوا")
