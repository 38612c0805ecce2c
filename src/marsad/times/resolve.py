"""Resolution of recognised expressions against an anchor date (publication date or dateline).

Values are ISO 8601 in TIMEX3 style:

* day ``2017-11-20``; part of day ``2017-11-20TEV`` (TMO morning, TMI noon, TAF
  afternoon, TEV evening, TNI night — TIMEX3 codes — and ``TDW`` for dawn, Marsad's own);
* week ``2017-W47`` (ISO week); month ``2017-10``; year ``2015``; decade ``199X``;
* interval ``2011/2017-11-21`` (a ``منذ``-interval ends at the anchor); a Hijri month or
  year is the interval of its Gregorian days (``2017-05-27/2017-06-24``);
* duration ``P3D``, ``P2W``, ``P6M``, ``P3Y``, ``PT2H``; the interval or date it implies,
  when anchored, is in ``Resolved.interval`` (``قبل يومين`` → ``2017-11-19``); a
  recurrence (``كل أربع سنوات``) is kind ``set`` with the period as its value (``P4Y``);
* quarter ``2017-Q1`` and half year ``2017-H1`` (granularities ``quarter``/``half``).

Without an anchor, a relative expression keeps ``value=None`` and a
:class:`~marsad.article.RelativeTime`; a calendar date missing its year becomes
``XXXX-11-21``; an interval with an unknown end ``2011/..`` (ISO 8601-2 open end).
A position in a period (مطلع/منتصف/نهاية) keeps the period's value and adds the flag
``mod=START``/``mod=MID``/``mod=END`` (TIMEX3 ``mod``).

Weekday rule: a day word with a weekday (``أمس الإثنين``) is first computed by
arithmetic (publication − 1); the named weekday then wins: the date moves back (offsets
≤ 0) or forward (offsets > 0) to the nearest day with that weekday, at most six days,
and a disagreement is flagged ``weekday_mismatch``. Reporters check the weekday; the
day word is the part that goes stale when a report is filed a day before it is
published. A bare weekday (``الاثنين``) is the most recent such day strictly before the
publication date (offset −1 then snapped back; the times component gives the publication's own
weekday offset 0: that day); ``المقبل``/``القادم`` gives the next one
strictly after it; only ``اليوم الثلاثاء`` names the publication day itself.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from marsad.article import RelativeTime
from marsad.times.lexicon import POD_CODES
from marsad.times.sem import Sem


@dataclass(slots=True)
class Resolved:
    """The resolution of one expression (the fields of a TimeExpr besides its span)."""

    kind: str
    granularity: str
    value: str | None = None
    relative: RelativeTime | None = None
    anchor: str | None = None
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    interval: str | None = None


# --- date arithmetic ---------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, month, year, decade)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    return d


def snap_weekday(d: date, weekday: int, backward: bool) -> date:
    """The nearest day with ``weekday`` on or before (or on or after) ``d``."""
    delta = (d.weekday() - weekday) % 7
    if backward:
        return d - timedelta(days=delta)
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def resolve_relative(rel: RelativeTime, published: date) -> tuple[str, str]:
    """Resolve a relative time once a publication date is known.

    Args:
        rel: The relative time (unit, signed offset, weekday, part of day).
        published: The publication date.

    Returns:
        ``(value, granularity)``: e.g. ``("2017-11-20TEV", "part_of_day")`` for
        ``RelativeTime("day", -1, weekday=0, part_of_day="evening")`` and 2017-11-21.
    """
    if rel.unit == "day":
        d = published + timedelta(days=rel.offset)
        if rel.weekday is not None:
            d = snap_weekday(d, rel.weekday, backward=rel.offset <= 0)
        if rel.part_of_day:
            return d.isoformat() + POD_CODES[rel.part_of_day], "part_of_day"
        return d.isoformat(), "day"
    if rel.unit == "week":
        return week_value(published + timedelta(weeks=rel.offset)), "week"
    if rel.unit == "month":
        d = add_months(published.replace(day=1), rel.offset)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if rel.unit == "decade":
        return f"{published.year // 10 + rel.offset}X", "decade"
    return f"{published.year + rel.offset:04d}", "year"


def relative_string(rel: RelativeTime) -> str:
    """The string form of a relative time used in gold files: ``REL:day-1:wd=0:pod=evening``.

    ``REL:<unit><signed offset>``, then ``:wd=<0..6>`` (0 = Monday) when a weekday
    was named and ``:pod=<part of day>`` when one was.
    """
    out = f"REL:{rel.unit}{rel.offset:+d}"
    if rel.weekday is not None:
        out += f":wd={rel.weekday}"
    if rel.part_of_day:
        out += f":pod={rel.part_of_day}"
    return out


def display_value(value: str | None, relative: RelativeTime | None) -> str:
    """The value to compare against gold: the ISO value, else the relative string, else ``""``."""
    if value is not None:
        return value
    if relative is not None:
        return relative_string(relative)
    return ""


def period_bounds(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO day, part-of-day, week, month, year, decade or interval value."""
    if "/" in value:
        left, right = value.split("/", 1)
        lo, hi = period_bounds(left), period_bounds(right)
        if lo is not None and hi is not None:
            return lo[0], hi[1]
        return None
    try:
        if "-W" in value:
            wy, ww = value.split("-W")
            monday = date.fromisocalendar(int(wy), int(ww[:2]), 1)
            return monday, monday + timedelta(days=6)
        parts = value.split("-")
        if len(parts) == 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return d, d
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if value.endswith("XX") and value[:-2].isdigit():
            first_year = int(value[:-2]) * 100
            return date(max(first_year, 1), 1, 1), date(first_year + 99, 12, 31)
        if value.endswith("X") and value[:-1].isdigit():
            first_year = int(value[:-1]) * 10
            return date(first_year, 1, 1), date(first_year + 9, 12, 31)
    except ValueError:
        return None
    return None


