"""``first_match`` finds the same first match as ``find_match`` over the whole normalised text."""

from __future__ import annotations

import pytest

from marsad.store import search
from marsad.store.search import find_match, first_match, query_terms
from marsad.text.normalize import normalize

TEXTS = [
    "قال وزير الخارجية السعودي إن المملكة ترحب",
    "في الرياض، اجتمع الوزراء. وقال الوزير إن الاجتماع مثمر",
    "بدأ الاجتماعُ في الرِّياضِ أمس وانتهى في الريـــاض اليوم",  # diacritics and tatweel around the cut
    "كلمات كثيرة قبل أن تأتي كلمة والسعودية في آخر النص",
    "السعوديةالسعودية ليست كلمة السعودية",  # a longer word that starts like the term
    "ﻻ إله إلا الله في السعودية",  # a presentation form: the character-by-character path
    "لا شيء هنا",
]
QUERIES = ["السعودية", "الرياض", "وزير", "الوزير*", "الاجتماع مثمر", "شيء", "غائب"]


@pytest.mark.parametrize("head", [1, 3, 7, 10, 16, 1000])
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("q", QUERIES)
def test_store_search_head_same_first_match(monkeypatch: pytest.MonkeyPatch, head: int, text: str, q: str) -> None:
    monkeypatch.setattr(search, "MATCH_HEAD_CHARS", head)
    for fold in (True, False):
        terms = query_terms(q, fold)
        assert first_match(text, terms, fold) == find_match(normalize(text, fold), terms)


def test_store_search_head_word_at_the_cut_is_not_taken() -> None:
    text = "السعوديةالكبرى"
    terms = query_terms("السعودية")
    head = normalize(text[:8])
    assert head.norm.endswith("السعودية".replace("ة", "ه"))
    assert find_match(head, terms) is not None  # alone, the cut word looks like a match
    assert find_match(head, terms, before=len(head.norm)) is None
    assert first_match(text, terms) is None
