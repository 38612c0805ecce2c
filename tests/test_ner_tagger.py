"""The packaged NER tagger on Arabic sentences we wrote."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.entities.ner import LABELS, load_tagger, load_tagger_from
from marsad.errors import ModelNotFoundError
from marsad.learn.conll import spans

SENTENCES = [
    "قال الرئيس الأمريكي جورج بوش في واشنطن إن المحادثات كانت مثمرة .",
    "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس .",
    "أعلنت الأمم المتحدة أن المساعدات وصلت إلى بغداد .",
    "التقى الملك عبدالله الثاني بالرئيس الفرنسي جاك شيراك في باريس .",
]


def _entities(tokens: list[str], tags: list[str]) -> set[tuple[str, str]]:
    return {(" ".join(tokens[s:e]), t) for s, e, t in spans(tags)}


def test_tags_are_bio_and_one_per_token() -> None:
    tagger = load_tagger()
    for sent in SENTENCES:
        toks = sent.split()
        tags = tagger.tag(toks)
        assert len(tags) == len(toks)
        assert all(t == "O" or (t[:2] in ("B-", "I-") and t[2:] in LABELS) for t in tags)


@pytest.mark.parametrize(
    ("sentence", "entity"),
    [
        (SENTENCES[0], ("جورج بوش", "PERS")),
        (SENTENCES[0], ("واشنطن", "LOC")),
        (SENTENCES[1], ("سيرغي لافروف", "PERS")),
        (SENTENCES[1], ("دمشق", "LOC")),
        (SENTENCES[2], ("الأمم المتحدة", "ORG")),
        (SENTENCES[2], ("بغداد", "LOC")),
        (SENTENCES[3], ("جاك شيراك", "PERS")),
        (SENTENCES[3], ("باريس", "LOC")),
    ],
)
def test_finds_clear_entities(sentence: str, entity: tuple[str, str]) -> None:
    toks = sentence.split()
    assert entity in _entities(toks, load_tagger().tag(toks))


def test_fast_decoder_matches_crfsuite() -> None:
    tagger = load_tagger()
    for sent in SENTENCES:
        toks = sent.split()
        assert tagger.tag(toks) == tagger.tag_crfsuite(toks)


def test_batched_decoding_matches_crfsuite_sentence_by_sentence() -> None:
    # sentences of many lengths decoded together (longest first, in groups) give each its own tags
    tagger = load_tagger()
    batch = [s.split() for s in SENTENCES] + [["دمشق"], [], ["زار", "الوزير", "القاهرة"],
                                               " ".join(SENTENCES[:3]).split(), ["قال", "حسن"]]
    assert tagger.tag_many(batch, window=None) == [tagger.tag_crfsuite(s) for s in batch]


def test_batch_and_empty() -> None:
    tagger = load_tagger()
    batch = [s.split() for s in SENTENCES]
    assert tagger.tag_many(batch, window=None) == [tagger.tag(s) for s in batch]
    consistent = tagger.tag_many(batch)
    for alone, shared in zip([tagger.tag(s) for s in batch], consistent, strict=True):
        assert len(shared) == len(alone)
        assert all(a == b for a, b in zip(alone, shared, strict=True) if a != "O")  # only O tags may change
    assert tagger.tag([]) == []
    assert tagger.tag_many([]) == []


def test_loaded_once_per_process_and_picklable() -> None:
    tagger = load_tagger()
    assert load_tagger() is tagger
    assert pickle.loads(pickle.dumps(tagger)) is tagger
    assert tagger.version.startswith("ner-crf-")


def test_card_records_training(tmp_path: Path) -> None:
    card = load_tagger().card
    assert len(card["training_data"]["sha256"]) == 64
    assert card["split"]["dev_fraction"] == 0.1
    assert 0.0 < card["dev_scores"]["micro"]["f1"] <= 1.0


def test_missing_model_raises_e301(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as info:
        load_tagger_from(tmp_path)
    assert info.value.code == "E301"
    assert "marsad train ner" in info.value.message


def test_ner_tagger_emissions_of_a_batch_are_each_sentences_own_bit_for_bit() -> None:
    import numpy as np

    tagger = load_tagger()
    sents = [s.split() for s in SENTENCES] + [["بغداد"], ["قال", "لافروف"]]
    batch = tagger._emissions_many(sents)
    for r, toks in enumerate(sents):
        alone = tagger.emissions(toks)
        assert alone.shape == (len(toks), len(tagger.labels))
        assert np.array_equal(batch[r, : len(toks)], alone)


def test_ner_tagger_tags_the_same_when_its_word_cache_is_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.entities.ner as ner

    sents = [s.split() for s in SENTENCES]
    expected = load_tagger().tag_many(sents)
    tagger = load_tagger()
    monkeypatch.setattr(ner, "_CACHE_LIMIT", 12)  # every batch here passes it: the cache is dropped before each
    assert [tagger.tag_many([s], window=None)[0] for s in sents] == [tagger.tag(s) for s in sents]
    assert tagger.tag_many(sents) == expected
