"""``marsad actors``: what Marsad knows about an actor (and, later, the actors of the store)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from marsad.cli.options import db_option
from marsad.errors import UnknownActorError, UsageError
from marsad.settings import load_settings


class _ActorsGroup(click.Group):
    """A group whose first argument is either a subcommand or a free QUERY."""

    _VALUED = frozenset({"--db", "--limit", "--format"})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        i = 0
        while i < len(args):
            arg = args[i]
            if arg in self._VALUED:
                i += 2
                continue
            if arg.startswith("-"):
                i += 1
                continue
            if arg not in self.commands:
                ctx.meta["actors_query"] = arg
                args = args[:i] + args[i + 1 :]
            break
        return super().parse_args(ctx, args)


@click.group("actors", cls=_ActorsGroup, invoke_without_command=True,
             subcommand_metavar="[QUERY] | COMMAND [ARGS]...")
@db_option
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True, help="Actors to list.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def actors_group(ctx: click.Context, db_path: str | None, limit: int, fmt: str) -> None:
    """Actors: the actors of the store, and what Marsad knows about a name.

    `marsad actors [QUERY]` lists the actors of the store (matching QUERY in Arabic or English, or a country
    or sector code) with their mention, event, article and quote counts.
    `marsad actors lookup NAME` shows what the resources say about a name (Arabic or English).
    """
    if ctx.invoked_subcommand is None:
        from marsad.cli.query_actors import cli_list_actors

        cli_list_actors(db_path, ctx.meta.get("actors_query"), limit, fmt)


@actors_group.command("lookup")
@click.argument("name")
@click.option("--date", "on", metavar="YYYY-MM-DD", default=None, help="Also show the office held on that day.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def lookup_command(name: str, on: str | None, as_json: bool) -> None:
    """Everything Marsad knows about NAME: names, variants, country, sector, offices with dates, Wikidata.

    NAME may be Arabic (any spelling variant, with or without diacritics: بوتين, بوتن, الكرملين)
    or English (Putin, Kremlin). Places and role nouns that match are listed too.
    """
    from marsad.kb.index import load_resources
    from marsad.kb.lookup import lookup

    day = None
    if on is not None:
        try:
            day = date.fromisoformat(on)
        except ValueError as exc:
            raise UsageError(f"--date must be YYYY-MM-DD, not {on!r}") from exc
    res = load_resources(load_settings().fold_ta_marbuta)
    found = lookup(res, name)
    if not found:
        raise UnknownActorError(f"no actor, organisation or place matches {name!r}")
    if day is not None:
        for rec in found:
            if rec["id"].startswith("actor:"):
                term = res.office_on(rec["id"].removeprefix("actor:"), day)
                rec["office_on_date"] = {"date": day.isoformat(), "office": term.office if term else None,
                                         "jurisdiction": term.jurisdiction if term else None}
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for rec in found:
        click.echo(_format(rec))
        click.echo("")


def _format(rec: dict[str, Any]) -> str:
    lines = [f"{rec['id']}  {rec.get('name_en', '')}  {rec.get('name_ar', '')}"]
    for key in ("kind", "type", "country", "sector", "wikidata", "feature", "lat", "lon", "population", "role"):
        if rec.get(key) not in (None, "", 0):
            lines.append(f"  {key}: {rec[key]}")
    if rec.get("variants"):
        lines.append("  variants: " + "، ".join(rec["variants"]))
    if rec.get("short"):
        lines.append("  short forms (with context): " + "، ".join(rec["short"]))
    held = rec.get("office_on_date")
    if held is not None:
        what = f"{held['office']} ({held['jurisdiction']})" if held["office"] else "no office on record"
        lines.append(f"  on {held['date']}: {what}")
    for term in rec.get("offices", []):
        end = term["end"] or "present"
        lines.append(f"  office: {term['office']} ({term['jurisdiction']}) {term['start']} – {end}")
    return "\n".join(lines)
