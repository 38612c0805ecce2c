"""Marsad's Arabic NER model: features and a CRF tagger (BIO over PERS, LOC, ORG, MISC).

The model is a linear-chain CRF (python-crfsuite) trained on ANERcorp by
``marsad train ner``. Its files live in ``marsad/entities/models/``:

- ``ner.crfsuite``: the CRF weights;
- ``ner.lexicon.json.gz``: the lexicon (names and cue words from installed
  packages, see ``ner_lexicon``) and the word clusters the features use;
- ``ner.card.json``: how the model was trained and what it scored.

Use::

    tagger = load_tagger()
    tagger.tag(["قال", "الرئيس", "بشار", "الأسد", "في", "دمشق"])
    # ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']

Features are computed per word type and cached, so tagging costs a few dict
look-ups per token plus the CRF's Viterbi pass.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pycrfsuite

from marsad.errors import ModelNotFoundError
from marsad.text.normalize import normalize_string
from marsad.text.tokens import clitic_variants

MODEL_PACKAGE = "marsad.entities.models"
MODEL_FILE = "ner.crfsuite"
LEXICON_FILE = "ner.lexicon.json.gz"
CARD_FILE = "ner.card.json"
LABELS = ("PERS", "LOC", "ORG", "MISC")

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"\d")
_OFFSET_PREFIX = re.compile(r"([+-]\d+):")
_ALNUM = re.compile(r"[^\W_]")
_PHRASE_CATS = ("PERS", "LOC", "ORG", "CLUB", "PDB")
# when phrases of two categories end at the same place: the lexicon's own categories in alphabetical order,
# then the optional lists (clubs, the name database)
_PHRASE_RANK = {"LOC": 0, "ORG": 1, "PERS": 2, "CLUB": 3, "PDB": 4}
_TOKEN_CATS = ("PERS", "LOC", "ORG")
# word types whose features, trie roots and score vectors are cached (the features and roots are emptied when
# full; the vectors keep their most recently used _CACHE_KEEP, see NerTagger._evict): the vectors take 360 bytes
# a word (at 500,000 the bench's 3000 articles left ~101,000 words and 48 MB of vectors)
_CACHE_LIMIT = 65_536
CONSISTENCY_WINDOW = 5  # sentences on each side that share their entity labels (``tag_many``)
_VITERBI_CELLS = 1 << 15  # padded tokens decoded together at most (unless under twice the real ones)
_CACHE_KEEP = 0.75  # the share of the NER vector cache kept (the most recently used words) when it is full
_VECTOR_CHUNK = 512  # new word types whose vectors one numpy pass computes
_LEN_TAGS = tuple(f"len={k}" for k in range(11))
_MAX_PROPAGATED = 6  # longest entity (in tokens) that label consistency copies


@cache
def _affix_tags(longest: int) -> tuple[tuple[str, str], ...]:
    """``("p1=", "x1="), ("p2=", "x2=") ...`` up to ``longest`` (the prefix and suffix feature names)."""
    return tuple((f"p{k}=", f"x{k}=") for k in range(1, longest + 1))


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups the extractor emits (stored in the model card).

    Attributes:
        window: Context words on each side.
        affixes: Longest prefix/suffix length.
        lexicon: Single-word lexicon membership features.
        phrases: Multi-word lexicon matches as BIO features.
        clusters: Word-cluster features (when the lexicon file has clusters).
        context_stems: Stems of the context words.
        context_lexicon: Lexicon categories of the context words.
        context_affixes: Two- and three-letter suffixes and proclitics of the neighbouring words.
    """

    window: int = 2
    affixes: int = 4
    lexicon: bool = True
    phrases: bool = True
    clusters: bool = True
    context_stems: bool = True
    context_lexicon: bool = True
    context_affixes: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FeatureConfig:
        return cls(**{k: v for k, v in data.items() if k in cls.__slots__})


class _Trie:
    """A phrase-trie node: next token -> node, and the category of a phrase ending here ("" if none)."""

    __slots__ = ("cat", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Trie] = {}
        self.cat = ""


