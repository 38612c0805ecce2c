"""Pages of events read on one snapshot: the page's order, sizes and offsets, whatever the page size."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

import store_corpus as corpus
from marsad.store import queries
from marsad.store.db import Store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "p.db"
    corpus.write_store(path)
    return path


@pytest.fixture()
def store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path, readonly=True) as r:
        yield r


def test_store_paging_pages_join_up_to_the_whole_list(store: Store) -> None:
    whole = queries.list_events(store, limit=1000, include_historical=True)
    assert whole
    for size in (1, 2, 3):
        pages = []
        for offset in range(0, len(whole) + size, size):
            pages += queries.list_events(store, limit=size, offset=offset, include_historical=True)
        assert [asdict(e) for e in pages] == [asdict(e) for e in whole]
    days = [e.day for e in whole]
    dated = [d for d in days if d is not None]
    assert days == dated + [None] * (len(days) - len(dated))  # latest day first, undated last
    assert dated == sorted(dated, reverse=True)


def test_store_paging_event_rows_carry_their_article(store: Store) -> None:
    for ev in queries.list_events(store, limit=1000):
        art = queries.get_article(store, ev.article_id)
        assert ev.text == art.text[ev.start:ev.end]
        assert (ev.title, ev.source) == (art.meta.title, art.meta.source)


def test_store_snapshot_reads_in_one_transaction_and_ends_it(store: Store) -> None:
    assert not store.conn.in_transaction
    with store.snapshot():
        assert store.conn.in_transaction
        with store.snapshot():  # nested: joins the open one
            assert store.conn.in_transaction
        assert store.conn.in_transaction
        queries.list_events(store, limit=2)
        assert store.conn.in_transaction
    assert not store.conn.in_transaction


def test_store_snapshot_inside_a_write_transaction(store_path: Path) -> None:
    with Store.open(store_path) as w, w.transaction():
        with w.snapshot():
            rows = queries.list_events(w, limit=1)
        assert w.conn.in_transaction  # the writer's transaction is still open
    assert len(rows) == 1
