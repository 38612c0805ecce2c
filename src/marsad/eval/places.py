"""``marsad eval places``: are place mentions found, put in the right country and within 25 km?

Two gold formats, told apart by their lines:

- **real** (``gold/real/places.jsonl``): units of real articles read by :func:`marsad.learn.real.read_units`,
  items ``{start, end, name_en, country, feature, geonameid, lat, lon, dateline?, uncertain?}``; scored per
  split (``dev`` and ``test``), with precision inside the units;
- **unit** (``gold/unit/places.jsonl``, made by :mod:`marsad.eval.places_generate`): ``{"text", "source",
  "expected": [{"surface", "country", "lat", "lon", ...}]}``, the k-th expected surface being its k-th
  occurrence in the text.

A gold place is *found* when a place entity (label LOC, or a link with a feature) overlaps it; *geocoded* when
that entity is linked; its *country* is right when the link's country equals the gold one (gold items without
a country are not counted there); *within 25 km* is counted for cities with coordinates. ``uncertain`` items
are left out. Predicted places that overlap no gold item inside a unit are *extra* (precision).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from marsad.article import Article, Entity, Meta
from marsad.cli.options import json_option
from marsad.eval.gold import echo_agreement, gold_error, gold_kind, gold_objects, read_gold
from marsad.pipeline import Pipeline

KM = 25.0
_R_EARTH = 6371.0
COMPONENTS = ["structure", "sentences", "tokens", "entities"]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _R_EARTH * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class Tally:
    """Counts for one split or group."""

    places: int = 0
    found: int = 0
    geocoded: int = 0
    with_country: int = 0
    country: int = 0
    cities: int = 0
    within: int = 0
    predicted: int = 0
    extra: int = 0

    def as_dict(self) -> dict[str, float | int]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "places": self.places,
            "found": r(self.found, self.places),
            "geocoded": r(self.geocoded, self.places),
            "right_country": r(self.country, self.with_country),
            "within_25km": r(self.within, self.cities),
            "precision": r(self.predicted - self.extra, self.predicted),
            "n_country": self.with_country,
            "n_cities": self.cities,
            "extra": self.extra,
        }


@dataclass(slots=True)
class PlacesScore:
    groups: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.groups.setdefault(name, Tally())


@dataclass(slots=True)
class GoldPlace:
    start: int
    end: int
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    name_en: str = ""


def is_place(e: Entity) -> bool:
    """A place entity: label LOC, or linked to something with a feature or coordinates."""
    if e.label == "AGENT":
        return False
    return e.label == "LOC" or (e.link is not None and (e.link.feature is not None or e.link.lat is not None))


def score_article(art: Article, gold: list[GoldPlace], unit: tuple[int, int], groups: list[Tally],
                  misses: list[str], where: str) -> None:
    """Score the entities of one processed article against its gold places inside ``unit``."""
    preds = [e for e in art.entities or [] if is_place(e) and unit[0] <= e.start and e.end <= unit[1]]
    used: set[str] = set()
    for g in gold:
        over = [e for e in preds if e.start < g.end and g.start < e.end]
        linked = [e for e in over if e.link is not None]
        best = linked[0] if linked else (over[0] if over else None)
        surf = art.text[g.start : g.end]
        for t in groups:
            t.places += 1
        used.update(e.id for e in over)
        if best is None:
            misses.append(f"{where}: MISSED {surf!r} ({g.name_en}, {g.country})")
        for t in groups:
            t.found += best is not None
            t.geocoded += best is not None and best.link is not None
        link = best.link if best is not None else None
        if g.country:
            ok = link is not None and link.country == g.country
            for t in groups:
                t.with_country += 1
                t.country += ok
            if best is not None and not ok:
                got = f"{link.id} ({link.country})" if link is not None else "unlinked"
                misses.append(f"{where}: WRONG {surf!r}: expected {g.name_en} ({g.country}), got {got}")
        if g.feature == "city" and g.lat is not None and g.lon is not None:
            near = link is not None and link.lat is not None and link.lon is not None and distance_km(
                g.lat, g.lon, link.lat, link.lon) <= KM
            for t in groups:
                t.cities += 1
                t.within += near
    for e in preds:
        for t in groups:
            t.predicted += 1
            t.extra += e.id not in used
        if e.id not in used:
            misses.append(f"{where}: EXTRA {art.text[e.start:e.end]!r} -> {e.link.id if e.link else None}"
                          f" ({e.source}/{e.prov.pattern}/{e.confidence})")


def _gold_place(item: dict[str, Any], start: int, end: int) -> GoldPlace:
    def num(key: str) -> float | None:
        v = item.get(key)
        return float(v) if isinstance(v, (int, float)) else None

    return GoldPlace(start, end, item.get("country") or None, num("lat"), num("lon"),
                     str(item.get("feature") or ""), str(item.get("name_en") or ""))


def _unit_cases(text: str, source: str) -> list[tuple[Article, list[GoldPlace], dict[str, Any]]]:
    out = []
    for lineno, obj in gold_objects(text, source):
        body = obj.get("text")
        exp = obj.get("expected")
        if not isinstance(body, str) or not body or not isinstance(exp, list):
            raise gold_error(source, lineno, "a unit line needs a non-empty 'text' and an 'expected' list")
        art = Article(f"gold-{lineno}", body, Meta(source=obj.get("source")))
        seen: dict[str, int] = {}
        gold = []
        for item in exp:
            if not isinstance(item, dict) or not isinstance(item.get("surface"), str):
                raise gold_error(source, lineno, "each expected item needs a string 'surface'")
            s = item["surface"]
            pos = -1
            for _ in range(seen.get(s, 0) + 1):
                pos = body.find(s, pos + 1)
                if pos < 0:
                    raise gold_error(source, lineno, f"surface {s!r} is not in the text")
            seen[s] = seen.get(s, 0) + 1
            gold.append(_gold_place(item, pos, pos + len(s)))
        out.append((art, gold, {"line": lineno, "region": str(exp[0].get("region", "")) if exp else ""}))
    return out


def is_real(text: str) -> bool:
    """Does a gold file hold real units (``corpus``/``article``/``unit``) rather than written sentences?"""
    for line in text.splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return False
            return isinstance(obj, dict) and "corpus" in obj and "unit" in obj
    return False


def score_unit(text: str, source: str, pipe: Pipeline) -> PlacesScore:
    out = PlacesScore()
    for art, gold, info in _unit_cases(text, source):
        pipe(art)
        groups = [out.tally("all")] + ([out.tally(info["region"])] if info["region"] else [])
        score_article(art, gold, (0, len(art.text)), groups, out.misses, f"line {info['line']}")
    return out


def score_real(path: str, pipe: Pipeline, split: str | None = None) -> PlacesScore:
    from marsad.learn.real import read_units

    out = PlacesScore()
    for u in read_units(path, split=split):
        if u.doc is None:
            continue
        art = u.doc
        if art.entities is None:
            pipe(art)
        gold = [_gold_place(it, int(it["start"]), int(it["end"])) for it in u.items if not it.get("uncertain")]
        skip = [(int(it["start"]), int(it["end"])) for it in u.items if it.get("uncertain")]
        if skip:  # predictions on uncertain items are neither right nor extra
            art_ents = art.entities or []
            art.entities = [e for e in art_ents if not any(e.start < b and a < e.end for a, b in skip)]
        score_article(art, gold, u.unit, [out.tally(u.split), out.tally("all")], out.misses,
                      f"{u.corpus}:{u.article}")
    return out


def evaluate(gold: str, split: str | None = None) -> tuple[dict[str, str], PlacesScore]:
    """Score the default entities pipeline on a gold file (either format; ``split`` only for real gold)."""
    text, source = read_gold(gold)
    pipe = Pipeline.from_names(COMPONENTS)
    if is_real(text):
        return gold_kind(gold), score_real(gold, pipe, split)
    return gold_kind(gold), score_unit(text, source, pipe)


# --- agreement between two annotation passes ------------------------------------------------------------


def agreement(a_units: Sequence[Any], b_units: Sequence[Any]) -> dict[str, Any]:
    """Agreement of two annotation passes over the same real articles (B's units joined to A's by article).

    Mentions are paired one to one by overlap (:func:`marsad.eval.quotes.pair`); precision and recall are B's
    against A, with overlapping and with exact spans. On the pairs: country agreement and Cohen's κ (a missing
    country is its own label), feature agreement and κ, and the share within 25 km of each other, for pairs
    both passes gave coordinates and for pairs both called a city. ``uncertain`` items of either pass are left
    out, with whatever overlaps them in the other pass. Only the stretch both units cover is compared.
    """
    from marsad.eval.quotes import cohen_kappa, pair

    b_by = {(u.corpus, u.article): u for u in b_units}
    n_a = n_b = exact = articles = uncertain = 0
    pairs: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    disagreements: list[str] = []
    for ua in a_units:
        ub = b_by.get((ua.corpus, ua.article))
        if ub is None:
            continue
        articles += 1
        lo, hi = max(ua.unit[0], ub.unit[0]), min(ua.unit[1], ub.unit[1])
        inside = [[it for it in u.items if lo <= int(it["start"]) and int(it["end"]) <= hi] for u in (ua, ub)]
        unsure = [(int(it["start"]), int(it["end"])) for side in inside for it in side if it.get("uncertain")]
        uncertain += sum(bool(it.get("uncertain")) for side in inside for it in side)
        ia, ib = ([it for it in side if not any(int(it["start"]) < e and s < int(it["end"]) for s, e in unsure)]
                  for side in inside)
        n_a += len(ia)
        n_b += len(ib)
        where = f"{ua.split}:{ua.article}"
        done_a: set[int] = set()
        done_b: set[int] = set()
        spans_a = [(int(x["start"]), int(x["end"])) for x in ia]
        for i, j in pair(spans_a, [(int(y["start"]), int(y["end"])) for y in ib]):
            x, y = ia[i], ib[j]
            done_a.add(i)
            done_b.add(j)
            pairs.append((x, y, where))
            if (x["start"], x["end"]) == (y["start"], y["end"]):
                exact += 1
            else:
                disagreements.append(f"{where} span: A {x['start']}-{x['end']} | B {y['start']}-{y['end']} "
                                     f"({x.get('name_en')})")
        disagreements += [f"{where} only A: {x['start']}-{x['end']} {x.get('name_en')} ({x.get('feature')})"
                          for i, x in enumerate(ia) if i not in done_a]
        disagreements += [f"{where} only B: {y['start']}-{y['end']} {y.get('name_en')} ({y.get('feature')})"
                          for j, y in enumerate(ib) if j not in done_b]

    def r(a: float, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    countries = [(x.get("country"), y.get("country")) for x, y, _ in pairs]
    features = [(x.get("feature"), y.get("feature")) for x, y, _ in pairs]
    near: list[bool] = []
    near_city: list[bool] = []
    for x, y, where in pairs:
        if x.get("country") != y.get("country"):
            disagreements.append(f"{where} country: {x['start']}-{x['end']} A {x.get('country')} | "
                                 f"B {y.get('country')} ({x.get('name_en')} | {y.get('name_en')})")
        if x.get("feature") != y.get("feature"):
            disagreements.append(f"{where} feature: {x['start']}-{x['end']} A {x.get('feature')} | "
                                 f"B {y.get('feature')} ({x.get('name_en')} | {y.get('name_en')})")
        if all(isinstance(v.get(k), (int, float)) for v in (x, y) for k in ("lat", "lon")):
            km = distance_km(float(x["lat"]), float(x["lon"]), float(y["lat"]), float(y["lon"]))
            near.append(km <= KM)
            if x.get("feature") == y.get("feature") == "city":
                near_city.append(km <= KM)
            if km > KM:
                disagreements.append(f"{where} far: {x['start']}-{x['end']} {round(km)} km apart "
                                     f"({x.get('name_en')} | {y.get('name_en')})")
    m = len(pairs)
    return {
        "articles": articles, "mentions_a": n_a, "mentions_b": n_b, "uncertain_left_out": uncertain,
        "matched": m, "exact": exact,
        "precision_b": r(m, n_b), "recall_b": r(m, n_a), "f1": r(2 * m, n_a + n_b),
        "precision_b_exact": r(exact, n_b), "recall_b_exact": r(exact, n_a), "f1_exact": r(2 * exact, n_a + n_b),
        "country_agreement": r(sum(a == b for a, b in countries), m), "country_kappa": cohen_kappa(countries),
        "feature_agreement": r(sum(a == b for a, b in features), m), "feature_kappa": cohen_kappa(features),
        "within_25km": r(sum(near), len(near)), "n_coordinates": len(near),
        "within_25km_cities": r(sum(near_city), len(near_city)), "n_cities": len(near_city),
        "disagreements": disagreements,
    }


@click.command("places")
@click.argument("gold", type=click.Path(dir_okay=False))
@json_option
@click.option("--misses", "show_misses", is_flag=True, help="List missed, wrongly resolved and extra places.")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Real gold only: score one split (tune on dev; test is reported, never tuned on).")
@click.option("--agreement", "second", type=click.Path(dir_okay=False), default=None,
              help="Compare the annotation of real GOLD with a second pass (B) instead of scoring Marsad.")
def command(gold: str, as_json: bool, show_misses: bool, split: str | None, second: str | None) -> None:
    """Score place recognition and resolution on GOLD.jsonl (real units or written sentences).

    Reports, per split (real gold) or per region (generated gold): places found (overlap), geocoded,
    right country, within 25 km (cities) and precision. With --agreement B.jsonl: inter-annotator agreement
    of GOLD against B (mention F1, Cohen's κ of country and feature, within 25 km); --misses lists the
    disagreements.
    """
    if second is not None:
        from marsad.learn.real import read_units

        res = agreement(read_units(gold, split=split, join=False), read_units(second, split=split, join=False))
        echo_agreement(res, as_json, show_misses, 22)
        return
    kind, result = evaluate(gold, split)
    groups = {k: v.as_dict() for k, v in sorted(result.groups.items())}
    if as_json:
        click.echo(json.dumps({"gold": kind, "groups": groups}, ensure_ascii=False))
        return
    click.echo(f"gold  {kind['path']} ({kind['kind']}: {kind['about']})")
    click.echo(f"{'group':<8}{'places':>8}{'found':>8}{'geocoded':>10}{'country':>9}{'≤25km':>8}{'precision':>11}")
    for name, d in groups.items():
        click.echo(f"{name:<8}{d['places']:>8}{d['found']:>8.3f}{d['geocoded']:>10.3f}{d['right_country']:>9.3f}"
                   f"{d['within_25km']:>8.3f}{d['precision']:>11.3f}")
    if show_misses:
        for line in result.misses:
            click.echo(line)


def floor_check(gold: Path, floor: Path) -> list[str]:
    """The metrics of ``gold`` that fell below ``floor`` (a JSON ``{group: {metric: value}}``)."""
    _, result = evaluate(str(gold))
    want = json.loads(floor.read_text("utf-8"))
    low = []
    for group, metrics in want.items():
        got = result.tally(group).as_dict()
        for k, v in metrics.items():
            if float(got[k]) < float(v):
                low.append(f"{group}.{k} {got[k]} < floor {v}")
    return low
