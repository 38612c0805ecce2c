"""The statistical event detector: one calibrated linear model per PLOVER type over sparse features.

The model file (``models/events.detector.json.gz``, written by ``marsad train events`` through
:mod:`marsad.learn.linear`) is gzipped JSON::

    {"format": "marsad-linear-1", "features": "evfeat-2", "version": "...",
     "labels": {"ASSAULT": {"bias": b, "weights": {feature: w}, "platt": [a, c], "threshold": t,
                            "veto": v, "veto_words": m, "alone": s}, ...},
     "card": {...training report...}}

A sentence's score for a type is ``bias + sum(w[f] for f in its distinct features) / sqrt(n)`` (``n``
the number of its distinct features), and its probability ``1 / (1 + exp(-(a * score + c)))`` (Platt
scaling fitted on cross-validation scores of the training data). The detector *fires* for a type when
the probability reaches ``threshold``; a rule-coded event of that type is *vetoed* when the probability
is below ``veto`` in a sentence of at least ``veto_words`` words (a shorter one is outside what the model was
trained on: it says "no" to nearly every short sentence, right or wrong, so there the rules' reading stands);
an event no predicate frame bound is emitted only from ``max(threshold, alone)``.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ModelNotFoundError, ResourceError
from marsad.events.features import VERSION as FEATURES_VERSION
from marsad.events.features import Feature, word_features

FORMAT = "marsad-linear-1"
MODEL_PACKAGE = "marsad.events.models"
MODEL_FILE = "events.detector.json.gz"
_WORD_CACHE_LIMIT = 50_000  # words (~0.8 kB each); emptied when full


@dataclass(frozen=True, slots=True)
class LabelModel:
    """The weights, calibration and decision thresholds of one label."""

    bias: float
    weights: dict[str, float]
    platt: tuple[float, float]
    threshold: float
    veto: float
    alone: float = 0.0  # the probability an event needs when no predicate frame of its type bound one
    veto_words: int = 0  # the veto applies only in sentences of at least this many words

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
    """A set of one-vs-rest label models over the same features (scored together as one matrix)."""

    labels: dict[str, LabelModel]
    version: str
    features: str = FEATURES_VERSION
    card: dict[str, Any] = field(default_factory=dict)
    _vocab: dict[str, int] = field(default_factory=dict, repr=False)
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)), repr=False)
    _bias: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    # word -> (vocabulary rows of its known word features, ids of its unknown ones in _unknown): filled by
    # sentence_scores; the ids only count distinct names, and the two are cleared together
    _words: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict, repr=False, compare=False)
    _unknown: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, labels: dict[str, LabelModel], version: str, card: dict[str, Any] | None = None) -> LinearModel:
        """The model with its feature × label weight matrix."""
        vocab: dict[str, int] = {}
        for lm in labels.values():
            for f in lm.weights:
                vocab.setdefault(f, len(vocab))
        mat = np.zeros((len(vocab) + 1, len(labels)), dtype=np.float64)  # the last row: unknown features
        for j, lm in enumerate(labels.values()):
            for f, w in lm.weights.items():
                mat[vocab[f], j] = w
        bias = np.array([lm.bias for lm in labels.values()])
        return cls(labels, version, FEATURES_VERSION, dict(card or {}), vocab, mat, bias)

    def scores(self, names: set[str]) -> np.ndarray:
        """The linear score of every label for a set of distinct features (as :meth:`LabelModel.score`)."""
        if not names:
            return self._bias.copy()
        unknown = len(self._vocab)
        get = self._vocab.get
        idx = np.fromiter(map(get, names, repeat(unknown, len(names))), dtype=np.int64, count=len(names))
        result: np.ndarray = self._bias + self._matrix[idx].sum(axis=0) / math.sqrt(len(names))
        return result

    def _check_built(self) -> None:
        if not self._vocab and self.labels:
            raise ResourceError("a LinearModel must be made with LinearModel.build")

    def sentence_scores(self, words: list[str], names: set[str]) -> np.ndarray:
        """:meth:`scores` of ``names`` with the word features (:func:`marsad.events.features.word_features`) of
        ``words`` (the parts :func:`marsad.events.features.sentence_words` gives), each word's looked up once."""
        vocab = self._vocab
        cache = self._words
        ids = self._unknown
        known: set[int] = set()
        unknown: set[str] = set()
        unknown_words: set[int] = set()  # word feature names are never sentence names (w:, s:, c:, k…: prefixes)
        for f in names:
            k = vocab.get(f)
            if k is None:
                unknown.add(f)
            else:
                known.add(k)
        for w in words:
            hit = cache.get(w)
            if hit is None:
                if len(cache) >= _WORD_CACHE_LIMIT:
                    cache.clear()
                    ids.clear()
                feats = word_features(w)
                # tuples of ints (not sets, not strings): small, and untracked by the garbage collector
                hit = (tuple({vocab[f] for f in feats if f in vocab}),
                       tuple({ids.setdefault(f, len(ids)) for f in feats if f not in vocab}))
                cache[w] = hit
            known.update(hit[0])
            unknown_words.update(hit[1])
        n = len(known) + len(unknown) + len(unknown_words)  # the distinct names: a row is one name
        if not n:
            return self._bias.copy()
        idx = np.fromiter(known, dtype=np.int64, count=len(known))
        result: np.ndarray = self._bias + self._matrix.take(idx, axis=0).sum(axis=0) / math.sqrt(n)
        return result

    def probabilities(self, names: set[str]) -> dict[str, float]:
        """The calibrated probability of every label for a sentence's distinct feature names."""
        self._check_built()
        return self.probabilities_of(self.scores(names))

    def probabilities_of(self, all_scores: np.ndarray) -> dict[str, float]:
        """The calibrated probability of every label from its linear score (:meth:`scores`)."""
        self._check_built()
        return {label: lm.probability(float(all_scores[j])) for j, (label, lm) in enumerate(self.labels.items())}

    def any_fires(self, probs: dict[str, float]) -> bool:
        return any(p >= self.labels[t].threshold for t, p in probs.items())

    def detect(self, feats: list[Feature], probs: dict[str, float] | None = None,
               n_words: int | None = None) -> dict[str, Detection]:
        """The detection of every label for one sentence's features (``probs``: already computed).

        ``n_words``: the sentence's word count (for each label's ``veto_words``); None: long enough to veto.
        """
        if probs is None:
            probs = self.probabilities({f for f, _, _ in feats})
        out: dict[str, Detection] = {}
        for label, lm in self.labels.items():
            p = probs[label]
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
            vetoes = p < lm.veto and (n_words is None or n_words >= lm.veto_words)
            out[label] = Detection(label, p, p >= lm.threshold, vetoes, trig, best_f,
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
                               float(m["veto"]), float(m.get("alone", m["threshold"])), int(m.get("veto_words", 0)))
            for t, m in data["labels"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ResourceError(f"{source}: malformed detector model ({exc})") from exc
    return LinearModel.build(labels, str(data.get("version", "")), dict(data.get("card", {})))


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
