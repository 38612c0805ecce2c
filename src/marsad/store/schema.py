"""The store's tables and columns, as data.

This is the one description of the corpus schema. The SQLite migrations build their
``CREATE TABLE`` statements from it (each column says in which migration it was added,
so an old migration never changes), and the Parquet exports write tables with exactly
these columns and types (``Column.arrow``).

Conventions:
    * Offsets (``start``/``end``) are character offsets into ``articles.text``.
    * Dates are ISO 8601 strings (``2017-11-21``; a month ``2017-11`` where that is all
      that is known); timestamps are UTC ISO strings ending in ``Z``.
    * Records of one article are keyed by ``(article_id, id)`` with the ids of the
      data model (``e3``, ``ev2``, ``q1`` ...).
    * List-valued fields are JSON arrays in TEXT columns.
"""

from __future__ import annotations

from dataclasses import dataclass

# SQLite column type -> Arrow/Parquet type name
_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "BLOB": "binary"}


@dataclass(frozen=True, slots=True)
class Column:
    """One column.

    Attributes:
        name: Column name.
        type: SQLite type: TEXT, INTEGER, REAL or BLOB.
        notnull: NOT NULL constraint.
        default: SQL default expression, if any.
        added: Number of the migration that added the column.
        doc: What the column holds.
    """

    name: str
    type: str = "TEXT"
    notnull: bool = False
    default: str | None = None
    added: int = 1
    doc: str = ""

    @property
    def arrow(self) -> str:
        """The Arrow type name used for Parquet exports (``string``, ``int64``, ``float64``, ``binary``)."""
        return _ARROW[self.type]

    def ddl(self) -> str:
        """The column definition inside ``CREATE TABLE`` / ``ALTER TABLE ADD COLUMN``."""
        out = f'"{self.name}" {self.type}'
        if self.notnull:
            out += " NOT NULL"
        if self.default is not None:
            out += f" DEFAULT {self.default}"
        return out


@dataclass(frozen=True, slots=True)
class Index:
    """A (possibly unique) index on some columns."""

    name: str
    columns: tuple[str, ...]
    unique: bool = False
    added: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """One table.

    Attributes:
        name: Table name.
        columns: Its columns in order.
        primary_key: Primary key columns (empty: SQLite's rowid).
        indexes: Secondary indexes.
        doc: What one row is.
        export: Whether exports (Parquet/CSV) include the table.
        added: Migration that created the table.
    """

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    indexes: tuple[Index, ...] = ()
    doc: str = ""
    export: bool = True
    added: int = 1

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table {self.name} has no column {name!r}")


@dataclass(frozen=True, slots=True)
class FtsTable:
    """An FTS5 full-text table (SQLite only; never exported).

    Attributes:
        name: Table name.
        columns: Indexed columns.
        unindexed: Stored but not indexed columns (keys).
        tokenize: The FTS5 tokenizer spec.
    """

    name: str
    columns: tuple[str, ...]
    unindexed: tuple[str, ...] = ()
    tokenize: str = "unicode61 remove_diacritics 2"
    added: int = 1


def _c(name: str, type: str = "TEXT", notnull: bool = False, doc: str = "", **kw: object) -> Column:
    return Column(name, type, notnull, doc=doc, **kw)  # type: ignore[arg-type]


def _span(doc: str = "") -> tuple[Column, ...]:
    return (
        _c("article_id", notnull=True, doc="Id of the article"),
        _c("id", notnull=True, doc="Id of the record within the article"),
        _c("start", "INTEGER", True, doc=f"Start offset{doc}"),
        _c("end", "INTEGER", True, doc=f"End offset{doc}"),
    )


def _prov() -> tuple[Column, ...]:
    return (
        _c("component", doc="Component that made the record"),
        _c("version", doc="Component/resource version"),
        _c("pattern", doc="Rule that fired, for rule-based records"),
    )


