"""CI gate: the committed NER model's dev-split micro-F1 stays at or above the floor."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.eval.ner import DEV_FRACTION, evaluate
from marsad.learn.conll import read_conll, split_dev

FLOOR = Path(__file__).resolve().parent.parent / "gold" / "real" / "ner.floor.json"


def test_dev_micro_f1_at_or_above_floor(shared_dir: Path) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    _, dev = split_dev(read_conll(shared_dir / "data" / "anercorp" / "train.conll"), DEV_FRACTION)
    ev = evaluate(dev, use_component=False)
    f1 = ev.scores.micro.f1
    assert f1 >= floor["micro_f1"], f"dev micro-F1 {f1:.4f} fell below the floor {floor['micro_f1']}"
