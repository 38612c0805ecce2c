"""Quotation attribution: direct quotes in quote marks and reported speech after cue verbs.

Direct quotes are the text between « », “ ” or paired straight quotes (a lone
closing mark, as in ``وقال الوزير للصحفيين، أمامنا ... الدستور".``, closes a quote that
opens after the cue and its comma). Short quoted names (``بـ"بوتين"``) are scare
quotes, not quotations. Indirect quotes are the أن/إن complement of a cue verb
(قال، أكد، أعلن، مضيفًا ...) or a sentence attributed with بحسب/وفقًا لـ/نقلًا عن.

The speaker is the entity after the cue (VSO) or before it (SVO); participles and
continuation cues (مضيفًا، وأضاف، وتابع) carry the speaker over, and ``ومن جهته``
hands the word to the addressee of the previous quote. The addressee is the
ل-complement (``قال بوتين للأسد``) or the object of أبلغ (``أبلغ بوتين نظيره السوري``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from marsad.article import Article, Entity, Link, Quote, Span
from marsad.kb.index import load_resources
from marsad.kb.romanize import known_name, romanize
from marsad.quotes.speakers import (
    HEAD_WORDS,
    IN_CHARGE,
    Descriptor,
    article_country,
    describe,
    head_of,
    sector_of,
)
from marsad.text import morphology
from marsad.text.clauses import (
    COMPLEMENTIZER,
    Mention,
    alias_links,
    build_mentions,
    can_act,
    entity_link,
    normalized,
    spaced,
    words,
)
from marsad.text.normalize import NormText, normalize_string

_N = normalize_string
VERSION = "quotes-6"

# (perfect, imperfect, class, lemma); every form of these verbs is a cue.
CUE_VERBS = (
    ("قال", "يقول", "hollow"), ("أضاف", "يضيف", "hollow"), ("أكد", "يؤكد", "sound"), ("أوضح", "يوضح", "sound"),
    ("أعلن", "يعلن", "sound"), ("أشار", "يشير", "hollow"), ("صرح", "يصرح", "sound"), ("أبلغ", "يبلغ", "sound"),
    ("تابع", "يتابع", "sound"), ("ذكر", "يذكر", "sound"), ("اعتبر", "يعتبر", "sound"), ("شدد", "يشدد", "sound"),
    ("لفت", "يلفت", "sound"), ("أفاد", "يفيد", "hollow"), ("كشف", "يكشف", "sound"), ("نفى", "ينفي", "defective"),
    ("رأى", "يرى", "defective"), ("أعرب", "يعرب", "sound"), ("قالت", "تقول", "sound"), ("زعم", "يزعم", "sound"),
    ("وجه", "يوجه", "sound"), ("أردف", "يردف", "sound"), ("استطرد", "يستطرد", "sound"), ("نقل", "ينقل", "sound"),
    ("أبان", "يبين", "hollow"), ("بين", "يبين", "sound"), ("نوه", "ينوه", "sound"), ("حذر", "يحذر", "sound"),
    ("ختم", "يختم", "sound"), ("اختتم", "يختتم", "sound"), ("طالب", "يطالب", "sound"), ("برر", "يبرر", "sound"),
    ("اعترف", "يعترف", "sound"), ("تساءل", "يتساءل", "sound"), ("علق", "يعلق", "sound"), ("نبه", "ينبه", "sound"),
    ("استدرك", "يستدرك", "sound"), ("أفصح", "يفصح", "sound"), ("وصف", "يصف", "sound"), ("دعا", "يدعو", "defective"),
    ("أجاب", "يجيب", "hollow"), ("سأل", "يسأل", "sound"), ("ألمح", "يلمح", "sound"), ("شرح", "يشرح", "sound"),
    ("غرد", "يغرد", "sound"), ("كتب", "يكتب", "sound"), ("اشترط", "يشترط", "sound"),
)
# forms of the verbs above that are mostly other words: «بينهم» between them, «تبين» it turned out, «ابن» son
# (the bare «بين», also «between», is a cue only at the start of a clause: «وبيّن أن …»)
NOT_CUES = frozenset(_N(w) for w in ("بينه", "بينها", "بينهم", "بينا", "تبين", "تبن", "ابن", "ابنه", "ابنها",
                                     "ابنهم", "ابنا", "نبن", "يبن", "ابين", "ندع", "تدع", "يدع", "أدع", "علق", "تعلق",
                                     "دعوت", "دعونا", "دعوة", "يجب", "تجب", "نجب", "أجب", "يجبه", "نشر", "ونشر"))
# a cue word after these is a verbal noun («شريطة عدم ذكر اسمه», «دون الكشف»)
_NEGATED_NOUN = frozenset(_N(w) for w in ("عدم", "بعدم", "لعدم", "دون", "بدون"))
# «يذكر أن»/«يشار إلى أن»: the article's own aside (it is worth noting that …), no one's statement
FORMULAS = frozenset(_N(w) for w in ("يذكر", "ويذكر", "يُذكر", "ويُذكر", "يشار", "ويشار", "يذكر ان"))
# a noun that names what follows in quote marks: a title, a campaign, a programme, not a quotation
NAMING_WORDS = frozenset(_N(w) for w in (
    "حملة", "برنامج", "مبادرة", "مشروع", "مهرجان", "معرض", "مسابقة", "جائزة", "فيلم", "كتاب", "مسلسل", "رواية",
    "ديوان", "قصيدة", "أغنية", "ألبوم", "مسرحية", "عنوان", "بعنوان", "شعار", "وسم", "هاشتاق", "هاشتاغ", "تطبيق",
    "منصة", "موقع", "صحيفة", "صحيفتي", "جريدة", "مجلة", "قناة", "شركة", "مركز", "جمعية", "فريق", "نادي", "مؤتمر",
    "ملتقى", "ندوة", "دورة", "ورشة", "بطولة", "كأس", "عملية", "عمليتي", "مناورات", "تمرين", "خطة", "استراتيجية",
    "رؤية", "وثيقة", "مقال", "مقالة", "تقرير", "دراسة", "اسم", "باسم", "يسمى", "تسمى", "سمي", "سميت", "يعرف",
    "تعرف", "المعروف", "المعروفة", "الملقب", "الملقبة", "لقب", "مصطلح", "كلمة", "عبارة", "ما", "المسمى",
    "المسماة", "تحت", "فعالية", "فعاليات", "محاضرة", "حلقة", "الحملة", "البرنامج", "المبادرة", "المشروع",
    "المهرجان", "المعرض", "المسابقة", "الجائزة", "الفيلم", "الكتاب", "المسلسل", "الرواية", "الصحيفة", "القناة",
    "الشركة", "المركز", "الجمعية", "الفريق", "النادي", "المؤتمر", "الملتقى", "عمل", "العمل", "منتدى", "المنتدى",
    "ومنها", "منها"))
CONTINUATION = frozenset(_N(w) for w in ("أضاف", "تابع", "أردف", "استطرد"))
PARTICIPLES = {
    _N(w): _N(lemma)
    for lemma, ws in (
        ("أضاف", ("مضيفا", "مضيفة", "مضيفين", "مضيفًا")), ("أكد", ("مؤكدا", "مؤكدة", "مؤكدين")),
        ("تابع", ("متابعا", "متابعة")), ("أوضح", ("موضحا", "موضحة")), ("أشار", ("مشيرا", "مشيرة")),
        ("اعتبر", ("معتبرا", "معتبرة")), ("لفت", ("لافتا", "لافتة")), ("شدد", ("مشددا", "مشددة")),
        ("قال", ("قائلا", "قائلة", "قائلين")), ("نفى", ("نافيا", "نافية")), ("أردف", ("مردفا",)),
        ("بين", ("مبينا", "مبينة")), ("نوه", ("منوها", "منوهة")), ("حذر", ("محذرا", "محذرة")),
        ("طالب", ("مطالبا", "مطالبة")), ("دعا", ("داعيا", "داعية")), ("أعرب", ("معربا", "معربة")),
        ("كشف", ("كاشفا", "كاشفة")), ("ختم", ("مختتما", "مختتمة", "خاتما")), ("نبه", ("منبها", "منبهة")),
        ("استدرك", ("مستدركا", "مستدركة")), ("علق", ("معلقا", "معلقة")), ("وصف", ("واصفا", "واصفة")),
        ("تساءل", ("متسائلا", "متسائلة")), ("أفاد", ("مفيدا", "مفيدة")), ("ذكر", ("ذاكرا", "ذاكرة")),
        ("أعلن", ("معلنا", "معلنة")), ("برر", ("مبررا", "مبررة")), ("سأل", ("سائلا", "سائلة", "سائلين")),
        ("ألمح", ("ملمحا", "ملمحة")), ("شرح", ("شارحا", "شارحة")), ("غرد", ("مغردا", "مغردة")),
        ("توقع", ("متوقعا", "متوقعة")), ("رجح", ("مرجحا", "مرجحة")),
    )
    for w in ws
}
ATTRIBUTION = (_N("بحسب"), _N("حسب"), _N("حسبما"), _N("وفقا ل"), _N("وفقا"), _N("وفقًا"), _N("نقلا عن"), _N("نقل عن"),
               _N("وفق"))
OTHER_PARTY = (_N("من جهته"), _N("من جهتها"), _N("من جانبه"), _N("من جانبها"), _N("بدوره"), _N("بدورها"))
_OPEN_CLOSE = {"«": "»", "“": "”"}
SENT_END = ".!?؟\n"
_SENT_STOP = ".!?؟"
MIN_WORDS = 3
# words after a cue within which its complementiser (أن/إن) must come: long enough for a spokesman's titles
# and name («قال المتحدث الرسمي باسم وزارة الداخلية اللواء منصور التركي إن …» is nine words)
COMP_WINDOW = 16
_NOT_AFTER = frozenset(_N(w) for w in ("إلا", "خاصة", "وخاصة", "رغم", "برغم", "غير", "بيد", "حيث", "إذ", "مع", "بعد",
                                       "قبل", "تعني", "يعني", "ذلك", "كما", "لو", "بما", "طالما", "حتى"))


@dataclass(slots=True)
class _Cue:
    start: int  # normalised
    end: int
    lemma: str
    participle: bool
    continuation: bool


class _Cues(list[_Cue]):
    """A paragraph's cues in text order, with their starts for bisecting (a paragraph of a run-on text may hold
    thousands: a scan of them all for each cue would be quadratic)."""

    def __init__(self, cues: list[_Cue]) -> None:
        super().__init__(sorted(cues, key=lambda c: c.start))
        self.starts = [c.start for c in self]

    def between(self, a: int, b: int) -> list[_Cue]:
        """The cues starting strictly between ``a`` and ``b``, in text order."""
        return self[bisect_right(self.starts, a):bisect_left(self.starts, b)]


@cache
def cue_forms() -> dict[str, str]:
    """Normalised cue word forms (without proclitics) → lemma."""
    out: dict[str, str] = {}
    for perf, impf, cls in CUE_VERBS:
        lemma = _N(perf)
        for f in morphology.verb_forms(perf, impf, cls):
            form = _N(f.surface)
            if lemma == _N("أبان") and form.startswith("ابن"):  # أبنت … are ابنت «daughter» and the like
                continue
            if (not f.suffix or f.suffix in ("ه", "ها", "هم")) and form not in NOT_CUES:
                out.setdefault(form, lemma)
    out.pop(_N("قالت"), None)
    out[_N("قالت")] = _N("قال")
    out.update(PARTICIPLES)
    return out


@cache
def _form_readings() -> dict[str, frozenset[tuple[str, int]]]:
    """Normalised cue word forms (without proclitics) → every (kind, person) they can be read as."""
    out: dict[str, set[tuple[str, int]]] = {}
    for perf, impf, cls in CUE_VERBS:
        for f in morphology.verb_forms(perf, impf, cls):
            out.setdefault(_N(f.surface), set()).add((f.kind, f.person))
    return {k: frozenset(v) for k, v in out.items()}


def _bare(w: str) -> str:
    """A cue word without its conjunction (``وأكد`` → ``أكد``) when what is left is a cue form."""
    return w[1:] if w[:1] in "وف" and w[1:] in cue_forms() else w


def _imperfect(w: str) -> bool:
    """Can a cue word only be read as an imperfect (``يشير``، ``تؤكد``), not a perfect or a participle?"""
    r = _form_readings().get(_bare(w), frozenset())
    return bool(r) and all(k == "impf" for k, _ in r)


def _first_person(w: str) -> bool:
    """Can a cue word only be read in the first person (``قلت``، ``أقول``، ``نرى``): the writer's own voice?"""
    r = _form_readings().get(_bare(w), frozenset())
    return bool(r) and all(p == 1 for _, p in r)


# the jussive of قال (لم يقل) is spelled as قلّ «be less» (لا يقل عن، أقل، تقل أهمية): a cue only after لم
_JUSSIVE = frozenset(_N(w) for w in ("يقل", "تقل", "أقل", "نقل", "يقلن"))
_LAM = frozenset(_N(w) for w in ("لم", "ولم", "فلم", "ألم", "لما", "ولما"))
# «لفت نظري»: the writer's attention, not a statement
_ATTENTION = frozenset(_N(w) for w in ("نظري", "انتباهي", "نظرنا", "انتباهنا"))


# a relative pronoun and an imperfect that agrees with it (its antecedent is the subject): «التي تؤكد», «الذي يشير»;
# not «الفنان الذي ترى أنه …», whose subject is someone else
_RELATIVE = {_N("التي"): "ت", _N("الذي"): "ي"}
_AS_IF = tuple(_N(w) for w in ("كأن", "كأنه", "كأنها", "كأنهم"))
_GREETINGS = frozenset(_N(w) for w in ("تحيات", "تحياته", "تحياتها", "تحياتهم", "سلام", "تهاني", "تهانيه", "تعازي",
                                       "تعازيه", "تحية", "شكر", "شكره"))


