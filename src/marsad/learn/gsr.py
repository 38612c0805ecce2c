"""The arabic_event_gsr training files in ``../shared/data/events_gsr/`` and their fixed train/dev split.

Each file holds sentences in the line format of ``marsad eval events`` (plus ``gold_spans`` and
``annotator_spans``, the annotators' trigger spans). Sentence ids are ``DOCUMENT-N``; the split is by
document, fixed by a hash of the document id: a document is ``dev`` when the first 32 bits of the sha256
of its id, modulo 100, are below :data:`DEV_PERCENT` — about 27% of the documents. It is decided once here
and never by looking at dev sentences.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import TrainingDataError

DEV_PERCENT = 27
FILES = {"ASSAULT": "assault_train.jsonl", "PROTEST": "protest_train.jsonl"}


def document_of(sentence_id: str) -> str:
    """The document id of a sentence id (``AAW_ARB_20071026.0026-2`` → ``AAW_ARB_20071026.0026``)."""
    head, sep, tail = sentence_id.rpartition("-")
    return head if sep and tail.isdigit() else sentence_id


def split_of_document(document: str) -> str:
    """``dev`` or ``train`` for a document id (fixed by its hash)."""
    h = int(hashlib.sha256(document.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if h % 100 < DEV_PERCENT else "train"


@dataclass(frozen=True, slots=True)
class GsrSentence:
    id: str
    document: str
    text: str
    published: str | None
    event_type: str
    label: bool
    split: str
    raw: str  # the JSON line as read


def gsr_dir(shared: Path) -> Path:
    return shared / "data" / "events_gsr"


def read_gsr(path: Path) -> list[GsrSentence]:
    """Every sentence of one GSR file with its split.

    Raises:
        TrainingDataError: (E302) the file is missing or a line is malformed.
    """
    if not path.is_file():
        raise TrainingDataError(f"GSR file not found: {path}")
    out: list[GsrSentence] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                sid = str(obj["id"])
                doc = document_of(sid)
                out.append(GsrSentence(sid, doc, str(obj["text"]), obj.get("published"), str(obj["event_type"]),
                                       bool(obj["label"]), split_of_document(doc), line.rstrip("\n")))
            except (ValueError, KeyError, TypeError) as exc:
                raise TrainingDataError(f"{path}:{n}: bad GSR line: {exc}") from exc
    return out


def gsr_split(shared: Path, event_type: str, split: str) -> list[GsrSentence]:
    """The ``train`` or ``dev`` sentences of one type's GSR file."""
    return [s for s in read_gsr(gsr_dir(shared) / FILES[event_type]) if s.split == split]
