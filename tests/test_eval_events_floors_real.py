"""CI floors of the event coder on real text annotated by others: the GSR dev split and the real dev units.

Floors only go up (``gold/real/events_gsr.floor.json``, ``gold/real/events.floor.json``); the real test units
are gated by floors the lead sets from a measurement (``gold/real/events_test.floor.json``), never tuned on.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.eval import events as ev_eval
from marsad.learn import gsr
from marsad.pipeline import available_components

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "gold" / "real"


def _need_pipeline() -> None:
    needed = {"sentences", "entities", "times", "quotes", "events"}
    if not needed <= set(available_components()) or importlib.util.find_spec("marsad.entities.component") is None:
        pytest.skip("the full pipeline is not available")


def _low(result: dict[str, object], floors: dict[str, dict[str, float]]) -> list[str]:
    per_type = result["per_type"]
    assert isinstance(per_type, dict)
    return [f"{t} {k}: {per_type[t][k]} < floor {v}" for t, fl in floors.items() for k, v in fl.items()
            if per_type[t][k] is None or per_type[t][k] < v]


@pytest.mark.parametrize("event_type", ["ASSAULT", "PROTEST"])
def test_eval_events_floors_real_gsr_dev(shared_dir: Path, event_type: str) -> None:
    path = gsr.gsr_dir(shared_dir) / gsr.FILES[event_type]
    if not path.is_file():
        pytest.skip("the GSR files are absent")
    _need_pipeline()
    floors = json.loads((REAL / "events_gsr.floor.json").read_text(encoding="utf-8"))["per_type"]
    result = ev_eval.evaluate(ev_eval.load_split(path, "dev"))
    assert not _low(result, {event_type: floors[event_type]})


@cache
def _real_result(name: str, split: str, shared: Path) -> tuple[int, dict[str, Any]]:
    """(units, ``evaluate_units`` result) of one real gold file's split: read and scored once per session, since
    several floors are checked on the same units."""
    from marsad.learn.real import read_units

    units = read_units(REAL / name, split=split, shared=shared)
    return len(units), ev_eval.evaluate_units(units)


def _real_floors(name: str, floor_name: str) -> dict[str, Any]:
    """The floors of ``floor_name``; skips when the gold or the floors are not in this checkout."""
    floor_file = REAL / floor_name
    if not (REAL / name).is_file() or not floor_file.is_file():
        pytest.skip("the real event gold is not in this checkout")
    _need_pipeline()
    floors: dict[str, Any] = json.loads(floor_file.read_text(encoding="utf-8"))
    return floors


def test_eval_events_floors_real_dev_units(shared_dir: Path) -> None:
    floors = _real_floors("events.jsonl", "events.floor.json")
    n_units, result = _real_result("events.jsonl", "dev", shared_dir)
    if n_units < floors.get("min_units", 0):
        pytest.skip("fewer real dev units than the floors were measured on")
    assert not _low(result, floors["per_type"])


@pytest.mark.parametrize("name", ["events.jsonl", "events.B-extra.jsonl"])
def test_eval_events_floors_real_test_units(shared_dir: Path, name: str) -> None:
    """The held-out real test third: a regression gate only (floors set by the lead, never tuned on)."""
    want = _real_floors(name, "events_test.floor.json")[name]
    _, result = _real_result(name, "test", shared_dir)
    assert result["macro_f1"] >= want["macro_f1"], result["macro_f1"]
    assert result["per_type"]["ASSAULT"]["f1"] >= want["ASSAULT"], result["per_type"]["ASSAULT"]
    assert result["event_date"]["right"] >= want["event_date"], result["event_date"]
    assert result["actor_country_acc"] >= want["actor_country"], (result["actor_country_acc"],
                                                                  result["actor_country_n"])


@pytest.mark.parametrize("name", ["events.jsonl", "events.B-extra.jsonl"])
def test_eval_events_floors_real_dev_event_dates(shared_dir: Path, name: str) -> None:
    """Event dates and actor country on the true positives of the real dev units (issues 16 part 3, 12 part 4):
    the floors only go up."""
    want = _real_floors(name, "events_test.floor.json")[name]
    _, result = _real_result(name, "dev", shared_dir)
    assert result["event_date"]["right"] >= want["event_date_dev"], result["event_date"]
    assert result["actor_country_acc"] >= want["actor_country_dev"], (result["actor_country_acc"],
                                                                      result["actor_country_n"])
