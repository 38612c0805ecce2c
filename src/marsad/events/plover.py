"""PLOVER JSON records for Marsad events (field names from the PLOVER manual's "Data Fields" chapter)."""

from __future__ import annotations

from functools import cache
from typing import Any

from marsad.article import Article, Event, Participant
from marsad.events import ontology

CODEBOOK = "plover-2021.09"


@cache
def country_name(code: str | None) -> str | None:
    """English short name of an ISO 3166 alpha-3 code or a PLOVER non-state code (``IGO``, ``UNO`` ...)."""
    if not code:
        return None
    if code in ontology.NON_STATE:
        return ontology.NON_STATE[code]
    if code == "KOS":
        return "Kosovo"
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):  # pragma: no cover - pycountry is a dependency
        return None
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def _actor(article: Article, p: Participant) -> dict[str, Any]:
    return {
        "raw_text": article.text[p.start:p.end],
        "entity_name": p.name,
        "wikidata_id": p.wikidata,
        "country_name": country_name(p.country),
        "country_code": p.country,
        "sector_code": p.sector,
        "identifier_id": p.actor_id,
        "entity_id": p.entity,
        "start": p.start,
        "end": p.end,
    }


def _sentence_text(article: Article, event: Event) -> str:
    for s in article.sentences or ():
        if s.id == event.sentence:
            return article.text[s.start:s.end]
    return article.text[event.start:event.end]


def to_plover(article: Article, event: Event) -> dict[str, Any]:
    """One event as a PLOVER record, with Marsad's provenance under ``marsad``.

    Args:
        article: The article the event was coded from (for surfaces, places, dates).
        event: The event.
    """
    etype = ontology.event_type(event.type)
    rec: dict[str, Any] = {
        "id": f"{article.id}-{event.id}",
        "date": event.date or (article.meta.published.isoformat() if article.meta.published else None),
        "event": [event.type],
        "event_type": event.type,
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "aux": list(event.aux),
        "cameo": event.cameo,
        "cameo_text": ontology.cameo(event.cameo).description if event.cameo in ontology.cameo_table() else None,
        "quad_code": etype.quad,
        "event_scale": etype.score,
        "actor": [_actor(article, p) for p in event.actors],
        "recipient": [_actor(article, p) for p in event.recipients],
        "event_text": [article.text[event.start:event.end]],
        "text": _sentence_text(article, event),
        "text_info": {"start": event.start, "end": event.end, "sentence": event.sentence},
        "coder": f"marsad {event.prov.component} {event.prov.version}",
        "codebook": CODEBOOK,
    }
    place = article.entity(event.place) if event.place else None
    if place is not None:
        link = place.link
        rec["event_loc"] = {
            "extracted_place": article.text[place.start:place.end],
            "name": link.name_en if link else article.text[place.start:place.end],
            "resolved_place": link.name_en if link else None,
            "lat": link.lat if link else None,
            "lon": link.lon if link else None,
            "country_code": link.country if link else None,
            "feature": link.feature if link else None,
            "entity_id": place.id,
        }
    ev = event.evidence
    rec["marsad"] = {
        "article_id": article.id,
        "text_sha256": article.sha256,
        "start": event.start,
        "end": event.end,
        "component": event.prov.component,
        "version": event.prov.version,
        "pattern": event.prov.pattern,
        "confidence": event.confidence,
        "quote": event.quote,
        "time": event.time,
        "predicate": {"start": ev.predicate.start, "end": ev.predicate.end,
                      "text": article.text[ev.predicate.start:ev.predicate.end], "lemma": ev.lemma},
        "notes": list(ev.notes),
    }
    return rec
