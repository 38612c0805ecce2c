"""Hand-made articles for the events and quotes tests: a small dictionary of entities we link by hand.

``article(text)`` builds an Article with sentences (the project's splitter), times
(the times component when it is present) and entities found by exact match of the
names below, so the coder is tested without the NER model.
"""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from functools import cache

from marsad.article import Article, Entity, Link, Meta, Provenance, Sentence
from marsad.settings import Settings

PROV = Provenance("test", "0")


def _l(id_: str, en: str, ar: str, type_: str, country: str | None, sector: str | None = None,
       wikidata: str | None = None, lat: float | None = None, lon: float | None = None,
       feature: str | None = None) -> Link:
    return Link(id_, en, ar, type_, country, sector, None, wikidata, lat, lon, feature)


PUTIN = _l("actor:putin_vladimir", "Vladimir Putin", "فلاديمير بوتين", "PERS", "RUS", "GOV", "Q7747")
ASSAD = _l("actor:assad_bashar", "Bashar al-Assad", "بشار الأسد", "PERS", "SYR", "GOV", "Q44329")
ERDOGAN = _l("actor:erdogan_recep", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "PERS", "TUR", "GOV", "Q39259")
KREMLIN = _l("org:kremlin", "Kremlin", "الكرملين", "ORG", "RUS", "GOV")


def _country(iso: str, en: str, ar: str) -> Link:
    return _l(f"place:{iso.lower()}", en, ar, "LOC", iso, None, None, None, None, "country")


# iso3: (English name, Arabic names, nationality adjective stem without ال and ي)
NATIONS = {
    "RUS": ("Russia", ["روسيا"], "روس"), "SYR": ("Syria", ["سوريا"], "سور"),
    "TUR": ("Turkey", ["تركيا", "أنقرة"], "ترك"),
    "IRN": ("Iran", ["إيران", "طهران"], "إيران"), "ISR": ("Israel", ["إسرائيل"], "إسرائيل"),
    "EGY": ("Egypt", ["مصر", "القاهرة"], "مصر"), "JOR": ("Jordan", ["الأردن"], "أردن"),
    "SAU": ("Saudi Arabia", ["السعودية", "الرياض"], "سعود"), "QAT": ("Qatar", ["قطر"], "قطر"),
    "LBN": ("Lebanon", ["لبنان"], "لبنان"), "IRQ": ("Iraq", ["العراق", "بغداد"], "عراق"),
    "FRA": ("France", ["فرنسا", "باريس"], "فرنس"), "DEU": ("Germany", ["ألمانيا", "برلين"], "ألمان"),
    "CHN": ("China", ["الصين", "بكين"], "صين"), "YEM": ("Yemen", ["اليمن"], "يمن"), "LBY": ("Libya", ["ليبيا"], "ليب"),
    "ARE": ("United Arab Emirates", ["الإمارات"], "إمارات"), "KWT": ("Kuwait", ["الكويت"], "كويت"),
    "USA": ("United States", ["الولايات المتحدة", "واشنطن"], "أمريك"), "SWE": ("Sweden", ["السويد"], "سويد"),
    "UKR": ("Ukraine", ["أوكرانيا"], "أوكران"), "PAK": ("Pakistan", ["باكستان"], "باكستان"),
    "CAN": ("Canada", ["كندا"], "كند"), "GBR": ("United Kingdom", ["بريطانيا", "لندن"], "بريطان"),
    "PRK": ("North Korea", ["كوريا الشمالية"], "كوري الشمال"), "VEN": ("Venezuela", ["فنزويلا"], "فنزويل"),
    "TUN": ("Tunisia", ["تونس"], "تونس"), "MAR": ("Morocco", ["المغرب"], "مغرب"),
    "SDN": ("Sudan", ["السودان"], "سودان"),
    "ETH": ("Ethiopia", ["إثيوبيا"], "إثيوب"), "NLD": ("Netherlands", ["هولندا"], "هولند"),
    "BHR": ("Bahrain", ["البحرين"], "بحرين"), "PSE": ("Palestine", ["فلسطين"], "فلسطين"),
    "DZA": ("Algeria", ["الجزائر"], "جزائر"),
}
COUNTRIES = {name: _country(iso, en, names[0]) for iso, (en, names, _adj) in NATIONS.items() for name in names}
PLACES = {
    "سوتشي": _l("place:sochi", "Sochi", "سوتشي", "LOC", "RUS", None, "Q934", 43.5992, 39.7257, "city"),
    "دمشق": _l("place:damascus", "Damascus", "دمشق", "LOC", "SYR", None, None, 33.5102, 36.2913, "city"),
    "موسكو": _l("place:moscow", "Moscow", "موسكو", "LOC", "RUS", None, None, 55.7558, 37.6173, "city"),
    "غزة": _l("place:gaza", "Gaza", "غزة", "LOC", "PSE", None, None, 31.5017, 34.4668, "city"),
    "عمان": _l("place:amman", "Amman", "عمان", "LOC", "JOR", None, None, 31.9539, 35.9106, "city"),
    "إدلب": _l("place:idlib", "Idlib", "إدلب", "LOC", "SYR", None, None, 35.9306, 36.6339, "city"),
}


