"""Writing articles into the store: one article, one transaction.

``write_article`` stores an article with all its layers, its canonical entities,
search entry, MinHash signature, near-duplicate group and event clusters in a single
``BEGIN IMMEDIATE`` ... ``COMMIT``: a crash, a full disk or a kill leaves either the
whole article or nothing of it. The same normalised text is never stored twice: a
second copy under the same id or URL is "already stored"; under another identity it
is recorded as a member of the stored article's exact-duplicate group.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from marsad.article import LAYERS, Article, Entity, Link
from marsad.errors import ArticleIdConflictError
from marsad.store import cluster, dedup
from marsad.store.db import Store
from marsad.store.search import fts_doc
from marsad.text.normalize import normalize_string

STORED = "stored"
ALREADY = "already"
DUPLICATE = "duplicate"

ACTOR_TYPES = frozenset({"PERS", "ORG", "AGENT"})
PLACE_TYPES = frozenset({"LOC", "GPE"})


@dataclass(slots=True)
class WriteResult:
    """What happened to one article.

    Attributes:
        status: ``stored``, ``already`` (same text, same identity) or ``duplicate``
            (same normalised text as a stored article under another id/URL).
        article_id: The stored article's id (for a duplicate, the one stored before).
        near_of: The stored article this one nearly duplicates, if any.
        similarity: Estimated Jaccard similarity with ``near_of``.
        events: Events stored.
        new_clusters: Event clusters created (the other events joined existing ones).
    """

    status: str
    article_id: str
    near_of: str | None = None
    similarity: float | None = None
    events: int = 0
    new_clusters: int = 0


def article_json(article: Article) -> str:
    """``Article.to_dict()`` as compact JSON (tokens, the bulk, converted directly: same output, faster)."""
    tokens = article.tokens
    if tokens is None:
        data = article.to_dict()
    else:
        data = dataclasses.replace(article, tokens=None).to_dict()
        data["tokens"] = [{"start": t.start, "end": t.end} for t in tokens]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def find_stored(store: Store, norm_hash: str) -> str | None:
    """Id of the stored article with this normalised-text hash, if any."""
    row = store.conn.execute("SELECT id FROM articles WHERE norm_sha256 = ?", (norm_hash,)).fetchone()
    return str(row[0]) if row else None


def write_article(store: Store, article: Article, origin: str | None = None) -> WriteResult:
    """Store one article and everything derived from it, in one transaction.

    Args:
        store: A store opened for writing.
        article: The article (with whatever layers the pipeline assigned).
        origin: Where it was read from (``path:line``, URL ...), kept for the record.

    Raises:
        ArticleIdConflictError: The id is already stored with a different text.
        StoreReadOnlyError, StoreFullError, StoreError: The store could not be written (nothing was).
    """
    fold = store.settings.fold_ta_marbuta
    norm_hash = dedup.norm_sha256(article.text, fold)
    # The derived data is built before the write transaction (which it must not hold open), unless
    # the text is already stored (re-ingest): then none of it is needed.
    fresh = find_stored(store, norm_hash) is None
    sig = dedup.signature(article.text, fold) if fresh else None
    doc = fts_doc(article, fold) if fresh else None
    blob = article_json(article) if fresh else None
    with store.transaction() as conn:
        row = conn.execute("SELECT id, url FROM articles WHERE norm_sha256 = ?", (norm_hash,)).fetchone()
        if row is not None:
            stored_id, stored_url = str(row[0]), row[1]
            if stored_id == article.id or (article.meta.url and article.meta.url == stored_url):
                return WriteResult(ALREADY, stored_id)
            _add_exact_member(conn, stored_id, article, origin)
            return WriteResult(DUPLICATE, stored_id)
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            raise ArticleIdConflictError(
                f"article id {article.id!r} is already stored with a different text; give the article another id"
            )
        if doc is None or blob is None:  # the stored copy went away since the check above
            sig, doc, blob = dedup.signature(article.text, fold), fts_doc(article, fold), article_json(article)
        _insert_article(conn, article, norm_hash, blob, origin)
        _insert_layers(conn, article)
        conn.execute(
            "INSERT INTO articles_fts (article_id, title, body, stems, names) VALUES (?, ?, ?, ?, ?)",
            (article.id, doc.title, doc.body, doc.stems, doc.names),
        )
        result = WriteResult(STORED, article.id)
        if sig is not None:
            near = _near_duplicate(conn, sig)
            conn.execute("INSERT INTO minhashes (article_id, signature) VALUES (?, ?)", (article.id, sig.to_bytes()))
            conn.executemany(
                "INSERT OR IGNORE INTO lsh_bands (band, key, article_id) VALUES (?, ?, ?)",
                [(i, key, article.id) for i, key in enumerate(sig.bands)],
            )
            if near is not None:
                result.near_of, result.similarity = near
                _add_near_member(conn, near[0], article, origin, near[1])
        for ev in article.events or ():
            _cid, new = cluster.assign_cluster(conn, article, ev, cluster.event_day(article, ev))
            result.events += 1
            result.new_clusters += int(new)
        return result


def _insert_article(conn: sqlite3.Connection, article: Article, norm_hash: str, blob: str, origin: str | None) -> None:
    m = article.meta
    conn.execute(
        """INSERT INTO articles (id, sha256, norm_sha256, url, source, title, author, section, published, language,
             format, length, text, layers, json, origin, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article.id,
            article.sha256,
            norm_hash,
            m.url,
            m.source,
            m.title,
            m.author,
            m.section,
            m.published.isoformat() if m.published else None,
            m.language,
            m.format,
            len(article.text),
            article.text,
            ",".join(name for name in LAYERS if article.has_layer(name)),
            blob,
            origin,
            now_utc(),
        ),
    )


