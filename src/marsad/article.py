"""The one typed data model: an untouched source text and span layers over it.

Every annotation is a record with ``start``/``end`` character offsets into
``Article.text``; ``article.text[r.start:r.end]`` always gives back its surface.
Records point to each other by id (an event names its actor mentions by their
entity ids), never by copying.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from marsad.errors import OffsetError, SchemaVersionError
from marsad.serialize import from_plain, to_plain

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Provenance:
    """Where a record came from.

    Attributes:
        component: Name of the pipeline component that made the record.
        version: Version of the component and of the resource/model it used.
        article_id: Id of the article the record belongs to.
        text_sha256: sha256 of ``Article.text`` when the record was made.
        pattern: For rule-based records, the id of the rule that fired.
    """

    component: str
    version: str
    article_id: str = ""
    text_sha256: str = ""
    pattern: str | None = None


@dataclass(slots=True)
class Span:
    """A plain character span ``[start, end)`` into the source text."""

    start: int
    end: int


@dataclass(slots=True)
class Block:
    """A structural unit: headline, section, caption, subheading, paragraph, ...

    Attributes:
        kind: One of ``headline``, ``section``, ``caption``, ``subheading``,
            ``paragraph``, ``byline``, ``dateline``.
        ref: For a repeated caption, the id of the first block with that text.
    """

    id: str
    start: int
    end: int
    kind: str
    prov: Provenance
    ref: str | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence; ``block`` is the id of the block that contains it.

    Attributes:
        in_quote: True when the sentence lies inside a quotation.
    """

    id: str
    start: int
    end: int
    block: str | None
    prov: Provenance
    in_quote: bool = False


@dataclass(slots=True)
class Token:
    start: int
    end: int


@dataclass(slots=True)
class Link:
    """A canonical entity an entity mention is linked to.

    Attributes:
        id: Canonical id (``actor:putin_vladimir``, ``place:geonames:491422``...).
        name_en: English name.
        name_ar: Arabic name.
        type: PERS, ORG, LOC, GPE.
        country: ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, IMG...).
        sector: PLOVER sector code (GOV, MIL, REB, ...), or None.
        role: Office held on the article's date (``president``), or None.
        wikidata: Wikidata id, only where certain.
        lat: Latitude for places.
        lon: Longitude for places.
        feature: Feature type for places (country, city, sea, region ...).
        evidence: For places, why this candidate was chosen (``pop:…``, ``capital``, ``ctx:SYR``, ``cue:strong``,
            ``runner_up:ID:COUNTRY:MARGIN[:lacks:…]``, ``variant:RULE``, ``translit:SKELETON`` …).
        runner_up: For places, the id of the candidate that came second, if any.
    """

    id: str
    name_en: str
    name_ar: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    evidence: list[str] = field(default_factory=list)
    runner_up: str | None = None


@dataclass(slots=True)
class Entity:
    """An entity mention.

    Attributes:
        label: PERS, LOC, ORG, MISC, or AGENT for role/nationality agents
            (``الرئيس الروسي``, ``القوات السورية``).
        source: ``gazetteer``, ``ner``, ``role`` or ``coref``.
        link: The canonical entity, or None when unlinked.
        antecedent: Id of the mention this one co-refers with, if any.
        nil: For a person or organisation the knowledge base does not hold (``link`` is None): what the text
            says of it — type, a romanised English name, the country and sector of its descriptor or, as a
            prior, of the article (``evidence`` says which); id ``nil:TYPE:surface``.
    """

    id: str
    start: int
    end: int
    label: str
    source: str
    prov: Provenance
    link: Link | None = None
    confidence: float = 1.0
    antecedent: str | None = None
    nil: Link | None = None


