"""The ``marsad`` command group.

Subcommands live in their own modules and are imported only when called, so
``marsad extract`` does not pay for the web stack.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from marsad import __version__
from marsad.cli.lazy import LazyGroup
from marsad.errors import MarsadError

# command name -> "module:attribute" of a click.Command
COMMANDS = {
    "extract": "marsad.cli.extract:extract",
    "eval": "marsad.cli.evaluate:eval_group",
    "train": "marsad.cli.train:train_group",
    "resources": "marsad.cli.resources:resources_group",
    "build": "marsad.cli.resources:build_group",
    "actors": "marsad.cli.actors:actors_group",
    "ingest": "marsad.cli.ingest:ingest_command",
    "search": "marsad.cli.search:search_command",
    "events": "marsad.cli.events:events_command",
    "show": "marsad.cli.show:show_command",
    "serve": "marsad.cli.serve:serve_command",
    "export": "marsad.cli.export:export_command",
    "spark": "marsad.cli.spark:spark_command",
    "import-parquet": "marsad.cli.import_parquet:import_parquet_command",
}


@click.group(cls=LazyGroup, commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """Marsad (مرصد): structured, verifiable event data from Arabic news."""


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning Marsad errors into a coded message and exit status."""
    try:
        return cli.main(args=argv, prog_name="marsad", standalone_mode=False)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
