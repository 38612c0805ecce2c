"""``marsad eval events``: sentence-level event detection and actor coding against a gold file.

A gold file is JSON Lines, one sentence (or short text) per line::

    {"id": "consult-01", "text": "...", "published": "2017-11-21" or null,
     "event_type": "CONSULT", "label": true,
     "actor": {"country": "SYR", "sector": "GOV"} or null,
     "recipient": {"country": "RUS", "sector": null} or null}

The whole pipeline (every available component) runs on each text. A line is a
*positive prediction* for its ``event_type`` when Marsad codes at least one event
of that type that is neither ``negated`` nor ``hypothetical``. Per type: precision, recall, F1 and support
(gold positives). On true positives whose gold gives actor or recipient codes, the
best-matching event of that type (most codes right) is scored for actor country,
actor sector, recipient country and recipient sector.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import click

from marsad.article import Article, Event, Meta
from marsad.cli.options import json_option
from marsad.errors import MissingRequirementError
from marsad.eval.gold import gold_error, gold_kind, gold_objects, read_gold
from marsad.events import ontology


@dataclass(frozen=True, slots=True)
class Codes:
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One gold sentence."""

    line: int
    id: str
    text: str
    published: date | None
    event_type: str
    label: bool
    actor: Codes | None
    recipient: Codes | None


@dataclass(slots=True)
class Acc:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def value(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass(slots=True)
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0
    acc: dict[str, Acc] = field(default_factory=lambda: {k: Acc() for k in (
        "actor_country", "actor_sector", "recipient_country", "recipient_sector")})

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                               "support": self.support}
        for k, a in self.acc.items():
            out[f"{k}_acc"] = a.value
        return out


# Events with these auxiliary modes did not happen and do not count as a detection.
NOT_HAPPENED = frozenset({"negated", "hypothetical"})


def _codes(obj: Any, source: str, line: int, name: str) -> Codes | None:
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise gold_error(source, line, f"'{name}' must be an object with 'country' and 'sector', or null")
    country, sector = obj.get("country"), obj.get("sector")
    if any(v is not None and not isinstance(v, str) for v in (country, sector)):
        raise gold_error(source, line, f"'{name}' codes must be strings or null")
    return Codes(country, sector)


def parse_gold(text: str, source: str = "<string>") -> list[GoldLine]:
    """Parse an events gold file.

    Raises:
        MalformedGoldError: (E112) a line is not JSON, lacks a field, names an unknown PLOVER type
            or has a bad date; the message gives the line number.
    """
    out: list[GoldLine] = []
    for lineno, obj in gold_objects(text, source):
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise gold_error(source, lineno, "missing or empty 'text'")
        etype = obj.get("event_type")
        if etype not in ontology.event_types():
            raise gold_error(source, lineno, f"'event_type' must be a PLOVER type, got {etype!r}")
        label = obj.get("label")
        if not isinstance(label, bool):
            raise gold_error(source, lineno, "'label' must be true or false")
        pub = obj.get("published")
        published = None
        if pub is not None:
            try:
                published = date.fromisoformat(pub)
            except (TypeError, ValueError) as exc:
                raise gold_error(source, lineno, f"'published' is not a YYYY-MM-DD date: {pub!r}") from exc
        out.append(GoldLine(lineno, str(obj.get("id", lineno)), body, published, etype, label,
                            _codes(obj.get("actor"), source, lineno, "actor"),
                            _codes(obj.get("recipient"), source, lineno, "recipient")))
    if not out:
        raise gold_error(source, 1, "no gold lines found")
    return out


def load_gold(path: str | Path) -> list[GoldLine]:
    """Read and parse a gold file.

    Raises:
        InputNotFoundError: (E111) the file does not exist.
        MalformedGoldError: (E112) see :func:`parse_gold`.
    """
    return parse_gold(*read_gold(path))


def _score_match(ev: Event, g: GoldLine) -> int:
    n = 0
    if g.actor is not None and ev.actors:
        n += sum((g.actor.country in {a.country for a in ev.actors}, g.actor.sector in {a.sector for a in ev.actors}))
    if g.recipient is not None and ev.recipients:
        n += sum((g.recipient.country in {a.country for a in ev.recipients},
                  g.recipient.sector in {a.sector for a in ev.recipients}))
    return n


