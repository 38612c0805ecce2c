"""``marsad eval link``: are people and organisations found, typed, named, and put in the right country?

Gold: real units (``gold/real/links.jsonl``, guideline ``docs/annotation/links.md``) read by
:func:`marsad.learn.real.read_units`, items ``{start, end, type, name_en, notable, country, sector,
date_dependent, uncertain?}``. Several files may be given (the first line of an article wins when two files
hold it). The pipeline runs up to ``entities`` and only entities inside the unit are looked at.

Per gold item (``uncertain`` ones left out):

- **found**: a system entity of label PERS, ORG or AGENT (a role or office standing for its holder) overlaps
  it; places (LOC) and MISC are not people or organisations. When several overlap, a linked named mention
  (PERS/ORG linked to an actor) wins over a role agent linked to one, then anything with an answer (a link or a
  NIL description), then the longest overlap;
- **type**: PERS → PER, ORG → ORG; an AGENT takes its link's type (an office holder is PER, a role agent with an
  office PER, a sector collective ORG); counted over found items;
- **name**: the entity's English name (its link's ``name_en``, else its NIL description's) agrees with the
  gold one by :func:`name_skeleton` — :func:`norm_name` (case, diacritics, hyphens and spaces, ``al-``/``el-``,
  a leading ``Saudi``/``the``, parenthesised qualifiers, a trailing ``Al Saud``, Muhammad/Mohammed) without
  vowels and doubled letters (``al-Jafn`` = ``al-Jifn``, ``Fahd`` = ``Fahad``, ``Centre`` = ``Center``); over
  all items. The skeleton is the primary comparison because the two annotators' own name agreement rose from
  0.824 (normalised) to 0.882 with it on ``gold/real/agreement/links.B.jsonl``, and every one of the nine
  pairs it added is the same person or body spelled two ways (docs/annotation/links-agreement.md) — the
  argument ``marsad eval quotes`` makes for speakers. Beside it: *norm* (:func:`norm_name` equal, the primary
  figure before), *strict* (exact string) and *sound* (the looser Arabic-class skeleton of
  :func:`marsad.kb.translit.latin_skeleton`);
- **country** / **sector**: the link's country / sector equals the gold one, over the items whose gold gives
  one (the system's ``JRN`` is the guideline's media ``MED``, its health ``MED`` the guideline's ``HLH``);
- **NIL**: for gold ``notable: false`` the system must not link the mention to a *different* known actor
  (an ``actor:`` link whose normalised name differs); the share that do not;
- **precision**: system PERS/ORG entities, and AGENT entities linked to an actor or an office, inside the unit
  that overlap no gold item are *extra*.

Everything is reported per split, for ``all``, and for ``date_dependent`` true / false. A 95% bootstrap
interval over articles (1,000 resamples, fixed seed) is given for found, name (normalised) and country.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from marsad.article import Article, Entity, Link
from marsad.cli.options import json_option
from marsad.eval.gold import SECTOR_TO_GOLD, below_floors, echo_agreement, gold_kind, read_gold
from marsad.kb.translit import latin_skeleton
from marsad.learn.real import Unit, read_units
from marsad.pipeline import Pipeline

COMPONENTS = ["structure", "sentences", "tokens", "entities"]
LABELS = frozenset({"PERS", "ORG", "AGENT"})
BOOTSTRAP = 1000
#: Spellings of one name that English newspapers use interchangeably.
_SAME = {"muhammad": "mohammed", "mohammad": "mohammed", "mohamed": "mohammed", "muhammed": "mohammed"}
_COUNTS = ("items", "found", "found_typed", "type", "name", "name_strict", "name_norm", "name_skeleton",
           "with_country",
           "country",
           "with_sector", "sector", "nil_items", "nil_ok", "linked_known", "predicted", "extra")


def norm_name(name: str | None) -> str:
    """The comparison form of an English name: ``Al-Hilal FC (Saudi Arabia)`` ≈ ``al hilal fc``.

    Lower case, diacritics and apostrophes dropped, parenthesised qualifiers dropped, a leading ``the`` and
    ``Saudi`` dropped, a trailing ``Al Saud`` dropped, ``al``/``el`` articles dropped, Muhammad/Mohammed/
    Mohamed/Mohammad folded, then every space and hyphen removed (``Abdul Aziz`` = ``Abdulaziz``).
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"['’‘ʿʾ`.,]", "", s)
    s = re.sub(r"[-‐–_/]", " ", s)
    words = s.split()
    while words and words[0] in ("the", "saudi"):
        words = words[1:]
    if len(words) > 2 and words[-2:] == ["al", "saud"]:
        words = words[:-2]  # the dynasty (Mishari bin Saud Al Saud)
    words = [_SAME.get(w, w) for w in words if w not in ("al", "el")]
    return "".join(words)


