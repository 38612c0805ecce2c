"""The GSR training files are split into train and dev by document, fixed by a hash of the document id."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import TrainingDataError
from marsad.learn import gsr


@pytest.mark.parametrize(
    ("sentence", "document"),
    [("AAW_ARB_20071026.0026-2", "AAW_ARB_20071026.0026"), ("doc-a-12", "doc-a"), ("nodash", "nodash"),
     ("doc-x", "doc-x")],
)
def test_learn_gsr_split_document_of(sentence: str, document: str) -> None:
    assert gsr.document_of(sentence) == document


def test_learn_gsr_split_is_fixed_by_the_document() -> None:
    docs = [f"DOC_{i:04d}" for i in range(2000)]
    splits = [gsr.split_of_document(d) for d in docs]
    assert splits == [gsr.split_of_document(d) for d in docs]
    share = splits.count("dev") / len(splits)
    assert 0.22 < share < 0.32


def test_learn_gsr_split_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TrainingDataError, match=r"^\[E302\] GSR file not found: "):
        gsr.read_gsr(tmp_path / "none.jsonl")


@pytest.mark.parametrize("event_type", ["ASSAULT", "PROTEST"])
def test_learn_gsr_split_no_document_in_both(shared_dir: Path, event_type: str) -> None:
    path = gsr.gsr_dir(shared_dir) / gsr.FILES[event_type]
    if not path.is_file():
        pytest.skip("the GSR files are absent")
    sents = gsr.read_gsr(path)
    train = {s.document for s in sents if s.split == "train"}
    dev = {s.document for s in sents if s.split == "dev"}
    assert train and dev and not train & dev
    assert 0.2 < len(dev) / (len(dev) + len(train)) < 0.35
