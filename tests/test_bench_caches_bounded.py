"""The bounded caches of the NER tagger and the event detector give the same results when they fill and empty."""

from __future__ import annotations

import pytest

from marsad.entities import ner
from marsad.events import detector, predicates
from marsad.events.features import sentence_names, sentence_words
from marsad.text.normalize import normalize_string

SENTENCES = [
    "قتل 18 شخصا في انفجار سيارة مفخخة في بغداد وأصيب 40 آخرون",
    "التقى وزير الخارجية نظيره الفرنسي في باريس أمس",
    "تظاهر آلاف الطلاب أمام مبنى البرلمان في عمان للمطالبة بإصلاحات",
]


def test_bench_caches_bounded_detector_scores_equal_after_the_word_cache_empties(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = detector.load_model()
    if model is None:
        pytest.skip("no detector model installed")
    monkeypatch.setattr(detector, "_WORD_CACHE_LIMIT", 5)
    lex = predicates.lexicon(True)
    for _ in range(2):
        for text in SENTENCES:
            norm = normalize_string(text)
            fast = model.sentence_scores(*sentence_words(norm, 0, len(norm), lex, []))
            slow = model.scores(sentence_names(norm, 0, len(norm), lex, []))
            assert abs(fast - slow).max() < 1e-9
            assert len(model._words) <= 5 + len(norm.split())


def test_bench_caches_bounded_ner_tags_equal_with_a_small_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = ner.load_tagger()
    sents = [t.split() for t in SENTENCES]
    want = [tagger.tag_crfsuite(s) for s in sents]
    monkeypatch.setattr(ner, "_CACHE_LIMIT", 8)
    for _ in range(2):
        assert [tagger.tag(s) for s in sents] == want
        assert tagger.tag_many(sents, window=None) == want
