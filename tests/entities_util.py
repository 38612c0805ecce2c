"""Helpers for the entity-layer tests: run the pipeline up to ``entities`` on a text we wrote."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.article import Article, Entity, Meta
from marsad.pipeline import Pipeline
from marsad.settings import Settings


@cache
def pipeline(ner: bool = False) -> Pipeline:
    """structure → sentences → tokens → entities (gazetteer only unless ``ner``)."""
    return Pipeline.from_names(["structure", "sentences", "tokens", "entities"], Settings(extra={"entities_ner": ner}))


def run(text: str, published: date | None = None) -> Article:
    art = Article("", text, Meta(published=published))
    pipeline()(art)
    return art


JULY_2015 = date(2015, 7, 25)


def run_from(text: str, source: str | None = "sabq", published: date | None = JULY_2015, ner: bool = False) -> Article:
    """The entities layer over ``text`` as an article of ``source`` published on ``published``."""
    art = Article("", text, Meta(source=source, published=published))
    pipeline(ner)(art)
    return art


def surface(art: Article, e: Entity) -> str:
    return art.text[e.start : e.end]


def find(art: Article, text: str, label: str | None = None) -> list[Entity]:
    """Entities whose surface is ``text`` (and label, if given)."""
    return [e for e in art.entities or [] if surface(art, e) == text and (label is None or e.label == label)]


def link_ids(art: Article) -> set[str]:
    return {e.link.id for e in art.entities or [] if e.link is not None}
