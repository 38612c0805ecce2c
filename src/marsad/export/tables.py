"""The store's tables as Parquet: one directory per table, the same columns as SQLite.

Column names and types come from ``marsad.store.schema`` (``Column.arrow``), never
from a copy. ``marsad spark`` writes these directories; ``import_parquet`` loads them
into a SQLite store by re-storing each article from its ``articles.json`` through the
store's writer, so dedup, search, clusters and canonical tables are built exactly as
``marsad ingest`` builds them, and importing the same directory twice changes nothing.

Clusters and duplicate groups need the whole corpus, so they are not written by a
partitioned job (``PARTITION_LOCAL``); the import computes them.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.article import Article
from marsad.errors import MalformedParquetError, MarsadError, StoreError
from marsad.store import schema
from marsad.store.db import Store, store_error
from marsad.store.schema import Table

# Tables whose ids and counts only make sense over the whole corpus.
PARTITION_LOCAL = frozenset({"event_clusters", "event_mentions", "duplicate_groups", "duplicate_members",
                             "ingest_runs"})
# Canonical tables shared by all articles: deduplicated by primary key when partitions are merged.
GLOBAL_TABLES = frozenset({"entities", "actors", "places"})
FAILURES = "ingest_log"
_BATCH = 256


def parquet_tables() -> tuple[Table, ...]:
    """The tables written as Parquet (every exported table but the corpus-wide ones)."""
    return tuple(t for t in schema.export_tables() if t.name not in PARTITION_LOCAL)


def arrow_schema(table: Table) -> Any:
    """The Arrow schema of a table: its columns, in order, with ``Column.arrow`` types."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, pa.type_for_alias(c.arrow), nullable=not c.notnull) for c in table.columns])


def table_rows(store: Store, table: Table, chunk: int = 1000) -> Iterator[tuple[Any, ...]]:
    """Every row of a table, in its columns' order, fetched in chunks."""
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    try:
        cur = store.conn.execute(f'SELECT {cols} FROM "{table.name}"')
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                break
            yield from (tuple(r) for r in rows)
    except sqlite3.Error as exc:
        raise store_error(exc, store.path) from exc


def write_store_tables(store: Store, directory: str | os.PathLike[str], row_group_size: int = 10_000) -> dict[str, int]:
    """Write the store's ``parquet_tables`` as ``DIR/<table>/part-00000.parquet``.

    Returns:
        Rows written per table.
    """
    import pyarrow.parquet as pq

    out: dict[str, int] = {}
    root = Path(directory)
    for table in parquet_tables():
        sch = arrow_schema(table)
        tdir = root / table.name
        tdir.mkdir(parents=True, exist_ok=True)
        n = 0
        with pq.ParquetWriter(tdir / "part-00000.parquet", sch, compression="zstd") as writer:
            batch: list[tuple[Any, ...]] = []
            for row in table_rows(store, table):
                batch.append(row)
                if len(batch) >= row_group_size:
                    writer.write_table(_to_table(batch, table, sch))
                    n += len(batch)
                    batch = []
            writer.write_table(_to_table(batch, table, sch))
            n += len(batch)
        out[table.name] = n
    return out


def _to_table(rows: list[tuple[Any, ...]], table: Table, sch: Any) -> Any:
    import pyarrow as pa

    cols = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(cols, sch, strict=True)], schema=sch)


@dataclass(slots=True)
class ImportReport:
    """What ``import_parquet`` did.

    Attributes:
        stored: Articles stored now.
        already: Articles that were already in the store (same id and text).
        duplicates: Articles whose normalised text a stored article already has.
        failed: Articles that could not be stored (id conflicts), by code.
        failures: Failure rows (``ingest_log``) added.
        events: Events stored.
    """

    stored: int = 0
    already: int = 0
    duplicates: int = 0
    failed: dict[str, int] = field(default_factory=dict)
    failures: int = 0
    events: int = 0


def _dataset(directory: Path, table: Table, required: bool) -> Any:
    import pyarrow.dataset as ds

    tdir = directory / table.name
    if not tdir.exists():
        if required:
            raise MalformedParquetError(f"{directory}: no {table.name}/ table directory (is it `marsad spark` output?)")
        return None
    try:
        data = ds.dataset(str(tdir), format="parquet")
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) for non-Parquet files
        raise MalformedParquetError(f"{tdir}: cannot read as Parquet: {exc}") from exc
    have = set(data.schema.names)
    missing = [c for c in table.column_names if c not in have]
    if missing:
        raise MalformedParquetError(f"{tdir}: table {table.name} lacks the store's column(s) {', '.join(missing)}")
    return data


def _batches(data: Any, columns: list[str], directory: Path) -> Iterator[dict[str, list[Any]]]:
    try:
        for batch in data.to_batches(columns=columns, batch_size=_BATCH):
            yield batch.to_pydict()
    except (OSError, ValueError) as exc:
        raise MalformedParquetError(f"{directory}: cannot read Parquet data: {exc}") from exc


def import_parquet(store: Store, directory: str | os.PathLike[str]) -> ImportReport:
    """Load a directory of Parquet tables (``marsad spark`` output) into a SQLite store.

    Each article is stored from its ``articles.json`` column in its own transaction; the
    failures (``ingest_log``) are added unless the same item and error are already logged.

    Raises:
        MalformedParquetError: The directory, the ``articles`` table or a column is missing, or unreadable.
        StoreError: The store cannot be written.
    """
    from marsad.store import writer

    root = Path(directory)
    if not root.is_dir():
        raise MalformedParquetError(f"{root}: no such directory")
    articles = _dataset(root, schema.table("articles"), required=True)
    log_table = schema.table(FAILURES)
    failures = _dataset(root, log_table, required=False)
    report = ImportReport()
    for batch in _batches(articles, ["id", "json", "origin"], root):
        for aid, blob, origin in zip(batch["id"], batch["json"], batch["origin"], strict=True):
            try:
                article = Article.from_dict(json.loads(blob))
            except (ValueError, TypeError, MarsadError) as exc:
                raise MalformedParquetError(f"{root}: article {aid!r} has an unreadable json column: {exc}") from exc
            try:
                result = writer.write_article(store, article, origin)
            except StoreError as exc:
                if exc.code != "E406":
                    raise
                report.failed[exc.code] = report.failed.get(exc.code, 0) + 1
                writer.log_failure(store, exc.code, exc.message, str(root), origin or aid)
                continue
            if result.status == writer.STORED:
                report.stored += 1
                report.events += result.events
            elif result.status == writer.ALREADY:
                report.already += 1
            else:
                report.duplicates += 1
    if failures is not None:
        cols = ["source", "item", "code", "message", "time"]
        for batch in _batches(failures, cols, root):
            rows = list(zip(*(batch[c] for c in cols), strict=True))
            report.failures += _add_failures(store, rows)
    return report


def _add_failures(store: Store, rows: list[tuple[Any, ...]]) -> int:
    added = 0
    with store.transaction() as conn:
        for source, item, code, message, time in rows:
            seen = conn.execute(
                "SELECT 1 FROM ingest_log WHERE item IS ? AND code = ? AND message IS ?", (item, code, message)
            ).fetchone()
            if seen:
                continue
            conn.execute(
                "INSERT INTO ingest_log (run_id, source, item, code, message, time) VALUES (NULL, ?, ?, ?, ?, ?)",
                (source, item, code, message, time),
            )
            added += 1
    return added
