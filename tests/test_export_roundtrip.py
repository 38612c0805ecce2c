"""Exporting stored events to each format and reading them back gives the store's events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from export_articles import protest_article, visit_article
from marsad.export.flat import COLUMN_NAMES, LIST_SEP
from marsad.export.gdelt import COLUMN_NAMES as GDELT_COLUMNS
from marsad.export.gdelt import global_event_id
from marsad.export.source import EventFilter
from marsad.export.writers import FORMATS, export_events
from marsad.store.db import Store
from marsad.store.queries import EventRow, list_events
from marsad.store.writer import write_article

# (article_id, event_id) -> (type, cameo, actor names, recipient names, date, day)
Key = tuple[str, str]
Summary = dict[Key, tuple[str, str | None, tuple[str, ...], tuple[str, ...], str | None, str | None]]


def _names(parts: list[str | None]) -> tuple[str, ...]:
    return tuple(p or "" for p in parts)


def store_summary(events: list[EventRow]) -> Summary:
    return {
        (e.article_id, e.event_id): (
            e.type, e.cameo, _names([p.name for p in e.actors]), _names([p.name for p in e.recipients]), e.date, e.day
        )
        for e in events
    }


def _split(cell: str, width: int) -> tuple[str, ...]:
    return tuple(cell.split(LIST_SEP)) if width else ()


def read_csv(data: bytes) -> Summary:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    if rows:
        assert list(rows[0]) == list(COLUMN_NAMES)
    out: Summary = {}
    for r in rows:
        n_act = len(r["actor_texts"].split(LIST_SEP)) if r["actor_texts"] else 0
        n_rec = len(r["recipient_texts"].split(LIST_SEP)) if r["recipient_texts"] else 0
        out[(r["article_id"], r["event_id"])] = (
            r["type"], r["cameo"] or None, _split(r["actor_names"], n_act), _split(r["recipient_names"], n_rec),
            r["date"] or None, r["day"] or None,
        )
    return out


def read_parquet(data: bytes) -> Summary:
    table = pq.read_table(io.BytesIO(data))
    assert table.schema.names == list(COLUMN_NAMES)
    return {
        (r["article_id"], r["event_id"]): (
            r["type"], r["cameo"], _names(r["actor_names"]), _names(r["recipient_names"]), r["date"], r["day"]
        )
        for r in table.to_pylist()
    }


def _plover_names(parts: list[dict[str, object]]) -> tuple[str, ...]:
    return tuple(str(p.get("entity_name") or p.get("name") or "") for p in parts)


def read_plover(data: bytes) -> Summary:
    out: Summary = {}
    for line in data.decode("utf-8").splitlines():
        rec = json.loads(line)
        m = rec["marsad"]
        out[(m["article_id"], m["event_id"])] = (
            rec["event"][0], m["cameo"], _plover_names(rec["actor"]), _plover_names(rec["recipient"]), m["date"],
            m["day"],
        )
    return out


def gdelt_expected(summary: Summary) -> dict[int, tuple[str, str, str, str]]:
    """What GDELT keeps of an event: CAMEO code, first actor and recipient names, day."""
    return {
        global_event_id(aid, eid): (cameo or "", acts[0] if acts else "", recs[0] if recs else "",
                                    (day or "").replace("-", ""))
        for (aid, eid), (_t, cameo, acts, recs, _d, day) in summary.items()
    }


def read_gdelt(data: bytes) -> dict[int, tuple[str, str, str, str]]:
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == ""
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS)
    out = {}
    for line in lines[1:-1]:
        row = dict(zip(header, line.split("\t"), strict=True))
        out[int(row["GlobalEventID"])] = (row["EventCode"], row["Actor1Name"], row["Actor2Name"], row["Day"])
    return out


READERS: dict[str, Callable[[bytes], Summary]] = {
    "csv": read_csv,
    "parquet": read_parquet,
    "plover-jsonl": read_plover,
}


@pytest.fixture()
def hand_store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "hand.db")
    write_article(store, visit_article())
    write_article(store, protest_article())
    return store


def _export(store: Store, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    kw.setdefault("filters", EventFilter(include_historical=True))  # the hand-made ASSAULT is historical
    export_events(store, fmt, buf, **kw)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_roundtrip_hand_made(hand_store: Store, fmt: str) -> None:
    expected = store_summary(list_events(hand_store, limit=1000, include_historical=True))
    assert len(expected) == 3
    assert READERS[fmt](_export(hand_store, fmt)) == expected


def test_export_roundtrip_hand_made_gdelt(hand_store: Store) -> None:
    expected = gdelt_expected(store_summary(list_events(hand_store, limit=1000, include_historical=True)))
    assert read_gdelt(_export(hand_store, "gdelt-tsv")) == expected


def test_export_roundtrip_file_output_is_atomic(hand_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    n = export_events(hand_store, "parquet", out, EventFilter(include_historical=True), row_group_size=1)
    assert n == 3
    meta = pq.ParquetFile(out).metadata
    assert (meta.num_rows, meta.num_row_groups) == (3, 3)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture(scope="module")
def seed_store(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    from marsad.ingest.runner import ingest

    store = Store.open(tmp_path_factory.mktemp("seed") / "seed.db")
    report = ingest(store, [str(seed_path)])
    assert report.stored == 1
    return store


@pytest.mark.shared
@pytest.mark.parametrize("fmt", [*sorted(READERS), "gdelt-tsv"])
def test_export_roundtrip_seed(seed_store: Store, fmt: str) -> None:
    from marsad.pipeline import available_components

    expected = store_summary(list_events(seed_store, limit=100_000, include_historical=True))
    if "events" in available_components():
        assert expected, "the seed yields events with the events component installed"
    data = _export(seed_store, fmt)
    if fmt == "gdelt-tsv":
        assert read_gdelt(data) == gdelt_expected(expected)
    else:
        assert READERS[fmt](data) == expected


def test_export_roundtrip_formats_listed() -> None:
    assert set(FORMATS) == {*READERS, "gdelt-tsv"}
