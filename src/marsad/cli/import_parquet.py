"""``marsad import-parquet``: load Parquet tables (``marsad spark`` output) into the SQLite store."""

from __future__ import annotations

import time

import click

from marsad.cli.options import db_option
from marsad.errors import MarsadError
from marsad.settings import load_settings
from marsad.store.db import Store


@click.command("import-parquet")
@click.argument("directory", type=click.Path(file_okay=False))
@db_option
@click.pass_context
def import_parquet_command(ctx: click.Context, directory: str, db_path: str | None) -> None:
    """Load DIRECTORY (one Parquet directory per table, as `marsad spark` writes) into the store.

    Every article is stored from its `articles` row as `marsad ingest` would store it (duplicates,
    search index, event clusters included); failures from `ingest_log` are added. Importing the
    same directory again changes nothing.
    """
    from marsad.export.tables import import_parquet

    t0 = time.perf_counter()
    try:
        with Store.open(db_path, settings=load_settings()) as store:
            report = import_parquet(store, directory)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    failed = sum(report.failed.values())
    click.echo(
        f"imported {directory}: {report.stored:,} stored ({report.events:,} events), {report.already:,} already "
        f"stored, {report.duplicates:,} duplicates, {failed:,} failed, {report.failures:,} failure records added "
        f"({time.perf_counter() - t0:.1f}s)"
    )