def _insert_layers(conn: sqlite3.Connection, a: Article) -> None:
    aid = a.id
    conn.executemany(
        """INSERT INTO blocks (article_id, id, start, "end", kind, ref, component, version, pattern)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(aid, b.id, b.start, b.end, b.kind, b.ref, b.prov.component, b.prov.version, b.prov.pattern)
         for b in a.structure or ()],
    )
    conn.executemany(
        """INSERT INTO sentences (article_id, id, start, "end", block, in_quote, component, version, pattern)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(aid, s.id, s.start, s.end, s.block, int(s.in_quote), s.prov.component, s.prov.version, s.prov.pattern)
         for s in a.sentences or ()],
    )
    for ent in a.entities or ():
        if ent.link is not None:
            _upsert_link(conn, ent.link, ent)
    conn.executemany(
        """INSERT INTO mentions (article_id, id, start, "end", label, source, surface, entity_id, role, confidence,
             antecedent, component, version, pattern)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (aid, e.id, e.start, e.end, e.label, e.source, a.surface(e.start, e.end),
             e.link.id if e.link else None, e.link.role if e.link else None, e.confidence, e.antecedent,
             e.prov.component, e.prov.version, e.prov.pattern)
            for e in a.entities or ()
        ],
    )
    conn.executemany(
        """INSERT INTO times (article_id, id, start, "end", kind, granularity, value, anchor, relative, flags,
             confidence, component, version, pattern)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (aid, t.id, t.start, t.end, t.kind, t.granularity, t.value, t.anchor,
             json.dumps(_plain_relative(t.relative)) if t.relative else None, json.dumps(t.flags),
             t.confidence, t.prov.component, t.prov.version, t.prov.pattern)
            for t in a.times or ()
        ],
    )
    for ev in a.events or ():
        place_id = None
        if ev.place:
            pent = a.entity(ev.place)
            place_id = pent.link.id if pent is not None and pent.link is not None else None
        conn.execute(
            """INSERT INTO events (article_id, id, start, "end", sentence, type, mode, cameo, context, aux, place,
                 place_id, time, date, day, quote, confidence, predicate_start, predicate_end, lemma, component,
                 version, pattern)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (aid, ev.id, ev.start, ev.end, ev.sentence, ev.type, ev.mode, ev.cameo, json.dumps(ev.context),
             json.dumps(ev.aux), ev.place, place_id, ev.time, ev.date, cluster.event_day(a, ev), ev.quote,
             ev.confidence, ev.evidence.predicate.start, ev.evidence.predicate.end, ev.evidence.lemma,
             ev.prov.component, ev.prov.version, ev.prov.pattern or ev.evidence.pattern),
        )
        for role, parts in (("actor", ev.actors), ("recipient", ev.recipients)):
            for idx, p in enumerate(parts):
                if p.actor_id:
                    _ensure_actor(conn, p.actor_id, p.name, p.country, p.sector, p.wikidata)
                conn.execute(
                    """INSERT INTO event_participants (article_id, event_id, role, idx, entity, start, "end", name,
                         name_norm, country, sector, actor_id, wikidata)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (aid, ev.id, role, idx, p.entity, p.start, p.end, p.name, normalize_string(p.name or ""),
                     p.country, p.sector, p.actor_id, p.wikidata),
                )
    conn.executemany(
        """INSERT INTO quotations (article_id, id, start, "end", text, direct, sentence, speaker, speaker_name,
             speaker_actor_id, addressee, cue_start, cue_end, cue_lemma, confidence, component, version, pattern)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (aid, q.id, q.start, q.end, a.surface(q.start, q.end), int(q.direct), q.sentence, q.speaker,
             q.speaker_name, q.speaker_actor_id, q.addressee, q.cue.start if q.cue else None,
             q.cue.end if q.cue else None, q.cue_lemma, q.confidence, q.prov.component, q.prov.version,
             q.prov.pattern)
            for q in a.quotes or ()
        ],
    )


def _plain_relative(rel: object) -> dict[str, object]:
    from marsad.serialize import to_plain

    out = to_plain(rel)
    return out if isinstance(out, dict) else {}


def _upsert_link(conn: sqlite3.Connection, link: Link, ent: Entity) -> None:
    """Record a canonical entity (and, by its type, an actor and/or a place)."""
    name_norm = normalize_string(link.name_ar or "")
    new = conn.execute("SELECT 1 FROM entities WHERE id = ?", (link.id,)).fetchone() is None
    conn.execute(
        """INSERT INTO entities (id, type, name_en, name_ar, name_norm, country, sector, wikidata, lat, lon, feature)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET
             name_en = COALESCE(entities.name_en, excluded.name_en),
             name_ar = COALESCE(entities.name_ar, excluded.name_ar),
             name_norm = COALESCE(entities.name_norm, excluded.name_norm),
             country = COALESCE(entities.country, excluded.country),
             sector = COALESCE(entities.sector, excluded.sector),
             wikidata = COALESCE(entities.wikidata, excluded.wikidata),
             lat = COALESCE(entities.lat, excluded.lat),
             lon = COALESCE(entities.lon, excluded.lon),
             feature = COALESCE(entities.feature, excluded.feature)""",
        (link.id, link.type, link.name_en, link.name_ar, name_norm, link.country, link.sector, link.wikidata,
         link.lat, link.lon, link.feature),
    )
    is_place = link.type in PLACE_TYPES or link.lat is not None
    is_actor = (
        link.type in ACTOR_TYPES
        or link.id.startswith(("actor:", "country:"))
        or (link.type == "GPE" and link.feature == "country")
    ) and not link.id.startswith("place:")
    if is_actor:
        _ensure_actor(conn, link.id, link.name_en, link.country, link.sector, link.wikidata, link.name_ar)
    if is_place:
        conn.execute(
            """INSERT INTO places (id, name, name_en, name_norm, country, lat, lon, feature)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET
                 lat = COALESCE(places.lat, excluded.lat), lon = COALESCE(places.lon, excluded.lon),
                 name_en = COALESCE(places.name_en, excluded.name_en)""",
            (link.id, link.name_ar, link.name_en, name_norm, link.country, link.lat, link.lon, link.feature),
        )
    if new:
        conn.execute(
            "INSERT INTO names_fts (entity_id, kind, name_en, name_ar) VALUES (?, ?, ?, ?)",
            (link.id, link.type, (link.name_en or "").lower(), name_norm),
        )


def _ensure_actor(
    conn: sqlite3.Connection,
    actor_id: str,
    name_en: str | None,
    country: str | None,
    sector: str | None,
    wikidata: str | None,
    name_ar: str | None = None,
) -> None:
    conn.execute(
        """INSERT INTO actors (id, name_en, name_ar, name_norm, country, sector, wikidata)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET
             name_en = COALESCE(actors.name_en, excluded.name_en),
             name_ar = COALESCE(actors.name_ar, excluded.name_ar),
             name_norm = COALESCE(actors.name_norm, excluded.name_norm),
             country = COALESCE(actors.country, excluded.country),
             sector = COALESCE(actors.sector, excluded.sector),
             wikidata = COALESCE(actors.wikidata, excluded.wikidata)""",
        (actor_id, name_en, name_ar, normalize_string(name_ar) if name_ar else None, country, sector, wikidata),
    )


def _group(conn: sqlite3.Connection, kind: str, article_id: str) -> int:
    """The id of ``article_id``'s duplicate group of this kind, created (with it as first member) if needed."""
    row = conn.execute(
        "SELECT id FROM duplicate_groups WHERE article_id = ? AND kind = ?", (article_id, kind)
    ).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO duplicate_groups (kind, article_id, size, created_at) VALUES (?, ?, 1, ?)",
        (kind, article_id, now_utc()),
    )
    gid = int(cur.lastrowid or 0)
    conn.execute(
        """INSERT INTO duplicate_members (group_id, member, stored, url, source, origin, similarity, seen_at)
           SELECT ?, id, 1, url, source, origin, 1.0, ingested_at FROM articles WHERE id = ?""",
        (gid, article_id),
    )
    return gid


