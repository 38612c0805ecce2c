"""``marsad spark``: run the pipeline over a large archive with Apache Spark, writing Parquet tables."""

from __future__ import annotations

import time

import click

from marsad.errors import MarsadError, UnknownComponentError, UsageError
from marsad.ingest.readers import FieldMapping
from marsad.pipeline import COMPONENTS
from marsad.settings import load_settings


def _conf(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"invalid --conf {pair!r}: expected KEY=VALUE")
        out[key.strip()] = value
    return out


@click.command("spark")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--input", "kind", type=click.Choice(["jsonl", "warc"]), default="jsonl", show_default=True,
              help="Input format: JSON lines (one article per line) or WARC / WARC.gz files.")
@click.option("--map", "fields", multiple=True, metavar="PART=FIELD",
              help="JSON field for an article part (title, content, published, url, source, id, author); repeatable.")
@click.option("--master", default=None, metavar="URL",
              help="Spark master: local[2], spark://host:7077, yarn ... (default: from spark-submit, else local).")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Repartition the input into N partitions (default: Spark's input splits).")
@click.option("--components", default=None, metavar="A,B,...",
              help="Pipeline components to run (default: every installed one, as marsad ingest).")
@click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE", help="Extra Spark setting; repeatable.")
@click.option("--overwrite", is_flag=True, help="Replace the output tables if they exist.")
@click.option("--local-defaults/--no-local-defaults", default=True, show_default=True,
              help="With a local master: no web UI, 2 shuffle partitions, 1g driver memory.")
def spark_command(
    input_path: str,
    output: str,
    kind: str,
    fields: tuple[str, ...],
    master: str | None,
    partitions: int | None,
    components: str | None,
    confs: tuple[str, ...],
    overwrite: bool,
    local_defaults: bool,
) -> None:
    """Process INPUT (any path Spark reads: local, hdfs://, s3a://; globs allowed) into Parquet tables at OUTPUT.

    The pipeline is built once per partition. OUTPUT gets one directory per store table
    (articles, events, event_participants, mentions, quotations, ingest_log ...) with the
    SQLite store's columns; bad records become ingest_log rows. Load the result into a store
    with `marsad import-parquet OUTPUT`. Needs `pip install 'marsad[spark]'` and Java 17+.

    \b
    Examples:
      marsad spark news.jsonl out/ --master 'local[2]'
      marsad spark 's3a://bucket/crawl/*.warc.gz' s3a://bucket/marsad/ --input warc
    """
    from marsad.spark.job import LOCAL_CONF, build_session, require_pyspark, run_job
    from marsad.spark.partition import PartitionJob

    require_pyspark()
    settings = load_settings()
    names = None if components is None else tuple(c.strip() for c in components.split(",") if c.strip())
    for name in names or ():
        if name not in COMPONENTS:
            raise UnknownComponentError(f"unknown component {name!r}; known: {', '.join(COMPONENTS)}")
    job = PartitionJob(settings, names, FieldMapping.parse(fields), (), input_path)
    conf = dict(LOCAL_CONF) if local_defaults and (master is None or master.startswith("local")) else {}
    conf.update(_conf(confs))
    t0 = time.perf_counter()
    spark = build_session(master, "marsad", conf)
    try:
        report = run_job(spark, input_path, output, job, kind, partitions, overwrite)
    finally:
        spark.stop()
    rows = ", ".join(f"{k} {v:,}" for k, v in report.rows.items())
    rate = report.articles / report.seconds if report.seconds else 0.0
    click.echo(f"wrote {output}: {rows}")
    click.echo(
        f"{report.articles:,} articles, {report.failures:,} failures in {report.partitions} partitions: "
        f"{report.seconds:.1f}s job ({rate:.1f} articles/s), {time.perf_counter() - t0:.1f}s with Spark start-up"
    )


def main(argv: list[str] | None = None, prog_name: str = "marsad spark") -> int:
    """Run the command as a program (``python -m marsad.spark``); returns the exit status."""
    try:
        spark_command.main(args=argv, prog_name=prog_name, standalone_mode=False)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    return 0
