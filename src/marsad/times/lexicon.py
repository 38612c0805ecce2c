"""Word lists for Arabic temporal expressions, in the matching (folded) form.

Entries are written in ordinary Arabic spelling and folded once with
``normalize_string`` (أ/إ/آ → ا, ى → ي, ة → ه, tashkeel removed), so they
compare equal to tokens of the normalised view. Every table is built by a
cached function and returned as an immutable mapping or frozenset.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from marsad.text.normalize import normalize_string

# --- raw tables (ordinary spelling) -------------------------------------------

_GREGORIAN = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفييه", "ينايِر"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول", "اكتوبر"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "دجنبر"),
}
# Month names that are also ordinary words or names (آب "father", مارس "he practised", نيسان the car
# maker...): recognised only with calendar context (a day number, a year, شهر, a modifier, a preposition).
_GREGORIAN_AMBIGUOUS = ("آب", "مارس", "ماي", "أوت", "نيسان", "تموز", "غشت")

_HIJRI = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني"),
    5: ("جمادى الأولى", "جمادى الأول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}
# Single-word Hijri months double as names or nouns (رمضان, شعبان, رجب are names; صفر is "zero").
_HIJRI_STRICT = ("صفر", "رجب", "شعبان", "محرم")

_WEEKDAYS = {
    0: ("الاثنين", "الإثنين", "الأثنين", "اثنين"),
    1: ("الثلاثاء", "ثلاثاء"),
    2: ("الأربعاء", "الاربعاء", "أربعاء"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

# Parts of the day: word -> RelativeTime.part_of_day name.
_PARTS_OF_DAY = {
    "فجر": "dawn",
    "فجرا": "dawn",
    "سحر": "dawn",
    "صباح": "morning",
    "صبيحة": "morning",
    "صباحا": "morning",
    "ضحى": "morning",
    "ظهر": "noon",
    "ظهيرة": "noon",
    "ظهرا": "noon",
    "عصر": "afternoon",
    "عصرا": "afternoon",
    "مساء": "evening",
    "عشية": "evening",
    "مساءا": "evening",
    "ليلة": "night",
    "ليل": "night",
    "ليلا": "night",
}

# part_of_day -> TIMEX3 suffix. TMO/TAF/TEV/TNI/TMI are TIMEX3; TDW (dawn) is Marsad's own code.
POD_CODES: Mapping[str, str] = MappingProxyType(
    {"dawn": "TDW", "morning": "TMO", "noon": "TMI", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
)

# Modifiers after a period word: offset relative to the publication period.
_PAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "السابقة", "الفائت", "الفائتة", "المنقضي")
_NEXT = ("المقبل", "المقبلة", "القادم", "القادمة", "التالي")
_CURRENT = ("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه")

# Position inside a period (TIMEX3 mod).
_MODS = {
    "مطلع": "START",
    "بداية": "START",
    "بدايات": "START",
    "أوائل": "START",
    "مستهل": "START",
    "أول": "START",
    "منتصف": "MID",
    "أواسط": "MID",
    "وسط": "MID",
    "نهاية": "END",
    "أواخر": "END",
    "آخر": "END",
    "ختام": "END",
    "نهايات": "END",
}

# Period nouns: folded word -> unit.
_PERIODS = {
    "الأسبوع": "week",
    "الاسبوع": "week",
    "الشهر": "month",
    "العام": "year",
    "السنة": "year",
    "العقد": "decade",
}

_UNITS = {
    "day": ("يوم", "يوما", "أيام", "الأيام", "اليوم"),
    "week": ("أسبوع", "أسبوعا", "أسابيع", "الأسابيع", "الأسبوع"),
    "month": ("شهر", "شهرا", "أشهر", "شهور", "الأشهر", "الشهور", "الشهر"),
    "year": ("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "الأعوام", "السنوات", "العام", "السنة"),
    "hour": ("ساعة", "ساعات", "الساعات", "الساعة"),
    "minute": ("دقيقة", "دقائق", "الدقائق", "الدقيقة"),
    "second": ("ثانية", "ثوان", "ثواني"),
    "decade": ("عقد", "عقود", "العقود", "العقد"),
}
_DUALS = {
    "day": ("يومين", "يومان"),
    "week": ("أسبوعين", "أسبوعان"),
    "month": ("شهرين", "شهران"),
    "year": ("عامين", "عامان", "سنتين", "سنتان"),
    "hour": ("ساعتين", "ساعتان"),
    "minute": ("دقيقتين", "دقيقتان"),
    "decade": ("عقدين", "عقدان"),
}

_CARDINALS = {
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثمان", "ثماني", "ثمانية"),
    9: ("تسع", "تسعة"),
    10: ("عشر", "عشرة"),
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
    100: ("مئة", "مائة", "مية"),
    200: ("مئتان", "مئتين", "مائتان", "مائتين"),
}
# "أحد"/"إحدى" start 11 (أحد عشر); alone they mean "one of" and are not numbers here.
_ELEVEN = ("أحد", "إحدى", "احدى", "حادي")

_ORDINALS = {
    1: ("الأول", "الأولى", "الحادي", "الحادية", "أول"),
    2: ("الثاني", "الثانية"),
    3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"),
    5: ("الخامس", "الخامسة"),
    6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"),
    9: ("التاسع", "التاسعة"),
    10: ("العاشر", "العاشرة"),
    20: ("العشرين", "العشرون"),
    30: ("الثلاثين", "الثلاثون"),
}

_DECADES = {
    1920: ("العشرينيات", "العشرينات", "عشرينيات", "عشرينات"),
    1930: ("الثلاثينيات", "الثلاثينات", "ثلاثينيات", "ثلاثينات"),
    1940: ("الأربعينيات", "الأربعينات", "أربعينيات", "أربعينات"),
    1950: ("الخمسينيات", "الخمسينات", "خمسينيات", "خمسينات"),
    1960: ("الستينيات", "الستينات", "ستينيات", "ستينات"),
    1970: ("السبعينيات", "السبعينات", "سبعينيات", "سبعينات"),
    1980: ("الثمانينيات", "الثمانينات", "ثمانينيات", "ثمانينات"),
    1990: ("التسعينيات", "التسعينات", "تسعينيات", "تسعينات"),
}

# Relative day words: folded word(s) -> day offset. Multi-word entries are matched as token sequences.
_RELATIVE_DAYS = {
    "اليوم": 0,
    "أمس": -1,
    "الأمس": -1,
    "البارحة": -1,
    "غدا": 1,
    "غداً": 1,
    "الغد": 1,
    "أمس الأول": -2,
    "أول أمس": -2,
    "أول من أمس": -2,
    "البارحة الأولى": -2,
    "بعد غد": 2,
    "بعد الغد": 2,
}
# Words after اليوم that make it "the day" of a narrative or a holiday, not "today".
_NOT_TODAY_AFTER = (
    "التالي", "السابق", "الوطني", "العالمي", "الأول", "الثاني", "الثالث", "الأخير", "نفسه", "ذاته", "الذي",
    "المفتوح", "الدراسي", "الواحد", "العالمية", "الرياضي", "الموعود",
)
_NOT_TODAY_BEFORE = ("ذلك", "نفس", "ذات", "ذاك", "عين")

# Duration triggers: folded word(s) -> mode.
_DURATION_TRIGGERS = {
    "خلال": "within",
    "قبل": "ago",
    "بعد": "later",
    "منذ": "since",
    "مذ": "since",
    "لمدة": "for",
    "مدة": "for",
    "طيلة": "for",
    "طوال": "for",
    "على مدى": "for",
    "على مدار": "for",
    "في غضون": "within",
    "غضون": "within",
}
_APPROX = ("نحو", "حوالي", "قرابة", "زهاء", "أكثر من", "أقل من", "ما يقرب من", "ما يزيد على", "ما يزيد عن")

_PREPOSITIONS = ("في", "فى", "منذ", "حتى", "خلال", "قبل", "بعد", "بحلول", "من", "إلى", "الى", "مطلع", "طيلة", "طوال")

# Hijri era markers after a year, and the Gregorian one.
_HIJRI_ERA = ("هـ", "ه", "هجري", "هجرية", "للهجرة", "هجرياً")
_GREG_ERA = ("م", "ميلادي", "ميلادية", "للميلاد")

# Words marking the future or the past, for the events coder (tense markers are its job).
_FUTURE_MARKERS = (
    "سوف", "سيتم", "المقرر", "المقبل", "المقبلة", "القادم", "القادمة", "يعتزم", "تعتزم", "يزمع", "تزمع",
    "سيعقد", "ستعقد", "سيزور", "ستزور", "سيلتقي", "ستلتقي", "سيجتمع", "سيشارك", "ستشارك", "ستبدأ", "سيبدأ",
    "سيصل", "ستصل", "ستنطلق", "سينطلق", "ستشهد", "سيشهد", "سيقوم", "ستقوم", "ستقام", "سيقام", "سيلقي",
    "سيتوجه", "ستتوجه", "غدا", "الغد",
)
_HISTORICAL_MARKERS = (
    "سابقة", "سابق", "سبق", "سبقت", "الماضي", "الماضية", "آنذاك", "وقتها", "حينها", "حينذاك", "منذ",
    "التاريخ", "تاريخيا", "المنصرم",
)


@cache
def fold(words: tuple[str, ...]) -> frozenset[str]:
    """Fold ordinary spellings to matching form (cached: pass a tuple)."""
    return frozenset(normalize_string(w) for w in words)


def _fold_map(table: Mapping[int, tuple[str, ...]]) -> Mapping[str, int]:
    return MappingProxyType({normalize_string(w): k for k, ws in table.items() for w in ws})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the recogniser uses, folded.

    Attributes:
        months: Gregorian month names (one or two words, space-joined) -> 1..12.
        months_ambiguous: Month names that need calendar context.
        hijri_months: Hijri month names -> 1..12.
        hijri_strict: Hijri month names that need a day, a year or شهر.
        weekdays: Weekday words -> 0 (Monday) .. 6 (Sunday).
        parts_of_day: Part-of-day words -> name.
        past, next, current: Period modifiers.
        mods: Position words (مطلع, منتصف, نهاية ...) -> START/MID/END.
        periods: Definite period nouns -> unit.
        units: Unit nouns -> unit; duals: dual unit nouns -> unit.
        cardinals, ordinals: Number words -> value; eleven: words starting 11.
        decades: Decade nouns -> first year (1990).
        relative_days: Relative day words (space-joined) -> offset.
        not_today_after, not_today_before: Context that makes اليوم not "today".
        duration_triggers: Words (space-joined) before a duration -> mode.
        approx: Approximation words (space-joined).
        prepositions: Prepositions that give a bare year or month calendar context.
        hijri_era, greg_era: Era markers after a year.
    """

    months: Mapping[str, int]
    months_ambiguous: frozenset[str]
    hijri_months: Mapping[str, int]
    hijri_strict: frozenset[str]
    weekdays: Mapping[str, int]
    parts_of_day: Mapping[str, str]
    past: frozenset[str]
    next: frozenset[str]
    current: frozenset[str]
    mods: Mapping[str, str]
    periods: Mapping[str, str]
    units: Mapping[str, str]
    duals: Mapping[str, str]
    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int]
    eleven: frozenset[str]
    decades: Mapping[str, int]
    relative_days: Mapping[str, int]
    not_today_after: frozenset[str]
    not_today_before: frozenset[str]
    duration_triggers: Mapping[str, str]
    approx: frozenset[str]
    prepositions: frozenset[str]
    hijri_era: frozenset[str]
    greg_era: frozenset[str]


