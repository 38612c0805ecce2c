"""Writing articles: lossless, one transaction per article, never the same text twice."""

from __future__ import annotations

from pathlib import Path

import pytest

import store_corpus as corpus
from marsad.errors import ArticleIdConflictError, MarsadError
from marsad.store import cluster, queries, writer
from marsad.store.db import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "w.db")
    yield s  # type: ignore[misc]
    s.close()


@pytest.mark.parametrize("doc", corpus.DOCS, ids=lambda d: d.key)
def test_store_writer_roundtrip_is_lossless(store: Store, doc: corpus.Doc) -> None:
    art = corpus.annotated(doc)
    result = writer.write_article(store, art, "test")
    assert result.status == writer.STORED
    back = queries.get_article(store, art.id)
    assert back == art
    assert back.to_dict() == art.to_dict()


def test_store_writer_layers_are_rows(store: Store) -> None:
    art = corpus.annotated(corpus.LAVROV_QUOTE)
    writer.write_article(store, art)
    q = store.query("SELECT text, speaker_actor_id, direct FROM quotations WHERE article_id = ?", (art.id,))
    assert [tuple(r) for r in q] == [("لا بديل عن الحوار بين السوريين أنفسهم", "actor:lavrov_sergey", 1)]
    m = store.query('SELECT surface, entity_id, start, "end" FROM mentions WHERE article_id = ? ORDER BY id', (art.id,))
    for surface, _eid, start, end in m:
        assert art.text[start:end] == surface
    assert store.scalar("SELECT name_en FROM actors WHERE id = 'actor:lavrov_sergey'") == "Sergey Lavrov"


def test_store_writer_same_text_is_already_stored(store: Store) -> None:
    art = corpus.annotated(corpus.VISIT_A)
    assert writer.write_article(store, art).status == writer.STORED
    again = writer.write_article(store, corpus.annotated(corpus.VISIT_A))
    assert (again.status, again.article_id) == (writer.ALREADY, art.id)
    assert store.scalar("SELECT count(*) FROM articles") == 1
    assert store.scalar("SELECT count(*) FROM events") == 1


def test_store_writer_exact_duplicate_joins_a_group(store: Store) -> None:
    first = corpus.annotated(corpus.MINISTERS)
    writer.write_article(store, first)
    dup = corpus.plain(corpus.MINISTERS_DIACRITICS)
    assert dup.text != first.text
    res = writer.write_article(store, dup, "feed#2")
    assert (res.status, res.article_id) == (writer.DUPLICATE, first.id)
    rows = store.query(
        "SELECT g.kind, g.size, m.member, m.stored, m.source FROM duplicate_groups g "
        "JOIN duplicate_members m ON m.group_id = g.id ORDER BY m.stored DESC"
    )
    assert [tuple(r) for r in rows] == [("exact", 2, first.id, 1, "wakala"), ("exact", 2, dup.id, 0, "mawqi")]
    assert store.scalar("SELECT count(*) FROM articles") == 1


def test_store_writer_id_conflict_is_refused(store: Store) -> None:
    a = corpus.plain(corpus.OIL)
    a.id = "same-id"
    writer.write_article(store, a)
    b = corpus.plain(corpus.CLASHES)
    b.id = "same-id"
    with pytest.raises(ArticleIdConflictError) as err:
        writer.write_article(store, b)
    assert err.value.code == "E406"
    assert err.value.message == (
        "article id 'same-id' is already stored with a different text; give the article another id"
    )


def test_store_writer_failure_leaves_nothing_half_written(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> tuple[int, bool]:
        raise MarsadError("simulated failure while clustering")

    monkeypatch.setattr(cluster, "assign_cluster", boom)
    art = corpus.annotated(corpus.VISIT_A)
    with pytest.raises(MarsadError, match="simulated failure"):
        writer.write_article(store, art)
    for name in ("articles", "mentions", "events", "event_participants", "entities", "actors", "articles_fts",
                 "minhashes", "lsh_bands", "times"):
        assert store.scalar(f"SELECT count(*) FROM {name}") == 0, name
    monkeypatch.undo()
    assert writer.write_article(store, art).status == writer.STORED


def test_store_writer_delete_removes_everything(store: Store) -> None:
    a = corpus.annotated(corpus.VISIT_A)
    b = corpus.annotated(corpus.VISIT_B)
    writer.write_article(store, a)
    writer.write_article(store, b)
    assert writer.delete_article(store, a.id) is True
    assert writer.delete_article(store, a.id) is False
    assert store.scalar("SELECT count(*) FROM mentions WHERE article_id = ?", (a.id,)) == 0
    assert store.scalar("SELECT num_articles FROM event_clusters") == 1