def name_skeleton(name: str | None) -> str:
    """:func:`norm_name` without vowels (``aeiouyw``) and doubled letters: ``Nasser al-Jafn`` = ``Nasser
    al-Jifn``, ``Fahd`` = ``Fahad``, ``al-Mudhaibri`` = ``al-Mudhaibiri`` (the scorer's name comparison)."""
    k = re.sub(r"[aeiouyw]", "", norm_name(name))
    return re.sub(r"(.)\1+", r"\1", k)


def same_name(a: str | None, b: str | None) -> bool:
    """Do two English names agree by :func:`name_skeleton` (an empty name never agrees)?"""
    sa, sb = name_skeleton(a), name_skeleton(b)
    return bool(sa) and sa == sb


def same_sound(a: str | None, b: str | None) -> bool:
    """A loose name match: the same consonant skeleton after :func:`norm_name` (``al-Jafn`` = ``al-Jifn``,
    ``Fahd`` = ``Fahad``) — romanisation variants of one name; reported beside, never instead of, ``name``."""
    sa, sb = latin_skeleton(norm_name(a)), latin_skeleton(norm_name(b))
    return bool(sa) and sa == sb


def answer(e: Entity) -> Link | None:
    """What the system says the entity is: its knowledge-base link, else its NIL description."""
    return e.link if e.link is not None else e.nil


def sector_of(e: Entity) -> str | None:
    """The entity's sector in the guideline's codes."""
    link = answer(e)
    if link is None or not link.sector:
        return None
    return SECTOR_TO_GOLD.get(link.sector, link.sector)


def type_of(e: Entity) -> str:
    """The guideline type (PER/ORG) of a system entity."""
    if e.label == "PERS":
        return "PER"
    if e.label == "ORG":
        return "ORG"
    link = answer(e)
    if link is not None and link.type == "PERS":
        return "PER"
    if link is not None and link.type == "ORG":
        return "ORG"
    return "PER" if link is not None and link.role else "ORG"


def known(e: Entity) -> bool:
    """Is the entity linked to an actor of the knowledge base (not a role agent, not NIL)?"""
    return e.link is not None and e.link.id.startswith("actor:")


def specific(e: Entity) -> bool:
    """A system entity counted for precision: a named person or organisation, or an agent linked to an actor or
    an office (a sector collective such as ``the army`` is not one specific body)."""
    if e.label in ("PERS", "ORG"):
        return True
    return e.label == "AGENT" and e.link is not None and (known(e) or bool(e.link.role))


@dataclass(slots=True)
class Tally:
    """Counts for one group (a split, ``all``, ``date_dependent`` …)."""

    items: int = 0
    found: int = 0
    found_typed: int = 0
    type: int = 0
    name: int = 0
    name_strict: int = 0
    name_norm: int = 0
    name_skeleton: int = 0
    with_country: int = 0
    country: int = 0
    with_sector: int = 0
    sector: int = 0
    nil_items: int = 0
    nil_ok: int = 0
    linked_known: int = 0
    predicted: int = 0
    extra: int = 0

    def add(self, other: Tally) -> None:
        for k in _COUNTS:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def as_dict(self) -> dict[str, Any]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "items": self.items,
            "found": r(self.found, self.items),
            "type": r(self.type, self.found_typed),
            "name_strict": r(self.name_strict, self.items),
            "name": r(self.name, self.items),
            "name_norm": r(self.name_norm, self.items),
            "name_skeleton": r(self.name_skeleton, self.items),
            "country": r(self.country, self.with_country),
            "sector": r(self.sector, self.with_sector),
            "nil_ok": r(self.nil_ok, self.nil_items),
            "linked_known": r(self.linked_known, self.items),
            "precision": r(self.predicted - self.extra, self.predicted),
            "n_country": self.with_country,
            "n_sector": self.with_sector,
            "n_nil": self.nil_items,
            "extra": self.extra,
        }


