"""The events gold set, gated by floors (they only go up): ``marsad eval events gold/unit/events.jsonl``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from marsad.eval import events as ev_eval
from marsad.pipeline import available_components

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold" / "unit" / "events.jsonl"
FLOOR = ROOT / "gold" / "unit" / "events.floor.json"


def test_eval_events_gold_is_large_and_balanced() -> None:
    gold = ev_eval.load_gold(GOLD)
    assert len(gold) >= 200
    per_type: dict[str, list[bool]] = {}
    for g in gold:
        per_type.setdefault(g.event_type, []).append(g.label)
    assert len(per_type) == 16
    for labels in per_type.values():
        assert labels.count(True) >= 10 and labels.count(False) >= 2


@pytest.mark.slow
def test_eval_events_gold_meets_floors() -> None:
    needed = {"structure", "sentences", "entities", "times", "quotes", "events"}
    if not needed <= set(available_components()) or importlib.util.find_spec("marsad.entities.component") is None:
        pytest.skip("the full pipeline is not available")
    result = ev_eval.evaluate(ev_eval.load_gold(GOLD))
    floors = json.loads(FLOOR.read_text("utf-8"))["per_type"]
    low = []
    for ptype, metrics in floors.items():
        for name, floor in metrics.items():
            got = result["per_type"][ptype][name]
            if got is None or got < floor - 1e-9:
                low.append(f"{ptype} {name}: {got} < floor {floor}")
    assert not low, "\n".join(low + result["misses"])
