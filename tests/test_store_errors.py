"""Store failures become coded errors and leave the store consistent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import store_corpus as corpus
from marsad.errors import NotFoundError, StoreCorruptError, StoreFullError, StoreReadOnlyError
from marsad.settings import Settings
from marsad.store import writer
from marsad.store.db import Store, default_store_path, store_error


def test_store_errors_read_only_store_refuses_writes(tmp_path: Path) -> None:
    Store.open(tmp_path / "r.db").close()
    with Store.open(tmp_path / "r.db", readonly=True) as store:
        with pytest.raises(StoreReadOnlyError) as err:
            writer.write_article(store, corpus.plain(corpus.OIL))
        assert err.value.code == "E401"
        assert err.value.message == f"{tmp_path / 'r.db'}: the store was opened read-only"
        # SQLite's own refusal maps to the same code
        with pytest.raises(sqlite3.OperationalError) as raw:
            store.conn.execute("INSERT INTO ingest_runs (started_at) VALUES ('x')")
        mapped = store_error(raw.value, store.path)
        assert isinstance(mapped, StoreReadOnlyError)
        assert mapped.code == "E401"
        assert "attempt to write a readonly database" in mapped.message


def test_store_errors_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as err:
        Store.open(tmp_path / "none.db", readonly=True)
    assert err.value.code == "E404"
    assert err.value.message == f"no store at {tmp_path / 'none.db'}: run `marsad ingest` first, or give --db PATH"


@pytest.mark.parametrize("readonly", [False, True])
@pytest.mark.parametrize("content", [b"not a database, just text\n" * 20, bytes(range(256)) * 8])
def test_store_errors_non_sqlite_file(tmp_path: Path, readonly: bool, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(StoreCorruptError) as err:
        Store.open(path, readonly=readonly)
    assert err.value.code == "E403"
    assert err.value.message.startswith(f"{path}: not a Marsad store: the file is not a SQLite database")
    assert path.read_bytes() == content  # left untouched


def test_store_errors_full_disk_keeps_the_store_consistent(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "full.db")
    writer.write_article(store, corpus.annotated(corpus.VISIT_A))
    pages = store.scalar("PRAGMA page_count")
    store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
    docs = [corpus.VISIT_B, corpus.MINISTERS, corpus.CLASHES, corpus.LAVROV_QUOTE, corpus.OIL]
    stored = 1
    with pytest.raises(StoreFullError) as err:
        for doc in docs:
            writer.write_article(store, corpus.annotated(doc))
            stored += 1
    assert err.value.code == "E402"
    assert "the store is full" in err.value.message
    assert stored < 1 + len(docs)
    store.close()
    with Store.open(tmp_path / "full.db", readonly=True) as check:
        assert check.integrity_check() == ["ok"]
        assert check.scalar("SELECT count(*) FROM articles") == stored
        assert check.scalar("SELECT count(*) FROM articles_fts") == stored
        # every stored article is whole: its rows match its JSON
        for (aid,) in check.query("SELECT id FROM articles"):
            from marsad.store.queries import get_article

            art = get_article(check, aid)
            assert check.scalar("SELECT count(*) FROM mentions WHERE article_id = ?", (aid,)) == len(art.entities or [])
            assert check.scalar("SELECT count(*) FROM events WHERE article_id = ?", (aid,)) == len(art.events or [])
    # with room again the same store takes the rest
    with Store.open(tmp_path / "full.db") as again:
        for doc in docs:
            writer.write_article(again, corpus.annotated(doc))
        assert again.scalar("SELECT count(*) FROM articles") == 1 + len(docs)


def test_store_errors_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_DB", raising=False)
    assert default_store_path(Settings(store_path=str(tmp_path / "s.db"))) == tmp_path / "s.db"
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert default_store_path(Settings()) == tmp_path / "env.db"
    monkeypatch.delenv("MARSAD_DB")
    assert default_store_path(Settings()).name == "marsad.db"
    assert default_store_path(Settings()).parent.name == "marsad"


def test_store_errors_sqlite_read_only_refusal_through_the_writer(tmp_path: Path) -> None:
    # What a store file without write permission gives: SQLite refuses the write (SQLITE_READONLY).
    with Store.open(tmp_path / "q.db") as store:
        store.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreReadOnlyError) as err:
            writer.write_article(store, corpus.plain(corpus.OIL))
        assert err.value.code == "E401"
        assert err.value.message.startswith(f"{tmp_path / 'q.db'}: the store is read-only (")
        store.conn.execute("PRAGMA query_only = OFF")
        assert store.scalar("SELECT count(*) FROM articles") == 0
