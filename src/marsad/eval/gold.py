"""Reading the JSON Lines gold files of ``marsad eval`` (one JSON object a line, blank lines skipped)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputNotFoundError, MalformedGoldError


def gold_error(source: str, line: int, why: str) -> MalformedGoldError:
    """A MalformedGoldError whose message names the file and line (``source:line: why``)."""
    return MalformedGoldError(f"{source}:{line}: {why}")


def gold_objects(text: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON object of each non-blank line, with its line number (from 1).

    Raises:
        MalformedGoldError: (E112) a line is not JSON or not a JSON object.
    """
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise gold_error(source, lineno, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise gold_error(source, lineno, "a gold line must be a JSON object")
        yield lineno, obj


def read_gold(path: str | Path) -> tuple[str, str]:
    """The text of a gold file and its name for messages.

    Raises:
        InputNotFoundError: (E111) the file does not exist.
    """
    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"gold file not found: {p}")
    return p.read_text("utf-8"), str(p)


def gold_kind(path: str | Path) -> dict[str, str]:
    """Which kind of gold a file is, from its place in ``gold/`` (``marsad eval`` prints it).

    ``unit``: sentences we wrote next to the rules (a regression check, not accuracy evidence); ``real``:
    annotations of real articles (``gold/real/``, by id and offsets, dev/test split); ``external``: anything
    else (e.g. the GSR or ANERcorp files in ``../shared``, annotated by others).
    """
    parts = Path(path).resolve().parts
    if "gold" in parts:
        sub = parts[parts.index("gold") + 1] if parts.index("gold") + 1 < len(parts) else ""
        if sub == "unit":
            return {"path": str(path), "kind": "unit",
                    "about": "sentences we wrote next to the rules: a regression check, not accuracy evidence"}
        if sub == "real":
            return {"path": str(path), "kind": "real",
                    "about": "annotations of real articles by id and offsets (gold/real/README.md)"}
    return {"path": str(path), "kind": "external", "about": "a gold file from outside gold/ (annotated by others)"}


#: The v1 quote and link guidelines write MED for media and HLH for health; Marsad's sectors write JRN and MED.
GOLD_SECTOR = {"MED": "JRN", "HLH": "MED"}
#: Marsad's sector letters in the guidelines' codes (the inverse of :data:`GOLD_SECTOR`).
SECTOR_TO_GOLD = {v: k for k, v in GOLD_SECTOR.items()}


def below_floors(floor: Path, tally: Callable[[str], dict[str, Any]],
                 ceilings: frozenset[str] = frozenset()) -> list[str]:
    """The metrics of a floor file (``{group: {metric: value}}``, keys starting with ``_`` are notes) that a
    result fell below; metrics in ``ceilings`` (a share of false output) fail when above instead.

    Args:
        floor: The floor file.
        tally: The result's metrics for one group (``dev``, ``test``, ``all``).
        ceilings: Metric names that are upper bounds.
    """
    want = json.loads(floor.read_text("utf-8"))
    low: list[str] = []
    for group, metrics in want.items():
        if group.startswith("_"):
            continue
        got = tally(group)
        for k, v in metrics.items():
            if k in ceilings:
                if float(got[k]) > float(v):
                    low.append(f"{group}.{k} {got[k]} > ceiling {v}")
            elif float(got[k]) < float(v):
                low.append(f"{group}.{k} {got[k]} < floor {v}")
    return low


def echo_agreement(res: dict[str, Any], as_json: bool, show_misses: bool, width: int) -> None:
    """Print an agreement result of two annotation passes (``marsad eval link|places --agreement``): the JSON
    object, or one padded line per figure and, with ``show_misses``, the disagreements."""
    import click

    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False))
        return
    for k, v in res.items():
        if k != "disagreements":
            click.echo(f"{k:<{width}}{v}")
    if show_misses:
        for line in res["disagreements"]:
            click.echo(line)