def _p(id_: str, en: str, iso: str, sector: str = "GOV", wd: str | None = None) -> Link:
    return _l(f"actor:{id_}", en, "", "PERS", iso, sector, wd)


PEOPLE = {
    "فلاديمير بوتين": PUTIN, "فلاديمير بوتن": PUTIN, "بوتين": PUTIN, "بوتن": PUTIN,
    "بشار الأسد": ASSAD, "الأسد": ASSAD, "رجب طيب أردوغان": ERDOGAN, "أردوغان": ERDOGAN,
    "دونالد ترامب": _p("trump_donald", "Donald Trump", "USA"), "ترامب": _p("trump_donald", "Donald Trump", "USA"),
    "إيمانويل ماكرون": _p("macron", "Emmanuel Macron", "FRA"), "ماكرون": _p("macron", "Emmanuel Macron", "FRA"),
    "ميركل": _p("merkel", "Angela Merkel", "DEU"), "نتنياهو": _p("netanyahu", "Benjamin Netanyahu", "ISR"),
    "حسن روحاني": _p("rouhani", "Hassan Rouhani", "IRN"), "روحاني": _p("rouhani", "Hassan Rouhani", "IRN"),
    "محمد جواد ظريف": _p("zarif", "Mohammad Javad Zarif", "IRN"),
    "سيرغي لافروف": _p("lavrov", "Sergey Lavrov", "RUS"),
    "مولود جاويش أوغلو": _p("cavusoglu", "Mevlut Cavusoglu", "TUR"),
    "عبد الفتاح السيسي": _p("sisi", "Abdel Fattah el-Sisi", "EGY"), "محمود عباس": _p("abbas", "Mahmoud Abbas", "PSE"),
    "الملك عبد الله الثاني": _p("abdullah2", "Abdullah II", "JOR"), "شي جين بينغ": _p("xi", "Xi Jinping", "CHN"),
    "سعد الحريري": _p("hariri", "Saad Hariri", "LBN"), "ريكس تيلرسون": _p("tillerson", "Rex Tillerson", "USA"),
    "أنطونيو غوتيريش": _p("guterres", "Antonio Guterres", "UNO", "GOV"), "فتح الله غولن": _p("gulen", "Fethullah Gulen",
                                                                                         "TUR", "OPP"),
}


def _o(id_: str, en: str, country: str | None, sector: str | None = None) -> Link:
    return _l(f"org:{id_}", en, "", "ORG", country, sector)


