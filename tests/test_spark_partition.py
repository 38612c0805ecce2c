"""What runs inside a Spark partition, tested without Spark: parsing lines, WARC files, table rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_articles import PAGE, protest_article, visit_article, warc_bytes
from marsad.article import Article
from marsad.export.tables import parquet_tables, table_rows
from marsad.ingest.readers import FieldMapping, ReadFailure
from marsad.settings import Settings
from marsad.spark.partition import PartitionJob, lines_to_items, parse_line, process_partition, warc_to_items
from marsad.store import schema
from marsad.store.db import Store
from marsad.store.writer import write_article

SRC = "news.jsonl:7"


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        ("{not json", "E106", f"{SRC}: invalid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ('["قائمة"]', "E106", f"{SRC}: invalid JSON: expected an object, got list"),
        ('{"title": "عنوان فقط"}', "E107", f"{SRC}: record has no content field (tried content, text, body)"),
        ('{"content": "   "}', "E107", f"{SRC}: record has no content field (tried content, text, body)"),
    ],
)
def test_spark_partition_bad_lines_become_failures(line: str, code: str, message: str) -> None:
    item = parse_line(line, SRC, Settings(), FieldMapping())
    assert isinstance(item, ReadFailure)
    assert (item.source, item.code, item.message) == (SRC, code, message)


def test_spark_partition_line_over_the_limit() -> None:
    line = json.dumps({"content": "خبر " * 50}, ensure_ascii=False)
    item = parse_line(line, SRC, Settings(max_input_bytes=100), FieldMapping())
    assert isinstance(item, ReadFailure) and item.code == "E104"
    assert item.message.endswith("over the limit of 100 bytes (setting input.max_bytes)")


@pytest.mark.parametrize("line", ["", "   ", "\t"])
def test_spark_partition_blank_lines_are_skipped(line: str) -> None:
    assert parse_line(line, SRC, Settings(), FieldMapping()) is None


def test_spark_partition_record_with_mapping() -> None:
    line = json.dumps({"key": "n-1", "headline": "اجتماع", "body": "اجتمع الوزراء اليوم.", "day": "2018-01-02"},
                      ensure_ascii=False)
    mapping = FieldMapping.parse(["id=key", "content=body", "published=day"])
    items = list(lines_to_items([(line, "in.jsonl", 3), ("", "in.jsonl", 4)], Settings(), mapping))
    assert len(items) == 1
    art = items[0]
    assert isinstance(art, Article)
    assert (art.id, art.text, str(art.meta.published)) == ("n-1", "اجتماع\n\nاجتمع الوزراء اليوم.", "2018-01-02")
    assert art.meta.extra["record"] == "in.jsonl:3"


def test_spark_partition_rows_equal_the_store(tmp_path: Path) -> None:
    tables = tuple(t.name for t in parquet_tables())
    job = PartitionJob(Settings(), (), FieldMapping(), tables, "in.jsonl")
    failure = ReadFailure("in.jsonl:2", "E106", "in.jsonl:2: invalid JSON: Expecting value (column 1)")
    rows = list(process_partition(3, [visit_article(), failure, protest_article()], job))
    by_table: dict[str, list[tuple[object, ...]]] = {}
    for name, row in rows:
        assert len(row) == len(schema.table(name).columns)
        by_table.setdefault(name, []).append(row)
    with Store.open(tmp_path / "ref.db") as store:
        write_article(store, visit_article())
        write_article(store, protest_article())
        for table in parquet_tables():
            if table.name == "ingest_log":
                continue
            drop = {"ingested_at", "cluster_id", "origin"}
            idx = [i for i, c in enumerate(table.column_names) if c not in drop]
            want = sorted(tuple(r[i] for i in idx) for r in table_rows(store, table))
            got = sorted(tuple(r[i] for i in idx) for r in by_table.get(table.name, []))
            assert got == want, table.name
    events = schema.table("events")
    assert all(r[events.column_names.index("cluster_id")] is None for r in by_table["events"])
    (log,) = by_table["ingest_log"]
    log_cols = schema.table("ingest_log").column_names
    assert log[0] == (3 << 32) + 1
    assert (log[log_cols.index("item")], log[log_cols.index("code")]) == ("in.jsonl:2", "E106")
    assert log[log_cols.index("source")] == "in.jsonl"


def test_spark_partition_warc_files() -> None:
    data = warc_bytes([("https://example.org/a/1", PAGE)])
    items = list(warc_to_items([("s3a://bucket/crawl/one.warc.gz", data), ("hdfs:///bad.warc", b"not a warc")],
                               Settings()))
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    assert len(arts) == 1 and arts[0].meta.url == "https://example.org/a/1"
    assert "اجتمع وزراء الخارجية العرب" in arts[0].text
    assert arts[0].meta.extra["record"].startswith("s3a://bucket/crawl/one.warc.gz#")
    assert [f.code for f in fails] == ["E110"]
    assert fails[0].source == "hdfs:///bad.warc" and "/tmp" not in fails[0].message
