"""Event clustering: events reported by several articles become one clustered event.

Two coded events are the same real-world event when they have the same type, the same
actors, the same recipients and the same place, and their days are at most one day
apart (GDELT-style: the cluster counts its mentions, articles and distinct sources).
An event with neither actor nor recipient, or without any day, stays alone.

The day of an event is its own date when it is a full date, else the article's
publication date.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from marsad.article import Article, Event, Participant
from marsad.text.normalize import normalize_string

MAX_DAYS_APART = 1


def participant_key(p: Participant) -> str:
    """How a participant is identified for clustering: actor id, else country/sector, else its name."""
    if p.actor_id:
        return p.actor_id
    if p.country:
        return f"{p.country}/{p.sector or ''}"
    return "name:" + " ".join(normalize_string(p.name).split())


def participants_key(parts: list[Participant]) -> str:
    return "|".join(sorted({participant_key(p) for p in parts}))


def place_key(article: Article, event: Event) -> str:
    """The canonical id of the event's place, else its normalised surface, else ''."""
    if not event.place:
        return ""
    ent = article.entity(event.place)
    if ent is None:
        return ""
    if ent.link is not None:
        return ent.link.id
    return "name:" + " ".join(normalize_string(article.surface(ent.start, ent.end)).split())


def event_day(article: Article, event: Event) -> str | None:
    """The event's date when it is a full day, else the publication date, else None."""
    if event.date and len(event.date) >= 10:
        try:
            return date.fromisoformat(event.date[:10]).isoformat()
        except ValueError:
            pass
    if article.meta.published is not None:
        return article.meta.published.isoformat()
    return None


def assign_cluster(
    conn: sqlite3.Connection,
    article: Article,
    event: Event,
    day: str | None,
) -> tuple[int, bool]:
    """Put one stored event into a cluster (inside the caller's transaction).

    Returns:
        The cluster id and whether the cluster is new.
    """
    actor_key = participants_key(event.actors)
    recipient_key = participants_key(event.recipients)
    pkey = place_key(article, event)
    cluster_id: int | None = None
    if day is not None and (actor_key or recipient_key):
        d = date.fromisoformat(day)
        lo = (d - timedelta(days=MAX_DAYS_APART)).isoformat()
        hi = (d + timedelta(days=MAX_DAYS_APART)).isoformat()
        row = conn.execute(
            """SELECT id FROM event_clusters
               WHERE type = ? AND actor_key = ? AND recipient_key = ? AND place_key = ? AND day BETWEEN ? AND ?
               ORDER BY abs(julianday(day) - julianday(?)), id LIMIT 1""",
            (event.type, actor_key, recipient_key, pkey, lo, hi, day),
        ).fetchone()
        if row:
            cluster_id = int(row[0])
    new = cluster_id is None
    if cluster_id is None:
        cur = conn.execute(
            """INSERT INTO event_clusters (type, actor_key, recipient_key, place_key, day, first_day, last_day)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (event.type, actor_key, recipient_key, pkey, day, day, day),
        )
        cluster_id = int(cur.lastrowid or 0)
    conn.execute(
        """INSERT OR IGNORE INTO event_mentions (cluster_id, article_id, event_id, source, published, confidence)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            cluster_id,
            article.id,
            event.id,
            article.meta.source,
            article.meta.published.isoformat() if article.meta.published else None,
            event.confidence,
        ),
    )
    conn.execute("UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?", (cluster_id, article.id, event.id))
    refresh_cluster(conn, cluster_id)
    return cluster_id, new


def refresh_cluster(conn: sqlite3.Connection, cluster_id: int) -> None:
    """Recount a cluster's mentions, articles, sources and first/last day."""
    conn.execute(
        """UPDATE event_clusters SET
             num_mentions = (SELECT count(*) FROM event_mentions m WHERE m.cluster_id = :c),
             num_articles = (SELECT count(DISTINCT m.article_id) FROM event_mentions m WHERE m.cluster_id = :c),
             num_sources = (SELECT count(DISTINCT COALESCE(m.source, m.article_id)) FROM event_mentions m
                            WHERE m.cluster_id = :c),
             first_day = COALESCE((SELECT min(e.day) FROM events e WHERE e.cluster_id = :c), first_day),
             last_day = COALESCE((SELECT max(e.day) FROM events e WHERE e.cluster_id = :c), last_day)
           WHERE id = :c""",
        {"c": cluster_id},
    )


def recluster(conn: sqlite3.Connection) -> int:
    """Rebuild every cluster from the stored articles (inside the caller's transaction).

    Returns:
        The number of clusters.
    """
    import json

    conn.execute("DELETE FROM event_mentions")
    conn.execute("DELETE FROM event_clusters")
    conn.execute("UPDATE events SET cluster_id = NULL")
    rows = conn.execute(
        "SELECT DISTINCT a.json FROM articles a JOIN events e ON e.article_id = a.id ORDER BY a.published, a.rowid"
    ).fetchall()
    for (blob,) in rows:
        article = Article.from_dict(json.loads(blob))
        for ev in article.events or ():
            assign_cluster(conn, article, ev, event_day(article, ev))
    return int(conn.execute("SELECT count(*) FROM event_clusters").fetchone()[0])
