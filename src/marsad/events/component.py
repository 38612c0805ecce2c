"""The ``events`` pipeline component: PLOVER events coded from Arabic text."""

from __future__ import annotations

from marsad.article import Article
from marsad.events import coder, predicates
from marsad.settings import Settings

VERSION = coder.VERSION


class EventsComponent:
    """Assigns the ``events`` layer (needs sentences, entities, times and quotes)."""

    name = "events"
    version = VERSION
    requires: tuple[str, ...] = ("sentences", "entities", "times", "quotes")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, fold_ta_marbuta: bool = True) -> None:
        self.fold_ta_marbuta = fold_ta_marbuta

    def __call__(self, article: Article) -> None:
        lexicon = predicates.lexicon(self.fold_ta_marbuta)
        article.events = coder.code_article(article, lexicon, self.fold_ta_marbuta)


def make_component(settings: Settings) -> EventsComponent:
    """Build the events component (the predicate lexicon is compiled lazily, once per process)."""
    return EventsComponent(settings.fold_ta_marbuta)
