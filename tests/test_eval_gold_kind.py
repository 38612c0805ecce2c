"""``marsad eval`` names which kind of gold it scored, from the file's place under ``gold/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.eval.gold import gold_kind


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("gold/unit/events.jsonl", "unit"),
        ("gold/unit/times.jsonl", "unit"),
        ("gold/real/times.jsonl", "real"),
        ("/data/shared/events_gsr/assault_train.jsonl", "external"),
        ("mine.jsonl", "external"),
    ],
)
def test_eval_gold_kind_from_path(path: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert gold_kind(path)["kind"] == kind
    assert gold_kind(path)["path"] == path
