"""The statistical event detector: one calibrated linear model per PLOVER type over sparse features.

The model file (``models/events.detector.json.gz``, written by ``marsad train events`` through
:mod:`marsad.learn.linear`) is gzipped JSON::

    {"format": "marsad-linear-1", "features": "evfeat-2", "version": "...",
     "labels": {"ASSAULT": {"bias": b, "weights": {feature: w}, "platt": [a, c], "threshold": t,
                            "veto": v, "alone": s}, ...},
     "card": {...training report...}}

A sentence's score for a type is ``bias + sum(w[f] for f in its distinct features) / sqrt(n)`` (``n``
the number of its distinct features), and its probability ``1 / (1 + exp(-(a * score + c)))`` (Platt
scaling fitted on cross-validation scores of the training data). The detector *fires* for a type when
the probability reaches ``threshold``; a rule-coded event of that type is *vetoed* when the probability
is below ``veto``; an event no predicate frame bound is emitted only from ``max(threshold, alone)``.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import ModelNotFoundError, ResourceError
from marsad.events.features import VERSION as FEATURES_VERSION
from marsad.events.features import Feature

FORMAT = "marsad-linear-1"
MODEL_PACKAGE = "marsad.events.models"
MODEL_FILE = "events.detector.json.gz"


@dataclass(frozen=True, slots=True)
class LabelModel:
    """The weights, calibration and decision thresholds of one label."""

    bias: float
    weights: dict[str, float]
    platt: tuple[float, float]
    threshold: float
    veto: float
    alone: float = 0.0  # the probability an event needs when no predicate frame of its type bound one

    def score(self, feats: set[str]) -> float:
        """The linear score of a set of distinct features."""
        if not feats:
            return self.bias
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats) / math.sqrt(len(feats))

    def probability(self, score: float) -> float:
        a, c = self.platt
        z = a * score + c
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@dataclass(frozen=True, slots=True)
class Detection:
    """What the detector says about one sentence for one type."""

    type: str
    probability: float
    fires: bool
    vetoes: bool
    trigger: tuple[int, int] | None  # normalised span of the word that weighed most
    feature: str | None
    alone: bool = False  # strong enough to stand without a bound frame


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A set of one-vs-rest label models over the same features."""

    labels: dict[str, LabelModel]
    version: str
    features: str = FEATURES_VERSION
    card: dict[str, Any] = field(default_factory=dict)

    def detect(self, feats: list[Feature]) -> dict[str, Detection]:
        """The detection of every label for one sentence's features."""
        names = {f for f, _, _ in feats}
        out: dict[str, Detection] = {}
        for label, lm in self.labels.items():
            p = lm.probability(lm.score(names))
            trig: tuple[int, int] | None = None
            best_f: str | None = None
            if p >= lm.threshold:
                best = 0.0
                per_word: dict[tuple[int, int], float] = {}
                seen: set[str] = set()
                for f, s, e in feats:
                    if f in seen or s >= e:
                        continue
                    seen.add(f)
                    per_word[(s, e)] = per_word.get((s, e), 0.0) + lm.weights.get(f, 0.0)
                for span, w in per_word.items():
                    if w > best:
                        best, trig = w, span
                if trig is not None:
                    best_f = max((f for f, s, e in feats if (s, e) == trig),
                                 key=lambda f: lm.weights.get(f, 0.0))
            out[label] = Detection(label, p, p >= lm.threshold, p < lm.veto, trig, best_f,
                                   p >= max(lm.threshold, lm.alone))
        return out


def parse_model(raw: bytes, source: str = MODEL_FILE) -> LinearModel:
    """Read a model file's bytes.

    Raises:
        ResourceError: (E300) not a model of this format or of these features.
    """
    try:
        data = json.loads(gzip.decompress(raw).decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ResourceError(f"{source}: not a {FORMAT} model (format {data.get('format')!r})")
        if data.get("features") != FEATURES_VERSION:
            raise ResourceError(f"{source}: model built for features {data.get('features')!r}, "
                                f"these are {FEATURES_VERSION!r}; run 'marsad train events'")
        labels = {
            str(t): LabelModel(float(m["bias"]), {str(k): float(v) for k, v in m["weights"].items()},
                               (float(m["platt"][0]), float(m["platt"][1])), float(m["threshold"]),
                               float(m["veto"]), float(m.get("alone", m["threshold"])))
            for t, m in data["labels"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ResourceError(f"{source}: malformed detector model ({exc})") from exc
    return LinearModel(labels, str(data.get("version", "")), FEATURES_VERSION, dict(data.get("card", {})))


def load_model_from(path: Path) -> LinearModel:
    """A detector model from a file (``marsad train events --out``).

    Raises:
        ModelNotFoundError: (E301) the file does not exist.
    """
    if not path.is_file():
        raise ModelNotFoundError(f"detector model {path} is missing; run 'marsad train events'")
    return parse_model(path.read_bytes(), str(path))


@cache
def load_model() -> LinearModel | None:
    """The packaged detector model, loaded once per process (None when it is not installed)."""
    try:
        raw = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None
    return parse_model(raw)