@dataclass(slots=True)
class LinkScore:
    groups: dict[str, Tally] = field(default_factory=dict)
    #: per group, per article: that article's tally (for the bootstrap)
    per_article: dict[str, list[Tally]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.groups.setdefault(name, Tally())

    def intervals(self, group: str, n: int = BOOTSTRAP, seed: int = 13) -> dict[str, tuple[float, float]]:
        """95% bootstrap intervals over articles for found, name (by skeleton) and country."""
        arts = self.per_article.get(group, [])
        if len(arts) < 2:
            return {}
        rng = random.Random(seed)
        keys = {"found": ("found", "items"), "name": ("name", "items"), "country": ("country", "with_country")}
        draws: dict[str, list[float]] = {k: [] for k in keys}
        for _ in range(n):
            sample = [arts[rng.randrange(len(arts))] for _ in arts]
            for k, (num, den) in keys.items():
                d = sum(getattr(t, den) for t in sample)
                if d:
                    draws[k].append(sum(getattr(t, num) for t in sample) / d)
        out = {}
        for k, vals in draws.items():
            if vals:
                vals.sort()
                hi = min(len(vals) - 1, int(0.975 * len(vals)))
                out[k] = (round(vals[int(0.025 * len(vals))], 4), round(vals[hi], 4))
        return out


def _best(over: list[Entity], g: tuple[int, int]) -> Entity | None:
    if not over:
        return None

    def rank(e: Entity) -> tuple[int, int, int, int]:
        overlap = min(e.end, g[1]) - max(e.start, g[0])
        return (int(e.label != "AGENT" and known(e)), int(known(e)), int(answer(e) is not None), overlap)

    return max(over, key=rank)


def score_article(art: Article, items: Sequence[dict[str, Any]], unit: tuple[int, int],
                  groups: Sequence[str], score: LinkScore, where: str) -> None:
    """Score one processed article's entities against its gold items inside ``unit``."""
    skip = [(int(it["start"]), int(it["end"])) for it in items if it.get("uncertain")]
    preds = [e for e in art.entities or [] if e.label in LABELS and unit[0] <= e.start and e.end <= unit[1]
             and not any(e.start < b and a < e.end for a, b in skip)]
    tallies: dict[str, Tally] = {}

    def hit(names: Iterable[str], attr: str, ok: bool = True) -> None:
        for name in names:
            t = tallies.setdefault(name, Tally())
            setattr(t, attr, getattr(t, attr) + int(ok))

    used: set[str] = set()
    for it in items:
        if it.get("uncertain"):
            continue
        gs, ge = int(it["start"]), int(it["end"])
        dd = "date_dependent" if it.get("date_dependent") else "not_date_dependent"
        names = [*groups, dd]
        over = [e for e in preds if e.start < ge and gs < e.end]
        used.update(e.id for e in over)
        best = _best(over, (gs, ge))
        surf = art.text[gs:ge]
        gold_name = str(it.get("name_en") or "")
        gold_type = "PER" if str(it.get("type", "")).upper().startswith("PER") else "ORG"
        hit(names, "items")
        hit(names, "found", best is not None)
        link = answer(best) if best is not None else None
        got_name = link.name_en if link is not None else ""
        strict = bool(got_name) and got_name == gold_name
        normed = bool(got_name) and norm_name(got_name) == norm_name(gold_name)
        named = same_name(got_name, gold_name)
        hit(names, "name", named)
        hit(names, "name_strict", strict)
        hit(names, "name_norm", normed)
        hit(names, "name_skeleton", bool(got_name) and same_sound(got_name, gold_name))
        if best is not None:
            hit(names, "found_typed")
            hit(names, "type", type_of(best) == gold_type)
            hit(names, "linked_known", known(best))
        if it.get("country"):
            hit(names, "with_country")
            hit(names, "country", link is not None and link.country == it["country"])
        if it.get("sector"):
            hit(names, "with_sector")
            hit(names, "sector", best is not None and sector_of(best) == it["sector"])
        if it.get("notable") is False:
            hit(names, "nil_items")
            hit(names, "nil_ok", best is None or not known(best) or named)
        if best is None:
            score.misses.append(f"{where}: MISSED {surf!r} ({gold_type} {gold_name}, {it.get('country')})")
        elif not named or (it.get("country") and link is not None and link.country != it["country"]) \
                or link is None:
            got = f"{link.id} {link.name_en!r} ({link.country}/{link.sector})" if link else "unlinked"
            score.misses.append(f"{where}: WRONG {surf!r} as {art.text[best.start:best.end]!r}: expected "
                                f"{gold_name} ({it.get('country')}/{it.get('sector')}), got {got}")
    for e in preds:
        if not specific(e):
            continue
        hit(groups, "predicted")
        if e.id not in used:
            hit(groups, "extra")
            score.misses.append(f"{where}: EXTRA {art.text[e.start:e.end]!r} {e.label} -> "
                                f"{e.link.id if e.link else None} ({e.prov.pattern})")
    for name, t in tallies.items():
        score.tally(name).add(t)
    for name in {*groups, "date_dependent", "not_date_dependent"}:
        score.per_article.setdefault(name, []).append(tallies.get(name, Tally()))


def merge_units(files: Sequence[str], split: str | None = None) -> list[Unit]:
    """The units of several gold files; an article already read from an earlier file (or line) is skipped."""
    seen: set[tuple[str, str]] = set()
    out: list[Unit] = []
    for path in files:
        for u in read_units(path, split=split):
            key = (u.corpus, u.article)
            if key in seen:
                continue
            seen.add(key)
            out.append(u)
    return out


def score_units(units: Iterable[Unit], pipe: Pipeline) -> LinkScore:
    """Run ``pipe`` on each unit's article (unless already processed) and score it."""
    out = LinkScore()
    for u in units:
        if u.doc is None:
            continue
        art = u.doc
        if art.entities is None:
            pipe(art)
        score_article(art, u.items, u.unit, [u.split, "all"], out, f"{u.corpus}:{u.article}")
    return out


def evaluate(files: Sequence[str], split: str | None = None) -> tuple[list[dict[str, str]], LinkScore]:
    """Score the default entities pipeline on real link gold files."""
    for f in files:
        read_gold(f)  # E111 when missing
    pipe = Pipeline.from_names(COMPONENTS)
    return [gold_kind(f) for f in files], score_units(merge_units(files, split), pipe)


# --- agreement between two annotation passes ------------------------------------------------------------


def _kappa(pairs: Sequence[tuple[str, str]]) -> float:
    if not pairs:
        return 0.0
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    cats = {x for p in pairs for x in p}
    pe = sum((sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in cats)
    return round((po - pe) / (1 - pe), 4) if pe < 1 else 1.0


def agreement(a_units: Sequence[Unit], b_units: Sequence[Unit]) -> dict[str, Any]:
    """Mention F1 (exact span and overlap), Cohen's κ on type, and name / country agreement on matched pairs,
    over the articles both passes annotated (B's units joined to A's by article)."""
    a_by = {(u.corpus, u.article): u for u in a_units}
    exact = overlap_pairs = 0
    n_a = n_b = 0
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    pair_where: list[str] = []
    disagreements: list[str] = []
    arts = 0
    for ub in b_units:
        ua = a_by.get((ub.corpus, ub.article))
        if ua is None:
            continue
        arts += 1
        ia = [it for it in ua.items if ub.unit[0] <= int(it["start"]) and int(it["end"]) <= ub.unit[1]]
        ib = [it for it in ub.items if ua.unit[0] <= int(it["start"]) and int(it["end"]) <= ua.unit[1]]
        n_a += len(ia)
        n_b += len(ib)
        free = list(range(len(ib)))
        for x in ia:
            spans = [(k, ib[k]) for k in free
                     if int(ib[k]["start"]) < int(x["end"]) and int(x["start"]) < int(ib[k]["end"])]
            if not spans:
                disagreements.append(f"{ua.split}:{ua.article}: only A {x['start']}-{x['end']} {x.get('name_en')}")
                continue
            k, y = max(spans, key=lambda kv: (kv[1]["start"] == x["start"] and kv[1]["end"] == x["end"],
                                                  -abs(int(kv[1]["start"]) - int(x["start"]))))
            free.remove(k)
            overlap_pairs += 1
            exact += int(y["start"]) == int(x["start"]) and int(y["end"]) == int(x["end"])
            pairs.append((x, y))
            pair_where.append(f"{ua.split}:{ua.article}")
        for k in free:
            y = ib[k]
            disagreements.append(f"{ub.split}:{ub.article}: only B {y['start']}-{y['end']} {y.get('name_en')}")

    def f1(m: int) -> float:
        return round(2 * m / (n_a + n_b), 4) if n_a + n_b else 0.0

    type_pairs = [(str(x.get("type")), str(y.get("type"))) for x, y in pairs]
    name_same = [same_name(x.get("name_en"), y.get("name_en")) for x, y in pairs]
    with_c = [(x.get("country"), y.get("country")) for x, y in pairs]
    for (x, y), same, where in zip(pairs, name_same, pair_where, strict=True):
        if not same or x.get("country") != y.get("country") or x.get("type") != y.get("type"):
            disagreements.append(f"{where} {x.get('start')}-{x.get('end')}: A {x.get('type')} {x.get('name_en')!r} "
                                 f"{x.get('country')} | B {y.get('type')} {y.get('name_en')!r} {y.get('country')}")
    return {
        "articles": arts, "mentions_a": n_a, "mentions_b": n_b,
        "mention_f1_overlap": f1(overlap_pairs), "mention_f1_exact": f1(exact),
        "matched": len(pairs),
        "type_kappa": _kappa(type_pairs),
        "type_agreement": round(sum(a == b for a, b in type_pairs) / len(type_pairs), 4) if type_pairs else 0.0,
        "name_agreement": round(sum(name_same) / len(name_same), 4) if name_same else 0.0,
        "name_agreement_norm": round(sum(norm_name(x.get("name_en")) == norm_name(y.get("name_en"))
                                         for x, y in pairs) / len(pairs), 4) if pairs else 0.0,
        "name_agreement_sound": round(sum(same_sound(x.get("name_en"), y.get("name_en")) for x, y in pairs)
                                         / len(pairs), 4) if pairs else 0.0,
        "name_agreement_strict": round(sum(x.get("name_en") == y.get("name_en") for x, y in pairs) / len(pairs), 4)
        if pairs else 0.0,
        "country_agreement": round(sum(a == b for a, b in with_c) / len(with_c), 4) if with_c else 0.0,
        "country_kappa": _kappa([(str(a), str(b)) for a, b in with_c]),
        "notable_agreement": round(sum(x.get("notable") == y.get("notable") for x, y in pairs) / len(pairs), 4)
        if pairs else 0.0,
        "disagreements": disagreements,
    }


@click.command("link")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@json_option
@click.option("--misses", "show_misses", is_flag=True, help="List missed, wrongly linked and extra mentions.")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Score one split (tune on dev; test is reported, never tuned on).")
@click.option("--agreement", "second", type=click.Path(dir_okay=False), default=None,
              help="Compare the annotation of GOLD with a second pass (B) instead of scoring Marsad.")
def command(gold: tuple[str, ...], as_json: bool, show_misses: bool, split: str | None,
            second: str | None) -> None:
    """Score person and organisation linking on real GOLD.jsonl files (docs/annotation/links.md).

    Reports, per split, for all and by date_dependent: mentions found (PERS/ORG/AGENT overlapping), type,
    English name (by consonant skeleton; normalised and strict beside), country, sector, NIL handling and
    precision, with 95% bootstrap intervals over articles. With --agreement B.jsonl: inter-annotator agreement
    of GOLD against B.
    """
    if second is not None:
        a = [u for f in gold for u in read_units(f, join=False)]
        res = agreement(a, read_units(second, join=False))
        echo_agreement(res, as_json, show_misses, 26)
        return
    kinds, result = evaluate(list(gold), split)
    groups = {k: v.as_dict() for k, v in sorted(result.groups.items())}
    cis = {k: result.intervals(k) for k in groups}
    if as_json:
        click.echo(json.dumps({"gold": kinds, "groups": groups, "ci95": cis}, ensure_ascii=False))
        return
    for kind in kinds:
        click.echo(f"gold  {kind['path']} ({kind['kind']}: {kind['about']})")
    click.echo(f"{'group':<20}{'items':>6}{'found':>7}{'type':>7}{'name':>7}{'norm':>7}{'strict':>7}{'sound':>7}"
               f"{'country':>8}{'sector':>7}{'nil_ok':>7}{'known':>7}{'prec':>7}")
    for name, d in groups.items():
        prec = f"{d['precision']:>7.3f}" if name in ("all", "dev", "test") else f"{'-':>7}"
        click.echo(f"{name:<20}{d['items']:>6}{d['found']:>7.3f}{d['type']:>7.3f}{d['name']:>7.3f}"
                   f"{d['name_norm']:>7.3f}{d['name_strict']:>7.3f}{d['name_skeleton']:>7.3f}{d['country']:>8.3f}{d['sector']:>7.3f}"
                   f"{d['nil_ok']:>7.3f}{d['linked_known']:>7.3f}{prec}")
    for name, ci in cis.items():
        if ci:
            click.echo(f"ci95 {name:<19}" + "  ".join(f"{k} [{lo:.3f}, {hi:.3f}]" for k, (lo, hi) in ci.items()))
    if show_misses:
        for line in result.misses:
            click.echo(line)


def floor_check(files: Sequence[Path], floor: Path, split: str | None = None) -> list[str]:
    """The metrics that fell below ``floor`` (a JSON ``{group: {metric: value}}``)."""
    _, result = evaluate([str(f) for f in files], split)
    return below_floors(floor, lambda group: result.tally(group).as_dict())
