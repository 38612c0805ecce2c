"""The shared linear trainer: logistic regression by L-BFGS, Platt scaling, thresholds, CV by group."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.errors import TrainingDataError
from marsad.events.detector import LabelModel
from marsad.learn.linear import Example, best_alone, best_threshold, fit_platt, fold_of, prf, train_label


def _toy(n: int = 120) -> list[Example]:
    rng = np.random.default_rng(3)
    out = []
    for i in range(n):
        pos = i % 4 == 0
        feats = [f"w:{rng.integers(0, 30)}" for _ in range(6)] + (["w:قصف", "c:<قص"] if pos else ["w:زار"])
        if i % 10 == 0:  # noise: the positive cue without the label
            feats.append("w:قصف")
        out.append(Example(feats, pos, f"doc{i // 3}", "w:قصف" in feats))
    return out


def test_learn_linear_train_learns_and_calibrates() -> None:
    exs = _toy()
    res = train_label(exs, folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    assert res.weights["w:قصف"] > 0 > res.weights["w:زار"]
    assert 0.0 < res.threshold < 1.0 and 0.0 <= res.veto <= res.threshold
    assert res.cv["f1"] > 0.8 and res.cv["positives"] == 30
    lm = LabelModel(res.bias, res.weights, res.platt, res.threshold, res.veto)
    hi = lm.probability(lm.score({"w:قصف", "c:<قص", "w:1"}))
    lo = lm.probability(lm.score({"w:زار", "w:1"}))
    assert hi > res.threshold > lo


def test_learn_linear_train_too_few_positives() -> None:
    exs = [Example(["w:a"], i == 0, f"d{i}") for i in range(20)]
    with pytest.raises(TrainingDataError, match=r"^\[E302\] too few examples to train: 1 positive, 19 negative$"):
        train_label(exs)


def test_learn_linear_train_helpers() -> None:
    y = np.array([1.0, 1.0, 0.0, 0.0])
    prob = np.array([0.9, 0.6, 0.4, 0.1])
    t, f = best_threshold(prob, y)
    assert 0.4 < t <= 0.6 and f == 1.0
    assert prf(prob >= 0.5, y) == (1.0, 1.0, 1.0)
    a, _ = fit_platt(np.array([2.0, 1.0, -1.0, -2.0]), y)
    assert a > 0
    assert fold_of("doc7", 5) == fold_of("doc7", 5) and 0 <= fold_of("doc7", 5) < 5


def test_learn_linear_train_is_deterministic() -> None:
    a = train_label(_toy(), folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    b = train_label(_toy(), folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    assert a.to_json() == b.to_json()


def test_learn_linear_train_example_weights() -> None:
    plain = train_label(_toy(), folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    ones = train_label([Example(e.features, e.label, e.group, e.rule_hit, 1.0) for e in _toy()],
                       folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    assert ones.to_json() == plain.to_json()  # weight 1 is the plain loss
    # the noisy examples (the cue without the label) weighing less: the cue weighs more
    light = train_label([Example(e.features, e.label, e.group, e.rule_hit, 0.2 if i % 10 == 0 and i % 4 else 1.0)
                         for i, e in enumerate(_toy())], folds=3, grid_c=(4.0,), grid_pos=(1.0,))
    assert light.weights["w:قصف"] > plain.weights["w:قصف"]


def test_learn_linear_best_alone_level() -> None:
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
    rule = np.array([True, False, False, False, False, False])
    prob = np.array([0.1, 0.8, 0.45, 0.3, 0.2, 0.1])
    level, grid = best_alone(prob, y, rule, thr=0.15)
    assert level == 0.4  # a rule hit or p >= 0.4: all three, no false alarm (at 0.3: one)
    assert grid[0] == {"level": 0.15, "f1": round(prf(rule | (prob >= 0.15), y)[2], 4)}
    assert best_alone(np.zeros(6), y, rule, thr=0.5)[0] == 0.9  # a tie goes to the highest level


def test_learn_linear_oof_hybrid_of_final_levels() -> None:
    from marsad.learn.linear import LabelResult, oof_hybrid

    prob = np.array([0.9, 0.6, 0.3, 0.05, 0.01, 0.2])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
    rule = np.array([False, False, True, True, False, False])
    res = LabelResult(0.0, {}, (1.0, 0.0), 0.5, 0.1, 1.0, 1.0, alone=0.5, oof=(prob, y, rule))
    # fires alone: 0.9, 0.6; rule hits kept at p >= 0.1: 0.3 (0.05 vetoed): 3 right of 3, no false
    assert oof_hybrid(res) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    res.alone = 0.7  # now 0.6 no longer stands alone
    assert oof_hybrid(res)["recall"] == round(2 / 3, 4)
    assert oof_hybrid(res, slice(3, None)) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert oof_hybrid(LabelResult(0.0, {}, (1.0, 0.0), 0.5, 0.1, 1.0, 1.0)) == {}
