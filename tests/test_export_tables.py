"""The store's tables as Parquet directories, and importing them back (idempotent)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from export_articles import protest_article, visit_article
from marsad.errors import MalformedParquetError
from marsad.export.tables import import_parquet, parquet_tables, table_rows, write_store_tables
from marsad.store import schema
from marsad.store.db import Store
from marsad.store.writer import log_failure, write_article

ARTICLE_SCOPED = ("blocks", "sentences", "mentions", "times", "events", "event_participants", "quotations")


@pytest.fixture()
def source(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "src.db")
    write_article(store, visit_article())
    write_article(store, protest_article())
    log_failure(store, "E106", "in.jsonl:3: invalid JSON: Expecting value (column 1)", "in.jsonl", "in.jsonl:3")
    return store


def test_export_tables_have_the_store_columns(source: Store, tmp_path: Path) -> None:
    counts = write_store_tables(source, tmp_path / "t")
    names = {t.name for t in parquet_tables()}
    assert set(counts) == names
    assert "minhashes" not in names and "event_clusters" not in names
    for table in parquet_tables():
        got = pq.read_table(tmp_path / "t" / table.name)
        assert got.schema.names == list(table.column_names)
        assert got.num_rows == counts[table.name] == source.scalar(f'SELECT count(*) FROM "{table.name}"')
    assert counts["events"] == 3 and counts["ingest_log"] == 1


def test_export_tables_import_gives_the_same_rows(source: Store, tmp_path: Path) -> None:
    write_store_tables(source, tmp_path / "t")
    with Store.open(tmp_path / "copy.db") as copy:
        report = import_parquet(copy, tmp_path / "t")
        assert (report.stored, report.already, report.events, report.failures) == (2, 0, 3, 1)
        for name in (*ARTICLE_SCOPED, "articles", "actors", "places", "entities"):
            table = schema.table(name)
            skip = {"ingested_at"}
            idx = [i for i, c in enumerate(table.column_names) if c not in skip]
            a = sorted(tuple(r[i] for i in idx) for r in table_rows(source, table))
            b = sorted(tuple(r[i] for i in idx) for r in table_rows(copy, table))
            assert a == b, name
        again = import_parquet(copy, tmp_path / "t")
        assert (again.stored, again.already, again.failures) == (0, 2, 0)
        assert copy.scalar("SELECT count(*) FROM ingest_log") == 1


def test_export_tables_missing_articles_table(tmp_path: Path) -> None:
    (tmp_path / "t" / "events").mkdir(parents=True)
    with Store.open(tmp_path / "x.db") as store, pytest.raises(MalformedParquetError) as err:
        import_parquet(store, tmp_path / "t")
    assert err.value.code == "E121"
    assert err.value.message == f"{tmp_path / 't'}: no articles/ table directory (is it `marsad spark` output?)"


def test_export_tables_missing_column(tmp_path: Path) -> None:
    (tmp_path / "t" / "articles").mkdir(parents=True)
    pq.write_table(pa.table({"id": ["a"], "text": ["نص"]}), tmp_path / "t" / "articles" / "part-0.parquet")
    with Store.open(tmp_path / "x.db") as store, pytest.raises(MalformedParquetError) as err:
        import_parquet(store, tmp_path / "t")
    assert "table articles lacks the store's column(s) sha256, norm_sha256, url" in err.value.message


def test_export_tables_not_parquet(tmp_path: Path) -> None:
    (tmp_path / "t" / "articles").mkdir(parents=True)
    (tmp_path / "t" / "articles" / "part-0.parquet").write_bytes(b"not parquet at all")
    with Store.open(tmp_path / "x.db") as store, pytest.raises(MalformedParquetError) as err:
        import_parquet(store, tmp_path / "t")
    assert err.value.message.startswith(f"{tmp_path / 't' / 'articles'}: cannot read as Parquet")