def _refresh_size(conn: sqlite3.Connection, gid: int) -> None:
    conn.execute(
        "UPDATE duplicate_groups SET size = (SELECT count(*) FROM duplicate_members WHERE group_id = ?) WHERE id = ?",
        (gid, gid),
    )


def _add_exact_member(conn: sqlite3.Connection, stored_id: str, article: Article, origin: str | None) -> None:
    gid = _group(conn, "exact", stored_id)
    conn.execute(
        """INSERT OR IGNORE INTO duplicate_members (group_id, member, stored, url, source, origin, similarity, seen_at)
           VALUES (?, ?, 0, ?, ?, ?, 1.0, ?)""",
        (gid, article.id, article.meta.url, article.meta.source, origin, now_utc()),
    )
    _refresh_size(conn, gid)


def _near_duplicate(conn: sqlite3.Connection, sig: dedup.Signature) -> tuple[str, float] | None:
    """The most similar stored article at or over the threshold, from the LSH candidates."""
    cands: set[str] = set()
    for i, key in enumerate(sig.bands):
        cands.update(
            str(r[0]) for r in conn.execute("SELECT article_id FROM lsh_bands WHERE band = ? AND key = ?", (i, key))
        )
    best: tuple[str, float] | None = None
    for cand in sorted(cands):
        row = conn.execute("SELECT signature FROM minhashes WHERE article_id = ?", (cand,)).fetchone()
        if row is None:
            continue
        sim = sig.similarity(dedup.Signature.values_from_bytes(row[0]))
        if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
            best = (cand, sim)
    return best


