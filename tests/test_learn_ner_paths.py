"""``marsad train ner`` writes to, and reads its clusters from, the directory the tagger loads at run time."""

from __future__ import annotations

from marsad.learn.ner import CLUSTERS_FILE, default_model_dir


def test_default_model_dir_is_the_shipped_models_directory() -> None:
    d = default_model_dir()
    assert (d / "ner.crfsuite").is_file()
    assert (d / CLUSTERS_FILE).is_file()
    assert d.parts[-2:] == ("entities", "models")