def _not_a_cue(ctx: _Ctx, cue: _Cue) -> bool:
    """A cue word that is another word here: a noun with ة read as a verb with ه once ة is folded (``إشارة``،
    ``إضافة``، ``فترة``), the jussive spelling shared with قلّ, ``لفت نظري``."""
    norm = ctx.nt.norm
    w = norm[cue.start:cue.end]
    b = _bare(w)
    if not cue.participle and b.endswith("ه"):
        s, e = ctx.nt.to_source(cue.start, cue.end)
        if ctx.article.text[s:e].rstrip().endswith("ة"):
            return True
    before = words(norm, max(0, cue.start - 14), cue.start)[-1:]
    if before and norm[before[0][1]:cue.start].strip(" ") == "" and (
            (_imperfect(w) and _RELATIVE.get(before[0][2]) == b[:1]) or before[0][2].lstrip("و").startswith(_AS_IF)):
        return True  # «التوجيهات التي تؤكد أن …», «وكأنه يشير إلى أنه …»: what a text says, an as-if; no statement
    if cue.lemma == _N("وصف") and not cue.participle:
        ahead = words(norm, cue.end, cue.end + 30, limit=2)
        if ahead and ahead[0][2].startswith("بال") and w.endswith(("ه", "ها", "هم")):
            return True  # «وصفه بالجاحد»: a description; «وصف X بأنه …» is a statement
    if cue.lemma == _N("نقل"):
        nxt = words(norm, cue.end, cue.end + 16, limit=1)
        if nxt and nxt[0][2] in _GREETINGS:
            return True  # «ونقل تحياته إلى …»: greetings passed on, no statement
    if cue.participle and w not in PARTICIPLES and b not in PARTICIPLES:
        return False
    if b in _JUSSIVE:
        prev = words(norm, max(0, cue.start - 12), cue.start)
        return not (prev and w == b and prev[-1][2] in _LAM)
    if cue.lemma == _N("لفت"):
        nxt = words(norm, cue.end, cue.end + 16, limit=1)
        return bool(nxt) and nxt[0][2] in _ATTENTION
    return False


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for form, lemma in cue_forms().items():
        auto.add_word(form + " ", (form, lemma))
    auto.make_automaton()
    return auto


def _find_cues(norm: str, start: int, end: int) -> _Cues:
    out: list[_Cue] = []
    view = spaced(norm[start:end]) + " "
    for stop, (form, lemma) in _cue_automaton().iter(view):
        e = start + stop
        s = e - len(form)
        if s > start and norm[s - 1].isalnum():
            if not (norm[s - 1] in "وف" and (s - 1 == 0 or not norm[s - 2].isalnum())):
                continue
            s -= 1
        # وجه is a cue only in «وجه حديثه/كلامه/رسالة»
        if lemma == _N("وجه") and not re.search("حديث|كلام|رسال|خطاب", norm[e:e + 40]):
            continue
        w = norm[s:e]
        if w.lstrip("وف") == _N("بين") and not _clause_start(norm, s, start):
            continue
        before = words(norm, max(start, s - 12), s)
        if before and before[-1][2] in _NEGATED_NOUN:
            continue  # «طلب عدم ذكر اسمه»: a verbal noun, no one's statement
        if w in FORMULAS and COMPLEMENTIZER.match(next(iter(words(norm, e, e + 12, limit=1)), (0, 0, ""))[2]):
            continue  # «يذكر أن …»: the writer's aside
        part = w.lstrip("وف") in PARTICIPLES or w in PARTICIPLES
        out.append(_Cue(s, e, lemma, part, part or lemma in CONTINUATION))
    return _Cues(out)


def _clause_start(norm: str, s: int, lo: int) -> bool:
    """Does a word start a clause (after a sentence end, a comma, the paragraph start)?"""
    i = s - 1
    while i >= lo and norm[i] == " ":
        i -= 1
    return i < lo or norm[i] in ".!?؟،,:\n"


def _direct_spans(norm: str, lo: int, hi: int) -> list[tuple[int, int, int | None]]:
    """Direct-quote content spans in one paragraph ``[lo, hi)``: (start, end, orphan-close position or None)."""
    out: list[tuple[int, int, int | None]] = []
    for op, cl in _OPEN_CLOSE.items():
        i = lo
        while True:
            a = norm.find(op, i, hi)
            if a < 0:
                break
            b = norm.find(cl, a + 1, hi)
            if b < 0:
                out.append((a + 1, hi, None))
                break
            out.append((a + 1, b, None))
            i = b + 1
    marks = [i for i in range(lo, hi) if norm[i] == '"']
    if len(marks) % 2 == 1:
        first = marks[0]
        closing = first > lo and norm[first - 1].isalnum() and (first + 1 >= hi or not norm[first + 1].isalnum())
        if closing:
            out.append((-1, first, first))
            marks = marks[1:]
        else:
            last = marks[-1]
            out.append((last + 1, hi, None))
            marks = marks[:-1]
    for a, b in zip(marks[::2], marks[1::2], strict=True):
        out.append((a + 1, b, None))
    return out


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in norm.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@dataclass(slots=True)
class _Ctx:
    article: Article
    nt: NormText
    mentions: list[Mention]
    alias: dict[str, Link]
    nationality: dict[str, str] = field(default_factory=dict)
    home: str | None = None
    outlet: str | None = None
    person_names: list[tuple[int, int, list[str]]] | None = None  # (start, end, words) of each person's name
    starts: list[int] = field(default_factory=list)  # mention starts, for :func:`_ms`
    ents: list[tuple[int, int, Entity]] = field(default_factory=list)  # entities' normalised spans, by start
    ent_starts: list[int] = field(default_factory=list)
    # for _fuller: name words (a tail, or a first name) → indices into person_names; a tail → its fuller forms
    name_index: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    person_unlinked: list[bool] = field(default_factory=list)  # beside person_names: the entity has no link


# How far back the speaker search looks for the start of a cue's sentence, and how far on for its end: a real
# sentence is far shorter; a text with no sentence punctuation (a feed's run-on dump) would otherwise make every
# cue scan back to the article's start (time quadratic in its length).
SENT_WINDOW = 3000
# the longest mention the bisected searches allow for (a mention that starts this far before a point may hold it)
MENTION_CHARS = 300


def _sent_start(norm: str, pos: int, lo: int = 0, stops: str = SENT_END) -> int:
    """Where the sentence holding ``pos`` starts (after the last of ``stops`` before it, not before ``lo``); with
    none within :data:`SENT_WINDOW`, the clause (after a comma) or the word opening the window."""
    a = max(lo, pos - SENT_WINDOW)
    i = max(norm.rfind(ch, a, pos) for ch in stops)
    if i >= 0 or a == lo:
        return max(lo, i + 1)
    c = _clause_open(norm, a, pos)
    if c > a:
        return c
    sp = norm.find(" ", a, pos)
    return sp + 1 if sp >= 0 else a


def _sent_end(norm: str, pos: int, hi: int | None = None, stops: str = SENT_END) -> int:
    """Where the sentence holding ``pos`` ends (the first of ``stops`` from it, before ``hi``); with none within
    :data:`SENT_WINDOW`, the window's end (at a word's end)."""
    hi = len(norm) if hi is None else hi
    b = min(hi, pos + SENT_WINDOW)
    found = [i for i in (norm.find(ch, pos, b) for ch in stops) if i >= 0]
    if found:
        return min(found)
    if b == hi:
        return hi
    sp = norm.rfind(" ", pos, b)
    return sp if sp > pos else b


def _ents(ctx: _Ctx, a: int, b: int) -> list[Entity]:
    """The entities whose normalised span starts in ``[a, b)``, in text order (bisected)."""
    return [e for _, _, e in ctx.ents[bisect_left(ctx.ent_starts, a):bisect_left(ctx.ent_starts, b)]]


def _ms(ctx: _Ctx, a: int, b: int) -> list[Mention]:
    """The mentions starting in ``[a, b)``, in text order (bisected, not a scan of the article's mentions)."""
    return ctx.mentions[bisect_left(ctx.starts, a):bisect_left(ctx.starts, b)]


def find_quotes(article: Article, fold_ta_marbuta: bool = True) -> list[Quote]:
    """All quotations of an article, in text order, with speakers resolved to entity mentions."""
    nt = normalized(article.text, fold_ta_marbuta)
    norm = nt.norm
    spans = []
    for ent in sorted(article.entities or [], key=lambda e: (e.start, -e.end)):
        s, e = nt.to_norm(ent.start, ent.end)
        if s < e:
            spans.append((s, e, ent))
    mentions = sorted((m for m in build_mentions(norm, spans, 0) if can_act(m) and not _no_party(norm, m)),
                      key=lambda m: m.start)
    ctx = _Ctx(article, nt, mentions, alias_links(norm, spans),
               _nationalities(fold_ta_marbuta), _story_country(article),
               article_country(article.meta.source, article.meta.url))
    ctx.starts = [m.start for m in mentions]
    ctx.ents = spans
    ctx.ent_starts = [a for a, _, _ in spans]
    drafts: list[tuple[int, int, bool, _Cue | None, Mention | None, Mention | None, float]] = []
    for lo, hi in _paragraphs(norm):
        cues = _Cues([c for c in _find_cues(norm, lo, hi) if not _not_a_cue(ctx, c)])
        used: set[int] = set()
        for qs, qe, orphan in _direct_spans(norm, lo, hi):
            cue: _Cue | None
            if orphan is not None:
                cue = next((c for c in reversed(cues.between(-1, orphan)) if c.end <= orphan), None)
                if cue is None:
                    continue
                qs = _after_comma(norm, cue.end, orphan)
            if len(words(norm, qs, qe, limit=MIN_WORDS)) < MIN_WORDS or _is_name(ctx, qs, qe) \
                    or _named_before(norm, qs, lo):
                continue
            if qe == hi:  # never closed: it runs to the paragraph's end, unless a new statement begins first
                nxt = next((c for c in cues.between(qs + 10, qe) if (c.participle or (
                    norm[c.start] in "وف" and c.lemma in _SAYING))), None)
                if nxt is not None:
                    qe = nxt.start
            cue = _cue_for(norm, cues, qs, qe, lo)
            if cue is not None and orphan is None and _term_in_marks(norm, qs, qe, cue, lo):
                continue
            if cue is not None and orphan is None and _partly_quoted(norm, cues, cue, hi, qs, qe):
                continue  # «قال إن السينما "دخلت …" وإن …»: the cue's reported clause carries the marks
            if cue is None:  # quoted words with no one saying them: a title, a slogan, unless «SPEAKER: "…"»
                colon = _colon_before(norm, qs, lo)
                cue = _headline_cue(ctx, lo, colon) if colon is not None else None
                if cue is None:
                    continue
            else:
                used.add(cue.start)
            drafts.append((qs, qe, True, cue, None, None, 0.9))
        for cue in cues:
            if cue.start in used or _inside(drafts, cue.start) or _what_it_means(norm, cue):
                continue
            span = _indirect_span(norm, cues, cue, hi)
            if span is not None and _first_person(norm[cue.start:cue.end]):
                continue  # «وأقول لهم إن …», «ولا أسخر لو قلت إن …»: the writer's own voice, no one's statement
            if span is not None:
                drafts.append((span[0], span[1], False, cue, None, None, 0.8))
                continue
            span = _colon_span(norm, cues, cue, hi) or _bare_speech(ctx, cues, cue, hi)
            if span is not None and not any(d[0] <= span[0] < d[1] for d in drafts):
                drafts.append((span[0], span[1], True, cue, None, None, 0.75))
        drafts += _headlines(ctx, cues, lo, hi, drafts)
        drafts += _said_so(ctx, lo, hi, drafts)
        drafts += _attributions(ctx, lo, hi, drafts)
    drafts = _dedup(sorted(drafts, key=lambda d: d[0]))
    quotes: list[Quote] = []
    prev: Quote | None = None
    for qs, qe, direct, cue, speaker, addressee, conf in drafts:
        if cue is not None and speaker is None:
            speaker, addressee, conf = _speaker(ctx, cue, qs, qe, prev, quotes, conf)
        s, e = nt.to_source(*_trim(norm, qs, qe))
        if s >= e:
            continue
        said = cue if cue is not None and cue.lemma != ":" else None  # «SPEAKER: …» has no cue word
        q = Quote(
            id=f"q{len(quotes) + 1}",
            start=s,
            end=e,
            direct=direct,
            prov=article.provenance("quotes", VERSION, ("direct" if direct else "indirect") + (
                f"/{cue.lemma}" if cue else "")),
            sentence=_sentence_id(article, s),
            cue=Span(*nt.to_source(said.start, said.end)) if said else None,
            cue_lemma=_lemma_surface(said.lemma) if said else None,
            confidence=conf,
        )
        if speaker is None and cue is None and prev is not None:
            _carry(q, prev)
            q.confidence = 0.5
        _set_speaker(ctx, q, speaker)
        _describe_speaker(ctx, q, cue, qs, qe, speaker, prev, quotes)
        if q.speaker_span is None and not direct and cue is not None and not cue.participle \
                and cue.lemma in cue_forms().values() and _imperfect(norm[cue.start:cue.end]):
            continue  # «تشير الإحصاءات إلى أن …», «يوضح أنه …»: a present-tense verb no one is the subject of
        if addressee is not None:
            q.addressee = _pick(ctx, addressee).id
        quotes.append(q)
        prev = q
    return quotes


_Draft = tuple[int, int, bool, "_Cue | None", "Mention | None", "Mention | None", float]


def _story_country(article: Article) -> str | None:
    """The country an unplaced official, source or body of the article belongs to by default: the country where
    the story happens when its places say so (half of the linked places or more, two at least: a Saudi paper's
    story from Aden), else the outlet's own (:func:`article_country`)."""
    home = article_country(article.meta.source, article.meta.url)
    places = [e.link.country for e in article.entities or () if e.link is not None and e.link.country
              and e.label in ("LOC", "GPE")]
    if len(places) >= 2:
        top, n = Counter(places).most_common(1)[0]
        if top != home and n * 2 >= len(places):
            return top
    return home


def _dedup(drafts: list[_Draft]) -> list[_Draft]:
    """One quote per content span: two cues read as reporting the same clause keep the one nearer before it."""
    out: list[_Draft] = []
    for d in drafts:
        same = next((k for k, o in enumerate(out) if o[0] == d[0] and o[1] == d[1]), None)
        if same is None:
            out.append(d)
            continue
        o = out[same]

        def dist(x: _Draft) -> int:
            c = x[3]
            return x[0] - c.end if c is not None and c.end <= x[0] else 10**6

        if dist(d) < dist(o):
            out[same] = d
    return out


def _named_before(norm: str, qs: int, lo: int) -> bool:
    """Is the word before the opening mark a noun that names what is quoted (``حملة "…"``, ``بعنوان «…»``)?"""
    ws = words(norm, max(lo, qs - 40), max(lo, qs - 1))
    if not ws:
        return False
    w = ws[-1][2]
    return any(x in NAMING_WORDS for x in (w, w[1:] if w[:1] in "وبلف" else w, w[2:] if w[:2] in ("وب", "ول") else w))


