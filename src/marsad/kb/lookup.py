"""Look a name up in the compiled resources (``marsad actors lookup``)."""

from __future__ import annotations

import re
from typing import Any

from marsad.kb.records import ACTOR, ACTOR_SHORT, NATIONALITY, PLACE, PLACE_AMBIGUOUS, PLACE_CUE, Actor, Resources
from marsad.text.normalize import normalize_string
from marsad.text.tokens import clitic_variants

_ARABIC = re.compile("[\u0600-\u06ff]")


def actor_record(res: Resources, a: Actor) -> dict[str, Any]:
    """A JSON-ready description of an actor with its offices."""
    return {
        "id": f"actor:{a.id}",
        "kind": "person" if a.type == "PERS" else "organisation",
        "type": a.type,
        "name_en": a.name_en,
        "name_ar": a.name_ar,
        "variants": list(a.variants),
        "short": list(a.short),
        "country": a.country,
        "sector": a.sector,
        "wikidata": a.wikidata,
        "offices": [{"office": o.office, "jurisdiction": o.jurisdiction, "start": o.start, "end": o.end}
                    for o in res.offices_of(a.id)],
    }


def lookup(res: Resources, query: str, fold: bool = True) -> list[dict[str, Any]]:
    """Actors, places, nationalities and roles whose names match ``query`` (Arabic or English).

    Arabic queries match a dictionary key exactly (after normalisation, with proclitics stripped);
    English queries match a substring of the English name or the id, case-insensitively.
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    query = query.strip()
    if not query:
        return out
    if _ARABIC.search(query):
        key = " ".join(normalize_string(query, fold).split())
        hits: list[tuple[str, int]] = []
        for _, stem in clitic_variants(key):
            value = res.automaton.get(stem, None)
            if value is not None:
                hits.extend((k, i) for k, i, _ in value[1])
            if hits:
                break
    else:
        q = query.lower()
        hits = [(ACTOR, i) for i, a in enumerate(res.actors) if q in a.name_en.lower() or q in a.id]
        hits += [(PLACE, i) for i, p in enumerate(res.places)
                 if p.source in ("country", "curated") and q in p.name_en.lower()]
        hits += [(PLACE, i) for i, p in enumerate(res.places) if p.source not in ("country", "curated")
                 and p.name_en.lower() == q]
    for kind, i in hits:
        if (kind, i) in seen:
            continue
        seen.add((kind, i))
        out.append(_record(res, kind, i))
    return out


def _record(res: Resources, kind: str, i: int) -> dict[str, Any]:
    if kind in (ACTOR, ACTOR_SHORT):
        return actor_record(res, res.actors[i])
    if kind in (PLACE, PLACE_AMBIGUOUS, PLACE_CUE):
        p = res.places[i]
        return {"id": p.id, "kind": "place", "name_en": p.name_en, "name_ar": p.name_ar, "country": p.country,
                "feature": p.feature, "lat": p.lat, "lon": p.lon, "population": p.population,
                "source": p.source, "admin1": p.admin1, "rank": p.rank}
    if kind == NATIONALITY:
        n = res.nationalities[i]
        en, _ = res.country_name(n.country)
        return {"id": f"nationality:{n.country}:{n.form}", "kind": "nationality", "name_en": en, "name_ar": n.form,
                "country": n.country}
    r = res.roles[i]  # kind == ROLE: the automaton holds no other kind
    return {"id": f"role:{r.pattern}", "kind": "role", "name_en": r.office or r.sector, "name_ar": r.pattern,
            "sector": r.sector, "role": r.office}
