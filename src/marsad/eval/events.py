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

Three kinds of gold are read:

* the JSON lines above (``gold/unit/events.jsonl``, and the GSR files of ``../shared/data/events_gsr/``,
  which ``--split train|dev`` cuts by document with :mod:`marsad.learn.gsr`);
* real gold (``gold/real/events*.jsonl``, :func:`marsad.learn.real.read_units`): a unit is a sentence of a
  real article, the pipeline runs on the whole article, and an event of a type whose trigger lies in the unit
  is a detection of that type in the unit; every unit is a case for every PLOVER type (``--split dev|test``).

Per type a 95% interval of F1 is estimated by a bootstrap over the cases (1,000 resamples, fixed seed).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import click
import numpy as np

from marsad.article import Article, Event, Meta
from marsad.cli.options import json_option
from marsad.errors import MissingRequirementError, UsageError
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
    outcomes: list[tuple[bool, bool]] = field(default_factory=list)  # (gold, predicted) per case

    def add(self, gold: bool, predicted: bool) -> None:
        self.outcomes.append((gold, predicted))
        self.support += int(gold)
        self.tp += int(gold and predicted)
        self.fp += int(predicted and not gold)
        self.fn += int(gold and not predicted)

    def interval(self, resamples: int = 1000, seed: int = 12) -> tuple[float, float]:
        """Bootstrap 95% interval of F1 (cases resampled with replacement)."""
        if not self.outcomes:
            return (0.0, 0.0)
        arr = np.array(self.outcomes, dtype=bool)
        g, p = arr[:, 0], arr[:, 1]
        rng = np.random.default_rng(seed)
        idx = rng.integers(0, len(arr), size=(resamples, len(arr)))
        tp = (g[idx] & p[idx]).sum(axis=1)
        fp = (~g[idx] & p[idx]).sum(axis=1)
        fn = (g[idx] & ~p[idx]).sum(axis=1)
        denom = 2 * tp + fp + fn
        f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
        lo, hi = np.percentile(f1, [2.5, 97.5])
        return (round(float(lo), 4), round(float(hi), 4))

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lo, hi = self.interval()
        out: dict[str, Any] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                               "f1_ci95": [lo, hi], "support": self.support, "cases": len(self.outcomes)}
        for k, a in self.acc.items():
            out[f"{k}_acc"] = a.value
            out[f"{k}_n"] = a.total
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
        _score_case(scores.setdefault(g.event_type, TypeScore()), g.label, events, g.actor, g.recipient)
        if events and not g.label:
            misses.append(f"FP {g.id} {g.event_type}: {g.text}")
        elif g.label and not events:
            misses.append(f"FN {g.id} {g.event_type}: {g.text}")
    return _result(scores, len(gold), time.perf_counter() - t0, misses)


def _score_case(sc: TypeScore, label: bool, events: list[Event], actor: Codes | None,
                recipient: Codes | None) -> None:
    predicted = bool(events)
    sc.add(label, predicted)
    if not (predicted and label):
        return
    probe = GoldLine(0, "", "", None, "", True, actor, recipient)
    best = max(events, key=lambda e: _score_match(e, probe))
    if actor is not None:
        if actor.country is not None:
            sc.acc["actor_country"].add(actor.country in {a.country for a in best.actors})
        if actor.sector is not None:
            sc.acc["actor_sector"].add(actor.sector in {a.sector for a in best.actors})
    if recipient is not None:
        if recipient.country is not None:
            sc.acc["recipient_country"].add(recipient.country in {a.country for a in best.recipients})
        if recipient.sector is not None:
            sc.acc["recipient_sector"].add(recipient.sector in {a.sector for a in best.recipients})


def _result(scores: dict[str, TypeScore], n: int, elapsed: float, misses: list[str]) -> dict[str, Any]:
    per_type = {t: s.as_dict() for t, s in sorted(scores.items())}
    scored = [v["f1"] for v in per_type.values() if v["support"] or v["precision"]]
    pooled = Acc(sum(s.acc["actor_country"].right for s in scores.values()),
                 sum(s.acc["actor_country"].total for s in scores.values()))
    return {
        "per_type": per_type,
        "macro_f1": round(sum(scored) / len(scored), 4) if scored else None,
        "actor_country_acc": pooled.value,  # over the true positives of every type with a gold actor country
        "actor_country_n": pooled.total,
        "sentences_per_second": round(n / elapsed, 1) if elapsed > 0 else None,
        "sentences": n,
        "misses": misses,
    }