# a short quotation stands right after one of these (not after the cue or a colon): «بقوله "…"»، «قائلا "…"»
_SAYS_BEFORE = frozenset(_N(w) for w in ("بقوله", "بقولها", "قوله", "قولها", "بالقول", "يقول", "تقول", "هو", "هي",
                                         "وهو", "وهي", "نصه", "نصها", "فيها", "فيه"))
TERM_WORDS = 5


def _term_in_marks(norm: str, qs: int, qe: int, cue: _Cue, lo: int) -> bool:
    """A few words in quote marks inside a sentence, not opened by the cue, a colon or a comma
    (``أعلنت الشركة عن "فندق الواحة الكبير"``، ``ووصفه بعدو "الشعب الأول"``): a name, a title or a term, not
    what was said. A short quotation opens right after its cue or a colon (``وقال: "لن نتراجع"``), after a
    complementiser (``بأنها "عمل مشين"``) or ``بقوله``, ends its sentence, or comes before a cue that follows
    it."""
    if len(words(norm, qs, qe, limit=TERM_WORDS + 1)) > TERM_WORDS:
        return False
    nxt = words(norm, qe + 1, qe + 20, limit=1)
    if cue.end <= qs and nxt and COMPLEMENTIZER.match(nxt[0][2]) and norm[qe + 1:nxt[0][0]].strip(" ") == "":
        return True  # «قالت «السعودي الفرنسي كابيتال» إن …»: the name of who said it, the quote follows «إن»
    if cue.start >= qe:  # «"…"، قال بوتين»: the cue closes the quote's own sentence part
        return norm[qe + 1:cue.start].strip(" ،,.\"»”") != ""
    j = qe + 1
    while j < len(norm) and norm[j] == " ":
        j += 1
    if j >= len(norm) or norm[j] in SENT_END:
        return False  # the words end the sentence: «وقال سموه خلال الحفل "نحن فخورون بشبابنا".»
    i = qs - 2
    while i >= lo and norm[i] in " \u200f\u200e":
        i -= 1
    if i < lo or not norm[i].isalnum():
        return False  # the paragraph's start, a colon, a comma, a dash: what follows may be said
    if i + 1 == cue.end or norm[cue.end:qs - 1].strip() == "":
        return False  # right after the cue: «قال "…"»
    prev = words(norm, max(lo, i - 30), i + 1)
    w = prev[-1][2] if prev else ""
    return not (COMPLEMENTIZER.match(w) or w in _SAYS_BEFORE or w in cue_forms())


def _colon_before(norm: str, qs: int, lo: int) -> int | None:
    """The colon just before an opening quote mark (``الوزير: "…"``), if there is one."""
    i = qs - 2
    while i >= lo and norm[i] == " ":
        i -= 1
    return i if i >= lo and norm[i] == ":" else None


#: A tatweel standing alone between spaces is a dash (``سبق ـ أبها:``); normalisation drops it.
_LONE_TATWEEL = re.compile(r"(?:^|\s)ـ+(?:\s|$)")


def _headline_start(norm: str, cue: _Cue, sent_start: int) -> int:
    """Where the speaker of a colon headline can start: past a «رابط الخبر بصحيفة …:» that repeats the title."""
    if cue.lemma != ":":
        return sent_start
    link = _LINK_LINE.match(norm, sent_start)
    return link.end() if link is not None and link.end() <= cue.start else sent_start


def _headline_cue(ctx: _Ctx, lo: int, colon: int) -> _Cue | None:
    """``SPEAKER: words`` (a headline or a paragraph's lead): a pseudo-cue at the colon when what comes before it,
    from the sentence start, is a short mention of someone (an entity that can speak or a descriptor)."""
    norm = ctx.nt.norm
    start = _sent_start(norm, colon, lo, _SENT_STOP)
    link = _LINK_LINE.match(norm, start)
    if link is not None and link.end() <= colon:  # «رابط الخبر بصحيفة الوئام: الخدمة المدنية: …»: the title again
        start = link.end()
    ws = words(norm, start, colon)
    if not ws or len(ws) > 10 or (colon > 0 and norm[colon - 1].isdigit()):
        return None
    raw = ctx.article.text[slice(*ctx.nt.to_source(start, colon))]
    title_end = norm.find("\n")
    in_title = (lo == 0 and (title_end < 0 or colon < title_end)) or (link is not None and link.end() <= colon)
    office = in_title and 2 <= len(ws) <= 8 and (head_of(ws[0][2]) is not None or ws[0][2] in _TITLE_HEADS)
    if any(ch in norm[start:colon] for ch in "-–—ـ") or _LONE_TATWEEL.search(raw) \
            or ((ws[0][2] in NAMING_WORDS or ws[0][2] in _NOT_SPEECH) and not office) \
            or ws[0][2].startswith(("لل", "بال", "وال")):
        return None  # «فهد الغبيوي - سبق - الدوادمي:» is a dateline, «رواية …:» a title, «للمرة الأولى:» a phrase
    for e in _ents(ctx, ws[0][0] - MENTION_CHARS, ws[0][0] + 1):
        a, b = ctx.nt.to_norm(e.start, e.end)
        if a <= ws[0][0] and ws[-1][1] <= b and (e.label == "LOC" or (e.link is not None and e.link.feature)):
            return None  # «البحرين:» — a place, the story's dateline
    first = ws[0]
    if any(m.start <= first[0] < m.end or first[0] <= m.start < first[1]
           for m in _ms(ctx, first[0] - MENTION_CHARS, first[1])) \
            or head_of(first[2]) is not None or office:
        return _Cue(colon, colon + 1, ":", False, False)
    # the article's title: «ألميدا: تدريب الهلال شاق», «الخدمة المدنية: …» — a short name before the colon, not
    # a label («عاجل:», «بالفيديو:») or a place
    if in_title and len(ws) <= 4 and not any(w in _LABELS for _, _, w in ws) \
            and not any(e.label == "LOC" and ctx.nt.to_norm(e.start, e.end)[0] < colon
                        for e in _ents(ctx, start, colon)):
        return _Cue(colon, colon + 1, ":", False, False)
    return None


# an office or a kunya opening a title's speaker (``رئيس مجموعة اليورو:``, ``أبو راشد:``, ``إمام الحرم:``,
# ``الفريق خلفان:``), words that elsewhere open a phrase, not a speaker
_LINK_LINE = re.compile(r"\s*" + _N("رابط الخبر") + r"[^:\n]{0,40}: *")
_TITLE_HEADS = frozenset(_N(w) for w in ("أبو", "ابو", "أبا", "إمام", "امام", "خطيب"))
_LABELS = frozenset(_N(w) for w in ("عاجل", "بالفيديو", "بالصور", "فيديو", "صور", "شاهد", "خاص", "حصري", "حصريا",
                                    "تقرير", "مباشر", "إنفوجرافيك", "انفوجرافيك", "بالأرقام", "بالارقام", "رأي",
                                    "تحليل", "حوار", "متابعة", "تنويه", "إعلان", "ملف", "قراءة"))


def _abbreviation_end(norm: str, i: int) -> bool:
    """Is the full stop at ``i`` the end of an abbreviation's letter (``(إن. بي. سي)``), not of a sentence?"""
    j = i
    while j > 0 and norm[j - 1].isalpha():
        j -= 1
    return norm[i] == "." and 0 < i - j <= 2 and (j == 0 or not norm[j - 1].isalnum())


def _past_abbreviations(norm: str, pos: int, hi: int) -> int:
    """The first sentence end from ``pos`` that is not an abbreviation's full stop (see :func:`_sent_end`)."""
    end = _sent_end(norm, pos, hi, _SENT_STOP)
    for _ in range(6):
        if end >= hi or not _abbreviation_end(norm, end):
            break
        end = _sent_end(norm, end + 1, hi, _SENT_STOP)
    return end


def _colon_span(norm: str, cues: _Cues, cue: _Cue, hi: int) -> tuple[int, int] | None:
    """``وقال لـ"الوطن": words`` — a cue, then a colon within a few words and no quote mark: the words to the
    sentence's end are the speaker's (a channel's abbreviation, ``(إن. بي. سي):``, ends no sentence)."""
    colon = norm.find(":", cue.end, min(_past_abbreviations(norm, cue.end, hi), cue.end + 80))
    if colon < 0 or len(words(norm, cue.end, colon, limit=COMP_WINDOW + 1)) > COMP_WINDOW:
        return None
    end = _sent_end(norm, colon, hi, _SENT_STOP)
    j = colon + 1
    while j < end and norm[j] == " ":
        j += 1
    if j >= end or norm[j] in "\"«“" or norm[j].isdigit():
        return None
    for c in cues.between(j, end):
        if (not c.participle and norm[c.start] == "و") or (
                c.participle and norm[j:c.start].rstrip(" ").endswith(("،", ","))):
            end = c.start  # «ويقول فلان: … ، مؤكدا أن …»: the narrator's participle opens the next statement
            break
    return (j, end) if len(words(norm, j, end, limit=MIN_WORDS)) >= MIN_WORDS else None


_SAID_SO = re.compile(r"(?<!\w)(و?(?:صرح|افاد|اوضح|ذكر|اعلن|قال|اكد)(?:ت)?) (?:ب?ذلك)(?!\w)")


def _said_so(ctx: _Ctx, lo: int, hi: int, drafts: list[_Draft]) -> list[_Draft]:
    """``صرح بذلك الرائد محمد الحمادي …`` at a sentence's start: what was said is the story told before it, from
    the first paragraph after the title (or the end of the last quotation) to this sentence."""
    norm = ctx.nt.norm
    out: list[_Draft] = []
    for m in _SAID_SO.finditer(norm, lo, hi):
        if not _clause_start(norm, m.start(), lo) or (m.start() > lo and norm[max(lo, m.start() - 2):m.start()]
                                                      .strip(" ") in ("،", ",")):
            continue
        title_end = norm.find("\n")
        start = title_end + 1 if 0 <= title_end < m.start() else 0
        start = max([start] + [d[1] for d in drafts if d[1] <= m.start()])
        while start < m.start() and not norm[start].isalnum():
            start += 1
        end = m.start()
        while end > start and (norm[end - 1].isspace() or norm[end - 1] in "."):
            end -= 1
        if len(words(norm, start, end, limit=MIN_WORDS)) >= MIN_WORDS:
            verb = m.group(1)[1:] if m.group(1).startswith("و") else m.group(1)
            cue = _Cue(m.start(), m.end(), cue_forms().get(verb, verb), False, False)
            out.append((start, end, False, cue, None, None, 0.6))
    return out


def _bare_speech(ctx: _Ctx, cues: _Cues, cue: _Cue, hi: int) -> tuple[int, int] | None:
    """``ويقول عبدالعزيز الزهراني تشهد المطابخ …``: a verb of saying, the speaker's name, then the words with no
    complementiser, colon or marks — the words to the sentence's end (or the next statement) are the speaker's."""
    norm = ctx.nt.norm
    if cue.lemma != _N("قال") or cue.participle:
        return None
    end = _sent_end(norm, cue.end, hi, _SENT_STOP)
    name = next((m for m in _ms(ctx, cue.end, cue.end + 60) if m.end < end and m.prep == ""
                 and any(e.label == "PERS" for e in m.ents)), None)
    if name is None or _between_comp(norm, cue.end, name.start) or ":" in norm[cue.end:name.start]:
        return None
    j = name.end
    while j < end and norm[j] in " ،,":
        j += 1
    ws = words(norm, j, end, limit=1)
    if not ws or ws[0][0] != j or ws[0][2] in _NOT_SPEECH or COMPLEMENTIZER.match(ws[0][2]):
        return None
    for c in cues.between(j, end):
        if c.participle or norm[c.start] in "وف":
            end = c.start
            break
    return (j, end) if len(words(norm, j, end, limit=4)) >= 4 else None


# words that continue the speaker's phrase or the verb rather than start what was said
_NOT_SPEECH = frozenset(_N(w) for w in ("في", "خلال", "لـ", "ل", "عن", "على", "إلى", "الى", "من", "مع", "أمام", "عبر",
                                        "بعد", "قبل", "عند", "حول", "لدى", "إنه", "انه", "بن", "بنت", "أبو", "ابو",
                                        "رئيس", "مدير", "نائب", "عضو", "أمين", "المتحدث", "الناطق", "وزير", "أيضا",
                                        "ايضا", "كذلك", "بدوره", "قائلا", "بقوله", "في", "إن", "ان", "أن", "بأن"))


def _headlines(ctx: _Ctx, cues: _Cues, lo: int, hi: int, drafts: list[_Draft]) -> list[_Draft]:
    """``العمرة: سنوفر … وظيفة`` with no quote marks: the words after the colon to the sentence end (or the next
    ``وقال``) are the speaker's, when the colon comes within a few words of the sentence start."""
    norm = ctx.nt.norm
    out: list[_Draft] = []
    pos = lo
    while True:
        colon = norm.find(":", pos, hi)
        if colon < 0:
            break
        pos = colon + 1
        j = colon + 1
        while j < hi and norm[j] == " ":
            j += 1
        if j >= hi or norm[j] in "\"«“" or norm[j].isdigit() or any(d[0] <= colon < d[1] or d[0] <= j < d[1]
                                                                       for d in drafts + out):
            continue
        # a cue's own colon (handled with the cue); the nearest cue before it decides (one further back has more
        # words and stops between)
        own = max((c for c in cues.between(colon - SENT_WINDOW, colon) if c.end <= colon), key=lambda c: c.end,
                  default=None)
        if own is not None and not any(ch in _SENT_STOP and not _abbreviation_end(norm, i)
                                       for i, ch in enumerate(norm[own.end:colon], own.end)) \
                and len(words(norm, own.end, colon, limit=COMP_WINDOW + 1)) <= COMP_WINDOW:
            continue
        cue = _headline_cue(ctx, lo, colon)
        if cue is None:
            continue
        end = _sent_end(norm, j, hi, _SENT_STOP)
        for c in cues.between(j, end):
            if norm[c.start] == "و":
                end = c.start
                break
        if len(words(norm, j, end, limit=MIN_WORDS)) >= MIN_WORDS:
            out.append((j, end, True, cue, None, None, 0.6))
    return out


def _lemma_surface(lemma: str) -> str:
    return lemma


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (norm[s].isspace() or norm[s] in "،,:"):
        s += 1
    while e > s and (norm[e - 1].isspace() or norm[e - 1] in "،,:"):
        e -= 1
    return s, e


def _after_comma(norm: str, pos: int, stop: int) -> int:
    for i in range(pos, stop):
        if norm[i] in "،,:":
            return i + 1
    return pos


