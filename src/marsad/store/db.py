"""Opening the SQLite corpus store: where it lives, pragmas, migrations, error mapping.

One ``Store`` wraps one connection. Writes go through the writer's connection only
(``marsad.store.writer``); any number of read-only stores can read at the same time
(WAL journal). SQLite errors are turned into the store's coded errors:

* E401 ``StoreReadOnlyError``: writing to a read-only store or file;
* E402 ``StoreFullError``: the disk (or ``max_page_count``) is full; the transaction is rolled back;
* E403 ``StoreCorruptError``: the file is not a SQLite database (or is damaged);
* E404 ``NotFoundError``: a read-only open of a store that does not exist;
* E405 ``MigrationError``: the schema is newer than this Marsad, or not migrated for a read-only open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

from marsad.errors import (
    MigrationError,
    NotFoundError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from marsad.settings import Settings
from marsad.store import migrations

BUSY_TIMEOUT_MS = 10_000

SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def default_store_path(settings: Settings | None = None) -> Path:
    """Where the store lives when no path is given.

    ``Settings.store_path`` (set from ``settings.toml``, the user's file or ``MARSAD_DB``),
    else ``MARSAD_DB``, else ``<user data dir>/marsad/marsad.db``.
    """
    if settings is not None and settings.store_path:
        return Path(settings.store_path).expanduser()
    env = os.environ.get("MARSAD_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("marsad", appauthor=False)) / "marsad.db"


def readonly_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the store at ``path`` cannot be written (created, or its WAL and shared-memory files), or None."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    probe = p if p.exists() else parent
    while not probe.exists() and probe != probe.parent:  # the directory is created on open
        probe = probe.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(probe).f_flag & os.ST_RDONLY:
            return f"the file system holding {probe} is mounted read-only"
    if p.exists() and not os.access(p, os.W_OK):
        return "the file is read-only (no write permission)"
    if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
        return (f"its directory {parent} is read-only (SQLite must create {p.name}-wal and {p.name}-shm "
                "beside the store)")
    if not parent.exists() and not os.access(probe, os.W_OK | os.X_OK):
        return f"its directory cannot be created: {probe} is read-only"
    return None


def store_error(exc: sqlite3.Error, path: str | os.PathLike[str] = "") -> StoreError:
    """The coded store error for a SQLite error."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    where = f"{path}: " if path else ""
    if primary == SQLITE_READONLY or "readonly" in text:
        why = readonly_reason(path) if path else None
        return StoreReadOnlyError(f"{where}the store is read-only ({text})" + (f": {why}" if why else ""))
    if primary == SQLITE_FULL or "disk is full" in text:
        return StoreFullError(
            f"{where}the store is full: no space left ({text}); the article being written was not stored"
        )
    if primary in (SQLITE_NOTADB, SQLITE_CORRUPT) or "not a database" in text or "malformed" in text:
        return StoreCorruptError(f"{where}not a Marsad store: the file is not a SQLite database or is damaged ({text})")
    if primary == SQLITE_CANTOPEN:
        return StoreReadOnlyError(f"{where}cannot open the store ({text})")
    return StoreError(f"{where}SQLite error: {text}")


class Store:
    """An open corpus store (one SQLite connection).

    Use ``Store.open``; close with ``close()`` or a ``with`` block.

    Attributes:
        path: The database file.
        readonly: True when opened read-only.
        conn: The connection (autocommit mode; use ``transaction()`` to write).
    """

    __slots__ = ("conn", "path", "readonly", "settings")

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool, settings: Settings) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.settings = settings

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        readonly: bool = False,
        settings: Settings | None = None,
    ) -> Store:
        """Open (and, unless read-only, create and migrate) a store.

        Args:
            path: The database file; None for ``default_store_path(settings)``.
            readonly: Open without write access (the store must exist and be migrated).
            settings: Settings (for the default path and text normalisation).

        Raises:
            NotFoundError: Read-only open of a store that does not exist.
            StoreReadOnlyError: The store cannot be written.
            StoreCorruptError: The file is not a SQLite database.
            MigrationError: The schema is newer than this Marsad, or (read-only) not migrated.
        """
        settings = settings or Settings()
        p = Path(path).expanduser() if path is not None else default_store_path(settings)
        if readonly:
            if not p.is_file():
                raise NotFoundError(f"no store at {p}: run `marsad ingest` first, or give --db PATH")
            try:
                return cls._open_readonly(p, settings, "mode=ro")
            except StoreReadOnlyError:
                # A WAL store in a read-only directory or mount: SQLite cannot create the -shm file
                # that even a reader needs. Nobody can write it there either, so reading it as an
                # immutable file is safe (a -wal left beside it, from a writer that crashed, is
                # not read: its last transactions are missing until the store is opened for writing).
                return cls._open_readonly(p, settings, "mode=ro&immutable=1")
        else:
            why = readonly_reason(p)
            if why is not None:
                raise StoreReadOnlyError(
                    f"{p}: cannot write the store: {why}; commands that only read it (events, search, show, "
                    "export, serve) still work, or copy it somewhere writable"
                )
            if p.is_dir():
                raise StoreCorruptError(f"{p}: is a directory, not a Marsad store")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreReadOnlyError(f"cannot create the store's directory {p.parent}: {exc.strerror}") from exc
            try:
                conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as exc:
                raise store_error(exc, p) from exc
        return cls._set_up(conn, p, readonly, settings)

    @classmethod
    def _set_up(cls, conn: sqlite3.Connection, p: Path, readonly: bool, settings: Settings) -> Store:
        """The Store over an open connection, set up (pragmas, migrations); the connection closes on failure."""
        store = cls(conn, p, readonly, settings)
        try:
            store._setup()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_readonly(cls, p: Path, settings: Settings, flags: str) -> Store:
        uri = "file:" + _quote_path(p.resolve()) + "?" + flags
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise store_error(exc, p) from exc
        return cls._set_up(conn, p, True, settings)

    def _setup(self) -> None:
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Reading the schema fails with SQLITE_NOTADB for a file that is not a database.
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if self.readonly:
                todo = migrations.pending(self.conn)
                if todo:
                    raise MigrationError(
                        f"{self.path}: the store needs schema migration {todo[0].version}; "
                        "open it once for writing (e.g. `marsad ingest`) to upgrade it"
                    )
                return
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode and str(mode[0]).lower() != "wal":
                raise StoreReadOnlyError(f"{self.path}: cannot switch the store to WAL mode (got {mode[0]})")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            migrations.migrate(self.conn)
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with contextlib.suppress(sqlite3.Error):  # closing twice or after a failure must not raise
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``); rolled back on any error.

        Raises:
            StoreReadOnlyError, StoreFullError, StoreCorruptError, StoreError: Mapped SQLite errors.
        """
        if self.readonly:
            raise StoreReadOnlyError(f"{self.path}: the store was opened read-only")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already (SQLITE_FULL)
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise store_error(exc, self.path) from exc
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run several reads on one snapshot of the store (a deferred read transaction).

        Inside a transaction already open on this connection, the reads simply join it.

        Raises:
            StoreError: Mapped SQLite errors.
        """
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc
        try:
            yield
        finally:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # a read transaction has nothing to lose
                    self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | list[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read query and return its rows (``sqlite3.Row``: by index or name).

        Raises:
            StoreError: Mapped SQLite errors.
        """
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return list(cur.fetchall())
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc

    def scalar(self, sql: str, params: tuple[Any, ...] | list[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row of a query, or None."""
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def schema_version(self) -> int:
        """The latest migration applied."""
        done = migrations.applied(self.conn)
        return max(done) if done else 0

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check``: ``["ok"]`` for a sound database."""
        return [str(r[0]) for r in self.query("PRAGMA integrity_check")]

    def size_bytes(self) -> int:
        """Bytes used by the database file and its WAL."""
        total = 0
        for suffix in ("", "-wal"):
            f = Path(str(self.path) + suffix)
            if f.exists():
                total += f.stat().st_size
        return total


def _quote_path(p: Path) -> str:
    from urllib.parse import quote

    return quote(str(p))
