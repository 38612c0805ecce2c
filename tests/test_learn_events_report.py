"""The shipped detector's training report records what reproduces it: the options, the data's hashes, the command.

CI never retrains (a run takes minutes): it checks that the report's command parses to the recorded options,
that the data the report names are the files of this checkout (and of ../shared when present), and that the
model file is what the report says (version = hash of the weights, report inside the model = the card).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shlex
from pathlib import Path

import pytest

from marsad.errors import UsageError
from marsad.events import detector
from marsad.learn import events as learn_events
from marsad.learn.gsr import FILES, gsr_dir

ROOT = Path(__file__).resolve().parent.parent
MODELS = Path(detector.__file__).parent / "models"


def _card() -> dict[str, object]:
    return json.loads((MODELS / learn_events.CARD_FILE).read_text(encoding="utf-8"))


def _body() -> dict[str, object]:
    return json.loads(gzip.decompress((MODELS / detector.MODEL_FILE).read_bytes()).decode("utf-8"))


def test_learn_events_report_command_gives_the_recorded_options() -> None:
    card = _card()
    options = card["options"]
    assert isinstance(options, dict)
    assert card["reproduce"] == learn_events.reproduce_command(options)
    words = shlex.split(str(card["reproduce"]))
    assert words[:4] == ["OPENBLAS_NUM_THREADS=1", "marsad", "train", "events"]
    ctx = learn_events.command.make_context("events", words[4:])
    assert ctx.params["folds"] == options["folds"]
    assert sorted(ctx.params["pool_real"]) == options["pool_real"]
    assert ctx.params["real_weight"] == options["real_weight"]
    alone = learn_events._alone_level(ctx.params["alone_real"])
    assert ("cv" if alone is None else alone) == options["alone_real"]
    assert [p.name for p in ctx.params["real_paths"]] == options["real"]
    assert not ctx.params["retune"] and "retuned" not in card and "assembled" not in card


def test_learn_events_report_names_the_data_of_this_checkout() -> None:
    hashes = _card()["data_sha256"]
    assert isinstance(hashes, dict)
    real = {k: v for k, v in hashes.items() if k.startswith("gold/real/")}
    assert sorted(real) == [f"gold/real/{n}" for n in sorted(_card()["options"]["real"])]  # type: ignore[index]
    for name, sha in real.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == sha, name
    assert {f"data/events_gsr/{f}" for f in FILES.values()} <= set(hashes)


def test_learn_events_report_gsr_hashes_match_shared(shared_dir: Path) -> None:
    hashes = _card()["data_sha256"]
    assert isinstance(hashes, dict)
    for f in FILES.values():
        path = gsr_dir(shared_dir) / f
        if path.is_file():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == hashes[f"data/events_gsr/{f}"], f


def test_learn_events_report_is_the_model_file() -> None:
    card, body = _card(), _body()
    inner = body.pop("card")
    assert isinstance(inner, dict)
    assert "date" not in inner  # the model's bytes depend on the data and options only
    for key in ("version", "options", "data_sha256", "reproduce", "dev_scores", "labels"):
        assert inner[key] == card[key], key
    version = body.pop("version")
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    assert version == card["version"] == "evdet-" + hashlib.sha256(raw).hexdigest()[:12]
    assert card["model_bytes"] == (MODELS / detector.MODEL_FILE).stat().st_size


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
