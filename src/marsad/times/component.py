"""The ``times`` component: temporal expressions with spans, resolved against the publication date.

Recognition runs on the normalised view of each sentence (see ``recognize.py``);
values are resolved (see ``resolve.py``) against ``article.meta.published`` or,
when that is absent, against a full date written in the first lines of the text
(a dateline such as ``القاهرة - 21 نوفمبر 2017``, anchor ``dateline``). With
neither, relative expressions keep ``value=None`` and a ``RelativeTime``. The
clock is never read.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.article import Article, TimeExpr
from marsad.settings import Settings
from marsad.text.normalize import NormText, normalize
from marsad.times.lexicon import future_markers, lexicon
from marsad.times.merge import merge
from marsad.times.recognize import Recognizer, weekday_surnames
from marsad.times.resolve import resolve, snap_weekday
from marsad.times.scan import Tok, tokenize
from marsad.times.sem import Match, Sem

VERSION = "times-1"
DATELINE_CHARS = 400
DATELINE_LINES = 3


@dataclass(frozen=True, slots=True)
class Found:
    """One expression before it becomes a TimeExpr: source span, norm match."""

    start: int
    end: int
    match: Match


def _spans(article: Article, nt: NormText) -> list[tuple[int, int]]:
    """Norm spans to scan: the sentences, or the whole text when there are none."""
    if article.sentences:
        return [nt.to_norm(s.start, s.end) for s in article.sentences]
    return [(0, len(nt.norm))]


def _dateline_limit(text: str) -> int:
    seen = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            seen += 1
            if seen >= DATELINE_LINES:
                break
    return min(pos, DATELINE_CHARS)


def find_dateline(nt: NormText, matches: list[Match]) -> date | None:
    """A full explicit date among the matches in the first lines of the text, if any."""
    limit = nt.to_norm(0, _dateline_limit(nt.text))[1]
    for m in matches:
        if m.start >= limit:
            break
        sem = m.sem
        if sem.kind == "cal" and sem.year and sem.month and sem.day:
            res = resolve(sem, None, None)
            if res.value and len(res.value) >= 10:
                try:
                    return date.fromisoformat(res.value[:10])
                except ValueError:
                    continue
    return None


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _extend_marks(text: str, end: int) -> int:
    """Take in the tashkeel or tatweel that follows the last letter (``غداً``, ``هـ``)."""
    while end < len(text) and _MARKS.match(text, end):
        end += 1
    return end


_NOT_FUTURE = ("سياس", "سيار", "سيطر", "سياح", "سياق", "سيد", "ستين", "ستار", "سيول", "سينا", "سيره", "سياد",
               "ستوك", "ستود", "سيمن", "سيرا", "سيلا", "سيبير", "ستراس", "سيريز")  # سيريزا: the Greek party


def is_future_verb(word: str) -> bool:
    """A folded word that reads as a سـ-future verb (سيفتتح, ستعقد), not a noun such as سياسة or سيارة."""
    if word[:1] in ("و", "ف") and len(word) > 5:
        word = word[1:]
    return len(word) >= 5 and word[:2] in ("سي", "ست") and not word.startswith(_NOT_FUTURE)


_BOUNDARY = frozenset(("،", ",", ":", "؛", ";", "«", "»", '"', "ان", "انه", "انها", "بان", "لان", "الذي", "التي",
                       "حيث", "بينما", "فيما", "بعدما", "عندما", "مضيفا", "مؤكدا", "واضاف", "وقال"))


def _clause(toks: list[Tok], m: Match) -> range:
    """Token indexes of the clause around a match: from the last boundary before it to the next one after."""
    lo = m.tok_start
    while lo > 0 and toks[lo - 1].text not in _BOUNDARY:
        lo -= 1
    hi = m.tok_end
    while hi < len(toks) and toks[hi].text not in _BOUNDARY:
        hi += 1
    return range(lo, hi)


def _future_context(toks: list[Tok], m: Match) -> bool:
    """Whether the clause around a match speaks of the future (سوف, المقرر, سـ-verbs ...)."""
    markers = future_markers()
    for k in _clause(toks, m):
        t = toks[k]
        if m.tok_start <= k < m.tok_end or t.kind != "w":
            continue
        word = t.text[1:] if t.text[:1] in ("و", "ف") and t.text[1:] in markers else t.text
        if word in markers or is_future_verb(t.text):
            return True
    return False


def filing_day(matches: list[Match], anchor: date | None) -> date | None:
    """The day a report was written, when its day words say it was filed before ``anchor`` (publication).

    A day word with its weekday (``أمس «الأربعاء»``) whose weekday disagrees with the arithmetic from the
    publication date tells the day the reporter counted from: the named weekday's date minus the day
    word's offset. When every such pair agrees on one day, one to three days before publication, and no
    pair agrees with the publication date, that day anchors the article's other day words (``صباح أمس``)
    and bare weekdays too (docs/annotation/times.md, "stale day words"). Otherwise None.
    """
    if anchor is None:
        return None
    days: set[date] = set()
    for m in matches:
        sem = m.sem
        if sem.kind != "rel" or sem.unit != "day" or sem.weekday is None or not sem.explicit_day:
            continue
        if not -2 <= sem.offset <= 0:
            continue
        arithmetic = anchor + timedelta(days=sem.offset)
        if arithmetic.weekday() == sem.weekday:
            return None  # the day words count from the publication date
        named = snap_weekday(arithmetic, sem.weekday, backward=True)
        days.add(named - timedelta(days=sem.offset))
    if len(days) != 1:
        return None
    day = days.pop()
    return day if timedelta(days=1) <= anchor - day <= timedelta(days=3) else None


# words of a standing rule (a regulation, a yearly habit): in their sentence a Hijri month without a year is
# every year's and a clock time without a day is every day's
_GENERIC = frozenset(normalize(w).norm for w in ("يجوز", "يحظر", "الحظر", "يمنع", "يجب", "سنويا", "سنوياً"))
# daily rates make a clock time generic (يفتح يوميا الساعة العاشرة) but not a Hijri month (يوميا طيلة شهر رمضان)
_DAILY = frozenset(normalize(w).norm for w in ("يوميا", "يومياً", "أسبوعيا", "شهريا"))
# words that set an appointment: a weekday after them is the next one (تم تحديد يوم الإثنين لعقد لقاء)
_APPOINT = frozenset(normalize(w).norm for w in ("تحديد", "حدد", "حددت", "تحدد", "يحدد", "موعد", "موعدا"))


# words of a company's results (profits and losses are reported after the fact): «الربع الحالي» in a results
# report filed just after a quarter ended is the quarter just reported (results for April-June come out in July)
_RESULTS = frozenset(normalize(w).norm for w in ("الأرباح", "أرباح", "ارباح", "الخسائر", "خسائر", "صافي", "النتائج"))
_RESULTS_DAYS = 45


def reported_quarter(toks: list[Tok], matches: list[Match], anchor: date | None) -> None:
    """Shift الربع الحالي/السابق back one quarter in a results sentence written early in a quarter (in place)."""
    if anchor is None:
        return
    quarter_start = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    if (anchor - quarter_start).days > _RESULTS_DAYS:
        return
    words = {t.text for t in toks} | {t.text[1:] for t in toks if t.text[:1] in ("و", "ف", "ب", "ل")}
    if not words & _RESULTS:
        return
    for m in matches:
        if m.pattern == "rel-quarter" and m.sem.offset <= 0:
            m.sem.offset -= 1


_ANNIVERSARY = frozenset(normalize(w).norm for w in ("الذكرى", "ذكرى", "بالذكرى", "للذكرى", "والذكرى"))


def anniversary(toks: list[Tok], matches: list[Match]) -> None:
    """``الذكرى العاشرة لهجمات السابع من يوليو``: the day and month without a year are N years back (in place)."""
    ordinals = lexicon().ordinals
    for m in matches:
        sem = m.sem
        if sem.kind != "cal" or sem.month is None or sem.year is not None or sem.year_offset is not None:
            continue
        for k in range(max(0, m.tok_start - 4), m.tok_start - 1):
            if toks[k].text in _ANNIVERSARY and toks[k + 1].text in ordinals:
                n = ordinals[toks[k + 1].text]
                if 1 < n <= 100:
                    sem.year_offset = -n
                break


def _generic_sentence(toks: list[Tok], matches: list[Match]) -> tuple[bool, bool]:
    """Whether the sentence states a standing rule: (for a Hijri month, for a clock time)."""
    words = {t.text for t in toks}
    words |= {w[1:] for w in words if w[:1] in ("و", "ف") and len(w) > 4}
    rule = bool(words & _GENERIC) or any(m.pattern == "set-per" for m in matches)
    return rule, rule or bool(words & _DAILY)


def _appointed(toks: list[Tok], m: Match) -> bool:
    for k in range(max(0, m.tok_start - 3), m.tok_start):
        w = toks[k].text
        if w in _APPOINT or (w[:1] in ("و", "ف") and w[1:] in _APPOINT):
            return True
    return False


def _antecedent(sem: Sem, last_written: str | None, last_day: date | None) -> Sem | None:
    """The meaning of an anaphor (العام نفسه, منذ ذلك الحين, اليوم التالي) from what the article named before."""
    if sem.unit == "next-day":
        if last_day is None:
            return None
        d = last_day + timedelta(days=1)
        return Sem("cal", year=d.year, month=d.month, day=d.day)
    if last_written is None:
        return None
    parts = [int(p) for p in last_written[:10].split("-") if p.isdigit()]
    if not parts:
        return None
    if sem.unit == "year":
        return Sem("cal", year=parts[0])
    point = Sem("cal", year=parts[0], month=parts[1] if len(parts) > 1 else None,
                day=parts[2] if len(parts) > 2 else None)
    return Sem("interval", start=point, end=None)


def _bare_today(m: Match, toks: list[Tok]) -> bool:
    sem = m.sem
    return (
        m.pattern == "rel-day" and sem.offset == 0 and sem.weekday is None and sem.pod is None
        and m.tok_end - m.tok_start == 1 and toks[m.tok_start].text.endswith("اليوم")
    )


# a passive participle of the form (ال)مفعولة / مفعولون / مفعولين (the matching view folds ة to ه)
_PASSIVE_PARTICIPLE = re.compile(r"(?:ال)?م[^\W\d_]{2}و[^\W\d_](?:ه|ة|ون|ين)")


def _nowadays_word(nt: NormText, toks: list[Tok], k: int) -> bool:
    """Whether token ``k``, just before a bare اليوم, makes it "nowadays": a participle predicate
    (منتشرون اليوم) or an adverbial accusative (نادرًا اليوم)."""
    if k < 0 or toks[k].kind != "w":
        return False
    word = toks[k].text
    if word.startswith("م") and word.endswith(("ون", "ين")) and len(word) >= 6:
        return True
    if _PASSIVE_PARTICIPLE.fullmatch(word):
        return True  # المعروفة اليوم باسم, مشهورون اليوم: a passive participle (مفعول) as the predicate
    s, e = nt.to_source(toks[k].start, toks[k].end)
    # نادرًا اليوم; not a manner adverb of the day's news (اتصالا هاتفيا اليوم, يواجه وديا اليوم)
    return nt.text[s:e].endswith(("ًا", "اً")) and not word.endswith("يا") and not word.startswith(
        ("صباح", "مساء", "ليل", "ظهر", "فجر"))


_FRIDAY = normalize("الجمعة").norm
_PRAYER_NOUNS = frozenset(normalize(w).norm for w in ("خطبة", "صلاة", "خطبتي", "وخطبة", "بخطبة", "بصلاة", "وصلاة"))
# «has come to be»: بات ينظر إليها اليوم، باتت اليوم، صار اليوم: a state of the present, not the day's news
_BECAME = frozenset(normalize(w).norm for w in ("بات", "باتت", "باتوا", "أضحى", "أضحت", "صار", "صارت", "باتا"))
_BECAME_REACH = 3


def _became_before(toks: list[Tok], k: int) -> bool:
    """Whether one of the three words before token ``k`` (a bare اليوم) is a verb of becoming (بات, صار ...)."""
    for j in range(k - 1, max(k - 1 - _BECAME_REACH, -1), -1):
        if toks[j].kind != "w":
            return False
        word = toks[j].text
        if word in _BECAME or (word[:1] in ("و", "ف") and word[1:] in _BECAME):
            return True
    return False


def present_today(nt: NormText, merged: list[tuple[list[Tok], list[Match]]]) -> None:
    """Turn a bare ``اليوم`` that means "nowadays" into a present reference (``PRESENT_REF``), in place.

    A bare اليوم is "nowadays" when a participle or an adverbial accusative stands just before it, or when
    the article names no other day (no أمس, غدا, weekday or part of day) but does speak of the present
    elsewhere (حتى الآن, هذه الأيام): a column or an interview rather than a report of the day's news. An
    اليوم in the title or the first lines, or in a clause about the future, stays the publication day.
    """
    days = 0
    present = False
    for toks, ms in merged:
        for m in ms:
            if m.sem.kind == "now":
                present = True
            elif (m.sem.kind == "rel" and m.sem.unit == "day" and not _bare_today(m, toks)) or (
                m.pattern.startswith("weekday") or m.sem.kind == "clock"
            ):
                days += 1
    lead = _dateline_limit(nt.text)
    for toks, ms in merged:
        for m in ms:
            if not _bare_today(m, toks):
                continue
            k = m.tok_start
            if k >= 2 and toks[k - 1].text == _FRIDAY and toks[k - 2].text in _PRAYER_NOUNS:
                m.sem.weekday = 4  # خطبة الجمعة اليوم in a Saturday paper: the Friday's sermon, that Friday
                continue
            column = present and days == 0 and nt.to_source(m.start, m.end)[0] >= lead and not _future_context(toks, m)
            if column or _nowadays_word(nt, toks, m.tok_start - 1) or _became_before(toks, m.tok_start):
                m.sem = Sem("now")
                m.pattern = "present-ref-today"


def extract_times(
    article: Article, fold_ta_marbuta: bool = True, anchor: date | None = None
) -> list[TimeExpr]:
    """Recognise and resolve the temporal expressions of an article.

    Args:
        article: The article; its sentences are used when present.
        fold_ta_marbuta: Fold ة to ه in the matching view (the lexicon is folded the same way).
        anchor: Overrides the publication date (for callers that know better).

    Returns:
        TimeExpr records in text order with ids ``t1``, ``t2`` ...
    """
    nt = normalize(article.text, fold_ta_marbuta)
    per_span: list[tuple[list[Tok], list[Match]]] = []
    surnames = weekday_surnames(tokenize(nt.norm))
    for s, e in _spans(article, nt):
        toks = tokenize(nt.norm, s, e)
        per_span.append((toks, Recognizer(toks, nt, surnames).run()))
    anchor_name: str | None = None
    if anchor is not None:
        anchor_name = "published"
    elif article.meta.published is not None:
        anchor, anchor_name = article.meta.published, "published"
    else:
        anchor = find_dateline(nt, [m for _, ms in per_span for m in ms])
        anchor_name = "dateline" if anchor is not None else None
    out: list[TimeExpr] = []
    merged = [(toks, merge(nt, matches, toks, anchor)) for toks, matches in per_span]
    present_today(nt, merged)
    filing = filing_day([m for _, ms in merged for m in ms], anchor)
    last_written: str | None = None  # the last date written out (a year of its own), for العام نفسه
    last_day: date | None = None  # the last full date written out, for اليوم التالي
    hijri_day: tuple[int, date] | None = None  # (norm end, Gregorian day) of the last Hijri day-date
    for toks, matches in merged:
        reported_quarter(toks, matches, anchor)
        anniversary(toks, matches)
        generic_month, generic_clock = _generic_sentence(toks, matches)
        for m in matches:
            if m.sem.kind == "anaphor":
                concrete = _antecedent(m.sem, last_written, last_day)
                if concrete is None:
                    continue  # nothing named before it: not annotated (docs/annotation/times.md, anaphora)
                m.sem = concrete
            if (generic_clock and m.sem.kind == "clock" and m.sem.start is None) or (
                generic_month and m.sem.kind == "cal" and m.sem.hijri
            ):
                m.sem.generic = True
            if m.pattern == "weekday-bare" and _appointed(toks, m):
                m.sem.offset = 1
            if m.pattern in ("weekday-bare", "month", "day-month", "weekday-date", "pod-date", "yawm-date") and (
                _future_context(toks, m)
            ):
                if m.pattern == "weekday-bare":
                    m.sem.offset = 1
                else:
                    m.sem.tense = 1
            pub_day = m.pattern == "weekday-bare" and m.sem.offset == -1 and anchor is not None and (
                m.sem.weekday == anchor.weekday()
            )
            if pub_day:
                m.sem.offset = 0  # أعلن الجمعة in a Friday paper: that Friday, not a week before (the times guideline)
            if hijri_day is not None:
                _twin_year(nt.norm, m, *hijri_day)
                hijri_day = None
            if filing is not None and m.sem.kind == "rel" and m.sem.unit == "day" and not pub_day and not (
                m.sem.weekday is not None and m.sem.explicit_day  # these told the filing day; they keep their flag
            ):
                res = resolve(m.sem, filing, "filing")
                res.flags.append(f"filed={filing.isoformat()}")
            else:
                res = resolve(m.sem, anchor, anchor_name)
            if res.value and "/" not in res.value and res.anchor == "absolute" and res.value[:4].isdigit():
                last_written = res.value
            if res.value and res.anchor == "absolute" and len(res.value) >= 10 and res.value[4] == "-" and (
                res.value[7] == "-"
            ):
                with contextlib.suppress(ValueError):
                    last_day = date.fromisoformat(res.value[:10])
            if m.sem.kind == "cal" and m.sem.hijri and m.sem.day and res.value and len(res.value) == 10:
                with contextlib.suppress(ValueError):
                    hijri_day = (m.end, date.fromisoformat(res.value[:10]))
            start, end = nt.to_source(m.start, m.end)
            end = _extend_marks(article.text, end)
            out.append(
                TimeExpr(
                    id="",
                    start=start,
                    end=end,
                    kind=res.kind,
                    granularity=res.granularity,
                    prov=article.provenance("times", VERSION, m.pattern),
                    value=res.value,
                    relative=res.relative,
                    anchor=res.anchor,
                    confidence=res.confidence,
                    flags=res.flags,
                    interval=res.interval,
                )
            )
    out.sort(key=lambda t: (t.start, t.end))
    for i, t in enumerate(out, 1):
        t.id = f"t{i}"
    return out


# Between a Hijri date and its Gregorian twin: ``10 جمادى الآخرة (30 مارس)``, ``... الموافق 30 مارس``.
_TWIN_GAP = re.compile(r"[\s(\[\-–/،,]*(?:الموافق|الموافقه|الموافقة|موافق)?[\s(\[\-–/]*")
TWIN_DAYS = 2


def _twin_year(norm: str, m: Match, hijri_end: int, day: date) -> None:
    """A Gregorian day and month without a year written right after a Hijri date (in parentheses or after
    ``الموافق``) is its twin: it takes the year that puts it on the Hijri date's day (within two days), not
    the one the tense of the clause would pick."""
    sem = m.sem
    if sem.kind != "cal" or sem.hijri or sem.year is not None or not (sem.month and sem.day) or m.start < hijri_end:
        return
    gap = _TWIN_GAP.match(norm, hijri_end)
    if gap is None or gap.end() != m.start:
        return
    for year in (day.year, day.year - 1, day.year + 1):
        try:
            twin = date(year, sem.month, sem.day)
        except ValueError:
            continue
        if abs((twin - day).days) <= TWIN_DAYS:
            sem.year = year
            return


@dataclass(frozen=True, slots=True)
class TimesComponent:
    """Pipeline component: assigns the ``times`` layer."""

    fold_ta_marbuta: bool = True
    name: str = "times"
    version: str = VERSION
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("times",)

    def __call__(self, article: Article) -> None:
        article.times = extract_times(article, self.fold_ta_marbuta)


def make_component(settings: Settings) -> TimesComponent:
    """Build the times component (stateless; the lexicon loads once per process)."""
    return TimesComponent(fold_ta_marbuta=settings.fold_ta_marbuta)
