"""``marsad eval``: accuracy against gold data."""

from __future__ import annotations

import click

from marsad.cli.lazy import LazyGroup

EVALS = {
    "ner": "marsad.eval.ner:command",
    "times": "marsad.eval.times:command",
    "events": "marsad.eval.events:command",
    "places": "marsad.eval.places:command",
    "quotes": "marsad.eval.quotes:command",
    "link": "marsad.eval.link:command",
}


@click.group("eval", cls=LazyGroup, commands=EVALS)
def eval_group() -> None:
    """Measure accuracy on a gold file (NER, times, events, places, quotes, link)."""
