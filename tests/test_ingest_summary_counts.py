"""The ingest summary: stored + already stored + exact duplicates + failed = items read, each explained."""

from __future__ import annotations

import json
from pathlib import Path

import store_corpus as corpus
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store.db import Store

TOKENS = IngestOptions(components=("tokens",))
LEGEND = [
    "  already stored: the same text under the same id or URL is in the store (read before): skipped",
    "  exact duplicates: the same text as a stored article under another id or URL: grouped with it, not stored again",
    "  failed: could not be read, processed or stored: each is in the store's ingest log with its code",
]


def _lines(tmp_path: Path) -> Path:
    other_id = json.loads(corpus.jsonl_line(corpus.OIL))
    other_id["id"], other_id["url"] = "oil-copy", "https://mirror.example/oil"
    lines = [
        corpus.jsonl_line(corpus.VISIT_A),
        corpus.jsonl_line(corpus.VISIT_A_NEAR),
        corpus.jsonl_line(corpus.OIL),
        json.dumps(other_id, ensure_ascii=False),  # the same text under another id and URL
        corpus.jsonl_line(corpus.MINISTERS),
        corpus.jsonl_line(corpus.MINISTERS),  # the same record twice in one file
        "{broken",
    ]
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_ingest_summary_counts_add_up_and_are_explained(tmp_path: Path) -> None:
    src = _lines(tmp_path)
    with Store.open(tmp_path / "s.db") as store:
        first = ingest(store, [str(src)], TOKENS)
        second = ingest(store, [str(src)], TOKENS)
    for rep in (first, second):
        assert rep.stored + rep.already + rep.duplicates + rep.failed == 7
    assert first.summary().splitlines() == [
        "7 items read: 4 stored, 1 already stored, 1 exact duplicate, 1 failed (E106: 1)",
        "  stored: new articles written to the store, 1 of them near duplicates of an earlier article "
        "(kept, grouped with it)",
        *LEGEND,
    ]
    assert second.summary().splitlines()[0] == (
        "7 items read: 0 stored, 5 already stored, 1 exact duplicate, 1 failed (E106: 1)"
    )
    assert second.summary().splitlines()[1] == "  stored: new articles written to the store"
