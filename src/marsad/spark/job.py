"""The Spark driver: read JSON lines or WARC files, run the pipeline per partition, write Parquet tables.

pyspark is imported lazily (``pip install 'marsad[spark]'``); Spark also needs Java 17+.
The input is any path Spark reads (local, ``hdfs://``, ``s3a://``; globs allowed). The
output is one Parquet directory per table (``OUTPUT/articles``, ``OUTPUT/events`` ...)
with exactly the SQLite store's columns; ``marsad import-parquet OUTPUT`` loads it.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from marsad.errors import InputNotFoundError, OptionalDependencyError, SparkJobError, UsageError
from marsad.spark.partition import PartitionJob, Row, lines_to_items, process_partition, warc_to_items

INPUT_KINDS = ("jsonl", "warc")
PIP_HINT = "pip install 'marsad[spark]'"
WRITE_THREADS = 4

# Settings that keep a local session small and quiet (the tests and the benchmark use them).
LOCAL_CONF: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.memory": "1g",
}

# A session of our own on this machine talks to itself over loopback only, never over a network interface.
LOOPBACK_CONF: dict[str, str] = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}


def runs_locally(master: str | None) -> bool:
    """True for a ``local[...]`` master, or no master outside spark-submit (which then means local)."""
    if master is not None:
        return master.startswith("local")
    return "PYSPARK_GATEWAY_PORT" not in os.environ


def require_pyspark() -> None:
    """Check that pyspark can be imported.

    Raises:
        OptionalDependencyError: pyspark is not installed (names the pip command).
    """
    import importlib.util

    if importlib.util.find_spec("pyspark") is None:
        raise OptionalDependencyError(f"marsad spark needs pyspark, which is not installed: {PIP_HINT}")


def java_available() -> bool:
    """Whether a Java runtime can be found (``JAVA_HOME`` or ``java`` on PATH)."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return True
    return shutil.which("java") is not None


