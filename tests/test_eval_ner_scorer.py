"""The conlleval-style span scorer on hand-made BIO sequences."""

from __future__ import annotations

import pytest

from marsad.learn.conll import score, spans


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "O"], []),
        (["B-PERS", "I-PERS", "O"], [(0, 2, "PERS")]),
        # an I- after O starts an entity
        (["O", "I-LOC", "I-LOC"], [(1, 3, "LOC")]),
        # an I- at the start of the sentence starts an entity
        (["I-ORG", "O"], [(0, 1, "ORG")]),
        # an I- of another type starts a new entity
        (["B-PERS", "I-LOC"], [(0, 1, "PERS"), (1, 2, "LOC")]),
        # a B- right after an entity of the same type starts a new one
        (["B-LOC", "B-LOC", "I-LOC"], [(0, 1, "LOC"), (1, 3, "LOC")]),
        # an entity that runs to the end of the sentence is closed there
        (["O", "B-MISC", "I-MISC"], [(1, 3, "MISC")]),
        (["B-ORG", "I-ORG", "O", "B-PERS"], [(0, 2, "ORG"), (3, 4, "PERS")]),
    ],
)
def test_spans_follow_conlleval(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans(tags) == expected


def test_exact_match_only_counts_whole_spans() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]  # PERS cut short: wrong; LOC right
    s = score(gold, pred)
    assert (s.micro.tp, s.micro.n_pred, s.micro.n_gold) == (1, 2, 2)
    assert s.per_type["LOC"].f1 == 1.0
    assert s.per_type["PERS"].precision == 0.0
    assert s.per_type["PERS"].recall == 0.0
    assert s.micro.f1 == pytest.approx(0.5)


def test_wrong_type_is_a_miss_and_a_false_positive() -> None:
    s = score([["B-ORG", "I-ORG"]], [["B-LOC", "I-LOC"]])
    assert s.per_type["ORG"].n_gold == 1 and s.per_type["ORG"].tp == 0
    assert s.per_type["LOC"].n_pred == 1 and s.per_type["LOC"].tp == 0
    assert s.micro.f1 == 0.0


def test_micro_pools_counts_over_sentences() -> None:
    gold = [["B-PERS", "O"], ["B-LOC", "O", "B-ORG"]]
    pred = [["B-PERS", "O"], ["O", "O", "B-ORG"]]
    s = score(gold, pred)
    assert s.micro.precision == 1.0
    assert s.micro.recall == pytest.approx(2 / 3)
    assert s.micro.f1 == pytest.approx(0.8)
    d = s.to_dict()
    assert d["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}  # type: ignore[index]


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="gold has 2 tags but prediction 1"):
        score([["O", "O"]], [["O"]])
