"""Properties of the splitter on random Arabic-ish text: nothing lost, nothing overlapping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article
from marsad.text.sentences import SentenceComponent, split_block
from marsad.text.structure import STRIP, StructureComponent

PIECES = st.sampled_from(
    ["قال", "الوزير", "إن", "الوفد", "وصل", "د", "م", "أ", "ف", "ب", "2017", "3", "٣", "www.example.com",
     "a@b.sa", ".", "..", "...", "…", "!", "?", "؟", "؛", "،", ":", '"', "«", "»", "“", "”", "(", ")", "-",
     " ", " ", " ", "\u00a0", "\n", "\u200f", "بي", "ـ"]
)
TEXTS = st.lists(PIECES, max_size=80).map("".join)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_sentences_cover_the_block_in_order(text: str) -> None:
    spans = split_block(text, 0, len(text))
    prev = 0
    for a, b, _ in spans:
        assert prev <= a < b <= len(text)
        surface = text[a:b]
        assert surface == surface.strip(STRIP)
        assert any(ch.isalnum() for ch in surface)
        assert text[prev:a].strip(STRIP) == "" or not any(ch.isalnum() for ch in text[prev:a])
        prev = b
    # every letter and digit of the block is inside a sentence
    covered = set()
    for a, b, _ in spans:
        covered.update(range(a, b))
    assert all(i in covered for i, ch in enumerate(text) if ch.isalnum())


@given(TEXTS)
@settings(max_examples=200, deadline=None)
def test_sentences_layer_is_stable_and_inside_blocks(text: str) -> None:
    first = Article("", text)
    StructureComponent()(first)
    SentenceComponent()(first)
    again = Article("", text)
    StructureComponent()(again)
    SentenceComponent()(again)
    assert first.sentences == again.sentences
    blocks = {b.id: b for b in first.structure or ()}
    for s in first.sentences or ():
        assert s.block in blocks
        assert blocks[s.block].start <= s.start < s.end <= blocks[s.block].end
        assert "\n" not in text[s.start : s.end]
