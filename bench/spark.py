"""Spark local-mode throughput over the bench corpus, then import and export speed (numbers, no assertions).

Usage::

    python bench/spark.py [CORPUS.jsonl] [--master local[2]] [--partitions 4] [--limit N]
                          [--out bench/results/spark.json]

Runs ``marsad spark`` (the full installed pipeline, built once per partition) over the
corpus, loads the Parquet tables into a fresh SQLite store with ``import_parquet``, and
exports that store's events in every format. Prints articles/s for the Spark job (with and
without the session start-up), for the import, and events/s for each export format, and
writes them as JSON. Skips with a message when the corpus, pyspark or Java is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from marsad.export.writers import FORMATS, export_events
from marsad.settings import load_settings
from marsad.spark.partition import PartitionJob

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"


def _head(corpus: Path, limit: int | None, tmp: Path) -> Path:
    if not limit:
        return corpus
    out = tmp / f"head-{limit}.jsonl"
    with corpus.open("rb") as src, out.open("wb") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return out


def run(corpus: Path, master: str, partitions: int | None, limit: int | None) -> dict[str, Any]:
    from marsad.export.tables import import_parquet
    from marsad.spark.job import LOCAL_CONF, build_session, run_job
    from marsad.store.db import Store

    settings = load_settings()
    result: dict[str, Any] = {
        "corpus": corpus.name, "master": master, "partitions": partitions, "limit": limit,
        "python": platform.python_version(), "cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0],
    }
    with tempfile.TemporaryDirectory(prefix="marsad-bench-spark-") as tmpdir:
        tmp = Path(tmpdir)
        data = _head(corpus, limit, tmp)
        t0 = time.perf_counter()
        spark = build_session(master, "marsad-bench", LOCAL_CONF)
        result["session_start_s"] = round(time.perf_counter() - t0, 2)
        try:
            report = run_job(spark, str(data), str(tmp / "tables"), PartitionJob(settings), "jsonl", partitions)
        finally:
            spark.stop()
        total = time.perf_counter() - t0
        result.update({
            "articles": report.articles, "failures": report.failures, "spark_partitions": report.partitions,
            "rows": report.rows, "job_s": round(report.seconds, 2), "total_s": round(total, 2),
            "articles_per_s_job": round(report.articles / report.seconds, 2) if report.seconds else None,
            "articles_per_s_total": round(report.articles / total, 2) if total else None,
        })
        with Store.open(tmp / "bench.db", settings=settings) as store:
            t1 = time.perf_counter()
            imp = import_parquet(store, tmp / "tables")
            secs = time.perf_counter() - t1
            result["import"] = {"stored": imp.stored, "events": imp.events, "seconds": round(secs, 2),
                                "articles_per_s": round(imp.stored / secs, 1) if secs else None}
            exports: dict[str, Any] = {}
            for fmt in FORMATS:
                out = tmp / f"events.{fmt}"
                t2 = time.perf_counter()
                n = export_events(store, fmt, out)
                secs = time.perf_counter() - t2
                exports[fmt] = {"events": n, "seconds": round(secs, 3), "bytes": out.stat().st_size,
                                "events_per_s": round(n / secs, 1) if secs else None}
            result["export"] = exports
    result["load_avg_end"] = os.getloadavg()[0]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N lines of the corpus.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "spark.json")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"skipped: the bench corpus {args.corpus} is absent")
        return 0
    from marsad.spark.job import java_available

    try:
        from marsad.spark.job import require_pyspark

        require_pyspark()
    except Exception as exc:  # OptionalDependencyError: say why and skip
        print(f"skipped: {exc}")
        return 0
    if not java_available():
        print("skipped: no Java runtime for Spark")
        return 0
    res = run(args.corpus, args.master, args.partitions, args.limit)
    print(f"spark {res['master']}, {res['spark_partitions']} partitions: {res['articles']} articles "
          f"({res['failures']} failures) in {res['job_s']}s job = {res['articles_per_s_job']} articles/s; "
          f"{res['total_s']}s with a {res['session_start_s']}s session start "
          f"= {res['articles_per_s_total']} articles/s")
    imp = res["import"]
    print(f"import-parquet: {imp['stored']} articles, {imp['events']} events in {imp['seconds']}s "
          f"= {imp['articles_per_s']} articles/s")
    for fmt, e in res["export"].items():
        print(f"export {fmt:13} {e['events']:6} events in {e['seconds']:7.3f}s = {e['events_per_s']} events/s "
              f"({e['bytes']:,} bytes)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
