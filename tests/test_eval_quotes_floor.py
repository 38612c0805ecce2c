"""CI gate: quotation scores on the real gold (dev and test) stay at or above the floors in
``gold/real/quotes.floor.json`` (``false`` is a ceiling). Skips without ../shared or the gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.quotes import floor_check

REAL = Path(__file__).resolve().parent.parent / "gold" / "real"


def test_eval_quotes_real_at_or_above_floor(shared_dir: Path) -> None:
    gold = sorted(REAL.glob("quotes*.jsonl"))
    floor = REAL / "quotes.floor.json"
    if not (REAL / "quotes.jsonl").is_file():
        pytest.skip("gold/real/quotes.jsonl is not in this checkout yet")
    want = json.loads(floor.read_text("utf-8"))
    assert {"dev", "test"} <= set(want)
    assert floor_check(gold, floor) == []
