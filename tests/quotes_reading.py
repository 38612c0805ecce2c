"""Shared by the quotation tests: one pipeline up to quotes, built once, and a reader over it."""

from __future__ import annotations

from datetime import date

from marsad.article import Article, Meta, Quote
from marsad.pipeline import Pipeline

_PIPE: list[Pipeline] = []


def read_quotes(text: str, source: str = "okaz") -> Article:
    """``text`` as an article of ``source`` published on 2015-07-25, run up to the quotes layer."""
    if not _PIPE:
        _PIPE.append(Pipeline.from_names(["structure", "sentences", "tokens", "entities", "quotes"]))
    art = Article("t", text, Meta(source=source, published=date(2015, 7, 25)))
    _PIPE[0](art)
    return art


def speaker_text(art: Article, q: Quote) -> str | None:
    """The characters of ``q``'s speaker mention, or None."""
    return art.text[q.speaker_span.start:q.speaker_span.end] if q.speaker_span else None


def quote_with(art: Article, words: str) -> Quote:
    """The first quotation of ``art`` whose text holds ``words``."""
    return next(q for q in art.quotes or [] if words in art.text[q.start:q.end])