ARTICLES = Table(
    "articles",
    (
        _c("id", notnull=True, doc="Article id"),
        _c("sha256", notnull=True, doc="sha256 of the source text"),
        _c("norm_sha256", notnull=True, doc="sha256 of the normalised text (exact-duplicate key)"),
        _c("url"),
        _c("source", doc="Site or feed name"),
        _c("title"),
        _c("author"),
        _c("section"),
        _c("published", doc="Publication date, ISO"),
        _c("language"),
        _c("format", doc="Input format: text, html, jsonl, rss, warc"),
        _c("length", "INTEGER", doc="Characters in the text"),
        _c("text", notnull=True, doc="The untouched source text"),
        _c("layers", doc="Comma-separated layers the pipeline assigned"),
        _c("json", notnull=True, doc="The full Article as JSON (Article.to_dict)"),
        _c("origin", doc="Where it was read from (path, path:line, URL)"),
        _c("ingested_at", notnull=True, doc="UTC time of ingest"),
    ),
    ("id",),
    (
        Index("articles_norm_sha256", ("norm_sha256",), unique=True),
        Index("articles_source", ("source",)),
        Index("articles_published", ("published",)),
        Index("articles_url", ("url",)),
    ),
    doc="One stored article (one per distinct normalised text).",
)

BLOCKS = Table(
    "blocks",
    (*_span(), _c("kind", notnull=True), _c("ref"), *_prov()),
    ("article_id", "id"),
    doc="Structural blocks: headline, paragraph, caption ...",
)

SENTENCES = Table(
    "sentences",
    (*_span(), _c("block"), _c("in_quote", "INTEGER", default="0"), *_prov()),
    ("article_id", "id"),
    doc="Sentences.",
)

ENTITIES = Table(
    "entities",
    (
        _c("id", notnull=True, doc="Canonical id (actor:..., place:geonames:..., country:RUS ...)"),
        _c("type", doc="PERS, ORG, LOC, GPE"),
        _c("name_en"),
        _c("name_ar"),
        _c("name_norm", doc="Normalised Arabic name (matching form)"),
        _c("country"),
        _c("sector"),
        _c("wikidata"),
        _c("lat", "REAL"),
        _c("lon", "REAL"),
        _c("feature"),
    ),
    ("id",),
    (Index("entities_name_en", ("name_en",)), Index("entities_name_norm", ("name_norm",))),
    doc="Canonical entities that mentions link to (every Link seen).",
)

MENTIONS = Table(
    "mentions",
    (
        *_span(),
        _c("label", notnull=True, doc="PERS, LOC, ORG, MISC, AGENT"),
        _c("source", doc="gazetteer, ner, role, coref"),
        _c("surface", doc="text[start:end]"),
        _c("entity_id", doc="Canonical entity id (entities.id), if linked"),
        _c("role", doc="Office held on the article's date"),
        _c("confidence", "REAL"),
        _c("antecedent"),
        *_prov(),
    ),
    ("article_id", "id"),
    (Index("mentions_entity", ("entity_id",)),),
    doc="Entity mentions in articles.",
)

ACTORS = Table(
    "actors",
    (
        _c("id", notnull=True, doc="Canonical actor id"),
        _c("name_en"),
        _c("name_ar"),
        _c("name_norm", doc="Normalised Arabic name"),
        _c("country"),
        _c("sector"),
        _c("wikidata"),
    ),
    ("id",),
    (Index("actors_country", ("country",)), Index("actors_name_en", ("name_en",))),
    doc="Canonical actors (persons, organisations, states) seen in mentions or events.",
)

PLACES = Table(
    "places",
    (
        _c("id", notnull=True),
        _c("name", doc="Arabic name"),
        _c("name_en"),
        _c("name_norm"),
        _c("country"),
        _c("lat", "REAL"),
        _c("lon", "REAL"),
        _c("feature"),
    ),
    ("id",),
    doc="Canonical places (linked LOC/GPE entities).",
)

TIMES = Table(
    "times",
    (
        *_span(),
        _c("kind", notnull=True),
        _c("granularity"),
        _c("value", doc="ISO 8601 value, or NULL"),
        _c("anchor"),
        _c("relative", doc="RelativeTime as JSON, or NULL"),
        _c("flags", doc="JSON array"),
        _c("confidence", "REAL"),
        *_prov(),
    ),
    ("article_id", "id"),
    doc="Temporal expressions and their resolution.",
)

