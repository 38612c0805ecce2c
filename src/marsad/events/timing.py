"""The events coder's view of the times layer, with a fallback when ``marsad.times`` is absent."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from typing import Any

from marsad.article import Article, TimeExpr


def _eventdate() -> Any:
    if importlib.util.find_spec("marsad.times") is None or importlib.util.find_spec("marsad.times.eventdate") is None:
        return None
    return importlib.import_module("marsad.times.eventdate")


def event_time(article: Article, start: int, end: int, sentence_id: str | None) -> TimeExpr | None:
    """The time that dates the clause ``[start, end)`` (``marsad.times.eventdate.event_time``).

    Without the times package: the first time expression inside the clause, else inside the sentence.
    """
    mod = _eventdate()
    if mod is not None:
        result: TimeExpr | None = mod.event_time(article, start, end, sentence_id)
        return result
    times = article.times or []
    inside = [t for t in times if start <= t.start and t.end <= end and t.value]
    if inside:
        return inside[0]
    sent = next((s for s in article.sentences or () if s.id == sentence_id), None)
    if sent is not None:
        for t in times:
            if sent.start <= t.start and t.end <= sent.end and t.value:
                return t
    return None


def governing_time(article: Article, start: int, end: int, sentence_id: str | None,
                   others: Sequence[tuple[int, int]] = ()) -> TimeExpr | None:
    """The time that governs the clause of the trigger ``[start, end)`` (``marsad.times.eventdate.governing_time``).

    Without the times package: :func:`event_time` of the sentence.
    """
    mod = _eventdate()
    if mod is not None:
        result: TimeExpr | None = mod.governing_time(article, start, end, sentence_id, others)
        return result
    return event_time(article, start, end, sentence_id)


def temporal_aux(article: Article, time: TimeExpr | None) -> list[str]:
    """``historical``/``future`` from the resolved date (``marsad.times.eventdate.temporal_aux``), else []."""
    mod = _eventdate()
    if mod is None or time is None:
        return []
    result: list[str] = mod.temporal_aux(article, time)
    return result


def time_date(time: TimeExpr) -> str | None:
    """The ISO date (or month/year) of a time expression, without the time of day."""
    value = time.interval if time.kind == "duration" else time.value
    if not value:
        return None
    value = value.split("/")[0]
    return value.split("T")[0]



def date_source(article: Article, time_id: str | None, sentence_start: int, sentence_end: int) -> str | None:
    """Where an event's date came from (``Event.date_source``), given the span of the event's sentence.

    ``published`` for the publication-date record (``t0``), ``dateline`` for the date of the article's
    dateline (``الرياض - 25 يوليو``), ``text`` for another time expression inside the sentence, ``context``
    for one elsewhere (the clause the event continues), None without a time.
    """
    if time_id is None:
        return None
    if time_id == "t0":
        return "published"
    mod = _eventdate()
    line = mod.dateline_time(article) if mod is not None else None
    if line is not None and line.id == time_id:
        return "dateline"
    t = next((x for x in article.times or () if x.id == time_id), None)
    if t is not None and sentence_start <= t.start and t.end <= sentence_end:
        return "text"
    return "context"
