"""Compile the predicate resource (``data/predicates.tsv``) into one Aho-Corasick matcher.

Every predicate row is expanded by :mod:`marsad.text.morphology` into its
surface forms, normalised to the matching view, and added to a single
automaton. Matching runs over the normalised text; a hit counts when it ends a
word and what precedes it in the word is an allowed proclitic string for the
form's kind (``وس`` before an imperfect, ``بال`` before a verbal noun ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick

from marsad.errors import ResourceError
from marsad.events import ontology
from marsad.text import morphology
from marsad.text.clauses import spaced
from marsad.text.normalize import normalize_string

RESOURCE_VERSION = "predicates-1"

COLUMNS = ("id", "type", "mode", "cameo", "class", "perfect", "imperfect", "passive", "masdars", "frame", "nframe",
           "req", "flags")
WINDOW = 7  # words after the predicate in which a required word must appear


@dataclass(frozen=True, slots=True)
class Frame:
    """Which argument slots give the actor and the recipient.

    Attributes:
        actor: Slots for the actor in order of preference: ``subj``, ``obj``, ``gen`` or a preposition.
        recipient: Slots for the recipient.
        joint: A preposition whose complement joins the actor (``اشتبك X مع Y`` → actors X, Y).
        actor_if_other: Slots that give the actor only when a recipient slot is also filled
            (``زيارة لرئيسي مصر والأردن إلى بغداد``).
    """

    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    joint: str | None = None
    actor_if_other: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Predicate:
    """One row of the predicate resource, compiled."""

    id: str
    type: str
    mode: str | None
    cameo: str
    cls: str
    lemma: str
    perfect: str
    imperfect: str
    passive: str
    masdars: tuple[str, ...]
    frame: Frame | None
    nframe: Frame | None
    req: tuple[str, ...]
    samepass: bool = False
    no3ms: bool = False
    exclude: re.Pattern[str] | None = None
    notnext: tuple[str, ...] = ()
    hamza: bool = False
    needrec: bool = False
    reqwin: int = WINDOW


@dataclass(frozen=True, slots=True)
class Match:
    """A predicate found in the normalised text.

    Attributes:
        start: Start of the word (with its proclitics) in the normalised text.
        end: End of the word.
        stem_start: Start of the form after the proclitics.
        proclitic: The proclitic string (``وس``, ``بال`` ...).
        predicate: The predicate.
        form: The generated form that matched.
    """

    start: int
    end: int
    stem_start: int
    proclitic: str
    predicate: Predicate
    form: morphology.Form

    @property
    def nominal(self) -> bool:
        return self.form.kind == "masdar"


def parse_frame(spec: str) -> Frame | None:
    """Parse ``subj>obj|على``, ``obj>subj``, ``subj+مع>-``, ``gen|ل*>ل|إلى``; ``-`` gives None.

    Raises:
        ResourceError: The spec has no ``>``.
    """
    if spec == "-":
        return None
    if ">" not in spec:
        raise ResourceError(f"frame {spec!r} must read ACTOR>RECIPIENT")
    a, r = spec.split(">", 1)
    joint = None
    if "+" in a:
        a, joint = a.split("+", 1)
    actor: list[str] = []
    extra: list[str] = []
    for slot in a.split("|"):
        if slot.endswith("*"):
            extra.append(normalize_string(slot[:-1]))
        elif slot and slot != "-":
            actor.append(normalize_string(slot))
    rec = tuple(normalize_string(s) for s in r.split("|") if s and s != "-")
    return Frame(tuple(actor), rec, normalize_string(joint) if joint else None, tuple(extra))


def _opt(value: str) -> str:
    return "" if value == "-" else value


def parse_rows(text: str) -> list[Predicate]:
    """Parse the TSV text of the resource.

    Raises:
        ResourceError: A malformed row, unknown type/mode/CAMEO code, or a duplicate id.
    """
    out: list[Predicate] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        parts = line.split("\t")
        if len(parts) != len(COLUMNS):
            raise ResourceError(f"predicates.tsv line {n}: expected {len(COLUMNS)} fields, got {len(parts)}")
        row = dict(zip(COLUMNS, parts, strict=True))
        pid = row["id"]
        if pid in seen:
            raise ResourceError(f"predicates.tsv line {n}: duplicate id {pid!r}")
        seen.add(pid)
        ptype, mode = row["type"], _opt(row["mode"]) or None
        ontology.event_type(ptype)
        if not ontology.is_mode(ptype, mode):
            raise ResourceError(f"predicates.tsv line {n}: {mode!r} is not a mode of {ptype}")
        if row["cameo"] not in ontology.cameo_table():
            raise ResourceError(f"predicates.tsv line {n}: unknown CAMEO code {row['cameo']!r}")
        cls = row["class"]
        if cls not in (*morphology.CLASSES, "noun"):
            raise ResourceError(f"predicates.tsv line {n}: unknown class {cls!r}")
        flags = _opt(row["flags"]).split()
        exclude = None
        notnext: tuple[str, ...] = ()
        reqwin = WINDOW
        for flag in flags:
            if flag.startswith("reqwin="):
                reqwin = int(flag[7:])
            if flag.startswith("excl="):
                exclude = re.compile(normalize_string(flag[5:]))
            elif flag.startswith("notnext="):
                notnext = tuple(normalize_string(w) for w in flag[8:].split("|"))
        masdars = tuple(m for m in _opt(row["masdars"]).split("|") if m)
        perfect = _opt(row["perfect"])
        out.append(
            Predicate(
                id=pid,
                type=ptype,
                mode=mode,
                cameo=row["cameo"],
                cls=cls,
                lemma=perfect or (masdars[0] if masdars else pid),
                perfect=perfect,
                imperfect=_opt(row["imperfect"]),
                passive=_opt(row["passive"]),
                masdars=masdars,
                frame=parse_frame(row["frame"]),
                nframe=parse_frame(row["nframe"]),
                req=tuple(normalize_string(w) for w in _opt(row["req"]).split("|") if w),
                samepass="samepass" in flags,
                no3ms="no3ms" in flags,
                exclude=exclude,
                notnext=notnext,
                hamza="hamza" in flags,
                needrec="needrec" in flags,
                reqwin=reqwin,
            )
        )
    return out


@cache
def load_predicates() -> tuple[Predicate, ...]:
    """The shipped predicate resource.

    Raises:
        ResourceError: The file is missing or malformed.
    """
    try:
        text = resources.files("marsad.events").joinpath("data/predicates.tsv").read_text("utf-8")
    except OSError as exc:  # pragma: no cover - packaging error
        raise ResourceError(f"the predicate resource cannot be read: {exc}") from exc
    return tuple(parse_rows(text))


def predicate_forms(pred: Predicate) -> list[morphology.Form]:
    """Every surface form of one predicate (undiacritised, not yet normalised)."""
    forms: list[morphology.Form] = []
    if pred.cls != "noun":
        forms += morphology.verb_forms(pred.perfect, pred.imperfect, pred.cls, pred.passive)
        if pred.no3ms:
            forms = [f for f in forms if not (f.kind == "perf" and f.person == 3 and f.number == "sg"
                                              and not f.surface.endswith("ت"))]
    for m in pred.masdars:
        forms += morphology.masdar_forms(m)
    return forms


class Lexicon:
    """The compiled matcher over all predicates."""

    def __init__(self, predicates: tuple[Predicate, ...], fold_ta_marbuta: bool = True) -> None:
        self.predicates = predicates
        self.fold_ta_marbuta = fold_ta_marbuta
        table: dict[str, list[tuple[int, morphology.Form]]] = {}
        for i, pred in enumerate(predicates):
            seen: set[tuple[str, str]] = set()
            for form in predicate_forms(pred):
                key = normalize_string(form.surface, fold_ta_marbuta)
                if (key, form.kind) in seen:
                    continue
                seen.add((key, form.kind))
                table.setdefault(key, []).append((i, form))
        self.size = len(table)
        # Keys end with a space and are searched in a view where every non-word character is a space, so a
        # hit always ends a word (no hits inside longer words).
        self._auto = ahocorasick.Automaton()
        for key, refs in table.items():
            self._auto.add_word(key + " ", (key, tuple(refs)))
        self._auto.make_automaton()

    def find(self, norm: str, start: int = 0, end: int | None = None, source: str | None = None,
             offsets: tuple[int, ...] | None = None) -> list[Match]:
        """Predicates in ``norm[start:end]``, one reading per word (all predicates sharing it).

        Args:
            norm: The normalised text.
            start: Where to start.
            end: Where to stop (default: the end).
            source: The source text, to check predicates flagged ``hamza``.
            offsets: The norm→source offset map (None: identity).
        """
        end = len(norm) if end is None else end
        best: dict[int, list[Match]] = {}
        view = spaced(norm[start:end]) + " "
        for stop, (key, refs) in self._auto.iter(view):
            stop += start  # the position of the trailing space
            stem_start = stop - len(key)
            word_start = stem_start
            while word_start > 0 and norm[word_start - 1].isalnum():
                word_start -= 1
                if stem_start - word_start > 4:
                    break
            if word_start > 0 and norm[word_start - 1].isalnum():
                continue
            prefix = norm[word_start:stem_start]
            word = norm[word_start:stop]
            for idx, form in refs:
                pred = self.predicates[idx]
                if prefix not in morphology.PROCLITICS[form.kind]:
                    continue
                if pred.exclude is not None and pred.exclude.search(word):
                    continue
                if source is not None and (pred.hamza or form.suffix == "ه"):
                    s0 = offsets[word_start] if offsets else word_start
                    s1 = offsets[stop - 1] + 1 if offsets else stop
                    if pred.hamza and not any(ch in "أإؤئء" for ch in source[s0:s1]):
                        continue
                    if form.suffix == "ه" and source[s1 - 1:s1] == "ة":  # حياة is not حيّاه
                        continue
                m = Match(word_start, stop, stem_start, prefix, pred, form)
                cur = best.get(word_start)
                if cur is None or len(prefix) < len(cur[0].proclitic):
                    best[word_start] = [m]
                elif len(prefix) == len(cur[0].proclitic):
                    cur.append(m)
        out: list[Match] = []
        for ws in sorted(best):
            out.extend(self._choose(norm, best[ws]))
        return out

    def _choose(self, norm: str, cands: list[Match]) -> list[Match]:
        """Keep the predicates whose required words are present; specific (with req) beats generic."""
        window = _next_words(norm, cands[0].end, WINDOW)
        if window:
            cands = [m for m in cands if not {window[0], _strip(window[0])} & set(m.predicate.notnext)]
        prev = _prev_word(norm, cands[0].start) if cands else ""
        if prev in PREPOSITIONS:  # a word after a preposition is a noun: drop verb readings
            cands = [m for m in cands if m.form.kind == "masdar"]
        specific = []
        for m in cands:
            if m.predicate.req:
                texts = _req_texts(window[:m.predicate.reqwin])
                if any(t.startswith(m.predicate.req) for t in texts):
                    specific.append(m)
        generic = [m for m in cands if not m.predicate.req]
        chosen = specific[:1] if specific else generic
        # one reading per predicate: prefer the verb reading of a bare word, the noun after a noun proclitic
        by_pred: dict[str, Match] = {}
        for m in chosen:
            cur = by_pred.get(m.predicate.id)
            if cur is None or _rank(m) < _rank(cur):
                by_pred[m.predicate.id] = m
        types: dict[str, Match] = {}
        for m in by_pred.values():
            types.setdefault(m.predicate.type, m)
        return list(types.values())


def _rank(m: Match) -> int:
    noun_clitic = any(c in m.proclitic for c in ("ال", "ب", "ك")) or m.proclitic.endswith("لل")
    if m.form.kind == "masdar":
        return 0 if noun_clitic else 1
    return 2 if noun_clitic else 0


_WORD = re.compile(r"\w+")


def _next_words(norm: str, pos: int, n: int) -> list[str]:
    out: list[str] = []
    for m in _WORD.finditer(norm, pos):
        out.append(m.group())
        if len(out) >= n:
            break
    return out


PREPOSITIONS = frozenset(
    normalize_string(w)
    for w in ("في", "على", "من", "إلى", "عن", "مع", "بعد", "قبل", "خلال", "حول", "بشأن", "ضد", "لدى", "عند", "حتى",
              "منذ", "دون", "بين", "عبر", "نحو", "أمام", "إثر", "عقب", "تجاه", "وعلى", "وفي", "ومن", "بسبب")
)


def _prev_word(norm: str, pos: int) -> str:
    i = pos
    while i > 0 and not norm[i - 1].isalnum():
        if norm[i - 1] in ".،؛:!?\n":
            return ""
        i -= 1
    j = i
    while j > 0 and norm[j - 1].isalnum():
        j -= 1
    return norm[j:i]


def _strip(tok: str) -> str:
    for p in _STRIP:
        if tok.startswith(p) and len(tok) > len(p) + 1:
            return tok[len(p):]
    return tok


_STRIP = ("وبال", "وال", "بال", "لل", "ال", "وب", "ول", "و", "ب", "ل", "ف")


def _req_texts(window: list[str]) -> list[str]:
    """Each word of the window (bare and without each proclitic) followed by the rest of the window."""
    out: list[str] = []
    for i, tok in enumerate(window):
        rest = " ".join(window[i + 1:])
        for v in [tok] + [tok[len(p):] for p in _STRIP if tok.startswith(p) and len(tok) > len(p) + 1]:
            out.append(f"{v} {rest}" if rest else v)
    return out


@cache
def lexicon(fold_ta_marbuta: bool = True) -> Lexicon:
    """The compiled lexicon of the shipped resource (built once per process)."""
    return Lexicon(load_predicates(), fold_ta_marbuta)


def iter_surface(pred: Predicate, fold_ta_marbuta: bool = True) -> Iterator[str]:
    """The normalised surface forms of a predicate (for inspection and tests)."""
    for f in predicate_forms(pred):
        yield normalize_string(f.surface, fold_ta_marbuta)
