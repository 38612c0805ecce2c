"""English names of organisations the knowledge base does not hold, built from their Arabic parts.

The dev gold names a body the way English Wikipedia and the region's papers do: a ministry by its portfolio
(``وزارة الصحة`` → ``Ministry of Health``, with the country as a qualifier: ``Ministry of Health (Lebanon)``),
a local branch by its place first (``أمانة جدة`` → ``Jeddah Municipality``, ``تعليم حائل`` → ``Hail Education
Directorate``, ``شرطة منطقة مكة`` → ``Makkah Region Police``). The parts come from ``curated/org_names.tsv``
(head words, portfolios, division words) and the knowledge base's English place names; when a part is
unknown no name is given rather than a half-translated one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("curated") / "org_names.tsv"

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(text: str) -> str:
    """The matching form of Arabic words: no diacritics or tatweel, alef forms, ta marbuta, alef maqsura."""
    return " ".join(_DIACRITICS.sub("", text).translate(_FOLD).split())


def _countries(cell: str) -> tuple[frozenset[str], frozenset[str]]:
    """(only in, not in) of a ``countries`` cell: ``=USA`` only there, ``USA|GBR`` not there."""
    codes = [c for c in cell.split("|") if c]
    return frozenset(c[1:] for c in codes if c.startswith("=")), frozenset(c for c in codes if not c.startswith("="))


def _applies(countries: tuple[frozenset[str], frozenset[str]], country: str | None) -> bool:
    only, not_in = countries
    if only:
        return country in only
    return country is None or country not in not_in


Rule = tuple[str, tuple[frozenset[str], frozenset[str]]]


@dataclass(frozen=True, slots=True)
class Table:
    """The curated parts, each an English form with the countries it applies to."""

    bodies: dict[str, list[Rule]]
    complements: dict[str, list[Rule]]
    divisions: dict[str, str]
    wholes: dict[str, list[Rule]]
    places: dict[str, str]


@cache
def table(path: Path = TABLE) -> Table:
    """Read ``org_names.tsv`` (once per process)."""
    t = Table({}, {}, {}, {}, {})
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + ["", "", ""]
        kind, ar, en, countries = cells[:4]
        key = fold(ar)
        rules = {"body": t.bodies, "complement": t.complements, "whole": t.wholes}.get(kind)
        if rules is not None:
            rules.setdefault(key, []).append((en, _countries(countries)))
        elif kind == "division":
            t.divisions[key] = en
        elif kind == "place":
            t.places[key] = en
    # a country's own form first (the United States' «Department of State» before «Ministry of …»)
    for rules in (t.bodies, t.complements, t.wholes):
        for forms in rules.values():
            forms.sort(key=lambda r: not r[1][0])
    return t


def _strip_proclitic(word: str, heads: set[str]) -> str:
    """``لوزارة`` → ``وزارة``, ``للمؤسسة`` → ``المؤسسة``, ``وتعليم`` → ``تعليم`` (only when that names a head)."""
    if word in heads:
        return word
    for pre, add in (("لل", "ال"), ("وال", "ال"), ("وب", ""), ("ول", ""), ("و", ""), ("ل", ""), ("ب", ""),
                     ("ف", "")):
        if word.startswith(pre) and add + word[len(pre):] in heads:
            return add + word[len(pre):]
    return word


def _first(rules: list[Rule], country: str | None, slot: str) -> str | None:
    return next((en for en, cs in rules if slot in en and _applies(cs, country)), None)


def org_name(words: list[str], place: tuple[str, str] | None = None, country: str | None = None,
             country_en: str | None = None) -> str | None:
    """The English name of an organisation from its Arabic words.

    ``words``: the words of the name before a place that ends it (without that place), or the whole name;
    ``place``: (Arabic, English name) of that place, if one ends the name; ``country``/``country_en``: the
    body's country (ISO3 and English name), a qualifier of a ministry's name and the choice between a
    country's own forms. None when a part is unknown."""
    t = table()
    folded = [f for f in (fold(w) for w in words) if f]
    if not folded:
        return None
    first_words = {h.split()[0] for h in (*t.bodies, *t.wholes)}
    folded[0] = _strip_proclitic(folded[0], first_words)
    phrase = " ".join(folded)
    if place is not None:
        place_ar, place_en = fold(place[0]), place[1]
        place_en = t.places.get(place_ar, place_en)
        if not place_en.isascii():  # a gazetteer's scholarly form (Ash Shafā) is not a newspaper's name
            return None
        lead = place_ar.split()[0]
        with_division = _first(t.bodies.get(f"{phrase} {lead}", []), country, "{p}") \
            if lead in t.divisions and len(place_ar.split()) > 1 else None
        if with_division is not None:  # مجلس | محافظة البصرة (the place matched with its division word)
            bare = re.sub(r" (?:Governorate|Province|Region)$", "", place_en)
            return with_division.replace("{p}", bare)
        division = ""
        whole_head = _first(t.bodies.get(phrase, []), country, "{p}") if len(folded) > 1 else None
        if whole_head is not None and folded[-1] in t.divisions:  # مجلس محافظة البصرة: the division is the head's
            return whole_head.replace("{p}", place_en)
        if len(folded) > 1 and folded[-1] in t.divisions:
            division = " " + t.divisions[folded[-1]]
            phrase = " ".join(folded[:-1])
        elif place_ar.split()[0] not in t.divisions:
            # أمانة الأحساء is «Al-Ahsa Municipality», not «Al-Ahsa Governorate Municipality»
            place_en = re.sub(r" (?:Governorate|Region)$", "", place_en)
        template = _first(t.bodies.get(phrase, []), country, "{p}")
        return template.replace("{p}", place_en + division) if template else None
    if phrase in t.wholes:
        template = _first(t.wholes[phrase], country, "")
        if template is None or ("{country}" in template and not country_en):
            return None
        return template.replace("{country}", country_en or "")
    for n in range(len(folded) - 1, 0, -1):
        head, rest = " ".join(folded[:n]), " ".join(folded[n:])
        rule = next((r for r in t.bodies.get(head, []) if "{c}" in r[0] and _applies(r[1], country)), None)
        if rule is None or rest not in t.complements:
            continue
        own = bool(rule[1][0])  # a country's own form takes only that country's complements
        complement = next((en for en, cs in t.complements[rest] if _applies(cs, country) and (bool(cs[0]) or not own)),
                          None)
        if complement is None:
            return None
        name = rule[0].replace("{c}", complement)
        return f"{name} ({country_en})" if country_en and not own else name
    return None
