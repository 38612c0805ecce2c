"""Gulf papers' forms of compound names and the letters of ظ (kb/romanize.py); names made up for these tests."""

from __future__ import annotations

import pytest

from marsad.entities.component import _lead_not_name
from marsad.kb import romanize

needs_table = pytest.mark.skipif(not romanize.available(), reason="the name table is not installed")


@needs_table
@pytest.mark.parametrize(("name", "latin"), [
    ("عبدالرزاق", "Abdulrazzaq"),
    ("عبد الرحيم", "Abdulrahim"),
])
def test_a_compound_abd_name_is_one_word_in_a_gulf_article(name: str, latin: str) -> None:
    r = romanize.romanize(name, "SAU")
    assert r is not None and r.latin == latin


@needs_table
def test_the_compound_keeps_the_tables_form_outside_the_gulf() -> None:
    r = romanize.romanize("عبدالرزاق", "LBY")
    assert r is not None and not r.latin.startswith("Abdul")


def test_dha_is_written_dh_letter_by_letter() -> None:
    assert romanize._letters("ظفير") == "Dhfir"


@pytest.mark.parametrize("words", [["فإن", "كوبولا"], ["كما", "سامي", "الخطيب"], ["وقد", "ماجد"]])
def test_a_particle_the_span_kept_is_no_name(words: list[str]) -> None:
    assert _lead_not_name(words)


def test_a_name_alone_keeps_its_first_word() -> None:
    assert not _lead_not_name(["كوبولا"])
    assert not _lead_not_name(["فان", "غال"])


@needs_table
@pytest.mark.parametrize(("name", "latin"), [
    ("اشلي كلارك", "Ashley Clark"),
    ("تيم هاريس", "Tim Harris"),
    ("اليخاندرو", "Alejandro"),
])
def test_common_western_given_names_take_the_papers_spelling(name: str, latin: str) -> None:
    r = romanize.romanize(name, "SAU")
    assert r is not None and r.latin == latin
