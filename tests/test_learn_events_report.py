"""What ``marsad train events`` records to reproduce a run: its options as a command line, the alone level."""

from __future__ import annotations

import pytest

from marsad.errors import UsageError
from marsad.learn import events as learn_events


@pytest.mark.parametrize(
    ("value", "level"), [("cv", None), ("0.5", 0.5), ("1", 1.0)],
)
def test_learn_events_report_alone_levels(value: str, level: float | None) -> None:
    assert learn_events._alone_level(value) == level


@pytest.mark.parametrize("value", ["x", "1.5", "-0.1"])
def test_learn_events_report_bad_alone_level(value: str) -> None:
    with pytest.raises(UsageError, match=r"^\[E500\] --alone-real must be 'cv' or a probability in \[0, 1\], got "):
        learn_events._alone_level(value)


def test_learn_events_report_command_line_of_options() -> None:
    options = {"folds": 3, "real": ["events.jsonl"], "pool_real": ["ASSAULT"], "real_weight": 0.25,
               "alone_real": "cv", "min_real_positives": 15}
    assert learn_events.reproduce_command(options) == (
        "OPENBLAS_NUM_THREADS=1 marsad train events --folds 3 --real gold/real/events.jsonl --pool-real ASSAULT "
        "--real-weight 0.25 --alone-real cv")
    ctx = learn_events.command.make_context("events", learn_events.reproduce_command(options).split()[4:])
    assert (ctx.params["folds"], ctx.params["pool_real"], ctx.params["real_weight"], ctx.params["alone_real"]) == (
        3, ("ASSAULT",), 0.25, "cv")
