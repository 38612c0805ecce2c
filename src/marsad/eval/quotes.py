"""``marsad eval quotes``: are the quotations of real articles found, and given to the right speaker?

Gold is real units (``gold/real/quotes.jsonl`` and its parts, read by :func:`marsad.learn.real.read_units`), one
line an article, in the format of ``docs/annotation/quotes.md``: items ``{start, end, kind, cue, speaker,
speaker_en, speaker_kind, speaker_country, speaker_sector, speaker_carried, uncertain?}`` and ``non_quotes``
``[{start, end, reason}]``. The pipeline (structure, sentences, tokens, entities, quotes) runs on the whole
article; system quotes that start inside the unit are scored.

- **Found**: a gold quote is found when a system quote overlaps its content span; gold and system quotes are
  paired one to one, the pairs with the greatest overlap first.
- **Boundary**: on matched pairs, the mean character Jaccard of the two content spans and the share of pairs
  with Jaccard ≥ 0.8.
- **Kind**: ``direct`` vs ``reported`` (the system's ``direct`` flag). **Cue**: the two cue spans overlap, or
  both are null (a headline ``SPEAKER: words``).
- **Speaker span** (gold speaker not null): the system's ``speaker_span`` overlaps the gold speaker span, or
  another mention of the *same* speaker: the speaker span of another gold item of the article with the same
  speaker (same normalised ``speaker_en``; for unnamed speakers the same surface), or another occurrence of a
  named speaker's gold surface in the article (``منصور التركي`` named twice). A different descriptor of the
  same person that no gold item marks does not count.
- **Speaker name** (gold ``speaker_en`` not null): :func:`name_key` of the system's ``speaker_name`` equals the
  gold one's (case, hyphens, apostrophes, diacritics and ``al-``/``el-`` prefixes ignored).
  Beside it, ``speaker_name_loose`` compares :func:`name_skeleton` (vowels and doubled letters dropped), since
  two careful annotators romanise the same name differently (Rifaat/Refaat) about one time in four.
- **Speaker country** (gold country not null): equal codes. Sectors are compared after translating the
  guideline's MED (media) and HLH (health) into Marsad's JRN and MED (:data:`GOLD_SECTOR`).
- **Speaker right**: for a person with an English name, the name is right — by :func:`name_skeleton`, the
  comparison under which the two annotation passes agree more (0.829 against 0.748 by :func:`name_key` on the 111
  quotes of the 40 doubly annotated articles, every skeleton-only agreement the same person spelled two ways:
  Rifaat/Refaat, Mutash/Mutaish), so that it measures transliteration noise no more than humans make; the same
  figure with exact names is ``speaker_strict`` beside it; for a body, its name is right, or
  its mention (speaker span) together with country and sector (English names of bodies are translations no two
  writers word alike: ``Kuwaiti authorities``, ``Kuwait government``); otherwise (anonymous sources, unnamed
  people) country and sector are both right (null equals null); a gold quote with no speaker at all is right
  when the system gives none. Reported over matched pairs and, end to end, over all
  gold quotes (``found_and_speaker``).
- **False quotations**: system quotes matching no gold quote, as a share of the system quotes in the units;
  how many of them overlap a gold ``non_quotes`` stretch is reported beside it.

``uncertain`` gold items are left out, and system quotes overlapping them are neither right nor false. Found,
speaker right and the false share get a bootstrap 95% interval over articles (1,000 resamples, fixed seed).

:func:`agreement` compares two annotation passes (``gold/real/agreement/quotes.B.jsonl`` against the first
pass): quote-level F1 (the same one-to-one overlap pairing), Cohen's κ of ``kind`` and ``speaker_kind`` over
matched pairs, and how often the two speakers agree (span overlap, name, country, sector).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import click
import numpy as np

from marsad.article import Article, Quote
from marsad.cli.options import json_option
from marsad.errors import UsageError
from marsad.eval.gold import GOLD_SECTOR, below_floors, gold_kind

COMPONENTS = ["structure", "sentences", "tokens", "entities", "quotes"]
GOOD_JACCARD = 0.8
RESAMPLES = 1000
SEED = 15


def name_key(name: str | None) -> str:
    """An English name in comparable form: lower case, no diacritics, no hyphens or ``al-``/``el-`` prefixes.

    ``Mansour Al-Turki``, ``mansour al turki`` and ``Mansour Turki`` give the same key, ``Ṣāliḥ`` and ``Salih``,
    ``Abdul-Aziz`` and ``Abdulaziz``, ``Nabil al-Araby`` and ``Nabil Elaraby`` too (spaces are dropped).
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[ʿʾ'’‘`]", "", s.lower())
    s = re.sub(r"[-‐–_.,]", " ", s)
    toks = [t for t in s.split() if t not in ("al", "el", "the")]
    # a glued article (Elaraby, Alhamad) goes too: longer names only, so that Alaa or Ali stay whole
    toks = [t[2:] if len(t) >= 6 and t[:2] in ("al", "el") else t for t in toks]
    return "".join(toks)


def name_skeleton(name: str | None) -> str:
    """A looser key: :func:`name_key` without vowels and doubled letters (Rifaat/Refaat, Mutash/Mutaish,
    Mohammed/Mohammad; also Mahmoud, which is why the exact-name figures are printed beside it)."""
    k = re.sub(r"[aeiouyw]", "", name_key(name))
    return re.sub(r"(.)\1+", r"\1", k)


def _span(v: Any) -> tuple[int, int] | None:
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
        return int(v[0]), int(v[1])
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character Jaccard of two spans."""
    inter = _overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0]) if inter else (a[1] - a[0]) + (b[1] - b[0])
    return inter / union if union else 0.0


def pair(gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, system index)`` of overlapping spans, the greatest overlaps first."""
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = _overlap(g, s)
            if ov > 0:
                cands.append((-ov, -jaccard(g, s), i, j))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, i, j in cands:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append((i, j))
    return sorted(out)


@dataclass(slots=True)
class Tally:
    """Counts for one split."""

    articles: int = 0
    gold: int = 0
    found: int = 0
    jaccard_sum: float = 0.0
    jaccard_good: int = 0
    kind: int = 0
    cue: int = 0
    with_speaker: int = 0
    speaker_span: int = 0
    with_name: int = 0
    name: int = 0
    name_loose: int = 0
    with_country: int = 0
    country: int = 0
    speaker: int = 0
    speaker_strict: int = 0
    system: int = 0
    false: int = 0
    false_on_non_quotes: int = 0
    # per article (gold, found, speaker right, system, false) for the bootstrap
    per_article: list[tuple[int, int, int, int, int]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name == "per_article":
                self.per_article.extend(other.per_article)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def interval(self, num: int, den: int) -> tuple[float, float]:
        """Bootstrap 95% interval of sum(column num) / sum(column den) over articles."""
        if not self.per_article:
            return (0.0, 0.0)
        arr = np.array(self.per_article, dtype=float)
        rng = np.random.default_rng(SEED)
        idx = rng.integers(0, len(arr), size=(RESAMPLES, len(arr)))
        n = arr[idx, num].sum(axis=1)
        d = arr[idx, den].sum(axis=1)
        r = np.where(d > 0, n / np.maximum(d, 1), np.nan)  # a resample with nothing to count is left out
        if np.isnan(r).all():
            return (0.0, 0.0)
        lo, hi = np.nanpercentile(r, [2.5, 97.5])
        return (round(float(lo), 4), round(float(hi), 4))

    def as_dict(self) -> dict[str, Any]:
        def r(a: float, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "articles": self.articles,
            "gold": self.gold,
            "found": r(self.found, self.gold),
            "found_ci": self.interval(1, 0),
            "jaccard": r(self.jaccard_sum, self.found),
            "jaccard_ge_0.8": r(self.jaccard_good, self.found),
            "kind": r(self.kind, self.found),
            "cue": r(self.cue, self.found),
            "speaker_span": r(self.speaker_span, self.with_speaker),
            "speaker_name": r(self.name, self.with_name),
            "speaker_name_loose": r(self.name_loose, self.with_name),
            "speaker_country": r(self.country, self.with_country),
            "speaker": r(self.speaker, self.found),
            "speaker_ci": self.interval(2, 1),
            "speaker_strict": r(self.speaker_strict, self.found),
            "found_and_speaker": r(self.speaker, self.gold),
            "system": self.system,
            "false": r(self.false, self.system),
            "false_ci": self.interval(4, 3),
            "false_n": self.false,
            "false_on_non_quotes": self.false_on_non_quotes,
            "n_speaker": self.with_speaker,
            "n_name": self.with_name,
            "n_country": self.with_country,
        }


@dataclass(slots=True)
class QuotesScore:
    groups: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.groups.setdefault(name, Tally())


def _same_speaker(a: dict[str, Any], b: dict[str, Any], text: str) -> bool:
    ka, kb = name_key(a.get("speaker_en")), name_key(b.get("speaker_en"))
    if ka or kb:
        return ka == kb
    sa, sb = _span(a.get("speaker")), _span(b.get("speaker"))
    return sa is not None and sb is not None and text[sa[0]:sa[1]].strip() == text[sb[0]:sb[1]].strip()


def speaker_mentions(item: dict[str, Any], items: Sequence[dict[str, Any]], text: str) -> list[tuple[int, int]]:
    """The spans a system speaker may overlap to be right: the gold speaker span and the other mentions of the
    same speaker (other gold items' speaker spans for the same speaker; other occurrences of a named speaker's
    surface)."""
    sp = _span(item.get("speaker"))
    if sp is None:
        return []
    out = [sp]
    for other in items:
        osp = _span(other.get("speaker"))
        if other is not item and osp is not None and osp != sp and _same_speaker(item, other, text):
            out.append(osp)
    surface = text[sp[0]:sp[1]].strip()
    if item.get("speaker_en") and len(surface) >= 3:
        for m in re.finditer(re.escape(surface), text):
            if (m.start(), m.end()) not in out:
                out.append((m.start(), m.end()))
    return out


def gold_sector(item: dict[str, Any]) -> str | None:
    """The gold speaker sector in Marsad's codes (:data:`GOLD_SECTOR`)."""
    sec = item.get("speaker_sector") or None
    return GOLD_SECTOR.get(sec, sec) if sec else None


def same_name(gold: str | None, system: str | None, strict: bool = False) -> bool:
    """Do two English names of a speaker agree: by :func:`name_skeleton` (the primary comparison, see the module's
    docstring), or with ``strict`` by :func:`name_key`? A missing system name never agrees."""
    if not system:
        return False
    if name_key(gold) == name_key(system):
        return True
    return not strict and name_skeleton(gold) == name_skeleton(system)


def speaker_right(item: dict[str, Any], q: Quote, span_ok: bool, strict: bool = False) -> bool:
    """Is the system speaker the gold one?

    A person with an English name: the name (:func:`same_name`, exact with ``strict``). A body: its name, or
    (English names of bodies are translations — ``Kuwaiti authorities``, ``the Interior Ministry`` — that no two
    writers word alike) the right mention
    (``span_ok``) with the right country and sector. Anyone else (anonymous sources, unnamed people): country
    and sector. No gold speaker at all: no system speaker.
    """
    if _span(item.get("speaker")) is None and not item.get("speaker_en"):
        return q.speaker_span is None and not q.speaker_name
    codes = (item.get("speaker_country") or None) == q.speaker_country and gold_sector(item) == q.speaker_sector
    if item.get("speaker_en"):
        named = same_name(item.get("speaker_en"), q.speaker_name, strict)
        return named or (item.get("speaker_kind") == "body" and span_ok and codes)
    return codes


def _cue_right(item: dict[str, Any], q: Quote) -> bool:
    cue = _span(item.get("cue"))
    if cue is None:
        return q.cue is None
    return q.cue is not None and _overlap(cue, (q.cue.start, q.cue.end)) > 0


def _short(text: str, a: int, b: int, n: int = 60) -> str:
    s = text[a:b].replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def score_article(art: Article, items: list[dict[str, Any]], non_quotes: list[dict[str, Any]],
                  unit: tuple[int, int], misses: list[str], where: str) -> Tally:
    """Score the quotes of one processed article against its gold items inside ``unit``."""
    t = Tally(articles=1)
    text = art.text
    gold = [it for it in items if not it.get("uncertain")]
    unsure = [(int(it["start"]), int(it["end"])) for it in items if it.get("uncertain")]
    system = [q for q in art.quotes or [] if unit[0] <= q.start < unit[1]
              and not any(_overlap((q.start, q.end), u) for u in unsure)]
    gspans = [(int(it["start"]), int(it["end"])) for it in gold]
    pairs = pair(gspans, [(q.start, q.end) for q in system])
    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    t.gold, t.found, t.system = len(gold), len(pairs), len(system)
    for i, it in enumerate(gold):
        if i not in matched_g:
            misses.append(f"{where}: MISSED {it.get('kind')} {_short(text, *gspans[i])!r} "
                          f"(speaker {it.get('speaker_en') or _surface(text, it.get('speaker'))})")
    for i, j in pairs:
        it, q = gold[i], system[j]
        jac = jaccard(gspans[i], (q.start, q.end))
        t.jaccard_sum += jac
        t.jaccard_good += jac >= GOOD_JACCARD
        kind_ok = (it.get("kind") == "direct") == q.direct
        t.kind += kind_ok
        t.cue += _cue_right(it, q)
        notes = []
        if jac < GOOD_JACCARD:
            notes.append(f"boundary {jac:.2f}: system {_short(text, q.start, q.end)!r}")
        if not kind_ok:
            notes.append(f"kind {it.get('kind')} vs {'direct' if q.direct else 'reported'}")
        span_ok = False
        if _span(it.get("speaker")) is not None:
            t.with_speaker += 1
            ok = span_ok = q.speaker_span is not None and any(
                _overlap(m, (q.speaker_span.start, q.speaker_span.end)) for m in speaker_mentions(it, gold, text))
            t.speaker_span += ok
            if not ok:
                got = _surface(text, q.speaker_span) if q.speaker_span else None
                notes.append(f"speaker span {_surface(text, it.get('speaker'))!r} vs {got!r}")
        if it.get("speaker_en"):
            t.with_name += 1
            ok = name_key(it.get("speaker_en")) == name_key(q.speaker_name)
            t.name += ok
            t.name_loose += bool(q.speaker_name) and name_skeleton(it.get("speaker_en")) == name_skeleton(
                q.speaker_name)
            if not ok:
                notes.append(f"name {it.get('speaker_en')!r} vs {q.speaker_name!r}")
        if it.get("speaker_country"):
            t.with_country += 1
            ok = it.get("speaker_country") == q.speaker_country
            t.country += ok
            if not ok:
                notes.append(f"country {it.get('speaker_country')} vs {q.speaker_country}")
        sp_ok = speaker_right(it, q, span_ok)
        t.speaker += sp_ok
        t.speaker_strict += speaker_right(it, q, span_ok, strict=True)
        if not sp_ok and (not it.get("speaker_en") or it.get("speaker_kind") == "body"):
            notes.append(f"country/sector {it.get('speaker_country')}/{it.get('speaker_sector')} vs "
                         f"{q.speaker_country}/{q.speaker_sector}")
        if notes:
            misses.append(f"{where}: WRONG {_short(text, *gspans[i])!r}: " + "; ".join(notes))
    nq = [(int(n["start"]), int(n["end"])) for n in non_quotes]
    for j, q in enumerate(system):
        if j in matched_s:
            continue
        t.false += 1
        on_nq = any(_overlap((q.start, q.end), s) for s in nq)
        t.false_on_non_quotes += on_nq
        misses.append(f"{where}: FALSE {'direct' if q.direct else 'reported'} {_short(text, q.start, q.end)!r}"
                      f"{' (a gold non-quote)' if on_nq else ''} ({q.prov.pattern})")
    t.per_article.append((t.gold, t.found, t.speaker, t.system, t.false))
    return t


def _surface(text: str, sp: Any) -> str | None:
    if sp is None:
        return None
    s = _span(sp) if not hasattr(sp, "start") else (sp.start, sp.end)
    return text[s[0]:s[1]] if s is not None else None


def load_units(paths: Iterable[str | Path], split: str | None = None) -> list[Any]:
    """The units of one or more real gold files; an article given twice keeps its last line."""
    from marsad.learn.real import read_units

    by_id: dict[tuple[str, str], Any] = {}
    for p in paths:
        for u in read_units(p, split=split):
            by_id[(u.corpus, u.article)] = u
    return list(by_id.values())


def score_units(units: Sequence[Any], pipe: Any = None) -> QuotesScore:
    """Run the quotes pipeline on each unit's article and score it (groups: each split and ``all``)."""
    from marsad.pipeline import Pipeline

    pipe = pipe or Pipeline.from_names(COMPONENTS)
    out = QuotesScore()
    for u in units:
        if u.doc is None:
            continue
        art = u.doc
        if art.quotes is None:
            pipe(art)
        t = score_article(art, u.items, list(u.extra.get("non_quotes") or []), u.unit, out.misses,
                          f"{u.corpus}:{u.article}")
        out.tally(u.split).add(t)
        out.tally("all").add(t)
    return out


def evaluate(paths: Sequence[str], split: str | None = None) -> tuple[list[dict[str, str]], QuotesScore]:
    """Score the quotes pipeline on real gold files."""
    return [gold_kind(p) for p in paths], score_units(load_units(paths, split))


# --- agreement between two annotation passes ---------------------------------------------------------------


def cohen_kappa(pairs: Sequence[tuple[Any, Any]]) -> float:
    """Cohen's κ of two raters' labels (``None`` is a label of its own); 1.0 when both always agree on one."""
    n = len(pairs)
    if not n:
        return 0.0
    po = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return round((po - pe) / (1 - pe), 4) if pe < 1 else 1.0


def agreement(a_units: Sequence[Any], b_units: Sequence[Any]) -> dict[str, Any]:
    """Agreement of two passes over the same articles (only articles both passes annotated are compared)."""
    b_by = {(u.corpus, u.article): u for u in b_units}
    n_a = n_b = matched = 0
    articles = 0
    jac = 0.0
    kinds: list[tuple[Any, Any]] = []
    skinds: list[tuple[Any, Any]] = []
    span_ok = span_n = name_ok = name_n = loose_ok = country_ok = country_n = sector_ok = sector_n = 0
    for ua in a_units:
        ub = b_by.get((ua.corpus, ua.article))
        if ub is None:
            continue
        articles += 1
        ia = [it for it in ua.items if not it.get("uncertain")]
        ib = [it for it in ub.items if not it.get("uncertain")]
        n_a += len(ia)
        n_b += len(ib)
        sa = [(int(it["start"]), int(it["end"])) for it in ia]
        sb = [(int(it["start"]), int(it["end"])) for it in ib]
        for i, j in pair(sa, sb):
            matched += 1
            x, y = ia[i], ib[j]
            jac += jaccard(sa[i], sb[j])
            kinds.append((x.get("kind"), y.get("kind")))
            skinds.append((x.get("speaker_kind"), y.get("speaker_kind")))
            px, py = _span(x.get("speaker")), _span(y.get("speaker"))
            if px is not None or py is not None:
                span_n += 1
                span_ok += px is not None and py is not None and _overlap(px, py) > 0
            if x.get("speaker_en") or y.get("speaker_en"):
                name_n += 1
                name_ok += name_key(x.get("speaker_en")) == name_key(y.get("speaker_en"))
                loose_ok += name_skeleton(x.get("speaker_en")) == name_skeleton(y.get("speaker_en"))
            if x.get("speaker_country") or y.get("speaker_country"):
                country_n += 1
                country_ok += x.get("speaker_country") == y.get("speaker_country")
            if x.get("speaker_sector") or y.get("speaker_sector"):  # both passes write the guideline's codes
                sector_n += 1
                sector_ok += x.get("speaker_sector") == y.get("speaker_sector")

    def r(a: float, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "articles": articles, "quotes_a": n_a, "quotes_b": n_b, "matched": matched,
        "precision_b": r(matched, n_b), "recall_b": r(matched, n_a), "f1": r(2 * matched, n_a + n_b),
        "jaccard": r(jac, matched),
        "kappa_kind": cohen_kappa(kinds), "kappa_speaker_kind": cohen_kappa(skinds),
        "speaker_span": r(span_ok, span_n), "speaker_name": r(name_ok, name_n),
        "speaker_name_loose": r(loose_ok, name_n),
        "speaker_country": r(country_ok, country_n), "speaker_sector": r(sector_ok, sector_n),
        "n_speaker_span": span_n, "n_speaker_name": name_n, "n_speaker_country": country_n,
        "n_speaker_sector": sector_n,
    }


_COLUMNS = (("gold", "gold", "d"), ("found", "found", ".3f"), ("jacc", "jaccard", ".3f"),
            ("j≥.8", "jaccard_ge_0.8", ".3f"), ("kind", "kind", ".3f"), ("cue", "cue", ".3f"),
            ("spk-span", "speaker_span", ".3f"), ("name", "speaker_name", ".3f"),
            ("~name", "speaker_name_loose", ".3f"),
            ("country", "speaker_country", ".3f"), ("speaker", "speaker", ".3f"), ("=speaker", "speaker_strict", ".3f"),
            ("sys", "system", "d"),
            ("false", "false", ".3f"))


@click.command("quotes")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@json_option
@click.option("--misses", "show_misses", is_flag=True,
              help="List missed quotes, wrong boundaries/kinds/cues/speakers and false quotations.")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Score one split (tune on dev; test is reported, never tuned on).")
@click.option("--agreement", "other", type=click.Path(dir_okay=False), default=None,
              help="Compare GOLD (first pass) with this second pass instead of scoring Marsad.")
def command(gold: tuple[str, ...], as_json: bool, show_misses: bool, split: str | None, other: str | None) -> None:
    """Score quotation attribution on real gold GOLD.jsonl... (several files may be given).

    Reports per split: gold quotes found (overlap, one to one), boundary Jaccard, kind, cue, speaker span,
    speaker name and country, speaker right overall, and false quotations (share of system output, and how
    many fall on gold non-quotes), with bootstrap 95% intervals by article. With --agreement B.jsonl it
    reports instead the agreement of two annotation passes (quote F1, Cohen's κ of kind and speaker kind,
    speaker agreement).
    """
    kinds = [gold_kind(p) for p in gold]
    if other is not None:
        if show_misses:
            raise UsageError("--misses does not apply to --agreement")
        res = agreement(load_units(gold, split), load_units([other], split))
        if as_json:
            click.echo(json.dumps({"gold": kinds, "other": gold_kind(other), "agreement": res}, ensure_ascii=False))
            return
        for k in kinds:
            click.echo(f"gold   {k['path']} ({k['kind']}: {k['about']})")
        click.echo(f"other  {other}")
        for key, val in res.items():
            click.echo(f"{key:<20}{val}")
        return
    kinds, result = evaluate(list(gold), split)
    groups = {k: v.as_dict() for k, v in sorted(result.groups.items())}
    if as_json:
        click.echo(json.dumps({"gold": kinds, "groups": groups}, ensure_ascii=False))
        return
    for k in kinds:
        click.echo(f"gold  {k['path']} ({k['kind']}: {k['about']})")
    click.echo(f"{'group':<6}" + "".join(f"{h:>9}" for h, _, _ in _COLUMNS))
    for name, d in groups.items():
        click.echo(f"{name:<6}" + "".join(f"{d[key]:>9{fmt}}" for _, key, fmt in _COLUMNS))
    for name, d in groups.items():
        click.echo(f"{name}: found {d['found']:.3f} {list(d['found_ci'])}, speaker {d['speaker']:.3f} "
                   f"{list(d['speaker_ci'])} (exact names {d['speaker_strict']:.3f}; end to end "
                   f"{d['found_and_speaker']:.3f}), false {d['false']:.3f} "
                   f"{list(d['false_ci'])} ({d['false_n']} of {d['system']}, {d['false_on_non_quotes']} on gold "
                   f"non-quotes); {d['articles']} articles")
    if show_misses:
        for line in result.misses:
            click.echo(line)


def floor_check(gold: Sequence[Path], floor: Path) -> list[str]:
    """The metrics that fell below ``floor`` (JSON ``{group: {metric: value}}``; ``false`` is a ceiling)."""
    _, result = evaluate([str(p) for p in gold])
    return below_floors(floor, lambda group: result.tally(group).as_dict(), ceilings=frozenset({"false"}))
