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


def _shipped_card() -> dict:
    import json

    return json.loads((learn_events.default_model_dir() / learn_events.CARD_FILE).read_text("utf-8"))


def test_learn_events_report_shipped_card_reproduce_is_the_defaults() -> None:
    """The shipped model's options are the defaults of ``marsad train events``: the card's command parses to
    them (``--real`` names the default real gold files), so no option of the run is left out of the defaults."""
    card = _shipped_card()
    words = card["reproduce"].split()
    assert words[:4] == ["OPENBLAS_NUM_THREADS=1", "marsad", "train", "events"]
    given = learn_events.command.make_context("events", words[4:]).params
    default = learn_events.command.make_context("events", []).params
    assert [p.name for p in given.pop("real_paths")] == list(learn_events.REAL_FILES)
    assert default.pop("real_paths") == ()
    assert given == default
    assert card["options"]["pool_real"] == [] and card["options"]["alone_real"] == learn_events.ALONE_REAL


def test_learn_events_report_shipped_card_matches_model_file() -> None:
    import hashlib

    card = _shipped_card()
    path = learn_events.default_model_dir() / learn_events.MODEL_FILE
    assert hashlib.sha256(path.read_bytes()).hexdigest() == card["model_sha256"]
    assert learn_events.reproduce_command(card["options"]) == card["reproduce"]


def test_learn_events_report_verify_names_what_differs(tmp_path) -> None:
    import gzip
    import json

    shipped, trained = tmp_path / "shipped", tmp_path / "trained"
    for d, w in ((shipped, 1.0), (trained, 2.0)):
        d.mkdir()
        (d / learn_events.MODEL_FILE).write_bytes(gzip.compress(json.dumps({"w": w}).encode(), mtime=0))
    scores = {"ASSAULT": {"f1": 0.5}}
    (shipped / learn_events.CARD_FILE).write_text(json.dumps({"version": "evdet-a", "dev_scores": scores}))
    got = learn_events.verify_events(shipped, {"version": "evdet-b", "dev_scores": {"ASSAULT": {"f1": 0.4}}}, trained)
    assert len(got) == 2 and "(evdet-b) != shipped" in got[0] and got[1].startswith("dev scores")
    (trained / learn_events.MODEL_FILE).write_bytes((shipped / learn_events.MODEL_FILE).read_bytes())
    assert learn_events.verify_events(shipped, {"version": "evdet-a", "dev_scores": scores}, trained) == []


@pytest.mark.parametrize(
    ("args", "want"),
    [
        ([], (3, ["events.jsonl"], ("ASSAULT",), 0.25, None)),  # no option given: the card's
        (["--folds", "4"], (4, list(learn_events.REAL_FILES), (), 1.0, learn_events.ALONE_REAL)),  # given: those
    ],
)
def test_learn_events_report_verify_retrains_with_the_cards_options(tmp_path, monkeypatch, args, want) -> None:
    import json

    from click.testing import CliRunner

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    options = {"folds": 3, "real": ["events.jsonl"], "pool_real": ["ASSAULT"], "real_weight": 0.25,
               "alone_real": "cv", "min_real_positives": 15}
    (shipped / learn_events.CARD_FILE).write_text(json.dumps({"options": options}))
    seen: list[tuple[object, ...]] = []

    def fake_train(shared, out, folds, real, pool_real, real_weight, alone_real):  # type: ignore[no-untyped-def]
        seen.append((folds, [p.name for p in real], pool_real, real_weight, alone_real))
        return {"version": "evdet-x", "model_sha256": "0" * 64, "training_seconds": 0.0, "dev_scores": {}}

    monkeypatch.setattr(learn_events, "train_events", fake_train)
    monkeypatch.setattr(learn_events, "verify_events", lambda *a: [])
    result = CliRunner().invoke(learn_events.command, ["--verify", "--out", str(shipped), "--shared", str(tmp_path),
                                                       *args])
    assert result.exit_code == 0, result.output
    assert seen == [want]


def test_learn_events_report_shipped_card_inputs_are_this_code() -> None:
    """The shipped model was trained on the features and rule vote of this code: a change to the predicates, the
    coder or the features changes the training data, so it comes with a retrained model (``marsad train events``,
    then ``marsad train events --verify``)."""
    card = _shipped_card()
    assert card["inputs_sha256"] == learn_events.inputs_sha256(), "retrain: OPENBLAS_NUM_THREADS=1 marsad train events"
