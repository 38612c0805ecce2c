"""``marsad train ner`` writes to, and reads its clusters from, the directory the tagger loads at run time; the
shipped cards' ``reproduce`` commands are the CLI's defaults and describe the shipped files."""

from __future__ import annotations

import hashlib
import json
import shlex
from typing import Any

import click

from marsad.learn import clusters as learn_clusters
from marsad.learn import ner as learn_ner
from marsad.learn.ner import CLUSTERS_FILE, default_model_dir


def test_default_model_dir_is_the_shipped_models_directory() -> None:
    d = default_model_dir()
    assert (d / "ner.crfsuite").is_file()
    assert (d / CLUSTERS_FILE).is_file()
    assert d.parts[-2:] == ("entities", "models")


def _params(cmd: click.Command, line: str, name: str) -> dict[str, Any]:
    words = [w for w in shlex.split(line) if "=" not in w or w.startswith("-")]  # drop VAR=value prefixes
    assert words[:3] == ["marsad", "train", name]
    return dict(cmd.make_context(name, words[3:]).params)


def _card(name: str) -> dict[str, Any]:
    return dict(json.loads((default_model_dir() / name).read_text(encoding="utf-8")))


def test_the_ner_card_reproduce_command_is_the_cli_defaults() -> None:
    card = _card("ner.card.json")
    defaults = dict(learn_ner.command.make_context("ner", []).params)
    assert _params(learn_ner.command, card["reproduce"], "ner") == defaults


def test_the_clusters_card_reproduce_command_is_the_cli_defaults() -> None:
    card = _card(learn_clusters.CLUSTERS_CARD)
    defaults = dict(learn_clusters.command.make_context("clusters", []).params)
    assert _params(learn_clusters.command, card["reproduce"], "clusters") == defaults
    assert card["reproduce"].startswith(f"OPENBLAS_NUM_THREADS={card['blas_threads']} ")


def test_the_shipped_files_are_the_ones_their_cards_record() -> None:
    d = default_model_dir()
    ner, clusters = _card("ner.card.json"), _card(learn_clusters.CLUSTERS_CARD)

    def sha(name: str) -> str:
        return hashlib.sha256((d / name).read_bytes()).hexdigest()

    assert ner["model_sha256"] == sha("ner.crfsuite") and ner["version"] == "ner-crf-" + sha("ner.crfsuite")[:12]
    assert ner["lexicon"]["sha256"] == sha("ner.lexicon.json.gz")
    assert ner["clusters"]["sha256"] == clusters["sha256"] == sha(CLUSTERS_FILE)
    assert ner["clusters"]["built_by"] == clusters["reproduce"]
