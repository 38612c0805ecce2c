"""Place disambiguation: which of the places sharing a name an article means, and its ``Link``.

Every candidate gets a score from its evidence, each item named so that the link can say why:

- ``pop``: log10 of the population (a first-level division without one counts as 100,000);
- ``capital`` / ``admin_seat``: the capital of its country, the seat of a first-level division;
- ``kb:country`` / ``kb:curated`` / ``kb:admin``: a country, a curated place, a division of admin_regions.tsv;
- ``ctx:XXX``: its country is named in the article (a country, a nationality, an actor's country);
- ``near``: another place already resolved in the article lies in the same country and first-level
  division or within ``NEAR_KM``;
- ``source:XXX``: its country is the news source's country (sources.tsv: SaudiNewsNet sources are Saudi);
- ``region:MENA``: the region Marsad's articles cover.

Then the best candidate must be *supported* — many of the 26,000 city names are also Arabic words: a
dateline or a strong locative cue (``في مدينة``، ``بمحافظة``، ``قرب``، ``شمال``، ``عاصمة``، ``وصل إلى``)
is enough for any candidate; a weak cue (``في``، ``إلى``، ``من``، a ``ب`` clitic) for a non-ambiguous name
of a sizeable place; a big city needs nothing. Names that are also common words (ambiguous keys) need a
strong cue, a dateline or the place's country in the article. An unsupported candidate is returned with a
low confidence, which the entities component keeps only when the NER model tagged a place there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.article import Link
from marsad.kb.records import NATIONALITY, PLACE, PLACE_AMBIGUOUS, PLACE_CUE, Place, Resources
from marsad.text.normalize import normalize_string
from marsad.text.tokens import PROCLITICS

# Words that announce a place name (matching form, after an optional و/ف).
LOCATIVE_CUES = frozenset(
    {
        "مدينه", "بمدينه", "لمدينه", "مدن", "بلده", "ببلده", "قريه", "بقريه", "محافظه", "بمحافظه", "لمحافظه",
        "منطقه", "بمنطقه", "لمنطقه", "ولايه", "بولايه", "لولايه", "اقليم", "باقليم", "مقاطعه", "بمقاطعه",
        "اماره", "باماره", "عاصمه", "العاصمه", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
        "بشمال", "بجنوب", "بشرق", "بغرب", "وسط", "ريف", "بريف", "قرب", "بالقرب", "ضواحي", "حي", "بحي", "مخيم",
        "بمخيم", "محافظات", "مدينتي", "مركز", "قضاء", "ناحيه", "بلدات", "مناطق",
        "تقع", "يقع", "الواقعه", "الواقع", "قري", "بقري", "لقري", "هجره", "بهجره", "احياء", "باحياء", "ضاحيه",
        "بضاحيه", "لحي", "لبلده", "لقريه", "بمركز", "مديريه", "بمديريه", "بالعاصمه", "للعاصمه", "بعاصمه",
        "عمده", "لعمده",  # the head of a district or the mayor of a city: عمدة حي الشرائع، عمدة لندن
    }
)
# Head nouns of organisation, team, newspaper, airport... names: a place name right after one (no clitic) is
# part of that name (جامعة جازان، صحيفة الرياض، مطار جدة، منتخب السعودية، جوازات عسير، هرم الجيزة، أدبي الباحة
# (the literary club)، دوري أبطال أوروبا، مجموعة السعودية، مشجعي برشلونة), not a place mention.
ORG_HEADS = frozenset(
    {
        "جامعه", "نادي", "صحيفه", "جريده", "مجله", "بنك", "مصرف", "امانه", "شرطه", "مطار", "ميناء", "مهرجان",
        "مؤتمر", "موتمر", "اعلان", "بيان", "غرفه", "فريق", "منتخب", "قناه", "اذاعه", "مستشفي", "مدرسه", "كليه",
        "شركه", "بطوله", "كاس", "ماراثون", "معرض", "منتدي", "قمه", "بلديه", "جمعيه", "محكمه", "سجن", "فندق",
        "مسجد", "جامع", "طريق", "شارع", "ميدان", "جسر", "منفذ", "مرور", "ملعب", "استاد", "صاله",
        "جوازات", "هرم", "ادبي", "دوري", "ابطال", "شركات", "مجموعه", "فرع", "مشجعي", "مشجعو", "جماهير",
        "صيف",  # a festival season named by its town (صيف الخرج)
        "نداء",  # a party or coalition (حركة نداء تونس، نداء السودان)
        "نظيره", "نظيرها",  # a team's opponent (فريقه بنظيره ساندهاوزن)
    }
)
# ... and the verbs "witnessed" / "is seeing", whose subject in the news is mostly a place or a time (شهدت جدة أمطارا).
WEAK_CUES = frozenset({"في", "الي", "من", "نحو", "حتي", "داخل", "خارج", "بين", "عبر", "مع", "شهدت", "تشهد", "شهد",
                       "يشهد"})
# A verb of motion or arrival a few words before الى makes it a strong cue (وصل وفد رسمي إلى ...).
MOTION_VERBS = frozenset(
    {
        "وصل", "وصلت", "يصل", "تصل", "توجه", "توجهت", "يتوجه", "سافر", "سافرت", "يسافر", "عاد", "عادت", "يعود",
        "غادر", "غادرت", "انتقل", "انتقلت", "قدم", "قادما", "قادمه", "متجها", "متجهه", "زار", "زارت", "رحل",
        "هاجر", "نزح", "نزحوا", "فر", "فروا", "ذهب", "ذهبت", "اتجه", "وصلوا", "عادوا", "توجهوا", "ارسل",
        "ارسلت", "نقل", "نقلت", "وصول", "زياره", "رحله", "انطلق", "انطلقت", "سفر", "طريقهم", "طريقه", "طريقها",
        "وصوله", "وصولها", "عودته", "عودتها",
    }
)
NONE, WEAK, STRONG, DATELINE = "", "weak", "strong", "dateline"

GEONAMES_BIG = 1_000_000  # a city this large needs no cue
WEAK_CUE_MIN_POPULATION = 50_000  # a weak cue supports a MENA place this large (or a capital, an admin seat)
WEAK_CUE_MIN_POPULATION_FAR = 100_000  # ... and a place elsewhere this large
WEAK_CUE_CONTEXT_MIN_POPULATION = 5_000  # ... or one this large in a country the article names
CONTEXT_MIN_POPULATION = 100_000  # the country in the article supports a place this large without a cue
AMBIGUOUS_WEAK_MIN_POPULATION = 50_000  # a name that is also a word needs this much after a weak cue
TRANSLIT_BIG = 500_000  # a transliterated city outside the article's countries must be this large
TRANSLIT_BIG_DATELINE = 1_000_000  # ... in a dateline
PREFIXED_MIN_KEY = 4  # a package city glued to a clitic needs a name this long (والد، فيلم are words) ...
PREFIXED_MIN_POPULATION = 20_000  # ... and this many people in MENA
PREFIXED_MIN_POPULATION_FAR = 500_000  # ... or elsewhere (بلندن، بباريس)
# Words after which a name is not the place (matching forms): مسقط رأسه "his birthplace".
NOT_BEFORE = {"مسقط": ("راس",)}
UNSUPPORTED_LARGE = 0.6  # the confidence of an unsupported city of 100k (NER support can still make it a place)
NEAR_KM = 150.0
ADMIN_BASE = 5.0  # the population score of a first-level division (as a place of 100,000 people)
MENA = frozenset(
    {
        "SYR", "IRQ", "IRN", "TUR", "ISR", "PSE", "LBN", "JOR", "SAU", "EGY", "LBY", "TUN", "DZA", "MAR", "MRT",
        "SDN", "SSD", "SOM", "DJI", "COM", "YEM", "OMN", "ARE", "QAT", "BHR", "KWT", "ESH",
    }
)
_KB_BONUS = {"country": 3.0, "curated": 2.5, "admin": 1.5, "arwikicats": 0.5}
_COUNTRY_LIKE = frozenset({"country", "city"})


class _Resolved(list[Place]):
    """The places resolved so far, also by country and each place once, kept up by ``append`` (the ``near``
    evidence of a candidate looks at its own country's distinct places only, not at every place mention of the
    article)."""

    __slots__ = ("by_country", "indexed")

    def __init__(self) -> None:
        super().__init__()
        self.by_country: dict[str | None, dict[int, Place]] = {}
        self.indexed = 0

    def append(self, q: Place) -> None:
        super().append(q)
        self.by_country.setdefault(q.country, {}).setdefault(id(q), q)  # the list keeps q alive
        self.indexed += 1


@dataclass(slots=True)
class PlaceContext:
    """What the article says about where it is: countries named, places resolved so far, its source."""

    countries: set[str] = field(default_factory=set)
    source_country: str | None = None
    resolved: list[Place] = field(default_factory=_Resolved)


@dataclass(slots=True)
class Resolution:
    """The chosen place, how sure, and why (evidence of the winner; the runner-up and what it lacked)."""

    place: Place
    confidence: float
    evidence: list[str]
    runner_up: Place | None = None
    supported: bool = True


def _km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _same_country(resolved: list[Place], country: str) -> Iterable[Place]:
    """The resolved places that may be of ``country`` (all of them unless the list keeps its index)."""
    if isinstance(resolved, _Resolved) and resolved.indexed == len(resolved):
        return resolved.by_country.get(country, {}).values()
    return resolved


def evidence(p: Place, ctx: PlaceContext) -> tuple[float, list[str]]:
    """The score of one candidate and the named evidence behind it."""
    why: list[str] = []
    score = math.log10(p.population + 10) if p.population else ADMIN_BASE if p.source == "admin" else 1.0
    if p.population:
        why.append(f"pop:{p.population}")
    if p.rank == "capital":
        score += 2.0
        why.append("capital")
    elif p.rank == "admin_seat":
        score += 1.0
        why.append("admin_seat")
    bonus = _KB_BONUS.get(p.source)
    if bonus:
        score += bonus
        why.append(f"kb:{p.source}")
    if p.country and p.country in ctx.countries:
        score += 3.0
        why.append(f"ctx:{p.country}")
    if p.country and any(
        p.id != q.id and q.country == p.country and ((p.admin1 and p.admin1 == q.admin1) or _km(p, q) <= NEAR_KM)
        for q in _same_country(ctx.resolved, p.country)
    ):
        score += 1.0
        why.append("near")
    if p.country and p.country == ctx.source_country:
        score += 1.5
        why.append(f"source:{p.country}")
    if p.country in MENA:
        score += 1.0
        why.append("region:MENA")
    return score, why


def resolve(
    res: Resources,
    candidates: Iterable[int],
    ctx: PlaceContext,
    *,
    ambiguous: bool = False,
    cue: str = NONE,
    multiword: bool = False,
) -> Resolution | None:
    """The best place among ``candidates`` (indexes into ``res.places``) with its evidence, or None.

    Args:
        res: Compiled resources.
        candidates: Place indexes sharing the matched name.
        ctx: The article's countries, resolved places and source country.
        ambiguous: The name is also a common word (an ambiguous key).
        cue: ``dateline``, ``strong``, ``weak`` or empty.
        multiword: The name has more than one word (less likely to be a common word).

    Returns:
        None when no candidate exists; else the winner, ``supported`` False (and a low confidence) when the
        name stands without the support its kind needs.
    """
    scored = sorted(((evidence(res.places[i], ctx), res.places[i]) for i in dict.fromkeys(candidates)),
                    key=lambda x: -x[0][0])
    if not scored:
        return None
    (score, why), best = scored[0]
    runner = scored[1][1] if len(scored) > 1 else None
    if runner is not None:
        (s2, why2) = scored[1][0]
        lacks = [w.split(":")[0] for w in why if w.split(":")[0] not in {x.split(":")[0] for x in why2}]
        why = [*why, f"runner_up:{runner.id}:{runner.country}:{score - s2:.2f}"
               + (f":lacks:{','.join(lacks)}" if lacks else "")]
    conf, supported = _support(best, ctx, ambiguous=ambiguous, cue=cue, multiword=multiword)
    if cue:
        why.append(f"cue:{cue}")
    if ambiguous:
        why.append("ambiguous_name")
    return Resolution(best, conf, why, runner, supported)


def _support(p: Place, ctx: PlaceContext, *, ambiguous: bool, cue: str, multiword: bool) -> tuple[float, bool]:
    in_ctx = p.country is not None and (p.country in ctx.countries or p.country == ctx.source_country)
    far = p.country not in MENA
    sizeable = p.population >= (WEAK_CUE_MIN_POPULATION_FAR if far else WEAK_CUE_MIN_POPULATION) or p.rank != "" \
        or p.source in ("curated", "admin")
    if p.source in ("country", "curated", "admin"):
        if not ambiguous or in_ctx or cue in (STRONG, DATELINE) or (cue == WEAK and (
                p.feature == "country" or p.population >= AMBIGUOUS_WEAK_MIN_POPULATION or p.rank)):
            return 0.9, True
        return 0.5, False
    if ambiguous:
        if cue in (STRONG, DATELINE):
            return 0.85, True
        if (in_ctx and (cue == WEAK or p.population >= CONTEXT_MIN_POPULATION)) or (
                cue == WEAK and (p.population >= AMBIGUOUS_WEAK_MIN_POPULATION or p.rank)):
            return 0.75, True
        return 0.4, False
    if cue in (STRONG, DATELINE):
        return 0.85, True
    if p.population >= GEONAMES_BIG:
        return 0.8, True
    if cue == WEAK and (sizeable or (in_ctx and p.population >= WEAK_CUE_CONTEXT_MIN_POPULATION)):
        return 0.75, True
    if in_ctx and (multiword or p.population >= CONTEXT_MIN_POPULATION):
        return 0.75, True
    return (UNSUPPORTED_LARGE if p.population >= CONTEXT_MIN_POPULATION else 0.5), False


def choose(
    res: Resources,
    candidates: Iterable[int],
    context: set[str],
    *,
    ambiguous: bool = False,
    cue: bool = False,
    multiword: bool = False,
) -> Place | None:
    """The best *supported* place among ``candidates`` given the article's countries, or None (a shorthand
    for :func:`resolve` without source or resolved places)."""
    r = resolve(res, candidates, PlaceContext(set(context)), ambiguous=ambiguous, cue=STRONG if cue else NONE,
                multiword=multiword)
    return r.place if r is not None and r.supported else None


def source_country(res: Resources, source: str | None, url: str | None) -> str | None:
    """The country of the outlet (sources.tsv) by its source name, else by its URL's domain."""
    table = res.source_country
    if source and source.lower() in table:
        return table[source.lower()]
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower() if url else ""
    while host:
        if host in table:
            return table[host]
        host = host.partition(".")[2] if "." in host else ""
    return None


