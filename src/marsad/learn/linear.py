"""The shared trainer of Marsad's linear detectors: a feature function plus a label set give a model.

For each label (one-vs-rest) over examples ``(features, label, group)``:

1. a vocabulary of the features seen in at least ``min_df`` training examples;
2. rows of binary features scaled by ``1/sqrt(n)`` (``n`` the example's distinct features, in or out of the
   vocabulary — the scaling :class:`marsad.events.detector.LabelModel` applies);
3. L2-regularised logistic regression fitted by L-BFGS (``scipy.optimize``), positives optionally up-weighted;
4. ``folds``-fold cross-validation inside the training data, folds fixed by a hash of the group (the
   document), to pick the regularisation and class weight, then Platt scaling and the decision threshold
   (best F1) on the out-of-fold scores, and the veto level for rule hits;
5. a final fit on all the training data.

Nothing here looks at a dev or test set; the caller scores those after training.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import optimize, sparse

from marsad.errors import TrainingDataError

GRID_C = (4.0, 16.0, 64.0)
GRID_POS = (1.0, 3.0)


@dataclass(frozen=True, slots=True)
class Example:
    features: Sequence[str]
    label: bool
    group: str
    rule_hit: bool = False  # whether the rule coder (or its lexicon) proposes this label
    weight: float = 1.0  # the example's weight in the loss (pooled data of another domain may weigh less)


@dataclass(slots=True)
class LabelResult:
    """A trained label: weights and the numbers for the training report."""

    bias: float
    weights: dict[str, float]
    platt: tuple[float, float]
    threshold: float
    veto: float
    c: float
    pos_weight: float
    cv: dict[str, Any] = field(default_factory=dict)
    alone: float = 0.0
    veto_words: int = 0
    alone_cv: float = 0.0  # the level of :func:`best_alone` on the out-of-fold probabilities
    oof: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # out-of-fold (probability, label, rule hit)

    def to_json(self, digits: int = 5) -> dict[str, Any]:
        return {"bias": round(self.bias, digits),
                "weights": {k: round(v, digits) for k, v in sorted(self.weights.items())},
                "platt": [round(self.platt[0], digits), round(self.platt[1], digits)],
                "threshold": round(self.threshold, 4), "veto": round(self.veto, 4), "alone": round(self.alone, 4),
                "veto_words": self.veto_words}


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode("utf-8")).hexdigest()[:8], 16) % folds


def _matrix(examples: Sequence[Example], vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for ex in examples:
        distinct = set(ex.features)
        scale = 1.0 / math.sqrt(len(distinct)) if distinct else 0.0
        cols = sorted(vocab[f] for f in distinct if f in vocab)
        indices.extend(cols)
        data.extend([scale] * len(cols))
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data), np.array(indices, dtype=np.int64), np.array(indptr)),
                             shape=(len(examples), len(vocab)))


def _vocab(examples: Sequence[Example], min_df: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for ex in examples:
        df.update(set(ex.features))
    keep = sorted(f for f, n in df.items() if n >= min_df)
    return {f: i for i, f in enumerate(keep)}


def fit_logreg(x: sparse.csr_matrix, y: np.ndarray, c: float, pos_weight: float,
               max_iter: int = 300, weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (bias not regularised): ``sum sw*logloss + |w|^2/(2c)``.

    ``sw``: ``pos_weight`` on positives, 1 on negatives, times the examples' ``weights`` (None: all 1).
    """
    d = x.shape[1]
    sw = np.where(y > 0, pos_weight, 1.0)
    if weights is not None:
        sw = sw * weights
    ys = np.where(y > 0, 1.0, -1.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = x @ w + b
        m = ys * z
        lo = np.logaddexp(0.0, -m)
        g = -ys * sw * (1.0 / (1.0 + np.exp(np.clip(m, -50, 50))))
        f = float(np.dot(sw, lo) + np.dot(w, w) / (2 * c))
        grad = np.empty(d + 1)
        grad[:d] = x.T @ g + w / c
        grad[d] = g.sum()
        return f, grad

    res = optimize.minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B",
                            options={"maxiter": max_iter})
    theta = res.x
    return theta[:d], float(theta[d])


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a*s + c)`` with Platt's smoothed targets."""
    npos = float((y > 0).sum())
    nneg = float(len(y) - npos)
    t = np.where(y > 0, (npos + 1) / (npos + 2), 1 / (nneg + 2))

    def loss(ab: np.ndarray) -> tuple[float, np.ndarray]:
        z = ab[0] * scores + ab[1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
        f = float(np.sum(np.logaddexp(0.0, z) - t * z))
        r = p - t
        return f, np.array([np.dot(r, scores), r.sum()])

    res = optimize.minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(res.x[0]), float(res.x[1])


def prf(pred: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    tp = int(np.sum(pred & (y > 0)))
    fp = int(np.sum(pred & (y <= 0)))
    fn = int(np.sum(~pred & (y > 0)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(prob: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 (midway between neighbouring probabilities) and that F1."""
    cands = np.unique(prob)
    best_t, best_f = 0.5, -1.0
    for i, t in enumerate(cands):
        f = prf(prob >= t, y)[2]
        if f > best_f:
            lo = cands[i - 1] if i else 0.0
            best_t, best_f = float((t + lo) / 2), f
    return best_t, best_f


ALONE_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def best_alone(prob: np.ndarray, y: np.ndarray, rule: np.ndarray, thr: float) -> tuple[float, list[dict[str, float]]]:
    """The level from which the detector adds an event the rules did not code, chosen on out-of-fold
    probabilities: the best F1 of "a rule hit, or the probability reaches the level" over the threshold and
    the levels of :data:`ALONE_GRID` above it (a tie goes to the higher level: fewer events without a frame)."""
    best, best_f = thr, -1.0
    grid = []
    for level in sorted({thr, *(g for g in ALONE_GRID if g > thr)}):
        f = prf(rule | (prob >= level), y)[2]
        grid.append({"level": round(level, 4), "f1": round(f, 4)})
        if f >= best_f - 1e-12:
            best, best_f = level, f
    return best, grid


MAX_VETO = 0.1  # a rule event is dropped only when the calibrated probability of its type is below this


def _veto(prob: np.ndarray, y: np.ndarray, rule: np.ndarray, thr: float, npv: float = 0.9) -> float:
    """The veto level: the highest probability under which the rule hits the detector would drop were true
    events at most ``1 - npv`` of the time out of fold, capped at :data:`MAX_VETO` (the detector must say no
    with at least 90% confidence: the training data's domain is narrower than the rules')."""
    veto = 0.0
    for v in (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
        if v > thr:
            break
        dropped = rule & (prob < v)
        if dropped.sum() and float((y[dropped] > 0).mean()) <= 1 - npv:
            veto = v
    return min(veto, MAX_VETO)


def _weights(examples: Sequence[Example]) -> np.ndarray | None:
    """The examples' weights, or None when all are 1 (the plain loss)."""
    if all(ex.weight == 1.0 for ex in examples):
        return None
    return np.array([ex.weight for ex in examples])


def _oof(examples: Sequence[Example], y: np.ndarray, folds: int, min_df: int, c: float,
         pos_weight: float) -> np.ndarray:
    fold = np.array([fold_of(ex.group, folds) for ex in examples])
    out = np.zeros(len(examples))
    for k in range(folds):
        tr = np.flatnonzero(fold != k)
        te = np.flatnonzero(fold == k)
        if not len(te):
            continue
        sub = [examples[int(i)] for i in tr]
        vocab = _vocab(sub, min_df)
        w, b = fit_logreg(_matrix(sub, vocab), y[tr], c, pos_weight, weights=_weights(sub))
        out[te] = _matrix([examples[int(i)] for i in te], vocab) @ w + b
    return out


def train_label(examples: Sequence[Example], folds: int = 5, min_df: int = 2,
                grid_c: Sequence[float] = GRID_C, grid_pos: Sequence[float] = GRID_POS) -> LabelResult:
    """Train one label by the recipe of the module docstring.

    Raises:
        TrainingDataError: (E302) fewer than 5 positive or 5 negative examples.
    """
    y = np.array([1.0 if ex.label else 0.0 for ex in examples])
    npos = int(y.sum())
    if npos < 5 or len(y) - npos < 5:
        raise TrainingDataError(f"too few examples to train: {npos} positive, {len(y) - npos} negative")
    best: tuple[float, float, float, np.ndarray] | None = None
    grid: list[dict[str, float]] = []
    for c in grid_c:
        for pw in grid_pos:
            scores = _oof(examples, y, folds, min_df, c, pw)
            a, cc = fit_platt(scores, y)
            prob = 1.0 / (1.0 + np.exp(-(a * scores + cc)))
            _, f = best_threshold(prob, y)
            grid.append({"c": c, "pos_weight": pw, "cv_f1": round(f, 4)})
            if best is None or f > best[0] + 1e-9:
                best = (f, c, pw, scores)
    if best is None:
        raise TrainingDataError("empty hyper-parameter grid")
    _, c, pw, scores = best
    platt = fit_platt(scores, y)
    prob = 1.0 / (1.0 + np.exp(-(platt[0] * scores + platt[1])))
    thr, f = best_threshold(prob, y)
    p, r, _ = prf(prob >= thr, y)
    rule = np.array([ex.rule_hit for ex in examples])
    veto = _veto(prob, y, rule, thr)
    vf = prf((prob >= thr) | ((prob >= veto) & rule), y)[2]
    alone, alone_grid = best_alone(prob, y, rule, thr)
    vocab = _vocab(examples, min_df)
    w, b = fit_logreg(_matrix(examples, vocab), y, c, pw, weights=_weights(examples))
    inv = {i: f_ for f_, i in vocab.items()}
    weights = {inv[int(i)]: float(w[i]) for i in np.flatnonzero(np.abs(w) >= 1e-4)}
    cv = {"folds": folds, "examples": len(y), "positives": npos, "grid": grid,
          "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
          "f1_with_rule_hits": round(vf, 4), "alone_grid": alone_grid, "vocabulary": len(vocab),
          "kept_weights": len(weights)}
    return LabelResult(b, weights, platt, thr, veto, c, pw, cv, alone_cv=alone, oof=(prob, y, rule))


def oof_hybrid(res: LabelResult, part: slice | None = None) -> dict[str, float]:
    """Out-of-fold P/R/F1 of the hybrid decision with ``res``'s final levels: the detector fires alone
    (``p >= max(threshold, alone)``), or a rule hit it does not veto (``p >= veto``) — what the pipeline does
    with a unit of the training data, had the unit been held out (``part``: of these examples only; the veto
    length is not applied)."""
    if res.oof is None:
        return {}
    prob, y, rule = (a[part] if part is not None else a for a in res.oof)
    p, r, f1 = prf((prob >= max(res.threshold, res.alone)) | (rule & (prob >= res.veto)), y)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
