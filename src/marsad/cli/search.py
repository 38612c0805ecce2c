"""``marsad search``: full-text search of the stored articles (Arabic or English)."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from marsad.cli.events import format_csv
from marsad.cli.options import db_option
from marsad.errors import MarsadError
from marsad.settings import load_settings
from marsad.store.db import Store
from marsad.store.queries import search


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.pass_context
def search_command(ctx: click.Context, query: str, db_path: str | None, limit: int, fmt: str) -> None:
    """Search the stored articles: Arabic words match with or without diacritics and proclitics
    (و ب ل ك ف ال); English words match the names of the linked actors and places. Every word must match;
    a trailing * makes a word a prefix. Each hit shows the source text around the first match in [brackets].
    """
    try:
        with Store.open(db_path, readonly=True, settings=load_settings()) as store:
            hits = search(store, query, limit=limit)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        click.echo(format_csv(("article_id", "published", "source", "title", "score", "snippet"),
                              [(h.article_id, h.published, h.source, h.title, f"{h.score:.4g}", h.snippet)
                               for h in hits]))
        return
    if not hits:
        click.echo("no match")
        return
    for i, h in enumerate(hits, 1):
        head = " · ".join(x for x in (h.published, h.source, h.title) if x)
        click.echo(f"{i}. {h.article_id}  {head}")
        click.echo(f"   {h.snippet}")
