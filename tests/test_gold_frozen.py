"""Real gold and its test units are frozen: CI fails when a file under gold/real/ changes without its hash.

A deliberate change (a corrected annotation, a new batch) updates ``gold/real/SHA256SUMS`` in the same commit,
with the reason in the commit message; floors only go up.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent.parent / "gold" / "real"


def _manifest() -> list[tuple[str, str]]:
    out = []
    for line in (REAL / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            out.append((digest, name.strip()))
    return out


@pytest.mark.parametrize(("digest", "name"), _manifest())
def test_gold_frozen_file_matches_its_hash(digest: str, name: str) -> None:
    assert hashlib.sha256((REAL / name).read_bytes()).hexdigest() == digest


def test_gold_frozen_every_real_file_is_listed() -> None:
    listed = {name for _, name in _manifest()}
    present = {str(p.relative_to(REAL)) for p in REAL.rglob("*.jsonl")}
    assert present <= listed