def evaluate(gold: list[GoldLine], pipeline: Any | None = None) -> dict[str, Any]:
    """Run the pipeline on every gold line and score it.

    Args:
        gold: Parsed gold lines.
        pipeline: A callable Article → Article (default: every available component).

    Returns:
        ``{"per_type": {T: {...}}, "sentences_per_second": float, "sentences": n, "misses": [...]}``.

    Raises:
        MissingRequirementError: The components the events coder needs are not available.
    """
    if pipeline is None:
        pipeline = default_pipeline()
    scores: dict[str, TypeScore] = {}
    misses: list[str] = []
    t0 = time.perf_counter()
    for g in gold:
        art = pipeline(Article("", g.text, Meta(published=g.published)))
        events = [e for e in art.events or [] if e.type == g.event_type and not set(e.aux) & NOT_HAPPENED]
        sc = scores.setdefault(g.event_type, TypeScore())
        predicted = bool(events)
        if g.label:
            sc.support += 1
        if predicted and g.label:
            sc.tp += 1
            best = max(events, key=lambda e: _score_match(e, g))
            if g.actor is not None:
                if g.actor.country is not None:
                    sc.acc["actor_country"].add(g.actor.country in {a.country for a in best.actors})
                if g.actor.sector is not None:
                    sc.acc["actor_sector"].add(g.actor.sector in {a.sector for a in best.actors})
            if g.recipient is not None:
                if g.recipient.country is not None:
                    sc.acc["recipient_country"].add(g.recipient.country in {a.country for a in best.recipients})
                if g.recipient.sector is not None:
                    sc.acc["recipient_sector"].add(g.recipient.sector in {a.sector for a in best.recipients})
        elif predicted:
            sc.fp += 1
            misses.append(f"FP {g.id} {g.event_type}: {g.text}")
        elif g.label:
            sc.fn += 1
            misses.append(f"FN {g.id} {g.event_type}: {g.text}")
    elapsed = time.perf_counter() - t0
    return {
        "per_type": {t: s.as_dict() for t, s in sorted(scores.items())},
        "sentences_per_second": round(len(gold) / elapsed, 1) if elapsed > 0 else None,
        "sentences": len(gold),
        "misses": misses,
    }


def default_pipeline() -> Any:
    """The pipeline of every available component.

    Raises:
        MissingRequirementError: A layer the events coder needs has no available component.
    """
    from marsad.pipeline import Pipeline, available_components
    from marsad.settings import load_settings

    settings = load_settings()
    names = [n for n in settings.components if n in available_components()]
    for need in ("sentences", "entities", "quotes", "events"):
        if need not in names:
            raise MissingRequirementError(f"marsad eval events needs the {need!r} component, which is not available")
    if "times" not in names:
        raise MissingRequirementError("marsad eval events needs the 'times' component, which is not available")
    return Pipeline.from_names(names, settings)


@click.command("events")
@click.argument("gold", type=click.Path(dir_okay=False))
@json_option
@click.option("--misses", is_flag=True, help="Also list false positives and false negatives.")
def command(gold: str, as_json: bool, misses: bool) -> None:
    """Score PLOVER event detection and actor coding on GOLD (JSON Lines).

    Per event type: sentence-level precision, recall, F1 and support, and on true
    positives the accuracy of actor/recipient country and sector codes.
    """
    result = evaluate(load_gold(gold))
    kind = gold_kind(gold)
    if as_json:
        out = {"gold": kind, **{k: v for k, v in result.items() if k in ("per_type", "sentences_per_second")}}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    heads = ("a.cty", "a.sec", "r.cty", "r.sec")
    click.echo(f"gold: {kind['path']} ({kind['kind']}: {kind['about']})")
    click.echo(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}  " + " ".join(f"{h:>6}" for h in heads))

    def fmt(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}"

    for t, s in result["per_type"].items():
        click.echo(f"{t:<10} {s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>6.2f} {s['support']:>4}  "
                   f"{fmt(s['actor_country_acc']):>6} {fmt(s['actor_sector_acc']):>6} "
                   f"{fmt(s['recipient_country_acc']):>6} {fmt(s['recipient_sector_acc']):>6}")
    click.echo(f"{result['sentences']} sentences, {result['sentences_per_second']} sentences/s")
    if misses:
        for line in result["misses"]:
            click.echo(line)
