"""The ``quotes`` component: quotation attribution over an article's sentences and entities."""

from __future__ import annotations

from marsad.article import Article
from marsad.quotes.attribution import VERSION, find_quotes
from marsad.settings import Settings


class QuotesComponent:
    """Assigns the ``quotes`` layer (needs sentences and entities)."""

    name = "quotes"
    version = VERSION
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, fold_ta_marbuta: bool = True) -> None:
        self.fold_ta_marbuta = fold_ta_marbuta

    def __call__(self, article: Article) -> None:
        article.quotes = find_quotes(article, self.fold_ta_marbuta)


def make_component(settings: Settings) -> QuotesComponent:
    """Build the quotes component."""
    return QuotesComponent(settings.fold_ta_marbuta)
