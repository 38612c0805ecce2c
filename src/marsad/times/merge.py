"""The second pass: ranges (``من … إلى …``, ``بين … و…``), ``منذ``- and ``حتى``-intervals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad.text.normalize import NormText
from marsad.times.lexicon import fold
from marsad.times.scan import Tok
from marsad.times.sem import Match, Sem

# verbs and nouns of continuing (يستمر العمل حتى نهاية العام): only after them is «حتى X» a stretch from the
# anchor to X; otherwise حتى marks a deadline or a horizon (سيعد خطة حتى نهاية أكتوبر) and the expression is X
# alone, without the preposition (docs/annotation/times.md, span)
_GOES_ON = fold(("يستمر", "تستمر", "استمر", "استمرت", "سيستمر", "ستستمر", "يمتد", "تمتد", "امتد", "امتدت",
                 "تمديد", "مدد", "مددت", "تمدد", "يمدد", "يتواصل", "تتواصل", "تواصل", "تواصلت", "يظل", "تظل",
                 "استمرار", "ستمتد", "سيمتد"))
_UNTIL_REACH = 8


def merge(nt: NormText, matches: list[Match], toks: list[Tok], anchor: date | None) -> list[Match]:
    """Join matches into ranges, ``منذ``- and ``حتى``-intervals.

    Args:
        nt: The normalised text.
        matches: Matches from one span, in order.
        toks: The tokens of that span (``Match.tok_start`` indexes them).
        anchor: The anchor date, used to decide whether ``حتى X`` looks forward.
    """
    del nt
    out: list[Match] = []

    def t(k: int) -> str:
        return toks[k].text if 0 <= k < len(toks) else ""

    def stem(k: int) -> str:
        w = t(k)
        return w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w

    for m in matches:
        prev = out[-1] if out else None
        if prev is not None and m.tok_start < prev.tok_end:
            continue  # already inside a range built from the previous match
        ts = m.tok_start
        sem = m.sem
        # بين عامي 2011 و2015: the pair is already an interval; take the بين/من in
        if sem.kind == "interval" and sem.start is not None and sem.end is not None and stem(ts - 1) in ("من", "بين"):
            lead = ts - 1
            start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
            out.append(Match(start, m.end, lead, m.tok_end, sem, m.pattern))
            continue
        # a clock range: من الساعة العاشرة صباحا حتى السابعة مساء, من الساعة 7 وحتى الساعة 10 مساء
        if (
            prev is not None
            and prev.sem.kind == "clock"
            and sem.kind == "clock"
            and prev.tok_end == ts - 1
            and stem(ts - 1) in ("الي", "حتي", "و", "-", "لغايه")
            and stem(prev.tok_start - 1) in ("من", "بين")
        ):
            first = replace(prev.sem)
            if first.hour is not None and sem.hour is not None and first.hour < 12 and sem.hour - first.hour > 12:
                first.hour += 12  # من 7 حتى 10 مساء: the evening's seven
            lead = prev.tok_start - 1
            start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
            out[-1] = Match(start, m.end, lead, m.tok_end, Sem("interval", start=first, end=sem), "clock-range")
            continue
        # a range of amounts: من يومين إلى 3 أيام, بين 4 إلى 6 أسابيع — one duration, the upper bound
        if (
            prev is not None
            and prev.sem.kind == "duration" and sem.kind == "duration"
            and prev.sem.mode == "bare" and sem.mode == "bare" and prev.sem.unit == sem.unit
            and prev.tok_end == ts - 1
            and stem(ts - 1) in ("الي", "حتي", "و")
            and stem(prev.tok_start - 1) in ("من", "بين")
        ):
            lead = prev.tok_start - 1
            start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
            out[-1] = Match(start, m.end, lead, m.tok_end, replace(sem, approx=True), "duration-range")
            continue
        # range: من X إلى Y / بين X و Y (and ونوفمبر with its و glued; من تاريخ X حتى Y)
        glued = prev is not None and prev.tok_end == ts and t(ts)[:1] == "و" and m.start > toks[ts].start
        lead_at = prev.tok_start - (2 if prev is not None and stem(prev.tok_start - 1) == "تاريخ" else 1) if (
            prev is not None) else -1
        if (
            prev is not None
            and ((prev.tok_end == ts - 1 and t(ts - 1) in ("الي", "حتي", "و", "-", "لغايه")) or glued)
            and prev.sem.kind in ("cal", "rel", "decade")
            and sem.kind in ("cal", "rel", "decade")
            and stem(lead_at) in ("من", "بين")
        ):
            first = replace(prev.sem)
            if first.kind == "cal" and sem.kind == "cal" and first.year is None and sem.year is not None:
                first.year, first.hijri = sem.year, sem.hijri
                if first.month is not None and sem.month is not None and (first.month, first.day or 0) > (
                    sem.month, sem.day or 0
                ):
                    first.year -= 1  # من سبتمبر إلى يونيو 2018: September of the year before
            end_sem = sem
            if first.kind == "cal" and sem.kind == "cal" and first.year is None and sem.year is None and (
                first.month is not None and sem.month is not None and first.month > sem.month and not first.hijri
                and not sem.hijri and not first.direction and not sem.direction
            ):
                # بين سبتمبر ويناير: the last such stretch, September of last year to this January
                first, end_sem = replace(first, direction=-1), replace(sem, direction=-1)
            lead = lead_at
            start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
            out[-1] = Match(start, m.end, lead, m.tok_end, Sem("interval", start=first, end=end_sem), "range")
            continue
        # a day range: من 20 إلى 22 نوفمبر, بين 20 و22 نوفمبر
        if sem.kind == "cal" and sem.day is not None and t(ts - 1) in ("الي", "حتي", "و", "-"):
            k = ts - 2
            if k >= 0 and toks[k].kind == "num" and 1 <= int(toks[k].text) <= 31 and len(toks[k].text) <= 2 and (
                prev is None or prev.tok_end <= k
            ):
                lead = k - 1 if stem(k - 1) in ("من", "بين") else k
                first = replace(sem, day=int(toks[k].text), weekday=None)
                start = toks[lead].start + (len(t(lead)) - len(stem(lead)) if lead < k else 0)
                out.append(Match(start, m.end, lead, m.tok_end, Sem("interval", start=first, end=sem), "day-range"))
                continue
        # a year range whose second year stands bare: بين 2011 و2015, من عام 2011 حتى 2015
        if sem.kind == "cal" and sem.year is not None and sem.month is None and sem.mod is None:
            nxt = m.tok_end
            if t(nxt) in ("و", "الي", "حتي", "-") and nxt + 1 < len(toks) and toks[nxt + 1].kind == "num" and (
                len(toks[nxt + 1].text) == 4 and stem(ts - 1) in ("من", "بين")
            ):
                y2 = int(toks[nxt + 1].text)
                if 1000 <= y2 <= 2100 and y2 > sem.year:
                    lead = ts - 1
                    start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
                    end_sem = Sem("cal", year=y2, hijri=sem.hijri)
                    out.append(Match(start, toks[nxt + 1].end, lead, nxt + 2,
                                     Sem("interval", start=sem, end=end_sem), "year-range"))
                    continue
        # since: منذ عام 2011, منذ الثمانينيات, منذ مطلع العام
        if sem.kind in ("cal", "decade", "rel") and stem(ts - 1) in ("منذ", "مذ") and (
            prev is None or prev.tok_end < ts
        ) and (sem.kind != "rel" or sem.offset <= 0):
            lead = ts - 1
            start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
            out.append(Match(start, m.end, lead, m.tok_end, Sem("interval", start=sem, end=None), "since"))
            continue
        # until: حتى نهاية العام, حتى الأسبوع المقبل, حتى عام 2030
        if sem.kind in ("cal", "rel") and stem(ts - 1) in ("حتي", "لغايه") and (prev is None or prev.tok_end < ts):
            forward = (sem.kind == "rel" and (sem.offset > 0 or (sem.offset == 0 and sem.mod == "END"))) or (
                sem.kind == "cal" and (
                    sem.direction > 0 or (sem.year is not None and anchor is not None and sem.year > anchor.year)
                    or (sem.year_offset == 0 and sem.mod == "END")
                )
            )
            goes_on = any(
                stem(k) in _GOES_ON or t(k) in _GOES_ON for k in range(max(0, ts - 1 - _UNTIL_REACH), ts - 1)
            )
            if forward and goes_on:
                lead = ts - 1
                start = toks[lead].start + (len(t(lead)) - len(stem(lead)))
                out.append(Match(start, m.end, lead, m.tok_end, Sem("interval", start=None, end=sem), "until"))
                continue
        out.append(m)
    return out
