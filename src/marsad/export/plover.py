"""PLOVER JSON records for the PLOVER JSON lines export.

The record of one event comes from ``marsad.events.plover.to_plover`` when that module
is installed; otherwise from ``fallback_record`` below, which uses the PLOVER field
names of the manual's JSON table. Either way the export adds a ``marsad`` object with
the article and event ids, the offsets and the store's clustering, so a record can be
traced back to ``text[start:end]``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import cache
from typing import Any

from marsad.article import Article, Event, Participant
from marsad.export.flat import place_link
from marsad.export.gdelt import quad_class
from marsad.export.source import StoredEvent

PloverFn = Callable[[Article, Event], dict[str, Any]]


@cache
def _to_plover() -> PloverFn | None:
    if importlib.util.find_spec("marsad.events.plover") is None:
        return None
    module = importlib.import_module("marsad.events.plover")
    fn = getattr(module, "to_plover", None)
    return fn if callable(fn) else None


def _entity(article: Article, p: Participant) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "text": article.surface(p.start, p.end), "start": p.start, "end": p.end}
    if p.country:
        out["country"] = p.country
    if p.sector:
        out["sector"] = p.sector
    code = (p.country or "") + (p.sector or "")
    if code:
        out["code"] = code
    if p.actor_id:
        out["actor_id"] = p.actor_id
    if p.wikidata:
        out["wikidata"] = p.wikidata
    return out


def fallback_record(article: Article, event: Event) -> dict[str, Any]:
    """A PLOVER record built here (used when ``marsad.events.plover`` is absent)."""
    place_text, link = place_link(article, event)
    rec: dict[str, Any] = {
        "id": f"{article.id}-{event.id}",
        "date": event.date or (article.meta.published.isoformat() if article.meta.published else None),
        "actor": [_entity(article, p) for p in event.actors],
        "recipient": [_entity(article, p) for p in event.recipients],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "event_text": [article.surface(event.start, event.end)],
        "quad_code": quad_class(event.cameo, event.type),
        "coder": f"marsad {event.prov.component} {event.prov.version}",
    }
    if link is not None or place_text:
        loc: dict[str, Any] = {"name": link.name_en if link else place_text, "text": place_text}
        if link is not None:
            loc.update({"country": link.country, "lat": link.lat, "lon": link.lon, "feature": link.feature,
                        "id": link.id})
        rec["event_loc"] = loc
    return rec


def plover_record(item: StoredEvent) -> dict[str, Any]:
    """The PLOVER record of one stored event, with the ``marsad`` trace object."""
    fn = _to_plover()
    rec = dict(fn(item.article, item.event)) if fn is not None else fallback_record(item.article, item.event)
    ev = item.event
    trace = {
        "article_id": item.article.id,
        "event_id": ev.id,
        "type": ev.type,
        "cameo": ev.cameo,
        "aux": list(ev.aux),
        "date": ev.date,
        "day": item.day,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "pattern": ev.prov.pattern or ev.evidence.pattern,
        "confidence": ev.confidence,
        "cluster_id": item.cluster_id,
        "num_mentions": item.num_mentions,
        "num_articles": item.num_articles,
        "num_sources": item.num_sources,
    }
    if "cite_info" not in rec:
        a = item.article
        rec["cite_info"] = {"url": a.meta.url, "source": a.meta.source, "title": a.meta.title,
                            "published": a.meta.published.isoformat() if a.meta.published else None}
    existing = rec.get("marsad")
    rec["marsad"] = {**existing, **trace} if isinstance(existing, dict) else trace
    return rec