def evaluate_units(units: list[Any], pipeline: Any | None = None,
                   types: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Score real gold units (:class:`marsad.learn.real.Unit`, joined with their text).

    Every unit is a case for every type: gold positive when an item of that type in the unit is neither
    negated nor hypothetical; predicted when Marsad codes an event of that type (neither negated nor
    hypothetical) whose trigger starts inside the unit. Actor codes: the first actor of the first gold item
    of the type against the best event's actors.
    """
    if pipeline is None:
        pipeline = default_pipeline()
    kinds = types or tuple(sorted(ontology.event_types()))
    scores: dict[str, TypeScore] = {t: TypeScore() for t in kinds}
    misses: list[str] = []
    done: dict[tuple[str, str], Article] = {}
    dates = DateTally()
    t0 = time.perf_counter()
    for u in units:
        key = (u.corpus, u.article)
        if key not in done:
            done[key] = pipeline(u.doc)
        art = done[key]
        us, ue = u.unit
        evs = [e for e in art.events or [] if us <= e.evidence.predicate.start < ue and not set(e.aux) & NOT_HAPPENED]
        items = [it for it in u.items if not set(it.get("aux") or []) & NOT_HAPPENED]
        for t in kinds:
            mine = [e for e in evs if e.type == t]
            gold_items = [it for it in items if it.get("type") == t]
            actor = None
            if gold_items and gold_items[0].get("actors"):
                a = gold_items[0]["actors"][0]
                actor = Codes(a.get("country"), a.get("sector"))
            _score_case(scores[t], bool(gold_items), mine, actor, None)
            if mine and gold_items:
                dates.add(gold_items[0].get("date"), mine, art.meta.published)
            if mine and not gold_items:
                misses.append(f"FP {u.corpus}:{u.article}@{us} {t}: {art.text[us:ue]}")
            elif gold_items and not mine:
                misses.append(f"FN {u.corpus}:{u.article}@{us} {t}: {art.text[us:ue]}")
    out = _result(scores, len(units), time.perf_counter() - t0, misses)
    out["event_date"] = dates.as_dict()
    return out


@dataclass(slots=True)
class DateTally:
    """Event dates on true positives (issue 16: an event takes the date its clause gives, else the article's).

    A gold item with a date is right when one of Marsad's events of that type in the unit has that date (or a
    day inside a gold month or year: ``lenient``); a gold item without one (the text does not say when) is right
    when Marsad did not invent one either: the event's date comes from the publication date.
    """

    dated: int = 0
    dated_right: int = 0
    dated_lenient: int = 0
    undated: int = 0
    undated_right: int = 0

    def add(self, gold_date: str | None, events: list[Event], published: date | None) -> None:
        if gold_date:
            self.dated += 1
            got = [e.date for e in events if e.date]
            self.dated_right += int(gold_date in got)
            self.dated_lenient += int(any(d == gold_date or d.startswith(gold_date) for d in got))
            return
        self.undated += 1
        pub = published.isoformat() if published is not None else None
        self.undated_right += int(any(e.date_source in ("published", None) or (pub and e.date == pub)
                                      for e in events))

    def as_dict(self) -> dict[str, Any]:
        n = self.dated + self.undated
        return {
            "events": n,
            "right": round((self.dated_right + self.undated_right) / n, 4) if n else None,
            "dated": self.dated,
            "dated_right": round(self.dated_right / self.dated, 4) if self.dated else None,
            "dated_lenient": round(self.dated_lenient / self.dated, 4) if self.dated else None,
            "undated": self.undated,
            "undated_right": round(self.undated_right / self.undated, 4) if self.undated else None,
        }


def is_real_gold(path: str | Path) -> bool:
    """Whether a gold file is in the real-gold format (units by article id and offsets)."""
    p = Path(path)
    if not p.is_file():
        return False
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(obj, dict) and "unit" in obj and "article" in obj
    return False


def load_split(path: str | Path, split: str | None) -> list[GoldLine]:
    """A sentence gold file, cut to one GSR split by document when ``split`` is given."""
    gold = load_gold(path)
    if split is None:
        return gold
    from marsad.learn.gsr import document_of, split_of_document

    return [g for g in gold if split_of_document(document_of(g.id)) == split]


def default_pipeline(detector: bool = True) -> Any:
    """The pipeline of every available component (``detector``: the events component uses its detector).

    Raises:
        MissingRequirementError: A layer the events coder needs has no available component.
    """
    from marsad.pipeline import Pipeline, available_components
    from marsad.settings import load_settings

    settings = load_settings().with_(event_detector=detector)
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
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default=None,
              help="Score one split: for real gold the units' dev/test split, for a GSR file its train/dev split "
                   "by document (marsad.learn.gsr).")
@click.option("--no-detector", is_flag=True, help="Score the predicate rules alone (without the event detector).")
def command(gold: str, as_json: bool, misses: bool, split: str | None, no_detector: bool) -> None:
    """Score PLOVER event detection and actor coding on GOLD (JSON Lines, or real gold units).

    Per event type: precision, recall, F1 with a bootstrap 95% interval and support, and on true
    positives the accuracy of actor/recipient country and sector codes.
    """
    pipeline = default_pipeline(detector=False) if no_detector else default_pipeline()
    if is_real_gold(gold):
        from marsad.learn.real import read_units

        units = read_units(gold, split=split)
        result = evaluate_units(units, pipeline)
        kind = {**gold_kind(gold), "unit": "a sentence of a real article", "split": split or "all"}
    else:
        if split == "test":
            raise UsageError("--split test applies to real gold units only")
        result = evaluate(load_split(gold, split), pipeline)
        kind = {**gold_kind(gold), "split": split or "all"}
    show(result, kind, as_json, misses)


def show(result: dict[str, Any], kind: dict[str, str], as_json: bool, misses: bool,
         echo: Callable[[str], None] = click.echo) -> None:
    """Print a result as JSON or as a table."""
    if as_json:
        keep = ("per_type", "macro_f1", "actor_country_acc", "actor_country_n", "sentences", "sentences_per_second",
                "event_date")
        echo(json.dumps({"gold": kind, **{k: v for k, v in result.items() if k in keep}}, ensure_ascii=False,
                        indent=2))
        return
    heads = ("a.cty", "a.sec", "r.cty", "r.sec")
    echo(f"gold: {kind['path']} ({kind['kind']}: {kind['about']}; split {kind.get('split', 'all')})")
    echo(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'95% CI':>13} {'n':>4}  " + " ".join(f"{h:>6}" for h in heads))

    def fmt(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}"

    for t, s in result["per_type"].items():
        lo, hi = s["f1_ci95"]
        echo(f"{t:<10} {s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>6.2f} {f'[{lo:.2f}, {hi:.2f}]':>13} "
             f"{s['support']:>4}  {fmt(s['actor_country_acc']):>6} {fmt(s['actor_sector_acc']):>6} "
             f"{fmt(s['recipient_country_acc']):>6} {fmt(s['recipient_sector_acc']):>6}")
    macro = result.get("macro_f1")
    echo(f"{result['sentences']} cases, {result['sentences_per_second']} per second"
         + (f", macro-F1 {macro:.2f} over the types with gold or predicted events" if macro is not None else ""))
    d = result.get("event_date")
    if d and d.get("events"):
        echo(f"event date on {d['events']} true positives: right {fmt(d['right'])} (gold dated {d['dated']}: "
             f"{fmt(d['dated_right'])}, lenient {fmt(d['dated_lenient'])}; undated {d['undated']}: "
             f"{fmt(d['undated_right'])} kept to the publication date)")
    if result.get("actor_country_n"):
        echo(f"actor country right on {result['actor_country_acc']:.2f} of {result['actor_country_n']} true positives "
             "with a gold actor country (all types)")
    if misses:
        for line in result["misses"]:
            echo(line)
