"""Times: the long tail of real news (issue 16) — vague amounts, the present, rates, centuries, quarters, ages.

Sentences are our own; the values follow docs/annotation/times.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.times.component import extract_times
from marsad.times.eventdate import time_value

PUB = date(2019, 5, 14)


def _times(text: str, published: date | None = PUB) -> dict[str, str | None]:
    art = Article("c", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    return {text[t.start : t.end]: t.value for t in extract_times(art)}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("زار الوزير المصنع قبل أيام برفقة وفد.", "قبل أيام", "PXD"),
        ("تعيش الأسرة في الحي منذ سنوات طويلة.", "منذ سنوات", "PXY"),
        ("ارتفعت الأسعار خلال الأيام الماضية بشكل ملحوظ.", "الأيام الماضية", "PXD"),
        ("يتوقع الخبراء نموا في السنوات القليلة المقبلة.", "السنوات القليلة المقبلة", "PXY"),
        ("تراجع الإنتاج في العقود الأخيرة.", "العقود الأخيرة", "PXDE"),
        ("استمر البناء عدة أشهر قبل الافتتاح.", "عدة أشهر", "PXM"),
        ("وصل الفريق بعد ساعات قليلة من الحادث.", "بعد ساعات قليلة", "PTXH"),
        ("عرف الناس هذه الأرض منذ آلاف السنين.", "منذ آلاف السنين", "PXY"),
        ("خسرت الأسهم خلال الأسبوعين الماضيين.", "الأسبوعين الماضيين", "P2W"),
    ],
)
def test_vague_amounts_are_durations_with_x(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_vague_amount_has_no_date() -> None:
    text = "وقعت الحادثة قبل أيام في السوق."
    art = Article("c", text, meta=Meta(published=PUB))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    (t,) = extract_times(art)
    assert (t.kind, t.interval, time_value(t)) == ("duration", None, None)
    assert "vague" in t.flags


@pytest.mark.parametrize(
    "text",
    [
        "تصل الحافلات أياما متأخرة.",  # a bare plural is not an amount
        "تذكر الرواية سنوات الحرب في المدينة.",  # the years of something
        "منذ سنوات الدراسة وهو يكتب الشعر.",
    ],
)
def test_bare_plurals_are_not_times(text: str) -> None:
    assert not any(v in ("PXD", "PXY") for v in _times(text).values())


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("لم تعلن النتائج حتى الآن.", "الآن"),
        ("يعيش الناس في الوقت الراهن ظروفا صعبة.", "الوقت الراهن"),
        ("تنتشر هذه العادة هذه الأيام بين الشباب.", "هذه الأيام"),
        ("بقي البيت على حاله حتى اليوم.", "اليوم"),
    ],
)
def test_present_reference(text: str, surface: str) -> None:
    assert _times(text).get(surface) == "PRESENT_REF"


def test_present_reference_never_dates_an_event() -> None:
    text = "ما زالت المشكلة قائمة حتى الآن."
    art = Article("c", text, meta=Meta(published=PUB))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    (t,) = extract_times(art)
    assert time_value(t) is None


def test_alain_is_not_now() -> None:
    assert "PRESENT_REF" not in _times("أخرج آلان الفيلم في باريس.").values()


def test_from_now_stays_with_its_duration() -> None:
    assert _times("وقبل ثلاثة أعوام من الآن تغير كل شيء.") == {"قبل ثلاثة أعوام": "P3Y"}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("تنتج المزرعة ألف طن سنويا.", "سنويا", "P1Y"),
        ("يعمل المتجر يومياً حتى المساء.", "يومياً", "P1D"),
        ("تصدر المجلة شهريا.", "شهريا", "P1M"),
    ],
)
def test_rates_are_sets(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("بني القصر في القرن الثامن عشر.", "القرن الثامن عشر", "17XX"),
        ("تعود المخطوطة للقرن التاسع عشر.", "للقرن التاسع عشر", "18XX"),
        ("ظهرت الفكرة في القرن الماضي.", "القرن الماضي", "19XX"),
        ("نعيش في القرن الحادي والعشرين.", "القرن الحادي والعشرين", "20XX"),
    ],
)
def test_centuries(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("ارتفعت أرباح الشركة في الربع الثاني بنسبة كبيرة.", "الربع الثاني", "2019-Q2"),
        ("وزعت الشركة أرباحا عن النصف الأول 2018.", "النصف الأول 2018", "2018-H1"),
        ("تراجعت المبيعات خلال الربع السابق.", "الربع السابق", "2019-Q1"),
        ("تنمو المبيعات في الربع الحالي.", "الربع الحالي", "2019-Q2"),
    ],
)
def test_quarters_and_halves_without_a_year(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    "text",
    [
        "وتمكن اللاعب البالغ 27 عاما من الفوز.",
        "وقال المدرب (45 عاما) إن الفريق جاهز.",
        "توفي الشاعر بعمر 80 سنة في بيته.",
        "يحق لمن هم في سن 18 عاما التصويت.",
    ],
)
def test_ages_are_not_durations(text: str) -> None:
    assert not any(v and v.startswith("P") for v in _times(text).values())


def test_a_duration_is_still_a_duration() -> None:
    assert _times("استمرت الدراسة 27 عاما في الجامعة.") == {"27 عاما": "P27Y"}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("بدأ الحفل الساعة التاسعة مساء أمس.", "الساعة التاسعة مساء أمس", "2019-05-13T21:00"),
        ("تنطلق المباراة في الساعة 20:30 بتوقيت مكة.", "الساعة 20:30 بتوقيت مكة", "2019-05-14T20:30"),
        ("وقع الانفجار عند الساعة الواحدة والنصف ظهرا.", "الساعة الواحدة والنصف ظهرا", "2019-05-14T13:30"),
        ("يفتح المعرض من الساعة العاشرة صباحا حتى الثامنة مساء.", "من الساعة العاشرة صباحا حتى الثامنة مساء",
         "T10:00/T20:00"),
        ("وصل الوفد في الساعة الحادية عشرة من صباح اليوم.", "الساعة الحادية عشرة من صباح اليوم", "2019-05-14T11:00"),
    ],
)
def test_clock_times(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_clock_time_without_a_date_is_kept_as_a_time() -> None:
    assert _times("يغلق المتجر الساعة العاشرة مساء.", published=None) == {"الساعة العاشرة مساء": "T22:00"}


@pytest.mark.parametrize("text", ["نشرت صحيفة اليوم السابع صباحا خبرا.", "حصل على المرتبة العاشرة في السباق."])
def test_ordinals_are_not_clock_times(text: str) -> None:
    assert not any(v and "T" in v and ":" in v for v in _times(text).values())


def test_friday_sermon_is_not_a_date() -> None:
    assert "الجمعة" not in _times("وتحدث الإمام في خطبة الجمعة عن الصبر.")
    assert _times("وصل الوزير الجمعة إلى المدينة.").get("الجمعة") == "2019-05-10"


def test_a_report_filed_the_day_before_counts_its_day_words_from_that_day() -> None:
    # published Friday 2019-05-17; «أمس الأربعاء» says the reporter wrote on Thursday
    got = _times("أجريت العملية أمس «الأربعاء» وغادر المريض صباح أمس إلى بيته.", published=date(2019, 5, 17))
    assert got["أمس «الأربعاء»"] == "2019-05-15"
    assert got["صباح أمس"] == "2019-05-15TMO"


def test_day_words_that_agree_with_publication_are_left_alone() -> None:
    got = _times("وصل الوفد أمس الخميس ويغادر صباح الغد.", published=date(2019, 5, 17))
    assert got == {"أمس الخميس": "2019-05-16", "صباح الغد": "2019-05-18TMO"}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("وستقام المباراة بعد يوم واحد من وصول الفريق.", "بعد يوم واحد", "P1D"),
        ("استمر الاحتفال يوما كاملا في الساحة.", "يوما كاملا", "P1D"),
        ("نفدت الكمية في أقل من ساعة.", "ساعة", "PT1H"),
        ("مضى أكثر من عامين على افتتاح الجسر.", "عامين", "P2Y"),
    ],
)
def test_one_unit_said_so_and_after_an_approximator(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_a_bare_dual_adjective_is_not_a_duration() -> None:
    assert _times("أعلن عن مقرين عامين للجمعية.") == {}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("ارتفعت الحرارة كثيرا هذا الصيف في المدينة.", "هذا الصيف", "2019-SU"),
        ("سافر الفريق إلى أوروبا الصيف الماضي.", "الصيف الماضي", "2018-SU"),
        ("تراجعت الأسعار منذ صيف عام 2014.", "صيف عام 2014", "2014-SU"),
        ("يعود المعرض في الربيع المقبل.", "الربيع المقبل", "2020-SP"),
    ],
)
def test_seasons(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_a_generic_season_is_not_a_time() -> None:
    assert _times("تكثر الرحلات في موسم الصيف.") == {}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("ويلاقي الفريق منافسه الأحد بعد المقبل.", "الأحد بعد المقبل", "2019-05-26"),
        ("زاد الدخل عما كان عليه في العام الماضي 2016.", "العام الماضي 2016", "2016"),
        ("ما زالت الأسعار تهبط منذ يوم الجمعة.", "منذ يوم الجمعة", "2019-05-10/2019-05-14"),
        ("وبلغ عدد السكان ثلاثة أضعاف ما هو عليه اليوم.", "اليوم", "PRESENT_REF"),
    ],
)
def test_more_of_the_long_tail(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ارتفعت الحالات خلال الاثني عشر شهرا الماضية.", "P12M"),
        ("تعمل الخدمة على مدار الأربع وعشرين ساعة.", "PT24H"),
    ],
)
def test_definite_cardinals_in_durations(text: str, value: str) -> None:
    assert value in _times(text).values()


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("ينتج الحقل 10 آلاف برميل في اليوم.", "اليوم", "P1D"),
        ("لا يعمل الموظف أكثر من ثماني ساعات في اليوم الواحد.", "اليوم الواحد", "P1D"),
        ("تقام المسابقة مرتين في العام.", "العام", "P1Y"),
        ("حقق العداء المركز الأول بزمن 35 ثانية.", "35 ثانية", "PT35S"),
        ("لم يصل أحد حتى اللحظة إلى المكان.", "اللحظة", "PRESENT_REF"),
        ("وبعد سنوات من العمل افتتح المتحف.", "سنوات", "PXY"),
        ("كتب الرواية خلال بضع سنوات فقط.", "بضع سنوات", "PXY"),
    ],
)
def test_rates_seconds_and_clitics(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_in_the_day_is_still_today_with_a_date_after() -> None:
    assert _times("يصل الوفد في اليوم الخميس.").get("اليوم الخميس", "") != "P1D"