def org_head(word: str) -> bool:
    """Is a (matching-form) word the head noun of an organisation or building name, with or without a
    proclitic (``جامعة``، ``بجامعة``، ``لنادي``، ``وبمطار``)?"""
    if word in ORG_HEADS:
        return True
    for pre in ("وب", "ول", "فب", "فل", "ب", "ل", "و", "ف"):
        if word.startswith(pre) and len(word) - len(pre) >= 3 and word[len(pre):] in ORG_HEADS:
            return True
    return False


# ``باليمن والبركات``: with good fortune (يُمن), a greeting, not Yemen.
_BLESSINGS = ("والبركه", "والبركات", "والخير", "والخيرات", "والمسرات", "والسعاده", "والمسره")
# Particles that only a verb follows (matching forms): ``فهل نجد`` "do we find", not Najd.
VERB_PARTICLES = frozenset({"لم", "لن", "سوف", "كي", "لكي", "قد", "هل"})
# Words that say a quotation's outlet (``قالت مصادر لـ«الشرق الأوسط»``: the newspaper, not the region).
SAYING_WORDS = frozenset(
    {
        "قال", "قالت", "يقول", "تقول", "اكد", "اكدت", "يوكد", "اوضح", "اوضحت", "صرح", "صرحت", "كشف",
        "كشفت", "افاد", "افادت", "اضاف", "اضافت", "مصادر", "مصدر", "تحدث", "تحدثت", "حديث", "حديثه", "تصريح",
        "تصريحات", "تصريحه", "ذكر", "ذكرت", "اشار", "اشارت", "اعلن", "اعلنت", "قالوا", "اكدوا", "اوضحوا",
    }
)
_OPEN_QUOTES = "«\"“”'"
_CLOSE_QUOTES = "»\"”“'"
_TANWEEN = "\u064b\u064c\u064d"
_W = r"[^\s،,.:؛\-–—ـ]+"
_S = r"[^\S\n]"  # a space within the line
_ROAD = re.compile(rf"(?:^|{_S})(?:[وب]|ال|وال|بال)?طريق(?:{_S}+{_W}){{1,3}}?(?:{_S}*[-–—ـ]{_S}*{_W}(?:{_S}+{_W})?)*"
                   rf"{_S}*[-–—ـ]{_S}*$")


