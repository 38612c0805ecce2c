"""Test support: the seed article (read from ../shared through the ``seed_path`` fixture)."""

from __future__ import annotations

from pathlib import Path

from marsad.article import Article
from marsad.ingest.readers import read_path
from marsad.pipeline import Pipeline


def seed_with_sentences(seed_path: Path) -> Article:
    """The seed article with its structure and sentences layers."""
    (art,) = list(read_path(seed_path))
    assert isinstance(art, Article)
    return Pipeline.from_names(["structure", "sentences"])(art)