def _inside(drafts: list[tuple[int, int, bool, _Cue | None, Mention | None, Mention | None, float]],
            pos: int) -> bool:
    return any(d[0] <= pos < d[1] and d[2] for d in drafts)


def _is_name(ctx: _Ctx, qs: int, qe: int) -> bool:
    """A quoted span that is just an entity mention (``"بوتين"``)."""
    return any(qe - 1 <= m.end for m in _ms(ctx, qs + 1 - MENTION_CHARS, qs + 2))


def _cue_for(norm: str, cues: _Cues, qs: int, qe: int, lo: int) -> _Cue | None:
    # A cue qualifies when no sentence end lies between it and the quote: its end is after the last sentence
    # end before the quote (found once, not rescanned per cue — that was quadratic in a paragraph's length).
    stop = max(qs - 1, 0)
    last_end = max(norm.rfind(ch, max(lo, stop - 200), stop) for ch in _SENT_STOP)  # a cue further back is too far
    before = [c for c in cues.between(qs - 400, qs) if c.end <= qs and (c.end >= stop or c.end > last_end)]
    if before and qs - before[-1].end < 160:
        return before[-1]
    # «"…"، قال بوتين»; a cue with و/ف after the quote starts the next statement instead
    after = [c for c in cues.between(qe - 1, qe + 40) if norm[c.start] not in "وف"]
    return after[0] if after else None


def _indirect_span(norm: str, cues: _Cues, cue: _Cue, hi: int) -> tuple[int, int] | None:
    end = _sent_end(norm, cue.end, hi, _SENT_STOP)
    ws = words(norm, cue.end, end, limit=COMP_WINDOW)
    comp = None
    for k, (s, e, w) in enumerate(ws):
        if k >= 8 and (COMPLEMENTIZER.match(w) and (ws[k - 1][2] in _NOT_AFTER or w.startswith("و"))):
            return None  # far from the cue, «إلا أن»/«خاصة وأن»/«تعني أن» open another clause, not the quote
        if COMPLEMENTIZER.match(w) and not w.startswith(("ف", "ل")):
            if e < len(norm) and _abbreviation_end(norm, e):
                return None  # «(إن. بي. سي)»: a channel's letters, not «إنّ»
            comp = (s, e, w)
            break
        if k > 0 and ws[k - 1][2] == _N("إلى") and COMPLEMENTIZER.match(w):
            comp = (s, e, w)
            break
    if comp is None:
        return None
    start = comp[1] if comp[2] in ("ان", "بان", "وان") else comp[0]
    for c in cues.between(start, end):  # the next statement begins: «مضيفا أن …», «ويقول فلان …»
        if c.participle or (norm[c.start] in "وف" and c.lemma in _SAYING):
            end = c.start
            break
    return start, end


_WHICH = frozenset(_N(w) for w in ("مما", "ممّا", "بما"))
_IT_IS = frozenset(_N(w) for w in ("هو", "وهو", "هي", "وهي", "هذا", "وهذا"))


def _what_it_means(norm: str, cue: _Cue) -> bool:
    """«… مما يشير إلى أن …», «مما يعني أن …»: the subject is the clause before, a fact, not a speaker."""
    before = words(norm, max(0, cue.start - 16), cue.start)
    if not before or before[-1][1] < cue.start - 1:
        return False
    if before[-1][2] in _WHICH:
        return True
    return before[-1][2] == _N("ما") and len(before) > 1 and before[-2][2] in _IT_IS  # «وهو ما يعني أن …»


def _partly_quoted(norm: str, cues: _Cues, cue: _Cue, hi: int, qs: int, qe: int) -> bool:
    """The marks ``[qs, qe)`` quote only part of the clause the cue reports (words stand between its
    complementiser and the opening mark, and the clause runs over the marks): one reported item (guideline:
    ``قال إن «…»`` is direct only when the whole clause is in marks)."""
    if cue.end > qs:
        return False
    span = _indirect_span(norm, cues, cue, hi)
    return span is not None and span[0] < qs and span[1] >= qe - 1 and any(
        COMPLEMENTIZER.match(w) is None for _, _, w in words(norm, span[0], qs))  # «أنه «…»» is all in marks


def _attributions(ctx: _Ctx, lo: int, hi: int, drafts: list[_Draft]) -> list[_Draft]:
    """Statements attributed by a source phrase: ``وبحسب X، فإن …`` / ``ووفقا للدراسة، …`` (the clause after the
    source) and ``… ، بحسب الوزارة`` (the clause before it). The source is a mention or a descriptor; a phrase
    before its clause needs the comma or ``فإن`` that closes the source (``حسب الخطة`` is not a source)."""
    norm = ctx.nt.norm
    out: list[_Draft] = []
    for m in _attribution_re().finditer(norm, lo, hi):
        phrase = m.group(2)
        a, b = m.start(), m.end()
        if _inside(drafts, a) or any(d[0] <= a < d[1] for d in out):
            continue
        s0 = _sent_start(norm, a, lo)
        e0 = _sent_end(norm, b, hi, _SENT_STOP)
        ws = words(norm, b, e0, limit=MAX_SOURCE_WORDS + 1)
        if ws and ws[0][2] == "ما" and len(ws) > 2:  # «بحسب ما ذكرت الوكالة»
            ws = ws[2:]
        if not ws:
            continue
        src_end = None  # where the source phrase ends and the clause begins
        for k, (ws_, we, w) in enumerate(ws):
            if k and norm[ws[k - 1][1]:ws_].strip(" ") in ("،", ","):
                src_end = (ws[k - 1][1], we if w in ("فان", "فانه", "فانها") else ws_)  # «، فإن الأسعار …»
                break
            if k and w in _THEN:
                src_end = (ws[k - 1][1], we if w in ("فان", "فانه", "فانها") else ws_)
                break
        speaker = next(iter(_ms(ctx, ws[0][0], min(src_end[0] if src_end else e0, ws[0][0] + 40))), None)
        known = speaker is not None or (head_of(ws[0][2]) is not None
                                        and describe(norm, ws[0][0], e0, ctx.nationality, ctx.home) is not None)
        if a - s0 > 10:  # «… ، بحسب الوزارة»: the clause before
            if not known or any(s0 <= d[0] < a and d[3] is not None for d in drafts):
                continue  # «أكد فلان أن …، وفق ما ذكر في حوار»: the clause is already a cue's; the phrase is its source
            span = (s0, a)
        elif src_end is None and known and len(ws) <= 8 and s0 > lo:
            # «… علي عبد الله صالح.وفقا لشبكة سكاي نيوز.»: a source that is a sentence of its own, after its clause
            p0 = _sent_start(norm, s0 - 1, lo)
            if len(words(norm, p0, s0, limit=MIN_WORDS)) < MIN_WORDS:
                continue
            span = (p0, s0 - 1)
        else:
            if src_end is None or len(words(norm, src_end[1], e0, limit=MIN_WORDS)) < MIN_WORDS:
                continue
            span = (src_end[1], e0)
        cue = _Cue(a, b, phrase, False, False)
        out.append((span[0], span[1], False, cue, speaker, None, 0.7))
    return out


MAX_SOURCE_WORDS = 16
_THEN = frozenset(_N(w) for w in ("فإن", "فان", "فإنه", "فانه", "فإنها", "فانها", "أن", "ان"))