def _by_unit(table: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    return MappingProxyType({normalize_string(w): unit for unit, ws in table.items() for w in ws})


@cache
def lexicon() -> Lexicon:
    """The folded lexicon, built once per process."""
    return Lexicon(
        months=_fold_map(_GREGORIAN),
        months_ambiguous=fold(_GREGORIAN_AMBIGUOUS),
        hijri_months=_fold_map(_HIJRI),
        hijri_strict=fold(_HIJRI_STRICT),
        weekdays=_fold_map(_WEEKDAYS),
        parts_of_day=MappingProxyType({normalize_string(k): v for k, v in _PARTS_OF_DAY.items()}),
        past=fold(_PAST),
        next=fold(_NEXT),
        current=fold(_CURRENT),
        mods=MappingProxyType({normalize_string(k): v for k, v in _MODS.items()}),
        periods=MappingProxyType({normalize_string(k): v for k, v in _PERIODS.items()}),
        units=_by_unit(_UNITS),
        duals=_by_unit(_DUALS),
        cardinals=_fold_map(_CARDINALS),
        ordinals=_fold_map(_ORDINALS),
        eleven=fold(_ELEVEN),
        decades=_fold_map({k: v for k, v in _DECADES.items()}),
        relative_days=MappingProxyType({normalize_string(k): v for k, v in _RELATIVE_DAYS.items()}),
        not_today_after=fold(_NOT_TODAY_AFTER),
        not_today_before=fold(_NOT_TODAY_BEFORE),
        duration_triggers=MappingProxyType({normalize_string(k): v for k, v in _DURATION_TRIGGERS.items()}),
        approx=fold(_APPROX),
        prepositions=fold(_PREPOSITIONS),
        hijri_era=fold(_HIJRI_ERA),
        greg_era=fold(_GREG_ERA),
    )


@cache
def triggers() -> frozenset[str]:
    """Folded words that can start a temporal expression (the recogniser skips every other word)."""
    lx = lexicon()
    out: set[str] = set()
    for table in (
        lx.months, lx.hijri_months, lx.weekdays, lx.parts_of_day, lx.relative_days, lx.periods, lx.mods,
        lx.decades, lx.duration_triggers, lx.duals, lx.cardinals, lx.ordinals, lx.units,
    ):
        out.update(k.split(" ")[0] for k in table)
    out.update(lx.eleven)
    out.update("ال" + k for k in lx.duals)  # الأسبوعين الماضيين
    out.update("ال" + k for k in lx.cardinals)  # المائة يوم الأولى
    extra = ("كل", "منتصف", "هذا", "هذه", "يوم", "الليلة", "عام", "العام", "سنة", "السنة", "عامي", "سنتي", "شهر",
             "غد", "نفس", "ذلك", "تلك")
    out.update(fold((*extra, "الربع", "النصف", "العقد")))
    # vague amounts, the present, rates and centuries (recognize.r_vague, r_now, r_rate, r_century)
    out.update(fold(("عدة", "بضع", "بضعة", "عشرات", "مئات", "آلاف", "السنين", "الآن", "الوقت", "أيامنا", "القرن",
                     "سنويا", "شهريا", "أسبوعيا", "يوميا", "الواحدة",
                     "اللحظة", "صيف", "الصيف", "شتاء", "الشتاء", "ربيع", "الربيع", "خريف", "الخريف")))
    return frozenset(out)


@cache
def future_markers() -> frozenset[str]:
    """Folded words that mark a future event (سوف, المقرر, المقبل, common سـ-verbs ...).

    The events coder can test ``normalize_string(word) in future_markers()``; the
    prefix سـ on other verbs is left to it.
    """
    return fold(_FUTURE_MARKERS)


@cache
def historical_markers() -> frozenset[str]:
    """Folded words that mark a past, background event (سابقة, آنذاك, حينها, منذ ...)."""
    return fold(_HISTORICAL_MARKERS)
