"""The read API of the corpus store, used by the CLI, the web app and the exports.

Every function takes an open ``Store`` (read-only is enough) and returns slotted
dataclasses (``dataclasses.asdict`` turns them into JSON-ready dicts). All SQL is
parameterised. Dates are ISO strings; ``since``/``until`` are inclusive and compare
with the event's day (its date, else its article's publication date).

Actor and recipient filters match a country code (``RUS``), a sector (``GOV``), an
actor id (``actor:putin_vladimir`` or ``putin_vladimir``), or an English or Arabic
name (Arabic is compared in its normalised form; English case-insensitively, a
whole name or a word of it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from marsad.article import Article
from marsad.errors import NotFoundError
from marsad.store.db import Store
from marsad.store.search import SearchHit, search_articles
from marsad.text.normalize import normalize_string


@dataclass(slots=True)
class ArticleRow:
    """One article in a listing."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    format: str | None
    length: int
    ingested_at: str
    n_events: int = 0
    n_quotes: int = 0
    n_mentions: int = 0


@dataclass(slots=True)
class ParticipantRow:
    """An actor or recipient of an event."""

    name: str | None
    actor_id: str | None
    country: str | None
    sector: str | None
    name_en: str | None = None
    name_ar: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class EventRow:
    """One coded event of one article, with its participants and where it is in the text."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    day: str | None
    start: int
    end: int
    text: str
    actors: list[ParticipantRow] = field(default_factory=list)
    recipients: list[ParticipantRow] = field(default_factory=list)
    place_id: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    aux: list[str] = field(default_factory=list)
    confidence: float | None = None
    pattern: str | None = None
    cluster_id: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(slots=True)
class ActorRow:
    """A canonical actor and how often it appears."""

    id: str
    name_en: str | None
    name_ar: str | None
    country: str | None
    sector: str | None
    wikidata: str | None
    n_mentions: int = 0
    n_events: int = 0
    n_articles: int = 0
    n_quotes: int = 0


@dataclass(slots=True)
class TimelinePoint:
    """Events of an actor in one month, by type."""

    month: str
    type: str
    count: int


@dataclass(slots=True)
class CounterpartRow:
    """Another actor an actor had events with."""

    key: str
    name: str | None
    country: str | None
    n_events: int
    as_recipient: int
    as_actor: int


@dataclass(slots=True)
class QuoteRow:
    """A quotation."""

    article_id: str
    quote_id: str
    text: str
    direct: bool
    speaker_name: str | None
    speaker_actor_id: str | None
    cue_lemma: str | None
    published: str | None
    source: str | None
    start: int
    end: int


@dataclass(slots=True)
class ActorDetail:
    """An actor with its events over time, counterparts and quotes."""

    actor: ActorRow
    timeline: list[TimelinePoint]
    counterparts: list[CounterpartRow]
    quotes: list[QuoteRow]
    events: list[EventRow]


@dataclass(slots=True)
class Stats:
    """Counts over the whole store."""

    articles: int
    sources: int
    events: int
    event_clusters: int
    quotations: int
    mentions: int
    actors: int
    places: int
    exact_duplicate_groups: int
    near_duplicate_groups: int
    failed_items: int
    first_published: str | None
    last_published: str | None
    events_by_type: dict[str, int]
    articles_by_source: dict[str, int]
    failures_by_code: dict[str, int]
    size_bytes: int
    schema_version: int


@dataclass(slots=True)
class NetworkEdge:
    """Events from one actor to another, of one type."""

    source: str
    source_name: str | None
    target: str
    target_name: str | None
    type: str
    count: int


@dataclass(slots=True)
class PlaceRow:
    """A place where events happened (or that articles mention), with coordinates."""

    id: str
    name: str | None
    name_en: str | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    n_events: int
    n_mentions: int


# --- articles -----------------------------------------------------------------


def list_articles(store: Store, limit: int = 50, offset: int = 0, source: str | None = None) -> list[ArticleRow]:
    """Articles, newest publication first."""
    where, params = "", []
    if source:
        where, params = "WHERE a.source = ?", [source]
    rows = store.query(
        f"""SELECT a.id, a.title, a.source, a.url, a.published, a.format, a.length, a.ingested_at,
              (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,
              (SELECT count(*) FROM quotations q WHERE q.article_id = a.id) AS n_quotes,
              (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS n_mentions
            FROM articles a {where}
            ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    )
    return [ArticleRow(*tuple(r)) for r in rows]


def get_article(store: Store, article_id: str) -> Article:
    """The stored Article, rebuilt losslessly from its JSON.

    Raises:
        NotFoundError: No article has that id.
    """
    row = store.query("SELECT json FROM articles WHERE id = ?", (article_id,))
    if not row:
        raise NotFoundError(f"no article with id {article_id!r}")
    return Article.from_dict(json.loads(row[0][0]))


def count_articles(store: Store, source: str | None = None) -> int:
    """Number of stored articles (of one source), for paging."""
    if source:
        return int(store.scalar("SELECT count(*) FROM articles WHERE source = ?", (source,)) or 0)
    return int(store.scalar("SELECT count(*) FROM articles") or 0)


def article_exists(store: Store, article_id: str) -> bool:
    """Whether an article with that id is stored."""
    return bool(store.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))


