"""The country of a NIL person or organisation without a descriptor: the full-name table, then the article's
country checked against the name (``marsad.entities.component.name_country``)."""

from __future__ import annotations

import pytest

from marsad.entities.component import name_country
from marsad.kb import romanize as rz

needs_table = pytest.mark.skipif(not rz.available(), reason="arabic-name-romanizer's name table is not installed")


@needs_table
@pytest.mark.parametrize(
    ("name", "label", "home", "named", "context", "country", "how"),
    [
        # a person the table holds, in an article that names that person's country
        ("سمير غانم", "PERS", "SAU", {"SAU": 1}, {"SAU", "EGY"}, "EGY", "name_table"),
        # … but not when the article never names it: a homonym is likelier
        ("سمير غانم", "PERS", "SAU", {"SAU": 1}, {"SAU"}, "SAU", "home:source"),
        # an Arabic name in an article about a camp abroad: the source's country
        ("سعود الشهراني", "PERS", "CHE", {"CHE": 3}, {"CHE"}, "SAU", "source:arabic_name"),
        # not for an organisation: its Arabic name may translate a foreign one
        ("البنك المركزي", "ORG", "CHE", {"CHE": 3}, {"CHE"}, "CHE", "home:most_named"),
        # a foreign name in a Saudi article that also names a country abroad
        ("توم كوتون", "PERS", "SAU", {"USA": 1, "IRN": 4}, {"USA", "IRN"}, "USA", "named:foreign_name"),
        ("تويتر", "ORG", "SAU", {"USA": 2}, {"USA"}, "USA", "named:foreign_name"),
        # … and the article's country when it names none
        ("تويتر", "ORG", "SAU", {}, set(), "SAU", "home:source"),
        # a foreign name in an article about a country abroad keeps it
        ("توم كوتون", "PERS", "GBR", {"GBR": 3}, {"GBR"}, "GBR", "home:most_named"),
    ],
)
def test_entities_nil_country(name: str, label: str, home: str, named: dict[str, int], context: set[str],
                              country: str, how: str) -> None:
    how_home = "source" if home == "SAU" else "most_named"
    assert name_country(name, label, home, how_home, "SAU", named, context) == (country, how)


def test_entities_nil_country_without_home() -> None:
    assert name_country("توم كوتون", "PERS", None, "", None, {}, ()) == (None, "")