EVENTS = Table(
    "events",
    (
        *_span(" of the clause"),
        _c("sentence"),
        _c("type", notnull=True, doc="PLOVER event type"),
        _c("mode"),
        _c("cameo"),
        _c("context", doc="JSON array"),
        _c("aux", doc="JSON array: historical, future, hypothetical, negated"),
        _c("place", doc="Mention id of the place"),
        _c("place_id", doc="Canonical place id"),
        _c("time", doc="Time id"),
        _c("date", doc="Event date, ISO"),
        _c("day", doc="Date used for clustering: the event date, else the publication date"),
        _c("quote"),
        _c("confidence", "REAL"),
        _c("predicate_start", "INTEGER"),
        _c("predicate_end", "INTEGER"),
        _c("lemma"),
        _c("cluster_id", "INTEGER", doc="event_clusters.id"),
        *_prov(),
    ),
    ("article_id", "id"),
    (
        Index("events_type", ("type",)),
        Index("events_day", ("day",)),
        Index("events_cluster", ("cluster_id",)),
        Index("events_place", ("place_id",)),
    ),
    doc="Events coded from one clause of one article.",
)

EVENT_PARTICIPANTS = Table(
    "event_participants",
    (
        _c("article_id", notnull=True),
        _c("event_id", notnull=True),
        _c("role", notnull=True, doc="actor or recipient"),
        _c("idx", "INTEGER", True, doc="Position in the event's list"),
        _c("entity", doc="Mention id"),
        _c("start", "INTEGER"),
        _c("end", "INTEGER"),
        _c("name"),
        _c("name_norm"),
        _c("country"),
        _c("sector"),
        _c("actor_id"),
        _c("wikidata"),
    ),
    ("article_id", "event_id", "role", "idx"),
    (
        Index("participants_country", ("country",)),
        Index("participants_actor", ("actor_id",)),
    ),
    doc="Actors and recipients of events.",
)

EVENT_CLUSTERS = Table(
    "event_clusters",
    (
        _c("id", "INTEGER", True),
        _c("type", notnull=True),
        _c("actor_key", notnull=True, doc="Sorted actor keys joined by |"),
        _c("recipient_key", notnull=True),
        _c("place_key", notnull=True),
        _c("day", doc="Day of the first mention"),
        _c("first_day"),
        _c("last_day"),
        _c("num_mentions", "INTEGER", True, default="0", doc="Event mentions (GDELT NumMentions)"),
        _c("num_articles", "INTEGER", True, default="0"),
        _c("num_sources", "INTEGER", True, default="0", doc="Distinct sources (GDELT NumSources)"),
    ),
    ("id",),
    (Index("clusters_key", ("type", "actor_key", "recipient_key", "place_key", "day")),),
    doc="One real-world event reported by one or more articles.",
)

EVENT_MENTIONS = Table(
    "event_mentions",
    (
        _c("cluster_id", "INTEGER", True),
        _c("article_id", notnull=True),
        _c("event_id", notnull=True),
        _c("source"),
        _c("published"),
        _c("confidence", "REAL"),
    ),
    ("cluster_id", "article_id", "event_id"),
    (Index("event_mentions_article", ("article_id", "event_id")),),
    doc="Which article events report which clustered event.",
)

QUOTATIONS = Table(
    "quotations",
    (
        *_span(" of the quoted content"),
        _c("text", doc="The quoted content"),
        _c("direct", "INTEGER", True),
        _c("sentence"),
        _c("speaker", doc="Mention id of the speaker"),
        _c("speaker_name"),
        _c("speaker_actor_id"),
        _c("addressee"),
        _c("cue_start", "INTEGER"),
        _c("cue_end", "INTEGER"),
        _c("cue_lemma"),
        _c("confidence", "REAL"),
        *_prov(),
    ),
    ("article_id", "id"),
    (Index("quotations_speaker", ("speaker_actor_id",)),),
    doc="Quotations and their speakers.",
)

DUPLICATE_GROUPS = Table(
    "duplicate_groups",
    (
        _c("id", "INTEGER", True),
        _c("kind", notnull=True, doc="exact or near"),
        _c("article_id", notnull=True, doc="The stored article the group is built around"),
        _c("size", "INTEGER", True, default="1", doc="Members, the first article included"),
        _c("created_at"),
    ),
    ("id",),
    (Index("duplicate_groups_article", ("article_id", "kind"), unique=True),),
    doc="Groups of exact (same normalised text) or near (MinHash) duplicates.",
)

