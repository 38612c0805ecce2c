"""Word clusters for the NER features, learned from unlabeled Arabic news.

Brown-style hierarchical clusters, made cheaply: each frequent word type gets a
vector from its left/right neighbour counts (positive PMI, reduced by truncated
SVD), and the vectors are split recursively in two (2-means) to give every word
a bit-string path; path prefixes are clusters at several granularities.

Only the mapping word type -> path is kept (no running text). The shipped clusters were built from the
bench with the defaults::

    python -m marsad.entities.ner_clusters ../shared/data/bench/saudinewsnet-3000.jsonl \
        src/marsad/entities/models/ner.clusters.json.gz

Options after the paths are ``build_clusters``'s integer arguments, and the input may be gzip-compressed:
``../shared/data/corpus/saudinewsnet-2015-07-21_2015-08-01.jsonl.gz OUT min_count=5 max_words=100000 dims=100
depth=18`` (about 4 minutes on one core) gave a better NER dev F1 with the name-prior lexicon (0.7716), but that
model lowered the place scores below their floors, so it is not shipped.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.text.normalize import normalize_string
from marsad.text.tokens import TOKEN_RE

SEED = 20171121


def jsonl_texts(path: Path) -> Iterator[str]:
    """Title and content of every record of a JSONL news file (gzip-compressed when it ends in ``.gz``)."""
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")) as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            for key in ("title", "content"):
                val = rec.get(key)
                if isinstance(val, str):
                    yield val


def _sentences(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        for para in text.splitlines():
            toks = [normalize_string(m.group()) for m in TOKEN_RE.finditer(para)]
            if toks:
                yield toks


def _bisect(vecs: np.ndarray, idx: np.ndarray, depth: int, max_depth: int, min_size: int,
            rng: np.random.Generator, paths: list[str], prefix: str) -> None:
    if depth >= max_depth or len(idx) < min_size:
        for i in idx:
            paths[i] = prefix
        return
    x = vecs[idx]
    # deterministic 2-means: start from the two points farthest along the first principal direction
    centered = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centered[: min(len(centered), 2000)], full_matrices=False)
    proj = centered @ vt[0]
    labels = (proj > np.median(proj)).astype(np.int8)
    for _ in range(10):
        c0 = x[labels == 0].mean(axis=0) if (labels == 0).any() else x[0]
        c1 = x[labels == 1].mean(axis=0) if (labels == 1).any() else x[-1]
        new = (((x - c1) ** 2).sum(axis=1) < ((x - c0) ** 2).sum(axis=1)).astype(np.int8)
        if np.array_equal(new, labels):
            break
        labels = new
    if labels.all() or not labels.any():
        labels = (proj > np.median(proj)).astype(np.int8)
    for bit in (0, 1):
        _bisect(vecs, idx[labels == bit], depth + 1, max_depth, min_size, rng, paths, prefix + str(bit))


def build_clusters(texts: Iterable[str], min_count: int = 3, n_context: int = 3000, dims: int = 80,
                   depth: int = 16, max_words: int = 60000) -> dict[str, str]:
    """Cluster paths for the frequent word types of ``texts``.

    Args:
        texts: Raw Arabic texts.
        min_count: Minimum frequency of a word type to be clustered.
        n_context: Number of most frequent words used as context features (left and right).
        dims: SVD dimensions.
        depth: Maximum path length.
        max_words: Cap on the number of word types.

    Returns:
        Word (matching form) -> bit-string path.
    """
    sents = list(_sentences(texts))
    freq = Counter(t for s in sents for t in s)
    vocab = [w for w, c in freq.most_common(max_words) if c >= min_count and any(ch.isalpha() for ch in w)]
    windex = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in freq.most_common(n_context)]
    cindex = {w: i for i, w in enumerate(ctx_words)}
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        for i, t in enumerate(s):
            wi = windex.get(t)
            if wi is None:
                continue
            for off, base in ((-1, 0), (1, n_context), (-2, 2 * n_context), (2, 3 * n_context)):
                j = i + off
                if 0 <= j < len(s):
                    ci = cindex.get(s[j])
                    if ci is not None:
                        rows.append(wi)
                        cols.append(base + ci)
    data = np.ones(len(rows), dtype=np.float64)
    mat = sparse.csr_matrix((data, (rows, cols)), shape=(len(vocab), 4 * n_context))
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = mat.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape)
    v0 = np.full(min(ppmi.shape), 1.0 / np.sqrt(min(ppmi.shape)))
    u, s, _ = svds(ppmi, k=dims, v0=v0, random_state=SEED)
    vecs = u * np.sqrt(s)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs = vecs / np.where(norms == 0, 1.0, norms)
    paths = [""] * len(vocab)
    rng = np.random.default_rng(SEED)
    _bisect(vecs, np.arange(len(vocab)), 0, depth, 4, rng, paths, "")
    return {w: paths[i] for i, w in enumerate(vocab)}


def save_clusters(path: Path, clusters: dict[str, str]) -> None:
    """Write clusters as deterministic gzip JSON."""
    raw = json.dumps(dict(sorted(clusters.items())), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


if __name__ == "__main__":  # pragma: no cover - a build script
    import sys

    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    params = {k: int(v) for k, v in (a.split("=", 1) for a in sys.argv[3:])}
    save_clusters(dst, build_clusters(jsonl_texts(src), **params))
