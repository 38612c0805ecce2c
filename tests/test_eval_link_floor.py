"""CI gate: person and organisation linking on the real gold (dev and test) stays at or above the floors in
``gold/real/links.floor.json``. Skips without ../shared or the gold file."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.eval.link import floor_check

REAL = Path(__file__).resolve().parent.parent / "gold" / "real"


def test_eval_link_real_at_or_above_floor(shared_dir: Path) -> None:
    gold = sorted(REAL.glob("links*.jsonl"))
    if not (REAL / "links.jsonl").is_file():
        pytest.skip("gold/real/links.jsonl is not in this checkout")
    assert floor_check(gold, REAL / "links.floor.json") == []