def _norm_words(text: str) -> list[str]:
    return [w for w in normalize_string(text).split() if any(ch.isalpha() for ch in w)]


def not_a_place(text: str, start: int, end: int, *, country: bool = False, res: Resources | None = None) -> str:
    """Why the name at ``text[start:end]`` (source offsets) is not a place mention, or "" when nothing says so.

    - ``tanween``: it ends with tanween (``بيوتاً``): an indefinite common noun, never a place's name;
    - ``verb``: a particle that only a verb follows stands before it (``فهل نجد ذلك``، ``لم تجد``); after
      ``هل`` a country's name is still a country (``هل مصر مستعدة``);
    - ``road``: it ends the name of a road between places (``طريق المزاحمية – الرياض``، ``طريق تربة - حضن -
      الطائف``);
    - ``outlet``: it fills quotation marks after ``لـ`` near a verb of saying (``قالت مصادر لـ«الشرق الأوسط»``،
      ``وأكد لـ"الرياض"``): the newspaper;
    - ``person``: (with ``res``) a definite masculine nationality adjective stands right before it (``المدافع
      الروماني سان مارتن``): a person's name; a feminine one may describe a capital (``العاصمة السورية دمشق``);
    - ``adjective``: a country name in a nationality's form right after ``العاصمة`` (``العاصمة السعودية``): a
      capital is a city, so the word describes it;
    - ``blessing``: ``باليمن`` before ``والبركات``/``والخير``…: good fortune, not Yemen;
    - ``agreement``: an agreement, treaty or talks named after the place where they were made (``اتفاق فيينا``،
      ``مفاوضات جنيف``); a country after them is a party, still a mention (``اتفاق إيران``);
    - ``club`` / ``quasi``: (with ``res``) a club's name before ``سيتي`` (``أورلاندو سيتي``); ``شبه`` "quasi-"
      before a word (``لجنة شبه سرية``) — see :func:`_club_or_quasi`;
    - ``small`` / ``nationality``: (with ``res``) no cue, ``ب``/``ل`` clitic or dateline announces it, and every
      place of its name is a small town abroad (``ويندي شيرمان``), or it is an accusative nisba (``24 سودانيا``):
      the NER model's guess alone is not a place (see :func:`_model_only`).
    """
    name = text[start:end]
    if name[-1:] in _TANWEEN or text[end : end + 1] in tuple(_TANWEEN):
        return "tanween"
    before = text[max(0, start - 80) : start]
    last = before.rsplit(None, 1)[-1] if before[-1:].isspace() and before.strip() else ""
    prev = normalize_string(last) if any(ch.isalpha() for ch in last) else ""
    if len(prev) > 2 and prev[0] in "وف" and prev[1:] in VERB_PARTICLES:
        prev = prev[1:]
    if prev in VERB_PARTICLES and not (prev == "هل" and country) and not name.startswith("ال"):
        return "verb"
    if "طريق" in before and _ROAD.search(before):
        return "road"
    if prev == "العاصمه" and normalize_string(name).endswith("يه"):
        return "adjective"
    key = normalize_string(name) if "يمن" in name else ""
    if key == "باليمن" or (key == "اليمن" and text[start - 1 : start] == "ب"):
        after = text[end : end + 20].split()
        if after and normalize_string(after[0]).startswith(_BLESSINGS):
            return "blessing"
    if res is not None and prev.startswith("ال") and prev.endswith("ي") \
            and not name.startswith(("ال", "بال", "وال", "فال", "كال", "لل")) and _masculine_nationality(res, prev):
        return "person"
    if prev and _agreement_word(prev) and not country and not (res is not None and _names_country(res, name)):
        return "agreement"
    stripped = before.rstrip()
    if stripped[-1:] and stripped[-1] in _OPEN_QUOTES and text[end : end + 1] in tuple(_CLOSE_QUOTES):
        lead = stripped[:-1].rstrip()
        if (lead.endswith(("لـ", " ل")) or lead == "ل") and any(
                w in SAYING_WORDS or (len(w) > 3 and w[0] == "و" and w[1:] in SAYING_WORDS)
                for w in _norm_words(lead)[-6:]):
            return "outlet"
    if res is not None and not country:  # neither rule fits a country's name
        return _club_or_quasi(res, text, start, end) or _model_only(res, text, start, end, before)
    return ""


