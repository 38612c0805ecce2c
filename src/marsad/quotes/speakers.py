"""Who a speaker is when the knowledge base does not know them: kind, sector and country from the descriptors.

Most speakers in real news are not in any knowledge base: a spokesman, a ministry, "an official source", a
citizen. Their descriptors still say a lot: ``المتحدث الرسمي باسم وزارة الداخلية اللواء منصور التركي`` is a
person of the interior ministry (COP) of the article's country; ``مصدر مسؤول في وزارة الخارجية`` is an
anonymous government source. This module reads a descriptor phrase word by word:

- its **head** (the first content word) gives the kind — ``person`` (titles, offices, ranks, roles),
  ``body`` (ministries, agencies, councils, companies, the army) or ``anonymous`` (sources, witnesses,
  officials left unnamed) — and a default PLOVER sector;
- a **sector word** further in (``الداخلية`` → COP, ``الدفاع`` → MIL, ``الصحة``/``طبية`` → MED ...) refines
  the sector: the most specific one wins;
- a **nationality adjective** or a linked entity with a country inside the phrase gives the country; else the
  country of the article's source (:mod:`marsad.kb.sources`) for government bodies, their people and
  anonymous sources; else none.

The vocabulary is ours, written from Arabic news usage; every entry is in normalised matching form.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.kb.sources import article_country as article_country
from marsad.text.clauses import words as clause_words
from marsad.text.normalize import normalize_string

_N = normalize_string

_ARTISTS = ("الرسام", "الرسامة", "الشاعر", "الشاعرة", "الممثل", "الممثلة", "المطرب", "المطربة", "المغني", "المغنية",
            "المصور", "المصورة", "الروائي", "الروائية", "الكاتبة", "الإعلامي", "الإعلامية", "المذيع", "المذيعة",
            "المخرج", "المخرجة", "الملحن", "التشكيلي", "التشكيلية", "النحات", "النحاتة", "المصمم", "المصممة")
# head word → (kind, default sector). Matched on the normalised word without و/ف and, for bodies, with or
# without the article.
_HEADS: dict[str, tuple[str, str | None]] = {}
for _w, _kind, _sec in (
    # anonymous sources
    ("مصدر", "anonymous", "GOV"), ("مصادر", "anonymous", "GOV"), ("مسؤول", "anonymous", "GOV"),
    ("مسؤولون", "anonymous", "GOV"), ("مسئول", "anonymous", "GOV"), ("شهود", "anonymous", "CVL"),
    ("شاهد", "anonymous", "CVL"), ("سكان", "anonymous", "CVL"), ("مراقبون", "anonymous", None),
    ("ناشطون", "anonymous", "CVL"), ("مصادر مطلعة", "anonymous", None),
    # bodies
    ("وزارة", "body", "GOV"), ("هيئة", "body", "GOV"), ("حكومة", "body", "GOV"), ("الحكومة", "body", "GOV"),
    ("مجلس", "body", "GOV"), ("رئاسة", "body", "GOV"), ("الرئاسة", "body", "GOV"), ("ديوان", "body", "GOV"),
    ("إمارة", "body", "GOV"), ("أمانة", "body", "GOV"), ("بلدية", "body", "GOV"), ("إدارة", "body", "GOV"),
    ("مديرية", "body", "GOV"), ("لجنة", "body", "GOV"), ("سفارة", "body", "GOV"), ("قنصلية", "body", "GOV"),
    ("الجيش", "body", "MIL"), ("القوات", "body", "MIL"), ("قوات", "body", "MIL"), ("التحالف", "body", "MIL"),
    ("قيادة", "body", "MIL"), ("الشرطة", "body", "COP"), ("شرطة", "body", "COP"), ("الأمن", "body", "COP"),
    ("المحكمة", "body", "JUD"), ("محكمة", "body", "JUD"), ("النيابة", "body", "JUD"), ("الادعاء", "body", "JUD"),
    ("وكالة", "body", "JRN"), ("صحيفة", "body", "JRN"), ("قناة", "body", "JRN"), ("جامعة", "body", "EDU"),
    ("شركة", "body", "BUS"), ("بنك", "body", "BUS"), ("البنك", "body", "BUS"), ("منظمة", "body", "NGO"),
    ("جمعية", "body", "NGO"), ("حزب", "body", "PTY"), ("الحزب", "body", "PTY"), ("جماعة", "body", None),
    ("البيان", "body", None), ("بيان", "body", None), ("المركز", "body", None), ("مركز", "body", None),
    ("الغرفة", "body", "BUS"), ("غرفة", "body", "BUS"), ("المؤسسة", "body", None), ("مؤسسة", "body", None),
    # people
    ("المتحدث", "person", "GOV"), ("متحدث", "person", "GOV"), ("الناطق", "person", "GOV"),
    ("ناطق", "person", "GOV"), ("وزير", "person", "GOV"), ("الوزير", "person", "GOV"), ("رئيس", "person", "GOV"),
    ("الرئيس", "person", "GOV"), ("نائب", "person", "GOV"), ("مساعد", "person", "GOV"), ("مدير", "person", "GOV"),
    ("المدير", "person", "GOV"), ("وكيل", "person", "GOV"), ("أمين", "person", "GOV"), ("الأمين", "person", "GOV"),
    ("محافظ", "person", "GOV"), ("المحافظ", "person", "GOV"), ("أمير", "person", "GOV"), ("الأمير", "person", "GOV"),
    ("الملك", "person", "GOV"), ("ولي", "person", "GOV"), ("السفير", "person", "GOV"), ("سفير", "person", "GOV"),
    ("القنصل", "person", "GOV"), ("المستشار", "person", "GOV"), ("مستشار", "person", "GOV"),
    ("عضو", "person", "LEG"), ("النائب", "person", "LEG"), ("اللواء", "person", "MIL"), ("العميد", "person", "MIL"),
    ("العقيد", "person", "MIL"), ("المقدم", "person", "MIL"), ("الرائد", "person", "MIL"), ("النقيب", "person", "MIL"),
    ("الفريق", "person", "MIL"), ("القائد", "person", "MIL"), ("قائد", "person", "MIL"), ("الشيخ", "person", "REL"),
    ("الإمام", "person", "REL"), ("المفتي", "person", "REL"), ("مفتي", "person", "REL"), ("الداعية", "person", "REL"),
    ("القاضي", "person", "JUD"), ("المحامي", "person", "JUD"), ("الدكتور", "person", None), ("د", "person", None),
    ("المهندس", "person", None), ("الأستاذ", "person", "EDU"), ("أستاذ", "person", "EDU"),
    ("الباحث", "person", "EDU"), ("المحلل", "person", None), ("الخبير", "person", None), ("خبير", "person", None),
    ("الكاتب", "person", "JRN"), ("الصحفي", "person", "JRN"), ("المواطن", "person", "CVL"),
    ("مواطن", "person", "CVL"), ("المواطنة", "person", "CVL"), ("مواطنون", "person", "CVL"),
    ("المدرب", "person", None), ("مدرب", "person", None), ("اللاعب", "person", None), ("لاعب", "person", None),
    ("الفنان", "person", None), ("الفنانة", "person", None), ("رجل", "person", None), ("سيدة", "person", None),
    # more of each, met in real news
    ("ضابط", "person", "MIL"), ("الضابط", "person", "MIL"), ("باحث", "person", "EDU"), ("الباحثون", "anonymous", "EDU"),
    ("باحثون", "anonymous", "EDU"), ("علماء", "anonymous", "EDU"), ("العلماء", "anonymous", "EDU"),
    ("خبراء", "anonymous", None), ("الخبراء", "anonymous", None), ("المختصون", "anonymous", None),
    ("مختصون", "anonymous", None), ("تقارير", "anonymous", "JRN"), ("التقارير", "anonymous", "JRN"),
    ("تقرير", "body", None), ("التقرير", "body", None), ("دراسة", "body", None), ("الدراسة", "body", None),
    ("نشرة", "body", None), ("النشرة", "body", None), ("خلية", "body", None), ("صندوق", "body", None),
    ("مصلحة", "body", "GOV"), ("مكتب", "body", None), ("المنسقية", "body", "GOV"), ("الاستطلاع", "body", None),
    ("استطلاع", "body", None), ("الإحصاءات", "body", "GOV"), ("إحصاءات", "body", "GOV"),
    ("بيانات", "body", None), ("إحصائيات", "body", None), ("إحصائية", "body", None),
    ("اتحاد", "body", None), ("نادي", "body", "SPT"), ("النادي", "body", "SPT"), ("المتحدثة", "person", "GOV"),
    ("الناطقة", "person", "GOV"), ("الأمينة", "person", "GOV"), ("رئيسة", "person", "GOV"), ("مديرة", "person", "GOV"),
    ("عضوة", "person", "LEG"), ("محللون", "anonymous", None), ("مراقبين", "anonymous", None),
    # unnamed groups of traders, residents, fans; a country's delegate
    ("تجار", "anonymous", "BUS"), ("باعة", "anonymous", "BUS"), ("متعاملون", "anonymous", "BUS"),
    ("متعاملين", "anonymous", "BUS"), ("أهالي", "anonymous", "CVL"), ("جماهير", "anonymous", "CVL"),
    ("أصدقاء", "anonymous", "CVL"), ("عدد", "anonymous", None), ("مندوب", "person", "GOV"),
    ("مندوبة", "person", "GOV"), ("المندوب", "person", "GOV"), ("المندوبة", "person", "GOV"),
    # customs and preachers, met in titles («الجمارك: …», «إمام الحرم: …»)
    ("الجمارك", "body", "GOV"), ("جمارك", "body", "GOV"), ("إمام", "person", "REL"), ("خطيب", "person", "REL"),
    # envoys and diplomats («وأشار المبعوث الأممي إلى أن …»)
    ("المبعوث", "person", "GOV"), ("مبعوث", "person", "GOV"), ("الدبلوماسي", "person", "GOV"),
    ("دبلوماسي", "person", "GOV"),
    # artists, writers and broadcasters before their names («الرسامة فلانة رأت أن …»)
    *((w, "person", None) for w in _ARTISTS),
):
    _HEADS[_N(_w)] = (_kind, _sec)

HEAD_WORDS = frozenset(_HEADS)

# sector words that refine a descriptor (the most specific, i.e. the first listed here that occurs, wins)
_SECTORS: tuple[tuple[str, str], ...] = tuple(
    (_N(w), s)
    for w, s in (
        ("الداخلية", "COP"), ("الشرطة", "COP"), ("شرطة", "COP"), ("الأمن", "COP"), ("أمنية", "COP"),
        ("الأمنية", "COP"), ("الأمني", "COP"), ("أمني", "COP"),
        ("المرور", "COP"), ("الدفاع", "MIL"), ("العسكرية", "MIL"), ("عسكرية", "MIL"), ("الجيش", "MIL"),
        ("العسكري", "MIL"), ("عسكري", "MIL"), ("عسكريون", "MIL"), ("الحربي", "MIL"), ("الجوية", "MIL"),
        ("الجامعة", "EDU"), ("جامعة", "EDU"), ("الكلية", "EDU"), ("النادي", "SPT"), ("نادي", "SPT"),
        ("الكروي", "SPT"), ("الرياضية", "SPT"), ("الرياضي", "SPT"),
        ("الحرس", "MIL"), ("التحالف", "MIL"), ("الصحة", "MED"), ("طبية", "MED"), ("الطبية", "MED"),
        ("المستشفى", "MED"), ("مستشفى", "MED"), ("العدل", "JUD"), ("المحكمة", "JUD"), ("القضاء", "JUD"),
        ("التعليم", "EDU"),
        ("التربية", "EDU"), ("الجامعة", "EDU"), ("الشورى", "LEG"), ("البرلمان", "LEG"), ("النواب", "LEG"),
        ("الأوقاف", "REL"), ("الإفتاء", "REL"), ("الشؤون الإسلامية", "REL"), ("الأنباء", "JRN"),
        ("الباعة", "BUS"), ("باعة", "BUS"), ("التجار", "BUS"), ("تجار", "BUS"), ("المواطنين", "CVL"),
        ("الإعلام", "GOV"), ("الخارجية", "GOV"), ("المالية", "GOV"), ("الاقتصاد", "GOV"),
        ("التجارة", "GOV"), ("الأمم المتحدة", "GOV"), ("كابيتال", "BUS"),
    )
)

# a descriptor never runs past these words (the quote or the next clause begins)
_STOP = frozenset(_N(w) for w in ("أن", "إن", "ان", "بأن", "بان", "لـ", "في تصريح", "خلال", "إلى", "على", "عن",
                                  "الذي", "التي", "الذين", "اللذين", "اللتين", "يوم", "اليوم", "أمس", "رفض", "متحدثا",
                                  "بالقول", "قائلا", "وهو", "وهي", "حيث"))
# «لوكالة …», «لصحيفة …», «للصحفيين»: the outlet or the audience, after the speaker
_OUTLETS = tuple(_N(w) for w in ("لوكالة", "لصحيفة", "لقناة", "لموقع", "للصحفيين", "للصحافيين", "لشبكة", "لإذاعة",
                                 "لمراسل", "لجريدة", "لمجلة", "للتلفزيون", "للوكالة", "للصحيفة", "للقناة"))
# a person's own name follows these titles
_TITLES = frozenset(_N(w) for w in (
    "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "الشيخ", "الدكتور", "د", "المهندس",
    "الأستاذ", "الأمير", "الملك", "المواطن", "المواطنة", "الإمام", "القاضي", "المحامي", "السفير", "الكاتب",
    "الصحفي", "الباحث", "المحلل", "الخبير", "المدرب", "اللاعب", "الفنان", "الفنانة", "السيد", "السيدة",
    "الملازم", "الرقيب", "العريف", "الجندي", "المقدم", "المستشار", "المعلم", "المعلمة", "الطبيب", "الطبيبة",
    *_ARTISTS))
# «الملازم أول», «الفريق أول»: a rank's second word, before the name
_RANK_TAIL = frozenset(_N(w) for w in ("أول", "ثاني", "ركن", "طيار", "بحري", "م", "د"))

_IN = _N("في")
_VENUES = frozenset(_N(w) for w in ("بيان", "تصريح", "تصريحات", "كلمة", "حديث", "مؤتمر", "لقاء", "مقابلة", "اتصال",
                                      "رسالة", "تغريدة", "خطاب", "ندوة", "محاضرة"))
MAX_WORDS = 14
_DATA = frozenset(_N(w) for w in ("بيانات", "إحصائيات", "إحصائية"))
_ABOUT = _N("عن")
IN_CHARGE = frozenset(_N(w) for w in ("مسؤول", "المسؤول", "مسؤولة", "المسؤولة", "مسئول", "المسئول"))
_MINISTRY = frozenset(_N(w) for w in ("وزارة", "الوزارة"))
# an international body: one of these heads with a word that makes it worldwide or European (not «المطار الدولي»)
_IGO_HEADS = frozenset(_N(w) for w in ("منظمة", "المنظمة", "بنك", "البنك", "صندوق", "الصندوق", "مجلس", "المجلس",
                                       "لجنة", "اللجنة", "اتحاد", "الاتحاد", "البرلمان", "المفوضية", "مفوضية",
                                       "وكالة", "الوكالة", "محكمة", "المحكمة", "مسؤولو", "مبعوث", "المبعوث",
                                       "الأمين", "أمين", "المتحدث", "المتحدثة", "ممثل", "الممثل"))
_WORLDWIDE = frozenset(_N(w) for w in ("العالمية", "العالمي", "الدولية", "الدولي", "الأممي", "الأممية", "الأمم",
                                       "للأمم", "بالأمم", "الأوروبي", "الأوروبية"))


def sector_of(norm: str, start: int, stop: int) -> str | None:
    """The sector the words of ``norm[start:stop]`` name (the most specific of :data:`_SECTORS`), if any."""
    best: tuple[int, str] | None = None
    for s, _, w in clause_words(norm, start, stop, limit=MAX_WORDS):
        for rank, (sw, sec) in enumerate(_SECTORS):
            if (best is None or rank < best[0]) and (w == sw or (" " in sw and norm.startswith(sw, s))):
                best = (rank, sec)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Descriptor:
    """What a descriptor says of its speaker: ``kind``, ``sector``, ``country`` and where a name starts."""

    kind: str
    sector: str | None
    country: str | None
    end: int
    name_start: int | None = None


def _long_quote(norm: str, a: int, s: int) -> bool:
    """Does a quote mark between two words (``[a, s)``) open more than a short name (``صندوق "سند"``, ``تقرير
    «آسيا للاستثمار»`` go on; ``الشركة "نحن متحمسون …"`` is the speaker's words beginning)?"""
    gap = norm[a:s]
    i = next((k for k, ch in enumerate(gap) if ch in "\"«“"), -1)
    if i < 0 or gap[i] in "»”" or (i == 0 and gap[i] == '"' and a > 0 and norm[a - 1].isalnum()):
        return False  # none, or a mark that closes the name before it
    close = next((k for k in range(a + i + 1, min(len(norm), a + i + 60)) if norm[k] in "\"»”،,.:\n"), -1)
    return close < 0 or len(clause_words(norm, a + i + 1, close)) > 4  # (an unclosed mark: to the punctuation)


def _national(w: str, nationality: dict[str, str]) -> bool:
    bare = w[2:] if w.startswith("ال") else w
    return any(x in nationality for x in (w, bare, w.rstrip("ة"), bare.rstrip("ة")))


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" and _N(word[1:]) in _HEADS else word


def head_of(word: str) -> tuple[str, str | None] | None:
    """The (kind, sector) of a descriptor's head word, or None when it is not one."""
    w = _N(_bare(word))
    if w in _HEADS:
        return _HEADS[w]
    if w.startswith("ال") and w[2:] in _HEADS and _HEADS[w[2:]][0] in ("body", "anonymous"):
        return _HEADS[w[2:]]  # «الوزارة», «المصدر», «المصادر»
    return None


def describe(norm: str, start: int, stop: int, nationality: dict[str, str], home: str | None) -> Descriptor | None:
    """Read the descriptor phrase that starts at ``start`` (normalised text) and ends by ``stop``.

    Args:
        norm: The article's normalised text.
        start: Where the phrase may start (just after a cue verb, or the sentence start for SVO).
        stop: The furthest it may reach (the quote, the complementiser, the sentence end).
        nationality: Normalised nationality adjective → country.
        home: The article's country (its source's), used for government and anonymous speakers.
    """
    words = clause_words(norm, start, stop, limit=MAX_WORDS)
    if not words:
        return None
    head = head_of(words[0][2])
    if len(words) > 1 and _N(words[0][2] + " " + words[1][2]) in _HEADS:  # «مصادر مطلعة»
        head = _HEADS[_N(words[0][2] + " " + words[1][2])]
    if head is None:
        return None
    if _N(_bare(words[0][2])).removeprefix("ال") in _DATA and (len(words) < 2 or not (
            words[1][2].startswith("ال") or head_of(words[1][2]) is not None)):
        return None  # «بيانات تسجيلهم»: data of no one who states them; «بيانات مصلحة الجمارك» is the body's
    kind, sector = head
    end = words[0][1]
    country: str | None = None
    name_start: int | None = None
    best_rank = len(_SECTORS)
    for k, (s, e, w) in enumerate(words):
        if k and w == _ABOUT and words[k - 1][2] in IN_CHARGE:
            pass  # «المسؤول عن الطوارئ فلان»: the one in charge of it
        elif k and (w in _STOP or w.startswith(_OUTLETS) or _long_quote(norm, words[k - 1][1], s)):
            break
        if k and w.startswith("ل") and norm[s + 1:s + 3].lstrip("ـ ")[:1] in ("\"", "«", "“"):
            break  # «لـ"الوطن"»
        if k and norm[words[k - 1][1]:s].strip(" ") in ("،", ",", ":") and not (
                w in _TITLES and name_start is None and kind == "person" and norm[words[k - 1][1]:s].strip(" ") != ":"):
            break  # «أستاذ التاريخ بجامعة الأزهر، الدكتور فلان»: the apposed title and name go on
        if k and w == _IN and k + 1 < len(words) and words[k + 1][2] in _VENUES:
            break  # «وزارة الصحة في بيان»: the venue of the statement, not the speaker
        end = e
        bare = w[2:] if w.startswith("ال") else w
        for ww in (w, bare, w.rstrip("ة")):
            if (name_start is None or s < name_start) and ww in nationality and country is None:  # not a surname
                country = nationality[ww]
        for rank, (sw, sec) in enumerate(_SECTORS):
            if rank < best_rank and (w == sw or (" " in sw and norm.startswith(sw, s))):
                best_rank, sector = rank, sec
        if w in _TITLES and k + 1 < len(words) and name_start is None:
            nxt = k + 2 if words[k + 1][2] in _RANK_TAIL and k + 2 < len(words) else k + 1
            if nxt + 1 < len(words) and words[nxt][2].startswith("ال") and not words[nxt + 1][2].startswith("ال") \
                    and _national(words[nxt][2], nationality):
                nxt += 1  # «الشاعرة البحرينية فلانة»: the nationality is no part of the name
            name_start = words[nxt][0]
    within = [w for _, e, w in words if e <= end]
    if sector is None and kind == "body":  # «التقرير السنوي لمصلحة الجمارك», «بيان المنسقية العامة»: the issuer's
        for w in within[1:]:
            for ww in (w, w[1:] if w[:1] in "لب" else w, "ال" + w[2:] if w.startswith("لل") else w):
                inner = head_of(ww)
                if inner is not None and inner[0] == "body" and inner[1] is not None:
                    sector = inner[1]
                    break
            if sector is not None:
                break
    if country is None and any(w in _WORLDWIDE for w in within) and any(
            _N(_bare(w)) in _IGO_HEADS or w in _IGO_HEADS for w in within):
        return Descriptor(kind, "IGO", None, end, name_start)  # «منظمة التجارة العالمية», «المفوضية الأوروبية»
    official = ("GOV", "COP", "MIL", "JUD", "LEG")
    if country is None and (head[1] in official or sector in official or kind in ("anonymous", "body")):
        country = home  # a body nothing places (a university, a club, a company) is the article's country's
    if sector == "COP" and _N(_bare(words[0][2])) in _MINISTRY:
        sector = "GOV"  # the interior ministry itself is government; its spokesmen and police are COP
    return Descriptor(kind, sector, country, end, name_start)