# --- resolution --------------------------------------------------------------------------


def resolve(sem: Sem, anchor: date | None, anchor_name: str | None = "published") -> Resolved:
    """Resolve one expression's meaning against an anchor date (or keep it relative)."""
    if sem.kind == "cal":
        return _hijri(sem, anchor, anchor_name) if sem.hijri else _gregorian(sem, anchor, anchor_name)
    if sem.kind == "rel":
        return _relative(sem, anchor, anchor_name)
    if sem.kind == "decade":
        return _decade(sem, anchor, anchor_name)
    if sem.kind == "duration":
        return _duration(sem, anchor, anchor_name)
    if sem.kind == "now":
        # the present as a reference ("nowadays"), not a date: events never take it as theirs
        return Resolved("date", "day", PRESENT_REF, flags=["present_ref"], confidence=0.6)
    if sem.kind == "century":
        return _century(sem, anchor)
    if sem.kind == "clock":
        return _clock(sem, anchor, anchor_name)
    if sem.kind == "season":
        return _season(sem, anchor, anchor_name)
    if sem.kind == "anaphor":  # a time named earlier: only the article can say which (times.component)
        return Resolved("date", "day" if sem.unit == "next-day" else "year", None, flags=["anaphor"], confidence=0.3)
    return _interval(sem, anchor, anchor_name)


PRESENT_REF = "PRESENT_REF"