DUPLICATE_MEMBERS = Table(
    "duplicate_members",
    (
        _c("group_id", "INTEGER", True),
        _c("member", notnull=True, doc="Stored article id (near) or incoming item id (exact)"),
        _c("stored", "INTEGER", True, doc="1 when the member is a stored article"),
        _c("url"),
        _c("source"),
        _c("origin"),
        _c("similarity", "REAL", doc="Estimated Jaccard similarity with the group's article"),
        _c("seen_at"),
    ),
    ("group_id", "member"),
    doc="Members of duplicate groups.",
)

MINHASHES = Table(
    "minhashes",
    (
        _c("article_id", notnull=True),
        _c("signature", "BLOB", True, doc="MinHash hash values, uint32 little-endian"),
    ),
    ("article_id",),
    doc="MinHash signatures of the articles' word shingles.",
    export=False,
)

LSH_BANDS = Table(
    "lsh_bands",
    (
        _c("band", "INTEGER", True),
        _c("key", "BLOB", True),
        _c("article_id", notnull=True),
    ),
    ("band", "key", "article_id"),
    doc="LSH band keys of the MinHash signatures (near-duplicate candidates).",
    export=False,
)

INGEST_RUNS = Table(
    "ingest_runs",
    (
        _c("id", "INTEGER", True),
        _c("started_at"),
        _c("finished_at"),
        _c("sources", doc="JSON array of the sources given"),
        _c("components", doc="Comma-separated pipeline components"),
        _c("stored", "INTEGER", default="0"),
        _c("already", "INTEGER", default="0"),
        _c("failed", "INTEGER", default="0"),
        _c("exact_duplicates", "INTEGER", default="0"),
        _c("near_duplicates", "INTEGER", default="0"),
    ),
    ("id",),
    doc="One run of marsad ingest.",
)

INGEST_LOG = Table(
    "ingest_log",
    (
        _c("id", "INTEGER", True),
        _c("run_id", "INTEGER"),
        _c("source", doc="The source given on the command line"),
        _c("item", doc="The item: path, path:line, URL, WARC record"),
        _c("code", notnull=True, doc="Error code (E1xx ...)"),
        _c("message"),
        _c("time", notnull=True),
    ),
    ("id",),
    (Index("ingest_log_code", ("code",)),),
    doc="Every item that could not be ingested, with its error code.",
)

TABLES: tuple[Table, ...] = (
    ARTICLES,
    BLOCKS,
    SENTENCES,
    ENTITIES,
    MENTIONS,
    ACTORS,
    PLACES,
    TIMES,
    EVENTS,
    EVENT_PARTICIPANTS,
    EVENT_CLUSTERS,
    EVENT_MENTIONS,
    QUOTATIONS,
    DUPLICATE_GROUPS,
    DUPLICATE_MEMBERS,
    MINHASHES,
    LSH_BANDS,
    INGEST_RUNS,
    INGEST_LOG,
)

# Full-text search: the normalised Arabic text (``body``), the clitic-stripped stems of its words
# (``stems``, so ``روسيا`` finds ``وروسيا``), and the English and Arabic names of the linked entities.
ARTICLES_FTS = FtsTable("articles_fts", ("title", "body", "stems", "names"), unindexed=("article_id",))
# Names of canonical actors and entities, for ``marsad actors QUERY``.
NAMES_FTS = FtsTable("names_fts", ("name_en", "name_ar"), unindexed=("entity_id", "kind"))

FTS_TABLES: tuple[FtsTable, ...] = (ARTICLES_FTS, NAMES_FTS)

# Tables whose rows belong to one article (deleted with it, written in its transaction).
ARTICLE_TABLES: tuple[str, ...] = (
    "blocks",
    "sentences",
    "mentions",
    "times",
    "events",
    "event_participants",
    "quotations",
    "minhashes",
)


def table(name: str) -> Table:
    """The table called ``name``.

    Raises:
        KeyError: No such table.
    """
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}")


def columns(name: str) -> tuple[str, ...]:
    """Column names of table ``name`` in order."""
    return table(name).column_names


def export_tables() -> tuple[Table, ...]:
    """The tables exports write (everything but the search/LSH indexes)."""
    return tuple(t for t in TABLES if t.export)
