"""Recognition of Arabic temporal expressions on the normalised view.

The matcher walks the tokens of a span of ``NormText.norm`` and, at each token,
tries every rule and keeps the longest match (rules are tried in a fixed order, so
ties go to the earlier one). A second pass (:func:`merge`) joins matches into
ranges (``من … إلى …``, ``بين … و…``), ``منذ``-intervals and ``حتى``-intervals.

Span conventions: a leading conjunction or preposition clitic (و ف ب ل ك) is left
out of the span (``وأمس`` → ``أمس``, ``لعام 2015`` → ``عام 2015``), ``ال`` stays in
(``بالأمس`` → ``الأمس``); after ``لل`` the whole word is kept. A preceding ``في`` is
left out; words that change the meaning (``منذ``, ``قبل``, ``خلال``, ``حتى``, ``من``
of a range, ``يوم``) are part of the span.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from marsad.text.normalize import NormText
from marsad.times.lexicon import fold, triggers
from marsad.times.merge import merge
from marsad.times.scan import Hit, Scanner, Tok, count_nouns, first_names, tokenize, variants
from marsad.times.sem import Match, Sem

__all__ = ["Recognizer", "Tok", "merge", "recognize", "tokenize"]


# vague amounts of time (r_vague)
_SPAN_TRIGGERS = fold(("قبل", "بعد", "منذ", "مذ", "لمدة"))
_FEW = fold(("عدة", "بضع", "بضعة", "عشرات", "مئات", "آلاف"))
_MANY = fold(("عشرات", "مئات", "آلاف"))
_SMALL = fold(("قليلة", "القليلة"))
_VAGUE_MODS = fold(("الماضية", "المقبلة", "القادمة", "الأخيرة", "السابقة", "المنصرمة", "الفائتة"))
# words before a number of years or months that make it an age (البالغ 34 عاما, بعمر 59 سنة, سن 14 عاما)
_AGE_CUES = fold(("عمر", "بعمر", "عمره", "عمرها", "عمرهم", "العمر", "البالغ", "البالغة", "البالغين", "يبلغ", "تبلغ",
                  "سن", "لسن", "بسن", "السن", "أعمارهم", "أعمارهن", "أعمار", "عمري", "ابن", "ابنة"))
# a limit right before the number of years makes it an age (دون 18 عاما, فوق 60 عاما)
_AGE_BOUNDS = fold(("دون", "فوق"))
_DUAL_PAST = fold(("الماضيين", "الأخيرين", "السابقين", "المنصرمين", "الفائتين"))
_DUAL_MODS = _DUAL_PAST | fold(("المقبلين", "القادمين"))
_VAGUE_UNITS = {
    w: unit
    for unit, words in {
        "day": ("أيام", "الأيام"),
        "week": ("أسابيع", "الأسابيع"),
        "month": ("أشهر", "شهور", "الأشهر", "الشهور"),
        "year": ("سنوات", "سنين", "أعوام", "السنوات", "السنين", "الأعوام"),
        "decade": ("عقود", "العقود"),
        "hour": ("ساعات", "الساعات"),
        "minute": ("دقائق", "الدقائق"),
    }.items()
    for w in fold(words)
}
_NOW = fold(("الآن",))
_YEAR_WORDS = fold(("العام", "السنة"))
_SELF = fold(("نفسه", "ذاته", "نفسها", "ذاتها"))
_SAME = fold(("نفس",))
_THAT = fold(("ذلك", "تلك"))
_THEN = fold(("الحين", "التاريخ", "الوقت"))
_PAPER = fold(("جريدة", "صحيفة", "مجلة", "قناة"))
_LEFT = fold(("المتبقية", "المتبقي", "الباقية", "المتبقيه", "المتبقيات"))
_PER = {
    w: u
    for u, words in {"day": ("اليوم",), "week": ("الأسبوع",), "month": ("الشهر",), "year": ("العام", "السنة"),
                     "second": ("الثانية",), "hour": ("الساعة",), "minute": ("الدقيقة",)}.items()
    for w in fold(words)
}
# عاما بعد الآخر, يوما بعد يوم, سنة بعد أخرى: every unit
_UNIT_AFTER_UNIT = {w: u for u, words in {"day": ("يوما", "يوم"), "week": ("أسبوعا", "أسبوع"), "month": ("شهرا", "شهر"),
                                          "year": ("عاما", "عام", "سنة")}.items() for w in fold(words)}
_OTHER = fold(("الآخر", "آخر", "أخرى", "الأخرى", "الاخر"))
_AMOUNT_NOUNS = fold(("برميل", "مرة", "مرات", "مرتين", "ساعات", "ساعة", "دقائق", "دقيقة", "ملايين", "آلاف", "زائر",
                      "ريال", "ريالا", "ريالاً", "دولار", "دولارا", "يورو", "درهم", "دينار", "جنيه", "مليون", "مليار",
                      "رحلة", "رحلات", "وجبة", "وجبات", "جرعة", "جرعات", "كوب", "أكواب", "لتر", "لترا"))
_LAST = fold(("الأخيرة", "الأخير"))
_SEASONS = {w: code for code, words in {"SU": ("صيف", "الصيف"), "WI": ("شتاء", "الشتاء"), "SP": ("ربيع", "الربيع"),
                                           "FA": ("خريف", "الخريف")}.items() for w in fold(words)}
_ONE_UNITS = fold(("يوم", "يوما", "أسبوع", "أسبوعا", "شهر", "شهرا", "عام", "عاما", "سنة", "ساعة", "دقيقة"))
_ONE_WORDS = fold(("واحد", "واحدا", "واحدة", "وحيد", "كامل", "كاملا", "كاملة"))
_MORE_LESS = fold(("أكثر", "أقل", "اكثر", "اقل"))
_APPROX_ONE = fold(("نحو", "حوالي", "قرابة", "زهاء", "بقرابة", "بنحو", "لنحو", "لقرابة"))
_WEEKDAY_NOUNS = fold(("خطبة", "صلاة", "خطبتي", "صلوات", "خطيب", "إمام", "منبر"))
_SAA = fold(("الساعة",))
_FRACTIONS = {w: m for m, words in {30: ("والنصف",), 15: ("والربع",), 20: ("والثلث",)}.items() for w in fold(words)}
_QUARTER_WORDS = fold(("ربعا", "ربع", "الربع"))
_NOW_ADJ = fold(("الراهن", "الحالي"))
_UNTIL_NOW = fold(("حتى", "إلى", "وليدة", "وحتى", "عليه", "عليها"))
_RATES = {
    w: unit
    for unit, words in {
        "year": ("سنويا", "سنويًا", "سنوياً"),
        "month": ("شهريا", "شهريًا", "شهرياً"),
        "week": ("أسبوعيا", "أسبوعيًا", "أسبوعياً"),
        "day": ("يوميا", "يوميًا", "يومياً"),
    }.items()
    for w in fold(words)
}


# verbs of lasting or passing: the one unit after them is an amount (عملية دامت شهرا, لم يمض شهر على)
_LASTED = fold(("دام", "دامت", "استمر", "استمرت", "استغرق", "استغرقت", "يستغرق", "تستغرق", "يمض", "يمضي", "تمض",
                "مضى", "مضي", "انقضى", "يستمر", "تستمر", "امتد", "امتدت", "تدوم", "يدوم"))
# words before a day and month that make it the name of a political camp (قوى 14 آذار, فريق الثامن من آذار)
_CAMP = fold(("فريق", "قوى", "تحالف", "تيار", "حركة", "معسكر", "جماعة", "ائتلاف"))


def weekday_surnames(toks: list[Tok]) -> frozenset[str]:
    """Weekday words an article uses as a family name (``محمد الخميس``): a bare one elsewhere is that person."""
    names = first_names()
    return frozenset(
        toks[k].text for k in range(1, len(toks))
        if toks[k].kind == "w" and toks[k].text in _BARE_WEEKDAYS and toks[k - 1].text in names
    )


_BARE_WEEKDAYS = fold(("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))


class Recognizer(Scanner):
    """Rules over the tokens of one span. Built per span; holds no state between spans.

    ``surnames`` are the weekday words the article uses as family names (see :func:`weekday_surnames`).
    """

    def __init__(self, toks: list[Tok], nt: NormText, surnames: frozenset[str] = frozenset()) -> None:
        super().__init__(toks, nt)
        self.surnames = surnames

    # --- rules -------------------------------------------------------------------------

    def rules(self, i: int) -> list[Hit]:
        out: list[Hit] = []
        if not self.candidate(i):
            return out
        for rule in (
            self.r_numdate,
            self.r_now,
            self.r_day_phrase,
            self.r_date,
            self.r_year,
            self.r_decade,
            self.r_period,
            self.r_part,
            self.r_duration,
            self.r_vague,
            self.r_rate,
            self.r_century,
            self.r_clock,
            self.r_season,
            self.r_stretch,
            self.r_anaphor,
        ):
            hit = rule(i)
            if hit is not None:
                out.append(hit)
        return out

    def r_numdate(self, i: int) -> Hit | None:
        t = self.toks[i]
        if t.kind != "nd":
            return None
        parts = [p.strip() for p in re.split(r"[/.\-]", t.text)]
        if len(parts[0]) == 4:
            y, m, d = (int(p) for p in parts)
        elif len(parts[2]) == 4:
            d, m, y = (int(p) for p in parts)
        else:
            return None
        end = i + 1
        hijri = False
        if self.text(end) in self.lx.hijri_era:
            hijri, end = True, end + 1
        elif self.text(end) in self.lx.greg_era:
            end += 1
        elif 1300 <= y <= 1500:
            hijri = True  # ٨ / ١٠ / ١٤٣٦ without هـ: no Gregorian year of news is that early
        if hijri:
            if not (1 <= m <= 12 and 1 <= d <= 30):
                return None
        else:
            try:
                date(y, m, d)
            except ValueError:
                return None
        return end, Sem("cal", year=y, month=m, day=d, hijri=hijri), "numeric-date"

    def r_date(self, i: int) -> Hit | None:
        """Day month year, month year, month alone (with context), day من الشهر الجاري."""
        day: int | None = None
        j = i
        ordinal = False
        d = self.digits(i)
        if d is not None and 1 <= d <= 31 and len(self.toks[i].text) <= 2:
            day, j = d, i + 1
        else:
            o = self.ordinal(i)
            if o is not None and 1 <= o[0] <= 31:
                day, j, ordinal = o[0], o[1], True
        has_min = False
        if day is not None and self.text(j) == "من":
            j += 1
            has_min = True
        if ordinal and not has_min:
            return None
        has_shahr = False
        if self.look(j, fold(("شهر",))) is not None:
            j += 1
            has_shahr = True
        if day is not None and self.text(j) == "الشهر" and not has_shahr:
            off = self.modifier(j + 1)
            end = j + 2 if off is not None else j + 1
            return end, Sem("cal", day=day, month_offset=off or 0), "day-of-this-month"
        mn = self.month_name(j)
        if mn is None:
            return None
        month, j, hijri, needs, _ = mn
        if day is not None and self.text(i - 1) in _CAMP:
            return None  # قوى 14 آذار: a political camp
        if day is None and self.text(i - 1) == "من" and any(self.text(k) in _CAMP for k in range(i - 4, i - 2)):
            return None  # فريق الرابع عشر من آذار: the month of the camp's name
        if day is None and i >= 1 and self.toks[i - 1].kind == "num" and self.text(i - 2) in _CAMP:
            return None  # قوى 8 آذار
        if month == 8 and not hijri and self._source_starts(i if day is None else j - 1, "إ"):
            return None  # إب (the Yemeni city) folds to آب
        sem = Sem("cal", month=month, day=day, hijri=hijri)
        context = day is not None or has_shahr or (not hijri and self.prev_is_prep(i))
        y = self.year(j)
        if y is None and self.text(j) == "من" and self.text(j + 1) in ("عام", "العام", "سنه", "السنه"):
            y = self.year(j + 2)
        elif y is None and self.text(j) in ("عام", "العام", "سنه", "السنه"):
            y = self.year(j + 1)
        if y is not None and (y[2] != "" or 1000 <= y[0] <= 2100 or hijri):
            sem.year, j = y[0], y[1]
            sem.hijri = hijri or y[2] == "h"
            return j, sem, "date" if day else "month-year"
        ref = self.year_ref(j)
        if ref is not None:
            sem.year_offset, j = ref
            return j, sem, "month-of-rel-year"
        off = self.modifier(j)
        if off is not None:
            sem.direction = off if off != 0 else 0
            if off == 0:
                sem.year_offset = 0
            return j + 1, sem, "month-modified"
        if hijri and self.text(j) in fold(("المبارك", "الفضيل", "المعظم", "الكريم")):
            return j + 1, sem, "hijri-month"
        if hijri and (self.prev_is_prep(i) or has_shahr or self.text(i - 1) in self.lx.mods):
            context = True  # في رمضان, نهاية شوال
        if needs and not context:
            return None
        if hijri and not (context or has_shahr):
            return None
        return j, sem, "day-month" if day else "month"

    def r_year(self, i: int) -> Hit | None:
        lx = self.lx
        hit = self.look(i, fold(("عام", "العام", "سنة", "السنة", "عامي", "سنتي")))
        if hit is not None:
            trig = str(hit[0])
            y = self.year(i + 1)
            if y is None:
                return None
            sem = self._year_sem(y)
            if sem is None:
                return None
            j = y[1]
            if trig in ("عامي", "سنتي") and self.text(j) == "و":
                y2 = self.year(j + 1)
                if y2 is not None:
                    sem2 = self._year_sem(y2)
                    if sem2 is not None:
                        return y2[1], Sem("interval", start=sem, end=sem2), "years-pair"
            return j, sem, "year"
        y = self.year(i)
        if y is None:
            return None
        if y[2]:
            sem = self._year_sem(y)
            return (y[1], sem, "year-era") if sem is not None else None
        nxt = y[1]
        listed = self.text(i - 1) == "و" and i >= 2 and self.toks[i - 2].kind == "num" and (
            len(self.toks[i - 2].text) == 4 and 1900 <= int(self.toks[i - 2].text) <= 2100
        )  # في 1924 و1925 و1929
        old_year = 1800 <= y[0] < 1900 and self.text(i - 1) == "في" and self.text(nxt) in ("في", "،", ".", ",", "")
        if not (1900 <= y[0] <= 2100 or old_year) or (
            not self.prev_is_prep(i) and self.lx.mods.get(self.text(i - 1)) is None and not listed
        ):
            return None
        if self.text(nxt) in count_nouns() or self.text(nxt) in lx.units:
            return None
        if nxt < self.n and self.toks[nxt].kind == "w":
            s, e = self.nt.to_source(self.toks[nxt].start, self.toks[nxt].end)
            if "\u064b" in self.nt.text[s:e]:
                return None
        return nxt, Sem("cal", year=y[0]), "bare-year"

    def _year_sem(self, y: tuple[int, int, str]) -> Sem | None:
        value, _, era = y
        if era == "h" or (era == "" and 1300 <= value <= 1500):
            return Sem("cal", year=value, hijri=True)
        if 1000 <= value <= 2100:
            return Sem("cal", year=value)
        return None

    def r_decade(self, i: int) -> Hit | None:
        hit = self.look(i, self.lx.decades)
        if hit is not None:
            value = hit[0]
            assert isinstance(value, int)
            j = i + 1
            if self.text(j) == "القرن":
                nxt = self.text(j + 1)
                if nxt in ("الماضي", "العشرين", "المنصرم"):
                    j += 2
                elif nxt in ("الحالي", "الجاري"):
                    value, j = value + 100, j + 2
                elif nxt == "الحادي" and self.text(j + 2) in ("والعشرين",):
                    value, j = value + 100, j + 3
            return j, Sem("decade", year=value), "decade"
        if self.look(i, fold(("العقد",))) is not None:
            if self.text(i + 1) == "الذي" and self.text(i + 2) in fold(("مر", "مضى", "انقضى")):
                return i + 1, Sem("duration", amount=1, unit="decade", mode="bare"), "decade-passed"
            off = self.modifier(i + 1)
            if off is not None:
                return i + 2, Sem("decade", offset=off), "rel-decade"
        return None

    def longest_or_bare_year(self, j: int, rules: tuple[Callable[[int], Hit | None], ...]) -> Hit | None:
        """The longest hit of the rules at j (the first of equal ones), else a bare year (1900-2100) there."""
        best: Hit | None = None
        for rule in rules:
            hit = rule(j)
            if hit is not None and (best is None or hit[0] > best[0]):
                best = hit
        if best is None:
            y = self.year(j)
            if y is not None and 1900 <= y[0] <= 2100:
                best = y[1], Sem("cal", year=y[0]), "bare-year"
        return best

    def r_part(self, i: int) -> Hit | None:
        """Quarters and halves of a year: الربع الأول من العام الجاري, النصف الثاني من 2016."""
        which = self.look(i, fold(("الربع", "النصف")))
        if which is None:
            return None
        quarter = which[0] == "الربع"
        o = self.ordinal(i + 1)
        if quarter and self.modifier(i + 1) is not None:  # الربع الحالي / السابق / المقبل
            return i + 2, Sem("rel", unit="quarter", offset=self.modifier(i + 1) or 0), "rel-quarter"
        if self.text(i + 1) == "الاخير":
            n, j = (4 if quarter else 2), i + 2
        elif o is not None and o[2] == 0 and o[0] <= (4 if quarter else 2):
            n, j = o[0], o[1]
        else:
            return None
        if self.text(j) != "من":
            y = self.year(j)
            if y is not None and y[2] != "h" and 1900 <= y[0] <= 2100:  # النصف الأول 2015
                return y[1], Sem("cal", year=y[0], part=("Q" if quarter else "H") + str(n)), "part-of-year"
            if self.text(j) in ("", ".", "،", "،", ")", "(") or self.toks[j].kind in ("w", "p"):
                # الربع الثاني (of the current year): the anchor's year
                sem = Sem("rel", unit="year", offset=0, part=("Q" if quarter else "H") + str(n))
                return j, sem, "part-of-year-bare"
            return None
        j += 1
        best = self.longest_or_bare_year(j, (self.r_year, self.r_period))
        if best is None or (best[1].kind == "rel" and best[1].unit == "year"):
            pass  # a bare year passes the check below as well
        elif best[1].kind != "cal" or best[1].month is not None or best[1].hijri:
            best = None
        if best is None and self.text(j) in ("العام", "السنه"):
            best = j + 1, Sem("rel", unit="year", offset=0), "rel-period"
        if best is None:
            return None
        sem = replace(best[1], part=("Q" if quarter else "H") + str(n))
        return best[0], sem, "part-of-year"

    def r_period(self, i: int) -> Hit | None:
        """Relative weeks/months/years (هذا الأسبوع, العام المقبل) and مطلع/منتصف/نهاية + a period."""
        lx = self.lx
        j = i
        mod = None
        mhit = self.look(i, lx.mods)
        if mhit is not None:
            mod = str(mhit[0])
            j = i + 1
        this = False
        if self.is_(j, fold(("هذا", "هذه")), clitic=j == i):
            this = True
            j += 1
        unit = lx.periods.get(self.text(j)) if j > i else None
        if unit is None and j == i:
            p = self.look(i, lx.periods)
            unit = str(p[0]) if p is not None else None
        if unit is not None and unit != "decade":
            off = self.modifier(j + 1)
            if off is not None:
                y = self.year(j + 2) if unit == "year" else None
                if y is not None and y[2] != "h" and 1900 <= y[0] <= 2100:
                    return y[1], Sem("cal", year=y[0], mod=mod), "rel-period-year"  # العام الماضي 2013: the year said
                return j + 2, Sem("rel", unit=unit, offset=off, mod=mod), "rel-period"
            if this or mod is not None:
                if self.year(j + 1) is not None:
                    return None  # العام 2015 / نهاية العام 2015: the year rule
                return j + 1, Sem("rel", unit=unit, offset=0, mod=mod), "rel-period"
            return None
        if mod is None or this:
            return None
        # مطلع/منتصف/نهاية + a month, a year, a decade or a Hijri month
        best = self.longest_or_bare_year(j, (self.r_date, self.r_year, self.r_decade))
        if best is None or best[1].kind not in ("cal", "decade"):
            return None
        if mod == "START" and self.text(i) == "اول" and best[1].kind == "cal" and best[1].month is not None and (
            best[1].day is None and not best[1].hijri
        ):
            return best[0], replace(best[1], day=1), "first-of-month"  # أول أغسطس: its first day
        sem = replace(best[1], mod=mod)
        return best[0], sem, "mod-" + best[2]

    def r_day_phrase(self, i: int) -> Hit | None:
        """Relative days, weekdays and parts of the day, with their combinations."""
        lx = self.lx
        j = i
        pod: str | None = None
        ph = self.look(i, lx.parts_of_day)
        if ph is not None:
            pod, j = str(ph[0]), i + 1
        elif self.look(i, fold(("منتصف",))) is not None and self.text(i + 1) in fold(("ليل", "ليلة")):
            pod, j = "night", i + 2
        elif self.is_(i, fold(("هذا",)), clitic=True) and self.text(i + 1) in fold(("الصباح", "المساء")):
            pod = "morning" if self.text(i + 1) == "الصباح" else "evening"
            return i + 2, Sem("rel", unit="day", offset=0, pod=pod, explicit_day=True), "this-pod"
        if pod is None and self.text(i) == "غد" and self.text(i - 1) == "من":
            return i + 1, Sem("rel", unit="day", offset=1, explicit_day=True), "rel-day"  # ابتداء من غد
        if pod is None and self.text(i) == "ساعه" and self.text(i + 1) in fold(("متأخرة", "متقدمة")) and (
            self.phrase(i + 2, "relative_days", 3) is not None or self.look(i + 2, lx.weekdays) is not None
        ):
            # في ساعة متأخرة أول من أمس: late at night on that day (متقدمة: in the small hours)
            inner = self.r_day_phrase(i + 2)
            if inner is not None and inner[1].kind == "rel" and inner[1].pod is None:
                return inner[0], replace(inner[1], pod="night"), "late-hour"
        has_yawm = False
        if self.is_(j, fold(("يوم",)), clitic=j == i):
            has_yawm = True
            j += 1
        # الليلة / الليلة الماضية
        if pod is None and not has_yawm and self.look(i, fold(("الليلة",))) is not None:
            nxt = self.text(i + 1)
            if nxt in lx.past or nxt == "البارحه":
                return i + 2, Sem("rel", unit="day", offset=-1, pod="night", explicit_day=True), "tonight"
            return i + 1, Sem("rel", unit="day", offset=0, pod="night", explicit_day=True), "tonight"
        rel = self.phrase(j, "relative_days", 3) if (j == i or self.text(j) in lx.relative_days
                                                        or self.text(j) in ("اول", "بعد")) else None
        if rel is not None:
            offset, end, _ = rel
            assert isinstance(offset, int)
            stem = " ".join(self.toks[k].text for k in range(j, end))
            if stem.endswith("اليوم") and (
                self.text(end) in lx.not_today_after
                or self.text(end) in lx.ordinals
                or self.text(j - 1) in lx.not_today_before
                or (self.text(j - 1) == "هذا" and self.look(j - 2, fold(("في",))) is not None)
            ):
                return None  # ذلك اليوم, في هذا اليوم: the day of the story; «سجلت 45 درجة هذا اليوم» is today
            if (
                stem == "اليوم"
                and pod is None
                and not has_yawm
                and self.text(j - 1) in ("في", "كل", "لكل")
                and self.look(end, lx.weekdays) is None
            ):
                return None  # 10 ملايين برميل في اليوم: "per day"
            if stem.endswith("امس") and self.text(end) == "الحاجه":
                return None  # في أمسّ الحاجة: "most in need"
            if stem == "غدا" and self.text(end) == "لناظره":
                return None  # إن غدا لناظره قريب: a proverb
            if stem == "اليوم" and not has_yawm and pod is None and self.text(j - 1) in ('"', "«", "“") and (
                self.text(end) in ('"', "»", "”")
            ):
                return None  # لـ«اليوم»: the newspaper
            if stem == "اليوم" and not has_yawm and pod is None and (
                self.text(j - 1) in _PAPER or self.text(j - 1)[1:] in _PAPER
                or (self.text(j - 1) == "(" and self.text(j - 2) == "ل")
            ):
                return None  # بجريدة اليوم, لـ (اليوم): the newspaper
            sem = Sem("rel", unit="day", offset=offset, pod=pod, explicit_day=True)
            paren = (self.text(end), self.text(end + 2)) in (("(", ")"), ("«", "»"), ('"', '"'))
            at = end + 1 if paren else end  # اليوم (الجمعة), أمس «الأربعاء»
            wd = self.look(at, lx.weekdays)
            if wd is not None and wd[1] == 0 and self.toks[at].text.startswith("ال"):
                assert isinstance(wd[0], int)
                sem.weekday = wd[0]
                end = at + 2 if paren else at + 1
            end = self._trailing_pod(end, sem)
            return end, sem, "rel-day"
        wd = self.look(j, lx.weekdays)
        if wd is not None and (wd[1] == 0 or j == i) and (has_yawm or self.toks[j].text[wd[1]:].startswith("ال")):
            w = wd[0]
            assert isinstance(w, int)
            if self.text(j - 1) == "كلا" or self.text(j + 1) == "معا":
                return None
            if j == i and pod is None and (self.text(i - 1) in first_names() or self.text(i - 1).startswith("عبد")) \
                    and self.modifier(i + 1) is None:
                return None  # عبدالله الجمعة: a family name (but فريق تركي الثلاثاء المقبل is a date)
            if j == i and pod is None and self.toks[i].text in self.surnames and self.modifier(i + 1) is None:
                return None  # وكشف الخميس، عن ... in an article about محمد الخميس
            if j == i and pod is None and self.look(i - 1, _WEEKDAY_NOUNS) is not None and w == 4:
                return None  # خطبة الجمعة, صلاة الجمعة: the Friday sermon or prayer, not a date
            tens = self.look(j + 1, lx.ordinals)
            if tens is not None and tens[1] == 1 and tens[0] in (20, 30):
                return None  # الاثنين والعشرين: twenty-two, not Monday
            end = j + 1
            # the weekday followed by its date: الاثنين 20 نوفمبر, الاثنين الموافق 20 نوفمبر
            k = end + 1 if self.text(end) in ("الموافق", "،", ",") else end
            k = k + 1 if self.text(k) == "(" else k
            dhit = self.r_numdate(k) if k < self.n and self.toks[k].kind == "nd" else self.r_date(k)
            if dhit is not None and dhit[1].day is not None:
                end2, sem, _ = dhit
                if self.text(end2) == ")" and self.text(k - 1) == "(":
                    end2 += 1
                sem.weekday, sem.pod = w, pod
                end2 = self._trailing_pod(end2, sem)
                return end2, sem, "weekday-date"
            off = self.modifier(end)
            if off is not None and off != 0:
                end += 1
            elif self.text(end) == "بعد" and self.modifier(end + 1) == 1:
                off, end = 8, end + 2  # الأحد بعد المقبل: the one after next (snapped forward from day 8)
            sem = Sem("rel", unit="day", offset=off if off else -1, weekday=w, pod=pod)
            end = self._trailing_pod(end, sem)
            return end, sem, "weekday" if off else "weekday-bare"
        if pod is not None or has_yawm:
            dhit = self.r_numdate(j) if j < self.n and self.toks[j].kind == "nd" else self.r_date(j)
            if dhit is not None and dhit[1].day is not None:
                end, sem, _ = dhit
                sem.pod = pod
                return end, sem, "pod-date" if pod else "yawm-date"
        return None

    def _trailing_pod(self, end: int, sem: Sem) -> int:
        """``أمس مساءً``, ``الاثنين صباحاً``: a part-of-day adverb after a day."""
        nxt = end + 1
        day_follows = (
            self.look(nxt, self.lx.weekdays) is not None
            or self.phrase(nxt, "relative_days", 3) is not None
            or self.text(nxt) in ("يوم", "الغد")
            or (nxt < self.n and self.toks[nxt].kind in ("num", "nd"))
        )
        if sem.pod is None and not day_follows and self.text(end) in fold(
            ("صباحا", "مساء", "مساءا", "ليلا", "ظهرا", "عصرا", "فجرا")
        ):
            sem.pod = self.lx.parts_of_day[self.text(end)]
            return end + 1
        return end

    def r_duration(self, i: int) -> Hit | None:
        """Durations: خلال ثلاثة أيام, قبل يومين, منذ ثلاث سنوات, لمدة شهر, الأيام الثلاثة الماضية."""
        lx = self.lx
        j = i
        mode = "bare"
        trig = self.phrase(i, "duration_triggers", 2)
        if trig is not None:
            mode, j = str(trig[0]), trig[1]
        elif self.is_(i, fold(("كل",)), clitic=True):
            mode, j = "every", i + 1  # كل أربع سنوات: a set, not a duration
        approx = False
        ap = self.phrase(j, "approx", 4)
        if ap is not None:
            approx, j = True, ap[1]
        amount: int | None = None
        unit: str | None = None
        dual = self.look(j, lx.duals) if j == i else (
            (lx.duals[self.text(j)], 0) if self.text(j) in lx.duals else None)
        after_approx = approx or self._after_approx(i)
        if dual is not None and not (mode == "bare" and not after_approx and self.text(j)[-5:] in ("عامين", "عامان")):
            amount, unit, j = 2, str(dual[0]), j + 1  # a bare عامين may be the adjective "public" (مقرين عامين)
        else:
            num = self.number(j)
            if num is None and self.text(j) == "(" and self.text(j + 2) == ")" and self.digits(j + 1) is not None:
                d = self.digits(j + 1)
                assert d is not None
                num = (d, j + 3, 0)  # (5) أيام: the amount in brackets
            if num is None and self.text(j).startswith("ال") and self.text(j)[2:] in lx.cardinals:
                num = self.number_definite(j)  # الأربع وعشرين ساعة, الاثني عشر شهرا
                if num is not None and (num[0] < 3 or (num[0] == 100 and self.text(j - 1) in ("في", "فى"))):
                    num = None  # الاثنان يوم (the two men); في المئة (per cent)
            if num is not None and (j == i or num[2] == 0) and 0 < num[0] <= 1000:
                u = self.text(num[1])
                if u in lx.units and not u.startswith("ال"):
                    amount, unit, j = num[0], lx.units[u], num[1] + 1
            if amount is None:
                # يوم واحد, يوما كاملا, شهرا كاملا: one unit, said so
                u = self.text(j)
                one = self.look(j, _ONE_UNITS) if j == i else None
                if one is not None:
                    u = str(one[0])  # بيوم واحد
                if u in _ONE_UNITS and self.text(j + 1) in _ONE_WORDS:
                    amount, unit, j = 1, lx.units[u], j + 2
                elif u in _ONE_UNITS and j == i and not u.startswith("ال") and self.look(i - 1, _LASTED) is not None:
                    amount, unit, j = 1, lx.units[u], j + 1  # دامت شهرا, لم يمض شهر: one unit, by the verb
                elif u in _ONE_UNITS and after_approx and mode == "bare":
                    amount, unit, j = 1, lx.units[u], j + 1  # أقل من ساعة, نحو شهر
            if amount is None and mode != "bare":
                u = self.text(j)
                if u == "يوم" and (self.look(j + 1, lx.weekdays) is not None or (
                    j + 1 < self.n and self.toks[j + 1].kind in ("num", "nd")
                )):
                    return None  # منذ يوم الجمعة, منذ يوم 26 رمضان: since a day
                if u in lx.units and not u.startswith("ال") and u in fold(
                    ("يوم", "أسبوع", "شهر", "عام", "سنة", "ساعة", "دقيقة", "عقد")
                ):
                    amount, unit, j = 1, lx.units[u], j + 1
            if amount is None and mode in ("bare", "within", "for") and self.text(j).startswith("ال"):
                # الأيام الثلاثة الماضية, الساعات الأربع والعشرين الماضية, السنوات الأربع أو الخمس المقبلة,
                # السنوات العشر التي انقضت
                u = self.text(j)
                nd = self.number_definite(j + 1)
                if u in lx.units and nd is not None:
                    n, k = nd[0], nd[1]
                    if self.text(k) == "او" and self.number_definite(k + 1) is not None:
                        alt = self.number_definite(k + 1)
                        assert alt is not None
                        n, k = max(n, alt[0]), alt[1]  # the upper one, as a range of amounts
                    off = self.modifier(k)
                    if off is None and self.text(k) in _LAST:
                        off = -1  # السنوات السبع الأخيرة
                    if off is not None and off != 0:
                        amount, unit = n, lx.units[u]
                        mode = "past" if off < 0 else "within"
                        j = k + 1
                    elif off is None and self.text(k) in ("التي", "الذي") and n > 1:
                        amount, unit, j = n, lx.units[u], k  # السنوات العشر التي مضت
            if amount is None and mode == "bare" and j == i:
                # المائة يوم الأولى: a definite amount, the unit, the first/last
                nd = self.number_definite(j)
                if nd is not None and nd[0] >= 3 and self.text(nd[1]) in lx.units and (
                    not self.text(nd[1]).startswith("ال")
                ) and self.text(nd[1] + 1) in fold(("الأولى", "الأول", "الأخيرة", "الأخير", "الماضية", "المقبلة")):
                    amount, unit, j = nd[0], lx.units[self.text(nd[1])], nd[1] + 2
        if amount is None or unit is None:
            return None
        half = False
        if unit in ("year", "month", "day", "hour") and self.text(j) == "ونصف":
            half = True  # تسع سنوات ونصف السنة, ثلاث ساعات ونصف
            j += 1
            if lx.units.get(self.text(j)) == unit:
                j += 1
        if amount == 1 and (self.year(j) is not None or self.month_name(j) is not None):
            return None  # منذ عام 2011, خلال شهر رمضان: a calendar reference, not a duration
        if mode == "bare" and unit in ("hour", "minute") and amount < 2 and not after_approx:
            return None
        if mode == "bare" and unit in ("year", "month") and self._is_age(i, j):
            return None
        if mode in ("ago", "later") and self.text(j) in ("من", "علي") and self.text(j + 1) not in ("اجل", "الان"):
            mode = "for"  # قبل يومين من الانتخابات: relative to another event, not to the publication date
        return j, Sem("duration", amount=amount, unit=unit, mode=mode, approx=approx,
                      part="half" if half else None), "duration-" + mode

    def r_clock(self, i: int) -> Hit | None:
        """Clock times: الساعة العاشرة صباحا, الساعة 14:30 بتوقيت مكة, الساعة 0722 بتوقيت غرينتش, التاسعة مساء,
        الساعة الواحدة والنصف, joined with the day that follows (الساعة التاسعة مساء أمس السبت)."""
        if self.look(i, fold(("منتصف",))) is not None and self.text(i + 1) == "الليل":
            return i + 2, Sem("clock", hour=0, minute=0), "clock-midnight"
        j = i
        saa = self.look(i, _SAA) is not None
        if saa:
            j += 1
        hour: int | None = None
        minute = 0
        d = self.digits(j)
        if d is not None:
            if not saa:
                return None  # bare digits are numbers, not times
            tok = self.toks[j].text
            if len(tok) == 4:  # 0722
                hour, minute, j = int(tok[:2]), int(tok[2:]), j + 1
            elif d <= 24:
                hour, j = d, j + 1
                sep_ok = self.text(j) in (":", ".", "،", ",")
                if sep_ok and self.digits(j + 1) is not None and len(self.text(j + 1)) <= 2:
                    minute, j = int(self.text(j + 1)), j + 2
            else:
                return None
        else:
            o = self.ordinal(j)
            if o is None and self.text(j) == "الواحده":
                o = (1, j + 1, 0)
            if o is None or o[2] != 0 or not self.text(j).endswith("ه"):
                return None  # hours are feminine ordinals (السابعة); السابع is an edition or a name
            hour, j = o[0], o[1]
            frac = _FRACTIONS.get(self.text(j))
            if frac is not None:
                minute, j = frac, j + 1
            elif self.text(j) == "الا" and self.text(j + 1) in _QUARTER_WORDS:
                hour, minute, j = hour - 1, 45, j + 2
            else:
                num = self.number(j)
                if num is not None and num[2] == 1 and self.look(num[1], fold(("دقيقة", "دقائق"))) is not None:
                    minute, j = num[0], num[1] + 1
        if hour is None or not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        pod: str | None = None
        t = self.text(j)
        if (t in self.lx.parts_of_day and t.endswith("ا")) or t in ("مساء", "مساءا"):
            pod, j = str(self.lx.parts_of_day[t]), j + 1
        elif t == "بعد" and self.text(j + 1) == "الظهر":
            pod, j = "afternoon", j + 2
        elif t == "بعد" and self.text(j + 1) == "منتصف" and self.text(j + 2) in fold(("الليل", "ليل")):
            pod, j = "after-midnight", j + 3
        if not saa and pod is None:
            return None  # العاشرة alone is an ordinal
        if self.text(j) == "بتوقيت" and self.toks[j + 1 : j + 2] and self.toks[j + 1].kind == "w":
            j += 2
            if self.text(j) in fold(("المكرمة", "المكرمه")):
                j += 1
        elif self.text(j) in fold(("غرينتش", "جرينتش", "تغ")):
            j += 1
        day: Sem | None = None
        if self.text(j) == "من" and self.look(j + 1, self.lx.parts_of_day) is not None:
            j += 1  # الساعة العاشرة من صباح اليوم
        dp = self.r_day_phrase(j)
        if dp is None or not (dp[1].kind == "rel" and dp[1].unit == "day"):
            dp = self.r_date(j)
            if dp is not None and not (dp[1].kind == "cal" and dp[1].day is not None):
                dp = None
        if dp is not None and (dp[1].kind == "cal" or (dp[1].kind == "rel" and dp[1].unit == "day")):
            day, j = dp[1], dp[0]
            if pod is None and day.pod is not None:
                pod = day.pod
        if (pod in ("afternoon", "evening", "night") and hour < 12) or (pod == "noon" and hour < 6):
            hour += 12
        elif pod == "after-midnight" and hour == 12:
            hour = 0
        if hour == 24:
            hour = 0
        return j, Sem("clock", hour=hour, minute=minute, start=day), "clock"

    def r_season(self, i: int) -> Hit | None:
        """Seasons (TIMEX3 codes): صيف 2014 / صيف عام 2014 → 2014-SU, هذا الصيف, الصيف الماضي/المقبل.

        A season alone (موسم الصيف, فصل الشتاء) is not a time: it needs a year, هذا or a modifier."""
        this = self.is_(i, fold(("هذا",)), clitic=True)
        j = i + 1 if this else i
        hit = self.look(j, _SEASONS)
        if hit is None:
            return None
        code = str(hit[0])
        word = self.text(j)[int(hit[1]):]
        j += 1
        if this:
            return (j, Sem("season", part=code, offset=0), "season-this") if word.startswith("ال") else None
        if word.startswith("ال"):
            off = self.modifier(j)
            if off is None or off == 0:
                return (j + 1, Sem("season", part=code, offset=0), "season-this") if off == 0 else None
            return j + 1, Sem("season", part=code, offset=off), "season-rel"
        k = j + 1 if self.text(j) in ("عام", "العام", "سنه", "السنه") else j
        y = self.year(k)
        if y is None or y[2] == "h" or not 1900 <= y[0] <= 2100:
            return None
        return y[1], Sem("season", part=code, year=y[0]), "season-year"

    def _source_starts(self, k: int, letter: str) -> bool:
        """Whether token ``k`` is written, in the source, starting with ``letter`` (after a clitic)."""
        if not 0 <= k < self.n:
            return False
        s, e = self.nt.to_source(self.toks[k].start, self.toks[k].end)
        word = self.nt.text[s:e]
        return word.startswith(letter) or (word[1:2] == letter and word[:1] in "وفبل")

    def _quantity_before(self, k: int) -> bool:
        """Whether token ``k`` ends an amount (ست ساعات, 10 ملايين برميل, مرتين): a rate follows with في."""
        if k < 0:
            return False
        t = self.toks[k]
        if t.kind == "num":
            return True
        return t.text in _AMOUNT_NOUNS or t.text in self.lx.units or t.text in self.lx.duals or t.text in count_nouns()

    def _after_approx(self, i: int) -> bool:
        """Whether an approximator stands just before token ``i`` (أكثر من، أقل من، نحو، حوالي، قرابة)."""
        if self.text(i - 1) == "من" and self.text(i - 2) in _MORE_LESS:
            return True
        return self.text(i - 1) in _APPROX_ONE

    def _is_age(self, i: int, j: int) -> bool:
        """Whether the number of years at tokens ``[i, j)`` is somebody's age: an age word up to four words
        before it (البالغ، بعمر، سن، أعمارهم), or the amount alone in brackets after a name (``(52 عاما)``)."""
        if self.text(i - 1) == "(" and self.text(j) == ")":
            return True
        if self.toks[i].kind == "num" and self.text(i - 1) in _AGE_BOUNDS:
            return True  # دون 18 عاما, فوق 60 عاما: an age limit
        k, words = i - 1, 0
        while k >= 0 and words < 4:
            if self.toks[k].kind == "w":
                if self.look(k, _AGE_CUES) is not None:
                    return True
                if k > 0 and self.toks[k - 1].kind == "num" and self.lx.units.get(self.text(k)) == "year":
                    # another number of years just before (سن الزواج 16 عاما بعد أن كانا 14 عاما، 37 عاما للذكور
                    # و34 عاما): the age cue may sit before that one
                    k, words = k - 2, 0
                    continue
                if self.toks[k].text not in ("و", "ثم"):
                    words += 1
            elif self.toks[k].kind == "p" and self.toks[k].text in (".", "،", "؛", ":"):
                break
            k -= 1
        return False

    def r_vague(self, i: int) -> Hit | None:
        """Vague amounts of time (``PXD``, ``PXY`` …): قبل أيام, منذ سنوات, عدة أشهر, أيام قليلة, الأيام الماضية,
        السنوات الأخيرة, عشرات السنين; and a definite dual with its modifier (الأسبوعين الماضيين → P2W)."""
        j = i
        mode = "bare"
        trig = self.phrase(i, "duration_triggers", 2)
        if trig is not None:
            # only قبل/بعد/منذ/لمدة belong to the span; after خلال/طوال the rule fires at the next word
            if self.toks[i].text[trig[2]:] not in _SPAN_TRIGGERS:
                return None
            mode, j = str(trig[0]), trig[1]
        stem = self.text(j)
        if stem.startswith("ال") and stem[2:] in self.lx.duals and self.text(j + 1) in _DUAL_MODS:
            past = self.text(j + 1) in _DUAL_PAST
            return j + 2, Sem("duration", amount=2, unit=self.lx.duals[stem[2:]],
                              mode="past" if past else "within"), "duration-dual-past" if past else "duration-dual-next"
        few_word = self.text(j)
        few_hit = self.look(j, _FEW) if j == i else None
        if few_hit is not None:
            few_word = str(few_hit[0])  # لبضع سنوات
        few = few_word in _FEW
        if few:
            j += 1
        unit = _VAGUE_UNITS.get(self.text(j))
        if unit is None and j == i and mode == "bare" and not few and self.text(i)[:1] == "ب" and any(
            self.text(k) in ("قبل", "بعد") for k in range(max(0, i - 5), i)
        ):
            unit = _VAGUE_UNITS.get(self.text(i)[1:])  # قبل وصول الفريق بساعات: by some hours
            if unit is not None and not self.text(i)[1:].startswith("ال"):
                return i + 1, Sem("duration", amount=None, unit=unit, mode=mode, approx=True), "duration-vague-by"
            return None
        if unit is None:
            return None
        definite = self.text(j).startswith("ال")
        j += 1
        small = self.text(j) in _SMALL
        if small:
            j += 1
        modded = self.text(j) in _VAGUE_MODS
        if modded:
            j += 1
        if definite and not (modded or small or few):
            return None  # الأيام alone: no amount said
        if mode in ("ago", "later") and self.text(j) == "من" and not (few or small):
            return None  # بعد أشهر من التوتر: the amount alone is the expression (next token)
        after_trigger = i > 0 and self.look(i - 1, _SPAN_TRIGGERS) is not None and self.text(j) == "من"
        if not definite and not (few or small or mode != "bare" or after_trigger):
            return None  # a bare plural (أياما) is too often not a time
        if not (few or small or modded) and self.text(j).startswith("ال"):
            return None  # منذ سنوات الحرب: the years of something, not an amount
        if few and definite and not (modded or small) and few_word not in _MANY:
            return None
        return j, Sem("duration", amount=None, unit=unit, mode=mode, approx=True), "duration-vague"

    def r_stretch(self, i: int) -> Hit | None:
        """A stretch of a period: الأشهر المتبقية من العام الجاري (from the anchor to the period's end),
        الأيام العشرة الأولى من شهر رمضان (its first N days)."""
        unit = _VAGUE_UNITS.get(self.text(i))
        if unit is None or not self.text(i).startswith("ال"):
            return None
        if self.text(i + 1) in _LEFT and self.text(i + 2) == "من":
            hit = self.r_period(i + 3)
            if hit is not None and hit[1].kind == "rel" and hit[1].offset == 0 and hit[1].mod is None:
                end = replace(hit[1], mod="END")
                return hit[0], Sem("interval", start=None, end=end), "rest-of-period"
            return None
        nd = self.number_definite(i + 1)
        if unit != "day" or nd is None or not 2 <= nd[0] <= 30 or self.text(nd[1]) not in fold(("الأولى", "الأول")):
            return None
        k = nd[1] + 1
        if self.text(k) != "من":
            return None
        hit = self.r_date(k + 1)
        if hit is None or hit[1].kind != "cal" or hit[1].month is None or hit[1].day is not None:
            return None
        first, last = replace(hit[1], day=1), replace(hit[1], day=nd[0])
        return hit[0], Sem("interval", start=first, end=last), "first-days"

    def r_anaphor(self, i: int) -> Hit | None:
        """A time named earlier in the article: العام نفسه, ذلك العام, منذ ذلك الحين, اليوم التالي (``anaphor``;
        the component resolves it from the last date written before it, or drops it)."""
        t0, t1 = self.text(i), self.text(i + 1)
        if t0 in _YEAR_WORDS and t1 in _SELF:
            return i + 2, Sem("anaphor", unit="year"), "anaphor-year"  # العام نفسه
        if (self.look(i, _SAME) is not None or t0 in _THAT) and t1 in _YEAR_WORDS:
            return i + 2, Sem("anaphor", unit="year"), "anaphor-year"  # نفس العام, في ذلك العام
        if (t0[1:] if t0[:1] in ("و", "ف") else t0) == "منذ" and t1 == "ذلك" and self.text(i + 2) in _THEN:
            return i + 3, Sem("anaphor", unit="since"), "anaphor-since"  # منذ ذلك الحين
        if t0.endswith("اليوم") and self.look(i, fold(("اليوم",))) is not None and t1 == "التالي":
            return i + 2, Sem("anaphor", unit="next-day"), "anaphor-next-day"  # في اليوم التالي
        return None

    def r_now(self, i: int) -> Hit | None:
        """A reference to the present (``PRESENT_REF``): الآن, الوقت الراهن, هذه الأيام, حتى اليوم."""
        hit = self.look(i, _NOW)
        if hit is not None:
            s, e = self.nt.to_source(self.toks[i].start + int(hit[1]), self.toks[i].end)
            # not آلان (Alain), which folds to the same letters; «قبل عامين من الآن» belongs to the duration
            if self.nt.text[s:e].startswith("ال") and self.text(i - 1) != "من":
                return i + 1, Sem("now"), "present-ref"
            return None
        if self.text(i) == "الوقت" and self.text(i + 1) in _NOW_ADJ:
            return i + 2, Sem("now"), "present-ref"
        if self.is_(i, fold(("هذه",)), clitic=True) and self.text(i + 1) == "الايام":
            return i + 2, Sem("now"), "present-ref"
        if self.text(i) == "ايامنا" and self.text(i + 1) in ("هذه", "الحاليه"):
            return i + 2, Sem("now"), "present-ref"
        if self.text(i) in ("اليوم", "اللحظه") and self.text(i - 1) in _UNTIL_NOW:
            return i + 1, Sem("now"), "present-ref"  # حتى اليوم / إلى اليوم / وليدة اليوم; a weekday after is longer
        return None

    def r_rate(self, i: int) -> Hit | None:
        """Rates: سنويا, يوميا, شهريا, أسبوعيا, and «N units في اليوم/الأسبوع/العام» — sets of one unit (P1Y …)."""
        per = _PER.get(self.text(i))
        if per is not None and self.text(i + 1) in fold(("الواحد", "الواحدة")) and self.text(i - 1) in ("في", "فى"):
            return i + 2, Sem("duration", amount=1, unit=per, mode="every"), "set-per"  # في اليوم الواحد
        each = _UNIT_AFTER_UNIT.get(self.text(i))
        if each is not None and self.text(i + 1) == "بعد" and (
            self.text(i + 2) in _OTHER or _UNIT_AFTER_UNIT.get(self.text(i + 2)) == each
        ):
            return i + 3, Sem("duration", amount=1, unit=each, mode="every"), "set-after"  # عاما بعد الآخر
        if per is not None and per in ("second", "hour", "minute"):
            return None
        if per is not None and self.text(i - 1) in ("في", "فى") and self._quantity_before(i - 2):
            nxt = self.text(i + 1)
            dated = self.modifier(i + 1) is not None or self.year(i + 1) is not None
            if not dated and self.look(i + 1, self.lx.weekdays) is None and nxt not in _ONE_WORDS:
                return i + 1, Sem("duration", amount=1, unit=per, mode="every"), "set-per"
        hit = self.look(i, _RATES)
        if hit is None:
            return None
        return i + 1, Sem("duration", amount=1, unit=str(hit[0]), mode="every"), "set-rate"

    def r_century(self, i: int) -> Hit | None:
        """Centuries: القرن الثامن عشر → ``17XX``, القرن 19, القرن الماضي (the one before the anchor's)."""
        if self.look(i, fold(("القرن",))) is None:
            return None
        j = i + 1
        if self.text(j) == "ال" and self.digits(j + 1) is not None:
            j += 1
        d = self.digits(j)
        if d is not None and 1 <= d <= 21:
            return j + 1, Sem("century", year=(d - 1) * 100), "century"
        o = self.ordinal(j)
        if o is None and self.text(j) in fold(("الحادي", "الحاديه")) and self.text(j + 1) in ("عشر", "والعشرين"):
            o = (11 if self.text(j + 1) == "عشر" else 21, j + 2, 0)
        if o is not None and o[2] == 0 and 1 <= o[0] <= 21:
            return o[1], Sem("century", year=(o[0] - 1) * 100), "century"
        off = self.modifier(j)
        if off is not None:
            return j + 1, Sem("century", offset=off), "century-rel"
        return None

    # --- driver ------------------------------------------------------------------------

    def run(self) -> list[Match]:
        out: list[Match] = []
        i = 0
        while i < self.n:
            hits = self.rules(i)
            if not hits:
                i += 1
                continue
            end, sem, pattern = max(hits, key=lambda h: h[0])
            if end <= i:  # a rule must consume at least one token; never loop
                i += 1
                continue
            pre = variants(self.toks[i].text)
            clitic = 1 if pattern == "duration-vague-by" else self._clitic(i, pre)
            start = self.toks[i].start + clitic
            out.append(Match(start, self.toks[end - 1].end, i, end, sem, pattern))
            i = end
        return out

    def _clitic(self, i: int, pre: tuple[tuple[int, str], ...]) -> int:
        """Length of the clitic to leave out of a span starting at token ``i``."""
        word = self.toks[i].text
        trig = triggers()
        if self.toks[i].kind != "w" or word in trig:
            return 0
        for p, stem in pre:
            if p and stem in trig:
                return p
        return 0


def recognize(nt: NormText, start: int = 0, end: int | None = None) -> list[Match]:
    """Temporal expressions in ``nt.norm[start:end]``, before merging."""
    toks = tokenize(nt.norm, start, end)
    return Recognizer(toks, nt).run()

