"""The matching view maps back to the untouched source exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_string

# Arabic letters, tashkeel, tatweel, digits, presentation forms, invisible marks, Latin, spaces
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱؤئىةکی")
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0640", "\u0670", "\u200c", "\u200f", "\u202b", "\ufeff", "\u00ad", "\u061c"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳")
    + ["\ufefb", "\ufef5", "\ufe8d", "\ufe70", "\ufe72", "\ufe7c", "\ufdf2", "\ufb50"]
    + list("AZaz09 .،؟\n")
    + ["\u00a0", "\u202f"]
)
TEXTS = st.text(alphabet=ALPHABET, max_size=80)


@given(TEXTS, st.booleans())
@settings(max_examples=400, deadline=None)
def test_normalize_offsets_map_each_char_to_its_source(text: str, fold: bool) -> None:
    nt = normalize(text, fold)
    assert nt.text == text
    if nt.offsets is None:
        assert len(nt.norm) == len(text)
        offsets = list(range(len(text)))
    else:
        assert len(nt.offsets) == len(nt.norm)
        offsets = list(nt.offsets)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)
    for i, ch in enumerate(nt.norm):
        # the norm character comes from the matching form of its source character
        assert ch in normalize_string(text[offsets[i]], fold)


@given(TEXTS, st.booleans())
@settings(max_examples=300, deadline=None)
def test_normalize_view_equals_string_form(text: str, fold: bool) -> None:
    assert normalize(text, fold).norm == normalize_string(text, fold)


@given(TEXTS, st.data())
@settings(max_examples=300, deadline=None)
def test_normalize_to_source_covers_the_norm_span(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    if not nt.norm:
        return
    i = data.draw(st.integers(0, len(nt.norm) - 1))
    j = data.draw(st.integers(i + 1, len(nt.norm)))
    s, e = nt.to_source(i, j)
    assert 0 <= s < e <= len(text)
    # the source span normalises to exactly the norm span (presentation forms may hold extra letters)
    assert nt.norm[i:j] in normalize_string(text[s:e])
    ni, nj = nt.to_norm(s, e)
    assert ni <= i and nj >= j


@pytest.mark.parametrize(
    ("source", "fold", "expected"),
    [
        ("أحمد", True, "احمد"),
        ("إيران", True, "ايران"),
        ("القاهرة", True, "القاهره"),
        ("القاهرة", False, "القاهرة"),
        ("مُحَمَّد", True, "محمد"),
        ("الــرياض", True, "الرياض"),
        ("مستشفى", True, "مستشفي"),
        ("مسؤول", True, "مسوول"),
        ("٢٠١٧", True, "2017"),
        ("۱۳۹۶", True, "1396"),
        ("\ufefb", True, "لا"),
        ("كتا\ufe70ب", True, "كتاب"),  # an isolated tanween form must not split the word
        ("UN", True, "un"),
        ("بوتين\u200f", True, "بوتين"),
        ("a\u00a0b", True, "a b"),
    ],
)
def test_normalize_string_folds(source: str, fold: bool, expected: str) -> None:
    assert normalize_string(source, fold) == expected
    assert normalize(source, fold).norm == expected


def test_normalize_identity_map_when_nothing_is_removed() -> None:
    nt = normalize("أعلن الكرملين")
    assert nt.offsets is None
    assert nt.to_source(2, 5) == (2, 5)


def test_normalize_maps_around_removed_marks() -> None:
    text = "بُوتِين قال"
    nt = normalize(text)
    assert nt.norm == "بوتين قال"
    start = nt.norm.index("قال")
    s, e = nt.to_source(start, start + 3)
    assert text[s:e] == "قال"
    s, e = nt.to_source(0, 5)
    assert text[s:e] == "بُوتِين"
