"""Shared by the quotation tests: one pipeline up to quotes, built once, and a reader over it."""

from __future__ import annotations

from datetime import date

from marsad.article import Article, Meta
from marsad.pipeline import Pipeline

_PIPE: list[Pipeline] = []


def read_quotes(text: str, source: str = "okaz") -> Article:
    """``text`` as an article of ``source`` published on 2015-07-25, run up to the quotes layer."""
    if not _PIPE:
        _PIPE.append(Pipeline.from_names(["structure", "sentences", "tokens", "entities", "quotes"]))
    art = Article("t", text, Meta(source=source, published=date(2015, 7, 25)))
    _PIPE[0](art)
    return art