@cache
def _attribution_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(ATTRIBUTION, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(و)?({alts})(?!\w)")


def _speaker(ctx: _Ctx, cue: _Cue, qs: int, qe: int, prev: Quote | None, quotes: list[Quote],
             conf: float) -> tuple[Mention | None, Mention | None, float]:
    norm = ctx.nt.norm
    sent_start = _headline_start(norm, cue, _sent_start(norm, cue.start))
    region_end = qs if qs > cue.end else qe + 80
    if cue.start >= qe:  # cue after the quote: "...", قال بوتين
        region_end = cue.end + 60
    lead = _lead_person(ctx, cue, sent_start)
    if lead is not None:
        return lead, None, conf - 0.1
    nxt = words(norm, cue.end, cue.end + 12, limit=1)
    if nxt and nxt[0][2] in _IN_IT:  # «ألقى المهندس فلان كلمة أوضح فيها أن …»: the one who gave it
        giver = next((m for m in reversed(_ms(ctx, sent_start, cue.start)) if m.end <= cue.start
                      and m.prep == "" and _named(m)), None)
        if giver is not None:
            return giver, None, conf - 0.1
    svo = None if cue.participle else _subject_before(ctx, cue, sent_start)
    if svo is not None:  # «وكانت الصحيفة قد أشارت إلى …», «أما الشرطة فأكدت …»: the subject stands before the verb
        return svo, None, conf - 0.05
    after = [m for m in _ms(ctx, cue.end, region_end) if not _between_comp(norm, cue.end, m.start)]
    if cue.participle:  # «سائلا الله أن …», «مؤكدا الوزير …»: what follows a participle is its object
        after = []
    lisan = _LISAN.search(norm, cue.end, region_end)
    if lisan is not None:  # «وبينت سابك على لسان يوسف البنيان أن …»: the one who spoke for it
        m = next(iter(_ms(ctx, lisan.end(), lisan.end() + 3)), None)
        if m is not None:
            return m, None, conf
    if cue.lemma == _N("نقل"):  # نقلت الوكالة عن X قوله: the speaker is X
        source = next((m for m in after if m.prep == _N("عن")), None)
        if source is not None:
            return source, None, conf - 0.05
        if _reported_from(norm, cue, qs) is not None:
            return None, None, conf - 0.05  # «عن مدير عام الشرطة قوله»: a descriptor, read from «عن» on
    # a mention inside a prepositional phrase (المتحدث الرسمي لمديرية الدفاع المدني، لـ «عكاظ») speaks only when
    # nothing else does
    # nothing after the outlet a statement was given to (لوكالة "رويترز") either
    speaker = next((m for m in after if m.prep == "" and not m.gov and not _after_lam(norm, m.start)
                    and not _after_outlet(norm, cue.end, m)), None) \
        or next((m for m in after if m.prep == "" and not _after_outlet(norm, cue.end, m)), None)
    addressee = None
    if speaker is not None and speaker.start - cue.end > 40 and not (
            _named(speaker) and _led_by_descriptor(norm, cue.end, speaker.start)
            and speaker.start < _descriptor_reach(ctx, cue.end, region_end)):
        speaker = None  # far from the cue, unless a descriptor chain leads up to the name
    if speaker is not None and not _named(speaker) and _led_by_descriptor(norm, cue.end, speaker.start):
        # «وأوضح المتحدث الرسمي لهيئة الهلال الأحمر بتبوك خالد العنزي»: the body (or the group: «مدير شؤون
        # المعلمين») inside the descriptor is not the speaker; the person the chain ends with is, else the
        # descriptor itself (read from the cue)
        reach = _descriptor_reach(ctx, cue.end, region_end)
        person = next((m for m in after if speaker.start < m.start < reach and _named(m)), None)
        if person is None and not _is_person(speaker):
            return None, None, conf - 0.05
        speaker = person or speaker
    if speaker is not None:
        rest = [m for m in after if m.start > speaker.start]
        addressee = next((m for m in rest if m.prep == "ل"), None)
        if addressee is None and cue.lemma == _N("أبلغ"):
            addressee = next((m for m in rest if m.prep == ""), None)
        return speaker, addressee, conf
    head = norm[sent_start:cue.start]
    if any(p in head for p in OTHER_PARTY) and prev is not None and prev.addressee:
        ent = ctx.article.entity(prev.addressee)
        if ent is not None:
            s, e = ctx.nt.to_norm(ent.start, ent.end)
            return Mention(s, e, [ent]), None, conf - 0.1
    after = [m for m in after if not _blessing(norm, m)]
    if cue.participle and prev is not None and ctx.nt.to_norm(prev.end, prev.end)[0] >= sent_start - 1 \
            and prev.speaker_span is not None:
        return None, None, conf - 0.05  # the participle continues the sentence's quote: its speaker carries over
    before = [m for m in _ms(ctx, sent_start, cue.start) if m.end <= cue.start and m.prep == ""
              and not _blessing(norm, m) and not _byline(norm, m)
              and norm.find(":", m.end, cue.start) < 0  # «فلان - سبق - جدة: أوضحت …»: a byline, no subject
              and (not _is_place(m) or len(words(norm, m.end, cue.start, limit=2)) <= 1)]
    if norm[cue.start] in "وف" and norm[cue.start + 1:cue.end] in cue_forms():
        before = []  # «…، وقال …»: a verb with its own conjunction opens a clause; nothing before it is its subject
    if not cue.participle:  # SVO: the subject opens its clause (after «أما»، «من جهته،») or stands before its verb
        before = [m for m in before if len(words(norm, m.end, cue.start, limit=2)) <= 1 or (
            len(words(norm, m.end, cue.start, limit=9)) <= 8
            and len(words(norm, _clause_open(norm, sent_start, m.start), m.start, limit=3)) <= 2)]
    if before and cue.participle and prev is not None and prev.speaker_span is not None \
            and not any(_opens_sentence(ctx, sent_start, m) for m in before) \
            and 0 <= sent_start - ctx.nt.to_norm(prev.end, prev.end)[0] < CARRY_CHARS:
        return None, None, conf - 0.05  # «…، من حبوب "الزاناكس"، مشيرا إلى أن …»: an object; the speaker carries over
    if before:
        return (before[0] if cue.participle else before[-1]), None, conf - 0.05
    if (cue.continuation or cue.participle) and prev is not None and prev.speaker \
            and not _own_subject(ctx, cue, qs, prev):
        ent = ctx.article.entity(prev.speaker)
        if ent is not None:
            s, e = ctx.nt.to_norm(ent.start, ent.end)
            return Mention(s, e, [ent]), None, conf - 0.1
    return None, None, conf - 0.3


def _opens_sentence(ctx: _Ctx, sent_start: int, m: Mention) -> bool:
    """Can a mention before a participle be its subject, the subject of the sentence's main verb: among the
    sentence's first words (``أكد الوزير …، مشيرا``, ``الوزارة أوضحت …، مضيفة``) or right after a cue verb
    (``وفي تصريح له أوضح المدير …``)?"""
    norm = ctx.nt.norm
    lead = words(norm, sent_start, m.start, limit=4)
    if len(lead) <= 3:
        return True
    w = lead[-1][2]
    return w in cue_forms() or w[1:] in cue_forms()


_BEFORE_VERB = frozenset(_N(w) for w in ("قد", "لقد", "فقد"))
_AMMA = _N("أما")


_QUOTED_NAME = re.compile(r' *[«"“]([^»"”«“\n]{2,40})[»"”] *')


def _quoted_name(norm: str, pos: int, qs: int) -> tuple[int, int] | None:
    """A short name in quote marks right after a cue and right before its complementiser (``قالت «X» إن …``)."""
    m = _QUOTED_NAME.match(norm, pos)
    if m is None or len(words(norm, m.start(1), m.end(1), limit=TERM_WORDS + 1)) > TERM_WORDS:
        return None
    nxt = words(norm, m.end(), m.end() + 12, limit=1)
    if not nxt or nxt[0][0] != m.end() or not COMPLEMENTIZER.match(nxt[0][2]) or nxt[0][0] > qs:
        return None
    return m.start(1), m.end(1)


_AN = _N("عن")


def _reported_from(norm: str, cue: _Cue, qs: int) -> int | None:
    """Where the source of ``نقلت الوكالة عن X قوله`` starts: after the ``عن`` between the cue and the quote (within
    :data:`COMP_WINDOW` words, before any stop), or None."""
    if qs <= cue.end:
        return None
    for s, e, w in words(norm, cue.end, qs, limit=COMP_WINDOW):
        if any(ch in norm[cue.end:s] for ch in ".:؟!\n"):
            return None
        if w == _AN:
            return e
    return None


def _own_subject(ctx: _Ctx, cue: _Cue, qs: int, prev: Quote) -> bool:
    """Does a continuation verb name a new speaker right after it (``ويضيف جميل العبادي بأن …``, a name the tagger
    missed), so that the previous quote's speaker does not carry over? Not a participle, nor part of the previous
    speaker's own name (``وأردف العمري`` after ``حمدان العمري``)."""
    if cue.participle or not cue.continuation or cue.end > qs:
        return False
    norm = ctx.nt.norm
    span = _unknown_name(ctx, _past_outlet(norm, cue.end), qs)
    if span is None:
        return False
    mine = {w for _, _, w in words(norm, *span)}
    theirs: set[str] = set()
    if prev.speaker_span is not None:
        theirs = {w for _, _, w in words(norm, *ctx.nt.to_norm(prev.speaker_span.start, prev.speaker_span.end))}
    if mine <= theirs:
        return False
    if prev.speaker_name:  # the span was a descriptor («المتحدث باسم …») and the name came with it
        r = romanize(ctx.article.text[slice(*ctx.nt.to_source(*span))], ctx.home)
        if r is not None and _latin_words(r.latin) <= _latin_words(prev.speaker_name):
            return False
    return True


def _latin_words(name: str) -> set[str]:
    return {w.removeprefix("al-") for w in name.lower().replace("'", "").split()}


def _subject_before(ctx: _Ctx, cue: _Cue, sent_start: int) -> Mention | None:
    """A mention right before the cue verb (nothing, or only «قد», between them) is its subject (SVO): «وكانت
    الشرق الأوسط قد أشارت»; a verb with its own conjunction opens a new clause, except after a topic «أما X فـ»."""
    norm = ctx.nt.norm
    m = next((m for m in reversed(_ms(ctx, sent_start, cue.start)) if m.end <= cue.start), None)
    if m is None or m.prep != "" or _blessing(norm, m) or _byline(norm, m) or _is_place(m) or _after_lam(norm, m.start):
        return None
    lead = words(norm, max(sent_start, m.start - 30), m.start)
    if lead and (_outlet_word(lead[-1][2]) or lead[-1][2] in ("ل", "لـ")):
        return None  # «وفي حديث لشبكة "إيه بي سي" قالت …»: the outlet, not the subject
    between = words(norm, m.end, cue.start)
    if any(w not in _BEFORE_VERB for _, _, w in between) or any(ch in norm[m.end:cue.start] for ch in ":،,;؛"):
        return None
    if norm[cue.start] in "وف" and norm[cue.start + 1:cue.end] in cue_forms():
        opening = words(norm, _clause_open(norm, sent_start, m.start), m.start, limit=1)
        if not (norm[cue.start] == "ف" and opening and opening[0][2].lstrip("و") == _AMMA):
            return None
    return m


def _main_subject(ctx: _Ctx, sent_start: int, pos: int) -> tuple[Descriptor, int] | None:
    """The descriptor subject of the sentence's main verb, for a participle after it (``وأبقت الشركة على …،
    مشيرة إلى أن …``): the phrase opening the sentence (SVO) or the one right after its first word (VSO)."""
    norm = ctx.nt.norm
    ws = words(norm, sent_start, pos, limit=2)
    for start in [w[0] for w in ws]:
        desc = describe(norm, start, pos, ctx.nationality, ctx.home)
        if desc is not None:
            if desc.name_start is not None or any(_named(m) for m in _ms(ctx, start, desc.end)):
                return None  # a named subject: the quote before, which it spoke, carries it with its name
            return desc, start
    return None


def _giver(ctx: _Ctx, sent_start: int, pos: int) -> tuple[Descriptor, int] | None:
    """The one who gave the speech a cue with «فيها» speaks in: the first descriptor phrase of the sentence."""
    norm = ctx.nt.norm
    for s, _, _ in words(norm, sent_start, pos, limit=6):
        desc = describe(norm, s, pos, ctx.nationality, ctx.home)
        if desc is not None:
            return desc, s
    return None


def _byline(norm: str, m: Mention) -> bool:
    """The outlet of a dateline (``نجامينا - «الشرق الأوسط»: قال …``): followed by a colon, after a dash."""
    after = norm[m.end:m.end + 4].lstrip("»\"” ")
    before = norm[max(0, m.start - 5):m.start].rstrip("«\"“ ")
    return after.startswith(":") and before.endswith(("-", "–", "—"))


def _after_lam(norm: str, start: int) -> bool:
    """Does a standalone ``لـ`` (``لـ «عكاظ»``) stand right before ``start``?"""
    before = norm[max(0, start - 6):start].rstrip(" «\"“'")
    return before.endswith(" ل") or before == "ل"


LEAD_CHARS = 600
_IN_IT = frozenset(_N(w) for w in ("فيها", "فيه", "خلالها", "خلاله"))


def _lead_person(ctx: _Ctx, cue: _Cue, sent_start: int) -> Mention | None:
    """``أمير الرياض: …``, ``محلل أمريكي: …`` in the title: a person described, not named, before the colon is
    the person the story's lead names first (in its first ``LEAD_CHARS`` characters after the title)."""
    norm = ctx.nt.norm
    title_end = norm.find("\n")
    if cue.lemma != ":" or title_end < 0 or cue.start > title_end:
        return None
    ws = words(norm, sent_start, cue.start)
    if not ws or len(ws) > 6:
        return None
    first = ws[0][2]
    h = head_of(first)
    national = any(w in ctx.nationality or w.rstrip("ه") in ctx.nationality for _, _, w in ws)
    if not ((h is not None and h[0] == "person") or first in _TITLE_HEADS
            or (national and (h is None or h[0] != "body"))):
        return None  # «سيناتور أميركي:», «بحرينية:», «أمير الرياض:»
    if any(m.start < cue.start and m.end > sent_start and _is_person(m) and any(e.label == "PERS" for e in m.ents)
           for m in _ms(ctx, sent_start - MENTION_CHARS, cue.start)):
        return None  # the title names the person already
    return next((m for m in _ms(ctx, title_end + 1, title_end + LEAD_CHARS)
                 if any(e.label == "PERS" for e in m.ents)), None)


def _clause_open(norm: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` opens: after the last comma, semicolon or colon between ``lo`` and it."""
    return max(lo, *(norm.rfind(ch, lo, pos) + 1 for ch in "،,;؛:"))


def _named(m: Mention) -> bool:
    """A mention that names a person (a name, or a role linked to the one who holds it)."""
    return any(e.label == "PERS" or (e.link is not None and e.link.type == "PERS") for e in m.ents)


def _after_outlet(norm: str, a: int, m: Mention) -> bool:
    """Is the mention the outlet a statement was given to (``لوكالة "رويترز"``, ``لـ«الشرق الأوسط»``)?"""
    ws = words(norm, a, m.start)
    if m.prep == "ل" and not ws:
        return True
    if not ws:
        return False
    last = ws[-1][2]
    quoted = any(ch in norm[ws[-1][1]:m.start] for ch in "\"«“")
    return last.startswith(_OUTLET_WORDS) or (last in ("ل", "لـ") and quoted)


_OUTLET_WORDS = tuple(_N(w) for w in ("لوكالة", "لصحيفة", "لقناة", "لموقع", "لشبكة", "لإذاعة", "لجريدة", "لمجلة",
                                     "لبرنامج", "للوكالة", "للصحيفة", "للقناة"))


def _is_person(m: Mention) -> bool:
    """A mention of a person (a name, or a role standing for one)."""
    return any(e.label in ("PERS", "AGENT") or (e.link is not None and e.link.type == "PERS") for e in m.ents)


def _led_by_descriptor(norm: str, a: int, b: int) -> bool:
    """Do the words between a cue and a mention start with a person's or a source's descriptor head
    (``المتحدث الرسمي باسم …``, ``مدير …``, ``مصدر في …``), so that the mention is the descriptor's complement?"""
    for _, _, w in words(norm, a, b, limit=4):
        h = head_of(w)
        if h is not None and h[0] in ("person", "anonymous"):
            return True
    return False


def _outlet_word(w: str) -> bool:
    """``لـ«اليوم»``, ``للصحفيين``: the addressee or outlet glued to a cue, before its subject."""
    return w.startswith("ل") and not w.startswith("لا") and head_of(w) is None


ANTECEDENT_CHARS = 3000


def _antecedent(ctx: _Ctx, s0: int, desc: Descriptor) -> tuple[int, Descriptor] | None:
    """The fuller earlier mention a short definite descriptor refers back to (``الوزارة`` → ``وزارة الداخلية
    الكويتية``, ``المصدر`` → ``مصدر أمني جزائري رفيع``, ``المحافظ`` → ``محافظ عدن نايف البكري``): the latest
    descriptor before it, in the article, with the same head and more words. Normalised start and descriptor."""
    norm = ctx.nt.norm
    ws = words(norm, s0, desc.end)
    if not ws or len(ws) > 2:
        return None
    w = ws[0][2]
    w = w[1:] if w[:1] in "وف" and head_of(w[1:]) is not None else w
    if not w.startswith("ال") or len(w) < 5:
        return None
    bare = w[2:]
    pat = re.compile(rf"(?<!\w)[وف]?(?:ال)?{re.escape(bare)}(?!\w)")
    lo = max(0, s0 - ANTECEDENT_CHARS)
    for m in reversed(list(pat.finditer(norm, lo, s0))):
        ends = [i for i in (norm.find(ch, m.end(), s0) for ch in SENT_END) if i >= 0]
        stop = min([*ends, s0])
        d2 = describe(norm, m.start(), stop, ctx.nationality, ctx.home)
        if d2 is None:
            continue
        d2 = _phrase_only(norm, m.start(), d2)
        if len(words(norm, m.start(), d2.end, limit=len(ws) + 1)) <= len(ws):
            continue
        start = m.start()
        if norm[start] in "وف" and (norm.startswith(bare, start + 1) or norm.startswith("ال" + bare, start + 1)):
            start += 1
        return start, d2
    return None


# documents a body issues: «البيان»، «التقرير» speak for the body behind them (guideline: «وأوضح البيان أن …»)
_DOCUMENTS = frozenset(_N(w) for w in ("بيان", "تقرير", "نشرة", "دراسة", "بيانات", "خطاب"))
ISSUER_WORDS = 8
_RELAYED = tuple(_N(w) for w in ("نقلت", "نقله", "نقلها", "نشرت", "نشره", "نشرها", "أوردت", "اوردت", "بثت", "بثه"))


def _document(w: str) -> str | None:
    """The document noun a word is (``البيان``, ``وبيانات``, ``بيانا``), bare, or None."""
    w = w[1:] if w[:1] in "وف" and len(w) > 4 else w
    w = w[2:] if w.startswith("ال") else w
    w = w[:-1] if w.endswith("ا") and w[:-1] in _DOCUMENTS else w
    return w if w in _DOCUMENTS else None


def _body_near(ctx: _Ctx, a: int, b: int, pos: int) -> Mention | None:
    """The body (an organisation, not a person or place) mentioned in ``[a, b)`` nearest to ``pos``."""
    norm = ctx.nt.norm
    bodies = [m for m in _ms(ctx, a, b) if m.end <= b and any(e.label == "ORG" for e in m.ents)
              and not any(e.label == "PERS" for e in m.ents) and not _is_place(m)
              and not any(w.startswith(_RELAYED) for _, _, w in words(norm, max(a, m.start - 30), m.start)[-2:])]
    return min(bodies, key=lambda m: abs(m.start - pos), default=None)


def _issuer(ctx: _Ctx, s0: int, end: int) -> Mention | None:
    """The body behind a document that speaks (``بيانات مصلحة الجمارك``; ``البيان``, ``النشرة`` after ``قال صندوق
    "سند" في بيان``, ``النشرة التي تصدرها مؤسسة النقد``): a body inside the descriptor, else the one named nearest
    to the document's latest earlier mention, in its sentence and within :data:`ISSUER_WORDS` words of it."""
    norm = ctx.nt.norm
    ws = words(norm, s0, end, limit=4)
    doc = _document(ws[0][2]) if ws else None
    if doc is None:
        return None
    inside = _body_near(ctx, ws[0][1], end, ws[0][1])
    if inside is not None:
        return inside
    if len(ws) > 1 and norm[ws[0][1]:ws[1][0]].strip(" "):
        return None  # «تقرير "ضمان"»: the issuer named in the descriptor, though untagged
    own = ws[1][2] if len(ws) > 1 and (head_of(ws[1][2]) or ("", ""))[0] == "body" else None
    if own is not None and len(ws) > 2 and (head_of(ws[2][2]) is None or ws[2][2].startswith("ال")):
        return None  # «تقرير مؤسسة ضمان»: the issuer named in the descriptor, though untagged
    pat = re.compile(rf"(?<!\w)[وفب]?(?:ال|لل)?{re.escape(doc)}ا?(?!\w)")
    for m in reversed(list(pat.finditer(norm, max(0, s0 - ANTECEDENT_CHARS), s0))):
        lo = max(_sent_start(norm, m.start()), m.start() - 120)
        after = words(norm, m.end(), min(len(norm), m.end() + 150), limit=ISSUER_WORDS)
        hi = min(_sent_end(norm, m.end()), after[-1][1] if after else m.end())
        body = _body_near(ctx, lo, hi, m.start())
        if body is not None and (own is None or own in {w for _, _, w in words(norm, body.start, body.end)}):
            return body  # «بيانات الجمارك» after «بيانات مصلحة الجمارك»: the body with that head
    return None


def _trailing_name(ctx: _Ctx, s: int, e: int) -> int | None:
    """Where an untagged name closing a person's descriptor starts (two words at least, the first a given name:
    ``… المقاومة الشعبية علي الأحمدي``), or None."""
    norm = ctx.nt.norm
    ws = words(norm, s, e)
    k = len(ws)
    while k > 1 and (known_name(ws[k - 1][2]) or ws[k - 1][2] in _NAME_GLUE) and head_of(ws[k - 1][2]) is None \
            and ws[k - 1][2] not in ctx.nationality:
        k -= 1
    while k < len(ws) and not _given_name(ctx, ws[k][2]):
        k += 1
    return ws[k][0] if 0 < k <= len(ws) - 2 else None


NAME_AFTER_CHARS = 120
_APPOSITION_STOPS = ":;؛.!?؟\n\"«“»”()"


def _name_after(ctx: _Ctx, end: int, stop: int) -> int | None:
    """Where a person's descriptor that ends unnamed really ends: at the name right after it (``الناطق باسم
    المجلس علي الأحمدي``, the tagger's name starting a word late), or after a comma at the name of an apposed
    office (``المدير العام، فلان،``, ``المدير العام للمكتب، رئيس اللجنة الدكتور فلان، موضحا``); normalised end
    of the name, or None. Nothing between but office words: no complementiser, cue, preposition or stop."""
    norm = ctx.nt.norm
    i = bisect_left(ctx.ent_starts, end)
    hit = next(((a, b) for a, b, ent in ctx.ents[i:i + 12] if ent.label == "PERS"
                and a < min(stop, end + NAME_AFTER_CHARS)), None)
    if hit is None:
        return None
    gap = norm[end:hit[0]].strip(" ")
    comma = gap[:1] in "،,"
    gap = gap[1:] if comma else gap
    if any(ch in gap for ch in _APPOSITION_STOPS + "،,"):
        return None
    ws = [w for _, _, w in words(norm, end, hit[0])]
    if len(ws) > (8 if comma else 3) or any(COMPLEMENTIZER.match(w) or w in cue_forms() or w in _NAME_BOUNDARY
                                             for w in ws):
        return None
    if comma and ws and head_of(ws[0]) is None:
        return None  # «المدير العام، وأوضح …»: after the comma a new clause, not an office apposed
    return hit[1]


def _named_elsewhere(ctx: _Ctx, s0: int, desc: Descriptor) -> tuple[int, Descriptor] | None:
    """The same office named with its holder's name elsewhere in the article (``المدير العام`` → ``المدير العام
    لمنظمة التجارة روبرتو آزفيدو``): another occurrence of the descriptor's first two words whose descriptor
    ends with a name; the nearest before, else the first after."""
    norm = ctx.nt.norm
    ws = words(norm, s0, desc.end, limit=2)
    if len(ws) < 2:
        return None
    phrase = norm[ws[0][0]:ws[1][1]]
    phrase = phrase[1:] if phrase[:1] in "وف" and head_of(ws[0][2][1:]) is not None else phrase
    best: tuple[int, Descriptor] | None = None
    for m in re.finditer(rf"(?<![\w]){re.escape(phrase)}(?!\w)", norm):
        if m.start() <= s0 < m.end() or s0 <= m.start() < desc.end:
            continue
        d2 = describe(norm, m.start(), _sent_end(norm, m.end()), ctx.nationality, ctx.home)
        if d2 is None or d2.kind != "person":
            continue
        if d2.name_start is None and _name_in(ctx, m.start(), d2.end) is None:
            tail = _trailing_name(ctx, m.start(), d2.end)
            if tail is None:
                apposed = _name_after(ctx, d2.end, _sent_end(norm, d2.end))
                if apposed is None:
                    continue
                d2 = Descriptor(d2.kind, d2.sector, d2.country, apposed)
            else:
                d2 = Descriptor(d2.kind, d2.sector, d2.country, d2.end, tail)
        if (m.start() < s0 and (best is None or m.start() > best[0])) or (m.start() > s0 and best is None):
            best = (m.start(), d2)
    return best


def _country_inside(ctx: _Ctx, s: int, e: int) -> str | None:
    """The country of a linked place or body named inside a descriptor (normalised ``[s, e)``), if any."""
    for ent in _ents(ctx, s, e + 1):
        a, b = ctx.nt.to_norm(ent.start, ent.end)
        if s <= a and b <= e and ent.link is not None and ent.link.country and ent.label != "PERS":
            return ent.link.country
    return None


def _phrase_only(norm: str, start: int, desc: Descriptor) -> Descriptor:
    """A descriptor read up to a sentence end cut where its noun phrase does: at a bare indefinite word after the
    definite ones (``وزارة الداخلية الكويتية ضبط خلية`` → ``وزارة الداخلية الكويتية``)."""
    ws = words(norm, start, desc.end)
    seen_definite = False
    for k, (_, _, w) in enumerate(ws):
        bare = w[1:] if w[:1] in "وبلف" and len(w) > 3 else w
        if bare.startswith("ال") or w.startswith("لل"):
            seen_definite = True
        elif k and seen_definite and w[:1] not in "وبلف" and head_of(w) is None and not known_name(w):
            return Descriptor(desc.kind, desc.sector, desc.country, ws[k - 1][1],
                              desc.name_start if desc.name_start is not None and desc.name_start < ws[k - 1][1]
                              else None)
    return desc


def _past_outlet(norm: str, pos: int) -> int:
    """Past an outlet or addressee glued to the cue (``وأوضح لـ«اليوم» المتحدث …``, ``وقال للصحفيين مدير …``)."""
    m = re.match(r" *لـ? *[\"«“]([^\"»”]{1,40})[\"»”] *", norm[pos:pos + 60])
    if m is not None:  # «لـ"عكاظ"»
        return pos + m.end()
    ws = words(norm, pos, pos + 60, limit=2)
    if len(ws) < 2 or not _outlet_word(ws[0][2]) or head_of(ws[1][2]) is None:
        return pos
    return ws[1][0]


def _descriptor_reach(ctx: _Ctx, a: int, stop: int) -> int:
    """Where a descriptor chain after a cue can end: the complementiser, a colon or quote mark, 16 words on."""
    norm = ctx.nt.norm
    ws = words(norm, a, stop, limit=COMP_WINDOW)
    for s, _, w in ws:
        if COMPLEMENTIZER.match(w) or ":" in norm[a:s] or any(ch in norm[a:s] for ch in "\"«“"):
            return s
    return ws[-1][1] if ws else a


# «الله» after these is in a blessing or a prayer («صلى الله عليه وسلم», «رحمه الله», «سائلين الله»), no speaker;
# «قال الله تعالى» keeps God as the speaker of scripture
_BLESSING_BEFORE = frozenset(_N(w) for w in (
    "صلى", "رحمه", "رحمها", "رحمهم", "حفظه", "حفظها", "حفظهم", "رضي", "يرحم", "يحفظ", "سائلا", "سائلة", "سائلين",
    "داعيا", "داعية", "داعين", "سائلاً", "داعياً", "يسأل", "نسأل", "أسأل", "الحمد", "والحمد", "بإذن", "شاء", "عند",
    "سبحان", "أمام", "بفضل", "ادعو", "ندعو", "يدعو", "تدعو", "شكر", "حمد", "يشكر"))
# words the tagger may take for a name that never speak: «مسؤول رفض الكشف عن اسمه», «الحمد لله», «سائلين المولى»
_NO_PARTY = frozenset(_N(w) for w in ("اسمه", "اسمها", "اسمهم", "لله", "المولى", "ولله"))


def _no_party(norm: str, m: Mention) -> bool:
    """A mention that can be no one's speaker: :data:`_NO_PARTY`, or «الله» in a blessing or prayer."""
    surface = norm[m.start:m.end]
    if surface in _NO_PARTY:
        return True
    if surface != "الله":
        return False
    prev = words(norm, max(0, m.start - 20), m.start)
    return bool(prev) and prev[-1][2] in _BLESSING_BEFORE


def _blessing(norm: str, m: Mention) -> bool:
    """``الله`` in «رحمه الله», «حفظه الله», «سائلا الله»: not a speaker."""
    return norm[m.start:m.end] == "الله"


def _is_place(m: Mention) -> bool:
    """A mention of a place (a dateline «نيروبي –», «في الرياض»): a speaker only right before its verb."""
    return all(e.label == "LOC" or (e.link is not None and e.link.feature is not None) for e in m.ents)


_LISAN = re.compile(r"(?<!\w)عل[يى] لسان ")


def _between_comp(norm: str, a: int, b: int) -> bool:
    return any(COMPLEMENTIZER.match(w) for _, _, w in words(norm, a, b))


def _pick(ctx: _Ctx, mention: Mention) -> Entity:
    """The entity that names a mention's party: a linked name, else the name itself, else any linked entity (a
    role linked to its holder, ``رئيس الوزراء التركي بولنت أرنج``, is the office, not necessarily this man)."""
    pers = [e for e in mention.ents if e.label == "PERS"]
    return next((e for e in pers if e.link is not None), None) or (pers[-1] if pers else None) or next(
        (e for e in mention.ents if e.link is not None), mention.ents[0])


def _set_speaker(ctx: _Ctx, q: Quote, speaker: Mention | None) -> None:
    if speaker is None:
        return
    ent = _pick(ctx, speaker)
    q.speaker = ent.id
    link = entity_link(ent, ctx.article.entity, ctx.nt, ctx.alias)
    if link is not None:
        q.speaker_name = link.name_en
        q.speaker_actor_id = link.id


def _sentence_id(article: Article, pos: int) -> str | None:
    for s in article.sentences or ():
        if s.start <= pos < s.end:
            return s.id
    return None


@cache
def _nationalities(fold_ta_marbuta: bool) -> dict[str, str]:
    """Normalised nationality words (``السعودي``, ``الأمريكية`` ...) → country."""
    out = {n.form: n.country for n in load_resources(fold_ta_marbuta).nationalities}
    # in the matching view's own form too (جزائرية → جزايريه), which is what descriptors are read in
    out.update({normalized(f, fold_ta_marbuta).norm: c for f, c in list(out.items())})
    for w in _NOT_NATIONALITIES:
        out.pop(w, None)
        out.pop(normalized(w, fold_ta_marbuta).norm, None)
    return out


# nationality forms that are mostly other words: «المالية» financial (not Malian)
_NOT_NATIONALITIES = ("مالي", "مالية", "المالي", "المالية", "ماليون", "الماليون", "ماليات")


_KIND_OF_LABEL = {"PERS": "person", "ORG": "body", "LOC": "body", "GPE": "body", "AGENT": "person"}


def _carry(q: Quote, prev: Quote) -> None:
    """A continued quote (``وأضاف``, no cue) keeps the previous speaker, whatever it was."""
    q.speaker, q.speaker_name, q.speaker_actor_id = prev.speaker, prev.speaker_name, prev.speaker_actor_id
    q.speaker_span, q.speaker_kind = prev.speaker_span, prev.speaker_kind
    q.speaker_country, q.speaker_sector = prev.speaker_country, prev.speaker_sector
    q.speaker_name_source = prev.speaker_name_source


def _name_in(ctx: _Ctx, s: int, e: int) -> tuple[Entity, int, int] | None:
    """The last person entity inside a descriptor (normalised ``[s, e)``), with its source offsets."""
    best: tuple[Entity, int, int] | None = None
    for ent in _ents(ctx, s, e + 2):
        if ent.label != "PERS":
            continue
        a, b = ctx.nt.to_norm(ent.start, ent.end)
        if s <= a and b <= e + 1 and (best is None or ent.start > best[1]):
            best = (ent, ent.start, ent.end)
    return best


# words that follow a cue and look like names in the table but are not the speaker
_NOT_NAMES = frozenset(_N(w) for w in ("أحد", "احد", "بيان", "البعض", "الجميع", "آخر", "آخرون", "هذا", "هذه", "ذلك",
                                       "تلك", "كل", "بعض", "عدد", "أمس", "اليوم", "غدا", "مؤخرا", "سابقا", "لاحقا",
                                       "حينها", "وقتها", "عندها", "ثم", "بل", "لكن", "نفسه", "نفسها", "الله", "تعالى",
                                       "النبي", "الرسول", "الهلال", "النصر", "الأهلي", "الاتحاد", "الشباب", "الوحدة",
                                       "اسمه", "اسمها", "اسمهم", "المولى"))
_NAME_BOUNDARY = frozenset(_N(w) for w in ("في", "عن", "على", "إلى", "الى", "خلال", "أمام", "عبر", "لدى", "من", "مع",
                                           "بعد", "قبل", "أيضا", "ايضا", "كذلك"))


def _unknown_name(ctx: _Ctx, a: int, b: int, whole: bool = False) -> tuple[int, int] | None:
    """A name the tagger missed, right at ``a`` (normalised): one to four words, each a name unit of the table
    (or an ``ال…ي`` family name), ending at a complementiser, a preposition, punctuation or quote mark; with
    ``whole`` the words must fill ``[a, b)`` (a subject before its verb)."""
    norm = ctx.nt.norm
    ws = words(norm, a, min(b, a + 80), limit=6)
    if not ws or ws[0][0] - a > 2:
        return None
    run: list[tuple[int, int, str]] = []
    for s, e, w in ws:
        gap = norm[run[-1][1]:s] if run else ""
        if run and gap.strip(" "):
            break  # a comma, a colon or a quote mark ends it
        if COMPLEMENTIZER.match(w) or w in _NAME_BOUNDARY or (run and _outlet_word(w) and not known_name(w)):
            break
        if w in _NOT_NAMES or head_of(w) is not None or w in cue_forms() or w in ctx.nationality \
                or w in _SUBJECTLESS_NEXT or w in _NOT_SPEECH or any(ch.isdigit() for ch in w):
            if run and not whole and head_of(w) is not None:
                break  # «قال فالح العيساوي عضو مجلس المحافظة إن …»: the office after the name ends it
            return None
        src = ctx.article.text[slice(*ctx.nt.to_source(s, e))]
        if not (known_name(src) or (w.startswith("ال") and w.endswith("ي") and len(w) >= 6)):
            return None
        run.append((s, e, w))
        if len(run) > 4:
            return None
    if not run:
        return None
    end = run[-1][1]
    if whole and words(norm, end, b):
        return None
    nxt = norm[end:end + 2].lstrip(" ")[:1]
    after = words(norm, end, end + 20, limit=1)
    comp_next = bool(after) and bool(COMPLEMENTIZER.match(after[0][2]))  # «وأكد السروي أنه …» (a quote from «أنه»)
    if not whole and len(run) == len(ws) and end < b and nxt.isalnum() and not comp_next:
        return None  # no boundary seen
    if len(run) == 1 and not run[0][2].startswith("ال") and not whole and nxt.isalnum() and not (
            len(ws) > 1 and (COMPLEMENTIZER.match(ws[1][2]) or ws[1][2] in _NAME_BOUNDARY)):
        return None
    if len(run) == 1 and not whole and len(ws) > 1 and head_of(ws[1][2]) is not None:
        return None  # one word before an office is rather a word of the sentence than a name
    return run[0][0], end


def _name_speaker(ctx: _Ctx, q: Quote, s: int, e: int) -> None:
    """Make an untagged name (normalised ``[s, e)``) the quote's speaker: a person, its English name romanised."""
    a, b = ctx.nt.to_source(s, e)
    q.speaker_span = Span(a, b)
    q.speaker_kind = "person"
    full = _whole_name(ctx, *(_fuller(ctx, s, e, s) or (s, e)))
    desc = _descriptor_before(ctx, *full)
    if desc is not None:
        q.speaker_country, q.speaker_sector = desc.country, desc.sector
    a, b = ctx.nt.to_source(*full)
    r = romanize(ctx.article.text[a:b], q.speaker_country or ctx.home)
    if r is not None:
        q.speaker_name, q.speaker_name_source = r.latin, "romanized"
        if q.speaker_country is None and r.rule == "table" and ctx.home:
            q.speaker_country = ctx.home
    q.confidence = max(q.confidence, 0.55)


def _same_mention(ctx: _Ctx, m: Mention, q: Quote) -> bool:
    """Does a mention name the speaker of quote ``q`` (its entity, or the same words as its speaker span)?"""
    if q.speaker is not None and any(e.id == q.speaker for e in m.ents):
        return True
    if q.speaker_span is None:
        return False
    a, b = ctx.nt.to_norm(q.speaker_span.start, q.speaker_span.end)
    norm = ctx.nt.norm
    return {w for _, _, w in words(norm, m.start, m.end)} <= {w for _, _, w in words(norm, a, b)}


def _last_person(ctx: _Ctx, pos: int) -> Mention | None:
    """The last person named (a subject, not after a preposition) before ``pos``, within ``CARRY_CHARS``."""
    return next((m for m in reversed(_ms(ctx, pos - CARRY_CHARS - MENTION_CHARS, pos)) if m.end <= pos
                 and pos - m.end < CARRY_CHARS and m.prep == ""
                 and any(e.label == "PERS" for e in m.ents)), None)


def _subjectless(norm: str, cue: _Cue) -> bool:
    """A cue verb whose next word is its complement or a colon: no subject of its own (``وأوضح أن``)."""
    if cue.lemma == ":":
        return False
    nxt = norm[cue.end:cue.end + 30].lstrip(" ")
    if nxt[:1] in (":", "،", ",") or nxt[:1] in "\"«“":
        return True
    ws = words(norm, cue.end, cue.end + 40, limit=2)
    w = ws[0] if ws else None
    if w is not None and (w[2].startswith(_OUTLET_WORDS) or w[2] in _BLESSING_AFTER):
        opening = words(norm, _sent_start(norm, cue.start), cue.start, limit=1)
        return not (opening and opening[0][2].lstrip("و") == _AMMA)  # «وقال لبرنامج "…" …:», «وقالت رضي الله
        # عنها:»; not «أما شرطة المدينة فأكدت للصحيفة أن …», whose subject opens the sentence
    if w is not None and w[2].endswith("ه") and len(ws) > 1 and ws[1][2] in _SAYING_HOW:
        return True  # «وختم تغريداته بالقول:»
    return w is not None and (COMPLEMENTIZER.match(w[2]) is not None or w[2] in _SUBJECTLESS_NEXT)


_BLESSING_AFTER = frozenset(_N(w) for w in ("رضي", "رحمه", "رحمها", "حفظه", "حفظها", "يحفظه", "يرحمه"))
_SAYING_HOW = frozenset(_N(w) for w in ("بالقول", "بقوله", "بقولها", "قائلا", "قائلة"))


_SUBJECTLESS_NEXT = frozenset(_N(w) for w in ("إلى", "الى", "على", "في", "خلال", "لـ", "ل", "بأن", "قائلا", "بقوله",
                                              "أيضا", "ايضا", "كذلك", "سموه", "سموها", "معاليه", "معاليها", "سعادته",
                                              "سعادتها", "فضيلته", "سماحته", "فخامته", "بالقول", "عنه", "عنها"))
CARRY_CHARS = 1500
# verbs that start a new statement when they come (with و/ف) inside the clause of another
_SAYING = frozenset(_N(w) for w in ("قال", "أضاف", "أكد", "أوضح", "أشار", "تابع", "أردف", "لفت", "شدد", "ذكر", "بين",
                                    "أبان", "نوه", "كشف", "أفاد"))


# words after a name that are no part of it: blessings and the like («ابن رجب رحمه الله»)
_AFTER_NAME = frozenset(_N(w) for w in ("رحمه", "رحمها", "رضي", "حفظه", "حفظها", "صلى", "عليه", "يحفظه", "تعالى",
                                        "أين", "ماذا", "هل", "كيف", "متى", "لماذا", "يا", "أيها",
                                        "زعيم", "المنقذتان", "البروفسور", "البروفيسور", "يدعى", "ويدعى", "الذي",
                                        "التي", "وهو", "وهي", "هو", "هي"))
_IN_NAME_STOP = frozenset(_N(w) for w in ("في", "عن", "إلى", "الى", "خلال", "أمام", "عبر", "لدى", "مع", "بعد", "قبل",
                                           "منذ"))
_NAME_GLUE = frozenset(_N(w) for w in ("الله", "الدين", "بن", "بنت", "ابن"))


def _name_words(ctx: _Ctx, s: int, e: int) -> tuple[int, int]:
    """A person entity's span (normalised) cut to the name: without the office or blessing it runs into
    (``ضاحي خلفان تميم نائب رئيس …`` → ``ضاحي خلفان تميم``), and with the word a name cannot start with glued back
    on (``الله بن عوض الله`` after ``ضيف`` → ``ضيف الله …``; ``بنت ناصر`` after ``منى``)."""
    norm = ctx.nt.norm
    ws = words(norm, s, e)
    if not ws:
        return s, e
    if len(ws) > 1 and ws[0][2].startswith("ال") and ws[0][2] not in _NAME_GLUE and _given_name(ctx, ws[1][2]) \
            and ws[1][2] not in _NAME_GLUE:
        ws = ws[1:]  # «الاقتصادي ناصر آل مغرم»: an adjective of the office before the given name, no family name
    keep = [ws[0]]
    for tok in ws[1:]:
        t = tok[2]
        if (head_of(t) is not None and not t.startswith("ال")) or t in _AFTER_NAME or t in _IN_NAME_STOP:
            break  # «… نائب رئيس الأمن العام», «… في محافظة الأنبار»; «القاضي», «التركي» may be family names
        keep.append(tok)
    start, end = keep[0][0], keep[-1][1]
    if keep[0][2] in _NAME_GLUE:
        before = words(norm, max(0, start - 20), start)
        if before and norm[before[-1][1]:start].strip(" ") == "":
            w = before[-1][2]
            bare = w[1:] if w[:1] in "وف" and not known_name(w) else w
            if known_name(bare) and not bare.startswith("ال") and bare not in cue_forms() and w not in cue_forms() \
                    and head_of(bare) is None:
                start = before[-1][1] - len(bare)
    return start, end


_GLUE_AHEAD = frozenset(_N(w) for w in ("بن", "بنت", "ابن"))
# a preposition with its pronoun: «ومدير العلاقات بها محمد …» («بها» is also a given name)
_WITH_PRONOUN = frozenset(_N(p + s) for p in ("ب", "ل", "من", "عن", "في", "مع", "عند", "لدي")
                          for s in ("ه", "ها", "هم", "هما", "نا"))
WHOLE_NAME_WORDS = 3


_ALI = _N("علي")


def _name_word_ok(ctx: _Ctx, w: str, s: int = -1, e: int = -1) -> bool:
    """May this word (normalised ``[s, e)``) continue a person's name the tagger cut short? Not a boundary,
    complementiser, cue, office, nationality or common word; ``علي`` written with its ي is the name, not «على»."""
    if w == _ALI and s >= 0 and ctx.article.text[slice(*ctx.nt.to_source(s, e))].endswith("علي"):
        return True
    return not (COMPLEMENTIZER.match(w) or w in _NAME_BOUNDARY or w in _NOT_NAMES or head_of(w) is not None
                or w in cue_forms() or w[1:] in cue_forms() or w in ctx.nationality or w in _AFTER_NAME
                or w in _SUBJECTLESS_NEXT or w in _NOT_SPEECH or w in _WITH_PRONOUN or any(ch.isdigit() for ch in w))


def _whole_name(ctx: _Ctx, s: int, e: int) -> tuple[int, int]:
    """A person's name (normalised ``[s, e)``) with the name words the tagger left out around it: given names
    before it (``عاصم`` before ``حسين``, ``أنس`` before ``خالد الصالح``) and, after it, given names up to a
    family name ``ال…ي`` (``يحيى`` + ``علي أبكر``, ``عبدالرحمن بن ضيف الله`` + ``الأسمري``) when a boundary
    follows them (punctuation, a complementiser, a preposition: not ``محمد سالم صاحب مركز``) and the name has
    no family name with the article yet (``عبدالله العبدلي مشرف في …``);
    words only, with no punctuation between, at most :data:`WHOLE_NAME_WORDS` on each side."""
    norm = ctx.nt.norm
    e0 = e
    last = words(norm, s, e)[-1:]
    closed = bool(last) and last[0][2].startswith("ال") and last[0][2] not in _NAME_GLUE
    for _ in range(WHOLE_NAME_WORDS):
        prev = words(norm, max(0, s - 25), s)
        if not prev or norm[prev[-1][1]:s].strip(" ") or prev[-1][2] in _NAME_GLUE \
                or not _name_word_ok(ctx, prev[-1][2], prev[-1][0], prev[-1][1]) or not _given_name(ctx, prev[-1][2]):
            break
        s = prev[-1][0]
    for _ in range(0 if closed else WHOLE_NAME_WORDS):  # a family name «ال…» closes the name
        nxt = words(norm, e, e + 25, limit=1)
        if not nxt or norm[e:nxt[0][0]].strip(" "):
            break
        ws, we, w = nxt[0]
        if not _name_word_ok(ctx, w, ws, we):
            break
        family = w.startswith("ال") and w.endswith("ي") and len(w) >= 6
        if w in _GLUE_AHEAD:
            more = words(norm, we, we + 25, limit=1)
            if not more:
                break
            ms, me, mw = more[0]
            if norm[we:ms].strip(" ") or not _name_word_ok(ctx, mw, ms, me) or not _given_name(ctx, mw):
                break
            e = me
            continue
        if not (family or _given_name(ctx, w)):
            break
        e = we
        if family:
            break
    if e > e0:
        nxt = words(norm, e, e + 25, limit=1)
        bounded = not nxt or norm[e:nxt[0][0]].strip(" ") != "" or bool(COMPLEMENTIZER.match(nxt[0][2])) \
            or nxt[0][2] in _NAME_BOUNDARY or nxt[0][2] in cue_forms()
        if not bounded:
            e = e0
    return s, e


def _named_in_full(ctx: _Ctx, m: Mention, qs: int) -> bool:
    """Is a one-word family name the last word of a person the article names in full before the quote and the
    linker left unlinked (another person than the knowledge base's namesake)?"""
    ws = words(ctx.nt.norm, m.start, m.end)
    if len(ws) != 1 or not ws[0][2].startswith("ال"):
        return False
    _fuller(ctx, m.start, m.end, qs)  # builds the person names' index
    names = ctx.person_names or []
    return any(ctx.person_unlinked[i] and names[i][0] < qs for i in ctx.name_index.get((ws[0][2],), ()))


def _family_name(ctx: _Ctx, m: Mention, qs: int) -> bool:
    """Is a one-word mention (``الرشيد``) the family name of a person the article names in full?"""
    ws = words(ctx.nt.norm, m.start, m.end)
    if len(ws) != 1 or not ws[0][2].startswith("ال"):
        return False
    _fuller(ctx, m.start, m.end, qs)  # builds the person names' index
    return bool(ctx.name_index.get((ws[0][2],)))


def _fuller(ctx: _Ctx, s: int, e: int, qs: int) -> tuple[int, int] | None:
    """The fuller mention of a person named here by part of the name: another person entity of the article whose
    name ends with these words (``العمرة`` → ``محمد العمرة``) or, for a lone first name, starts with it (``خالد``
    → ``خالد الحربي``); the nearest one before the quote, else the first after. Normalised offsets, or None."""
    norm = ctx.nt.norm
    mine = [w for _, _, w in words(norm, s, e)]
    if not mine:
        return None
    first_only = len(mine) == 1 and not mine[0].startswith("ال")
    best: tuple[int, int] | None = None
    if ctx.person_names is None:  # the same for every quote of the article: once, indexed by name words
        ctx.person_names = []
        for other in ctx.article.entities or ():
            if other.label == "PERS":
                a, b = _name_words(ctx, *ctx.nt.to_norm(other.start, other.end))
                theirs = [w for _, _, w in words(norm, a, b)]
                i = len(ctx.person_names)
                ctx.person_names.append((a, b, theirs))
                ctx.person_unlinked.append(other.link is None)
                for k in range(1, len(theirs)):  # a shorter tail (العمرة ← محمد العمرة), a first name (خالد)
                    ctx.name_index.setdefault(tuple(theirs[-k:]), []).append(i)
                if len(theirs) > 1:
                    ctx.name_index.setdefault(("", theirs[0]), []).append(i)
    found = set(ctx.name_index.get(tuple(mine), ()))
    if first_only:
        found |= set(ctx.name_index.get(("", mine[0]), ()))
    for i in sorted(found):
        a, b, _ = ctx.person_names[i]
        if (a < qs and (best is None or best[0] > qs or a > best[0])) or (a >= qs and best is None):
            best = (a, b)
    if best is None and not first_only:  # the fuller form in the text itself: «… علي الأحمدي» for «الأحمدي»
        for start, end in _fuller_in_text(ctx, " ".join(mine), qs):
            if (start < qs and (best is None or start > best[0])) or (start >= qs and best is None):
                best = (start, end)
    return best


FULLER_CHARS = 20000


def _fuller_in_text(ctx: _Ctx, tail: str, qs: int) -> list[tuple[int, int]]:
    """Where a name's words stand in the text after given names, within :data:`FULLER_CHARS` of the quote (a whole
    article; on a book-length text the search of every quote's speaker would be quadratic)."""
    norm = ctx.nt.norm
    lo, hi = max(0, qs - FULLER_CHARS), min(len(norm), qs + FULLER_CHARS)
    out = []
    for m in re.compile(rf"(?<!\w){re.escape(tail)}(?!\w)").finditer(norm, lo, hi):
        start = m.start()
        for _ in range(3):
            prev = words(norm, max(0, start - 25), start)
            if not prev or norm[prev[-1][1]:start].strip(" ") or not _given_name(ctx, prev[-1][2]):
                break
            start = prev[-1][0]
        if start < m.start() and words(norm, start, start + 40, limit=1)[0][2] not in _NAME_GLUE:
            out.append((start, m.end()))
    return out


_NOT_GIVEN = frozenset(_N(w) for w in ("أول", "ثاني", "ركن", "طيار", "بحري", "أين", "يا", "أيضا", "ايضا"))


def _given_name(ctx: _Ctx, w: str) -> bool:
    """Can this word stand before a family name as part of a person's name (``علي``, ``عبدالرحمن``, ``بن``)?
    Not a word with the article (``التركي``, ``النفسي``: adjectives), a cue (``وأكد``), a title or a rank."""
    if w in _NAME_GLUE:
        return True
    glued = w[1:] if w[:1] in "وف" else ""
    return known_name(w) and not w.startswith(("ال", "آل")) and w not in ctx.nationality \
        and w not in cue_forms() and glued not in cue_forms() and head_of(w) is None and w not in _NOT_NAMES \
        and w not in _NOT_GIVEN and w not in _AFTER_NAME and (w == _ALI or w not in _NAME_BOUNDARY)


def _descriptor_before(ctx: _Ctx, s: int, e: int) -> Descriptor | None:
    """The descriptor phrase that leads up to a name (``مدير عام الهيئة … المهندس محمد العمرة``), in its sentence."""
    norm = ctx.nt.norm
    sent_start = _sent_start(norm, s)
    for ws, _, w in words(norm, max(sent_start, s - 160), s):
        if head_of(w) is None:
            continue
        desc = describe(norm, ws, e, ctx.nationality, ctx.home)
        if desc is not None and desc.end >= s:
            return desc
    return None


def _describe_speaker(ctx: _Ctx, q: Quote, cue: _Cue | None, qs: int, qe: int, speaker: Mention | None,
                      prev: Quote | None, quotes: list[Quote] | None = None) -> None:
    """Give every attributed quote a speaker span, kind, country and sector, linked or not.

    A linked speaker keeps its link's codes, with the descriptor before it filling what the link lacks; an
    unlinked person mention gets a romanised English name; with no entity at all, the descriptor after the
    cue (VSO), or before it (SVO), is the speaker (``مصدر مسؤول``, ``وزارة الداخلية``, ``المتحدث باسم …``).
    """
    if cue is None:
        return
    norm = ctx.nt.norm
    if speaker is not None:
        ent = _pick(ctx, speaker)
        q.speaker_span = Span(*ctx.nt.to_source(speaker.start, speaker.end))
        link = ent.link
        if link is not None and ent.label == "PERS" and _named_in_full(ctx, speaker, qs):
            link = None  # «المالكي» linked to a famous namesake, after «فايز المالكي» (unlinked) in the article
            q.speaker_name = q.speaker_actor_id = None
        q.speaker_kind = _KIND_OF_LABEL.get(ent.label, "person")
        if link is not None:
            q.speaker_country, q.speaker_sector = link.country, link.sector
            if ent.label == "AGENT" and link.country and link.country == ctx.outlet \
                    and ctx.home not in (None, ctx.outlet):
                q.speaker_country = ctx.home  # «الشرطة» given the outlet's country in a story from elsewhere
            q.speaker_name_source = "link" if q.speaker_name else None
            if link.type in ("ORG", "LOC", "GPE") and ent.label != "AGENT":
                q.speaker_kind = "body"
        desc = None
        if cue.end <= speaker.start <= cue.end + 100:
            desc = describe(norm, cue.end, speaker.end, ctx.nationality, ctx.home)
        full = None
        person = ent.label == "PERS" or (ent.label == "ORG" and link is None and _family_name(ctx, speaker, qs))
        if person and ent.label == "ORG":
            q.speaker_kind = "person"  # «وأوضح الرشيد» tagged a body, after «صالح بن إبراهيم الرشيد»
        if person and link is None:
            own = _name_words(ctx, *ctx.nt.to_norm(ent.start, ent.end))
            if desc is not None and desc.name_start is not None and desc.name_start < own[0] \
                    and not any(head_of(w) for _, _, w in words(norm, desc.name_start, own[0])) \
                    and len(words(norm, desc.name_start, own[0], limit=3)) <= 2 \
                    and not words(norm, desc.name_start, own[0])[0][2].startswith("ال"):  # «الاقتصادي ناصر»
                own = (desc.name_start, own[1])  # «الملازم أول تركي سعد الحربي»: the name starts after the rank
            full = _whole_name(ctx, *(_fuller(ctx, *own, qs) or own))
        if desc is None:
            desc = _descriptor_before(ctx, *(full or (speaker.start, speaker.end)))
        if desc is None and ent.label != "PERS":  # «جامعة تبوك أوضحت …»: the body's own name says what it is
            desc = describe(norm, speaker.start, speaker.end, ctx.nationality, ctx.home)
        if desc is None and ent.label == "ORG" and link is None and not person:
            q.speaker_country = q.speaker_country or ctx.home  # a body nothing else places: the article's country's
            q.speaker_sector = q.speaker_sector or sector_of(norm, speaker.start, speaker.end)  # «… كابيتال»
        if desc is not None:
            q.speaker_country = q.speaker_country or desc.country
            q.speaker_sector = q.speaker_sector or desc.sector
            if (ent.label == "AGENT" or link is None) and not (person and ent.label == "ORG"):
                q.speaker_kind = desc.kind if desc.kind != "body" or ent.label != "PERS" else "person"
        if q.speaker_name is None and person:
            a, b = ctx.nt.to_source(*full) if full else (q.speaker_span.start, q.speaker_span.end)
            r = romanize(ctx.article.text[a:b], q.speaker_country or ctx.home)
            if r is not None:
                q.speaker_name, q.speaker_name_source = r.latin, "romanized"
                if q.speaker_country is None and r.rule == "table" and ctx.home:
                    # every part of the name is a known Arabic name and nothing says otherwise: a local speaker
                    # (a citizen, a shopkeeper interviewed by a Saudi paper); foreign names are spelled out
                    q.speaker_country = ctx.home
        return
    sent_start = _headline_start(norm, cue, _sent_start(norm, cue.start))
    main = _main_subject(ctx, sent_start, cue.start) if cue.participle else None
    nxt = words(norm, cue.end, cue.end + 12, limit=1)
    if main is None and nxt and nxt[0][2] in _IN_IT:  # «ألقى رئيس البلدية المهندس فلان كلمة أوضح فيها أن …»
        main = _giver(ctx, sent_start, cue.start)
    if main is None and (cue.continuation or cue.participle) and prev is not None and prev.speaker_span is not None \
            and not _own_subject(ctx, cue, qs, prev):
        _carry(q, prev)
        return
    after_cue = _past_outlet(norm, cue.end)
    source_at = _reported_from(norm, cue, qs) if cue.lemma == _N("نقل") else None
    if source_at is not None:
        after_cue = source_at
    if main is not None:
        desc, start = main
    elif cue.lemma == ":":  # «الجمارك: ضبط …»: the speaker is before the colon, what follows it is the quote
        desc, start = describe(norm, sent_start, cue.start, ctx.nationality, ctx.home), sent_start
    elif cue.end <= qs:
        desc, start = describe(norm, after_cue, qs, ctx.nationality, ctx.home), after_cue
    else:
        stop = _sent_end(norm, cue.end)
        desc, start = describe(norm, after_cue, stop, ctx.nationality, ctx.home), after_cue
    if desc is None and sent_start < cue.start:  # SVO: «وزارة الداخلية أكدت أن …»
        desc, start = describe(norm, sent_start, cue.start, ctx.nationality, ctx.home), sent_start
    quoted = _quoted_name(norm, cue.end, qs) if desc is None and main is None else None
    if quoted is not None:  # «قالت «السعودي الفرنسي كابيتال» إن …»: a body named in quote marks
        desc = describe(norm, quoted[0], quoted[1], ctx.nationality, ctx.home) or Descriptor(
            "body", sector_of(norm, *quoted), ctx.home, quoted[1])
        start = quoted[0]
    if desc is None:
        span = _unknown_name(ctx, after_cue, qs if cue.end <= qs else len(norm))
        if span is None and sent_start < cue.start:  # «النزاوي أشارت إلى أن …»
            span = _unknown_name(ctx, sent_start, cue.start, whole=True)
        if span is not None:  # a name the tagger missed: «وأكد السروي أنه …», «قال الأسمري: …»
            _name_speaker(ctx, q, *span)
            return
        # an elided subject («وأوضح أن …», «وقال: …», «وقال سموه»): the speaker of the latest quote before that has
        # one, when it is near; else the last person named before the cue
        if not _subjectless(norm, cue):
            return
        here = ctx.nt.to_norm(q.start, q.start)[0]
        earlier = next((p for p in reversed(quotes or ([prev] if prev else [])) if p.speaker_span is not None
                        and 0 <= here - ctx.nt.to_norm(p.end, p.end)[0] < CARRY_CHARS), None)
        last = _last_person(ctx, cue.start)
        if earlier is not None and not (last is not None and last.start > ctx.nt.to_norm(earlier.end, earlier.end)[0]
                                        and not _same_mention(ctx, last, earlier)):
            _carry(q, earlier)
            return
        if last is not None:  # nobody quoted near, or a person named since the last quote («لأنه كان قد ذكر أن …»)
            _set_speaker(ctx, q, last)
            _describe_speaker(ctx, q, cue, qs, qe, last, prev)
        return
    first = next(iter(words(norm, start, desc.end, limit=1)), None)
    s0 = first[0] if first else start
    if first is not None and first[2][0] in "وف" and head_of(first[2]) is not None \
            and head_of(first[2][1:]) is not None and _N(first[2]) not in HEAD_WORDS:
        s0 += 1  # the conjunction glued to the head (وأكد … / ووزارة …) is not part of the speaker
    issuer = _issuer(ctx, s0, desc.end)
    if issuer is not None:  # «وأوضحت النشرة أن …» after «النشرة التي تصدرها مؤسسة النقد»: the body behind it
        _set_speaker(ctx, q, issuer)
        _describe_speaker(ctx, q, cue, qs, qe, issuer, prev)
        return
    back = _antecedent(ctx, s0, desc)
    if back is not None:  # «وقال المصدر» after «مصدر أمني رفيع»: the fuller mention before
        s0, desc = back
    lead = [w for _, _, w in words(norm, s0, desc.end, limit=2)]
    if desc.kind == "anonymous" and desc.name_start is None and _name_in(ctx, s0, desc.end) is None \
            and len(lead) == 2 and lead[0].lstrip("وف") in IN_CHARGE and lead[1] == _N("عن"):
        tail = _trailing_name(ctx, s0, desc.end)
        if tail is not None:  # «المسؤول عن الطوارئ نشوان الحسام»: an official with a name is no anonymous source
            desc = Descriptor("person", desc.sector, desc.country, desc.end, tail)
    if desc.kind == "person" and desc.name_start is None and _name_in(ctx, s0, desc.end) is None:
        tail = _trailing_name(ctx, s0, desc.end)
        apposed = None if tail is not None else _name_after(
            ctx, desc.end, qs if desc.end <= qs else _sent_end(norm, desc.end))
        if tail is not None:  # «الناطق باسم مجلس المقاومة علي الأحمدي» with the name untagged
            desc = Descriptor(desc.kind, desc.sector, desc.country, desc.end, tail)
        elif apposed is not None:  # «المدير العام، روبرتو آزفيدو،»: the name apposed to the office
            desc = Descriptor(desc.kind, desc.sector, desc.country, apposed)
        else:
            elsewhere = _named_elsewhere(ctx, s0, desc)
            if elsewhere is not None:  # «وأوضح مدير فرع الجمعية» after «مدير فرع الجمعية بأبها فلان»
                s0, desc = elsewhere
    q.speaker_span = Span(*ctx.nt.to_source(s0, desc.end))
    q.speaker_kind, q.speaker_country, q.speaker_sector = desc.kind, desc.country, desc.sector
    placed = _country_inside(ctx, s0, desc.end)
    if placed is not None and (desc.country is None or desc.country == ctx.home):
        q.speaker_country = placed  # «مسؤول في بلدة برايتون», «ضابط رفيع في الأنبار»: where it is
    named = _name_in(ctx, s0, desc.end) if desc.kind == "person" and desc.name_start is None else None
    if named is not None:  # «مدير إدارة العلاقات العامة بالمؤسسة ناصر الدوسري»: the person at its end
        ent, a, b = named
        if ent.link is not None and ent.link.name_en:
            q.speaker, q.speaker_name, q.speaker_actor_id = ent.id, ent.link.name_en, ent.link.id
            q.speaker_name_source = "link"
        else:
            own = _name_words(ctx, *ctx.nt.to_norm(a, b))
            a, b = ctx.nt.to_source(*_whole_name(ctx, *(_fuller(ctx, *own, qs) or own)))
            r = romanize(ctx.article.text[a:b], desc.country or ctx.home)
            if r is not None:
                q.speaker, q.speaker_name, q.speaker_name_source = ent.id, r.latin, "romanized"
    elif desc.name_start is not None and desc.kind == "person":
        own = _name_words(ctx, desc.name_start, desc.end)
        a, b = ctx.nt.to_source(*_whole_name(ctx, *(_fuller(ctx, *own, qs) or own)))
        r = romanize(ctx.article.text[a:b], desc.country or ctx.home)
        if r is not None:
            q.speaker_name, q.speaker_name_source = r.latin, "romanized"
    q.confidence = max(q.confidence, 0.6)