# --- events -------------------------------------------------------------------


def _participant_clause(role: str, value: str) -> tuple[str, list[Any]]:
    """SQL (an EXISTS) and params matching a participant by code, id or name."""
    norm = normalize_string(value.strip())
    up = value.strip().upper()
    sql = f"""EXISTS (SELECT 1 FROM event_participants p LEFT JOIN actors ac ON ac.id = p.actor_id
              WHERE p.article_id = e.article_id AND p.event_id = e.id AND p.role = '{role}' AND (
                p.country = ? OR p.sector = ? OR p.actor_id = ? OR p.actor_id = ?
                OR lower(ac.name_en) = lower(?) OR (' ' || lower(ac.name_en) || ' ') LIKE ?
                OR ac.name_norm = ? OR p.name_norm = ?))"""
    like = "% " + value.strip().lower().replace("%", "").replace("_", "") + " %"
    return sql, [up, up, value.strip(), "actor:" + value.strip(), value.strip(), like, norm, norm]


def event_filters(
    actor: str | None,
    recipient: str | None,
    type: str | None,
    mode: str | None,
    since: str | None,
    until: str | None,
    place: str | None,
    include_historical: bool = False,
) -> tuple[str, list[Any]]:
    """The WHERE clause of the event filters; events marked ``historical`` are left out unless asked for."""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_historical:
        clauses.append("(e.aux IS NULL OR e.aux NOT LIKE '%\"historical\"%')")
    if actor:
        sql, ps = _participant_clause("actor", actor)
        clauses.append(sql)
        params += ps
    if recipient:
        sql, ps = _participant_clause("recipient", recipient)
        clauses.append(sql)
        params += ps
    if type:
        clauses.append("e.type = ?")
        params.append(type.strip().upper())
    if mode:
        clauses.append("e.mode = ?")
        params.append(mode.strip().lower())
    if since:
        clauses.append("e.day >= ?")
        params.append(since)
    if until:
        clauses.append("e.day <= ?")
        params.append(until + "~")  # '~' sorts after any digit: an until day includes its hours
    if place:
        norm = normalize_string(place.strip())
        clauses.append(
            "(e.place_id = ? OR pl.name_norm = ? OR lower(pl.name_en) = lower(?) OR pl.country = ?)"
        )
        params += [place.strip(), norm, place.strip(), place.strip().upper()]
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params


def list_events(
    store: Store,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    limit: int = 100,
    offset: int = 0,
    include_historical: bool = False,
) -> list[EventRow]:
    """Coded events matching the filters, latest day first (historical ones only with ``include_historical``)."""
    where, params = event_filters(actor, recipient, type, mode, since, until, place, include_historical)
    # First the page of events (their rowids, in order), sorting only the events' own columns; then their
    # clause text and article columns for that page alone. Sorting with ``a.text`` in the rows read every
    # article of the store, row overflow pages included, for each page.
    with store.snapshot():
        return _list_events(store, where, params, limit, offset)


