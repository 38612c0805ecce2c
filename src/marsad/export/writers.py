"""Writing stored events as PLOVER JSON lines, CSV, Parquet or GDELT-style TSV, streamed.

Events come from ``iter_events`` in chunks and are written as they come; Parquet is
written one row group at a time. A file is written under a temporary name and renamed
when complete, so a failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO

from marsad.errors import UsageError
from marsad.export import flat, gdelt
from marsad.export.plover import plover_record
from marsad.export.source import DEFAULT_CHUNK, EventFilter, StoredEvent, iter_events
from marsad.store.db import Store

FORMATS = ("plover-jsonl", "csv", "parquet", "gdelt-tsv")
DEFAULT_ROW_GROUP = 10_000
_TSV_BAD = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def arrow_type(name: str) -> Any:
    """The pyarrow type for an export column type name."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "list<string>": pa.list_(pa.string())}
    return types[name]


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet event export (``flat.COLUMNS``)."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, arrow_type(c.type)) for c in flat.COLUMNS])


@contextmanager
def _open_target(out: str | os.PathLike[str] | BinaryIO) -> Iterator[BinaryIO]:
    """A binary stream to write to: the given stream, or a temporary file renamed into place at the end."""
    if not isinstance(out, str | os.PathLike):
        yield out
        return
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give a file name for the export")
    tmp = path.with_name(f".{path.name}.part")
    try:
        fh = tmp.open("wb")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with fh:
            yield fh
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _text(stream: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)


def _detach(wrapper: IO[str]) -> None:
    wrapper.flush()
    if isinstance(wrapper, io.TextIOWrapper):
        wrapper.detach()


def write_plover(events: Iterator[StoredEvent], stream: BinaryIO) -> int:
    """PLOVER JSON lines: one record per event."""
    out = _text(stream)
    n = 0
    for item in events:
        out.write(json.dumps(plover_record(item), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        n += 1
    _detach(out)
    return n


def write_csv(events: Iterator[StoredEvent], stream: BinaryIO, header: bool = True) -> int:
    """CSV (RFC 4180, UTF-8): the ``flat.COLUMNS``, lists joined with ``|``."""
    out = _text(stream)
    w = csv.writer(out, lineterminator="\r\n")
    if header:
        w.writerow(flat.COLUMN_NAMES)
    n = 0
    for item in events:
        row = flat.flat_row(item)
        w.writerow([flat.csv_cell(row[c]) for c in flat.COLUMN_NAMES])
        n += 1
    _detach(out)
    return n


def write_gdelt(events: Iterator[StoredEvent], stream: BinaryIO, header: bool = True) -> int:
    """GDELT 2.0-style TSV: the 61 event columns, tabs and newlines inside values replaced by spaces."""
    out = _text(stream)
    if header:
        out.write("\t".join(gdelt.COLUMN_NAMES) + "\n")
    n = 0
    for item in events:
        out.write("\t".join(v.translate(_TSV_BAD) for v in gdelt.gdelt_row(item)) + "\n")
        n += 1
    _detach(out)
    return n


def write_parquet(events: Iterator[StoredEvent], stream: BinaryIO, row_group_size: int = DEFAULT_ROW_GROUP) -> int:
    """Parquet: the ``flat.COLUMNS`` with their types, one row group per ``row_group_size`` events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(pa.PythonFile(stream, mode="w"), schema, compression="zstd") as writer:
        batch: list[dict[str, object]] = []
        for item in events:
            batch.append(flat.flat_row(item))
            if len(batch) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def export_events(
    store: Store,
    fmt: str,
    out: str | os.PathLike[str] | BinaryIO,
    filters: EventFilter | None = None,
    header: bool = True,
    chunk: int = DEFAULT_CHUNK,
    row_group_size: int = DEFAULT_ROW_GROUP,
) -> int:
    """Write the stored events matching ``filters`` in one format.

    Args:
        store: An open store.
        fmt: One of ``FORMATS``.
        out: A file path (written atomically) or a binary stream.
        filters: Which events (default: all).
        header: Write a header row (CSV and GDELT TSV).
        chunk: Rows fetched from SQLite at a time.
        row_group_size: Events per Parquet row group.

    Returns:
        The number of events written.

    Raises:
        UsageError: Unknown format, or the output cannot be written.
        StoreError: The store cannot be read.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    events = iter_events(store, filters, chunk)
    with closing(events), _open_target(out) as stream:
        if fmt == "plover-jsonl":
            return write_plover(events, stream)
        if fmt == "csv":
            return write_csv(events, stream, header)
        if fmt == "gdelt-tsv":
            return write_gdelt(events, stream, header)
        return write_parquet(events, stream, row_group_size)
