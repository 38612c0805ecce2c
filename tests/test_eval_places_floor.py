"""CI gate: place scores on the generated unit set and on the real gold stay at or above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.places import floor_check

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["places", "places_arwikicats"])
def test_eval_places_unit_at_or_above_floor(name: str) -> None:
    unit = ROOT / "gold" / "unit"
    assert floor_check(unit / f"{name}.jsonl", unit / f"{name}.floor.json") == []


@pytest.mark.parametrize("name", ["places", "places.part2", "places.part3"])
def test_eval_places_real_at_or_above_floor(shared_dir: Path, name: str) -> None:
    gold = ROOT / "gold" / "real" / f"{name}.jsonl"
    floor = ROOT / "gold" / "real" / f"{name}.floor.json"
    if not gold.is_file():
        pytest.skip(f"gold/real/{name}.jsonl is not in this checkout yet")
    assert json.loads(floor.read_text("utf-8"))
    assert floor_check(gold, floor) == []
