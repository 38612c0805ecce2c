"""``marsad export``: stream the stored events as PLOVER JSON lines, CSV, Parquet or GDELT-style TSV."""

from __future__ import annotations

import os
import sys
import time

import click

from marsad.cli.options import db_option, event_filter_options
from marsad.errors import MarsadError, UsageError
from marsad.settings import load_settings
from marsad.store.db import Store

FORMAT_CHOICES = ("plover-jsonl", "csv", "parquet", "gdelt-tsv", "parquet-tables")


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), required=True,
              help="plover-jsonl, csv, parquet or gdelt-tsv (one row per event; see docs/EXPORTS.md), or "
                   "parquet-tables (every store table as DIR/<table>/*.parquet, the layout of `marsad spark`).")
@click.option("--out", "out", default="-", show_default=True, metavar="PATH|-",
              help="Output file (a directory for parquet-tables); - writes to standard output.")
@event_filter_options
@click.option("--header/--no-header", default=True, show_default=True,
              help="Write a header row (csv, gdelt-tsv); --no-header gives GDELT's positional layout.")
@click.option("--row-group-size", type=click.IntRange(1), default=10_000, show_default=True,
              help="Events per Parquet row group.")
@click.option("--include-historical", is_flag=True,
              help="Also export events marked historical (background events; left out by default).")
@click.pass_context
def export_command(
    ctx: click.Context,
    db_path: str | None,
    fmt: str,
    out: str,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    mode: str | None,
    since: str | None,
    until: str | None,
    place: str | None,
    header: bool,
    row_group_size: int,
    include_historical: bool,
) -> None:
    """Export the stored events (filtered like `marsad events`), streamed from the store.

    \b
    Examples:
      marsad export --format plover-jsonl --out events.jsonl
      marsad export --format csv --actor RUS --since 2017-11-01 > russia.csv
      marsad export --format gdelt-tsv --no-header --out events.tsv
      marsad export --format parquet --type ASSAULT --out assaults.parquet
    """
    from marsad.export.source import EventFilter
    from marsad.export.tables import write_store_tables
    from marsad.export.writers import export_events

    filters = EventFilter(actor, recipient, type_, mode, since, until, place, include_historical)
    t0 = time.perf_counter()
    try:
        with Store.open(db_path, readonly=True, settings=load_settings()) as store:
            if fmt == "parquet-tables":
                if out == "-":
                    raise UsageError("--format parquet-tables writes a directory: give --out DIR")
                if any(v is not None for v in (actor, recipient, type_, mode, since, until, place)):
                    raise UsageError("--format parquet-tables writes whole tables: event filters do not apply")
                counts = write_store_tables(store, out, row_group_size)
                summary = ", ".join(f"{k} {v:,}" for k, v in counts.items())
                click.echo(f"wrote {out}/: {summary} ({time.perf_counter() - t0:.1f}s)", err=True)
                return
            if out == "-" and fmt == "parquet" and sys.stdout.isatty():
                raise UsageError("refusing to write Parquet to a terminal: give --out PATH or redirect the output")
            target = sys.stdout.buffer if out == "-" else out
            n = export_events(store, fmt, target, filters, header=header, row_group_size=row_group_size)
            if out == "-":
                sys.stdout.flush()
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        ctx.exit(1)
    where = "standard output" if out == "-" else out
    click.echo(f"exported {n:,} events as {fmt} to {where} ({time.perf_counter() - t0:.1f}s)", err=True)
