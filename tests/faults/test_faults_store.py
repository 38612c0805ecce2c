"""A full disk and a read-only store: a coded error, nothing half-written, and the store still sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from faultlib import check_store, corpus

from marsad.errors import StoreFullError, StoreReadOnlyError
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store.db import Store

TOKENS = IngestOptions(components=("tokens",))


@pytest.mark.parametrize("room", [8, 40, 120])
def test_faults_store_disk_full(tmp_path: Path, room: int) -> None:
    src = tmp_path / "news.jsonl"
    corpus(src, 120, words=200)
    db = tmp_path / "full.db"
    with Store.open(db) as store:
        pages = int(store.scalar("PRAGMA page_count"))
        store.conn.execute(f"PRAGMA max_page_count = {pages + room}")  # the "disk" holds `room` more pages
        with pytest.raises(StoreFullError) as err:
            ingest(store, [str(src)], TOKENS)
    assert err.value.code == "E402"
    stored = check_store(db)
    assert stored < 120
    with Store.open(db) as store:  # room again: a rerun completes it
        report = ingest(store, [str(src)], TOKENS)
    assert (report.stored, report.already) == (120 - stored, stored)
    assert check_store(db) == 120


def test_faults_store_read_only(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    corpus(src, 10)
    db = tmp_path / "ro.db"
    with Store.open(db) as store:
        ingest(store, [str(src)], TOKENS)
    before = db.read_bytes()
    corpus(src, 20, seed=8, prefix="g")
    with Store.open(db, readonly=True) as store, pytest.raises(StoreReadOnlyError) as err:
        ingest(store, [str(src)], TOKENS)
    assert err.value.code == "E401"
    assert check_store(db) == 10
    assert db.read_bytes() == before
