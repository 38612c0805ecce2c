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
