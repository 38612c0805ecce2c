"""``marsad eval times``: surface recall and value accuracy of the times layer on a gold file.

A gold file is JSON Lines, one case per line::

    {"text": "...", "published": "2017-11-21" or null,
     "expected": [{"surface": "مساء أمس الإثنين", "value": "2017-11-20TEV"}, ...]}

Each expected surface is located in the text by its occurrence: the k-th expected
entry with a given surface is the k-th occurrence of that string. It is *found* when
the times layer has an expression with exactly that start and surface; its value is
*correct* when the expression's value equals the expected one. For an unresolved
relative expression the compared value is its relative string form
(``REL:day-1:wd=0:pod=evening``, see ``resolve.relative_string``). Found expressions
that match no expected surface are *extra* (precision).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import click

from marsad.article import Article, Block, Meta, Sentence
from marsad.cli.options import json_option
from marsad.eval.gold import gold_error, gold_kind, gold_objects, read_gold
from marsad.times.component import extract_times
from marsad.times.resolve import display_value


@dataclass(frozen=True, slots=True)
class Expected:
    surface: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One gold line: text, publication date and expected expressions."""

    line: int
    text: str
    published: date | None
    expected: tuple[Expected, ...]


@dataclass(slots=True)
class Bucket:
    count: int = 0
    found: int = 0
    correct: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "count": self.count,
            "recall": self.found / self.count if self.count else 0.0,
            "accuracy": self.correct / self.found if self.found else 0.0,
        }


@dataclass(slots=True)
class TimesScore:
    """Scores over a gold file.

    Attributes:
        expressions: Expected expressions.
        found: Expected expressions found with the exact surface.
        correct: Found expressions whose value is right.
        extra: Found expressions no expected one matches.
        misses: Human-readable lines for every miss, wrong value and extra.
    """

    expressions: int = 0
    found: int = 0
    correct: int = 0
    extra: int = 0
    per_granularity: dict[str, Bucket] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def surface_recall(self) -> float:
        return self.found / self.expressions if self.expressions else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def precision(self) -> float:
        total = self.found + self.extra
        return self.found / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "surface_recall": round(self.surface_recall, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "precision": round(self.precision, 4),
            "expressions": self.expressions,
            "found": self.found,
            "correct": self.correct,
            "extra": self.extra,
            "per_granularity": {k: v.as_dict() for k, v in sorted(self.per_granularity.items())},
        }


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def value_granularity(value: str) -> str:
    """The granularity a gold value names (``duration``, ``interval`` and ``relative`` included)."""
    if value.startswith("REL:"):
        return "relative"
    if value.startswith("P"):
        return "duration"
    if "/" in value:
        return "interval"
    if "-W" in value:
        return "week"
    if re.match(r"^\d{4}-[QH]\d$", value):
        return "quarter" if value[5] == "Q" else "half"
    if "T" in value:
        return "part_of_day"
    if value.endswith("X"):
        return "decade"
    if _DAY.match(value.replace("XXXX", "0000").replace("-XX-", "-00-")):
        return "day"
    if re.match(r"^(\d{4}|XXXX)-\d{2}$", value):
        return "month"
    return "year"


def parse_gold(text: str, source: str = "<string>") -> list[GoldCase]:
    """Parse a times gold file.

    Raises:
        MalformedGoldError: (E112) a line is not JSON, lacks a field, has a bad date,
            or names a surface that is not in its text; the message gives the line number.
    """
    cases: list[GoldCase] = []
    for lineno, obj in gold_objects(text, source):
        body = obj.get("text")
        if not isinstance(body, str) or not body:
            raise gold_error(source, lineno, "missing or empty 'text'")
        pub_raw = obj.get("published")
        published: date | None = None
        if pub_raw is not None:
            if not isinstance(pub_raw, str):
                raise gold_error(source, lineno, "'published' must be a YYYY-MM-DD string or null")
            try:
                published = date.fromisoformat(pub_raw)
            except ValueError as exc:
                raise gold_error(source, lineno, f"'published' is not a YYYY-MM-DD date: {pub_raw!r}") from exc
        items = obj.get("expected")
        if not isinstance(items, list):
            raise gold_error(source, lineno, "missing 'expected' list")
        expected: list[Expected] = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("surface"), str) or not isinstance(
                item.get("value"), str
            ):
                raise gold_error(source, lineno, "each expected item needs string 'surface' and 'value'")
            expected.append(Expected(item["surface"], item["value"]))
        cases.append(GoldCase(lineno, body, published, tuple(expected)))
        _positions(cases[-1], source)
    if not cases:
        raise gold_error(source, 1, "no gold cases found")
    return cases


def _positions(case: GoldCase, source: str) -> list[int]:
    """Start offset of each expected surface (the k-th entry of a surface is its k-th occurrence)."""
    seen: dict[str, int] = {}
    out: list[int] = []
    for exp in case.expected:
        k = seen.get(exp.surface, 0)
        pos = -1
        for _ in range(k + 1):
            pos = case.text.find(exp.surface, pos + 1)
            if pos < 0:
                raise gold_error(source, case.line, f"surface {exp.surface!r} (occurrence {k + 1}) is not in the text")
        seen[exp.surface] = k + 1
        out.append(pos)
    return out


def load_gold(path: str | Path) -> list[GoldCase]:
    """Read and parse a gold file.

    Raises:
        InputNotFoundError: The file does not exist.
        MalformedGoldError: See :func:`parse_gold`.
    """
    return parse_gold(*read_gold(path))


