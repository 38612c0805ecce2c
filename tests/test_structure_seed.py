"""The seed article: headline, section, one caption repeated, eight sub-headings, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.article import Article
from seed_util import seed_with_sentences

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return seed_with_sentences(seed_path)


def test_structure_seed_blocks(seed: Article) -> None:
    assert seed.structure is not None
    by_kind: dict[str, list[str]] = {}
    for b in seed.structure:
        by_kind.setdefault(b.kind, []).append(seed.surface(b.start, b.end))
    lines = [ln.strip() for ln in seed.text.splitlines() if ln.strip()]
    assert by_kind["headline"] == [lines[0]]
    assert by_kind["section"] == ["تقارير وحوارات"]
    assert by_kind["caption"] == ["بشار الأسد", "بشار الأسد"]
    assert len(by_kind["subheading"]) == 8
    assert all(not h.endswith(".") for h in by_kind["subheading"])
    assert len(by_kind["paragraph"]) == len(lines) - 1 - 1 - 2 - 8


def test_structure_seed_caption_repeat_is_linked(seed: Article) -> None:
    assert seed.structure is not None
    caps = [b for b in seed.structure if b.kind == "caption"]
    assert caps[0].ref is None
    assert caps[1].ref == caps[0].id


def test_structure_seed_blocks_are_trimmed_and_ordered(seed: Article) -> None:
    assert seed.structure is not None
    prev = 0
    for b in seed.structure:
        surface = seed.surface(b.start, b.end)
        assert surface == surface.strip()
        assert b.start >= prev
        prev = b.end
