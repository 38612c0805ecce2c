"""Tokens cover every non-space character with exact offsets; clitic variants rebuild the word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import Article
from marsad.text.normalize import normalize_string
from marsad.text.tokens import MIN_STEM, TOKEN_RE, TokenComponent, clitic_variants, tokenize

ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى",
        *["\u064e", "\u0650", "\u0651", "\u0640", "\u200c"],
        *"٠١٢09aZ .،؛؟!\"«»()-_\n\t",
        "\u00a0",
    ]
)


@given(st.text(alphabet=ALPHABET, max_size=120))
@settings(max_examples=400, deadline=None)
def test_tokens_cover_every_non_space_char_once(text: str) -> None:
    toks = tokenize(text)
    covered = [False] * len(text)
    last = 0
    for t in toks:
        assert last <= t.start < t.end <= len(text)
        assert not any(ch.isspace() for ch in text[t.start : t.end])
        for i in range(t.start, t.end):
            covered[i] = True
        last = t.end
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(0, 30), st.integers(0, 30))
@settings(max_examples=200, deadline=None)
def test_tokens_of_a_window_stay_inside_it(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    for t in tokenize(text, start, end):
        assert start <= t.start < t.end <= end


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("قال بوتين، إن", ["قال", "بوتين", "،", "إن"]),
        ("بـ\"بوتين\"", ["بـ", '"', "بوتين", '"']),
        ("مُحَمَّد", ["مُحَمَّد"]),
        ("«السلام»؟", ["«", "السلام", "»", "؟"]),
        ("عام ٢٠١٧م", ["عام", "٢٠١٧م"]),
        ("(د ب أ)", ["(", "د", "ب", "أ", ")"]),
    ],
)
def test_tokens_surfaces(text: str, surfaces: list[str]) -> None:
    assert [text[t.start : t.end] for t in tokenize(text)] == surfaces


def test_tokens_component_assigns_layer() -> None:
    art = Article("", "أعلن الكرملين اليوم.")
    TokenComponent()(art)
    assert art.tokens is not None
    assert [art.surface(t.start, t.end) for t in art.tokens] == ["أعلن", "الكرملين", "اليوم", "."]


@given(st.text(alphabet=st.sampled_from(list("وفبلكالمرينتس")), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_clitic_variants_rebuild_the_word(word: str) -> None:
    variants = clitic_variants(word)
    assert variants[0] == ("", word)
    assert len({stem for _, stem in variants}) == len(variants)
    for pre, stem in variants[1:]:
        assert len(stem) >= MIN_STEM
        restored = pre.endswith("لل") and stem.startswith("ال") and pre + stem[2:] == word
        assert pre + stem == word or restored


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالكرملين", [("وبال", "كرملين"), ("وب", "الكرملين"), ("و", "بالكرملين")]),
        ("للكرملين", [("لل", "كرملين"), ("لل", "الكرملين")]),
        ("لروسيا", [("ل", "روسيا")]),
    ],
)
def test_clitic_variants_examples(word: str, expected: list[tuple[str, str]]) -> None:
    variants = clitic_variants(normalize_string(word))
    for item in expected:
        assert item in variants


@given(st.text(alphabet=ALPHABET, max_size=120))
@settings(max_examples=300, deadline=None)
def test_tokens_fast_path_equals_reference_pattern(text: str) -> None:
    reference = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    assert [(t.start, t.end) for t in tokenize(text)] == reference
    assert [(t.start, t.end) for t in tokenize(text.replace("_", "-"))] == [
        (m.start(), m.end()) for m in TOKEN_RE.finditer(text.replace("_", "-"))
    ]
