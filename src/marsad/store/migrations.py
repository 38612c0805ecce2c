"""Registered schema migrations, each applied in one transaction.

Like sqlite-utils' migrations: a ``schema_migrations`` table records which migrations
ran; ``migrate`` applies the missing ones in order. A migration never changes once
released: the schema in ``schema.py`` marks every table, column and index with the
migration that added it, and migration N builds only what is marked N.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from marsad.errors import MigrationError
from marsad.store.schema import FTS_TABLES, TABLES, FtsTable, Table


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change.

    Attributes:
        version: Its number (1, 2, ...); applied in this order.
        name: A short name.
        apply: Executes the change on a connection inside an open transaction.
    """

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def create_table_sql(table: Table, version: int) -> str:
    """``CREATE TABLE`` for the columns a table had in migration ``version``."""
    cols = [c.ddl() for c in table.columns if c.added <= version]
    if table.primary_key:
        if len(table.primary_key) == 1 and table.column(table.primary_key[0]).type == "INTEGER":
            cols = [
                c.replace(f'"{table.primary_key[0]}" INTEGER NOT NULL', f'"{table.primary_key[0]}" INTEGER PRIMARY KEY')
                for c in cols
            ]
        else:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in table.primary_key) + ")")
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(cols) + "\n)"


def create_fts_sql(fts: FtsTable) -> str:
    """``CREATE VIRTUAL TABLE ... USING fts5`` for a full-text table."""
    cols = [f"{c} UNINDEXED" for c in fts.unindexed] + list(fts.columns)
    return f"CREATE VIRTUAL TABLE \"{fts.name}\" USING fts5({', '.join(cols)}, tokenize='{fts.tokenize}')"


def _build(version: int) -> Callable[[sqlite3.Connection], None]:
    """A migration that creates what ``schema.py`` marks as added by ``version``."""

    def apply(conn: sqlite3.Connection) -> None:
        for table in TABLES:
            if table.added == version:
                conn.execute(create_table_sql(table, version))
            elif table.added < version:
                for col in table.columns:
                    if col.added == version:
                        conn.execute(f'ALTER TABLE "{table.name}" ADD COLUMN {col.ddl()}')
            for idx in table.indexes:
                if idx.added == version and table.added <= version:
                    unique = "UNIQUE " if idx.unique else ""
                    cols = ", ".join(f'"{c}"' for c in idx.columns)
                    conn.execute(f'CREATE {unique}INDEX "{idx.name}" ON "{table.name}" ({cols})')
        for fts in FTS_TABLES:
            if fts.added == version:
                conn.execute(create_fts_sql(fts))

    return apply


MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial corpus schema", _build(1)),)

LATEST = MIGRATIONS[-1].version


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"
    )


def applied(conn: sqlite3.Connection) -> list[int]:
    """Versions of the migrations already applied (empty for a new store)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]


def pending(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[Migration]:
    """Migrations not yet applied, in order.

    Raises:
        MigrationError: The store was written by a newer Marsad (it has unknown migrations).
    """
    done = set(applied(conn))
    known = {m.version for m in migrations}
    unknown = sorted(done - known)
    if unknown:
        raise MigrationError(
            f"the store has schema migration {unknown[-1]}, newer than this Marsad knows (up to {max(known)}); "
            "upgrade Marsad"
        )
    return [m for m in migrations if m.version not in done]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the pending migrations, each in its own transaction.

    The connection must be in autocommit mode (``isolation_level=None``). A migration
    that fails is rolled back completely and the error is raised.

    Returns:
        The versions applied now.

    Raises:
        MigrationError: A migration failed (it was rolled back) or the store is newer.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        _ensure_table(conn)
        conn.execute("COMMIT")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        raise
    done: list[int] = []
    for mig in pending(conn, migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if mig.version in applied(conn):  # another process applied it meanwhile
                conn.execute("ROLLBACK")
                continue
            mig.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.name, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            if getattr(exc, "sqlite_errorcode", None) in (8, 13, 26):  # readonly, full, not a database
                raise
            raise MigrationError(f"migration {mig.version} ({mig.name}) failed and was rolled back: {exc}") from exc
        done.append(mig.version)
    return done