ORGS = {
    "الكرملين": KREMLIN, "الأمم المتحدة": _o("un", "United Nations", "UNO"), "حماس": _o("hamas", "Hamas", "PSE", "REB"),
    "حزب الله": _o("hezbollah", "Hezbollah", "LBN", "REB"), "داعش": _o("isis", "Islamic State", "IMG", "REB"),
    "الحوثيين": _o("houthis", "Houthis", "YEM", "REB"), "الحوثيون": _o("houthis", "Houthis", "YEM", "REB"),
    "جماعة الحوثي": _o("houthis", "Houthis", "YEM", "REB"), "الجامعة العربية": _o("arab_league", "Arab League", "IGO"),
    "الاتحاد الأوروبي": _o("eu", "European Union", "EUR"), "مجلس الأمن": _o("unsc", "UN Security Council", "UNO"),
    "حلف الناتو": _o("nato", "NATO", "IGO"), "قوات سوريا الديمقراطية": _o("sdf", "SDF", "SYR", "REB"),
    "صندوق النقد الدولي": _o("imf", "IMF", "IGO"), "الصليب الأحمر": _o("icrc", "ICRC", "NGO"),
    "تنظيم القاعدة": _o("aq", "al-Qaeda", "IMG", "REB"), "حركة فتح": _o("fatah", "Fatah", "PSE", "PTY"),
    "الإنتربول": _o("interpol", "Interpol", "IGO"), "اليونيفيل": _o("unifil", "UNIFIL", "UNO"),
    "التحالف": _o("coalition", "Saudi-led coalition", "SAU", "MIL"),
}
ROLE_SECTORS = {
    "الرئيس": "GOV", "رئيس الوزراء": "GOV", "وزير الخارجية": "GOV", "وزير الدفاع": "GOV", "العاهل": "GOV",
    "الحكومة": "GOV", "السلطات": "GOV", "الجيش": "MIL", "القوات": "MIL", "الطائرات": "MIL", "الشرطة": "COP",
    "قوات الأمن": "COP", "البحرية": "MIL", "الدفاعات": "MIL", "الأجهزة الأمنية": "SPY", "الخارجية": "GOV",
    "وزارة الدفاع": "GOV", "وزارة الخارجية": "GOV", "محكمة": "JUD", "السفير": "GOV", "ولي العهد": "GOV",
    "أمير": "GOV", "الجانبان": "GOV",
}
AGENTS: dict[str, Link] = {
    "نظيره السوري": ASSAD, "نظيره الروسي": PUTIN, "الرئيس الروسي": PUTIN, "الرئيس السوري": ASSAD,
    "الرئيس التركي": ERDOGAN, "المتظاهرون": _o("cvl", "protesters", None, "CVL"),
    "المحتجون": _o("cvl", "protesters", None, "CVL"), "المتظاهرين": _o("cvl", "protesters", None, "CVL"),
    "متظاهرون": _o("cvl", "protesters", None, "CVL"), "المحتجين": _o("cvl", "protesters", None, "CVL"),
    "العمال": _o("lab", "workers", None, "LAB"), "الطلاب": _o("edu", "students", None, "EDU"),
    "الأطباء": _o("med", "doctors", None, "MED"), "الكاتب": _o("jrn", "writer", None, "JRN"),
    "الناقد": _o("jrn", "critic", None, "JRN"), "مسلحون": _o("uaf", "gunmen", None, "UAF"),
    "مسلحو": _o("uaf", "gunmen", None, "UAF"), "انتحاري": _o("uaf", "suicide bomber", None, "UAF"),
    "الأحزاب المعارضة": _o("opp", "opposition parties", None, "OPP"), "المعارضة": _o("opp", "opposition", None, "OPP"),
    "القادة العسكريين": _o("mil", "military commanders", None, "MIL"),
    "نقابة المعلمين": _o("lab", "teachers union", None, "LAB"),
    "الأمين العام للأمم المتحدة": _o("un_sg", "UN Secretary-General", "UNO", None),
    "الأسرى الفلسطينيون": _o("pse_cvl", "Palestinian prisoners", "PSE", "CVL"),
    "شرطي تركي": _o("tur_cop", "Turkish police", "TUR", "COP"), "المحكمة": _o("jud", "court", None, "JUD"),
}
for _iso, (_en, _names, _adj) in NATIONS.items():
    for _role, _sector in ROLE_SECTORS.items():
        for _suffix in ("ي", "ية", "يين", "يون"):
            _lk = _l(f"agent:{_iso}:{_sector}", f"{_en} {_sector}", "", "ORG", _iso, _sector)
            AGENTS.setdefault(f"{_role} {'ال' + _adj if ' ' not in _adj else 'ال' + _adj.replace(' ', ' ال')}{_suffix}"
                              , _lk)
    for _suffix in ("ي", "ية", "يون", "يين"):
        AGENTS.setdefault("ال" + _adj + _suffix, _l(f"agent:{_iso}:CVL", f"{_en} people", "", "ORG", _iso, None))


