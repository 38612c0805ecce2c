"""Event dates for the events coder: which time expression dates a clause, and is it news or background.

The events coder calls :func:`event_time` with the clause it coded and
:func:`temporal_aux` with the result. Tense markers (سـ, سوف, المقرر ...) are the
events coder's job; :func:`future_markers` and :func:`historical_markers`
(re-exported from the lexicon) give it folded word lists to test
``normalize_string(word)`` against.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.article import Article, TimeExpr
from marsad.times.component import VERSION
from marsad.times.lexicon import future_markers, historical_markers
from marsad.times.resolve import PRESENT_REF, period_bounds, resolve_relative

__all__ = [
    "NEWS_WINDOW_DAYS",
    "anchor_date",
    "event_time",
    "future_markers",
    "historical_markers",
    "temporal_aux",
    "time_value",
]

NEWS_WINDOW_DAYS = 7
_GRAN_RANK = {"part_of_day": 0, "day": 1, "week": 2, "month": 3, "year": 4, "decade": 5}


def time_value(time: TimeExpr) -> str | None:
    """The date-like value of a time: the implied interval of an anchored duration, else ``value``.

    A bare duration (``لمدة شهر``) has no date and gives None.
    """
    if time.kind == "duration":
        return time.interval
    if time.value == PRESENT_REF:
        return None
    return time.value


def _rank(t: TimeExpr) -> tuple[int, int]:
    dated = 0 if time_value(t) is not None or t.relative is not None else 1
    return dated, _GRAN_RANK.get(t.granularity, 6) if t.kind != "duration" else 7


def _best(times: list[TimeExpr]) -> TimeExpr | None:
    dated = [t for t in times if time_value(t) is not None or t.relative is not None]
    if not dated:
        return None
    return min(dated, key=_rank)


def anchor_date(article: Article) -> date | None:
    """The publication date, else the date of the dateline expression the times layer anchored on."""
    if article.meta.published is not None:
        return article.meta.published
    for t in article.times or ():
        if t.anchor == "dateline":
            break
    else:
        return None
    for t in article.times or ():
        if t.anchor == "absolute" and t.granularity in ("day", "part_of_day") and t.value:
            try:
                return date.fromisoformat(t.value[:10])
            except ValueError:
                continue
    return None


def event_time(article: Article, start: int, end: int, sentence_id: str | None) -> TimeExpr | None:
    """The time expression that dates an event coded from the clause ``[start, end)``.

    Looks, in order, for a dated expression inside the clause, then inside the
    sentence ``sentence_id``, then falls back to the article's date: the dateline
    expression when the times layer anchored on one, else a day-granularity record
    made on the fly for the publication date (id ``t0``, empty span at 0, pattern
    ``publication-date``). Among several candidates the finest granularity wins
    (part of day < day < week < month < year < decade < duration), then the first.

    Args:
        article: The article, with its ``times`` layer (and ``sentences``).
        start: Start of the clause in ``article.text``.
        end: End of the clause.
        sentence_id: Id of the sentence holding the clause, or None.

    Returns:
        A TimeExpr, or None when nothing dates the article at all.
    """
    times = article.times or []
    inside = [t for t in times if start <= t.start and t.end <= end]
    best = _best(inside)
    if best is not None:
        return best
    sent = next((s for s in article.sentences or () if s.id == sentence_id), None)
    if sent is not None:
        best = _best([t for t in times if sent.start <= t.start and t.end <= sent.end])
        if best is not None:
            return best
    if article.meta.published is not None:
        return TimeExpr(
            id="t0",
            start=0,
            end=0,
            kind="date",
            granularity="day",
            prov=article.provenance("times", VERSION, "publication-date"),
            value=article.meta.published.isoformat(),
            anchor="published",
        )
    day = anchor_date(article)
    if day is not None:
        for t in times:
            if t.value and t.value.startswith(day.isoformat()) and t.anchor == "absolute":
                return t
    return None


def temporal_aux(article: Article, time: TimeExpr | None) -> list[str]:
    """``["historical"]``, ``["future"]`` or ``[]`` for an event dated by ``time``.

    Historical: the resolved period ends more than ``NEWS_WINDOW_DAYS`` (7) days
    before the publication date, or it is a month, year or decade that ends before the
    publication month starts (``أكتوبر 2015``, ``الشهر الماضي``). Future: the period
    starts after the publication date. An interval that spans the publication date
    (``منذ عام 2011``) is neither. Without an anchor date, a relative time still
    counts by its sign: a negative month/year offset (or more than 7 days back) is
    historical, a positive offset is future.

    Args:
        article: The article (for its publication or dateline date).
        time: The time from :func:`event_time`, or None.
    """
    if time is None:
        return []
    pub = anchor_date(article)
    value = time_value(time)
    if value is None and time.relative is not None and pub is not None:
        value, _ = resolve_relative(time.relative, pub)
    if value is None or pub is None:
        rel = time.relative
        if rel is None:
            return []
        if rel.offset > 0:
            return ["future"]
        if rel.offset < 0 and (rel.unit in ("month", "year", "decade") or (rel.unit == "day" and rel.offset < -7)):
            return ["historical"]
        return []
    bounds = period_bounds(value)
    if bounds is None:
        return []
    first, last = bounds
    if first > pub:
        return ["future"]
    if last < pub - timedelta(days=NEWS_WINDOW_DAYS):
        return ["historical"]
    if time.granularity in ("month", "year", "decade") and last < pub.replace(day=1):
        return ["historical"]
    return []