def _add_near_member(
    conn: sqlite3.Connection, other_id: str, article: Article, origin: str | None, similarity: float
) -> None:
    # Join the group the other article already belongs to, else start one around it.
    row = conn.execute(
        """SELECT g.id FROM duplicate_members m JOIN duplicate_groups g ON g.id = m.group_id
           WHERE m.member = ? AND m.stored = 1 AND g.kind = 'near' ORDER BY g.id LIMIT 1""",
        (other_id,),
    ).fetchone()
    gid = int(row[0]) if row else _group(conn, "near", other_id)
    conn.execute(
        """INSERT OR IGNORE INTO duplicate_members (group_id, member, stored, url, source, origin, similarity, seen_at)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?)""",
        (gid, article.id, article.meta.url, article.meta.source, origin, similarity, now_utc()),
    )
    _refresh_size(conn, gid)


def log_failure(
    store: Store, code: str, message: str, source: str | None = None, item: str | None = None,
    run_id: int | None = None,
) -> None:
    """Record an item that could not be ingested (its own small transaction)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO ingest_log (run_id, source, item, code, message, time) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, source, item, code, message, now_utc()),
        )


def delete_article(store: Store, article_id: str) -> bool:
    """Remove an article and everything derived from it; clusters are recounted. True when it existed."""
    from marsad.store.schema import ARTICLE_TABLES

    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return False
        clusters = [int(r[0]) for r in conn.execute(
            "SELECT DISTINCT cluster_id FROM event_mentions WHERE article_id = ?", (article_id,))]
        conn.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
        for name in ARTICLE_TABLES:
            conn.execute(f'DELETE FROM "{name}" WHERE article_id = ?', (article_id,))
        conn.execute("DELETE FROM lsh_bands WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM duplicate_members WHERE member = ? AND stored = 1", (article_id,))
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        for cid in clusters:
            cluster.refresh_cluster(conn, cid)
        conn.execute("DELETE FROM event_clusters WHERE num_mentions = 0")
        return True
