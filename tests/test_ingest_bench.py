"""Ingesting a 300-article sample of the bench corpus twice stores each text once (2 workers, every component)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from marsad.ingest.runner import IngestOptions, ingest
from marsad.store.db import Store

SAMPLE = 300


@pytest.mark.slow
@pytest.mark.shared
def test_ingest_bench_sample_twice(bench_path: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    with bench_path.open("rb") as src, sample.open("wb") as dst:
        dst.writelines(islice(src, SAMPLE))
    db = tmp_path / "bench.db"
    with Store.open(db) as store:
        first = ingest(store, [str(sample)], IngestOptions(workers=2))
        assert first.failed == 0, first.failures
        assert first.stored + first.duplicates == SAMPLE
        assert first.stored >= SAMPLE * 0.9
        second = ingest(store, [str(sample)], IngestOptions(workers=2))
        assert (second.stored, second.already, second.duplicates, second.failed) == (
            0, first.stored, first.duplicates, 0
        )
        assert store.scalar("SELECT count(*) FROM articles") == first.stored
        assert store.scalar("SELECT count(*) FROM articles WHERE id LIKE 'bench-%'") == first.stored
        assert store.scalar("SELECT count(DISTINCT norm_sha256) FROM articles") == first.stored
        assert store.integrity_check() == ["ok"]
        if "events" in first.components:
            assert store.scalar("SELECT count(*) FROM events") == first.events
            assert store.scalar("SELECT sum(num_mentions) FROM event_clusters") == first.events
