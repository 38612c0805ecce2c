"""Sentences of the seed article, including its quotation with a closing mark and no opening one."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.article import Article
from seed_util import seed_with_sentences

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return seed_with_sentences(seed_path)


def test_sentences_seed_one_per_block_and_inside_it(seed: Article) -> None:
    assert seed.structure is not None and seed.sentences is not None
    blocks = {b.id: b for b in seed.structure}
    for s in seed.sentences:
        assert s.block is not None
        b = blocks[s.block]
        assert b.start <= s.start < s.end <= b.end
    # every block of the seed holds exactly one sentence
    assert sorted({s.block for s in seed.sentences}) == sorted(blocks)
    assert len(seed.sentences) == len(seed.structure)


def test_sentences_seed_unbalanced_quote_ends_normally(seed: Article) -> None:
    assert seed.sentences is not None
    texts = [seed.surface(s.start, s.end) for s in seed.sentences]
    # the paragraph with a closing mark and no opening one
    hits = [t for t in texts if t.startswith("وقال بوتين للأسد")]
    assert len(hits) == 1
    assert hits[0].endswith('بالفعل".')
    assert '"' not in hits[0][:-2]
    # it did not swallow the following paragraph
    nxt = texts[texts.index(hits[0]) + 1]
    assert nxt.startswith("وأضاف:")
    assert nxt.endswith("للصراع.")


def test_sentences_seed_quotes_inside_sentences_are_not_marked(seed: Article) -> None:
    assert seed.sentences is not None
    assert not any(s.in_quote for s in seed.sentences)
    last = seed.surface(seed.sentences[-1].start, seed.sentences[-1].end)
    assert last.startswith("وأبلغ الأسد") and last.endswith('".')
