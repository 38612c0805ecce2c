"""NER feature extraction on a hand-made lexicon."""

from __future__ import annotations

from marsad.entities.ner import FeatureConfig, FeatureExtractor

LEXICON = {
    "LOC": ["دمشق", "الشرق الاوسط"],
    "PERS": ["بشار الاسد"],
    "ORG": ["جامعه الدول العربيه"],
    "TITLE": ["الرييس"],
}


def _ext(**kw: object) -> FeatureExtractor:
    return FeatureExtractor(LEXICON, {"دمشق": "0110101"}, FeatureConfig(**kw))  # type: ignore[arg-type]


def test_word_features_use_the_normalised_word_and_its_stem() -> None:
    own = _ext().word_features("وبدمشق").own
    assert "w=وبدمشق" in own
    assert "s=دمشق" in own and "pc=وب" in own
    assert "Lv=LOC" in own  # in the lexicon after clitics are stripped
    assert "L=LOC" not in own
    assert "c4=0110" in own  # cluster of the stem


def test_normalisation_folds_hamza_and_ta_marbuta() -> None:
    own = _ext().word_features("الرئيس").own
    assert "w=الرييس" in own and "L=TITLE" in own


def test_shape_features() -> None:
    ext = _ext()
    assert "DIGIT" in ext.word_features("٢٠١٧").own
    assert "LATIN" in ext.word_features("CNN").own
    assert "PUNCT" in ext.word_features("،").own


def test_context_window() -> None:
    feats = _ext().sentence(["قال", "الرئيس", "بشار", "الأسد"])
    assert "-1:w=الرييس" in feats[2]
    assert "-2:w=قال" in feats[2]
    assert "+1:w=الاسد" in feats[2]
    assert "BOS" in feats[0] and "EOS" in feats[3]
    assert not any(f.startswith("-2:") for f in feats[1])


def test_multiword_lexicon_matches_become_bio_features() -> None:
    ext = _ext()
    tags = ext.phrase_tags(["زار", "بشار", "الأسد", "مقر", "جامعة", "الدول", "العربية"])
    assert tags == [None, "G=B-PERS", "G=I-PERS", None, "G=B-ORG", "G=I-ORG", "G=I-ORG"]
    # a proclitic on the first word still matches
    assert ext.phrase_tags(["وبشار", "الأسد"]) == ["G=B-PERS", "G=I-PERS"]
    feats = ext.sentence(["زار", "بشار", "الأسد"])
    assert "G=B-PERS" in feats[1] and "+1:G=B-PERS" in feats[0] and "-1:G=B-PERS" in feats[2]


def test_feature_groups_can_be_switched_off() -> None:
    ext = _ext(lexicon=False, phrases=False, clusters=False)
    own = ext.word_features("دمشق").own
    assert not any(f.startswith(("L=", "Lv=", "c")) for f in own)
    assert not any(f.startswith("G=") for f in ext.sentence(["بشار", "الأسد"])[0])
