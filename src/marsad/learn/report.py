"""Training reports (model cards) shared by every trained component, and ``--verify``: rebuild, then compare.

A card records what a rebuild must reproduce: the output file's sha256, the data's sha256, the options and
the scores. :func:`differences` lists, for the card keys a component names, where a rebuilt card differs from
the shipped one; ``marsad train X --verify`` prints them and exits 1 when there are any.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from marsad.learn.real import shared_dir as find_shared

_ABSENT = object()


def repo_root() -> Path:
    """The repository root (three levels above this package's source)."""
    return Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The ``shared`` folder ``marsad.learn.real.shared_dir`` finds, else where it would be (``../shared`` beside the
    repository root), so that a trainer's missing-data error names a path."""
    return find_shared() or repo_root().parent / "shared"


def entities_models_dir() -> Path:
    """Where the shipped NER model and word clusters live (``marsad/entities/models``), read at run time."""
    return Path(__file__).resolve().parent.parent / "entities" / "models"


def read_card(path: Path) -> dict[str, Any]:
    """A card file's JSON, or ``{}`` when it is absent."""
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}


def write_card(path: Path, card: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _dig(card: Mapping[str, Any], dotted: str) -> Any:
    cur: Any = card
    for part in dotted.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return _ABSENT
        cur = cur[part]
    return cur


def differences(shipped: Mapping[str, Any], rebuilt: Mapping[str, Any], keys: Sequence[str]) -> list[str]:
    """``key: shipped …, rebuilt …`` for every dotted key whose values differ (a key absent from either differs)."""
    out = []
    for key in keys:
        a, b = _dig(shipped, key), _dig(rebuilt, key)
        if a is _ABSENT or b is _ABSENT or a != b:
            show = ["absent" if v is _ABSENT else json.dumps(v, ensure_ascii=False, sort_keys=True)[:200]
                    for v in (a, b)]
            out.append(f"{key}: shipped {show[0]}, rebuilt {show[1]}")
    return out


def echo_verdict(what: str, card_path: Path, diffs: Sequence[str]) -> None:
    """Print the result of a ``--verify`` run; exit 1 (click) when the rebuild differs from the card."""
    if not diffs:
        click.echo(f"verified: the rebuilt {what} equals {card_path}")
        return
    click.echo(f"NOT reproduced: the rebuilt {what} differs from {card_path}:", err=True)
    for d in diffs:
        click.echo(f"  {d}", err=True)
    raise click.exceptions.Exit(1)
