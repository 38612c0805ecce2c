"""Times: conventions of the real-news gold (issue 16 parts 1-2) — حتى, Hijri numbers, the present اليوم,
amounts, ranges, standing rules, appointments, results quarters, anniversaries, and words that are no times.

Sentences are our own; the values follow docs/annotation/times.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.times.component import extract_times

PUB = date(2019, 7, 24)  # a Wednesday, early in the third quarter


def _times(text: str, published: date | None = PUB, paragraphs: bool = False) -> dict[str, str | None]:
    art = Article("c", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    if paragraphs:
        spans, pos = [], 0
        for part in text.split("\n\n"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 2
    else:
        spans = [(0, len(text))]
    art.structure = [Block(f"b{k}", s, e, "paragraph", prov) for k, (s, e) in enumerate(spans, 1)]
    art.sentences = [Sentence(f"s{k}", s, e, f"b{k}", prov) for k, (s, e) in enumerate(spans, 1)]
    return {text[t.start : t.end]: t.value for t in extract_times(art)}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # حتى marks a deadline: the expression is the date alone
        ("ستنهي اللجنة عملها حتى نهاية أكتوبر المقبل.", "نهاية أكتوبر المقبل", "2019-10"),
        ("تخطط الشركة لمضاعفة إنتاجها حتى عام 2030.", "عام 2030", "2030"),
        # after a verb of continuing it is still a stretch from the anchor
        ("يستمر العمل بالقرار حتى نهاية العام.", "حتى نهاية العام", "2019-07-24/2019-12-31"),
    ],
)
def test_until_is_a_deadline_unless_something_goes_on(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("ينتهي التسجيل يوم الخميس ٢٠ / ١١ / ١٤٤٠.", "يوم الخميس ٢٠ / ١١ / ١٤٤٠", "2019-07-23"),
        ("صدر البيان بتاريخ 15 - 06 - 2019 عن المجلس.", "15 - 06 - 2019", "2019-06-15"),
        ("يتخلف المقيم عن التصحيح قبل نهاية شوال فيغرم.", "نهاية شوال", "2019-06-04/2019-07-03"),
    ],
)
def test_hijri_and_numeric_dates(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_bare_today_is_nowadays_after_a_participle() -> None:
    assert _times("بات الناس منتشرين اليوم في كل المدن.").get("اليوم") == "PRESENT_REF"


def test_bare_today_in_a_column_without_other_days_is_nowadays() -> None:
    text = "\n\n".join((
        "مقال في الرأي", "بقلم كاتب", "السكن والناس", "كتب كثيرون عن الموضوع حتى الآن دون جدوى.",
        "والمدينة تعيش اليوم أزمة سكن خانقة.",
    ))
    assert _times(text, paragraphs=True).get("اليوم") == "PRESENT_REF"


def test_bare_today_in_a_report_with_a_weekday_stays_the_day() -> None:
    text = "وصل الوفد الثلاثاء إلى العاصمة حتى الآن.\n\nويلتقي الوزير اليوم رئيس الحكومة."
    assert _times(text, paragraphs=True).get("اليوم") == "2019-07-24"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("راقب الأطباء المريض طوال الساعات الثماني والعشرين الماضية.", "طوال الساعات الثماني والعشرين الماضية",
         "PT28H"),
        ("تتغير السوق خلال السنوات الثلاث أو الأربع المقبلة.", "خلال السنوات الثلاث أو الأربع المقبلة", "P4Y"),
        ("غيرت الأعوام الخمسة التي مضت وجه المدينة.", "الأعوام الخمسة", "P5Y"),
        ("حملت الستون يوم الأولى قرارات كثيرة.", "الستون يوم", "P60D"),
        ("انتهى الحصار الذي دام عاما كاملا بعد حصار دام شهرا آخر.", "شهرا", "P1M"),
        ("ولم يمض أسبوع على الزيارة حتى عاد.", "أسبوع", "P1W"),
        ("بقي المصاب في المستشفى لمدة (7) أيام.", "لمدة (7) أيام", "P7D"),
        ("غادر الوفد قبل وصول الرئيس بساعات ثم عاد.", "ساعات", "PTXH"),
        ("أعلن الخبر قبل بدء الاجتماع بدقائق.", "دقائق", "PTXM"),
        ("وخلال العقد الذي مضى تغيرت أشياء كثيرة.", "العقد", "P10Y"),
        ("يحتاج العلاج من أسبوعين إلى 4 أسابيع.", "من أسبوعين إلى 4 أسابيع", "P4W"),
        ("استغرقت الرحلة سبع سنوات ونصف السنة.", "سبع سنوات ونصف السنة", "P7Y6M"),
        ("استمرت الجلسة خمس ساعات ونصف.", "خمس ساعات ونصف", "PT5H30M"),
        ("ينتظر المريض منذ يوم 3 شوال دون علاج.", "منذ يوم 3 شوال", "2019-06-06/2019-07-24"),
        ("وقع الحادث في ساعة متأخرة أول من أمس قرب الميناء.", "ساعة متأخرة أول من أمس", "2019-07-22TNI"),
    ],
)
def test_amounts_of_time(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("تقام الدورات بين مارس ويونيو 2019 في المدينة.", "بين مارس ويونيو 2019", "2019-03/2019-06"),
        ("تدرب الفريق بين أكتوبر وفبراير في الخارج.", "بين أكتوبر وفبراير", "2018-10/2019-02"),
        ("نقل القطار الركاب من تاريخ 1 شوال حتى 10 شوال.", "من تاريخ 1 شوال حتى 10 شوال", "2019-06-04/2019-06-13"),
        ("يطبق النظام الجديد اعتبارا من أول سبتمبر المقبل.", "أول سبتمبر المقبل", "2019-09-01"),
        ("تتراجع الأسعار خلال الأشهر المتبقية من العام الجاري.", "الأشهر المتبقية من العام الجاري",
         "2019-07-24/2019-12-31"),
        ("زار الحرم ملايين خلال الأيام الخمسة الأولى من شهر رمضان.", "الأيام الخمسة الأولى من شهر رمضان",
         "2019-05-06/2019-05-10"),
        ("زار المتحف في 1994 و1996 و1999 مع طلابه.", "1999", "1999"),
        ("ولد الشاعر في 1885 في قرية صغيرة.", "1885", "1885"),
        ("تبدأ اللقاءات ابتداء من غد في المدينة.", "غد", "2019-07-25"),
        ("سجلت الرياض 48 درجة مئوية هذا اليوم بحسب الأرصاد.", "اليوم", "2019-07-24"),
    ],
)
def test_ranges_starts_and_lists(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("تدخل المصنع نحو خمسون مليون ريال في العام من التصدير.", "العام", "P1Y"),
        ("يقطع الصوت 340 مترا في الثانية الواحدة تقريبا.", "الثانية الواحدة", "PT1S"),
        ("يكبر الحي عاما بعد عام وتزيد خدماته.", "عاما بعد عام", "P1Y"),
        ("تتراجع الحالة يوما بعد آخر.", "يوما بعد آخر", "P1D"),
    ],
)
def test_rates(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("لا يجوز تشغيل العمال أكثر من ست ساعات خلال شهر رمضان.", "شهر رمضان", "XXXX-09"),
        ("يحظر تشغيل الأطفال قبل الساعة السابعة صباحا.", "الساعة السابعة صباحا", "T07:00"),
        ("يعرض البرنامج يوميا طيلة شهر رمضان.", "شهر رمضان", "2019-05-06/2019-06-03"),
    ],
)
def test_standing_rules_are_every_year_or_every_day(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("وتم تحديد يوم الإثنين لعقد لقاء مع الأهالي.", "يوم الإثنين", "2019-07-29"),
        ("ارتفعت الأرباح خلال الربع الحالي مقارنة مع الربع السابق.", "الربع الحالي", "2019-Q2"),
        ("ارتفعت الأرباح خلال الربع الحالي مقارنة مع الربع السابق.", "الربع السابق", "2019-Q1"),
        ("تنمو المبيعات في الربع الحالي.", "الربع الحالي", "2019-Q3"),
        ("أحيت المدينة الذكرى الخامسة لفيضان العاشر من مارس.", "العاشر من مارس", "2014-03-10"),
    ],
)
def test_appointments_results_and_anniversaries(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("التقى الصحفيون سعد الخميس رئيس النادي.\n\nوكشف الخميس، عن خطط جديدة للموسم.", "الخميس"),
        ("انتقد الخطيب فريق الرابع عشر من آذار في كلمته.", "آذار"),
        ("وتحدث قادة قوى 8 آذار عن الحكومة.", "آذار"),
        ("وفي إب اشتدت المعارك بين الطرفين.", "إب"),
        ('وقال المدير لـ"اليوم" إن العمل مستمر.', "اليوم"),
        ("وصرح رئيس التحرير بجريدة اليوم بأن الطبعة جاهزة.", "اليوم"),
        ("صبرا فإن غدا لناظره قريب.", "غدا"),
        ("ارتفع المؤشر نحو ثلاثة في المئة يوم الأحد.", "المئة يوم"),
        ("وغادر الاثنان يوم الأحد إلى بيروت.", "الاثنان يوم"),
    ],
)
def test_words_that_are_not_times(text: str, word: str) -> None:
    found = _times(text, paragraphs="\n\n" in text)
    assert not any(word in surface for surface in found if surface != "يوم الأحد")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("افتتح المسرح عام 2009 وزاره الأمير في العام نفسه.", "العام نفسه", "2009"),
        ("انتقل الفريق إلى جدة عام 2011. ومنذ ذلك الحين لم يخسر.", "منذ ذلك الحين", "2011/2019-07-24"),
        ("انطلق المهرجان في 3 مايو 2018، وفي اليوم التالي زاره الوزير.", "اليوم التالي", "2018-05-04"),
    ],
)
def test_anaphora_take_the_date_written_before(text: str, surface: str, value: str) -> None:
    assert _times(text).get(surface) == value


def test_anaphora_without_a_date_before_are_dropped() -> None:
    found = _times("وصل أمس إلى المدينة، وفي اليوم التالي شارك في العام نفسه في مسابقة.")
    assert "اليوم التالي" not in found and "العام نفسه" not in found


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a Gregorian day written as the twin of a Hijri date takes the Hijri date's year, not the tense's
        ("وستقيم الجمعية أمسيتها يوم الاثنين 10 جمادى الآخرة (30 مارس) في مقرها.", "30 مارس", "2015-03-30"),
        ("وسيعقد المؤتمر يوم 5 شوال 1436هـ الموافق 21 يوليو في جدة.", "21 يوليو", "2015-07-21"),
        # without a Hijri date before it the tense still decides
        ("وسيعقد المؤتمر في 30 مارس في جدة.", "30 مارس", "2020-03-30"),
        # البارحة الأولى is the day before yesterday
        ("فتح مسلح النار في سوق البارحة الأولى وقتل شخصين.", "البارحة الأولى", "2019-07-22"),
    ],
)
def test_hijri_twins_and_the_day_before_yesterday(text: str, surface: str, value: str) -> None:
    assert _times(text, date(2015, 7, 24) if "جمادى" in text or "شوال" in text else PUB)[surface] == value


def test_a_weekday_with_a_modifier_after_a_first_name_is_a_date() -> None:
    # تركي is a first name and an adjective: with المقبل after it the weekday is a date, not a family name
    got = _times("ويلعب الفريق مباراة ودية مع فريق تركي الثلاثاء المقبل في النمسا.")
    assert got["الثلاثاء المقبل"] == "2019-07-30"
    assert "الخميس" not in _times("وقال عبدالله الخميس إن الفريق جاهز.")


@pytest.mark.parametrize(("text", "value"), [
    ("بات ينظر إليها اليوم على أنها قوة إقليمية كبرى.", "PRESENT_REF"),
    ("وصارت المدينة اليوم مركزا للتجارة في المنطقة.", "PRESENT_REF"),
    # a report of the day's news keeps the day
    ("يعقد المجلس اليوم اجتماعا طارئا في العاصمة.", "2019-07-24"),
])
def test_bare_today_after_a_verb_of_becoming_is_nowadays(text: str, value: str) -> None:
    assert _times(text)["اليوم"] == value


@pytest.mark.parametrize(("published", "value"), [(date(2019, 7, 27), "2019-07-26"), (date(2019, 7, 26), "2019-07-26")])
def test_today_after_the_friday_sermon_is_that_friday(published: date, value: str) -> None:
    # «خطبة الجمعة اليوم» in a Saturday paper: the sermon of the day before
    got = _times("وقال الخطيب في خطبة الجمعة اليوم إن الصدق من أخلاق المؤمنين.", published=published)
    assert got["اليوم"] == value
