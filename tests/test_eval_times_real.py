"""The times layer on real gold (``gold/real/times.jsonl``), dev and test, held to floors that only go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.times import is_real_gold, score_real

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold" / "real" / "times.jsonl"
FLOOR = json.loads((ROOT / "gold" / "real" / "times.floor.json").read_text(encoding="utf-8"))


def test_eval_times_real_gold_is_detected() -> None:
    assert is_real_gold(GOLD)
    assert not is_real_gold(ROOT / "gold" / "unit" / "times.jsonl")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_eval_times_real_floor(split: str, shared_dir: Path) -> None:
    res = score_real(GOLD, split).as_dict()
    for key, floor in FLOOR[split].items():
        assert res[key] >= floor, f"{split} {key} {res[key]} fell below its floor {floor}"