_CLUB_AFTER = frozenset({"سيتي", "يونايتد"})


def _club_or_quasi(res: Resources, text: str, start: int, end: int) -> str:
    """``club``: a town before ``سيتي``/``يونايتد`` that with it is no place name (``أورلاندو سيتي``; but
    ``كانساس سيتي`` is a city, and so is one after a capital, a country or a city of a million); ``quasi``:
    ``شبه`` "quasi-" before an indefinite adjective (``لجنة شبه سرية``; ``شبه الجزيرة``، ``شبه القارة الهندية``
    are places)."""
    after = text[end : end + 12].split(None, 1)
    nxt = normalize_string(after[0]) if after else ""
    quasi = text[start:end].startswith("شبه ")
    if nxt not in _CLUB_AFTER and not quasi:
        return ""
    key = " ".join(normalize_string(text[start:end]).split())
    if nxt in _CLUB_AFTER and not any(
            p.feature == "country" or p.rank == "capital" or p.population >= GEONAMES_BIG
            for form, _ in _forms(key) for p in _place_entries(res, form)) and not any(
            _place_entries(res, f"{form} {nxt}") for form, _ in _forms(key)):
        return "club"
    words = key.split()
    if len(words) == 2 and words[0] == "شبه" and not words[1].startswith("ال") and not _place_entries(res, key):
        return "quasi"
    return ""


