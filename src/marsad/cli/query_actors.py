"""Listing the actors of the store (``marsad actors`` wires ``cli_list_actors`` into its group)."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from marsad.cli.events import format_csv, format_table
from marsad.settings import load_settings
from marsad.store.db import Store
from marsad.store.queries import list_actors

HEADERS = ("id", "name_en", "name_ar", "country", "sector", "wikidata", "mentions", "events", "articles", "quotes")


def cli_list_actors(db_path: str | None, query: str | None, limit: int, fmt: str) -> None:
    """Print the store's actors matching ``query`` as ``table``, ``json`` or ``csv``.

    Raises:
        MarsadError: The store cannot be opened (the caller turns it into a message and exit code).
    """
    with Store.open(db_path, readonly=True, settings=load_settings()) as store:
        rows = list_actors(store, query, limit)
    if fmt == "json":
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    data = [(r.id, r.name_en, r.name_ar, r.country, r.sector, r.wikidata, r.n_mentions, r.n_events, r.n_articles,
             r.n_quotes) for r in rows]
    if fmt == "csv":
        click.echo(format_csv(HEADERS, data))
    elif not rows:
        click.echo("no actors")
    else:
        click.echo(format_table(HEADERS, data))
