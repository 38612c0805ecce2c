"""Word clusters for the NER features, learned from unlabeled Arabic news (``marsad train clusters``).

Brown-style hierarchical clusters, made cheaply: each frequent word type gets a
vector from its left/right neighbour counts (positive PMI, reduced by truncated
SVD), and the vectors are split recursively in two (2-means) to give every word
a bit-string path; path prefixes are clusters at several granularities.

Only the mapping word type -> path is kept (no running text), in ``ner.clusters.json.gz`` beside the NER model;
the NER features (through the lexicon file ``marsad train ner`` writes) and the event detector's features
(``marsad.events.features.word_clusters``) read it. Its report, ``ner.clusters.card.json``, records the corpus's
sha256, the options and the command that reproduces the file byte for byte (``--verify`` rebuilds it in a
temporary folder and compares). The shipped clusters were built from the bench with the defaults and two
OpenBLAS threads (the SVD's sums depend on the thread count: one thread changes 174 of the 33,533 paths)::

    OPENBLAS_NUM_THREADS=2 marsad train clusters

A corpus build, ``OPENBLAS_NUM_THREADS=1 marsad train clusters --corpus
../shared/data/corpus/saudinewsnet-2015-07-21_2015-08-01.jsonl.gz --min-count 5 --max-words 100000 --dims 100
--depth 18`` (about 4 minutes on one core), gave a better NER dev F1 with the name-prior lexicon (0.7716), but
that model lowered the place scores below their floors, so it is not shipped.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.errors import TrainingDataError
from marsad.learn.conll import file_sha256
from marsad.learn.report import differences, echo_verdict, entities_models_dir, read_card, shared_dir, write_card
from marsad.text.normalize import normalize_string
from marsad.text.tokens import TOKEN_RE

SEED = 20171121
CLUSTERS_FILE = "ner.clusters.json.gz"
CLUSTERS_CARD = "ner.clusters.card.json"
DEFAULTS = {"min_count": 3, "n_context": 3000, "dims": 80, "depth": 16, "max_words": 60000}
VERIFY_KEYS = ("sha256", "words", "corpus.sha256", "options", "blas_threads")


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




def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def blas_threads() -> str:
    """OpenBLAS's thread count for this process (``OPENBLAS_NUM_THREADS``, else one per core)."""
    return os.environ.get("OPENBLAS_NUM_THREADS") or str(os.cpu_count() or 1)


def reproduce_command(corpus: str | None, options: dict[str, int], threads: str) -> str:
    """The ``marsad train clusters`` command line of a build (``corpus`` None: the default bench file).

    The SVD's sums depend on OpenBLAS's thread count (the shipped clusters, built with 2 threads, differ in 174 of
    33,533 paths from a one-thread build), so the command pins it.
    """
    parts = [f"OPENBLAS_NUM_THREADS={threads}", "marsad", "train", "clusters"]
    if corpus is not None:
        parts += ["--corpus", corpus]
    for k, v in options.items():
        parts += [_option(k), str(v)]
    return " ".join(parts)


def default_corpus() -> Path:
    return shared_dir() / "data" / "bench" / "saudinewsnet-3000.jsonl"


def train_clusters(corpus: Path, out: Path, options: dict[str, int], corpus_arg: str | None = None) -> dict[str, Any]:
    """Build the clusters of ``corpus``, write ``ner.clusters.json.gz`` and its card into ``out``; return the card.

    Raises:
        TrainingDataError: (E302) the corpus file is missing.
    """
    if not corpus.is_file():
        raise TrainingDataError(f"corpus not found: {corpus} (set MARSAD_SHARED or pass --corpus)")
    t0 = time.perf_counter()
    clusters = build_clusters(jsonl_texts(corpus), **options)
    out.mkdir(parents=True, exist_ok=True)
    save_clusters(out / CLUSTERS_FILE, clusters)
    import scipy

    card: dict[str, Any] = {
        "file": CLUSTERS_FILE,
        "sha256": file_sha256(out / CLUSTERS_FILE),
        "words": len(clusters),
        "corpus": {"file": corpus_arg or "data/bench/saudinewsnet-3000.jsonl", "sha256": file_sha256(corpus)},
        "options": options,
        "blas_threads": blas_threads(),
        "reproduce": reproduce_command(corpus_arg, options, blas_threads()),
        "read_by": "marsad train ner (the NER lexicon file embeds them) and marsad.events.features.word_clusters",
        "seconds": round(time.perf_counter() - t0, 1),
        "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
    }
    write_card(out / CLUSTERS_CARD, card)
    return card


@click.command("clusters")
@click.option("--corpus", "corpus_arg", default=None,
              help="JSONL news file, .gz allowed (default: ../shared/data/bench/saudinewsnet-3000.jsonl).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory for the clusters and their card (default: the package's entities/models).")
@click.option("--min-count", type=click.IntRange(1), default=DEFAULTS["min_count"], show_default=True,
              help="Minimum frequency of a clustered word.")
@click.option("--n-context", type=click.IntRange(10), default=DEFAULTS["n_context"], show_default=True,
              help="Most frequent words used as left/right context features.")
@click.option("--dims", type=click.IntRange(2), default=DEFAULTS["dims"], show_default=True,
              help="SVD dimensions.")
@click.option("--depth", type=click.IntRange(1, 64), default=DEFAULTS["depth"], show_default=True,
              help="Longest bit path.")
@click.option("--max-words", type=click.IntRange(10), default=DEFAULTS["max_words"], show_default=True,
              help="Cap on the number of clustered word types.")
@click.option("--verify", is_flag=True,
              help="Build into a temporary folder and compare with the card in --out (sha256, words, corpus, "
                   "options); exit 1 when they differ. Nothing is written into --out.")
def command(corpus_arg: str | None, out_dir: Path | None, min_count: int, n_context: int, dims: int, depth: int,
            max_words: int, verify: bool) -> None:
    """Build the word clusters the NER and event features read, from unlabeled news; write them with a card.

    Deterministic for one OpenBLAS thread count: the same corpus, options and OPENBLAS_NUM_THREADS write the same
    bytes (the card records the count; the shipped clusters were built with 2).
    """
    corpus = Path(corpus_arg) if corpus_arg else default_corpus()
    out = out_dir or entities_models_dir()
    options = {"min_count": min_count, "n_context": n_context, "dims": dims, "depth": depth, "max_words": max_words}
    if verify:
        with tempfile.TemporaryDirectory(prefix="marsad-clusters-") as tmp:
            card = train_clusters(corpus, Path(tmp), options, corpus_arg)
        shipped = read_card(out / CLUSTERS_CARD)
        diffs = differences(shipped, card, VERIFY_KEYS)
        if (out / CLUSTERS_FILE).is_file() and file_sha256(out / CLUSTERS_FILE) != shipped.get("sha256"):
            diffs.append(f"{out / CLUSTERS_FILE}: its sha256 is not the one its card records")
        echo_verdict("clusters", out / CLUSTERS_CARD, diffs)
        return
    card = train_clusters(corpus, out, options, corpus_arg)
    click.echo(f"{card['words']:,} word clusters written to {out / CLUSTERS_FILE} ({card['sha256'][:12]}, "
               f"{card['seconds']} s)")
