"""Historical (background) events are left out of the event views unless asked for."""

from __future__ import annotations

from pathlib import Path

import store_corpus as corpus
from marsad.export.source import EventFilter
from marsad.store import queries, writer
from marsad.store.db import Store
from marsad.store.queries import event_filters


def _store(path: Path) -> None:
    with Store.open(path) as store:
        for i, doc in enumerate(corpus.DOCS):
            art = corpus.annotated(doc)
            if i == 0:
                for ev in art.events or []:
                    ev.aux = ["historical"]
            writer.write_article(store, art, doc.key)


def test_store_historical_filter_default_leaves_them_out(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    _store(path)
    with Store.open(path, readonly=True) as store:
        every = queries.list_events(store, include_historical=True)
        shown = queries.list_events(store)
        hist = [e for e in every if "historical" in (e.aux or [])]
        assert hist, "the first article's events are historical"
        assert len(shown) == len(every) - len(hist)
        assert queries.count_events(store) == len(shown)
        assert queries.count_events(store, include_historical=True) == len(every)


def test_store_historical_filter_export_filter() -> None:
    where, _ = event_filters(None, None, None, None, None, None, None)
    assert "historical" in where
    where, _ = event_filters(None, None, None, None, None, None, None, include_historical=True)
    assert where == ""
    assert EventFilter().include_historical is False
