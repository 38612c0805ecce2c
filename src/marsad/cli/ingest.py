"""``marsad ingest``: read sources, run the pipeline, store the articles."""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import TextIO

import click

from marsad.cli.options import db_option, published_option, workers_option
from marsad.errors import MarsadError, UsageError
from marsad.ingest.readers import FieldMapping, parse_published
from marsad.ingest.runner import KINDS, IngestOptions, IngestReport, estimate_total, ingest
from marsad.settings import load_settings
from marsad.store.db import Store


class Progress:
    """A one-line progress display on a terminal: items, articles/s and ETA; redrawn at most 5 times a second."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.width = 0

    def update(self, report: IngestReport, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        done = report.done
        elapsed = max(now - self.t0, 1e-6)
        rate = done / elapsed
        if self.total:
            pct = min(100.0, 100.0 * done / self.total)
            eta = (self.total - done) / rate if rate > 0 and done < self.total else 0.0
            line = f"ingest {done:,}/{self.total:,} {pct:3.0f}%  {rate:,.1f} articles/s  ETA {_hms(eta)}"
        else:
            line = f"ingest {done:,}  {rate:,.1f} articles/s  {_hms(elapsed)}"
        if report.failed:
            line += f"  failed {report.failed:,}"
        pad = max(0, self.width - len(line))
        self.width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def finish(self, report: IngestReport) -> None:
        self.update(report, force=True)
        self.stream.write("\n")
        self.stream.flush()


def _hms(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option
@workers_option
@click.option("--glob", "glob", default=None, metavar="PATTERN",
              help="In directories, only files whose name (or relative path) matches, e.g. '*.html'.")
@click.option("--input", "kind", type=click.Choice(KINDS), default="auto", show_default=True,
              help="Input kind; auto looks at the file name, then at the content.")
@click.option("--map", "fields", multiple=True, metavar="PART=FIELD",
              help="JSON lines field mapping, e.g. --map content=body --map published=date (repeatable).")
@published_option
@click.option("--components", default=None, metavar="LIST",
              help="Comma-separated components to run (default: every installed one from the settings).")
@click.option("--no-progress", is_flag=True, help="No progress bar (it is shown only on a terminal anyway).")
@click.pass_context
def ingest_command(
    ctx: click.Context,
    sources: tuple[str, ...],
    db_path: str | None,
    workers: int,
    glob: str | None,
    kind: str,
    fields: tuple[str, ...],
    published: str | None,
    components: str | None,
    no_progress: bool,
) -> None:
    """Ingest articles into the store: files, directories, JSON lines, HTML, RSS/Atom feeds (files or URLs), WARC.

    Each article is stored once (by the hash of its normalised text) in one transaction,
    so a rerun after an interruption completes the work without duplicates. Bad items are
    recorded in the store's ingest log with their error code and summarised at the end.
    The exit status is non-zero only when nothing could be ingested or the store is unusable.
    """
    settings = load_settings()
    seen: list[IngestReport] = []
    try:
        pub: date | None = parse_published(published) if published is not None else None
        options = IngestOptions(
            kind=kind,
            glob=glob,
            mapping=FieldMapping.parse(fields),
            published=pub,
            workers=workers,
            components=tuple(c.strip() for c in components.split(",") if c.strip()) if components else None,
        )
        show = not no_progress and sys.stderr.isatty()
        bar = Progress(estimate_total(sources, options), sys.stderr) if show else None

        def on_item(rep: IngestReport) -> None:
            if not seen:  # kept to summarise a run that the store stopped
                seen.append(rep)
            if bar is not None:
                bar.update(rep)

        with Store.open(db_path, settings=settings) as store:
            try:
                report = ingest(store, sources, options, settings, on_item)
            finally:
                if bar is not None and seen:
                    bar.finish(seen[0])
    except MarsadError as exc:
        if seen:
            click.echo(seen[0].summary())
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    if report.skipped_components:
        click.echo(f"components not run (not installed or missing a requirement): "
                   f"{', '.join(report.skipped_components)}", err=True)
    click.echo(report.summary())
    click.echo(f"{report.events:,} events ({report.new_clusters:,} new clustered events) "
               f"in {report.seconds:,.1f} s into {store.path}")
    if report.stored + report.already + report.duplicates == 0:
        if report.failed == 0:
            click.echo("error: " + str(UsageError("no article found in the sources")), err=True)
        ctx.exit(2)
    ctx.exit(0)
