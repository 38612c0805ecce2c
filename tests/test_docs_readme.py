"""Every CLI command and subcommand is documented in the README (sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from marsad.cli.main import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str) -> list[str]:
    ctx = click.Context(group)
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        full = f"{prefix} {name}"
        out.append(full)
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full))
    return out


@pytest.mark.parametrize("command", _commands(cli, "marsad"))
def test_docs_readme_mentions_every_command(command: str) -> None:
    assert f"`{command}" in README, f"README.md does not document `{command}`"


@pytest.mark.parametrize("command", _commands(cli, "marsad"))
def test_docs_every_command_has_help(command: str) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*command.split()[1:], "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_docs_readme_opens_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make run" in head
    assert "make test" in head