SMALL_POPULATION_FAR = 100_000  # a one-word package town outside MENA this small needs a cue (ويندي شيرمان)


# Agreements, treaties and talks named by a city where they were made (اتفاق فيينا، مفاوضات جنيف); one named by a
# country names a party to it (اتفاق إيران), a country mention.
AGREEMENT_WORDS = frozenset({"اتفاق", "اتفاقيه", "معاهده", "محادثات", "مفاوضات", "مباحثات", "تفاهمات"})


def _agreement_word(word: str) -> bool:
    if word in AGREEMENT_WORDS:
        return True
    return any(word.startswith(pre) and word[len(pre):] in AGREEMENT_WORDS for pre in ("و", "ب", "ل", "وب", "ول"))


def _names_country(res: Resources, name: str) -> bool:
    key = " ".join(normalize_string(name).split())
    return any(p.feature == "country" for form, _ in _forms(key) for p in _place_entries(res, form))


def _model_only(res: Resources, text: str, start: int, end: int, before: str) -> str:
    """``small`` / ``nationality`` for a name that no cue, ``ب``/``ل`` clitic, dateline or longer place name
    announces: every place of its one-word name is a package town outside MENA under ``SMALL_POPULATION_FAR``
    (``ويندي شيرمان``، ``أولد ترافورد``), or it is no place name but an accusative nisba noun (``24 سودانيا``)."""
    key = " ".join(normalize_string(text[start:end]).split())
    if not key:
        return ""
    places: list[Place] = []
    for form, pre in _forms(key):
        found = [p for p in _place_entries(res, form) if not pre or _prefixed_size(p)]  # باور is no ب + Ur
        if found and ("ب" in pre or pre.lstrip("وف").startswith("ل")):
            return ""  # بـ/لـ glued: a weak cue
        places.extend(found)
    if places:
        if not all(_small(p, " " in key) for p in places):
            return ""
        reason = "small"
    elif " " not in key and not key.startswith("ال") and key.endswith("يا") and _nationality(res, key[:-1]):
        reason = "nationality"  # 24 سودانيا: an accusative nisba noun, "24 Sudanese"
    else:
        return ""
    if start > 0 and text[start - 1] in ("ب", "ل"):
        return ""  # بـ/لـ glued before the span: a weak cue
    lead = before.rstrip().rstrip(_OPEN_QUOTES).rstrip()
    line_start = not before[before.rfind("\n") + 1 :].strip(" \t" + _OPEN_QUOTES)
    if line_start or lead[-1:] in "-–—ـ" or re.match(r"\s*[-–—ـ:(]", text[end : end + 3]):
        return ""  # a dateline or a heading
    last = lead.rsplit(None, 1)[-1:] if lead else []
    prev = _norm_words(last[0])[-1:] if last else []
    w = prev[0] if prev else ""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if w in LOCATIVE_CUES or w in WEAK_CUES or w in ("ب", "ل"):
        return ""
    nxt = _norm_words(text[end : end + 40])[:1]
    # a longer name the span is part of (NER span سراي of آق سراي): the dictionary's name, not the model's guess
    longer = [f"{prev[0]} {key}"] if prev else []
    if nxt:
        longer += [f"{key} {nxt[0]}", f"{prev[0]} {key} {nxt[0]}" if prev else ""]
    if any(_place_entries(res, k) for k in longer if k):
        return ""
    return reason


