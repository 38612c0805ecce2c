"""A click group whose subcommands are imported on first use."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping

import click


def _importable(target: str) -> bool:
    try:
        return importlib.util.find_spec(target.split(":")[0]) is not None
    except ModuleNotFoundError:
        return False


class LazyGroup(click.Group):
    """Subcommands come from ``commands``: name -> ``"module:attribute"`` of a click.Command."""

    def __init__(self, *args: object, commands: Mapping[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = dict(commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        eager = super().list_commands(ctx)
        lazy = [n for n, t in self.lazy_commands.items() if _importable(t)]
        return sorted(set(eager) | set(lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        eager = super().get_command(ctx, cmd_name)
        if eager is not None:
            return eager
        target = self.lazy_commands.get(cmd_name)
        if target is None or not _importable(target):
            return None
        module, attr = target.split(":")
        cmd = getattr(importlib.import_module(module), attr)
        if not isinstance(cmd, click.Command):
            raise TypeError(f"{target} is not a click command")
        return cmd
