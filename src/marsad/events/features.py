"""Sparse features of a sentence for the event detector (:mod:`marsad.events.detector`).

A feature is a short string; the detector's model maps the strings it knows to weights. Each feature
keeps the normalised-text position of the word it came from, so the detector can name the token that
weighed most (the trigger of an event no predicate frame binds).

Features, all over Marsad's matching view (:mod:`marsad.text.normalize`):
    * ``w:`` normalised words, ``s:`` their clitic-stripped stems (:func:`marsad.text.tokens.clitic_variants`),
    * ``b:`` word bigrams,
    * ``c:`` character n-grams (2–5) of each word padded with ``<``/``>``,
    * ``p:`` hits of the predicate lexicon by PLOVER type (and type/verb form),
    * ``k:`` word-cluster prefixes (4, 8 and 12 bits) from the NER clusters learned on unlabeled news,
    * ``n<``/``n>`` the words around a number (casualty counts: ``قتل 18 شخصا``),
    * ``r:`` the types the predicate frames coded in the sentence (the rule coder's vote; neither negated nor
      hypothetical).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from marsad.events.predicates import Lexicon
from marsad.text.normalize import normalize_string
from marsad.text.tokens import clitic_variants

VERSION = "evfeat-2"
NGRAMS = (2, 3, 4, 5)
CLUSTER_BITS = (4, 8, 12)
MAX_WORDS = 120  # a longer "sentence" is cut: the detector reads its first words only

_WORD_RE = re.compile(r"[^\W_]+")
_DIGITS_RE = re.compile(r"\d+")

Feature = tuple[str, int, int]  # (name, start, end) in the normalised text


@cache
def word_clusters() -> dict[str, str]:
    """Word (matching form) → cluster bit path, from the NER model's clusters ({} when absent)."""
    try:
        raw = resources.files("marsad.entities.models").joinpath("ner.clusters.json.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


@lru_cache(maxsize=16_384)
def word_features(w: str) -> tuple[str, ...]:
    """The word-level features of one normalised word (with the shipped clusters), cached.

    The cache is small on purpose: an entry holds ~35 strings (~2.3 kB), and the pipeline's caller, the
    detector, keeps its own compact cache of each word's rows (:meth:`LinearModel.sentence_scores`); at
    200,000 entries this cache held ~200 MB after the 3000 bench articles.
    """
    return tuple(_word_feats(w, word_clusters()))


def _word_feats(w: str, cl: dict[str, str]) -> list[str]:
    out = ["w:" + w]
    variants = clitic_variants(w)
    out.extend("s:" + stem for _pre, stem in variants[1:])
    padded = "<" + w + ">"
    n = len(padded)
    for k in NGRAMS:
        out.extend("c:" + padded[j:j + k] for j in range(0, n - k + 1))
    path = cl.get(w) or next((cl[v] for _, v in variants[1:] if v in cl), None)
    if path:
        out.extend(f"k{bits}:" + path[:bits] for bits in CLUSTER_BITS if len(path) >= bits)
    return out


def sentence_features(norm: str, start: int, end: int, lexicon: Lexicon | None,
                      clusters: dict[str, str] | None = None,
                      rules: Iterable[tuple[str, int, int]] = ()) -> list[Feature]:
    """The features of ``norm[start:end]`` (a sentence of the normalised text), with positions.

    Args:
        norm: The normalised text (:func:`marsad.text.normalize.normalize`).
        start: Start of the sentence in ``norm``.
        end: End of the sentence.
        lexicon: The predicate lexicon (None: no predicate features).
        clusters: Word clusters (None: :func:`word_clusters`).
        rules: ``(type, start, end)`` of the events the rule coder coded in the sentence (normalised predicate
            spans).
    """
    out: list[Feature] = [("bias", start, start)]
    toks = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(norm, start, end)][:MAX_WORDS]
    prev = "<s>"
    for i, (s, e, w) in enumerate(toks):
        if w.isdigit():
            w = "0"
        out.append(("b:" + prev + "_" + w, s, e))
        prev = w
        names = word_features(w) if clusters is None else _word_feats(w, clusters)
        out.extend((f, s, e) for f in names)
        if w == "0":
            if i > 0:
                out.append(("n<" + toks[i - 1][2], s, e))
            if i + 1 < len(toks):
                out.append(("n>" + toks[i + 1][2], s, e))
    out.append(("b:" + prev + "_</s>", end, end))
    if lexicon is not None and toks:
        stop = toks[-1][1]
        for m in lexicon.find(norm, start, stop):
            t = m.predicate.type
            out.append(("p:" + t, m.start, m.end))
            out.append(("p:" + t + ":" + m.form.kind, m.start, m.end))
    for t, s, e in rules:
        out.append(("r:" + t, s, e))
    return out


def sentence_names(norm: str, start: int, end: int, lexicon: Lexicon | None,
                   rules: Iterable[tuple[str, int, int]] = ()) -> set[str]:
    """The distinct feature names of :func:`sentence_features` (shipped clusters), without positions: fast."""
    words, names = sentence_words(norm, start, end, lexicon, rules)
    for w in words:
        names.update(word_features(w))
    return names


def sentence_words(norm: str, start: int, end: int, lexicon: Lexicon | None,
                   rules: Iterable[tuple[str, int, int]] = ()) -> tuple[list[str], set[str]]:
    """:func:`sentence_names` in two parts: the words whose :func:`word_features` it holds (with repeats), and its
    other feature names (bigrams, numbers' neighbours, lexicon and rule hits)."""
    names: set[str] = {"bias"}
    ms = list(_WORD_RE.finditer(norm, start, end))[:MAX_WORDS]
    toks = [m.group() for m in ms]
    words: list[str] = []
    prev = "<s>"
    for i, w in enumerate(toks):
        if w.isdigit():
            w = "0"
            if i > 0:
                names.add("n<" + toks[i - 1])
            if i + 1 < len(toks):
                names.add("n>" + toks[i + 1])
        names.add("b:" + prev + "_" + w)
        prev = w
        words.append(w)
    names.add("b:" + prev + "_</s>")
    if lexicon is not None and ms:
        for m in lexicon.find(norm, start, ms[-1].end()):
            t = m.predicate.type
            names.add("p:" + t)
            names.add("p:" + t + ":" + m.form.kind)
    names.update("r:" + t for t, _, _ in rules)
    return words, names


def word_count(norm: str, start: int, end: int) -> int:
    """The number of words of ``norm[start:end]`` as the features see them (before the :data:`MAX_WORDS` cut)."""
    return sum(1 for _ in _WORD_RE.finditer(norm, start, end))


def text_features(text: str, lexicon: Lexicon | None, fold_ta_marbuta: bool = True,
                  rule_types: Iterable[str] = ()) -> list[str]:
    """The feature names of a whole short text (a training sentence): normalise, then featurise."""
    norm = normalize_string(text, fold_ta_marbuta)
    rules = [(t, 0, 0) for t in sorted(set(rule_types))]
    return [f for f, _, _ in sentence_features(norm, 0, len(norm), lexicon, rules=rules)]
