"""GDELT 2.0-style event rows (tab-separated, the 61 event columns in GDELT order).

Columns Marsad has nothing for (religion, ethnic and known-group codes of persons,
actor geography, ADM codes, tone, Goldstein scale) are left empty, so a tool that
reads GDELT event files by position reads these files too. Where Marsad's codes
differ from GDELT's they are documented in ``docs/EXPORTS.md`` (countries are
ISO 3166 alpha-3 everywhere; ActionGeo_FeatureID is a GeoNames id).
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache

from marsad.export.flat import ExportColumn, place_link
from marsad.export.source import StoredEvent

_S = "string"


def _g(name: str, doc: str, type: str = _S) -> ExportColumn:
    return ExportColumn(name, type, doc)


_EMPTY = "Always empty (Marsad does not code it)"


def _actor_cols(n: int) -> tuple[ExportColumn, ...]:
    role = "actor" if n == 1 else "recipient"
    return (
        _g(f"Actor{n}Code", f"Country code followed by sector code of the first {role} (RUSGOV)"),
        _g(f"Actor{n}Name", f"Name of the first {role}"),
        _g(f"Actor{n}CountryCode", f"ISO 3166 alpha-3 country of the first {role}, if it is a state"),
        _g(f"Actor{n}KnownGroupCode", f"PLOVER non-state code of the first {role} (IGO, UNO, NGO ...)"),
        _g(f"Actor{n}EthnicCode", _EMPTY),
        _g(f"Actor{n}Religion1Code", _EMPTY),
        _g(f"Actor{n}Religion2Code", _EMPTY),
        _g(f"Actor{n}Type1Code", f"PLOVER sector of the first {role} (GOV, MIL ...)"),
        _g(f"Actor{n}Type2Code", _EMPTY),
        _g(f"Actor{n}Type3Code", _EMPTY),
    )


def _geo_cols(prefix: str, empty: bool) -> tuple[ExportColumn, ...]:
    if empty:
        return tuple(_g(f"{prefix}_{n}", _EMPTY) for n in
                     ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))
    return (
        _g(f"{prefix}_Type", "1 country, 2 US state, 3 US city, 4 world city, 5 world region/state (from the "
           "place's feature type); empty when unknown", "int64"),
        _g(f"{prefix}_FullName", "English name of the event's place, with its country for a place inside one"),
        _g(f"{prefix}_CountryCode", "ISO 3166 alpha-3 country of the place (GDELT uses FIPS 10-4 here)"),
        _g(f"{prefix}_ADM1Code", _EMPTY),
        _g(f"{prefix}_ADM2Code", _EMPTY),
        _g(f"{prefix}_Lat", "Latitude of the place", "float64"),
        _g(f"{prefix}_Long", "Longitude of the place", "float64"),
        _g(f"{prefix}_FeatureID", "GeoNames id of the place, else its Marsad place id"),
    )


COLUMNS: tuple[ExportColumn, ...] = (
    _g("GlobalEventID", "Stable 63-bit integer from sha256(article_id + '/' + event_id)", "int64"),
    _g("Day", "Event day YYYYMMDD: the event's full date, else the article's publication date", "int64"),
    _g("MonthYear", "YYYYMM of that day (or of a month-only event date)", "int64"),
    _g("Year", "YYYY of that day (or of a month- or year-only event date)", "int64"),
    _g("FractionDate", "Year + day of year / 365, four decimals (empty without a full day)", "float64"),
    *_actor_cols(1),
    *_actor_cols(2),
    _g("IsRootEvent", "1 when the event is in the headline or the first paragraph, else 0", "int64"),
    _g("EventCode", "CAMEO event code"),
    _g("EventBaseCode", "First three digits of the CAMEO code"),
    _g("EventRootCode", "First two digits of the CAMEO code"),
    _g("QuadClass", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (from "
       "the CAMEO root as GDELT does; from the PLOVER type when there is no CAMEO code)", "int64"),
    _g("GoldsteinScale", "Always empty (Marsad ships no CAMEO Goldstein table)", "float64"),
    _g("NumMentions", "Mentions of the clustered event in the store (1 when not clustered)", "int64"),
    _g("NumSources", "Distinct sources of the clustered event (1 when not clustered)", "int64"),
    _g("NumArticles", "Articles reporting the clustered event (1 when not clustered)", "int64"),
    _g("AvgTone", "Always empty (Marsad does not measure tone)", "float64"),
    *_geo_cols("Actor1Geo", True),
    *_geo_cols("Actor2Geo", True),
    *_geo_cols("ActionGeo", False),
    _g("DATEADDED", "UTC time the article was stored, YYYYMMDDHHMMSS", "int64"),
    _g("SOURCEURL", "URL of the article (empty when unknown)"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable positive 63-bit id for one article's event."""
    digest = hashlib.sha256(f"{article_id}/{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@cache
def _is_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


@cache
def _country_name(code: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return None if c is None else str(getattr(c, "common_name", None) or c.name)


def quad_class(cameo: str | None, plover_type: str) -> int | None:
    """GDELT's quad class from the CAMEO root (01-05, 06-08, 09-13, 14-20), else from the PLOVER type."""
    if cameo and cameo[:2].isdigit():
        root = int(cameo[:2])
        if 1 <= root <= 5:
            return 1
        if 6 <= root <= 8:
            return 2
        if 9 <= root <= 13:
            return 3
        if 14 <= root <= 20:
            return 4
    from marsad.errors import ResourceError
    from marsad.events.ontology import quad_class as plover_quad

    try:
        return plover_quad(plover_type)
    except ResourceError:
        return None


def _date_fields(day: str | None) -> tuple[str, str, str, str]:
    """Day, MonthYear, Year, FractionDate of an ISO date, month or year."""
    if not day:
        return "", "", "", ""
    if len(day) >= 10:
        try:
            d = date.fromisoformat(day[:10])
        except ValueError:
            return "", "", "", ""
        frac = d.year + d.timetuple().tm_yday / 365
        return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}"
    if len(day) >= 7 and day[:4].isdigit() and day[5:7].isdigit():
        return "", day[:4] + day[5:7], day[:4], ""
    if day[:4].isdigit():
        return "", "", day[:4], ""
    return "", "", "", ""


def _actor(name: str | None, country: str | None, sector: str | None) -> list[str]:
    state = country if country and _is_country(country) else None
    group = country if country and not state else None
    code = (country or "") + (sector or "")
    return [code, name or "", state or "", group or "", "", "", "", sector or "", "", ""]


def _geo_type(feature: str | None, country: str | None) -> str:
    f = (feature or "").lower()
    if f == "country":
        return "1"
    if f in ("city", "town", "village", "capital", "populated_place", "ppl"):
        return "3" if country == "USA" else "4"
    if f in ("region", "state", "province", "governorate", "adm1"):
        return "2" if country == "USA" else "5"
    return ""


def _is_root(item: StoredEvent) -> bool:
    a, ev = item.article, item.event
    sent = next((s for s in a.sentences or () if s.id == ev.sentence), None)
    blocks = a.structure or []
    if sent is None or sent.block is None or not blocks:
        sentences = a.sentences or []
        return bool(sentences) and sentences[0].id == ev.sentence
    block = next((b for b in blocks if b.id == sent.block), None)
    if block is None:
        return False
    if block.kind == "headline":
        return True
    first_par = next((b for b in blocks if b.kind == "paragraph"), None)
    return first_par is not None and first_par.id == block.id


def _num(v: float | None) -> str:
    return "" if v is None else repr(float(v))


def gdelt_row(item: StoredEvent) -> list[str]:
    """The 61 GDELT columns of one stored event, as strings (empty for none)."""
    a, ev = item.article, item.event
    day, month, year, frac = _date_fields(item.day or ev.date)
    if not year:
        day, month, year, frac = _date_fields(ev.date)
    actor = ev.actors[0] if ev.actors else None
    rec = ev.recipients[0] if ev.recipients else None
    a1 = _actor(actor.name, actor.country, actor.sector) if actor else [""] * 10
    a2 = _actor(rec.name, rec.country, rec.sector) if rec else [""] * 10
    cameo = ev.cameo or ""
    quad = quad_class(ev.cameo, ev.type)
    _, link = place_link(a, ev)
    if link is not None:
        full = link.name_en or link.name_ar or ""
        cname = _country_name(link.country) if link.country else None
        if cname and (link.feature or "").lower() != "country" and cname != full:
            full = f"{full}, {cname}" if full else cname
        feature_id = link.id.rsplit(":", 1)[-1] if link.id.startswith("place:geonames:") else link.id
        geo = [_geo_type(link.feature, link.country), full, link.country or "", "", "", _num(link.lat),
               _num(link.lon), feature_id]
    else:
        geo = [""] * 8
    added = ""
    if item.ingested_at:
        digits = "".join(ch for ch in item.ingested_at if ch.isdigit())
        added = digits[:14]
    return [
        str(global_event_id(a.id, ev.id)), day, month, year, frac,
        *a1, *a2,
        "1" if _is_root(item) else "0",
        cameo, cameo[:3], cameo[:2],
        "" if quad is None else str(quad),
        "",
        str(item.num_mentions or 1), str(item.num_sources or 1), str(item.num_articles or 1),
        "",
        *([""] * 8), *([""] * 8),
        *geo,
        added,
        a.meta.url or "",
    ]
