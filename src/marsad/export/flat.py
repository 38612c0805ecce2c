"""One flat row per event: the columns of the CSV and Parquet exports.

The columns are data (``COLUMNS``: name, type, meaning); ``docs/EXPORTS.md`` documents
each one and a test checks that it does. In CSV a list is written as its items joined
by ``|`` (an absent item is an empty string); in Parquet it is a ``list<string>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.article import Article, Event, Link, Participant
from marsad.export.source import StoredEvent

LIST_SEP = "|"


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """One column of an event export.

    Attributes:
        name: Column name.
        type: ``string``, ``int64``, ``float64`` or ``list<string>``.
        doc: What it holds.
    """

    name: str
    type: str
    doc: str


def _col(name: str, type: str, doc: str) -> ExportColumn:
    return ExportColumn(name, type, doc)


_L = "list<string>"

COLUMNS: tuple[ExportColumn, ...] = (
    _col("article_id", "string", "Id of the article the event was coded from"),
    _col("event_id", "string", "Id of the event within the article (ev1, ev2 ...)"),
    _col("type", "string", "PLOVER event type (CONSULT, ASSAULT ...)"),
    _col("mode", "string", "PLOVER mode (visit, phone ...), or empty"),
    _col("context", _L, "PLOVER contexts"),
    _col("cameo", "string", "CAMEO event code"),
    _col("aux", _L, "Auxiliary modes: historical, future, hypothetical, negated"),
    _col("date", "string", "Event date, ISO (a month 2015-10 when only the month is known), or empty"),
    _col("day", "string", "The event's full date, else the article's publication date (the store's day)"),
    _col("actor_names", _L, "Names of the actors"),
    _col("actor_ids", _L, "Canonical actor ids (actor:..., country:...)"),
    _col("actor_countries", _L, "Actor countries: ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO ...)"),
    _col("actor_sectors", _L, "Actor PLOVER sectors (GOV, MIL ...)"),
    _col("actor_texts", _L, "Actor mentions as written in the source text"),
    _col("recipient_names", _L, "Names of the recipients"),
    _col("recipient_ids", _L, "Canonical recipient ids"),
    _col("recipient_countries", _L, "Recipient countries"),
    _col("recipient_sectors", _L, "Recipient sectors"),
    _col("recipient_texts", _L, "Recipient mentions as written in the source text"),
    _col("place_id", "string", "Canonical id of the event's place (place:geonames:491422 ...)"),
    _col("place_name", "string", "English name of the place"),
    _col("place_name_ar", "string", "Arabic name of the place"),
    _col("place_text", "string", "The place mention as written in the source text"),
    _col("place_country", "string", "Country of the place (ISO 3166 alpha-3)"),
    _col("place_lat", "float64", "Latitude of the place"),
    _col("place_lon", "float64", "Longitude of the place"),
    _col("place_feature", "string", "Feature type of the place (country, city, region ...)"),
    _col("sentence", "string", "Id of the sentence the event is in"),
    _col("start", "int64", "Start offset of the clause the event was coded from (characters into the text)"),
    _col("end", "int64", "End offset of that clause"),
    _col("event_text", "string", "The clause: text[start:end]"),
    _col("predicate_start", "int64", "Start offset of the predicate (the verb or noun that fired)"),
    _col("predicate_end", "int64", "End offset of the predicate"),
    _col("predicate", "string", "The predicate as written: text[predicate_start:predicate_end]"),
    _col("lemma", "string", "Lemma of the predicate"),
    _col("pattern", "string", "Id of the coding pattern that fired"),
    _col("quote", "string", "Id of the quotation the event was reported in, if any"),
    _col("confidence", "float64", "Confidence of the coding, 0-1"),
    _col("cluster_id", "int64", "Id of the clustered real-world event (store), if any"),
    _col("num_mentions", "int64", "Event mentions in that cluster"),
    _col("num_articles", "int64", "Articles in that cluster"),
    _col("num_sources", "int64", "Distinct sources in that cluster"),
    _col("url", "string", "URL of the article"),
    _col("source", "string", "Site or feed of the article"),
    _col("title", "string", "Headline of the article"),
    _col("published", "string", "Publication date of the article, ISO"),
    _col("ingested_at", "string", "UTC time the article was stored"),
    _col("component", "string", "Component that coded the event"),
    _col("version", "string", "Version of that component and its resources"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def place_link(article: Article, event: Event) -> tuple[str | None, Link | None]:
    """The place mention's surface and its canonical link, if the event has a place."""
    if not event.place:
        return None, None
    ent = article.entity(event.place)
    if ent is None:
        return None, None
    return article.surface(ent.start, ent.end), ent.link


def _parts(article: Article, parts: list[Participant]) -> dict[str, list[str | None]]:
    return {
        "names": [p.name for p in parts],
        "ids": [p.actor_id for p in parts],
        "countries": [p.country for p in parts],
        "sectors": [p.sector for p in parts],
        "texts": [article.surface(p.start, p.end) for p in parts],
    }


def flat_row(item: StoredEvent) -> dict[str, object]:
    """The export row of one stored event (keys in ``COLUMN_NAMES`` order; lists as lists)."""
    a, ev = item.article, item.event
    place_text, link = place_link(a, ev)
    pred = ev.evidence.predicate
    row: dict[str, object] = {
        "article_id": a.id,
        "event_id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "context": list(ev.context),
        "cameo": ev.cameo,
        "aux": list(ev.aux),
        "date": ev.date,
        "day": item.day,
    }
    for role, parts in (("actor", ev.actors), ("recipient", ev.recipients)):
        for key, values in _parts(a, parts).items():
            row[f"{role}_{key}"] = values
    row.update({
        "place_id": link.id if link else None,
        "place_name": link.name_en if link else None,
        "place_name_ar": link.name_ar if link else None,
        "place_text": place_text,
        "place_country": link.country if link else None,
        "place_lat": link.lat if link else None,
        "place_lon": link.lon if link else None,
        "place_feature": link.feature if link else None,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "event_text": a.surface(ev.start, ev.end),
        "predicate_start": pred.start,
        "predicate_end": pred.end,
        "predicate": a.surface(pred.start, pred.end),
        "lemma": ev.evidence.lemma,
        "pattern": ev.prov.pattern or ev.evidence.pattern,
        "quote": ev.quote,
        "confidence": ev.confidence,
        "cluster_id": item.cluster_id,
        "num_mentions": item.num_mentions,
        "num_articles": item.num_articles,
        "num_sources": item.num_sources,
        "url": a.meta.url,
        "source": a.meta.source,
        "title": a.meta.title,
        "published": a.meta.published.isoformat() if a.meta.published else None,
        "ingested_at": item.ingested_at,
        "component": ev.prov.component,
        "version": ev.prov.version,
    })
    return row


def csv_cell(value: object) -> str:
    """A value as a CSV cell: None is empty, a list is joined with ``|``."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEP.join("" if v is None else str(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)