def build_session(master: str | None = None, app_name: str = "marsad", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession (the active one when run under spark-submit).

    Args:
        master: ``local[2]``, ``spark://host:7077``, ``yarn`` ...; None leaves it to spark-submit (else local).
        app_name: Application name.
        conf: Further Spark settings.

    Raises:
        OptionalDependencyError: pyspark is not installed.
        SparkJobError: Java cannot be found or the JVM does not start.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    if (master is None or master.startswith("local")) and not java_available():
        raise SparkJobError("Spark needs a Java runtime (17 or newer): install one or set JAVA_HOME")
    if master is None or master.startswith("local"):
        # Local executors must run this interpreter (the one with marsad installed), not whatever python3 is.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    local = runs_locally(master)
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in {**(LOOPBACK_CONF if local else {}), **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # the JVM gateway raises plain Exceptions/RuntimeErrors
        raise SparkJobError(f"cannot start Spark ({master or 'default master'}): {exc}") from exc


@dataclass(slots=True)
class SparkReport:
    """What a Spark job did.

    Attributes:
        rows: Rows the partitions produced per table (entities, actors and places are then
            deduplicated by id across partitions, so their files may hold fewer).
        seconds: Wall time of the job (session start excluded).
        partitions: Partitions the pipeline ran in.
    """

    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    partitions: int = 0

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)

    @property
    def failures(self) -> int:
        return self.rows.get("ingest_log", 0)


def spark_schema(table_name: str) -> Any:
    """The Spark StructType of a store table (from ``marsad.store.schema``)."""
    from pyspark.sql import types as T

    from marsad.store import schema

    kinds = {"TEXT": T.StringType(), "INTEGER": T.LongType(), "REAL": T.DoubleType(), "BLOB": T.BinaryType()}
    return T.StructType([T.StructField(c.name, kinds[c.type], nullable=not c.notnull)
                         for c in schema.table(table_name).columns])


def _jsonl_partition(index: int, rows: Iterable[tuple[str, str, int]], job: PartitionJob) -> Iterator[Row]:
    return process_partition(index, lines_to_items(rows, job.settings, job.mapping), job)


def _warc_partition(index: int, files: Iterable[tuple[str, bytes]], job: PartitionJob) -> Iterator[Row]:
    return process_partition(index, warc_to_items(files, job.settings), job)


def _line(pair: tuple[Any, int]) -> tuple[str, str, int]:
    row, i = pair
    return (row[0] or "", row[1] or "", i + 1)


def _spark_error(exc: Exception, input_path: str, output: str) -> Exception:
    text = str(exc)
    if "PATH_NOT_FOUND" in text or "Path does not exist" in text or "Input path does not exist" in text:
        return InputNotFoundError(f"{input_path}: no such file or directory (as Spark sees it)")
    if "PATH_ALREADY_EXISTS" in text or "already exists" in text:
        return UsageError(f"{output}: the output already exists; give another path or --overwrite")
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return SparkJobError(f"the Spark job failed: {first[:500]}")


def run_job(
    spark: Any,
    input_path: str,
    output: str,
    job: PartitionJob,
    kind: str = "jsonl",
    partitions: int | None = None,
    overwrite: bool = False,
) -> SparkReport:
    """Process ``input_path`` with the pipeline inside each partition; write one Parquet directory per table.

    Args:
        spark: A SparkSession (``build_session``).
        input_path: Files Spark can read: JSON lines (``kind="jsonl"``) or WARC / WARC.gz (``kind="warc"``).
        output: Directory to write ``<table>/part-*.parquet`` under.
        job: Settings, components, field mapping and the tables to write (empty: ``parquet_tables()``).
        kind: ``jsonl`` or ``warc``.
        partitions: Repartition the input into this many partitions (default: Spark's split).
        overwrite: Replace existing output tables.

    Raises:
        UsageError: Unknown kind, or the output exists and ``overwrite`` is False.
        InputNotFoundError: Spark finds no input at the path.
        SparkJobError: The job failed.
    """
    from marsad.export.tables import GLOBAL_TABLES, parquet_tables
    from marsad.store import schema

    if kind not in INPUT_KINDS:
        raise UsageError(f"unknown Spark input kind {kind!r}; expected one of {', '.join(INPUT_KINDS)}")
    if not job.tables:
        job = PartitionJob(job.settings, job.components, job.mapping, tuple(t.name for t in parquet_tables()),
                           job.source or input_path)
    from pyspark import StorageLevel

    t0 = time.perf_counter()
    sc = spark.sparkContext
    processed = None
    try:
        if kind == "jsonl":
            from pyspark.sql.functions import input_file_name

            lines = spark.read.text(input_path).select("value", input_file_name().alias("file"))
            rdd = lines.rdd.zipWithIndex().map(_line)
            if partitions:
                rdd = rdd.repartition(partitions)
            processed = rdd.mapPartitionsWithIndex(partial(_jsonl_partition, job=job))
        else:
            files = sc.binaryFiles(input_path, minPartitions=partitions) if partitions else sc.binaryFiles(input_path)
            processed = files.mapPartitionsWithIndex(partial(_warc_partition, job=job))
        processed.persist(StorageLevel.MEMORY_AND_DISK)
        counts = processed.map(lambda r: r[0]).countByValue()
        report = SparkReport({n: int(counts.get(n, 0)) for n in job.tables}, 0.0, processed.getNumPartitions())
        mode = "overwrite" if overwrite else "errorifexists"
        base = output.rstrip("/")

        def write(name: str) -> None:
            rows = processed.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1])
            df = spark.createDataFrame(rows, schema=spark_schema(name))
            if name in GLOBAL_TABLES:
                df = df.dropDuplicates(list(schema.table(name).primary_key))
            df.write.mode(mode).parquet(f"{base}/{name}")

        # One Spark job per table; several at a time so that small jobs overlap their scheduling.
        with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
            for fut in [pool.submit(write, name) for name in job.tables]:
                fut.result()
    except (UsageError, InputNotFoundError, SparkJobError):
        raise
    except Exception as exc:  # py4j / pyspark errors have no common base class worth naming here
        raise _spark_error(exc, input_path, output) from exc
    finally:
        if processed is not None:
            processed.unpersist()
    report.seconds = time.perf_counter() - t0
    return report
