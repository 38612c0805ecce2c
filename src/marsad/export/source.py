"""Streaming the stored events that an export writes, article by article.

One SQL cursor walks the matching events in primary-key order (``article_id``, ``id``),
so SQLite needs no sort and nothing is loaded whole: the rows are fetched in chunks,
and each article is rebuilt once (from its stored JSON) for the events it holds.
Filters are those of ``marsad events`` (``marsad.store.queries``).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from marsad.article import Article, Event
from marsad.errors import NotFoundError, StoreCorruptError
from marsad.store.db import Store, store_error
from marsad.store.queries import event_filters

DEFAULT_CHUNK = 1000
_NUM = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of ``marsad events`` / ``marsad export`` (None: no filter).

    Attributes:
        actor: Country code, sector, actor id or name of an actor.
        recipient: The same for a recipient.
        type: PLOVER event type.
        mode: PLOVER mode.
        since: First day (inclusive, ISO).
        until: Last day (inclusive, ISO).
        place: Place id, name or country code.
        include_historical: Also events marked ``historical`` (background; left out by default).
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    include_historical: bool = False


@dataclass(slots=True)
class StoredEvent:
    """One stored event with its article and what the store added to it.

    Attributes:
        article: The article, rebuilt from the store without its tokens layer (shared by its events).
        event: The event.
        day: The store's day of the event (its full date, else the publication date).
        cluster_id: The clustered real-world event it reports, if any.
        num_mentions: Event mentions in that cluster.
        num_articles: Articles in that cluster.
        num_sources: Distinct sources in that cluster.
        ingested_at: UTC time the article was stored (``2026-11-29T01:02:03Z``).
    """

    article: Article
    event: Event
    day: str | None = None
    cluster_id: int | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    ingested_at: str | None = None


def _id_key(record_id: str) -> tuple[object, ...]:
    """``ev2`` sorts before ``ev10``."""
    return tuple(int(p) if p.isdigit() else p for p in _NUM.split(record_id))


def iter_events(
    store: Store, filters: EventFilter | None = None, chunk: int = DEFAULT_CHUNK
) -> Generator[StoredEvent, None, None]:
    """The stored events matching the filters, by article id, then by position in the text.

    Args:
        store: An open store (read-only is enough).
        filters: Which events (default: all).
        chunk: Rows fetched from SQLite at a time.

    Raises:
        StoreCorruptError: An event row has no matching event in its article's JSON.
        StoreError: Mapped SQLite errors.
    """
    f = filters or EventFilter()
    where, params = event_filters(f.actor, f.recipient, f.type, f.mode, f.since, f.until, f.place,
                                  f.include_historical)
    sql = f"""SELECT e.article_id, e.id, e.day, e.cluster_id, c.num_mentions, c.num_articles, c.num_sources,
                a.ingested_at
              FROM events e JOIN articles a ON a.id = e.article_id
                LEFT JOIN places pl ON pl.id = e.place_id
                LEFT JOIN event_clusters c ON c.id = e.cluster_id
              {where}
              ORDER BY e.article_id, e.id"""
    try:
        cur = store.conn.execute(sql, params)
    except sqlite3.Error as exc:
        raise store_error(exc, store.path) from exc
    group: list[tuple[object, ...]] = []
    try:
        while True:
            try:
                rows = cur.fetchmany(max(1, chunk))
            except sqlite3.Error as exc:
                raise store_error(exc, store.path) from exc
            for row in rows:
                if group and group[0][0] != row[0]:
                    yield from _article_events(store, group)
                    group = []
                group.append(tuple(row))
            if not rows:
                break
        if group:
            yield from _article_events(store, group)
    finally:
        with contextlib.suppress(sqlite3.Error):  # the store may already be closed when a reader stops early
            cur.close()


def load_article(store: Store, article_id: str) -> Article:
    """The stored article without its tokens layer (exports never need it; it is most of the JSON).

    Raises:
        NotFoundError: No article has that id.
    """
    row = store.query("SELECT json FROM articles WHERE id = ?", (article_id,))
    if not row:
        raise NotFoundError(f"no article with id {article_id!r}")
    data = json.loads(row[0][0])
    data["tokens"] = None
    return Article.from_dict(data)


def _article_events(store: Store, rows: list[tuple[object, ...]]) -> Iterator[StoredEvent]:
    article_id = str(rows[0][0])
    article = load_article(store, article_id)
    by_id = {ev.id: ev for ev in article.events or ()}
    out: list[StoredEvent] = []
    for r in rows:
        ev = by_id.get(str(r[1]))
        if ev is None:
            raise StoreCorruptError(f"event {r[1]!r} of article {article_id!r} is in the events table but not in "
                                    "the article's stored JSON")
        out.append(StoredEvent(
            article, ev, _opt_str(r[2]), _opt_int(r[3]), _opt_int(r[4]), _opt_int(r[5]), _opt_int(r[6]),
            _opt_str(r[7]),
        ))
    out.sort(key=lambda s: (s.event.start, _id_key(s.event.id)))
    yield from out


def _opt_str(v: object) -> str | None:
    return None if v is None else str(v)


def _opt_int(v: object) -> int | None:
    return v if isinstance(v, int) else None
