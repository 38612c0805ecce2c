"""Place disambiguation: which of the places sharing a name an article means, and its ``Link``.

Candidates are scored by the article's context (the countries it mentions by name, nationality or
actor), a population prior and the source's reliability. Names that geonames alone provides are
accepted only with support: the place's country in the article plus a locative cue word before it
(``في``, ``مدينة``...) or a large population, because many of them are also common Arabic words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from marsad.article import Link
from marsad.kb.records import Place, Resources

# Words that announce a place name (matching form, after an optional و/ف).
LOCATIVE_CUES = frozenset(
    {
        "مدينه", "بمدينه", "لمدينه", "بلده", "ببلده", "قريه", "بقريه", "محافظه", "بمحافظه", "منطقه", "بمنطقه",
        "ولايه", "بولايه", "عاصمه", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "ريف",
        "بريف", "قرب", "بالقرب", "ضواحي", "حي", "بحي", "مخيم", "بمخيم",
    }
)
DOMINANCE = 10  # a candidate this many times more populous than the others wins whatever the context
GEONAMES_BIG = 1_000_000  # a geonames-only city this large needs no context
GEONAMES_CUE_FREE = 200_000  # ... this large needs its country in the article but no cue word
_COUNTRY_LIKE = frozenset({"country", "city"})


def choose(
    res: Resources,
    candidates: Iterable[int],
    context: set[str],
    *,
    ambiguous: bool = False,
    cue: bool = False,
    multiword: bool = False,
) -> Place | None:
    """The best place among ``candidates`` (indexes into ``res.places``), or None when none is supported.

    Args:
        res: Compiled resources.
        candidates: Place indexes sharing the matched name.
        context: ISO3 codes of the countries the article mentions.
        ambiguous: The name is also a common word (ambiguous.txt): require the country in context.
        cue: A locative cue word precedes the name.
        multiword: The name has more than one word (less likely to be a common word).
    """
    best: tuple[float, Place] | None = None
    cands = [res.places[i] for i in candidates]
    pops = sorted((p.population for p in cands), reverse=True)
    if len(pops) > 1 and pops[0] >= DOMINANCE * max(pops[1], 1):
        cands = [p for p in cands if p.population == pops[0] or p.source in ("country", "curated")]
    for p in cands:
        in_ctx = p.country is not None and p.country in context
        if ambiguous and not (in_ctx or (p.feature == "country" and cue)):
            continue
        if p.source in ("geonames", "arwikicats") and not (
            p.population >= GEONAMES_BIG
            or (in_ctx and (cue or multiword or p.population >= GEONAMES_CUE_FREE))
        ):
            continue
        score = (3.0 if in_ctx else 0.0) + math.log10(p.population + 10) / 10
        score += {"curated": 1.5, "country": 2.0, "arwikicats": 0.5}.get(p.source, 0.0)
        if best is None or score > best[0]:
            best = (score, p)
    return None if best is None else best[1]


def place_link(p: Place) -> Link:
    """The ``Link`` of a place: type GPE for countries and cities, LOC for other features."""
    return Link(
        id=p.id,
        name_en=p.name_en,
        name_ar=p.name_ar,
        type="GPE" if p.feature in _COUNTRY_LIKE else "LOC",
        country=p.country,
        lat=p.lat,
        lon=p.lon,
        feature=p.feature,
    )
