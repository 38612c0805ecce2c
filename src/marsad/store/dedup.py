"""Exact and near duplicates.

* Exact: two texts are the same when the sha256 of their normalised form (matching
  view of ``marsad.text.normalize``, whitespace collapsed) is equal. The store keeps
  one copy; the others are recorded as members of the stored article's exact group.
* Near: MinHash (datasketch) over word shingles of the normalised text; candidates come
  from LSH band keys kept in the store (``lsh_bands``), so nothing has to be loaded
  into memory and a rerun sees every earlier article. A candidate whose estimated
  Jaccard similarity reaches the threshold is a near duplicate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash

from marsad.text.normalize import normalize_string
from marsad.text.tokens import WORD_RE

NUM_PERM = 128
SHINGLE = 3  # words per shingle
THRESHOLD = 0.8
MIN_WORDS = 12  # shorter texts are too short for a meaningful near-duplicate test
SEED = 1


@lru_cache(maxsize=256)
def normalized(text: str, fold_ta_marbuta: bool = True) -> str:
    """The matching view of a whole text (cached: ingest needs it several times per article)."""
    return normalize_string(text, fold_ta_marbuta)


def normalized_for_hash(text: str, fold_ta_marbuta: bool = True) -> str:
    """The normalised text with whitespace collapsed: what the exact-duplicate hash covers."""
    return " ".join(normalized(text, fold_ta_marbuta).split())


def norm_sha256(text: str, fold_ta_marbuta: bool = True) -> str:
    """sha256 of the normalised text (the exact-duplicate key)."""
    return hashlib.sha256(normalized_for_hash(text, fold_ta_marbuta).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE, fold_ta_marbuta: bool = True) -> set[bytes]:
    """Word k-shingles of the normalised text (words only: punctuation and spacing do not matter)."""
    words = WORD_RE.findall(normalized(text, fold_ta_marbuta))
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@cache
def _template() -> MinHash:
    """An empty MinHash to copy: building the permutations once, not for every signature."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


@cache
def lsh_params(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives + negatives at ``threshold`` (datasketch's optimum)."""
    try:
        from datasketch.lsh import _optimal_param

        b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
        return int(b), int(r)
    except ImportError:  # a datasketch without the helper: a sound default for 0.8 / 128
        return 9, 13


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature and its LSH band keys.

    Attributes:
        values: The hash values (uint32).
        bands: One 8-byte key per LSH band.
    """

    values: np.ndarray
    bands: tuple[bytes, ...]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @staticmethod
    def values_from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4")

    def similarity(self, other_values: np.ndarray) -> float:
        """Estimated Jaccard similarity with another signature's values."""
        if len(other_values) != len(self.values):
            return 0.0
        return float(np.count_nonzero(self.values == other_values)) / len(self.values)


def signature(text: str, fold_ta_marbuta: bool = True, threshold: float = THRESHOLD) -> Signature | None:
    """The MinHash signature of a text, or None when it is too short to compare."""
    words = WORD_RE.findall(normalized(text, fold_ta_marbuta))
    if len(words) < MIN_WORDS:
        return None
    grams = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    mh = _template().copy()
    mh.update_batch(list(grams))
    values = np.asarray(mh.hashvalues, dtype=np.uint32)
    b, r = lsh_params(threshold, NUM_PERM)
    bands = tuple(
        hashlib.blake2b(values[i * r : (i + 1) * r].astype("<u4").tobytes(), digest_size=8).digest()
        for i in range(b)
    )
    return Signature(values, bands)