@dataclass(frozen=True, slots=True)
class _WordFeats:
    own: tuple[str, ...]
    ctx: tuple[tuple[str, ...], ...]  # index = offset + window (the entry for offset 0 is empty)


class FeatureExtractor:
    """Turns a sentence's tokens into CRF feature lists, caching per word type.

    Args:
        lexicon: Category -> entries in matching form (see ``ner_lexicon.CATEGORIES``).
        clusters: Word (matching form) -> cluster path string (e.g. ``"0110"``), or empty.
        config: The feature groups to emit.
    """

    __slots__ = ("_cache", "_clusters", "_phrases", "_root_cache", "_single", "_token_cats", "config")

    def __init__(
        self,
        lexicon: Mapping[str, Sequence[str]],
        clusters: Mapping[str, str] | None = None,
        config: FeatureConfig | None = None,
    ) -> None:
        self.config = config or FeatureConfig()
        self._clusters = dict(clusters or {})
        single: dict[str, list[str]] = {}
        tokcats: dict[str, list[str]] = {}
        phrases: dict[str, _Trie] = {}
        for cat, entries in lexicon.items():
            for entry in entries:
                toks = tuple(entry.split(" "))
                if len(toks) == 1:
                    single.setdefault(toks[0], []).append(cat)
                else:
                    if cat in _TOKEN_CATS:
                        for t in toks:
                            lst = tokcats.setdefault(t, [])
                            if cat not in lst:
                                lst.append(cat)
                    if cat in _PHRASE_CATS:
                        node = phrases.setdefault(toks[0], _Trie())
                        for t in toks[1:]:
                            node = node.next.setdefault(t, _Trie())
                        if not node.cat or _PHRASE_RANK[cat] < _PHRASE_RANK[node.cat]:
                            node.cat = cat
        self._single = {k: tuple(sorted(set(v))) for k, v in single.items()}
        self._token_cats = {k: tuple(v) for k, v in tokcats.items()}
        self._phrases = phrases
        self._cache: dict[str, _WordFeats] = {}
        self._root_cache: dict[str, tuple[str, tuple[_Trie, ...]]] = {}

    # --- per word type -------------------------------------------------------

    def _word(self, word: str) -> _WordFeats:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        feats = self._compute(word)
        self._cache[word] = feats
        return feats

    def word_features(self, word: str) -> _WordFeats:
        """A word type's own features and what it contributes to its neighbours (not cached)."""
        return self._compute(word)

    def _compute(self, word: str) -> _WordFeats:
        own, ctx_base, near = self.base_features(word)
        w = self.config.window
        ctx: list[tuple[str, ...]] = []
        for off in range(-w, w + 1):
            if off == 0:
                ctx.append(())
            else:
                tag = f"{off:+d}:"
                extra = near if abs(off) == 1 else ()
                ctx.append(tuple(tag + f for f in (*ctx_base, *extra)))
        return _WordFeats(own, tuple(ctx))

    def base_features(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """A word type's own features, the features it gives every neighbour and those it gives the next
        ones only (offset ±1), the last two without their offset prefix (``+1:``); not cached."""
        cfg = self.config
        n = normalize_string(word)
        arabic = _ARABIC_LETTER.search(n) is not None
        variants = clitic_variants(n) if arabic and len(n) >= 3 else (("", n),)
        pre, stem = variants[1] if len(variants) > 1 else ("", n)
        wn = "w=" + n
        own: list[str] = ["b", wn, "s=" + stem, "pc=" + pre]
        ctx_base: list[str] = [wn, "s=" + stem] if cfg.context_stems else [wn]
        ln = len(n)
        for k, (p_tag, x_tag) in enumerate(_affix_tags(cfg.affixes), 1):
            if ln <= k:
                break
            own.append(p_tag + n[:k])
            own.append(x_tag + n[-k:])
        if len(stem) > 2 and stem != n:
            own.append("sp2=" + stem[:2])
        if _ALNUM.search(n) is None:
            own.append("PUNCT")
            ctx_base.append("PUNCT")
        else:
            if _DIGIT.search(n) is not None:
                own.append("DIGIT" if n.isdigit() else "HASDIGIT")
                ctx_base.append("DIGIT")
            if _LATIN.search(n) is not None:
                own.append("LATIN")
            own.append(_LEN_TAGS[min(len(stem), 10)])
        if cfg.lexicon:
            cats: list[str] = []
            single, token_cats = self._single, self._token_cats
            for i, (_, v) in enumerate(variants):
                found = single.get(v)
                if found:
                    tag = "L=" if i == 0 else "Lv="
                    for cat in found:
                        f = tag + cat
                        if f not in cats:
                            cats.append(f)
                found = token_cats.get(v)
                if found:
                    for cat in found:
                        f = "T=" + cat
                        if f not in cats:
                            cats.append(f)
            own.extend(cats)
            if cfg.context_lexicon:
                ctx_base.extend(cats)
        if cfg.clusters and self._clusters:
            path = self._clusters.get(n) or self._clusters.get(stem)
            if path is not None:
                own.append("c4=" + path[:4])
                own.append("c8=" + path[:8])
                own.append("c12=" + path[:12])
                own.append("c=" + path)
                ctx_base.append("c8=" + path[:8])
            else:
                own.append("c=none")
        near: tuple[str, ...] = ()
        if cfg.context_affixes:
            near = ("pc=" + pre, "x2=" + n[-2:], "x3=" + n[-3:]) if ln > 3 else \
                ("pc=" + pre, "x2=" + n[-2:]) if ln > 2 else ("pc=" + pre,)
        return tuple(own), tuple(ctx_base), near

    # --- per sentence -------------------------------------------------------

    def _roots(self, token: str) -> tuple[str, tuple[_Trie, ...]]:
        """A token's matching form and the phrase-trie nodes its clitic readings start (cached)."""
        hit = self._root_cache.get(token)
        if hit is not None:
            return hit
        if len(self._root_cache) >= _CACHE_LIMIT:
            self._root_cache.clear()
        norm = normalize_string(token)
        variants = clitic_variants(norm) if len(norm) >= 3 else (("", norm),)
        nodes = tuple(self._phrases[v] for _, v in variants if v in self._phrases)
        out = (norm, nodes)
        self._root_cache[token] = out
        return out

    def normal_form(self, token: str) -> str:
        """A token's matching form (``normalize_string``, cached)."""
        return self._roots(token)[0]

    def phrase_tags(self, tokens: Sequence[str]) -> list[str | None]:
        """Multi-word lexicon matches over a sentence's tokens as ``G=B-CAT`` / ``G=I-CAT`` features.

        The longest match starting at a token wins; its first token may carry proclitics.
        """
        n = len(tokens)
        out: list[str | None] = [None] * n
        roots = [self._roots(t) for t in tokens]
        i = 0
        while i < n:
            matched = 0
            cat = ""
            for node in roots[i][1]:
                j = i + 1
                cur = node
                while j < n:
                    nxt = cur.next.get(roots[j][0])
                    if nxt is None:
                        break
                    cur = nxt
                    j += 1
                    if cur.cat and j - i > matched:
                        matched, cat = j - i, cur.cat
            if matched:
                out[i] = "G=B-" + cat
                for k in range(i + 1, i + matched):
                    out[k] = "G=I-" + cat
                i += matched
            else:
                i += 1
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists for one sentence's tokens."""
        words = [self._word(t) for t in tokens]
        n = len(words)
        w = self.config.window
        out: list[list[str]] = []
        for i, wf in enumerate(words):
            feats = list(wf.own)
            for off in range(-w, w + 1):
                if off == 0:
                    continue
                j = i + off
                if 0 <= j < n:
                    feats.extend(words[j].ctx[off + w])
                elif j == -1:
                    feats.append("BOS")
                elif j == n:
                    feats.append("EOS")
            out.append(feats)
        if self.config.phrases and self._phrases:
            tags = self.phrase_tags(tokens)
            for i, tag in enumerate(tags):
                if tag is None:
                    continue
                out[i].append(tag)
                if i > 0:
                    out[i - 1].append("+1:" + tag)
                if i + 1 < n:
                    out[i + 1].append("-1:" + tag)
        return out


class NerTagger:
    """A trained CRF and its feature extractor.

    Decoding does not go through crfsuite's per-item feature look-up: the model's
    weights are read once into a matrix, each word type's score vectors (its own
    features and what it contributes to its neighbours) are summed once and cached,
    and Viterbi runs over the per-sentence sums. This gives the same tags as
    ``crfsuite`` (weights as crfsuite dumps them, to 6 decimals) several times faster.

    Args:
        model: The crfsuite model bytes.
        extractor: The feature extractor the model was trained with.
        card: The model card (training metadata), if known.
    """

    __slots__ = ("_attr", "_buf", "_by_offset", "_gen", "_labels", "_last", "_matrix", "_model", "_no_rows", "_rows",
                 "_trans", "_used",
                 "_zero", "card", "extractor", "source")

    def __init__(self, model: bytes, extractor: FeatureExtractor, card: Mapping[str, Any] | None = None) -> None:
        self._model = model
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(model)
        try:
            labels = list(tagger.labels())
            info = tagger.info()
        finally:
            tagger.close()
        self._labels = tuple(labels)
        lindex = {lab: i for i, lab in enumerate(labels)}
        n_lab = len(labels)
        trans = np.zeros((n_lab, n_lab), dtype=np.float64)
        for (a, b), wt in info.transitions.items():
            trans[lindex[a], lindex[b]] = wt
        attr: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for (name, lab), wt in info.state_features.items():
            rows.append(attr.setdefault(name, len(attr)))
            cols.append(lindex[lab])
            vals.append(wt)
        matrix = np.zeros((len(attr) + 1, n_lab), dtype=np.float64)  # the last row stays zero
        matrix[rows, cols] = vals
        self._attr = attr
        # a context feature's rows by offset: "+1:w=قال" is _by_offset["w=قال"][window + 1]
        window = extractor.config.window
        self._no_rows = (len(attr),) * (2 * window + 1)
        by_offset: dict[str, list[int]] = {}
        for name, row in attr.items():
            m = _OFFSET_PREFIX.match(name)
            off = int(m.group(1)) if m is not None else 0
            if m is not None and 0 < abs(off) <= window and m.group(1) == f"{off:+d}":
                rows = by_offset.setdefault(name[m.end():], list(self._no_rows))
                rows[off + window] = row
        self._by_offset = {k: tuple(v) for k, v in by_offset.items()}
        self._matrix = matrix
        self._trans = trans
        self._zero = len(attr)
        # each word type's score vectors, one row of ``_buf`` (row 0 stays zero: the padding of a short sentence)
        self._rows: dict[str, int] = {}
        self._buf = np.zeros((1024, 2 * window + 1, n_lab), dtype=np.float64)
        self._used = 1
        self._last = np.zeros(1024, dtype=np.int64)  # per row of ``_buf``: the last batch that used it
        self._gen = 0
        self.extractor = extractor
        self.card: dict[str, Any] = dict(card or {})
        self.source: Path | None = None  # the model directory, when loaded from one (not the package)

    @property
    def version(self) -> str:
        """Model version string (``ner-crf-<sha256 prefix>``) for provenance."""
        return str(self.card.get("version", "ner-crf-unversioned"))

    @property
    def labels(self) -> tuple[str, ...]:
        """The BIO labels the model knows."""
        return self._labels

    def _word(self, word: str) -> npt.NDArray[np.float64]:
        """A word type's score vectors: ``(2 * window + 1, labels)``, the row of offset k at k + window."""
        vec: npt.NDArray[np.float64] = self._buf[self._row(word)]
        return vec

    def _row(self, word: str) -> int:
        """The row of ``_buf`` holding the word's vectors (computed the first time; see ``_evict``)."""
        hit = self._rows.get(word)
        if hit is not None:
            return hit
        self._add_rows([word])
        return self._rows[word]

    def _add_rows(self, words: Sequence[str]) -> None:
        """Compute the score vectors of new word types (distinct, none cached) into fresh rows of ``_buf``, a
        chunk of words per numpy pass."""
        need = self._used + len(words)
        if need > len(self._buf):
            size = len(self._buf)
            while size < need:
                size = size * 3 // 2
            if need <= _CACHE_LIMIT + 1:  # no bigger than the cache needs (one longer article may pass it)
                size = min(size, _CACHE_LIMIT + 1)
            grown = np.zeros((size, *self._buf.shape[1:]), dtype=np.float64)
            grown[: self._used] = self._buf[: self._used]
            self._buf = grown
            last = np.zeros(size, dtype=np.int64)
            last[: self._used] = self._last[: self._used]
            self._last = last
        for k in range(0, len(words), _VECTOR_CHUNK):
            chunk = words[k : k + _VECTOR_CHUNK]
            first = self._used
            self._buf[first : first + len(chunk)] = self._vectors_many(chunk)
            for i, word in enumerate(chunk):
                self._rows[word] = first + i
            self._used = first + len(chunk)

    def _evict(self, room: int) -> None:
        """Make room for ``room`` new words under the cache limit (called before a batch, so rows handed out
        within it stay valid): keep the words of the most recent batches, at most ``_CACHE_KEEP`` of the limit,
        moved to the front of the buffer in place, and forget the others (computed again if they come back)."""
        used = self._used
        keep = max(0, min(int(_CACHE_LIMIT * _CACHE_KEEP), _CACHE_LIMIT - room - 1))
        # the kept rows in buffer order: each moves to a row at or before its own, so a forward copy is safe
        order = np.sort(np.argsort(-self._last[1:used], kind="stable")[:keep] + 1)
        for i in range(0, keep, 4096):
            rows = order[i : i + 4096]
            self._buf[1 + i : 1 + i + len(rows)] = self._buf[rows]
            self._last[1 + i : 1 + i + len(rows)] = self._last[rows]
        self._buf[keep + 1 : used] = 0.0
        self._last[keep + 1 : used] = 0
        remap = np.zeros(used, dtype=np.intp)
        remap[order] = np.arange(1, keep + 1)
        new_row = remap.tolist()
        self._rows = {w: new_row[r] for w, r in self._rows.items() if new_row[r]}
        self._used = keep + 1
        if len(self._buf) > _CACHE_LIMIT + 1 >= keep + room + 1:  # one long article grew it: back to the limit
            self._buf = self._buf[: _CACHE_LIMIT + 1].copy()
            self._last = self._last[: _CACHE_LIMIT + 1].copy()

    def _vectors(self, word: str) -> npt.NDArray[np.float64]:
        """One word type's score vectors, ``(2 * window + 1, labels)`` (not cached)."""
        vec: npt.NDArray[np.float64] = self._vectors_many([word])[0]
        return vec

    def _vectors_many(self, words: Sequence[str]) -> npt.NDArray[np.float64]:
        """The score vectors of several word types, ``(words, 2 * window + 1, labels)``.

        The row of offset k (k != window) sums the rows of the word's context features for that offset (see
        ``_by_offset``), the ±1 rows its near features too, in feature order; the row of offset 0 sums its own
        features. The sums run feature by feature, as ``np.add.reduceat`` did per word: the values are the
        same; a context feature that has no row at some offset adds the zero row there.
        """
        extract = self.extractor.base_features
        w = self.extractor.config.window
        attr, zero, table = self._attr, self._zero, self._by_offset
        none = self._no_rows
        near_cols = [k for k in range(2 * w + 1) if abs(k - w) == 1]
        ctx_rows: list[tuple[int, ...]] = []
        own_rows: list[int] = []
        ctx_bounds: list[int] = []
        own_bounds: list[int] = []
        for word in words:
            own, base, near = extract(word)
            ctx_bounds.append(len(ctx_rows))
            ctx_rows.extend([table.get(f, none) for f in base])
            for f in near:
                r = table.get(f)
                if r is not None:
                    masked = [zero] * (2 * w + 1)
                    for k in near_cols:
                        masked[k] = r[k]
                    ctx_rows.append(tuple(masked))
            own_bounds.append(len(own_rows))
            own_rows.extend([attr.get(f, zero) for f in own])
        matrix = self._matrix
        vec: npt.NDArray[np.float64] = np.add.reduceat(matrix[np.array(ctx_rows, dtype=np.intp)], ctx_bounds, axis=0)
        vec[:, w] = np.add.reduceat(matrix[own_rows], own_bounds, axis=0)
        return vec

    def emissions(self, tokens: Sequence[str]) -> npt.NDArray[np.float64]:
        """Per-token label scores (n x labels) for one sentence."""
        return self._emissions_many([tokens])[0, : len(tokens)].copy()

    def _emissions_many(self, sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
        """Per-token label scores of several non-empty sentences, ``(sentences, longest, labels)``; past a
        sentence's end the values are meaningless.

        The sums run in the same order as for one sentence alone: a neighbour a short sentence lacks adds the
        zero row, and ``x + 0.0 == x``, so every value is the same, bit for bit.
        """
        w = self.extractor.config.window
        lens = [len(t) for t in sentences]
        longest = max(lens)
        distinct = dict.fromkeys(t for tokens in sentences for t in tokens)
        new = [t for t in distinct if t not in self._rows]
        if self._used + len(new) > _CACHE_LIMIT:
            self._evict(len(new))
            new = [t for t in distinct if t not in self._rows]
        if new:
            self._add_rows(new)
        rows = self._rows
        grid = np.zeros((len(sentences), longest), dtype=np.intp)  # row 0 of _buf is zero
        for r, tokens in enumerate(sentences):
            grid[r, : lens[r]] = [rows[t] for t in tokens]
        self._gen += 1
        self._last[grid] = self._gen
        stack = self._buf[grid]  # [sentence, token, offset + window, label]
        em = stack[:, :, w, :].copy()
        for off in range(1, w + 1):
            if off < longest:
                em[:, off:] += stack[:, : longest - off, w - off]  # word i-off seen from i (offset -off)
                em[:, : longest - off] += stack[:, off:, w + off]  # word i+off seen from i (offset +off)
        bos = self._attr.get("BOS")
        eos = self._attr.get("EOS")
        phrases = self.extractor.config.phrases
        for r, tokens in enumerate(sentences):
            n = lens[r]
            e = em[r]
            for i in range(min(w, n)):
                if bos is not None:
                    e[i] += self._matrix[bos]
                if eos is not None:
                    e[n - 1 - i] += self._matrix[eos]
            if phrases:
                for i, tag in enumerate(self.extractor.phrase_tags(tokens)):
                    if tag is None:
                        continue
                    e[i] += self._matrix[self._attr.get(tag, self._zero)]
                    if i > 0:
                        e[i - 1] += self._matrix[self._attr.get("+1:" + tag, self._zero)]
                    if i + 1 < n:
                        e[i + 1] += self._matrix[self._attr.get("-1:" + tag, self._zero)]
        return em

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence's token strings."""
        return self._decode([tokens])[0]

    def _decode(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Viterbi over many sentences at once (each gets the same tags, ties included, as decoded alone).

        Sentences go longest first, padded to the longest of their group, in groups of at most
        ``_VITERBI_CELLS`` tokens padded or else twice the real tokens; in a group, step i advances every
        sentence longer than i.
        """
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: -len(sentences[k]))
        group: list[int] = []
        tokens = 0
        for k in order:
            n = len(sentences[k])
            if group and (len(group) + 1) * len(sentences[group[0]]) > max(_VITERBI_CELLS, 2 * (tokens + n)):
                self._viterbi(sentences, group, out)
                group, tokens = [], 0
            group.append(k)
            tokens += n
        if group:
            self._viterbi(sentences, group, out)
        return out

    def _viterbi(self, sentences: Sequence[Sequence[str]], order: Sequence[int], out: list[list[str]]) -> None:
        labels = self._labels
        n_lab = len(labels)
        lens = [len(sentences[k]) for k in order]  # longest first
        longest = lens[0]
        ems = self._emissions_many([sentences[k] for k in order])
        trans = self._trans
        back = np.empty((len(order), longest, n_lab), dtype=np.intp)
        final = np.empty((len(order), n_lab), dtype=np.float64)
        score = ems[:, 0].copy()
        live = len(order)
        for i in range(1, longest):
            while lens[live - 1] <= i:  # this sentence ended at i - 1
                live -= 1
                final[live] = score[live]
            score = score[:live]
            cand = score[:, :, None] + trans  # [sentence, from, to]
            back[:live, i] = cand.argmax(axis=1)
            score = cand.max(axis=1) + ems[:live, i]  # the maximum is the value at the argmax
        final[:live] = score
        ends = final.argmax(axis=1).tolist()
        for r, k in enumerate(order):
            j = ends[r]
            path = [j]
            rows = back[r, : lens[r]].tolist()
            for i in range(lens[r] - 1, 0, -1):
                j = rows[i][j]
                path.append(j)
            out[k] = [labels[j] for j in reversed(path)]

    def tag_many(self, sentences: Sequence[Sequence[str]], window: int | None = CONSISTENCY_WINDOW
                 ) -> list[list[str]]:
        """BIO tags for the sentences of one text, in order, with label consistency.

        Each sentence is decoded on its own (``tag``); then a name the model tagged
        in one sentence is also tagged where it stands untagged within ``window``
        sentences of it (see ``propagate_labels``).

        Args:
            sentences: Token strings per sentence, in text order.
            window: Sentences on each side that share labels; None decodes each sentence alone.
        """
        tags = self._decode(sentences)
        if window is None or not tags:
            return tags
        norm = [[self.extractor.normal_form(t) for t in s] for s in sentences]
        return propagate_labels(norm, tags, window)

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags decoded by crfsuite itself (slow; the reference for ``tag``)."""
        if not tokens:
            return []
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(self._model)
        try:
            return list(tagger.tag(self.extractor.sentence(tokens)))
        finally:
            tagger.close()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Components must be picklable: a worker reloads the model from where it came.
        if self.source is not None:
            return (load_tagger_from, (self.source,))
        return (load_tagger, ())


def _entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` spans of a BIO sequence (a stray ``I-`` starts a span)."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate((*tags, "O")):
        if kind and tag != "I-" + kind:
            out.append((start, i, kind))
            kind = ""
        if tag.startswith("B-") or (tag.startswith("I-") and not kind):
            start, kind = i, tag[2:]
    return out


@lru_cache(maxsize=65536)
def _first_forms(token: str) -> tuple[str, ...]:
    return tuple(v for _, v in clitic_variants(token)) if len(token) >= 3 else (token,)


def propagate_labels(norm: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                     window: int = CONSISTENCY_WINDOW) -> list[list[str]]:
    """Label consistency: copy entity labels to untagged repeats of the same name nearby.

    The model often tags a name where its context is clear and misses it elsewhere in
    the same text (``الليكود`` after ``حزب`` but not alone; ``البدري`` after its first name
    but not after ``وقال``). For every sentence, the entities tagged in the sentences
    within ``window`` of it (itself included) form a memory: each entity's tokens, and
    for a person of two or more tokens also the last token (the family name) alone. A
    run of untagged tokens equal to a remembered entity (its first token may carry
    proclitics: ``والليكود``) gets that entity's type (the most frequent one; ties go
    to the alphabetically first). Entities shorter than three letters are not copied.

    Args:
        norm: Matching forms (``normalize_string``) of the tokens, per sentence.
        tags: The model's BIO tags, per sentence.
        window: Sentences on each side that share labels.

    Returns:
        New BIO tags per sentence; tags the model set are never changed.
    """
    entries: list[list[tuple[str, ...]]] = []
    kinds: list[list[str]] = []
    for toks, sent_tags in zip(norm, tags, strict=True):
        keys: list[tuple[str, ...]] = []
        types: list[str] = []
        for a, b, kind in _entity_spans(sent_tags):
            key = tuple(toks[a:b])
            if b - a > _MAX_PROPAGATED or len("".join(key)) < 3:
                continue
            keys.append(key)
            types.append(kind)
            if kind == "PERS" and b - a >= 2 and len(toks[b - 1]) >= 3:
                keys.append((toks[b - 1],))
                types.append(kind)
        entries.append(keys)
        kinds.append(types)
    memory: dict[tuple[str, ...], dict[str, int]] = {}
    heads: dict[str, int] = {}
    live = [0]  # heads with a count above zero (``any(heads.values())`` per sentence was quadratic in long texts)

    def update(j: int, delta: int) -> None:
        for key, kind in zip(entries[j], kinds[j], strict=True):
            counts = memory.setdefault(key, {})
            counts[kind] = counts.get(kind, 0) + delta
            before = heads.get(key[0], 0)
            heads[key[0]] = before + delta
            live[0] += (before + delta > 0) - (before > 0)

    n = len(norm)
    for j in range(min(window + 1, n)):
        update(j, 1)
    out = [list(t) for t in tags]
    for k in range(n):
        if k > window:
            update(k - window - 1, -1)
        if k + window < n and k + window > window:
            update(k + window, 1)
        if not live[0]:
            continue
        toks, row = norm[k], out[k]
        i = 0
        while i < len(toks):
            step = 1
            if row[i] == "O":
                firsts = [f for f in _first_forms(toks[i]) if heads.get(f)]
                for length in range(min(_MAX_PROPAGATED, len(toks) - i), 0, -1) if firsts else ():
                    end = i + length
                    if row[end - 1] != "O" or (end < len(row) and row[end].startswith("I-")):
                        continue
                    if any(t != "O" for t in row[i:end]):
                        continue
                    kind = _best_kind(memory, firsts, tuple(toks[i + 1 : end]))
                    if kind:
                        row[i] = "B-" + kind
                        for x in range(i + 1, end):
                            row[x] = "I-" + kind
                        step = length
                        break
            i += step
    return out


def _best_kind(memory: Mapping[tuple[str, ...], Mapping[str, int]], firsts: Sequence[str],
               rest: tuple[str, ...]) -> str:
    for first in firsts:
        counts = memory.get((first, *rest))
        if counts:
            live = [(c, kind) for kind, c in counts.items() if c > 0]
            if live:
                best = max(c for c, _ in live)
                return min(kind for c, kind in live if c == best)
    return ""


def save_lexicon(path: Path, lexicon: Mapping[str, Sequence[str]], clusters: Mapping[str, str],
                 config: FeatureConfig) -> None:
    """Write lexicon, clusters and feature config as gzip JSON (deterministic bytes)."""
    data = {
        "config": config.to_dict(),
        "lexicon": {k: sorted(v) for k, v in sorted(lexicon.items())},
        "clusters": dict(sorted(clusters.items())),
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def load_extractor(raw: bytes) -> FeatureExtractor:
    """Build the feature extractor from the bytes of a ``ner.lexicon.json.gz`` file."""
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    return FeatureExtractor(data["lexicon"], data.get("clusters") or {}, FeatureConfig.from_dict(data["config"]))


def load_tagger_from(directory: Path) -> NerTagger:
    """Load a tagger from a directory holding the model files (e.g. ``marsad train ner --out``).

    Raises:
        ModelNotFoundError: A model file is missing.
    """
    model = directory / MODEL_FILE
    lex = directory / LEXICON_FILE
    for p in (model, lex):
        if not p.is_file():
            raise ModelNotFoundError(f"NER model file {p} is missing; run 'marsad train ner --out {directory}'")
    card_path = directory / CARD_FILE
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
    tagger = NerTagger(model.read_bytes(), load_extractor(lex.read_bytes()), card)
    tagger.source = directory
    return tagger


@cache
def load_tagger() -> NerTagger:
    """The packaged NER tagger, loaded once per process.

    Raises:
        ModelNotFoundError: The model files are not in the installed package.
    """
    try:
        base = resources.files(MODEL_PACKAGE)
        model = base.joinpath(MODEL_FILE).read_bytes()
        lex = base.joinpath(LEXICON_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise ModelNotFoundError(
            f"the NER model is not installed ({MODEL_PACKAGE}/{MODEL_FILE}); "
            "run 'marsad train ner' to build it from ANERcorp"
        ) from exc
    card_file = base.joinpath(CARD_FILE)
    card = json.loads(card_file.read_text(encoding="utf-8")) if card_file.is_file() else {}
    return NerTagger(model, load_extractor(lex), card)
