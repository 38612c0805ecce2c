"""Resolution against the publication date: ISO values, granularities, weekdays, relative forms."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, RelativeTime, Sentence, TimeExpr
from marsad.times.component import extract_times
from marsad.times.resolve import display_value, period_bounds, relative_string, resolve_relative

TUE = date(2017, 11, 21)  # a Tuesday, ISO week 47
THU = date(2018, 3, 15)  # a Thursday


def _times(text: str, published: date | None) -> list[TimeExpr]:
    art = Article("t", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    return extract_times(art)


def _one(text: str, published: date | None = TUE) -> TimeExpr:
    times = _times(text, published)
    assert len(times) == 1, [text[t.start : t.end] for t in times]
    return times[0]


@pytest.mark.parametrize(
    ("text", "published", "value", "granularity"),
    [
        ("التقى الرئيس مساء أمس الإثنين بالوفد.", TUE, "2017-11-20TEV", "part_of_day"),
        ("لم يعلن عنها سوى اليوم الثلاثاء.", TUE, "2017-11-21", "day"),
        ("كانت الزيارة في أكتوبر 2015.", TUE, "2015-10", "month"),
        ("يزور روسيا هذا الأسبوع.", TUE, "2017-W47", "week"),
        ("التقى بالأسد مساء الاثنين في سوتشي.", TUE, "2017-11-20TEV", "part_of_day"),
        ("شن الطيران غارات فجر الأحد الماضي.", TUE, "2017-11-19TDW", "part_of_day"),
        ("أعلنت الرئاسة ظهر اليوم القرار.", TUE, "2017-11-21TMI", "part_of_day"),
        ("اندلعت اشتباكات عصر أمس.", TUE, "2017-11-20TAF", "part_of_day"),
        ("شهدت المدينة الليلة الماضية أمطارا.", TUE, "2017-11-20TNI", "part_of_day"),
        ("وصل صباح الغد.", TUE, "2017-11-22TMO", "part_of_day"),
        ("جرت المباراة أول أمس.", TUE, "2017-11-19", "day"),
        ("تبدأ المفاوضات بعد غد.", TUE, "2017-11-23", "day"),
        ("عقد الاجتماع الأحد.", TUE, "2017-11-19", "day"),
        ("عقد الاجتماع الثلاثاء.", TUE, "2017-11-21", "day"),  # the publication's own weekday: that day
        ("يعقد الاجتماع الثلاثاء المقبل.", TUE, "2017-11-28", "day"),
        ("عقد الاجتماع الخميس الماضي.", TUE, "2017-11-16", "day"),
        ("سيزور الرئيس موسكو الخميس.", TUE, "2017-11-23", "day"),
        ("تراجعت الأسعار الأسبوع الماضي.", TUE, "2017-W46", "week"),
        ("ارتفعت الحرارة الأسبوع الماضي.", date(2018, 1, 3), "2017-W52", "week"),
        ("يبدأ العمل الشهر المقبل.", date(2017, 12, 5), "2018-01", "month"),
        ("ينمو الاقتصاد العام المقبل.", TUE, "2018", "year"),
        ("انخفض الإنتاج في السنة الماضية.", TUE, "2016", "year"),
        ("ارتفعت المبيعات في نوفمبر الماضي.", TUE, "2016-11", "month"),
        ("وقع في الثالث من أكتوبر الماضي.", TUE, "2017-10-03", "day"),
        ("أعلنت الحكومة في مارس خطة.", TUE, "2017-03", "month"),
        ("سيفتتح المتحف في فبراير.", TUE, "2018-02", "month"),
        ("تبدأ الأعمال في ديسمبر.", TUE, "2017-12", "month"),
        ("عقد في 21 نوفمبر الاجتماع.", TUE, "2017-11-21", "day"),
        ("انتهت في العشرين من الشهر الجاري.", TUE, "2017-11-20", "day"),
        ("تأسست عام 2015 الشركة.", TUE, "2015", "year"),
        ("انتشر في التسعينيات.", TUE, "199X", "decade"),
        ("هاجرت في ثمانينيات القرن الماضي.", TUE, "198X", "decade"),
        ("تضاعف العدد خلال العقد الماضي.", TUE, "200X", "decade"),
        ("الموافق 3 ربيع الأول 1439 هـ للقاء.", TUE, "2017-11-21", "day"),
        ("صاموا رمضان الماضي.", TUE, "2017-05-27/2017-06-24", "month"),
        ("بدأ في عام 1439هـ التنفيذ.", TUE, "2017-09-21/2018-09-10", "year"),
        ("نشر في ٢١/١١/٢٠١٧ التقرير.", TUE, "2017-11-21", "day"),
        ("حدد الموعد في 2018-04-01.", TUE, "2018-04-01", "day"),
        ("تعيش البلاد أزمة منذ عام 2011.", TUE, "2011/2017-11-21", "year"),
        ("يستمر العمل حتى نهاية العام.", TUE, "2017-11-21/2017-12-31", "year"),
        ("يقام من 20 إلى 22 نوفمبر.", TUE, "2017-11-20/2017-11-22", "day"),
        ("ارتفعت من سبتمبر إلى يونيو 2018.", TUE, "2017-09/2018-06", "month"),
        ("تولى المنصب من 2011 إلى 2015.", TUE, "2011/2015", "year"),
        ("نمت في الربع الأول من العام الجاري.", TUE, "2017-Q1", "quarter"),
        ("يتوقع النتائج خلال ثلاثة أيام.", TUE, "P3D", "day"),
        ("يعمل منذ ثلاث سنوات.", TUE, "P3Y", "year"),
        ("وقع الانفجار قبل ساعتين.", TUE, "PT2H", "hour"),
        ("تجرى الانتخابات كل أربع سنوات.", TUE, "P4Y", "year"),
        ("تتحسن في النصف الثاني من العام المقبل.", TUE, "2018-H2", "half"),
    ],
)
def test_times_resolve_value_and_granularity(text: str, published: date, value: str, granularity: str) -> None:
    t = _one(text, published)
    assert (t.value, t.granularity) == (value, granularity)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("غادر الوفد قبل يومين.", "2017-11-19"),
        ("سيعود بعد أسبوع.", "2017-11-28"),
        ("يعمل منذ ثلاث سنوات.", "2014-11-21/2017-11-21"),
        ("يتوقع النتائج خلال ثلاثة أيام.", "2017-11-21/2017-11-24"),
        ("تراجعت خلال الأيام الثلاثة الماضية.", "2017-11-18/2017-11-21"),
        ("أغلقت الحدود لمدة شهر.", None),
    ],
)
def test_times_resolve_duration_implies_interval(text: str, interval: str | None) -> None:
    t = _one(text)
    assert t.kind == "duration"
    assert t.interval == interval


def test_times_resolve_weekday_mismatch_is_flagged_and_weekday_wins() -> None:
    wed = date(2017, 11, 22)  # yesterday was Tuesday, not Monday
    t = _one("التقى الوزير أمس الإثنين بالسفراء.", wed)
    assert t.value == "2017-11-20"
    assert "weekday_mismatch" in t.flags
    assert t.confidence < 0.9


def test_times_resolve_weekday_that_agrees_is_not_flagged() -> None:
    t = _one("التقى الوزير أمس الإثنين بالسفراء.", TUE)
    assert t.value == "2017-11-20"
    assert t.flags == []


def test_times_resolve_date_with_wrong_weekday_keeps_date_and_flags() -> None:
    t = _one("أعلن الأربعاء 20 نوفمبر 2017 القرار.", TUE)
    assert t.value == "2017-11-20"
    assert "weekday_mismatch" in t.flags


def test_times_resolve_position_in_period_is_a_mod_flag() -> None:
    t = _one("بدأ التطبيق مطلع العام.")
    assert (t.value, t.flags) == ("2017", ["mod=START"])


@pytest.mark.parametrize(
    ("text", "relative", "string"),
    [
        ("مساء أمس الإثنين التقى الرئيسان.", RelativeTime("day", -1, 0, "evening"), "REL:day-1:wd=0:pod=evening"),
        ("لم يعلن إلا اليوم الثلاثاء.", RelativeTime("day", 0, 1, None), "REL:day+0:wd=1"),
        ("التقى به مساء الاثنين.", RelativeTime("day", -1, 0, "evening"), "REL:day-1:wd=0:pod=evening"),
        ("يزور روسيا هذا الأسبوع.", RelativeTime("week", 0), "REL:week+0"),
        ("ارتفعت الأسعار الشهر الماضي.", RelativeTime("month", -1), "REL:month-1"),
        ("تجري الانتخابات الخميس المقبل.", RelativeTime("day", 1, 3), "REL:day+1:wd=3"),
    ],
)
def test_times_resolve_without_date_stays_relative(text: str, relative: RelativeTime, string: str) -> None:
    t = _one(text, None)
    assert t.value is None
    assert t.anchor is None
    assert t.relative == relative
    assert display_value(t.value, t.relative) == string == relative_string(relative)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("كانت الزيارة في أكتوبر 2015.", "2015-10"),
        ("عقد في 21 نوفمبر الاجتماع.", "XXXX-11-21"),
        ("تعيش البلاد أزمة منذ عام 2011.", "2011/.."),
        ("غادر الوفد قبل يومين.", "P2D"),
    ],
)
def test_times_resolve_without_date_keeps_what_is_absolute(text: str, value: str) -> None:
    assert _one(text, None).value == value


@pytest.mark.parametrize(
    ("rel", "value", "granularity"),
    [
        (RelativeTime("day", -1, 0, "evening"), "2017-11-20TEV", "part_of_day"),
        (RelativeTime("day", 0, 1), "2017-11-21", "day"),
        (RelativeTime("day", -1, 1), "2017-11-14", "day"),
        (RelativeTime("day", 1, 3), "2017-11-23", "day"),
        (RelativeTime("day", -2), "2017-11-19", "day"),
        (RelativeTime("week", 0), "2017-W47", "week"),
        (RelativeTime("week", 1), "2017-W48", "week"),
        (RelativeTime("month", -1), "2017-10", "month"),
        (RelativeTime("month", 2), "2018-01", "month"),
        (RelativeTime("year", 1), "2018", "year"),
    ],
)
def test_times_resolve_relative_once_date_known(rel: RelativeTime, value: str, granularity: str) -> None:
    assert resolve_relative(rel, TUE) == (value, granularity)


def test_times_resolve_dateline_anchors_when_no_publication_date() -> None:
    text = "القاهرة - 21 نوفمبر 2017\nأعلنت وزارة الداخلية أمس القبض على خلية."
    times = _times(text, None)
    assert [(text[t.start : t.end], t.value, t.anchor) for t in times] == [
        ("21 نوفمبر 2017", "2017-11-21", "absolute"),
        ("أمس", "2017-11-20", "dateline"),
    ]


def test_times_resolve_a_late_date_is_not_a_dateline() -> None:
    text = "سطر أول\nسطر ثان\nسطر ثالث\nسطر رابع وفيه 21 نوفمبر 2017 ثم أمس."
    times = _times(text, None)
    assert [t.value for t in times] == ["2017-11-21", None]


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2017-11-20TEV", date(2017, 11, 20), date(2017, 11, 20)),
        ("2017-W47", date(2017, 11, 20), date(2017, 11, 26)),
        ("2017-02", date(2017, 2, 1), date(2017, 2, 28)),
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
        ("199X", date(1990, 1, 1), date(1999, 12, 31)),
        ("2011/2017-11-21", date(2011, 1, 1), date(2017, 11, 21)),
    ],
)
def test_times_resolve_period_bounds(value: str, first: date, last: date) -> None:
    assert period_bounds(value) == (first, last)
