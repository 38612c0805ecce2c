"""What runs inside one Spark partition (plain Python: no pyspark import, testable alone).

A partition builds the pipeline once (``marsad.ingest.runner.build_pipeline``, the one
``marsad ingest`` uses), reads its records, runs the pipeline and stores each article
in a private SQLite store in a temporary directory through the store's own writer.
When the partition's input is used up, the rows of the Parquet tables are read back
from that store and yielded as ``(table, row)`` pairs, so they have exactly the store's
columns and values. A record that cannot be read or processed becomes an
``ingest_log`` row; nothing in one record can fail the job.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.article import Article
from marsad.errors import (
    InputTooLargeError,
    MalformedJSONError,
    MarsadError,
    StoreError,
)
from marsad.ingest.readers import FieldMapping, ReadFailure, article_from_record
from marsad.settings import Settings

Row = tuple[str, tuple[Any, ...]]

# ingest_log ids are made unique across partitions: partition index in the high bits.
_ID_SHIFT = 32


@dataclass(frozen=True, slots=True)
class PartitionJob:
    """Everything a partition needs (pickled to the executors).

    Attributes:
        settings: The settings (pipeline components, input limits, normalisation).
        components: Component names to run (None: ``settings.components`` that are installed).
        mapping: JSON field mapping for JSON lines input.
        tables: Names of the tables to emit.
        source: The job's input path, recorded in ``ingest_log.source``.
    """

    settings: Settings = field(default_factory=Settings)
    components: tuple[str, ...] | None = None
    mapping: FieldMapping = field(default_factory=FieldMapping)
    tables: tuple[str, ...] = ()
    source: str = ""


def parse_line(line: str, src: str, settings: Settings, mapping: FieldMapping) -> Article | ReadFailure | None:
    """One JSON line → an Article, a ReadFailure (bad record), or None (blank line)."""
    if not line.strip():
        return None
    size = len(line.encode("utf-8", "surrogatepass"))
    limit = settings.max_input_bytes
    if size > limit:
        return ReadFailure(src, InputTooLargeError.code, f"{src}: record is {size:,} bytes, over the limit of "
                           f"{limit:,} bytes (setting input.max_bytes)")
    try:
        obj = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return ReadFailure.from_error(src, MalformedJSONError(f"{src}: invalid JSON: {exc.msg} (column {exc.colno})"))
    if not isinstance(obj, dict):
        return ReadFailure.from_error(
            src, MalformedJSONError(f"{src}: invalid JSON: expected an object, got {type(obj).__name__}")
        )
    try:
        return article_from_record(obj, mapping, src)
    except MarsadError as exc:
        return ReadFailure.from_error(src, exc)


def lines_to_items(
    rows: Iterable[tuple[str, str, int]], settings: Settings, mapping: FieldMapping
) -> Iterator[Article | ReadFailure]:
    """``(line, file, record number)`` triples → Articles and ReadFailures."""
    for line, file, number in rows:
        item = parse_line(line, f"{file}:{number}", settings, mapping)
        if item is not None:
            yield item


def warc_to_items(files: Iterable[tuple[str, bytes]], settings: Settings) -> Iterator[Article | ReadFailure]:
    """``(path, content)`` pairs of WARC files → Articles and ReadFailures (via ``marsad.ingest.warc``)."""
    from marsad.ingest.warc import read_warc

    for path, data in files:
        name = os.path.basename(path) or "input.warc"
        with tempfile.TemporaryDirectory(prefix="marsad-warc-", dir=_local_dir()) as tmp:
            local = Path(tmp) / name
            local.write_bytes(data)
            try:
                items = read_warc(local, settings)
            except MarsadError as exc:
                yield ReadFailure(path, exc.code, exc.message.replace(str(local), path))
                continue
            for item in items:  # streamed: a large WARC file never becomes a list of articles
                if isinstance(item, ReadFailure):
                    yield ReadFailure(item.source.replace(str(local), path), item.code,
                                      item.message.replace(str(local), path))
                    continue
                rec = item.meta.extra.get("record")
                if rec:
                    item.meta.extra["record"] = rec.replace(str(local), path)
                yield item


def _local_dir() -> str | None:
    """Spark's scratch directory on this executor (``SPARK_LOCAL_DIRS``), else the system's temp dir."""
    first = os.environ.get("SPARK_LOCAL_DIRS", "").split(",")[0].strip()
    return first if first and os.path.isdir(first) else None


def process_partition(index: int, items: Iterable[Article | ReadFailure], job: PartitionJob) -> Iterator[Row]:
    """Run the pipeline over one partition's items and yield its table rows.

    Args:
        index: The partition's index (makes ``ingest_log`` ids unique across partitions).
        items: The partition's articles and read failures.
        job: What to run and which tables to emit.

    Yields:
        ``(table name, row)`` with the row's values in the table's column order.
    """
    from marsad.export.tables import FAILURES, table_rows
    from marsad.ingest.runner import build_pipeline
    from marsad.store import schema
    from marsad.store.db import Store

    pipe, _skipped = build_pipeline(job.settings, job.components)
    tmp = tempfile.mkdtemp(prefix="marsad-part-", dir=_local_dir())
    try:
        store = Store.open(Path(tmp) / "part.db", settings=job.settings)
        try:
            _fill(store, pipe, items, job)
            for name in job.tables:
                table = schema.table(name)
                cluster_col = table.column_names.index("cluster_id") if "cluster_id" in table.column_names else -1
                for row in table_rows(store, table):
                    if cluster_col >= 0:  # partition-local: clusters are built when the tables are imported
                        row = (*row[:cluster_col], None, *row[cluster_col + 1:])
                    if name == FAILURES:
                        row = ((index << _ID_SHIFT) + int(row[0]), *row[1:])
                    yield name, row
        finally:
            store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _fill(store: Any, pipe: Any, items: Iterable[Article | ReadFailure], job: PartitionJob) -> None:
    from marsad.store import writer

    def log(code: str, message: str, item: str | None) -> None:
        writer.log_failure(store, code, message, job.source or None, item)

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadFailure):
                log(item.code, item.message, item.source)
            else:
                yield item

    for res in pipe.pipe(articles()):
        art = res.article
        origin = art.meta.extra.get("record") or art.meta.extra.get("path") or art.id
        if res.failure is not None:
            f = res.failure
            log(f.code, f"{origin}: {f.component}: {f.message}", origin)
            continue
        try:
            writer.write_article(store, art, origin)
        except StoreError as exc:
            if exc.code != "E406":
                raise
            log(exc.code, exc.message, origin)
