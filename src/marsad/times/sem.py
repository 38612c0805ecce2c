"""What a recognised temporal expression means, before it is resolved against a date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Sem:
    """The meaning of one temporal expression, independent of any anchor date.

    ``kind`` says which fields apply:

    * ``cal``: a calendar reference (``year``/``month``/``day``; ``hijri`` for the
      Hijri calendar). A missing year is filled from ``year_offset`` (relative to the
      anchor year), from ``direction`` (``-1`` the last such month before the anchor,
      ``+1`` the next one) or else the occurrence nearest the anchor.
      ``month_offset`` stands for a relative month (``العشرين من الشهر الجاري``).
    * ``rel``: ``offset`` ``unit``\\ s from the anchor (``أمس`` = day -1,
      ``الأسبوع المقبل`` = week +1); ``weekday`` snaps a day to the named weekday;
      ``explicit_day`` says a day word (اليوم/أمس/غدا) was written, so a weekday that
      disagrees is flagged.
    * ``decade``: the decade starting at ``year`` (1990), or ``offset`` decades from
      the anchor's decade when ``year`` is None.
    * ``duration``: ``amount`` ``unit``\\ s; ``mode`` is ``ago``, ``later``,
      ``since``, ``within``, ``past`` (the last N units), ``for`` or ``bare``.
    * ``interval``: from ``start`` to ``end``; a None end is the anchor date (``منذ``)
      and a None start is the anchor date (``حتى``).

    * ``clock``: ``hour``:``minute`` (24-hour), on the day ``start`` names (``صباح اليوم``) or else the anchor.

    ``pod`` (part of day), ``mod`` (START/MID/END) and ``weekday`` apply to ``cal``
    and ``rel``; ``part`` (``Q1``..``Q4``, ``H1``/``H2``) to a year. ``tense`` is +1
    when the sentence speaks of the future (a month without a year then looks forward). ``generic`` is set
    when the sentence states a rule that holds every year or every day (a Hijri month without a year is then
    ``XXXX-09``, a clock time without a day ``T17:00``).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    year_offset: int | None = None
    month_offset: int | None = None
    direction: int = 0
    unit: str | None = None
    offset: int = 0
    weekday: int | None = None
    explicit_day: bool = False
    pod: str | None = None
    mod: str | None = None
    amount: int | None = None
    mode: str | None = None
    approx: bool = False
    start: Sem | None = None
    end: Sem | None = None
    part: str | None = None
    tense: int = 0
    hour: int | None = None
    minute: int | None = None
    generic: bool = False


@dataclass(slots=True)
class Match:
    """A recognised expression: a span of the normalised view, its meaning and the rule that fired.

    Attributes:
        start: Start offset in the normalised text.
        end: End offset in the normalised text.
        tok_start: Index of the first token.
        tok_end: Index after the last token.
        sem: The meaning.
        pattern: Id of the rule (provenance).
    """

    start: int
    end: int
    tok_start: int
    tok_end: int
    sem: Sem
    pattern: str
