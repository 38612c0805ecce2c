"""The read API over a store of our hand-annotated articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import store_corpus as corpus
from marsad.errors import NotFoundError, UsageError
from marsad.store import queries
from marsad.store.db import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("q") / "q.db"
    corpus.write_store(path)
    with Store.open(path, readonly=True) as r:
        yield r


def _ids(events: list[queries.EventRow]) -> set[tuple[str | None, str]]:
    return {(e.source, e.type) for e in events}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("SYR", {("wakala", "CONSULT"), ("sahifa", "CONSULT"), ("naql", "CONSULT")}),
        ("actor:assad_bashar", {("wakala", "CONSULT"), ("sahifa", "CONSULT"), ("naql", "CONSULT")}),
        ("assad_bashar", {("wakala", "CONSULT"), ("sahifa", "CONSULT"), ("naql", "CONSULT")}),
        ("Bashar al-Assad", {("wakala", "CONSULT"), ("sahifa", "CONSULT"), ("naql", "CONSULT")}),
        ("بشار الاسد", {("wakala", "CONSULT"), ("sahifa", "CONSULT"), ("naql", "CONSULT")}),
        ("SAU", {("wakala", "CONSULT")}),
        ("RUS", set()),
    ],
)
def test_store_queries_events_by_actor(store: Store, actor: str, expected: set[tuple[str, str]]) -> None:
    assert _ids(queries.list_events(store, actor=actor)) == expected


def test_store_queries_events_filters(store: Store) -> None:
    rus = queries.list_events(store, recipient="RUS")
    assert len(rus) == 3
    assert all(e.recipients[0].name_en == "Vladimir Putin" for e in rus)
    assert queries.list_events(store, recipient="Putin")[0].recipients[0].actor_id == "actor:putin_vladimir"
    assert _ids(queries.list_events(store, type="fight")) == {("sahifa", "FIGHT")}
    assert len(queries.list_events(store, mode="visit")) == 3
    assert len(queries.list_events(store, since="2018-01-01")) == 2
    assert len(queries.list_events(store, until="2017-12-31")) == 3
    assert len(queries.list_events(store, since="2018-03-04", until="2018-03-04")) == 1
    assert _ids(queries.list_events(store, place="عدن")) == {("sahifa", "FIGHT")}
    assert len(queries.list_events(store, place="Sochi")) == 3
    assert len(queries.list_events(store, limit=2)) == 2
    assert len(queries.list_events(store, limit=2, offset=3)) == 2


def test_store_queries_event_row_points_into_the_text(store: Store) -> None:
    ev = queries.list_events(store, type="FIGHT")[0]
    art = queries.get_article(store, ev.article_id)
    assert art.text[ev.start : ev.end] == ev.text
    assert ev.text.startswith("اشتباكات عنيفة")
    assert (ev.place, ev.lat, ev.lon, ev.day) == ("عدن", 12.7794, 45.0367, "2018-01-28")


def test_store_queries_events_are_clustered_across_sources(store: Store) -> None:
    visits = queries.list_events(store, actor="SYR")
    assert len({e.cluster_id for e in visits}) == 1
    assert {(e.num_articles, e.num_sources) for e in visits} == {(3, 3)}


def test_store_queries_articles_and_get(store: Store) -> None:
    rows = queries.list_articles(store, limit=100, offset=0)
    assert len(rows) == len(corpus.DOCS) - 1  # the diacritised copy is an exact duplicate
    assert rows[0].published == "2018-03-05"
    assert rows[-1].published is None
    wakala = queries.list_articles(store, limit=100, offset=0, source="wakala")
    assert {r.title for r in wakala} == {corpus.VISIT_A.title, corpus.MINISTERS.title, corpus.LAVROV_QUOTE.title}
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        queries.get_article(store, "nope")


def test_store_queries_actors(store: Store) -> None:
    top = queries.list_actors(store)
    assert top[0].id in ("actor:putin_vladimir", "actor:assad_bashar")
    assert [a.id for a in queries.list_actors(store, "بوتين")] == ["actor:putin_vladimir"]
    assert [a.id for a in queries.list_actors(store, "lavrov")] == ["actor:lavrov_sergey"]
    assert {a.id for a in queries.list_actors(store, "EGY")} == {"actor:shoukry_sameh"}
    detail = queries.get_actor(store, "actor:lavrov_sergey")
    assert [q.text for q in detail.quotes] == ["لا بديل عن الحوار بين السوريين أنفسهم"]
    putin = queries.get_actor(store, "putin_vladimir")
    assert [(p.month, p.type, p.count) for p in putin.timeline] == [("2017-11", "CONSULT", 3)]
    assert [(c.key, c.n_events, c.as_recipient) for c in putin.counterparts] == [("actor:assad_bashar", 3, 3)]
    with pytest.raises(NotFoundError):
        queries.get_actor(store, "actor:nobody")


@pytest.mark.parametrize(
    ("query", "key", "marked"),
    [
        ("عدن", "clashes", "عدن"),
        ("لافروف", "lavrov_quote", "لافروف"),
        ("الجبير", "ministers", "الجبير"),
        ("الرئيسان", "visit_a", "الرئيسان"),  # no diacritics needed
        ("اعمار", "visit_a", "إعمار"),  # hamza folded
        ("بحث", "visit_a", "وبحث"),  # found through the proclitic و
        ("النفط الخام", "oil", "النفط"),
        ("Aden", "clashes", "عدن"),  # English name of a linked place
        ("Lavrov", "lavrov_quote", "سيرغي لافروف"),
    ],
)
def test_store_queries_search(store: Store, query: str, key: str, marked: str) -> None:
    hits = queries.search(store, query)
    doc = next(d for d in corpus.DOCS if d.key == key)
    assert corpus.plain(doc).id in [h.article_id for h in hits]
    hit = next(h for h in hits if h.article_id == corpus.plain(doc).id)
    assert f"[{marked}" in hit.snippet
    art = queries.get_article(store, hit.article_id)
    assert hit.match_start is not None and hit.match_end is not None
    assert marked in art.text[hit.match_start : hit.match_end]


def test_store_queries_search_clitics_and_misses(store: Store) -> None:
    hits = queries.search(store, "سوريا")  # the text also has وسوريا-like forms: في سوريا
    assert corpus.plain(corpus.VISIT_A).id in [h.article_id for h in hits]
    assert queries.search(store, "كلمةغيرموجودة") == []
    assert len(queries.search(store, "الرياض عدن")) == 0  # every word must match
    with pytest.raises(UsageError, match="has no word"):
        queries.search(store, "  ?! ")


def test_store_queries_stats_network_places(store: Store) -> None:
    st = queries.stats(store)
    assert (st.articles, st.events, st.event_clusters, st.quotations) == (7, 5, 3, 1)
    assert st.exact_duplicate_groups == 1 and st.near_duplicate_groups == 1
    assert st.events_by_type == {"CONSULT": 4, "FIGHT": 1}
    assert st.first_published == "2017-11-21" and st.last_published == "2018-03-05"
    edges = queries.event_network(store)
    assert [(e.source, e.target, e.type, e.count) for e in edges] == [
        ("actor:assad_bashar", "actor:putin_vladimir", "CONSULT", 3),
        ("actor:jubeir_adel", "actor:shoukry_sameh", "CONSULT", 1),
    ]
    assert queries.event_network(store, type="FIGHT") == []
    places = {p.id: (p.n_events, p.n_mentions) for p in queries.event_places(store)}
    assert places["place:geonames:491422"] == (3, 3)
    assert places["place:geonames:415189"] == (1, 1)
    assert {p.id: p.n_events for p in queries.event_places(store, since="2018-01-01")}["place:geonames:491422"] == 0


def test_store_queries_counts_for_paging(store: Store) -> None:
    assert queries.count_articles(store) == len(queries.list_articles(store, 1000, 0))
    assert queries.count_articles(store, "wakala") == 3
    for kw in ({}, {"actor": "SYR"}, {"place": "عدن"}, {"since": "2018-01-01"}):
        assert queries.count_events(store, **kw) == len(queries.list_events(store, limit=1000, **kw))