def case_article(case: GoldCase) -> Article:
    """An Article for a gold case: one block and one sentence covering the text."""
    art = Article(f"gold-{case.line}", case.text, meta=Meta(published=case.published))
    prov = art.provenance("gold", "1")
    art.structure = [Block("b1", 0, len(case.text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(case.text), "b1", prov)]
    return art


def score(cases: list[GoldCase]) -> TimesScore:
    """Run the times layer on every case and score it."""
    out = TimesScore()
    for case in cases:
        art = case_article(case)
        times = extract_times(art)
        by_start = {(t.start, t.end): t for t in times}
        used: set[tuple[int, int]] = set()
        for exp, pos in zip(case.expected, _positions(case, "<gold>"), strict=True):
            gran = value_granularity(exp.value)
            bucket = out.per_granularity.setdefault(gran, Bucket())
            bucket.count += 1
            out.expressions += 1
            t = by_start.get((pos, pos + len(exp.surface)))
            if t is None:
                near = [case.text[x.start : x.end] for x in times if x.start < pos + len(exp.surface) and pos < x.end]
                out.misses.append(f"line {case.line}: MISSED {exp.surface!r} (found overlapping: {near})")
                continue
            used.add((t.start, t.end))
            out.found += 1
            bucket.found += 1
            got = display_value(t.value, t.relative)
            if got == exp.value:
                out.correct += 1
                bucket.correct += 1
            else:
                out.misses.append(f"line {case.line}: WRONG {exp.surface!r}: expected {exp.value!r}, got {got!r}")
        for t in times:
            if (t.start, t.end) not in used:
                out.extra += 1
                out.misses.append(
                    f"line {case.line}: EXTRA {case.text[t.start:t.end]!r} = {display_value(t.value, t.relative)!r}"
                )
    return out


def is_real_gold(path: str | Path) -> bool:
    """True for a ``gold/real`` unit file (its lines carry ``unit``), False for sentence gold."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                return '"unit"' in line
    return False


def score_real(path: str | Path, split: str | None = None) -> TimesScore:
    """Score the times layer on real gold units (``gold/real/times.jsonl``).

    The pipeline (structure, sentences, times) runs on the whole article with its published date; an expected
    expression is found when a system expression overlaps it (annotators and rules draw span edges a little
    differently: a preposition, a weekday), and right when its value is the expected one. Extras are system
    expressions inside a unit that overlap no expected one.
    """
    from marsad.learn.real import read_units
    from marsad.pipeline import Pipeline

    pipe = Pipeline.from_names(["structure", "sentences", "times"])
    out = TimesScore()
    for u in read_units(path, split=split):
        doc = u.doc
        if doc is None:
            continue
        pipe(doc)
        times = [t for t in doc.times or [] if u.unit[0] <= t.start < u.unit[1]]
        used: set[int] = set()
        for it in u.items:
            exp = str(it["value"])
            bucket = out.per_granularity.setdefault(str(it.get("granularity") or value_granularity(exp)), Bucket())
            bucket.count += 1
            out.expressions += 1
            a, b = int(it["start"]), int(it["end"])
            k = next((i for i, t in enumerate(times) if t.start < b and a < t.end), None)
            where = f"{u.article}:{a}-{b}"
            if k is None:
                out.misses.append(f"{where}: MISSED (expected {exp!r})")
                continue
            used.add(k)
            out.found += 1
            bucket.found += 1
            got = display_value(times[k].value, times[k].relative)
            if got == exp:
                out.correct += 1
                bucket.correct += 1
            else:
                out.misses.append(f"{where}: WRONG expected {exp!r}, got {got!r}")
        for i, t in enumerate(times):
            if i not in used and not any(t.start < int(it["end"]) and int(it["start"]) < t.end for it in u.items):
                out.extra += 1
                out.misses.append(f"{u.article}:{t.start}-{t.end}: EXTRA {display_value(t.value, t.relative)!r}")
    return out


@click.command("times")
@click.argument("gold", type=click.Path(dir_okay=False))
@json_option
@click.option("--misses", "show_misses", is_flag=True, help="List missed surfaces, wrong values and extras.")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Real gold only: score the dev or the test articles (default both).")
def command(gold: str, as_json: bool, show_misses: bool, split: str | None) -> None:
    """Score the times layer on GOLD.jsonl: surface recall and value accuracy.

    Each line: {"text": ..., "published": "YYYY-MM-DD" or null, "expected":
    [{"surface": ..., "value": ...}]}. Unresolved relative values are written
    REL:<unit><offset>[:wd=<0-6>][:pod=<part>], e.g. REL:day-1:wd=0:pod=evening.
    A real gold file (gold/real/times.jsonl: units of real articles by id and offsets, text from ../shared)
    is scored by overlap on whole articles; --split picks its dev or test articles.
    """
    result = score_real(gold, split) if is_real_gold(gold) else score(load_gold(gold))
    kind = gold_kind(gold)
    if as_json:
        click.echo(json.dumps({"gold": kind, **result.as_dict()}, ensure_ascii=False))
        return
    click.echo(f"gold            {kind['path']} ({kind['kind']}: {kind['about']})")
    click.echo(f"expressions     {result.expressions}")
    click.echo(f"surface recall  {result.surface_recall:.4f}  ({result.found}/{result.expressions})")
    click.echo(f"value accuracy  {result.value_accuracy:.4f}  ({result.correct}/{result.found})")
    click.echo(f"precision       {result.precision:.4f}  ({result.extra} extra)")
    click.echo("")
    click.echo(f"{'granularity':<14}{'count':>7}{'recall':>9}{'accuracy':>10}")
    for name, b in sorted(result.per_granularity.items()):
        d = b.as_dict()
        click.echo(f"{name:<14}{d['count']:>7}{d['recall']:>9.3f}{d['accuracy']:>10.3f}")
    if show_misses and result.misses:
        click.echo("")
        for line in result.misses:
            click.echo(line)
