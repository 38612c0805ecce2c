"""The NER lexicon's optional parts: name priors, sports clubs, the curated knowledge base."""

from __future__ import annotations

import importlib.util
from functools import cache

import pytest

from marsad.entities.ner import FeatureExtractor
from marsad.entities.ner_lexicon import CATEGORIES, CLUB_CATEGORIES, NAME_CATEGORIES, build_lexicon
from marsad.text.normalize import normalize_string


@cache
def _full() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in build_lexicon(names=True, clubs=True, kb=True).items()}


def test_the_default_lexicon_has_only_the_base_categories() -> None:
    assert tuple(build_lexicon()) == CATEGORIES


needs_names = pytest.mark.skipif(importlib.util.find_spec("arabic_name_romanizer") is None,
                                 reason="arabic-name-romanizer is not installed")
needs_arwikicats = pytest.mark.skipif(importlib.util.find_spec("ArWikiCats") is None,
                                      reason="ArWikiCats is not installed")


@needs_names
@pytest.mark.parametrize(("name", "cat"), [("محمد", "GIVEN1"), ("أحمد", "GIVEN1"), ("خالد", "GIVEN1")])
def test_common_given_names_are_in_the_top_tier(name: str, cat: str) -> None:
    assert normalize_string(name) in _full()[cat]


@needs_names
def test_name_priors_are_single_words_and_full_names_are_phrases() -> None:
    lex = _full()
    for cat in NAME_CATEGORIES[:-1]:
        assert lex[cat] and all(" " not in e for e in lex[cat])
    assert lex["PDB"] and all(" " in e for e in lex["PDB"])


@needs_arwikicats
@pytest.mark.parametrize("club", ["سلتيك", "بنفيكا", "ريال مدريد"])
def test_clubs_are_listed_without_their_head_word(club: str) -> None:
    lex = _full()["CLUB"]
    assert normalize_string(club) in lex
    assert not any(e.startswith(normalize_string("نادي") + " ") for e in lex)
    assert CLUB_CATEGORIES == ("CLUB",)


@pytest.mark.parametrize(("form", "cat"), [("باراك أوباما", "PERS"), ("الأمم المتحدة", "ORG")])
def test_curated_actors_join_their_type(form: str, cat: str) -> None:
    assert normalize_string(form) in _full()[cat]


def test_the_lexicons_own_categories_win_over_the_optional_lists_on_the_same_phrase() -> None:
    lexicon = {"PDB": ["ريال مدريد", "حسن عادل"], "CLUB": ["ريال مدريد"], "PERS": ["حسن عادل"], "ORG": []}
    ext = FeatureExtractor(lexicon)
    assert ext.phrase_tags(["فاز", "ريال", "مدريد"]) == [None, "G=B-CLUB", "G=I-CLUB"]
    assert ext.phrase_tags(["قال", "حسن", "عادل"]) == [None, "G=B-PERS", "G=I-PERS"]
    assert "L=GIVEN1" in FeatureExtractor({"GIVEN1": ["حسن"]}).word_features("حسن").own
