"""``marsad train``: reproduce the models Marsad ships."""

from __future__ import annotations

import click

from marsad.cli.lazy import LazyGroup

TRAINERS = {
    "ner": "marsad.learn.ner:command",
    "clusters": "marsad.learn.clusters:command",
    "events": "marsad.learn.events:command",
}


@click.group("train", cls=LazyGroup, commands=TRAINERS)
def train_group() -> None:
    """Train a model from data (the trained model is committed with its scores)."""
