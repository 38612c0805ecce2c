"""Generated Arabic variants of place names keep the rule that made them; the consonant skeleton matcher."""

from __future__ import annotations

import pytest

from marsad.kb.translit import arabic_skeleton, latin_skeleton, usable
from marsad.kb.variants import variants


@pytest.mark.parametrize(
    ("name", "variant", "rule"),
    [
        ("الكويت", "كويت", "no_al"),
        ("صنعاء", "صنعا", "hamza_final"),
        ("صنعاء", "الصنعاء", "add_al"),
        ("سان فرانسيسكو", "سانت فرانسيسكو", "san_sant"),
        ("سانت لويس", "سان لويس", "san_sant"),
        ("هامبورغ", "هامبورج", "burg"),
        ("بور سعيد", "بورت سعيد", "port"),
        ("ميسسيبي", "ميسيبي", "single_letter"),
    ],
)
def test_kb_variants_rules(name: str, variant: str, rule: str) -> None:
    assert (variant, rule) in variants(name)


def test_kb_variants_ta_marbuta_only_without_folding() -> None:
    assert ("جده", "ta_marbuta") in variants("جدة", fold_ta_marbuta=False)
    assert all(rule != "ta_marbuta" for _, rule in variants("جدة"))


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("كرمان", "Kerman"), ("شيراز", "Shiraz"), ("مرسيليا", "Marseille"), ("هامبورغ", "Hamburg")],
)
def test_kb_translit_skeletons_meet(arabic: str, latin: str) -> None:
    assert arabic_skeleton(arabic) == latin_skeleton(latin)
    assert usable(arabic_skeleton(arabic))


def test_kb_translit_short_skeletons_are_not_used() -> None:
    assert not usable(arabic_skeleton("روما"))


def test_kb_variants_joined_and_split() -> None:
    assert ("بورسعيد", "joined") in variants("بور سعيد")
    assert ("أبو ظبي", "split") in variants("أبوظبي")
