"""Quotation forms of real Saudi news (issue 15), on sentences we wrote: not-quotations in quote marks, the
writer's asides, «SPEAKER: words», source phrases, carried speakers, «على لسان», «صرح بذلك»."""

from __future__ import annotations

import pytest

from marsad.article import Article
from quotes_reading import read_quotes

_read = read_quotes


def _contents(art: Article) -> list[str]:
    return [art.text[q.start:q.end] for q in art.quotes or []]


@pytest.mark.parametrize(
    "text",
    [
        'وأطلقت الوزارة أمس حملة "صحتك في يدك أولا" في مدارس المنطقة.',
        'وشارك الطلاب في برنامج «صيفنا أجمل مع الأسرة» الذي تنظمه البلدية.',
        'وعرضت القناة مسلسل "أيام الحارة القديمة" في رمضان.',
        'يذكر أن المهرجان يستمر عشرة أيام في الحديقة العامة.',
    ],
)
def test_quotes_real_forms_not_quotations(text: str) -> None:
    assert _read(text).quotes == []


def test_quotes_real_forms_quoted_words_with_no_cue_are_not_quotations() -> None:
    art = _read('وزار الوفد معرض "الحرف اليدوية في الجنوب" قبل أن يغادر المدينة.')
    assert art.quotes == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('وأعلنت الشركة عن افتتاح "فندق الواحة الكبير" في جدة الأسبوع المقبل.', "فندق الواحة الكبير"),
        ('وأكد المدير أن اللجنة انتقدت «التسرب من المدارس» وأرجعت ذلك إلى ضعف المتابعة.', "التسرب من المدارس"),
        ('ووصف أحد المزارعين الجراد ب"العدو الأول للمحصول" لأنه يأكل كل شيء.', "العدو الأول للمحصول"),
    ],
)
def test_quotes_real_forms_short_term_in_marks_is_no_quotation(text: str, term: str) -> None:
    art = _read(text)
    assert term in text and term not in _contents(art)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('وقال المحافظ خلال الحفل "سنواصل دعم الشباب".', "سنواصل دعم الشباب"),
        ('وقال المحافظ: "سنواصل دعم الشباب" ثم غادر القاعة.', "سنواصل دعم الشباب"),
        ('"سنواصل دعم الشباب"، قال المحافظ للحضور.', "سنواصل دعم الشباب"),
    ],
)
def test_quotes_real_forms_short_quotation_after_its_cue_stays(text: str, said: str) -> None:
    assert said in _contents(_read(text))


def test_quotes_real_forms_source_phrase_before_its_clause() -> None:
    art = _read("وبحسب متعاملين في سوق الخضار، فإن الأسعار ارتفعت كثيرا هذا الأسبوع.")
    assert _contents(art) == ["الأسعار ارتفعت كثيرا هذا الأسبوع"]
    q = (art.quotes or [])[0]
    assert not q.direct and q.cue is not None and art.text[q.cue.start:q.cue.end] == "وبحسب"


def test_quotes_real_forms_source_phrase_needs_its_comma() -> None:
    assert _read("وبدأ العمل في المشروع حسب الخطة الموضوعة من قبل.").quotes == []


def test_quotes_real_forms_headline() -> None:
    art = _read("العمري: سنفتتح ثلاث مدارس جديدة في القرية\n\nأعلنت إدارة التعليم خطتها للعام المقبل.")
    assert _contents(art)[0] == "سنفتتح ثلاث مدارس جديدة في القرية"
    q = (art.quotes or [])[0]
    assert q.direct and q.cue is None


def test_quotes_real_forms_dateline_is_no_speaker() -> None:
    art = _read("خبر عاجل\n\nسالم العنزي - سبق - تبوك: تمكنت فرق الدفاع المدني من إخماد حريق في مستودع.")
    assert art.quotes == []


def test_quotes_real_forms_dateline_with_tatweel_dash_is_no_speaker() -> None:
    art = _read("مستشفى يعايد منسوبيه\n\n سبق ـ أبها: أقام المستشفى حفلا لمنسوبيه بمناسبة العيد.")
    assert art.quotes == []


def test_quotes_real_forms_colon_after_a_cue() -> None:
    art = _read('وقال مدير المستشفى لـ"الوطن": المرضى يتلقون العلاج في القسم الجديد منذ أسبوع.')
    assert _contents(art) == ["المرضى يتلقون العلاج في القسم الجديد منذ أسبوع"]
    assert (art.quotes or [])[0].direct


def test_quotes_real_forms_elided_subject_carries_the_speaker() -> None:
    art = _read("وقال المتحدث باسم شرطة منطقة جازان إن الدوريات انتشرت في الأحياء. "
                "وأوضح أن التحقيقات مستمرة مع الموقوفين.")
    qs = art.quotes or []
    assert len(qs) == 2
    assert qs[1].speaker_span is not None and qs[1].speaker_span == qs[0].speaker_span
    assert (qs[1].speaker_country, qs[1].speaker_sector) == ("SAU", "COP")


def test_quotes_real_forms_participle_keeps_the_sentence_speaker() -> None:
    art = _read("وأكد مدير الجمعية أن التبرعات زادت هذا العام، سائلا الله أن يبارك في جهود المتطوعين.")
    qs = art.quotes or []
    assert len(qs) == 2
    assert qs[1].speaker_span == qs[0].speaker_span


def test_quotes_real_forms_said_so() -> None:
    art = _read("حريق في مستودع\n\nأخمدت فرق الدفاع المدني حريقا في مستودع للأخشاب دون إصابات. "
                "صرح بذلك المتحدث الرسمي للدفاع المدني بالمنطقة.")
    qs = art.quotes or []
    assert _contents(art) == ["أخمدت فرق الدفاع المدني حريقا في مستودع للأخشاب دون إصابات"]
    assert qs[0].speaker_span is not None
    assert art.text[qs[0].speaker_span.start:qs[0].speaker_span.end].startswith("المتحدث الرسمي")


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("وقال مصدر أمني جزائري إن الهجوم وقع ليلا قرب الحدود.", "DZA", "COP"),
        ("وقالت مصادر تركية رسمية إن الطائرات عادت إلى قواعدها.", "TUR", "GOV"),
        ("وقال مسؤول في وزارة المالية إن الميزانية لم تتأثر.", "SAU", "GOV"),
    ],
)
def test_quotes_real_forms_nationality_words(text: str, country: str, sector: str) -> None:
    q = (_read(text).quotes or [])[0]
    assert (q.speaker_kind, q.speaker_country, q.speaker_sector) == ("anonymous", country, sector)


def test_quotes_real_forms_rank_before_a_name() -> None:
    art = _read("وأوضح مدير العلاقات العامة بالسجون الملازم أول تركي سعد الحربي أن الحفل يقام غدا في القاعة.")
    q = (art.quotes or [])[0]
    assert q.speaker_name is not None and q.speaker_name.startswith("Turki")
    assert q.speaker_country == "SAU"
