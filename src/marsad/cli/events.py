"""``marsad events``: list coded events from the store, filtered; as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import click

from marsad.cli.options import db_option, event_filter_options
from marsad.errors import MarsadError
from marsad.settings import load_settings
from marsad.store.db import Store
from marsad.store.queries import EventRow, ParticipantRow, list_events

FORMATS = ("table", "json", "csv")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 48) -> str:
    """A plain text table with columns padded to their widest cell (cells cut at ``max_width``)."""

    def cell(v: Any) -> str:
        s = "" if v is None else " ".join(str(v).split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    return "\n".join(lines)


def format_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers)
    w.writerows([["" if v is None else v for v in r] for r in rows])
    return buf.getvalue().rstrip("\n")


def _who(parts: list[ParticipantRow]) -> str:
    return "; ".join(p.name_en or p.name or p.actor_id or p.country or "?" for p in parts)


def _codes(parts: list[ParticipantRow]) -> str:
    return "; ".join(f"{p.country or ''}{p.sector or ''}" for p in parts)


def _ids(parts: list[ParticipantRow]) -> str:
    return "; ".join(p.actor_id or "" for p in parts)


TABLE_HEADERS = ("day", "type", "mode", "actor", "recipient", "place", "articles", "article", "text")
CSV_HEADERS = (
    "article_id", "event_id", "day", "date", "type", "mode", "cameo", "actor", "actor_codes", "actor_ids",
    "recipient", "recipient_codes", "recipient_ids", "place_id", "place", "lat", "lon", "aux", "confidence",
    "cluster_id", "num_articles", "num_sources", "source", "published", "start", "end", "text",
)


def events_output(events: list[EventRow], fmt: str) -> str:
    """The events rendered as ``table``, ``json`` or ``csv``."""
    if fmt == "json":
        return json.dumps([asdict(e) for e in events], ensure_ascii=False, indent=2)
    if fmt == "csv":
        return format_csv(CSV_HEADERS, [
            (e.article_id, e.event_id, e.day, e.date, e.type, e.mode, e.cameo, _who(e.actors), _codes(e.actors),
             _ids(e.actors), _who(e.recipients), _codes(e.recipients), _ids(e.recipients), e.place_id, e.place,
             e.lat, e.lon, ";".join(e.aux), e.confidence, e.cluster_id, e.num_articles, e.num_sources, e.source,
             e.published, e.start, e.end, e.text)
            for e in events
        ])
    if not events:
        return "no events"
    return format_table(TABLE_HEADERS, [
        (e.day, e.type, e.mode, _who(e.actors), _who(e.recipients), e.place, e.num_articles, e.article_id, e.text)
        for e in events
    ], max_width=40)


@click.command("events")
@db_option
@event_filter_options
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--include-historical", is_flag=True,
              help="Also list events marked historical (background events; left out by default).")
@click.pass_context
def events_command(
    ctx: click.Context,
    db_path: str | None,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    mode: str | None,
    since: str | None,
    until: str | None,
    place: str | None,
    limit: int,
    offset: int,
    fmt: str,
    include_historical: bool,
) -> None:
    """List the events in the store, latest first, filtered by actor, recipient, type, mode, dates and place."""
    try:
        with Store.open(db_path, readonly=True, settings=load_settings()) as store:
            rows = list_events(store, actor=actor, recipient=recipient, type=type_, mode=mode, since=since,
                               until=until, place=place, limit=limit, offset=offset,
                               include_historical=include_historical)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    click.echo(events_output(rows, fmt))