def _forms(key: str) -> list[tuple[str, str]]:
    """The key and what follows each proclitic it may start with, with that proclitic."""
    out = [(key, "")]
    for pre in PROCLITICS:
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            out.append((key[len(pre) :], pre))
    return out


def _place_entries(res: Resources, form: str) -> list[Place]:
    try:
        _, entries = res.automaton.get(form)
    except KeyError:
        return []
    return [res.places[i] for kind, i, _ in entries if kind in _PLACE_KINDS]


def _small(p: Place, multiword: bool) -> bool:
    if p.source not in ("geonames", "arwikicats", "translit") or p.rank or multiword or p.country in MENA:
        return False
    return p.population < SMALL_POPULATION_FAR


def _nationality(res: Resources, word: str) -> bool:
    try:
        _, entries = res.automaton.get(word)
    except KeyError:
        return False
    return any(kind == NATIONALITY for kind, _, _ in entries)


def _masculine_nationality(res: Resources, word: str) -> bool:
    try:
        _, entries = res.automaton.get(word)
    except KeyError:
        return False
    return any(kind == NATIONALITY and not needs_article and res.nationalities[i].number == "sg"
               and res.nationalities[i].definite for kind, i, needs_article in entries)


_PLACE_KINDS = frozenset({PLACE, PLACE_AMBIGUOUS, PLACE_CUE})