def _clock(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    """``2015-07-25T21:45`` on the day the expression names, else on the anchor; ``T21:45`` without either."""
    hhmm = f"T{sem.hour or 0:02d}:{sem.minute or 0:02d}"
    if sem.generic and sem.start is None:
        return Resolved("datetime", "time", hhmm, flags=["generic"], confidence=0.7)
    if sem.start is not None:
        day = resolve(sem.start, anchor, anchor_name)
        if day.value and len(day.value) >= 10 and day.value[4] == "-" and day.value[7] == "-":
            return Resolved("datetime", "time", day.value[:10] + hhmm, relative=day.relative, anchor=day.anchor,
                            confidence=day.confidence, flags=day.flags)
        return Resolved("datetime", "time", None, relative=day.relative, confidence=0.8)
    if anchor is None:
        return Resolved("datetime", "time", hhmm, confidence=0.8)
    return Resolved("datetime", "time", anchor.isoformat() + hhmm, anchor=anchor_name, confidence=0.7)


# first and last month of each season (northern hemisphere; winter runs December to February, named by
# the year of its January)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    """``2014-SU``: a season of the year said, or this/the last/the next one from the anchor."""
    code = sem.part or "SU"
    if sem.year is not None:
        return Resolved("date", "season", f"{sem.year:04d}-{code}", anchor="absolute")
    if anchor is None:
        return Resolved("date", "season", None, confidence=0.8)
    first, last = _SEASON_MONTHS[code]
    year = anchor.year + (1 if code == "WI" and anchor.month == 12 else 0)  # the season around the anchor's year
    if sem.offset < 0:
        # the latest such season that has ended before the anchor
        ended = (anchor.year, anchor.month) > (year, last)
        year = year if ended else year - 1
    elif sem.offset > 0:
        started = (anchor.year, anchor.month) >= ((year - 1, first) if code == "WI" else (year, first))
        year = year + 1 if started else year
    return Resolved("date", "season", f"{year:04d}-{code}", anchor=anchor_name, confidence=0.85)


def _century(sem: Sem, anchor: date | None) -> Resolved:
    """``17XX`` for the 18th century; القرن الماضي/الحالي from the anchor's century (kept open without one)."""
    if sem.year is not None:
        return Resolved("date", "century", f"{sem.year // 100:02d}XX", anchor="absolute")
    if anchor is None:
        return Resolved("date", "century", None, confidence=0.9)
    first = (anchor.year // 100 + sem.offset) * 100
    return Resolved("date", "century", f"{first // 100:02d}XX", anchor="published", confidence=0.9)


def _flags(sem: Sem) -> list[str]:
    return [f"mod={sem.mod}"] if sem.mod else []


def _gregorian(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    flags = _flags(sem)
    used_anchor = sem.year is None
    year = sem.year
    month = sem.month
    conf = 1.0
    if month is None and sem.month_offset is not None:
        if anchor is None:
            value = f"XXXX-XX-{sem.day:02d}" if sem.day else None
            return Resolved("date", "day", value, flags=flags)
        base = add_months(anchor.replace(day=1), sem.month_offset)
        year, month = base.year, base.month
    if year is None and month is not None:
        if anchor is None:
            value = f"XXXX-{month:02d}" + (f"-{sem.day:02d}" if sem.day else "")
            return Resolved("date", "day" if sem.day else "month", value, flags=flags)
        year = _infer_year(sem, month, anchor)
        conf = 0.9 if (sem.direction or sem.year_offset is not None) else 0.8
    if year is None:
        return Resolved("date", "year", None, flags=flags)
    anchor_used = anchor_name if used_anchor else "absolute"
    if month is None:
        if sem.part:
            return Resolved("date", "quarter" if sem.part[0] == "Q" else "half", f"{year:04d}-{sem.part}",
                            anchor=anchor_used, confidence=conf, flags=flags)
        return Resolved("date", "year", f"{year:04d}", anchor=anchor_used, confidence=conf, flags=flags)
    if sem.day is None:
        return Resolved("date", "month", f"{year:04d}-{month:02d}", anchor=anchor_used, confidence=conf, flags=flags)
    try:
        d = date(year, month, sem.day)
    except ValueError:
        return Resolved("date", "day", None, flags=[*flags, "invalid_date"], confidence=0.3)
    return _day_value(d, sem, anchor_used, conf, flags)


def _day_value(d: date, sem: Sem, anchor_used: str | None, conf: float, flags: list[str]) -> Resolved:
    if sem.weekday is not None and d.weekday() != sem.weekday:
        flags = [*flags, "weekday_mismatch"]
        conf = min(conf, 0.7)
    if sem.pod:
        return Resolved("datetime", "part_of_day", d.isoformat() + POD_CODES[sem.pod], anchor=anchor_used,
                        confidence=conf, flags=flags)
    return Resolved("date", "day", d.isoformat(), anchor=anchor_used, confidence=conf, flags=flags)


def _infer_year(sem: Sem, month: int, anchor: date) -> int:
    """The year of a month (or day and month) written without one.

    ``year_offset`` and ``direction`` (الماضي/المقبل) decide when given. Otherwise the
    report is taken to speak of the past (the last such month or day on or before the
    anchor), unless the sentence speaks of the future (``tense`` +1: the next one on
    or after the anchor) or the next occurrence is less than about two months ahead.
    """
    if sem.year_offset is not None:
        return anchor.year + sem.year_offset
    if sem.direction and sem.day:
        # «27 أغسطس المقبل» on 1 August is this year's 27 August: the nearest such day after (before) the anchor
        here = (month, sem.day)
        now = (anchor.month, anchor.day)
        if sem.direction > 0:
            return anchor.year if here > now else anchor.year + 1
        return anchor.year if here < now else anchor.year - 1
    if sem.direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if sem.direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    key = (month, sem.day or 0)
    ref = (anchor.month, anchor.day if sem.day else 0)
    past = anchor.year if key <= ref else anchor.year - 1
    future = anchor.year if key >= ref else anchor.year + 1
    if sem.tense > 0:
        return future
    probe = date(future, month, min(sem.day or 15, 28))
    return future if 0 < (probe - anchor).days <= 62 else past


def _hijri(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    flags = _flags(sem)
    hy = sem.year
    conf = 1.0
    anchor_used: str | None = "absolute"
    try:
        if hy is None and sem.generic and sem.month is not None and sem.day is None and not sem.direction and (
            sem.year_offset is None
        ):
            return Resolved("date", "month", f"XXXX-{sem.month:02d}", flags=[*flags, "generic"], confidence=0.7)
        if hy is None:
            if anchor is None or sem.month is None:
                return Resolved("interval", "month", None, flags=flags)
            h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
            anchor_used, conf = anchor_name, 0.9
            if sem.year_offset is not None:
                hy = h.year + sem.year_offset
            elif sem.direction and sem.day:
                here, now = (sem.month, sem.day), (h.month, h.day)
                if sem.direction > 0:
                    hy = h.year if here > now else h.year + 1
                else:
                    hy = h.year if here < now else h.year - 1
            elif sem.direction < 0:
                hy = h.year if sem.month < h.month else h.year - 1
            elif sem.direction > 0:
                hy = h.year if sem.month > h.month else h.year + 1
            else:
                hy = h.year
        if sem.month is None:
            first = _greg(Hijri(hy, 1, 1))
            last = _greg(Hijri(hy + 1, 1, 1)) - timedelta(days=1)
            return Resolved("interval", "year", f"{first.isoformat()}/{last.isoformat()}", anchor=anchor_used,
                            confidence=conf, flags=flags)
        if sem.day is None:
            start = Hijri(hy, sem.month, 1)
            first = _greg(start)
            last = first + timedelta(days=start.month_length() - 1)
            return Resolved("interval", "month", f"{first.isoformat()}/{last.isoformat()}", anchor=anchor_used,
                            confidence=conf, flags=flags)
        d = _greg(Hijri(hy, sem.month, sem.day))
    except (ValueError, OverflowError):
        return Resolved("date", "day" if sem.day else "month", None, flags=[*flags, "out_of_range"], confidence=0.3)
    return _day_value(d, sem, anchor_used, conf, flags)


def _greg(h: Hijri) -> date:
    g = h.to_gregorian()
    return date(g.year, g.month, g.day)


def _relative(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    unit = sem.unit or "day"
    if unit == "quarter":  # الربع الحالي / السابق: counted from the anchor's quarter
        if anchor is None:
            return Resolved("date", "quarter", None, confidence=0.9)
        q = anchor.year * 4 + (anchor.month - 1) // 3 + sem.offset
        return Resolved("date", "quarter", f"{q // 4:04d}-Q{q % 4 + 1}", anchor=anchor_name, confidence=0.9)
    rel = RelativeTime(unit, sem.offset, sem.weekday, sem.pod)
    flags = _flags(sem)
    kind = "datetime" if sem.pod else "date"
    gran = "part_of_day" if sem.pod else unit
    if anchor is None:
        return Resolved(kind, gran, None, relative=rel, flags=flags, confidence=0.9)
    value, gran = resolve_relative(rel, anchor)
    if sem.part and unit == "year":
        value, gran = f"{value}-{sem.part}", "quarter" if sem.part[0] == "Q" else "half"
    conf = 0.95
    if unit == "day" and sem.weekday is not None:
        arithmetic = anchor + timedelta(days=sem.offset)
        if sem.explicit_day and arithmetic.weekday() != sem.weekday:
            flags.append("weekday_mismatch")
            conf = 0.6
        elif not sem.explicit_day:
            conf = 0.85
    return Resolved(kind, gran, value, relative=rel, anchor=anchor_name, confidence=conf, flags=flags)


def _decade(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    flags = _flags(sem)
    if sem.year is not None:
        return Resolved("date", "decade", f"{sem.year // 10}X", anchor="absolute", flags=flags)
    rel = RelativeTime("decade", sem.offset)
    if anchor is None:
        return Resolved("date", "decade", None, relative=rel, flags=flags, confidence=0.9)
    value, _ = resolve_relative(rel, anchor)
    return Resolved("date", "decade", value, relative=rel, anchor=anchor_name, confidence=0.9, flags=flags)


_DUR_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def duration_value(amount: int, unit: str) -> str:
    """ISO 8601 duration: ``P3D``, ``P2W``, ``P6M``, ``P3Y``, ``PT2H``, ``PT30M``; a decade is ten years."""
    if unit == "hour":
        return f"PT{amount}H"
    if unit == "minute":
        return f"PT{amount}M"
    if unit == "second":
        return f"PT{amount}S"
    if unit == "decade":
        return f"P{10 * amount}Y"
    return f"P{amount}{_DUR_CODES[unit]}"


_VAGUE_CODES = {"day": "PXD", "week": "PXW", "month": "PXM", "year": "PXY", "decade": "PXDE", "hour": "PTXH",
                "minute": "PTXM"}


def _duration(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    if sem.amount is None:  # قبل أيام, السنوات الأخيرة: an amount nobody stated, and no date implied
        unit = sem.unit or "day"
        gran = unit if unit in ("day", "week", "month", "year", "decade") else "hour"
        return Resolved("duration", gran, _VAGUE_CODES[unit], flags=["vague"], confidence=0.6)
    amount, unit = sem.amount, sem.unit or "day"
    value = duration_value(amount, unit)
    if sem.part == "half":  # and a half: P9Y6M, P2M15D, P3DT12H, PT2H30M
        value += {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M"}.get(unit, "")
    flags = ["approx"] if sem.approx else []
    gran = unit if unit in ("day", "week", "month", "year", "decade") else "hour"
    rel: RelativeTime | None = None
    if sem.mode in ("ago", "later") and unit in ("day", "week", "month", "year", "decade"):
        sign = -1 if sem.mode == "ago" else 1
        if unit in ("day", "week"):
            rel = RelativeTime("day", sign * amount * (7 if unit == "week" else 1))
        elif unit == "decade":
            rel = RelativeTime("year", sign * amount * 10)
        else:
            rel = RelativeTime(unit, sign * amount)
    if sem.mode == "every":
        return Resolved("set", gran, value, flags=flags, confidence=0.9)
    if anchor is None:
        return Resolved("duration", gran, value, relative=rel, flags=flags, confidence=0.9)
    interval: str | None = None
    if rel is not None:
        interval, _ = resolve_relative(rel, anchor)
    elif sem.mode in ("since", "past") and unit in ("day", "week", "month", "year", "decade"):
        interval = f"{shift(anchor, unit, -amount).isoformat()}/{anchor.isoformat()}"
    elif sem.mode == "within" and unit in ("day", "week", "month", "year", "decade"):
        interval = f"{anchor.isoformat()}/{shift(anchor, unit, amount).isoformat()}"
    return Resolved("duration", gran, value, relative=rel, anchor=anchor_name if interval else None,
                    confidence=0.9, flags=flags, interval=interval)


def _interval(sem: Sem, anchor: date | None, anchor_name: str | None) -> Resolved:
    flags: list[str] = []
    if (sem.start is not None and sem.end is not None and sem.start.kind == "clock" and sem.end.kind == "clock"
            and sem.start.start is None and sem.end.start is None):
        # a daily range of clock times with no day named: T10:00/T19:00
        a, b = sem.start, sem.end
        value = f"T{a.hour or 0:02d}:{a.minute or 0:02d}/T{b.hour or 0:02d}:{b.minute or 0:02d}"
        return Resolved("time", "interval", value, confidence=0.8)
    start = resolve(sem.start, anchor, anchor_name) if sem.start is not None else None
    end = resolve(sem.end, anchor, anchor_name) if sem.end is not None else None
    now = anchor.isoformat() if anchor is not None else ".."
    if start is not None:
        sv = start.value or ".."
        if start.kind == "interval" and start.value and "/" in start.value:
            sv = start.value.split("/")[0]
    else:
        sv = now
    if end is not None:
        ev = end.value or ".."
        if end.kind == "interval" and end.value and "/" in end.value:
            ev = end.value.split("/")[1]
        if sem.start is None and sem.end is not None and sem.end.mod == "END" and end.value:
            bounds = period_bounds(end.value)
            if bounds is not None:
                ev = bounds[1].isoformat()
    else:
        ev = now
    gran = (start or end).granularity if (start or end) is not None else "day"  # type: ignore[union-attr]
    parts = [r for r in (start, end) if r is not None]
    for r in parts:
        flags.extend(f for f in r.flags if f not in flags)
    uses_anchor = sem.start is None or sem.end is None or any(r.anchor not in (None, "absolute") for r in parts)
    conf = min([r.confidence for r in parts] or [1.0])
    if sv == ".." and ev == "..":
        return Resolved("interval", gran, None, flags=flags, confidence=conf)
    return Resolved("interval", gran, f"{sv}/{ev}", anchor=anchor_name if uses_anchor and anchor else "absolute",
                    confidence=conf, flags=flags)