def _list_events(store: Store, where: str, params: list[Any], limit: int, offset: int) -> list[EventRow]:
    page = [r[0] for r in store.query(
        f"""SELECT e.rowid FROM events e JOIN articles a ON a.id = e.article_id
              LEFT JOIN places pl ON pl.id = e.place_id
              LEFT JOIN event_clusters c ON c.id = e.cluster_id
            {where}
            ORDER BY e.day IS NULL, e.day DESC, e.article_id, e.start LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    )]
    by_rowid: dict[int, tuple[Any, ...]] = {}
    for i in range(0, len(page), 500):
        chunk = page[i : i + 500]
        for r in store.query(
            f"""SELECT e.rowid, e.article_id, e.id, e.type, e.mode, e.cameo, e.date, e.day, e.start, e."end",
                  substr(a.text, e.start + 1, e."end" - e.start) AS text,
                  e.place_id, COALESCE(pl.name, pl.name_en), pl.lat, pl.lon, e.aux, e.confidence, e.pattern,
                  e.cluster_id, c.num_articles, c.num_sources, a.source, a.published, a.title
                FROM events e JOIN articles a ON a.id = e.article_id
                  LEFT JOIN places pl ON pl.id = e.place_id
                  LEFT JOIN event_clusters c ON c.id = e.cluster_id
                WHERE e.rowid IN ({",".join("?" * len(chunk))})""",
            chunk,
        ):
            by_rowid[r[0]] = tuple(r)[1:]
    rows = [by_rowid[rowid] for rowid in page if rowid in by_rowid]
    events = [
        EventRow(
            article_id=r[0], event_id=r[1], type=r[2], mode=r[3], cameo=r[4], date=r[5], day=r[6],
            start=r[7], end=r[8], text=r[9] or "", place_id=r[10], place=r[11], lat=r[12], lon=r[13],
            aux=json.loads(r[14]) if r[14] else [], confidence=r[15], pattern=r[16], cluster_id=r[17],
            num_articles=r[18], num_sources=r[19], source=r[20], published=r[21], title=r[22],
        )
        for r in rows
    ]
    _attach_participants(store, events)
    return events


def count_events(
    store: Store,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    include_historical: bool = False,
) -> int:
    """Number of events ``list_events`` would give with these filters and no limit, for paging."""
    where, params = event_filters(actor, recipient, type, mode, since, until, place, include_historical)
    return int(store.scalar(
        f"SELECT count(*) FROM events e LEFT JOIN places pl ON pl.id = e.place_id {where}", params) or 0)


def _attach_participants(store: Store, events: list[EventRow]) -> None:
    if not events:
        return
    by_key = {(ev.article_id, ev.event_id): ev for ev in events}
    articles = sorted({ev.article_id for ev in events})
    for i in range(0, len(articles), 500):
        chunk = articles[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.query(
            f"""SELECT p.article_id, p.event_id, p.role, p.name, p.actor_id, p.country, p.sector,
                  ac.name_en, ac.name_ar, p.start, p."end"
                FROM event_participants p LEFT JOIN actors ac ON ac.id = p.actor_id
                WHERE p.article_id IN ({marks}) ORDER BY p.article_id, p.event_id, p.role, p.idx""",
            chunk,
        )
        for r in rows:
            ev = by_key.get((r[0], r[1]))
            if ev is None:
                continue
            part = ParticipantRow(r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10])
            (ev.actors if r[2] == "actor" else ev.recipients).append(part)


# --- actors -------------------------------------------------------------------


_ACTOR_COLUMNS = """a.id, a.name_en, a.name_ar, a.country, a.sector, a.wikidata,
    (SELECT count(*) FROM mentions m WHERE m.entity_id = a.id) AS n_mentions,
    (SELECT count(*) FROM event_participants p WHERE p.actor_id = a.id) AS n_events,
    (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = a.id) AS n_articles,
    (SELECT count(*) FROM quotations q WHERE q.speaker_actor_id = a.id) AS n_quotes"""


def list_actors(store: Store, query: str | None = None, limit: int = 100) -> list[ActorRow]:
    """Canonical actors, most mentioned first; ``query`` matches ids, codes and names (English or Arabic)."""
    params: list[Any] = []
    where = ""
    if query and query.strip():
        q = query.strip()
        norm = normalize_string(q)
        where = """WHERE a.id = ? OR a.id = ? OR a.country = ? OR a.sector = ? OR lower(a.name_en) LIKE ?
                   OR a.name_norm LIKE ? OR a.id IN (SELECT entity_id FROM names_fts WHERE names_fts MATCH ?)"""
        params = [q, "actor:" + q, q.upper(), q.upper(), f"%{q.lower()}%", f"%{norm}%", _fts_phrase(norm)]
    rows = store.query(
        f"SELECT {_ACTOR_COLUMNS} FROM actors a {where} ORDER BY n_mentions DESC, n_events DESC, a.id LIMIT ?",
        [*params, int(limit)],
    )
    return [ActorRow(*tuple(r)) for r in rows]


def get_actor(store: Store, actor_id: str, limit: int = 100) -> ActorDetail:
    """An actor with its events per month, counterparts, quotes and latest events.

    Raises:
        NotFoundError: No actor has that id.
    """
    rows = store.query(f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.id = ? OR a.id = ?",
                       (actor_id, "actor:" + actor_id))
    if not rows:
        raise NotFoundError(f"no actor with id {actor_id!r}")
    actor = ActorRow(*tuple(rows[0]))
    timeline = [
        TimelinePoint(r[0], r[1], r[2])
        for r in store.query(
            """SELECT substr(e.day, 1, 7) AS month, e.type, count(DISTINCT e.article_id || '/' || e.id)
               FROM events e JOIN event_participants p ON p.article_id = e.article_id AND p.event_id = e.id
               WHERE p.actor_id = ? AND e.day IS NOT NULL GROUP BY month, e.type ORDER BY month, e.type""",
            (actor.id,),
        )
    ]
    counterparts = [
        CounterpartRow(r[0], r[1], r[2], r[3], r[4], r[5])
        for r in store.query(
            """SELECT COALESCE(o.actor_id, o.country, o.name) AS k, COALESCE(ac.name_en, o.name), o.country,
                 count(*), sum(me.role = 'recipient'), sum(me.role = 'actor')
               FROM event_participants me JOIN event_participants o
                 ON o.article_id = me.article_id AND o.event_id = me.event_id AND o.role != me.role
               LEFT JOIN actors ac ON ac.id = o.actor_id
               WHERE me.actor_id = ? GROUP BY k ORDER BY count(*) DESC LIMIT ?""",
            (actor.id, int(limit)),
        )
    ]
    quotes = [
        QuoteRow(r[0], r[1], r[2] or "", bool(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10])
        for r in store.query(
            """SELECT q.article_id, q.id, q.text, q.direct, q.speaker_name, q.speaker_actor_id, q.cue_lemma,
                 a.published, a.source, q.start, q."end"
               FROM quotations q JOIN articles a ON a.id = q.article_id
               WHERE q.speaker_actor_id = ? ORDER BY a.published DESC LIMIT ?""",
            (actor.id, int(limit)),
        )
    ]
    events = list_events(store, actor=actor.id, limit=limit) + list_events(store, recipient=actor.id, limit=limit)
    events.sort(key=lambda e: (e.day or "", e.article_id, e.start), reverse=True)
    return ActorDetail(actor, timeline, counterparts, quotes, events[:limit])


# --- search -------------------------------------------------------------------


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(store: Store, q: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search over the normalised Arabic text, its clitic stems and English/Arabic names.

    Every word of the query must match (in the text, as a word without its proclitics, or
    in a linked entity's name). A trailing ``*`` makes a word a prefix.
    """
    return search_articles(store, q, limit)


# --- stats --------------------------------------------------------------------


def stats(store: Store) -> Stats:
    """Counts over the whole store."""

    def count(sql: str) -> int:
        return int(store.scalar(sql) or 0)

    first_last = store.query("SELECT min(published), max(published) FROM articles")[0]
    return Stats(
        articles=count("SELECT count(*) FROM articles"),
        sources=count("SELECT count(DISTINCT source) FROM articles"),
        events=count("SELECT count(*) FROM events"),
        event_clusters=count("SELECT count(*) FROM event_clusters"),
        quotations=count("SELECT count(*) FROM quotations"),
        mentions=count("SELECT count(*) FROM mentions"),
        actors=count("SELECT count(*) FROM actors"),
        places=count("SELECT count(*) FROM places"),
        exact_duplicate_groups=count("SELECT count(*) FROM duplicate_groups WHERE kind = 'exact'"),
        near_duplicate_groups=count("SELECT count(*) FROM duplicate_groups WHERE kind = 'near'"),
        failed_items=count("SELECT count(*) FROM ingest_log"),
        first_published=first_last[0],
        last_published=first_last[1],
        events_by_type={r[0]: r[1] for r in store.query(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC")},
        articles_by_source={str(r[0]): r[1] for r in store.query(
            "SELECT COALESCE(source, ''), count(*) FROM articles GROUP BY 1 ORDER BY count(*) DESC")},
        failures_by_code={r[0]: r[1] for r in store.query(
            "SELECT code, count(*) FROM ingest_log GROUP BY code ORDER BY code")},
        size_bytes=store.size_bytes(),
        schema_version=store.schema_version(),
    )


# --- network and map ------------------------------------------------------------


def event_network(
    store: Store,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    min_count: int = 1,
    limit: int = 500,
) -> list[NetworkEdge]:
    """Actor → recipient edges weighted by the number of events, per event type.

    A node is the participant's actor id, else its country code, else its name.
    """
    where, params = event_filters(actor, None, type, None, since, until, None)
    rows = store.query(
        f"""SELECT COALESCE(pa.actor_id, pa.country, pa.name) AS s, COALESCE(aa.name_en, pa.country, pa.name),
              COALESCE(pr.actor_id, pr.country, pr.name) AS t, COALESCE(ar.name_en, pr.country, pr.name),
              e.type, count(*) AS n
            FROM events e
              JOIN event_participants pa ON pa.article_id = e.article_id AND pa.event_id = e.id AND pa.role = 'actor'
              JOIN event_participants pr ON pr.article_id = e.article_id AND pr.event_id = e.id
                AND pr.role = 'recipient'
              LEFT JOIN actors aa ON aa.id = pa.actor_id
              LEFT JOIN actors ar ON ar.id = pr.actor_id
              LEFT JOIN places pl ON pl.id = e.place_id
            {where}
            GROUP BY s, t, e.type HAVING n >= ? AND s IS NOT NULL AND t IS NOT NULL
            ORDER BY n DESC, s, t LIMIT ?""",
        [*params, int(min_count), int(limit)],
    )
    return [NetworkEdge(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def event_places(
    store: Store,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    limit: int = 500,
) -> list[PlaceRow]:
    """Places with coordinates, with the number of (filtered) events there and of mentions of them."""
    where, params = event_filters(actor, None, type, None, since, until, None)
    cond = where[len("WHERE "):] if where else "1"
    rows = store.query(
        f"""SELECT pl.id, pl.name, pl.name_en, pl.country, pl.lat, pl.lon, pl.feature,
              (SELECT count(*) FROM events e WHERE e.place_id = pl.id AND {cond}) AS n_events,
              (SELECT count(*) FROM mentions m WHERE m.entity_id = pl.id) AS n_mentions
            FROM places pl WHERE pl.lat IS NOT NULL AND pl.lon IS NOT NULL
            ORDER BY n_events DESC, n_mentions DESC, pl.id LIMIT ?""",
        [*params, int(limit)],
    )
    return [PlaceRow(*tuple(r)) for r in rows]
