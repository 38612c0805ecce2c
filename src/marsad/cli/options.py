"""Option decorators shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def published_option(f: F) -> F:
    return click.option(
        "--published",
        metavar="YYYY-MM-DD",
        default=None,
        help="Publication date used to resolve relative times (overrides the input's metadata).",
    )(f)


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=None,
        envvar="MARSAD_DB",
        help="SQLite store to use (default: the user's data directory; env MARSAD_DB).",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")(f)


def workers_option(f: F) -> F:
    return click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Worker processes.")(f)


def event_filter_options(f: F) -> F:
    """The event filters of ``marsad events`` and ``marsad export``.

    Adds --actor, --recipient, --type (parameter ``type_``), --mode, --since, --until and --place,
    in that order, each None when not given.
    """
    for option in reversed((
        click.option("--actor", default=None, help="Actor: country code (RUS), sector (GOV), actor id, or name."),
        click.option("--recipient", default=None, help="Recipient: country code, sector, actor id, or name."),
        click.option("--type", "type_", default=None, help="PLOVER event type, e.g. CONSULT."),
        click.option("--mode", default=None, help="PLOVER mode, e.g. visit."),
        click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--place", default=None, help="Place id, name (Arabic or English) or country code."),
    )):
        f = option(f)
    return f