def _table() -> list[tuple[str, str, Link]]:
    rows = [(k, "PERS", v) for k, v in PEOPLE.items()]
    rows += [(k, "LOC", v) for k, v in {**COUNTRIES, **PLACES}.items()]
    rows += [(k, "ORG", v) for k, v in ORGS.items()]
    rows += [(k, "AGENT", v) for k, v in AGENTS.items()]
    return sorted(rows, key=lambda r: -len(r[0]))


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[str, Link]]]:
    table: dict[str, tuple[str, Link]] = {}
    for name, label, link in _table():
        for v in {name, name.replace("أ", "ا").replace("إ", "ا")}:
            table.setdefault(v, (label, link))
            if v.startswith("ال"):
                table.setdefault(v[2:], (label, link))  # after ل+ال written لل
    alts = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:[وفبلك]|وب|ول|وال|بال|فال|لل|ال)??({alts})(?![^\W\d_])"), table


def find_entities(text: str) -> list[Entity]:
    """Entities by exact, longest-first match of the names above (a proclitic may precede a name)."""
    pat, table = _matcher()
    found: list[tuple[int, int, str, Link]] = []
    for m in pat.finditer(text):
        key = m.group(1)
        s, e = m.span(1)
        pre = text[m.start():s]
        if key in table and not (key not in _table_keys() and not pre.endswith("ل")):
            label, link = table[key]
            found.append((s, e, label, link))
    return [Entity(f"e{i + 1}", s, e, label, "gazetteer", PROV, link) for i, (s, e, label, link) in enumerate(found)]


@cache
def _table_keys() -> frozenset[str]:
    return frozenset(v for name, _l, _k in _table() for v in (name, name.replace("أ", "ا").replace("إ", "ا")))


def article(text: str, published: date | None = date(2017, 11, 21), quotes: bool = True,
            entities: list[Entity] | None = None) -> Article:
    """An article with sentences, times (when available), hand-linked entities and quotes."""
    art = Article("", text, Meta(published=published))
    settings = Settings()
    if importlib.util.find_spec("marsad.text.sentences") is not None:
        from marsad.text import sentences, structure

        structure.make_component(settings)(art)
        sentences.make_component(settings)(art)
    else:  # pragma: no cover
        art.sentences = [Sentence("s1", 0, len(text), None, PROV)]
    art.entities = find_entities(text) if entities is None else entities
    art.times = []
    if importlib.util.find_spec("marsad.times.component") is not None:
        from marsad.times import component as times

        times.make_component(settings)(art)
    art.quotes = []
    if quotes:
        from marsad.quotes import component as q

        q.make_component(settings)(art)
    return art


def code(text: str, published: date | None = date(2017, 11, 21)) -> Article:
    """``article(text)`` with the events layer."""
    from marsad.events.component import make_component

    art = article(text, published)
    make_component(Settings())(art)
    return art