@dataclass(slots=True)
class RelativeTime:
    """A time kept relative to the publication date when no date is known.

    Attributes:
        unit: ``day``, ``week``, ``month``, ``year``.
        offset: Signed number of units from the publication date.
        weekday: 0=Monday .. 6=Sunday when a weekday was named.
        part_of_day: ``dawn``, ``morning``, ``noon``, ``afternoon``,
            ``evening``, ``night`` or None.
    """

    unit: str
    offset: int
    weekday: int | None = None
    part_of_day: str | None = None


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression and its resolution.

    Attributes:
        kind: ``date``, ``datetime``, ``interval``, ``duration``, ``set``.
        value: ISO 8601 value (``2017-11-20``, ``2017-11-20TEV``,
            ``2017-W47``, ``2017-10``, ``2015-10/2017-11``) or None when
            the expression is relative and no publication date is known.
        granularity: ``part_of_day``, ``day``, ``week``, ``month``,
            ``year``, ``decade``.
        relative: The expression relative to the publication date, if any.
        anchor: What the value was resolved against (``published``,
            ``dateline``, ``absolute``, ``previous``) or None.
        flags: Warnings such as ``weekday_mismatch``.
        interval: For an anchored duration, the date or interval it implies
            (``قبل يومين`` → ``2017-11-19``; ``منذ ثلاث سنوات`` →
            ``2014-11-21/2017-11-21``), else None.
    """

    id: str
    start: int
    end: int
    kind: str
    granularity: str
    prov: Provenance
    value: str | None = None
    relative: RelativeTime | None = None
    anchor: str | None = None
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    interval: str | None = None


@dataclass(slots=True)
class Participant:
    """An actor or recipient of an event: an entity mention and its codes."""

    entity: str | None
    start: int
    end: int
    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    wikidata: str | None = None


@dataclass(slots=True)
class Evidence:
    """Why an event was coded: the pattern and the spans it bound."""

    pattern: str
    predicate: Span
    lemma: str
    actor_spans: list[Span] = field(default_factory=list)
    recipient_spans: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """A PLOVER event coded from one clause.

    Attributes:
        start: Start of the clause (event_text) the event was coded from.
        end: End of that clause.
        sentence: Id of the sentence.
        type: PLOVER event type (CONSULT, ASSAULT ...).
        mode: PLOVER mode (visit, phone ...) or None.
        context: PLOVER contexts.
        cameo: CAMEO code.
        aux: Auxiliary modes: ``historical``, ``future``, ``hypothetical``,
            ``negated``.
        place: Entity id of the place mention.
        time: Id of the time expression used for the date.
        date: ISO date of the event (may be a month ``2015-10``), or None.
        date_source: Where the date came from: ``text`` (a time expression in the event's own sentence),
            ``dateline`` (nothing in its sentence dates it: the date of the article's dateline), ``context``
            (another time outside the sentence: a clause it continues, or without a publication date the day
            the times layer anchored on), ``published`` (nothing in the text dates it: the publication date),
            or None without a date.
    """

    id: str
    start: int
    end: int
    sentence: str
    type: str
    cameo: str
    prov: Provenance
    evidence: Evidence
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    aux: list[str] = field(default_factory=list)
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place: str | None = None
    time: str | None = None
    date: str | None = None
    date_source: str | None = None
    quote: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Quote:
    """A quotation: what was said, by whom, to whom, with which cue.

    Attributes:
        start: Start of the quoted content.
        end: End of the quoted content.
        direct: True for quoted words, False for reported speech.
        speaker: Entity id of the speaker mention (resolved), or None.
        speaker_name: English name of the speaker, if linked.
        addressee: Entity id of the addressee, if given.
        cue: Span of the cue verb or phrase.
        cue_lemma: Normalised cue (``قال``, ``أضاف`` ...).
        speaker_span: The speaker's mention in the text (an entity, or a descriptor such as
            ``مصدر مسؤول في وزارة الخارجية``), carried over for ``وأضاف``.
        speaker_kind: ``person``, ``body`` or ``anonymous``.
        speaker_country: ISO 3166 alpha-3 (or a PLOVER non-state code) of the speaker, from its link or
            its descriptors (a nationality word, else the outlet's country for officials and sources).
        speaker_sector: PLOVER sector from the link or the descriptors (``المتحدث باسم الشرطة`` → COP).
        speaker_name_source: ``link`` (the knowledge base) or ``romanized`` (a name it does not hold).
    """

    id: str
    start: int
    end: int
    direct: bool
    prov: Provenance
    sentence: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_actor_id: str | None = None
    addressee: str | None = None
    cue: Span | None = None
    cue_lemma: str | None = None
    confidence: float = 1.0
    speaker_span: Span | None = None
    speaker_kind: str | None = None
    speaker_country: str | None = None
    speaker_sector: str | None = None
    speaker_name_source: str | None = None


@dataclass(slots=True)
class Meta:
    """Article metadata.

    Attributes:
        published: Publication date, if known. Never guessed from the clock.
        format: The input format the article was read from.
        extra: Further string metadata (``encoding``, ``record`` ...).
    """

    url: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    section: str | None = None
    published: date | None = None
    language: str = "ar"
    format: str = "text"
    extra: dict[str, str] = field(default_factory=dict)


LAYERS = ("structure", "sentences", "tokens", "entities", "times", "events", "quotes")


@dataclass(slots=True)
class Article:
    """An article: untouched text, metadata and annotation layers.

    A layer that no component has run on is ``None``; a layer that ran and
    found nothing is an empty list. This is what ``requires`` checks.
    """

    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    structure: list[Block] | None = None
    sentences: list[Sentence] | None = None
    tokens: list[Token] | None = None
    entities: list[Entity] | None = None
    times: list[TimeExpr] | None = None
    events: list[Event] | None = None
    quotes: list[Quote] | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)
        if not self.id:
            self.id = "a-" + self.sha256[:16]

    def provenance(self, component: str, version: str, pattern: str | None = None) -> Provenance:
        """Build a provenance record for this article."""
        return Provenance(component, version, self.id, self.sha256, pattern)

    def surface(self, start: int, end: int) -> str:
        """The source text of a span."""
        return self.text[start:end]

    def has_layer(self, name: str) -> bool:
        return getattr(self, name) is not None

    def entity(self, entity_id: str) -> Entity | None:
        for ent in self.entities or ():
            if ent.id == entity_id:
                return ent
        return None

    def check_offsets(self) -> None:
        """Raise OffsetError if any record's span lies outside the text."""
        n = len(self.text)
        for name in LAYERS:
            for rec in getattr(self, name) or ():
                if not 0 <= rec.start <= rec.end <= n:
                    raise OffsetError(
                        f"{name} record [{rec.start}, {rec.end}) lies outside a text of {n} characters"
                    )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that ``from_dict`` turns back into an equal Article."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        out.update(cast(dict[str, Any], to_plain(self)))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict`` output.

        Raises:
            SchemaVersionError: The dict was written by a newer schema.
        """
        version = data.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"article schema version {version!r} is not supported (this Marsad reads up to {SCHEMA_VERSION})"
            )
        body = {k: v for k, v in data.items() if k != "schema_version"}
        return cast(Article, from_plain(cls, body))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
