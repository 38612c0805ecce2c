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


class Recognizer(Scanner):
    """Rules over the tokens of one span. Built per span; holds no state between spans."""

    # --- rules -------------------------------------------------------------------------

    def rules(self, i: int) -> list[Hit]:
        out: list[Hit] = []
        if not self.candidate(i):
            return out
        for rule in (
            self.r_numdate,
            self.r_day_phrase,
            self.r_date,
            self.r_year,
            self.r_decade,
            self.r_period,
            self.r_part,
            self.r_duration,
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
        if hijri and (self.prev_is_prep(i) or has_shahr):
            context = True
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
        if not (1900 <= y[0] <= 2100) or (not self.prev_is_prep(i) and self.lx.mods.get(self.text(i - 1)) is None):
            return None
        nxt = y[1]
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
        if self.text(i + 1) == "الاخير":
            n, j = (4 if quarter else 2), i + 2
        elif o is not None and o[2] == 0 and o[0] <= (4 if quarter else 2):
            n, j = o[0], o[1]
        else:
            return None
        if self.text(j) != "من":
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
            ):
                return None
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
            sem = Sem("rel", unit="day", offset=offset, pod=pod, explicit_day=True)
            paren = self.text(end) == "(" and self.text(end + 2) == ")"
            at = end + 1 if paren else end  # اليوم (الجمعة)
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
            if j == i and pod is None and (self.text(i - 1) in first_names() or self.text(i - 1).startswith("عبد")):
                return None  # عبدالله الجمعة: a family name
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
        if dual is not None and not (mode == "bare" and self.text(j)[-5:] in ("عامين", "عامان")):
            amount, unit, j = 2, str(dual[0]), j + 1  # a bare عامين may be the adjective "public" (مقرين عامين)
        else:
            num = self.number(j)
            if num is not None and (j == i or num[2] == 0) and 0 < num[0] <= 1000:
                u = self.text(num[1])
                if u in lx.units and not u.startswith("ال"):
                    amount, unit, j = num[0], lx.units[u], num[1] + 1
            if amount is None and mode != "bare":
                u = self.text(j)
                if u in lx.units and not u.startswith("ال") and u in fold(
                    ("يوم", "أسبوع", "شهر", "عام", "سنة", "ساعة", "دقيقة", "عقد")
                ):
                    amount, unit, j = 1, lx.units[u], j + 1
            if amount is None and mode in ("bare", "within") and self.text(j).startswith("ال"):
                # الأيام الثلاثة الماضية
                u = self.text(j)
                c = self.text(j + 1)
                if u in lx.units and c.startswith("ال") and c[2:] in lx.cardinals:
                    off = self.modifier(j + 2)
                    if off is not None and off != 0:
                        amount, unit = lx.cardinals[c[2:]], lx.units[u]
                        mode = "past" if off < 0 else "within"
                        j += 3
        if amount is None or unit is None:
            return None
        if amount == 1 and (self.year(j) is not None or self.month_name(j) is not None):
            return None  # منذ عام 2011, خلال شهر رمضان: a calendar reference, not a duration
        if mode == "bare" and unit in ("hour", "minute") and amount < 2:
            return None
        if mode in ("ago", "later") and self.text(j) in ("من", "علي") and self.text(j + 1) not in ("اجل", "الان"):
            mode = "for"  # قبل يومين من الانتخابات: relative to another event, not to the publication date
        return j, Sem("duration", amount=amount, unit=unit, mode=mode, approx=approx), "duration-" + mode

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
            clitic = self._clitic(i, pre)
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

