"""Event dates for the events coder: which time expression dates a clause, and is it news or background.

The events coder calls :func:`event_time` with the clause it coded and
:func:`temporal_aux` with the result. Tense markers (سـ, سوف, المقرر ...) are the
events coder's job; :func:`future_markers` and :func:`historical_markers`
(re-exported from the lexicon) give it folded word lists to test
``normalize_string(word)`` against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from marsad.article import Article, Sentence, TimeExpr
from marsad.text.clauses import CONTINUING_KINDS, date_clause, date_clause_bounds, normalized, words
from marsad.text.normalize import NormText, normalize_string
from marsad.times.component import VERSION
from marsad.times.lexicon import future_markers, historical_markers
from marsad.times.resolve import PRESENT_REF, period_bounds, resolve_relative

__all__ = [
    "NEWS_WINDOW_DAYS",
    "anchor_date",
    "dateline_time",
    "dates_event",
    "event_time",
    "future_markers",
    "governing_time",
    "historical_markers",
    "present_period",
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


_SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "AU": (9, 10, 11), "WI": (12, 1, 2)}


def present_period(time: TimeExpr, anchor: date | None) -> bool:
    """Whether ``time`` is the period of the publication itself, coarser than a day.

    ``هذا الأسبوع``, ``الشهر الجاري``, ``هذا العام``, ``العام الجاري`` (a relative offset of 0 in weeks, months,
    years) and ``هذا الصيف`` (the season of the anchor date, in its year) say no more than "now": they do not date
    an event.
    """
    rel = time.relative
    if rel is not None and rel.offset == 0 and rel.unit in ("week", "month", "year", "decade", "season"):
        return True
    if time.granularity == "season" and time.prov.pattern == "season-this" and anchor is not None and time.value:
        return anchor.month in _SEASON_MONTHS.get(time.value.partition("-")[2][:2], ())
    return False


def dates_event(time: TimeExpr, anchor: date | None = None) -> bool:
    """Whether a time expression can date an event.

    Not: a set (``يوميا``, ``سنويا``: how often, not when), a bare duration (``لمدة شهر``, ``الأشهر الأخيرة``),
    a present reference (``حتى اليوم``), or the publication's own week, month, season or year
    (:func:`present_period`).
    """
    if time.kind == "set":
        return False
    if time_value(time) is None and time.relative is None:
        return False
    return not present_period(time, anchor)


def _rank(t: TimeExpr) -> tuple[int, int]:
    return 0, _GRAN_RANK.get(t.granularity, 6) if t.kind != "duration" else 7


def _best(times: list[TimeExpr], anchor: date | None = None) -> TimeExpr | None:
    dated = [t for t in times if dates_event(t, anchor)]
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

    Looks, in order, for an expression that can date an event (:func:`dates_event`: not a set, a bare duration,
    a present reference or the publication's own week, month, season or year) inside the clause, then inside the
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
    anchor = anchor_date(article)
    inside = [t for t in times if start <= t.start and t.end <= end]
    best = _best(inside, anchor)
    if best is not None:
        return best
    sent = next((s for s in article.sentences or () if s.id == sentence_id), None)
    if sent is not None:
        best = _best([t for t in times if sent.start <= t.start and t.end <= sent.end], anchor)
        if best is not None:
            return best
    return publication_time(article) or _dateline_day(article)


# A time after these words is a reference point or a deadline, not when the event took place
# (``منذ عودة المواجهات الأسبوع الماضي``, ``استمرت حتى 30 يوليو``).
REFERENCE_WORDS = frozenset(normalize_string(w) for w in ("منذ", "حتى", "مذ"))
_REFERENCE_REACH = 4


def _reference(norm: str, lo: int, ts: int, te: int) -> bool:
    """Whether the time at norm ``[ts, te)`` is a reference point or deadline: it starts with منذ/حتى, or one of
    them stands at most four words before it in its clause (``lo``)."""
    inner = words(norm, ts, te, 1)
    if inner and inner[0][2] in REFERENCE_WORDS:
        return True
    before = words(norm, lo, ts)[-_REFERENCE_REACH:]
    return any(w in REFERENCE_WORDS for _, _, w in before)


def publication_time(article: Article) -> TimeExpr | None:
    """The record made on the fly for the publication date (id ``t0``, empty span at 0), or None."""
    if article.meta.published is None:
        return None
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


def governing_time(article: Article, start: int, end: int, sentence_id: str | None,
                   others: Sequence[tuple[int, int]] = ()) -> TimeExpr | None:
    """The time expression that governs the clause of the trigger ``[start, end)``, else the dateline's date,
    else the publication date.

    The clause is :func:`marsad.text.clauses.date_clause`: a time in another clause of the sentence (a
    complement ``أن``/``إن`` clause, a relative clause, a quotation, a clause after «، و» or ثم/بينما/لكن)
    dates the other clause's event, not this one; a relative clause right after a noun trigger is about it.
    Among the times of the clause that can date an event (:func:`dates_event`) and are no reference point or
    deadline (``منذ``, ``حتى``), the nearest to the trigger wins (then the finer granularity). A clause with none
    that goes on with the one before it («، و» + verb, ``حيث``) takes that one's time. An event with no
    time in its clause takes the article's date: the annotation guideline leaves the date of such an event
    unknown, and a time from another clause or an earlier sentence of the paragraph does not date it
    (measured on the dev units: carrying a paragraph's leading time lowered the event-date figure from 0.89
    to 0.85). It takes the date of the article's dateline (:func:`dateline_time`, ``الرياض - 25 يوليو``) when
    there is one, else the publication date; without either, the day the times layer anchored on; else None.

    A noun that is an adjunct of the clause's verb (after ``بعد``, ``رغم``, ``غداة`` ..., or with a purpose ل:
    ``لمساعدة``) is not dated by a time before it. A trigger inside a quotation whose clauses have no time takes
    the month or year of the saying clause (:func:`_saying_time`).

    ``others`` are the spans (in ``article.text``) of the other predicates of the sentence: a time with one of
    them between the trigger and it is that predicate's (``المرة الثانية التي يزور فيها روسيا بعد زيارة سابقة
    جرت في أكتوبر 2015``: the month dates the earlier visit, not the one of يزور).
    """
    sent = next((s for s in article.sentences or () if s.id == sentence_id), None)
    anchor = anchor_date(article)
    if sent is not None:
        nt = normalized(article.text)
        ns, ne = nt.to_norm(sent.start, sent.end)
        ps, pe = nt.to_norm(start, end)
        cs, ce = date_clause(nt.norm, ns, ne, ps, pe)
        best = _clause_time(article, nt, sent, (cs, ce), (ps, pe), anchor, others)
        if best is not None:
            return best
        bounds = date_clause_bounds(nt.norm, ns, ne)
        k = next((i for i, (b, _) in enumerate(bounds) if b == cs), 0)
        while k > 0 and bounds[k][1] in CONTINUING_KINDS and bounds[k - 1][1] != "relative":
            best = _clause_time(article, nt, sent, (bounds[k - 1][0], bounds[k][0]), (ps, pe), anchor)
            if best is not None:
                return best
            k -= 1
        best = _saying_time(article, nt, sent, (start, end), anchor)
        if best is not None:
            return best
    return dateline_time(article) or publication_time(article) or _dateline_day(article)


# A dateline: a short head (a place, an agency: at most 40 characters, no sentence punctuation) ending in a dash
# before the date, or the date alone at the head of its line (``الرياض - 25 يوليو 2015``, ``القاهرة - (أ ف ب) -
# الأحد 21 نوفمبر``).
_DATELINE_HEAD = re.compile(r"^[^\n.،,!?؟:]{0,40}[\-–—]\s*$|^\s*$")
_DATELINE_TAIL = re.compile(r"^[\s)]*(?:[\-–—:]|$|\n)")
DATELINE_LINES = 2


# The longest head _DATELINE_HEAD can match, its trailing white space left out (40 characters and the dash).
_DATELINE_HEAD_MAX = 41


@lru_cache(maxsize=4)
def _dateline_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of the first DATELINE_LINES non-empty lines of ``text``: once per article, not per event."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((pos, pos + len(line)))
            if len(lines) >= DATELINE_LINES:
                break
        pos += len(line)
    return tuple(lines)


def dateline_time(article: Article) -> TimeExpr | None:
    """The date of the article's dateline, or None.

    A calendar day (``25 يوليو 2015``, ``25 يوليو``; not a relative ``الأحد القادم``) in the first two non-empty
    lines, after a short head ending in a dash (``الرياض - ``) or alone at the head of its line with a dash or
    the line's end after it.
    """
    text = article.text
    lines = _dateline_lines(text)
    for t in article.times or ():
        if t.granularity != "day" or t.kind != "date" or not t.value or len(t.value) != 10 or t.relative is not None:
            continue
        for lo, hi in lines:
            if lo <= t.start and t.end <= hi:
                j = t.start
                while j > lo and text[j - 1].isspace():
                    j -= 1
                if j - lo > _DATELINE_HEAD_MAX:  # no head of _DATELINE_HEAD: skip slicing a long line
                    continue
                head, tail = text[lo:t.start], text[t.end:hi]
                if _DATELINE_HEAD.match(head) and (head.strip() or _DATELINE_TAIL.match(tail)):
                    return t
    return None


def _dateline_day(article: Article) -> TimeExpr | None:
    """Without a publication date: the absolute day expression of the dateline the times layer anchored on."""
    day = anchor_date(article)
    if day is None:
        return None
    return next((t for t in article.times or ()
                 if t.value and t.value.startswith(day.isoformat()) and t.anchor == "absolute"), None)


def _clause_time(article: Article, nt: NormText, sent: Sentence, clause: tuple[int, int], trigger: tuple[int, int],
                 anchor: date | None, others: Sequence[tuple[int, int]] = ()) -> TimeExpr | None:
    """The time of the norm span ``clause`` nearest to the norm span ``trigger`` that can date an event, with no
    other predicate (``others``, source spans) between the trigger and it."""
    cs, ce = clause
    ps, pe = trigger
    others_norm = [nt.to_norm(a, b) for a, b in others]
    best: tuple[int, int, TimeExpr] | None = None
    for t in article.times or ():
        if not (sent.start <= t.start and t.end <= sent.end) or not dates_event(t, anchor):
            continue
        ts, te = nt.to_norm(t.start, t.end)
        if not (cs <= ts and te <= ce) or _reference(nt.norm, cs, ts, te):
            continue
        if any(min(pe, te) <= a and b <= max(ps, ts) for a, b in others_norm):
            continue
        if te <= ps and _adjunct_noun(nt.norm, te, ps, pe):
            continue
        key = (max(ps - te, ts - pe, 0), _rank(t)[1])
        if best is None or key < best[:2]:
            best = (key[0], key[1], t)
    return best[2] if best is not None else None


# A relative clause or a clause after لكن/ثم/كما in a quotation tells of something else than what was said then
# (``إن إيران التي وقعت الاتفاق ...``, ``... لكن الوزارة نفت``); so does a noun with a relative clause of its own
# (``تدعم الاتفاق الذي وقعته الأطراف``).
_OWN_TOPIC_KINDS = frozenset({"relative", "word"})


# What was said happened on or before the saying: said in a month or a year, it is dated by it (``قالت في يونيو
# الماضي إنها صادرت``); said on a day, it is not that day's (``قالت في بيان أمس إن ... نسقوا``: the gold leaves it
# undated).
_SAYING_GRANULARITIES = frozenset({"month", "year", "season", "quarter", "half"})


def _saying_time(article: Article, nt: NormText, sent: Sentence, trigger: tuple[int, int],
                 anchor: date | None) -> TimeExpr | None:
    """The time of the saying clause of a quotation that holds the trigger (source span), with no time of its own.

    ``وقالت الوزارة في يونيو الماضي إنها صادرت ...``: what was said is dated by the month or year it was said in,
    the nearest time to the cue in the cue's clause (the quotes layer's record); a day of saying does not date
    it (:data:`_SAYING_GRANULARITIES`).
    """
    start, end = trigger
    for q in article.quotes or ():
        if not (q.start <= start and end <= q.end) or q.cue is None:
            continue
        cs, ce = q.cue.start, q.cue.end
        if not (sent.start <= cs and ce <= q.start):
            continue
        ns, ne = nt.to_norm(sent.start, sent.end)
        qs, _ = nt.to_norm(q.start, q.end)
        ts, te = nt.to_norm(start, end)
        _, own_end = date_clause(nt.norm, ns, ne, ts, te)
        if any((qs < b <= ts and kind in _OWN_TOPIC_KINDS) or (ts < b < own_end and kind == "relative")
               for b, kind in date_clause_bounds(nt.norm, ns, ne)):
            return None
        ps, pe = nt.to_norm(cs, ce)
        clause = date_clause(nt.norm, ns, ne, ps, pe)
        said = _clause_time(article, nt, sent, clause, (ps, pe), anchor)
        return said if said is not None and said.granularity in _SAYING_GRANULARITIES else None
    return None


# A noun after these, or with a purpose ل glued to it, is an adjunct of the clause's verb: the verb's time before it
# does not date it (``سيمثل أمام المحكمة الثلاثاء المقبل لاتهامها بسرقة``, ``رغم الاتفاق``, ``بعد تفجير``).
_ADJUNCT_HEADS = frozenset(normalize_string(w) for w in (
    "بعد", "قبل", "رغم", "برغم", "إثر", "عقب", "غداة", "عشية", "بسبب", "جراء", "بهدف", "لأجل", "بعيد", "اثر"))

_QABL, _MIN = normalize_string("قبل"), normalize_string("من")


def _adjunct_noun(norm: str, lo: int, ps: int, pe: int) -> bool:
    """Whether the trigger at norm ``[ps, pe)`` is a noun governed by an adjunct word of ``[lo, ps)`` (one of the
    two words before it; any word for a definite noun: ``بعد تغريدة ربط فيها ... بالهجوم``), or a noun with a
    purpose ل (``لمساعدة``, ``للمحادثات``, ``لاتهامها``)."""
    w = norm[ps:pe]
    if w.startswith("لل") or (w.startswith("لا") and len(w) >= 5) or (w.startswith("لم") and len(w) >= 5):
        return True
    definite = w.startswith(("ال", "وال", "بال", "فال"))
    before = [x for _, _, x in words(norm, lo, ps)]
    return any(x in _ADJUNCT_HEADS and not (k > 0 and x == _QABL and before[k - 1] == _MIN)  # من قبل: by
               for k, x in enumerate(before) if definite or k >= len(before) - 2)


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