def ner_place(res: Resources, text: str, start: int, end: int, ctx: PlaceContext,
              fold: bool = True) -> Resolution | None:
    """The place of an NER place span that no dictionary match touches, or None.

    The span's words, or what follows a proclitic glued to them (``بعكا`` → ``عكا``, which the gazetteer does not
    read after a clitic on its own: a short name), are looked up among place names; the model's span stands for
    the cue a short or ambiguous name needs. After a proclitic a package city must be as large as
    :func:`prefixed_ok` asks of a long name (``PREFIXED_MIN_POPULATION`` in MENA, ``PREFIXED_MIN_POPULATION_FAR``
    elsewhere: ``وشيرمان`` is no Sherman).
    """
    key = " ".join(normalize_string(text[start:end], fold).split())
    forms: list[tuple[str, bool, bool]] = [(key, False, False)]
    for pre in PROCLITICS:
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            forms.append((key[len(pre) :], pre.endswith(("ال", "لل")), True))
    for form, article, prefixed in forms:
        try:
            _, entries = res.automaton.get(form)
        except KeyError:
            continue
        cands = [i for kind, i, needs_article in entries if kind in _PLACE_KINDS and needs_article == article
                 and (not prefixed or _prefixed_size(res.places[i]))]
        if cands:
            return resolve(res, cands, ctx, cue=STRONG, multiword=" " in form)
    return None


