"""Events reported by several articles are clustered into one event (GDELT-style counts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import store_corpus as corpus
from marsad.store import cluster, writer
from marsad.store.db import Store


def _with_date(doc: corpus.Doc, key: str, source: str, day: str, extra: str) -> corpus.Doc:
    events = [(t, m, p, a, r, pl, day) for (t, m, p, a, r, pl, _d) in doc.events]
    return corpus.Doc(key, doc.text + extra, source, date.fromisoformat(day), doc.title, doc.entities, events)


def _clusters(store: Store) -> list[tuple[str, int, int, int]]:
    return [tuple(r) for r in store.query(  # type: ignore[misc]
        "SELECT type, num_mentions, num_articles, num_sources FROM event_clusters ORDER BY id")]


def test_dedup_cluster_same_event_from_several_sources(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        r1 = writer.write_article(store, corpus.annotated(corpus.VISIT_A))
        r2 = writer.write_article(store, corpus.annotated(corpus.VISIT_B))
        assert (r1.new_clusters, r2.new_clusters) == (1, 0)
        assert _clusters(store) == [("CONSULT", 2, 2, 2)]
        ids = store.query("SELECT DISTINCT cluster_id FROM events")
        assert len(ids) == 1


@pytest.mark.parametrize(
    ("day", "same"),
    [("2017-11-20", True), ("2017-11-21", True), ("2017-11-19", True), ("2017-11-22", False), ("2017-11-25", False)],
)
def test_dedup_cluster_days_at_most_one_apart(tmp_path: Path, day: str, same: bool) -> None:
    with Store.open(tmp_path / "c.db") as store:
        writer.write_article(store, corpus.annotated(corpus.VISIT_A))  # event on 2017-11-20
        other = _with_date(corpus.VISIT_B, "b2", "sahifa", day, "")
        writer.write_article(store, corpus.annotated(other))
        assert len(_clusters(store)) == (1 if same else 2)


def test_dedup_cluster_same_source_twice_counts_one_source(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        writer.write_article(store, corpus.annotated(corpus.VISIT_A))
        again = _with_date(corpus.VISIT_B, "b3", "wakala", "2017-11-20", "")
        writer.write_article(store, corpus.annotated(again))
        assert _clusters(store) == [("CONSULT", 2, 2, 1)]


def test_dedup_cluster_other_actor_or_type_is_another_event(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        writer.write_article(store, corpus.annotated(corpus.VISIT_A))
        writer.write_article(store, corpus.annotated(corpus.MINISTERS))
        writer.write_article(store, corpus.annotated(corpus.CLASHES))
        assert sorted(c[0] for c in _clusters(store)) == ["CONSULT", "CONSULT", "FIGHT"]


def test_dedup_cluster_recluster_rebuilds_the_same_clusters(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        for doc in (corpus.VISIT_A, corpus.VISIT_B, corpus.VISIT_A_NEAR, corpus.MINISTERS):
            writer.write_article(store, corpus.annotated(doc))
        before = sorted(_clusters(store))
        with store.transaction() as conn:
            assert cluster.recluster(conn) == 2
        assert sorted(_clusters(store)) == before == [("CONSULT", 1, 1, 1), ("CONSULT", 3, 3, 3)]
