"""``marsad spark`` in local mode (2 cores): Parquet tables equal to what ``marsad ingest`` stores.

Marked ``spark``; skipped when pyspark or Java is absent. One session serves the module.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from export_articles import PAGE, warc_bytes
from marsad.errors import OptionalDependencyError
from marsad.export.tables import import_parquet, parquet_tables
from marsad.ingest.runner import ingest
from marsad.settings import Settings
from marsad.spark.job import LOCAL_CONF, java_available, require_pyspark
from marsad.spark.partition import PartitionJob
from marsad.store.db import Store
from marsad.store.queries import list_events

# Our own short news items (facts only), and broken lines a crawl may hold.
RECORDS = [
    {"id": "sp-1", "title": "بوتين يستقبل الأسد في سوتشي",
     "content": "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد مساء الاثنين في مدينة سوتشي.",
     "date": "2017-11-21", "url": "https://example.org/sp/1", "source": "example"},
    {"id": "sp-2", "title": "اجتماع في الرياض",
     "content": "اجتمع وزراء الخارجية العرب في الرياض صباح اليوم لبحث الأوضاع في المنطقة.",
     "date": "2018-01-02", "source": "example"},
    {"id": "sp-3", "content": "هطلت أمطار غزيرة على مدينة جدة أمس وأغلقت عدة طرق.", "date": "2018-01-03"},
]
BAD = ["{broken json", '{"title": "بلا نص"}']


def _spark_session() -> Any:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install 'marsad[spark]')")
    if not java_available():
        pytest.skip("no Java runtime for Spark")
    from marsad.spark.job import build_session

    return build_session("local[2]", "marsad-tests", LOCAL_CONF)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = _spark_session()
    yield session
    session.stop()


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "news.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines.insert(1, BAD[0])
    lines.append("")
    lines.append(BAD[1])
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def output(spark: Any, jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from marsad.spark.job import run_job

    out = tmp_path_factory.mktemp("out") / "tables"
    report = run_job(spark, str(jsonl), str(out), PartitionJob(Settings()), "jsonl", partitions=2)
    return out, report


@pytest.mark.spark
def test_spark_job_writes_every_table_with_store_columns(output: tuple[Path, Any]) -> None:
    out, report = output
    assert report.partitions == 2
    assert (report.articles, report.failures) == (3, 2)
    for table in parquet_tables():
        data = pq.read_table(out / table.name)
        assert data.schema.names == list(table.column_names), table.name
    log = pq.read_table(out / "ingest_log").to_pylist()
    assert sorted((r["code"], r["item"].rsplit(":", 1)[-1]) for r in log) == [("E106", "2"), ("E107", "6")]
    assert len({r["id"] for r in log}) == 2


@pytest.mark.spark
def test_spark_job_import_equals_local_ingest(output: tuple[Path, Any], jsonl: Path, tmp_path: Path) -> None:
    out, _ = output
    with Store.open(tmp_path / "spark.db") as via_spark, Store.open(tmp_path / "local.db") as local:
        report = import_parquet(via_spark, out)
        assert (report.stored, report.failures) == (3, 2)
        ingest(local, [str(jsonl)])
        for store in (via_spark, local):
            assert store.scalar("SELECT count(*) FROM articles") == 3

        def summary(store: Store) -> list[tuple[object, ...]]:
            return sorted((e.article_id, e.event_id, e.type, e.cameo, e.date, e.day,
                           tuple(p.name for p in e.actors), tuple(p.name for p in e.recipients))
                          for e in list_events(store, limit=1000))

        assert summary(via_spark) == summary(local)
        again = import_parquet(via_spark, out)
        assert (again.stored, again.already, again.failures) == (0, 3, 0)


@pytest.mark.spark
def test_spark_job_warc_input(spark: Any, tmp_path: Path) -> None:
    from marsad.spark.job import run_job

    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "one.warc.gz").write_bytes(warc_bytes([("https://example.org/w/1", PAGE)]))
    (tmp_path / "crawl" / "two.warc").write_bytes(b"this is not a WARC file\n")
    job = PartitionJob(Settings(), tables=("articles", "ingest_log"))
    report = run_job(spark, str(tmp_path / "crawl"), str(tmp_path / "out"), job, "warc")
    assert report.rows == {"articles": 1, "ingest_log": 1}
    (art,) = pq.read_table(tmp_path / "out" / "articles").to_pylist()
    assert (art["url"], art["format"]) == ("https://example.org/w/1", "warc")
    (fail,) = pq.read_table(tmp_path / "out" / "ingest_log").to_pylist()
    assert fail["code"] == "E110" and fail["item"].endswith("two.warc")


@pytest.mark.spark
def test_spark_job_output_exists(spark: Any, output: tuple[Path, Any], jsonl: Path) -> None:
    from marsad.errors import UsageError
    from marsad.spark.job import run_job

    out, _ = output
    with pytest.raises(UsageError) as err:
        run_job(spark, str(jsonl), str(out), PartitionJob(Settings(), tables=("articles",)))
    assert err.value.message == f"{out}: the output already exists; give another path or --overwrite"


@pytest.mark.spark
def test_spark_job_missing_input(spark: Any, tmp_path: Path) -> None:
    from marsad.errors import InputNotFoundError
    from marsad.spark.job import run_job

    with pytest.raises(InputNotFoundError) as err:
        run_job(spark, str(tmp_path / "none.jsonl"), str(tmp_path / "o"), PartitionJob(Settings()))
    assert err.value.code == "E111"


def test_spark_job_without_pyspark(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a))
    with pytest.raises(OptionalDependencyError) as err:
        require_pyspark()
    assert err.value.code == "E501"
    assert err.value.message == "marsad spark needs pyspark, which is not installed: pip install 'marsad[spark]'"
    from marsad.cli.main import cli

    result = CliRunner().invoke(cli, ["spark", "in.jsonl", "out"])
    assert result.exit_code == 1
    assert "[E501] marsad spark needs pyspark" in str(result.exception) + result.output
