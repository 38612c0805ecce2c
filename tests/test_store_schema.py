"""The store's schema comes from registered migrations, each in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import MigrationError
from marsad.store import migrations
from marsad.store.db import Store
from marsad.store.migrations import Migration, migrate
from marsad.store.schema import FTS_TABLES, TABLES, columns, export_tables, table


def test_store_schema_migrations_build_every_table_and_column(tmp_path: Path) -> None:
    with Store.open(tmp_path / "m.db") as store:
        for t in TABLES:
            got = [r[1] for r in store.query(f'PRAGMA table_info("{t.name}")')]
            assert got == list(t.column_names), t.name
        names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {f.name for f in FTS_TABLES} <= names
        rows = store.query("SELECT version, name FROM schema_migrations")
        assert [(r[0], r[1]) for r in rows] == [(m.version, m.name) for m in migrations.MIGRATIONS]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_schema_reopen_applies_nothing_twice(tmp_path: Path) -> None:
    Store.open(tmp_path / "m.db").close()
    with Store.open(tmp_path / "m.db") as store:
        assert migrate(store.conn) == []
        assert store.schema_version() == migrations.LATEST


def test_store_schema_failed_migration_is_rolled_back(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    migrate(conn)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x INTEGER)")
        c.execute("INSERT INTO no_such_table VALUES (1)")

    extra = (*migrations.MIGRATIONS, Migration(99, "broken", broken))
    with pytest.raises(MigrationError) as err:
        migrate(conn, extra)
    assert err.value.code == "E405"
    assert "migration 99 (broken) failed and was rolled back" in err.value.message
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    assert 99 not in migrations.applied(conn)


def test_store_schema_newer_store_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path / "m.db").close()
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    conn.execute("INSERT INTO schema_migrations VALUES (500, 'from the future', '2030-01-01T00:00:00Z')")
    conn.close()
    with pytest.raises(MigrationError, match="newer than this Marsad knows"):
        Store.open(tmp_path / "m.db")


def test_store_schema_tables_as_data_for_exports() -> None:
    assert columns("articles")[:3] == ("id", "sha256", "norm_sha256")
    assert table("events").column("day").type == "TEXT"
    assert table("event_clusters").column("num_sources").arrow == "int64"
    exported = {t.name for t in export_tables()}
    assert "articles" in exported and "lsh_bands" not in exported
    with pytest.raises(KeyError):
        table("nope")