def _prefixed_size(p: Place) -> bool:
    if p.source not in ("geonames", "arwikicats", "translit"):
        return True
    return p.population >= (PREFIXED_MIN_POPULATION if p.country in MENA else PREFIXED_MIN_POPULATION_FAR)


def org_before(text: str, start: int) -> bool:
    """Is the word before ``start`` (spaces or one quotation mark between, no other punctuation) the head of an
    organisation, team or building name (``شرطة زيوريخ``، ``شارع بندة`` with a no-break space، ``صحيفة «عكاظ»``)?"""
    before = text[max(0, start - 30) : start]
    core = before.rstrip()
    if core[-1:] and core[-1] in _OPEN_QUOTES:
        core = core[:-1].rstrip()
    elif core == before:
        return False  # glued to the word before
    words = core.split()
    return bool(words) and words[-1].isalpha() and org_head(normalize_string(words[-1]))


def prefixed_ok(p: Place, key: str, prefix: str = "") -> bool:
    """May a candidate be read from a word with a proclitic (``بالطائف``، but not ``فيلم`` → ف + يلم)?

    A short name whose own form has the article is not read from a word with a plain proclitic and no
    article (``فرقة`` "troupe" is not ف + الرقة; the name would be written ``فالرقة``).
    """
    if prefix and not prefix.endswith(("ال", "لل")) and len(key) < PREFIXED_MIN_KEY and p.name_ar.startswith("ال") \
            and key in (normalize_string(p.name_ar)[2:], normalize_string(p.name_ar, False)[2:]):
        return False
    if p.source not in ("geonames", "arwikicats", "translit"):
        return True
    if len(key.replace(" ", "")) < PREFIXED_MIN_KEY:
        return p.population >= PREFIXED_MIN_POPULATION_FAR  # ودبي yes, والد no
    return p.population >= (PREFIXED_MIN_POPULATION if p.country in MENA else PREFIXED_MIN_POPULATION_FAR)


def cue_of(words: Sequence[str], k: int, prefix: str) -> str:
    """The cue before word ``k`` of ``words`` (normalised words), given the clitic glued to it."""
    prev = words[k - 1] if k > 0 else ""
    if len(prev) > 3 and prev[0] in "وف":
        prev = prev[1:]
    if prev in LOCATIVE_CUES:
        return STRONG
    if prev in ("الي", "نحو") and any(w in MOTION_VERBS or (len(w) > 3 and w[0] == "و" and w[1:] in MOTION_VERBS)
                                     for w in words[max(0, k - 5) : k - 1]):
        return STRONG
    if prev in WEAK_CUES or "ب" in prefix or prefix.lstrip("وف").startswith("ل"):
        return WEAK
    return NONE


def place_link(p: Place, why: list[str] | None = None, runner_up: Place | None = None) -> Link:
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
        evidence=list(why or []),
        runner_up=runner_up.id if runner_up is not None else None,
    )
