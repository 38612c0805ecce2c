"""English (Latin) forms of Arabic personal names that the knowledge base does not hold.

A name that links to no actor still gets a readable English name (``أيمن الشريف`` → ``Ayman al-Sharif``-like).
Two sources, tried in order:

1. the name-unit table of the ``arabic-name-romanizer`` package (MIT code; data from Wikidata, CC0): 82,377
   Arabic name units with the Latin forms people of each country write, and 86,739 full names. It is read
   directly from the package's SQLite file (we do not run its neural model). Among the Latin forms of a unit
   the one written in the preferred countries (the article's country first, then the Gulf and the Levant, then
   Egypt, then the rest) and without diacritics wins, then the most frequent;
2. for a name that reads as a foreign one (:func:`name_origin`), a unit whose consonant skeleton
   (:mod:`marsad.kb.translit`) is that of a Latin given name or surname of the US census lists the ``names``
   package ships (MIT; 88,799 surnames, 5,494 given names) takes the most frequent such name (``كوتون`` →
   Cotton, ``ديمبسي`` → Dempsey), marked ``latin_names``: a Western name spelled in Arabic letter by letter
   is found again with its own consonants (c/k, ck, doubled letters) that letters alone cannot give;
3. letter-by-letter transliteration of our own for a unit the table lacks (long vowels only; short vowels are
   not written in Arabic, so the result is a readable guess, marked by ``Romanized.rule``).

The article (``ال``) becomes ``al-`` (``Al-`` at the start of a name); ``عبد``/``أبو``/``بن`` join the unit that
follows them and ``الله``/``الدين`` the one before (``عبد الله``, ``سيف الدين``).
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
_PARTICLES = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ال", "ذو"})
_AFTER = frozenset({"الله", "الدين"})

#: Countries whose spelling is preferred when the article's own country has none (ISO alpha-2, as the table).
PREFERRED = ("SA", "AE", "KW", "QA", "BH", "OM", "YE", "JO", "PS", "SY", "LB", "IQ", "EG", "SD", "LY")
_ALPHA3_TO_2 = {"SAU": "SA", "ARE": "AE", "KWT": "KW", "QAT": "QA", "BHR": "BH", "OMN": "OM", "YEM": "YE",
                "JOR": "JO", "PSE": "PS", "SYR": "SY", "LBN": "LB", "IRQ": "IQ", "EGY": "EG", "SDN": "SD",
                "LBY": "LY", "TUN": "TN", "DZA": "DZ", "MAR": "MA", "MRT": "MR"}

# The form the region's English-language newspapers write where it differs from the table's choice (Wikidata's
# «Muhammad» is the scholarly one; Arab News, Saudi Gazette and SPA write «Mohammed», and so do the wires for
# Egyptians, Iraqis or Sudanese named in Gulf papers, where the table would pick «Mohamed» or «Mohamad»).
_NEWSPAPER = {("محمد", c): "Mohammed" for c in ("SA", "AE", "KW", "QA", "BH", "OM", "YE", "JO", "PS", "SY", "LB",
                                               "IQ", "EG", "SD", "LY")}
# Gulf papers' forms of common Saudi and Gulf name units where the table picks another (Fahad, Muteb, Sultane).
_NEWSPAPER.update({(u, c): lat for c in ("SA", "AE", "KW", "QA", "BH", "OM") for u, lat in (
    ("فهد", "Fahd"), ("متعب", "Mutaib"), ("سلطان", "Sultan"), ("عبد الرحمن", "Abdulrahman"),
    ("عبد الاله", "Abdulilah"), ("عبد المجيد", "Abdulmajeed"), ("عبد العزيز", "Abdulaziz"), ("مشاري", "Mishari"),
    ("الشمري", "al-Shammari"))})

# Gulf papers write a compound «عبد ال…» as one word with «Abdul» (Abdulwahab, Abdulrahim), where the table may
# give the scholarly «Abd al-Wahhab».
_GULF = frozenset({"SA", "AE", "KW", "QA", "BH", "OM"})
_ABD_AL = re.compile(r"\bAbd[ -]?(?:al|Al|ul|Ul)[- ]([A-Z][a-z]+)\b")

# Given names of Western people as English-language papers write them, where the table (built from Arab
# countries' spellings) picks another form or has none (Jorge for George, Tomas, Erik; Stifn for Steven).
_WESTERN_GIVEN = {
    "جورج": "George", "توماس": "Thomas", "إريك": "Eric", "ريك": "Rick", "ستيفن": "Steven", "سوزان": "Susan",
    "سكوت": "Scott", "يواكيم": "Joachim", "كارلي": "Carly", "خوسيه": "José", "خورخي": "Jorge", "ميكي": "Mickey",
    "جيف": "Jeff", "كريستوفر": "Christopher", "براين": "Brian", "هيلاري": "Hillary", "جيب": "Jeb",
    "دونالد": "Donald", "بيرني": "Bernie", "ألبرتو": "Alberto", "فرانسوا": "François", "ألكسندر": "Alexander",
    "سيرغي": "Sergei", "إليزابيث": "Elizabeth", "جنيفر": "Jennifer", "تيد": "Ted", "لاري": "Larry",
    "ستيوارت": "Stuart", "وليام": "William", "جوزيف": "Joseph", "دانيال": "Daniel", "ماركو": "Marco",
    "إيما": "Emma", "ماثيو": "Matthew", "أنجيلا": "Angela", "فرانك": "Frank", "روبن": "Robin",
    # common given names of English-, Spanish-, Portuguese-, Italian-, French-, German- and Russian-speaking
    # people in the spellings Arabic papers use most (none of them an Arabic name unit)
    "جون": "John", "جيمس": "James", "روبرت": "Robert", "مايكل": "Michael", "ديفيد": "David", "ريتشارد": "Richard",
    "تشارلز": "Charles", "أنتوني": "Anthony", "مارك": "Mark", "بول": "Paul", "أندرو": "Andrew", "كيفن": "Kevin",
    "إدوارد": "Edward", "رونالد": "Ronald", "تيموثي": "Timothy", "جيسون": "Jason", "جيفري": "Jeffrey",
    "جاكوب": "Jacob", "جيكوب": "Jacob", "غاري": "Gary", "نيكولاس": "Nicholas", "جوناثان": "Jonathan",
    "جاستن": "Justin", "براندون": "Brandon", "بنجامين": "Benjamin", "غريغوري": "Gregory", "باتريك": "Patrick",
    "جاك": "Jack", "دينيس": "Dennis", "هنري": "Henry", "دوغلاس": "Douglas", "بيتر": "Peter", "والتر": "Walter",
    "هارولد": "Harold", "كارل": "Karl", "جيريمي": "Jeremy", "كيث": "Keith", "روجر": "Roger", "شون": "Sean",
    "آرثر": "Arthur", "لورانس": "Lawrence", "ألبرت": "Albert", "رالف": "Ralph", "فنسنت": "Vincent",
    "راسل": "Russell", "مايك": "Mike", "جيم": "Jim", "كريس": "Chris", "توم": "Tom", "تيم": "Tim", "داني": "Danny",
    "آشلي": "Ashley", "أشلي": "Ashley", "باتريشيا": "Patricia", "ليندا": "Linda", "باربرا": "Barbara",
    "جيسيكا": "Jessica", "كارين": "Karen", "نانسي": "Nancy", "ليزا": "Lisa", "مارغريت": "Margaret",
    "ساندرا": "Sandra", "كارول": "Carol", "إميلي": "Emily", "أماندا": "Amanda", "ميليسا": "Melissa",
    "ستيفاني": "Stephanie", "ريبيكا": "Rebecca", "لورا": "Laura", "هيلين": "Helen", "كاثرين": "Catherine",
    "سامانثا": "Samantha", "سمانثا": "Samantha", "ويندي": "Wendy", "فيكتوريا": "Victoria", "جوليا": "Julia",
    "ماركوس": "Marcos", "دييغو": "Diego", "دييجو": "Diego", "أليخاندرو": "Alejandro", "خوان": "Juan",
    "كارلوس": "Carlos", "بيدرو": "Pedro", "أنطونيو": "Antonio", "فرناندو": "Fernando", "ميغيل": "Miguel",
    "رافائيل": "Rafael", "سيرجيو": "Sergio", "فرانسيسكو": "Francisco", "أرتورو": "Arturo", "تياغو": "Thiago",
    "تياجو": "Thiago", "خاميس": "James", "خاميز": "James", "أوخينيو": "Eugenio", "إيكر": "Iker",
    "فلاديمير": "Vladimir", "ديمتري": "Dmitry", "إيغور": "Igor", "بوريس": "Boris", "رومان": "Roman",
    "نيكولاي": "Nikolai", "هانز": "Hans", "كلاوس": "Klaus", "يورغن": "Jürgen", "جوزيبي": "Giuseppe",
    "لوكا": "Luca", "ماتيو": "Matteo", "باولو": "Paolo", "جيوفاني": "Giovanni", "بيير": "Pierre",
    "لوران": "Laurent", "إيمانويل": "Emmanuel", "مانويل": "Manuel", "هيروشي": "Hiroshi", "فيكتور": "Victor",
    "ريتشي": "Richie", "مورغان": "Morgan", "مارتن": "Martin", "ستيف": "Steve", "جيرارد": "Gérard",
}

# Our own letter map for units the table lacks: consonants and long vowels.
_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "", "ؤ": "",
}


@dataclass(frozen=True, slots=True)
class Romanized:
    """An English form and how it was made: ``table`` (every unit found), ``mixed`` or ``letters``."""

    latin: str
    rule: str


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("ـ", "")
    return _DIACRITICS.sub("", text).translate(_FOLD).strip()


@cache
def _western() -> dict[str, str]:
    return {_key(k): v for k, v in _WESTERN_GIVEN.items()}


def units(name: str) -> list[str]:
    """The name units of an Arabic name (folded), particles joined to their neighbour."""
    toks: list[str] = []
    for t in _key(name).split():
        if t.startswith("عبدال") and len(t) >= 7:
            toks += ["عبد", t[3:]]
        else:
            toks.append(t)
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i
        while toks[j] in _PARTICLES and j + 1 < len(toks):
            j += 1
        unit = " ".join(toks[i : j + 1])
        i = j + 1
        while i < len(toks) and toks[i] in _AFTER:
            unit += " " + toks[i]
            i += 1
        out.append(unit)
    return out


@cache
def _db_path() -> Path | None:
    try:
        p = Path(str(resources.files("arabic_name_romanizer").joinpath("resources", "names.sqlite3")))
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        return None
    return p if p.is_file() else None


@cache
def _connect() -> sqlite3.Connection | None:
    path = _db_path()
    if path is None:
        return None
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def available() -> bool:
    """True when the name table is installed."""
    return _connect() is not None


def _rank(country: str, latin: str, count: int, prefer: tuple[str, ...], words: int) -> tuple[int, int, int, int]:
    plain = latin.isascii()
    pos = prefer.index(country) if country in prefer else len(prefer)
    return (0 if len(latin.split()) <= words else 1, 0 if plain else 1, pos, -count)


@cache
def _lookup(table: str, key: str, prefer: tuple[str, ...]) -> str | None:
    con = _connect()
    if con is None:
        return None
    rows = con.execute(
        f"SELECT latin, country, count FROM {table} WHERE arabic_key = ? AND latin_lang IN ('', 'en')", (key,)
    ).fetchall()
    if not rows:
        return None
    words = len(key.split())
    rows = [r for r in rows if _consistent(key, str(r[0]))]
    if not rows:
        return None
    best = min(rows, key=lambda r: _rank(r[1], r[0], r[2], prefer, words))
    if len(str(best[0]).split()) > words + (1 if table == "units" else 0):
        return None
    return str(best[0])


_SKEL_AR = str.maketrans({"ا": None, "و": None, "ي": None, "ع": None, "ء": None, "ئ": None, "ؤ": None,
                          "ه": "h", "ح": "h", "خ": "k", "ك": "k", "ق": "k", "ج": "j", "غ": "g", "ث": "t",
                          "ت": "t", "ط": "t", "ذ": "d", "د": "d", "ض": "d", "ظ": "z", "ز": "z", "س": "s",
                          "ص": "s", "ش": "s", "ب": "b", "ف": "f", "ل": "l", "م": "m", "ن": "n", "ر": "r", " ": None})


def _skeleton_latin(latin: str) -> str:
    t = latin.lower()
    for a, b in (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "s"), ("q", "k"),
                 ("c", "k"), ("ou", ""), ("ee", ""), ("oo", ""), ("p", "b"), ("v", "f"), ("x", "ks")):
        t = t.replace(a, b)
    return re.sub(r"[^bdfghjklmnrstz]", "", t)


def _consistent(key: str, latin: str) -> bool:
    """The Latin form's consonants roughly match the Arabic unit's (drops misaligned table rows)."""
    ar = key.replace("ال", "", 1) if key.startswith("ال") else key
    a = ar.translate(_SKEL_AR)
    b = _skeleton_latin(re.sub(r"(?i)^(al|el)[- ]", "", latin))
    if not a or not b:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.5


def _letters(unit: str) -> str:
    out = []
    for k, ch in enumerate(unit):
        if ch == " ":
            out.append(" ")
            continue
        lat = _LETTERS.get(ch, "")
        if ch in "وي" and 0 < k < len(unit) - 1:
            lat = "ou" if ch == "و" else "i"
        elif ch == "ي" and k == len(unit) - 1:
            lat = "i"
        elif ch == "ه" and k == len(unit) - 1:
            lat = "a"
        out.append(lat)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def _article(latin: str, first: bool) -> str:
    """``Al-X``/``El X``/``al X`` → ``al-X`` (``Al-X`` at the start)."""
    m = re.match(r"(?i)^(?:al|el|ul)[- ]?(?=[A-Z])|^(?:Al|El)[- ]", latin)
    rest = latin[m.end():] if m else latin
    rest = rest[:1].upper() + rest[1:]
    return ("Al-" if first else "al-") + rest


def romanize(name: str, country: str | None = None) -> Romanized | None:
    """The English form of an Arabic personal name, or None when it holds no Arabic letter.

    Args:
        name: The name as written (clitics already stripped).
        country: ISO 3166 alpha-3 of the article or the person, whose spelling is preferred.
    """
    us = units(name)
    if not us or not any("\u0621" <= ch <= "\u064a" for ch in name):
        return None
    western = _western()
    foreign = name_origin(name) == "foreign"
    # أل/إل begin a word (ألبرتو، إليزابيث), not the article, whose alef carries no hamza
    hamza_al = {_key(t) for t in name.split() if t[:2] in ("أل", "إل")}
    prefer: tuple[str, ...] = PREFERRED
    c2 = _ALPHA3_TO_2.get(country or "")
    if c2:
        prefer = (c2, *[c for c in PREFERRED if c != c2])
    # a full name of two units or more (one unit, «ضيف الله», is no person's full name: the table's «Difallah
    # Zakia» is someone's given and family name)
    whole = _lookup("full_names", " ".join(us), prefer) if len(us) >= 2 else None
    if whole is not None and any((u, prefer[0]) in _NEWSPAPER and u != "محمد" for u in us):
        whole = None  # the papers' form of a unit wins over the table's full name
    if whole is not None and " " in whole:
        if prefer[0] in _GULF:
            whole = _ABD_AL.sub(lambda m: "Abdul" + m.group(1).lower(), whole)
        if "محمد" in us and ("محمد", prefer[0]) in _NEWSPAPER:
            whole = re.sub(r"\b(?:Mohamed|Mohamad|Muhammad|Mohammad|Muhammed)\b", _NEWSPAPER["محمد", prefer[0]], whole)
        return Romanized(re.sub(r" (?:Al|El|al|el)[- ](?=[A-Z])", " al-", whole), "table")
    parts: list[str] = []
    found = 0
    for i, u in enumerate(us):
        if u.startswith("ال ") and len(u) > 3:  # آل (the family): "Al" before the family name
            rest = romanize(u[3:], country)
            if rest is not None:
                found += rest.rule == "table"
                parts.append("Al " + rest.latin[:1].lower() + rest.latin[1:] if rest.latin.startswith("Al-")
                             else "Al " + rest.latin)
                continue
        if u.startswith(("بن ", "ابن ", "بنت ")):  # bin/ibn/bint + the father's name, each on its own
            head, _, tail = u.partition(" ")
            rest = romanize(tail, country)
            if rest is not None:
                found += rest.rule == "table"
                parts.append({"بن": "bin", "ابن": "ibn", "بنت": "bint"}[head] + " " + rest.latin)
                continue
        has_al = u.startswith("ال") and len(u) > 3 and u not in _AFTER and u not in hamza_al and u not in western
        lat = western.get(u) or _NEWSPAPER.get((u, prefer[0]))
        if lat is None:
            lat = _lookup("units", u, prefer)
            if lat is not None and u.startswith("عبد ") and prefer[0] in _GULF:
                lat = _ABD_AL.sub(lambda m: "Abdul" + m.group(1).lower(), lat)
            if foreign and i and (lat is None or lat not in _latin_set()):
                # a foreign surname: the census's own spelling (Cotton) over an Arab's reading of it (Koutoune),
                # unless the table's form is itself one of the census names (Johnson, not Jensen)
                lat = latin_name(u, exact=True) or lat
            if lat is None and foreign:
                lat = latin_name(u)
        if lat is None and has_al:
            lat = _lookup("units", u[2:], prefer)
        if lat is not None:
            found += 1
        else:
            lat = _letters(u[2:] if has_al else u)
        if has_al or re.match(r"(?i)^(al|el)[- ]", lat):
            lat = _article(lat, i == 0)
        parts.append(lat)
    rule = "table" if found == len(us) else ("mixed" if found else "letters")
    return Romanized(" ".join(parts), rule)


# --- Latin names a foreign name may be ------------------------------------------------------------------

#: The census lists' names ranked below this are too rare to be a likelier reading than letters (and the
#: rarer they are, the more of them share a skeleton with a common word).
LATIN_RANK_MAX = 30000
#: How close (difflib ratio) a Latin name must be to the letter-by-letter reading of the unit.
LATIN_MIN_SIMILARITY = 0.6
#: Skeletons of fewer consonants match too many names (``لام`` → L M: Lam, Lahm, Lamm, Lim …).
LATIN_MIN_CONSONANTS = 3


@cache
def _latin_names() -> dict[str, list[str]]:
    """Consonant skeleton → the Latin names with it, most frequent first (given names and surnames of the
    ``names`` package's census lists, title case); empty without the package."""
    try:
        base = resources.files("names")
    except (ModuleNotFoundError, TypeError):
        return {}
    from marsad.kb.translit import latin_skeleton

    ranked: list[tuple[int, str]] = []
    for fname in ("dist.male.first", "dist.female.first", "dist.all.last"):
        f = base.joinpath(fname)
        if not f.is_file():
            continue
        for rank, line in enumerate(f.read_bytes().decode("ascii", "ignore").splitlines()):
            cells = line.split()
            if cells and rank < LATIN_RANK_MAX:
                ranked.append((rank, cells[0].capitalize()))
    out: dict[str, list[str]] = {}
    for _, latin in sorted(ranked):
        skel = latin_skeleton(latin)
        # a vowel between two like consonants keeps them apart in the name but not in the skeleton (Annunziata:
        # N N S T, not إنييستا's N S T): such a name is not this unit's
        if _runs(latin) == len(skel) and latin not in out.get(skel, ()):
            out.setdefault(skel, []).append(latin)
    return out


@cache
def _latin_set() -> frozenset[str]:
    """Every name of :func:`_latin_names`."""
    return frozenset(x for names in _latin_names().values() for x in names)


def _runs(latin: str) -> int:
    """The consonant classes of a Latin name counted with vowels as separators (Annunziata: 4)."""
    from marsad.kb.translit import latin_skeleton

    return sum(len(latin_skeleton(part + "a")) for part in re.split(r"[aeiouy]+", latin.lower()) if part)


def _pattern_ar(unit: str) -> str:
    """Consonant classes with the long vowels (ا و ي) as ``a``, a vowel run once (ديمبسي → DaMBSa)."""
    from marsad.kb.translit import arabic_skeleton

    return re.sub(r"a+", "a", "".join("a" if ch in "اأإآويىع" else arabic_skeleton(ch) for ch in unit))


def _pattern_latin(latin: str) -> str:
    """:func:`_pattern_ar` of a Latin name: its consonant classes with each vowel run as ``a`` (Dempsey →
    DaMBSa)."""
    from marsad.kb.translit import latin_skeleton

    parts = re.split(r"([aeiouy]+)", latin.lower())
    return "".join("a" if re.fullmatch(r"[aeiouy]+", p) else latin_skeleton(p + "a") for p in parts if p)


def latin_name(unit: str, exact: bool = False) -> str | None:
    """The Latin given name or surname whose consonant skeleton is this Arabic unit's and whose letters are
    closest to the unit's letter-by-letter reading, the most frequent first (``ساندرز`` → Sanders), or None
    (a short skeleton, a unit with the article, no such name). ``exact``: only a name whose consonants and
    vowels stand as the unit's do (:func:`_pattern_ar`: ``ديمبسي`` = Dempsey)."""
    from marsad.kb.translit import arabic_skeleton

    if " " in unit or unit.startswith("ال"):
        return None
    skel = arabic_skeleton(unit)
    if len(skel) < LATIN_MIN_CONSONANTS:
        return None
    # the letters' reading decides between names of one skeleton (جروس: Gross, not the commoner Garcia)
    guess = _letters(unit).lower()
    if exact:
        pat = _pattern_ar(unit)
        return next((x for x in _latin_names().get(skel, ()) if _pattern_latin(x) == pat), None)
    vowel_start = unit[0] in "اأإآع"
    best, score = None, LATIN_MIN_SIMILARITY
    for latin in _latin_names().get(skel, ()):
        if (latin[0] in "AEIOU") != vowel_start or (latin[0] == "W") != (unit[0] == "و") \
                or (latin[0] == "Y") != (unit[0] == "ي"):
            continue  # Winsett is not إنييستا, Oliver is أوليفر, Elfriede is not ويلفريد
        r = difflib.SequenceMatcher(None, guess, latin.lower()).ratio()
        if r > score:
            best, score = latin, r
    return best


# --- where a name comes from ------------------------------------------------------------------------------

#: The Arab League's countries (ISO alpha-2, as the table): a name common there is an Arabic name.
ARAB = frozenset({"SA", "AE", "KW", "QA", "BH", "OM", "YE", "JO", "PS", "SY", "LB", "IQ", "EG", "SD", "LY",
                  "TN", "DZ", "MA", "MR", "SO", "DJ", "KM"})
#: The countries whose people's names the table holds in number (the Arab world, Iran, Pakistan, Afghanistan,
#: Turkey): a name the table does not know is unlikely to be a local one there.
NAME_WORLD = ARAB | {"IR", "PK", "AF", "TR"}
#: A unit written this many times by people of Arab countries is an Arabic name unit.
ARABIC_UNIT_COUNT = 20
# Letters an Arabic transliteration of a Latin-script name almost never uses.
_ARABIC_LETTERS = frozenset("عحصضظذثق")


@cache
def alpha3(code: str) -> str | None:
    """ISO alpha-3 of an alpha-2 code (``SA`` → ``SAU``)."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return str(c.alpha_3) if c is not None else None


@cache
def alpha2(code: str) -> str | None:
    """ISO alpha-2 of an alpha-3 code (``SAU`` → ``SA``)."""
    import pycountry

    c = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return str(c.alpha_2) if c is not None else None


@cache
def full_name_countries(name: str) -> tuple[tuple[str, int], ...]:
    """The countries (alpha-3, with counts, most first) of the people the full-name table holds under this
    name of two units or more (``سمير غانم`` → EGY); empty when it holds none."""
    con = _connect()
    us = units(name)
    if con is None or len(us) < 2:
        return ()
    counts: dict[str, int] = {}
    for country, n in con.execute("SELECT country, count FROM full_names WHERE arabic_key = ?", (" ".join(us),)):
        c3 = alpha3(str(country))
        if c3:
            counts[c3] = counts.get(c3, 0) + int(n)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@cache
def _arab_count(unit: str) -> int:
    con = _connect()
    if con is None:
        return 0
    marks = ",".join("?" * len(ARAB))
    row = con.execute(f"SELECT SUM(count) FROM units WHERE arabic_key = ? AND country IN ({marks})",
                      (unit, *sorted(ARAB))).fetchone()
    return int(row[0] or 0)


def name_origin(name: str) -> str:
    """``arabic`` when the name reads as an Arabic one — a unit with the article (``الدوسري``), a letter that
    transliterations of Latin-script names do not use (``ع``، ``ح``، ``ص`` …), or most of its units
    written often by people of Arab countries (``منصور جوهر``) — else ``foreign`` (``توم كوتون``، ``تويتر``);
    ``unknown`` without the table or without Arabic letters."""
    us = units(name)
    if not us or not any("\u0621" <= ch <= "\u064a" for ch in name):
        return "unknown"
    if any(u.startswith("ال") and len(u) > 3 for u in us) or any(ch in _ARABIC_LETTERS for ch in "".join(us)):
        return "arabic"
    if _connect() is None:
        return "unknown"
    common = sum(_arab_count(u.split()[-1]) >= ARABIC_UNIT_COUNT for u in us)
    return "arabic" if 2 * common > len(us) else "foreign"


def unit_frequency(word: str) -> int:
    """How often people of Arab countries write this one word as a name unit in the table (0 without it):
    ``محمد`` thousands, ``جعفر`` about a hundred, a common noun (``طريق``) a handful at most."""
    key = _key(word)
    return _arab_count(key) if key and " " not in key else 0


def name_unit_count(word: str) -> int:
    """:func:`unit_frequency` of one written word that may be a compound unit (``عبدالعزيز`` = ``عبد العزيز``,
    ``أبوبكر``); 0 for several units."""
    us = units(word)
    return _arab_count(us[0]) if len(us) == 1 else 0


def known_name(word: str) -> bool:
    """Is this one word (``الأسمري``, ``فالح``) a personal-name unit of the name table? (False without the table.)"""
    key = _key(word)
    return bool(key) and " " not in key and _lookup("units", key, PREFERRED) is not None
