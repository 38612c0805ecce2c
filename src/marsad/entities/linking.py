"""Linking and coreference inside one article: dictionary matches → linked mentions.

What it settles:

- full names and spelling variants → the actor (``بوتين``/``بوتن`` are one entity);
- short forms (``الأسد``) → the actor only with context: a prior full mention (coreference), or the
  actor's country in the article and a publication date inside the actor's public life;
- role descriptions → an agent (``الرئيس الروسي`` → RUS GOV, role president) and, when the article's
  date is known, the office holder on that date; dual roles over coordinated countries
  (``رئيسي تركيا وإيران``) → one agent per country; ``نظيره السوري`` → the holder of the other party's
  office in Syria; sector collectives (``الجيش الروسي`` → RUS MIL), with a bare collective taking the
  country of a same-sector agent in its sentence;
- a bare office noun (``الرئيس``) → the last person in the article holding that office;
- places → the best candidate for the article's context (see ``places``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from marsad.article import Link
from marsad.entities import place_cues
from marsad.entities import places as placemod
from marsad.entities.gazetteer import Match
from marsad.kb.records import (
    ACTOR,
    ACTOR_SHORT,
    HEAD_OF_STATE,
    NATIONALITY,
    PLACE,
    PLACE_AMBIGUOUS,
    PLACE_CUE,
    ROLE,
    Actor,
    Place,
    Resources,
    Role,
)
from marsad.text.normalize import NormText

SECTOR_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "SPY": "intelligence",
    "REB": "rebels",
    "UAF": "armed men",
    "CVL": "civilians",
    "OPP": "opposition",
    "LEG": "legislature",
    "JUD": "judiciary",
    "JRN": "media",
    "REF": "refugees",
    "MED": "health",
    "REL": "religious",
    "EDU": "education",
    "BUS": "business",
    "LAB": "labour",
    "AGR": "agriculture",
    "IGO": "organisation",
}
# An org that can be the jurisdiction of an office (الأمين العام للأمم المتحدة).
_ORG_JURISDICTIONS = frozenset({"un", "arab_league", "nato"})
_SHORT_YEARS_BEFORE = 3
LOCAL_MAX_POPULATION = 100_000  # a place abroad after a settlement cue this small may be a local namesake
# Words before an office that make another person than its holder (نائب وزير الدفاع، مستشار المرشد), in the
# matching form.
# An adviser's or a spokesman's principal is still mentioned (مستشار خادم الحرمين الشريفين): not among them.
_DEPUTY_WORDS = frozenset({"نايب", "نايبه", "مساعد", "مساعده"})
# Cue nouns between an organisation head and its place (بلدية محافظة العلا، شرطة منطقة القصيم).
_HEAD_CUES = frozenset({"منطقه", "محافظه", "مدينه"})
# Forms of government that make a state's name with a nationality adjective (الجمهورية اليمنية).
_STATE_HEADS = frozenset({"الجمهوريه", "المملكه", "السلطنه", "الاماره"})
CUE_ONLY_CONFIDENCE = 0.4  # a cue-only place name without its cue (kept only under an NER place span)
HOME_CITY_POPULATION = 300_000  # a city this big names its country for the article's home country
SOURCE_PRIOR = 2  # the source's country counts as this many mentions when choosing a bare office's country
_SHORT_YEARS_AFTER = 2
#: Quotation marks a newspaper's name is written between when a report cites it (``لـ«الشرق الأوسط»``).
_QUOTES_OPEN = "«\"“”'{"
_QUOTES_CLOSE = "»\"”“'}"
#: Words right before an outlet's name that say it is the outlet (``بصحيفة سبق``).
_OUTLET_HEADS = ("صحيفة", "جريدة", "صحيفه", "جريده", "موقع", "مجلة", "مجله")
#: Words right before a club's one-word short name that make it the club (``فريق الهلال``، ``جماهير النصر``).
_CLUB_CUES = frozenset({"فريق", "جماهير", "جمهور", "لاعب", "لاعبو", "لاعبي", "مدرب", "مهاجم", "حارس", "مدافع",
                        "نجم", "نجوم", "قميص"})
#: A byline dateline after an outlet's name: ``سبق - الرياض:``، ``سبق ـ أبها:``.
_BYLINE = re.compile(r"[ \t]*[-–—ـ][ \t]*[^\s:،.]+(?:[ \t][^\s:،.]+)?[ \t]*:")
# The words a strong cue can end with (with or without و/ف): only words after one are looked at.
_CUE_WORDS = frozenset(
    {w for c in (*placemod.LOCATIVE_CUES, "الي", "نحو") for w in (c, "و" + c, "ف" + c)}
)
# Words that may follow a locative cue and are not names (never looked up by transliteration).
_STOP = frozenset(
    {
        "البلاد", "المملكه", "المدينه", "الدوله", "العاصمه", "المنطقه", "شرق", "غرب", "شمال", "جنوب", "وسط",
        "كبير", "صغير", "جديد", "قديم", "كل", "بعض", "عدد", "احد", "اكثر", "اقل", "نفس", "خلال", "حيث", "التي",
        "الذي", "مدينه", "منطقه", "محافظه", "قريه", "بلده", "حي", "داخل", "خارج", "قرب", "بين", "عند", "امام",
        "خلف", "حول", "متابعات", "متابعه", "وكالات", "مراسل", "مراسلنا", "خاص", "تقارير", "ثقافي", "منزل",
        "منزله", "مكان", "موقع", "مقر", "مكتب",
    }
) | placemod.LOCATIVE_CUES | placemod.WEAK_CUES | {"و" + w for w in placemod.LOCATIVE_CUES} | placemod.ORG_HEADS


@dataclass(slots=True)
class Mention:
    """A linked (or deliberately unlinked) mention before it becomes an ``Entity``.

    Attributes:
        antecedent: Index (in the mention list) of the mention this one co-refers with.
        pattern: Why it was made (provenance pattern): ``actor``, ``role+nat``, ``counterpart`` ...
        sentence: Index of the sentence it lies in.
        actor: Actor id when linked to a person or organisation.
        short_actor: For an unlinked short form, the actor it would be (NER evidence can confirm it).
    """

    start: int
    end: int
    label: str
    source: str
    link: Link | None = None
    confidence: float = 1.0
    antecedent: int | None = None
    pattern: str | None = None
    sentence: int = -1
    actor: str | None = None
    short_actor: str | None = None
    named: bool = field(default=True)
    nil: Link | None = None


def actor_link(res: Resources, actor: Actor, day: date | None, role: str | None = None) -> Link:
    """The ``Link`` of an actor; ``role`` defaults to the office held on ``day``."""
    if role is None:
        term = res.office_on(actor.id, day)
        role = term.office if term else None
    return Link(
        id=f"actor:{actor.id}",
        name_en=actor.name_en,
        name_ar=actor.name_ar,
        type=actor.type,
        country=actor.country,
        sector=actor.sector,
        role=role,
        wikidata=actor.wikidata,
    )


def agent_link(res: Resources, country: str | None, sector: str, office: str | None = None) -> Link:
    """The ``Link`` of a role agent with no person: ``agent:RUS:GOV:president``."""
    en, ar = res.country_name(country) if country else ("", "")
    what = SECTOR_NAMES.get(sector, sector)
    if sector == "GOV" and en and not office:
        name_en = f"Government of {en}"  # as Wikipedia titles it (Government of Iran)
    else:
        name_en = " ".join(x for x in (en, what, f"({office.replace('_', ' ')})" if office else "") if x)
    return Link(
        id=f"agent:{country or 'UNK'}:{sector}" + (f":{office}" if office else ""),
        name_en=name_en,
        name_ar=ar,
        type="AGENT",
        country=country,
        sector=sector,
        role=office,
    )


class Linker:
    """Links the dictionary matches of one article (build one per article).

    Args:
        res: Compiled resources.
        nt: Normalised view of the article text.
        words: Word spans of ``nt.norm``.
        matches: Dictionary matches in text order.
        sentence_starts: Source start offsets of the sentences, ascending.
        published: The article's publication date, if known.
        source: The article's news source (its country is a prior for places, sources.tsv).
        url: The article's URL (its domain finds the source when ``source`` does not).
        sport: The article is a sports report (a club's one-word name there is the club).
    """

    def __init__(
        self,
        res: Resources,
        nt: NormText,
        words: Sequence[tuple[int, int]],
        matches: Sequence[Match],
        sentence_starts: Sequence[int],
        published: date | None,
        source: str | None = None,
        url: str | None = None,
        sport: bool = False,
    ) -> None:
        self.res = res
        self.nt = nt
        self.words = words
        self.ms = matches
        self._ms_at: dict[tuple[int, int, int, str], int] | None = None  # see _match_index
        self.sentence_starts = sentence_starts
        self.day = published
        self.sport = sport
        self.out: list[Mention] = []
        self.first_full: dict[str, int] = {}
        self.context_at: dict[str, set[int]] = {}
        self.context = self._context_countries()
        self.places = placemod.PlaceContext(self.context, placemod.source_country(res, source, url))
        self.datelines = place_cues.dateline_segments(nt)
        self.adjectives: set[tuple[int, int]] = set()  # source spans of country names used as adjectives
        self._word_texts = [nt.norm[a:b] for a, b in words]
        self.named: dict[str, int] = {}  # country → how often the article names it (names, nationality words)
        self.home, self.home_how = self._home_country()
        self.cued_clubs = self._cued_clubs()

    # --- helpers -------------------------------------------------------------

    def _sentence(self, start: int) -> int:
        return bisect_right(self.sentence_starts, start) - 1

    def _entries(self, m: Match, kind: str) -> list[int]:
        return [i for k, i in m.entries if k == kind]

    def _prefix(self, m: Match) -> str:
        return self.nt.norm[self.words[m.token][0] : m.nstart]

    def _next(self, i: int) -> Match | None:
        """The match right after match ``i`` when it begins on the next word."""
        if i + 1 < len(self.ms) and self.ms[i + 1].token == self.ms[i].last_token + 1:
            return self.ms[i + 1]
        return None

    def _prev_word(self, m: Match) -> str:
        if m.token == 0:
            return ""
        s, e = self.words[m.token - 1]
        w = self.nt.norm[s:e]
        return w[1:] if len(w) > 3 and w[0] in "وف" else w

    def _definite(self, m: Match) -> bool:
        """Is the matched noun phrase definite (``الرئيس``, ``رئيس الوزراء``, ``للرئيس``)?"""
        return m.key.startswith("ال") or " ال" in m.key or self._prefix(m).endswith(("ال", "لل"))

    def _country_of(self, m: Match, head_definite: bool | None = None) -> str | None:
        """The country a modifier match names: a nationality agreeing in definiteness with its head
        (``الأمير تركي`` is a name, not a Turkish emir), or a country (not a city)."""
        for i in self._entries(m, NATIONALITY):
            nat = self.res.nationalities[i]
            if head_definite is not None and head_definite != (nat.definite or self._definite(m)):
                continue
            return nat.country
        for i in self._entries(m, PLACE) + self._entries(m, PLACE_AMBIGUOUS):
            p = self.res.places[i]
            if p.feature == "country":
                return p.country
        return None

    def _context_countries(self) -> set[str]:
        """Countries the article names (countries, curated places, nationalities, actors); ``self.context_at``
        keeps where each was named, so that a name does not count as context for itself (``عمان``: Oman or
        Amman is settled by the rest of the article, not by the name's own country reading)."""
        ctx: set[str] = set()
        at: dict[str, set[int]] = {}
        for m in self.ms:
            for k, i in m.entries:
                c: str | None = None
                if k == NATIONALITY:
                    c = self.res.nationalities[i].country
                elif k == PLACE:
                    p = self.res.places[i]
                    if p.source in ("country", "curated", "admin") and p.country:
                        c = p.country
                elif k == ACTOR:
                    c = self.res.actors[i].country
                if c:
                    ctx.add(c)
                    at.setdefault(c, set()).add(m.nstart)
        self.context_at = at
        return ctx

    def _context_without(self, m: Match) -> placemod.PlaceContext:
        """The place context less the countries that only match ``m`` itself names."""
        own = {c for c, where in self.context_at.items() if where == {m.nstart}}
        if not own:
            return self.places
        return placemod.PlaceContext(self.context - own, self.places.source_country, self.places.resolved)

    def _home_country(self) -> tuple[str | None, str]:
        """The country a bare office (``وزير الخارجية``) belongs to: the dateline's, else the country the article
        names most (country names and nationality words), its source's country counting ``SOURCE_PRIOR`` extra
        mentions. A prior, never a fact: ``how`` is ``dateline``, ``source`` or ``most_named``."""
        src = self.places.source_country
        counts: dict[str, int] = {src: SOURCE_PRIOR} if src else {}
        for m in self.ms:
            here: str | None = None
            for k, i in m.entries:
                if k == NATIONALITY:
                    here = self.res.nationalities[i].country
                elif k in (PLACE, PLACE_AMBIGUOUS) and self.res.places[i].feature == "country":
                    here = self.res.places[i].country
                elif k == PLACE and (self.res.places[i].source in ("curated", "admin")
                                     or self.res.places[i].population >= HOME_CITY_POPULATION):
                    here = self.res.places[i].country  # الإسكندرية: a known city or region names its country
                if here:
                    break
            if here is None:
                continue
            if (m.nstart, m.nend) in self.datelines:
                return here, "dateline"
            counts[here] = counts.get(here, 0) + 1
            self.named[here] = self.named.get(here, 0) + 1
        if not counts:
            return None, ""
        best = max(counts, key=lambda c: (counts[c], c == src))
        return best, "source" if best == src else "most_named"

    def _plausible(self, actor_id: str) -> bool:
        """Is the article's date inside the actor's public life (or unknown)?"""
        terms = self.res.offices_of(actor_id)
        if self.day is None or not terms:
            return True
        first = min(int(t.start[:4]) for t in terms) - _SHORT_YEARS_BEFORE
        last = max(9999 if t.end is None else int(t.end[:4]) for t in terms) + _SHORT_YEARS_AFTER
        return first <= self.day.year <= last

    def _emit(self, m: Mention) -> int:
        m.sentence = self._sentence(m.start)
        self.out.append(m)
        return len(self.out) - 1

    # --- main loop -----------------------------------------------------------

    def run(self) -> list[Mention]:
        """Link every match; returns mentions in text order."""
        i = 0
        while i < len(self.ms):
            m = self.ms[i]
            kinds = {k for k, _ in m.entries}
            if ROLE in kinds:
                after = self._role(i)
                if after is not None:
                    i = after
                    continue
            if ACTOR in kinds and self._patronymic(m, self._entries(m, ACTOR)[0]):
                pass  # سلطان بن سلمان بن عبدالعزيز: the son, not Salman
            elif ACTOR in kinds:
                self._actor(m, self._entries(m, ACTOR)[0], short=False)
            elif (ACTOR_SHORT in kinds and self._short(m)) or (NATIONALITY in kinds and self._state_name(m)):
                pass
            elif NATIONALITY in kinds and self._adjective(m):
                self.adjectives.add((m.start, m.end))
                self._nationality(m)
            elif PLACE in kinds or PLACE_AMBIGUOUS in kinds or PLACE_CUE in kinds:
                self._place(m)
            elif NATIONALITY in kinds:
                self._nationality(m)
            i += 1
        if self.res.translit:
            self._unknown_places()
        self._inherit_group_countries()
        self.out.sort(key=lambda x: (x.start, -x.end))
        return self.out

    def _patronymic(self, m: Match, idx: int) -> bool:
        """Is a person's name matched after ``بن``/``بنت``/``ابن`` — the father's name inside a longer one
        (``سلطان بن سلمان بن عبدالعزيز``), not that person?"""
        return self.res.actors[idx].type == "PERS" and m.token > 0 and not self._prefix(m) \
            and self._word_texts[m.token - 1] in ("بن", "بنت", "ابن")

    def _actor(self, m: Match, idx: int, short: bool, pattern: str | None = None) -> int:
        a = self.res.actors[idx]
        link = actor_link(self.res, a, self.day)
        first = self.first_full.get(a.id)
        mention = Mention(m.start, m.end, a.type, "gazetteer", link, 1.0 if not short else 0.8,
                          pattern=pattern or ("actor_short" if short else "actor"), actor=a.id)
        if first is not None:
            mention.antecedent = first
            if short or (m.nend - m.nstart) < (self.out[first].end - self.out[first].start):
                mention.source = "coref"
        k = self._emit(mention)
        if first is None:
            self.first_full[a.id] = k
        return k

    def _outlet_cue(self, m: Match) -> bool:
        """Is the short name cited as a newspaper: between quotation marks after ``لـ`` (``لـ"سبق"``،
        ``لـ«الشرق الأوسط»``: told the paper), after ``صحيفة``/``جريدة``, or before a byline dateline (``سبق -
        الرياض:``)? A quoted name without ``لـ`` (``وعلمت «الوطن»``) is not enough: the speaker finder would take
        the paper for the one who spoke."""
        text = self.nt.text
        before = text[max(0, m.start - 6):m.start].rstrip(" ")
        after = text[m.end:m.end + 3].lstrip(" ")
        if before[-1:] and before[-1] in _QUOTES_OPEN and after[:1] and after[0] in _QUOTES_CLOSE \
                and re.search(r"(?:^|\s)[وف]?لـ*\s*$", before[:-1] if len(before) > 1 else ""):
            return True  # told the paper (لـ«الشرق الأوسط»، لـ"سبق"): an addressee, never the speaker
        if _BYLINE.match(text, m.end) and (m.start == 0 or text[m.start - 1] in " \t\n-–ـ"):
            return True
        prev = self._prev_word(m)
        return bool(prev) and prev.lstrip("ب").lstrip("ل") in _OUTLET_HEADS

    def _cued_clubs(self) -> frozenset[str]:
        """The sports clubs whose one-word short name the article cues once at least: a club word before it
        (``فريق الهلال``، ``جماهير النصر``) for a club that can be the article's (:meth:`_club_country`), or its
        own nationality adjective after it (``القادسية الكويتي``). Every short mention of such a club is the club
        (the report's title ``الهلال يلاقي …``)."""
        out: set[str] = set()
        for i, m in enumerate(self.ms):
            if " " in m.key or not any(k == ACTOR_SHORT for k, _ in m.entries):
                continue
            clubs = [a for a in (self.res.actors[x] for x in self._entries(m, ACTOR_SHORT))
                     if a.type == "ORG" and a.sector == "SPT"]
            if not clubs:
                continue
            prev = self._word_texts[m.token - 1] if m.token > 0 else ""
            cued = not self._prefix(m) and (prev in _CLUB_CUES or (prev[:1] == "و" and prev[1:] in _CLUB_CUES))
            nxt = self.ms[i + 1] if i + 1 < len(self.ms) else None
            own = {self.res.nationalities[k].country for k in self._entries(nxt, NATIONALITY)} \
                if nxt is not None and nxt.token == m.last_token + 1 else set()
            for a in clubs:
                if (cued and self._club_country(a.country)) or a.country in own:
                    out.add(a.id)
        return frozenset(out)

    def _club_country(self, country: str | None) -> bool:
        """Can a cued short club name be a club of ``country``: the article's country, or the source's when the
        article's is no Arab country (a Saudi club's camp in Austria)? ``الأهلي`` in an Egyptian report is
        Cairo's club, not Jeddah's."""
        from marsad.kb.romanize import ARAB, alpha2

        if country is None:
            return False
        if country == self.home:
            return True
        return country == self.places.source_country and alpha2(self.home or "") not in ARAB

    def _short(self, m: Match) -> bool:
        for idx in self._entries(m, ACTOR_SHORT):
            a = self.res.actors[idx]
            if a.id in self.cued_clubs and " " not in m.key and not self._foreign_adjective(m, a.country) \
                    and self._plausible(a.id):
                self._actor(m, idx, short=True, pattern="actor_club")  # فريق الهلال … الهلال
                return True
            if a.type == "ORG" and a.sector == "JRN" and self._outlet_cue(m) and self._plausible(a.id):
                self._actor(m, idx, short=True, pattern="actor_outlet")  # سبق - الرياض:، لـ«الشرق الأوسط»
                return True
            if a.type == "ORG" and a.sector == "JRN" and {k for k, _ in m.entries} & {PLACE, PLACE_AMBIGUOUS}:
                return False  # الشرق الأوسط, الرياض without the outlet's cue: the place
            if a.id in self.first_full:
                self._actor(m, idx, short=True)
                return True
            if a.type == "ORG" and " " not in m.key and self.sport and a.sector == "SPT" and a.country == self.home \
                    and not self._foreign_adjective(m, a.country):
                self._actor(m, idx, short=True)  # الهلال، النصر in a sports report of the club's country
                return True
            if a.type == "ORG" and (" " not in m.key or self._foreign_adjective(m, a.country)):
                continue  # الهلال، النصر: one common word needs a full mention or NER; وزارة الداخلية المصرية
            if (a.country in self.context or (a.type == "ORG" and a.country == self.home)) \
                    and self._plausible(a.id):
                self._actor(m, idx, short=True)
                return True
        # remember what NER evidence could confirm
        idx = self._entries(m, ACTOR_SHORT)[0]
        if self._plausible(self.res.actors[idx].id) and not self._foreign_adjective(m, self.res.actors[idx].country):
            self._emit(Mention(m.start, m.end, self.res.actors[idx].type, "gazetteer", None, 0.5,
                               pattern="short_unconfirmed",
                               short_actor=self.res.actors[idx].id))
        return False

    def _state_name(self, m: Match) -> bool:
        """``الجمهورية اليمنية``، ``المملكة المغربية``، ``السلطنة العمانية``: a state's name made of its form of
        government and its nationality adjective is the country (emitted over both words)."""
        if m.token == 0 or self._prefix(m):
            return False
        prev = self._word_texts[m.token - 1]
        head, cut = prev, 0
        for pre in ("وبال", "فبال", "وال", "بال", "ال", "ولل", "لل"):
            if prev.startswith(pre) and "ال" + prev[len(pre):] in _STATE_HEADS:
                head, cut = "ال" + prev[len(pre):], len(pre) - (1 if pre.endswith("لل") else 2)
                break
        if head not in _STATE_HEADS or self.nt.norm[self.words[m.token - 1][1] : m.nstart].strip():
            return False
        for i in self._entries(m, NATIONALITY):
            nat = self.res.nationalities[i]
            if nat.definite and nat.number == "sg" and m.key.endswith("ه") and nat.country in self.res.country_place:
                p = self.res.places[self.res.country_place[nat.country]]
                s = self.words[m.token - 1][0] + cut
                start, _ = self.nt.to_source(s, s + 1)
                link = placemod.place_link(p, ["kb:country", "state_name"])
                self._emit(Mention(start, m.end, "LOC", "gazetteer", link, 0.9, pattern="place:country:state_name"))
                return True
        return False

    def _ends_phrase(self, m: Match) -> bool:
        """Does punctuation or the end of the text follow the match (``… وجّه الملك.``)? A king's or an emir's
        title is nearly always followed by a name (``الملك عبدالعزيز``، ``الأمير فيصل``): alone, it stands for
        the holder only at the end of a phrase."""
        rest = self.nt.norm[m.nend : m.nend + 3].lstrip()
        return not rest or not rest[0].isalpha()

    def _region_of(self, m: Match) -> str | None:
        """The id (``sau_makkah``) of the first-level region named after the city ``m`` names (``أمير مكة`` is the
        emir of منطقة مكة), else None."""
        for cue in _HEAD_CUES:
            hit = self.res.automaton.get(f"{cue} {m.key}", None)
            for kind, idx, *_ in hit[1] if hit else ():
                pid = self.res.places[idx].id if kind == PLACE else ""
                if pid.startswith("place:admin:"):
                    return pid.removeprefix("place:admin:")
        return None

    def _before_name(self, i: int) -> bool:
        """Is the role noun at match ``i`` followed by what reads as a name (``الأمير تركي``: a nationality word
        that does not agree with it, or another title)?"""
        nxt = self._next(i)
        if nxt is not None and self._prefix(nxt).startswith("و"):
            return False  # وسمو ولي ولي العهد والشعب السعودي: a conjunction, not an apposition
        return nxt is not None and bool(self._entries(nxt, NATIONALITY) or self._entries(nxt, ROLE))

    def _named_elsewhere(self, country: str, m: Match) -> bool:
        """Does another match than ``m`` name ``country`` (its name, or an unambiguous nationality word)?"""
        for o in self.ms:
            if o is m:
                continue
            for k, i in o.entries:
                if k == PLACE and self.res.places[i].feature == "country" and self.res.places[i].country == country:
                    return True
                if k == NATIONALITY and not self.res.nationalities[i].ambiguous \
                        and self.res.nationalities[i].country == country:
                    return True
        return False

    def _match_index(self, m: Match) -> int:
        """``self.ms.index(m)`` (the first equal match) by a look-up on the match's place, not a scan."""
        if self._ms_at is None:
            self._ms_at = {}
            for k, o in enumerate(self.ms):
                self._ms_at.setdefault((o.start, o.end, o.token, o.key), k)
        at = self._ms_at.get((m.start, m.end, m.token, m.key))
        return at if at is not None and self.ms[at] == m else self.ms.index(m)

    def _foreign_adjective(self, m: Match, country: str | None) -> bool:
        """Is the match followed by a nationality adjective of another country (``وزارة الداخلية المصرية``), or
        by ``في``/``ب`` and a place in another country (``وزارة الداخلية في غزة``)?"""
        i = self._match_index(m)
        if i + 1 >= len(self.ms):
            return False
        nxt = self.ms[i + 1]
        if nxt.token == m.last_token + 1:
            found = {self.res.nationalities[k].country for k in self._entries(nxt, NATIONALITY)}
            if self._prefix(nxt) in ("ب", "في"):
                found |= {c for k in self._entries(nxt, PLACE) if (c := self.res.places[k].country)}
        elif nxt.token == m.last_token + 2 and self._word_texts[m.last_token + 1] in ("في", "ب"):
            found = {c for k in self._entries(nxt, PLACE) if (c := self.res.places[k].country)}
        else:
            return False
        return bool(found) and country not in found

    def _adjective(self, m: Match) -> bool:
        """A country name that is also a nationality form, right after a definite noun, is the adjective
        (``الحكومة السعودية``، ``للقوات السورية``), not the country."""
        if m.token == 0 or self._prefix(m) or (m.nstart, m.nend) in self.datelines:
            return False
        if self.nt.norm[self.words[m.token - 1][1] : m.nstart].strip():
            return False  # punctuation between: not a noun and its adjective
        prev = self._word_texts[m.token - 1]
        for pre in ("وال", "فال", "بال", "لل", "ال"):
            if prev.startswith(pre) and len(prev) > len(pre) + 2:
                return prev not in placemod.LOCATIVE_CUES
        return False

    def _conjunction_reading(self, m: Match) -> Match | None:
        """``وجدة``: Oujda as one word, or و + جدة (Jeddah)? The conjunction reading when its place lies in a
        country of the article (or its source) and no whole-word candidate does."""
        if self._prefix(m) or not m.key.startswith("و") or len(m.key) < 4:
            return None
        try:
            _, entries = self.res.automaton.get(m.key[1:])
        except KeyError:
            return None
        alt = [(k, i) for k, i, needs_article in entries if k in (PLACE, PLACE_AMBIGUOUS) and not needs_article
               and placemod.prefixed_ok(self.res.places[i], m.key[1:], "و")]
        ctx = self._context_without(m)

        def near(i: int) -> bool:
            c = self.res.places[i].country
            return c is not None and (c in ctx.countries or c == ctx.source_country)

        whole = self._entries(m, PLACE) + self._entries(m, PLACE_AMBIGUOUS)
        if not any(near(i) for _, i in alt) or any(near(i) for i in whole):
            return None
        start, _ = self.nt.to_source(m.nstart + 1, m.nend)
        return replace(m, start=start, nstart=m.nstart + 1, key=m.key[1:], entries=tuple(alt))

    def _place(self, m: Match) -> None:
        m = self._conjunction_reading(m) or m
        cands = self._entries(m, PLACE)
        amb = not cands
        cue_only = False
        if amb:
            cands = self._entries(m, PLACE_AMBIGUOUS)
        if not cands:
            cands, cue_only = self._entries(m, PLACE_CUE), True
        if (m.nstart, m.nend) in self.datelines:
            cue = placemod.DATELINE
        else:
            cue = placemod.cue_of(self._word_texts, m.token, self._prefix(m))
        # a cue-only name (الخبر "the news" / Khobar) without its cue: a low-confidence mention that only an
        # NER place span on it keeps
        nerless = cue_only and cue not in (placemod.STRONG, placemod.DATELINE)
        nxt = self._word_texts[m.last_token + 1] if m.last_token + 1 < len(self._word_texts) else ""
        if any(nxt.startswith(w) for w in placemod.NOT_BEFORE.get(m.key, ())):
            return  # مسقط رأسه: the birthplace, not Muscat
        if self._prefix(m):
            cands = [i for i in cands if placemod.prefixed_ok(self.res.places[i], m.key, self._prefix(m))]
            if not cands:
                return
        if m.token and not self._prefix(m) and (placemod.org_head(self._word_texts[m.token - 1]) or (
                m.token > 1 and self._word_texts[m.token - 1] in _HEAD_CUES
                and placemod.org_head(self._word_texts[m.token - 2]))):
            self.adjectives.add((m.start, m.end))
            return  # جامعة جازان، مطار جدة، فريق الخليج، بلدية محافظة العلا: part of a name
        if placemod.not_a_place(self.nt.text, m.start, m.end,
                                country=any(self.res.places[i].feature == "country" for i in cands), res=self.res):
            self.adjectives.add((m.start, m.end))
            return  # بيوتاً، فهل نجد، طريق المزاحمية – الرياض، لـ«الشرق الأوسط»
        if amb and self._adjective(m):
            self.adjectives.add((m.start, m.end))
            return  # الحدود الشرقية: an adjective, not the Eastern Province
        r = placemod.resolve(self.res, cands, self._context_without(m), ambiguous=amb, cue=cue,
                             multiword=" " in m.key)
        if r is None:
            return
        p = r.place
        if cue == placemod.STRONG and self._local_instead(m, p):
            return
        why = list(r.evidence)
        rule = self.res.variant_rules.get((m.key, self._index(cands, p)))
        if rule:
            why.append(f"variant:{rule}")
        if r.supported and not nerless:
            self.places.resolved.append(p)
            if cue == placemod.DATELINE and p.country:
                self.context.add(p.country)
        self._emit(Mention(m.start, m.end, "LOC", "gazetteer", placemod.place_link(p, why, r.runner_up),
                           min(r.confidence, CUE_ONLY_CONFIDENCE) if nerless else r.confidence,
                           pattern=f"place:{p.source}" + (f":{cue}" if cue else "")))

    def _local_instead(self, m: Match, p: Place) -> bool:
        """After a district or village cue (``حي``، ``قرية``، ``هجرة`` …), a small place abroad that the article
        gives no reason for (its country neither named nor the source's) is taken for a local one of the same
        name: a place without coordinates in the article's country (``حي الخالدية`` in a Saudi article is a
        district, not the Jordanian town). Emits that mention and returns True, else False."""
        if p.source not in ("geonames", "arwikicats", "translit") or p.population >= LOCAL_MAX_POPULATION \
                or p.country is None or p.country in self.context or p.country == self.places.source_country:
            return False
        prev = self._prev_word(m) if m.token else ""
        if prev not in place_cues.LOCAL_CUES:
            return False
        country, how = place_cues.article_country(self.places)
        if country is None or country == p.country or (how == "source" and self.context - {country}):
            return False  # nothing resolved yet and other countries named: no local country to take
        name = self.nt.text[m.start : m.end]
        link = Link(id=f"place:unresolved:{country}:{m.key}", name_en="", name_ar=name, type="LOC", country=country,
                    feature="unresolved", evidence=["cue:settlement", f"country:{how}", f"not:{p.id}:{p.country}"])
        self._emit(Mention(m.start, m.end, "LOC", "gazetteer", link, 0.7, pattern="place:unresolved"))
        return True

    def _index(self, cands: list[int], p: object) -> int:
        for i in cands:
            if self.res.places[i] is p:
                return i
        return -1

    def _unknown_places(self) -> None:
        """Single words after a strong cue or filling a dateline segment that no dictionary matched, looked up
        by transliteration (``place_cues``)."""
        covered = [(m.token, m.last_token) for m in self.ms]
        for k in place_cues.uncovered_words(len(self.words), covered):
            s, e = self.words[k]
            dateline = (s, e) in self.datelines
            if not dateline:
                prev = self._word_texts[k - 1] if k else ""
                if prev not in _CUE_WORDS or placemod.cue_of(self._word_texts, k, "") != placemod.STRONG:
                    continue
            sk, cands = place_cues.translit_candidates(self.res, self._word_texts[k], _STOP)
            if not cands:
                self._unresolved(k)
                continue
            r = placemod.resolve(self.res, cands, self.places, cue=placemod.DATELINE if dateline else placemod.STRONG)
            big = placemod.TRANSLIT_BIG_DATELINE if dateline else placemod.TRANSLIT_BIG
            if r is None or not (r.place.country in self.context or r.place.population >= big):
                self._unresolved(k)  # a transliteration far from the article's countries is a guess too many
                continue
            src_s, src_e = self.nt.to_source(s, e)
            self._emit(Mention(src_s, src_e, "LOC", "gazetteer",
                               placemod.place_link(r.place, [*r.evidence, f"translit:{sk}"], r.runner_up), 0.75,
                               pattern="place:translit"))

    def _unresolved(self, k: int) -> None:
        """A name right after a settlement cue (``حي``، ``قرية``، ``محافظة``، ``مدينة``) that nobody knows: a place
        without coordinates, in the country of the article's places (or of its source)."""
        word = self._word_texts[k]
        prev = self._word_texts[k - 1] if k else ""
        if len(prev) > 3 and prev[0] in "وف":
            prev = prev[1:]
        if prev not in place_cues.SETTLEMENT_CUES or word in _STOP or len(word) < 3 or not word.isalpha() \
                or word.endswith("ا") or place_cues.nisba_adjective(prev, word):
            return  # an accusative adjective (معزولا) or a relational one (بشرية) is not a name
        if prev in place_cues.TOWN_CUES and word.startswith("ال"):
            return  # مدينة الألعاب، مركز الشرطة: a common noun, the known towns with ال are in the gazetteer
        country, how = place_cues.article_country(self.places)
        if country is None:
            return
        s, e = self.words[k]
        src_s, src_e = self.nt.to_source(s, e)
        name = self.nt.text[src_s:src_e]
        link = Link(id=f"place:unresolved:{country}:{word}", name_en="", name_ar=name, type="LOC", country=country,
                    feature="unresolved", evidence=["cue:settlement", f"country:{how}"])
        self._emit(Mention(src_s, src_e, "LOC", "gazetteer", link, 0.7, pattern="place:unresolved"))

    def _nationality(self, m: Match) -> None:
        nat = self.res.nationalities[self._entries(m, NATIONALITY)[0]]
        if nat.number != "pl":
            return
        if nat.ambiguous and not self._named_elsewhere(nat.country, m):
            return  # منتجات الألبان: dairy, unless Albania is named

        self._emit(Mention(m.start, m.end, "AGENT", "role", agent_link(self.res, nat.country, "CVL"), 0.6,
                           pattern="nationality_plural"))

    # --- roles ---------------------------------------------------------------

    def _role(self, i: int) -> int | None:
        """Handle a role noun at match ``i``: the index of the next match to look at, or None when the
        match is not used as a role here."""
        m = self.ms[i]
        role = self.res.roles[self._entries(m, ROLE)[0]]
        j = i + 1
        countries: list[tuple[str, Match]] = []
        org: str | None = None
        nxt = self._next(i)
        if nxt is not None:
            c = self._country_of(nxt, role.kind == "counterpart" or self._definite(m))
            if c is not None and self._definite(m) and self._prefix(nxt)[:1] in ("ل", "ب") \
                    and not self._entries(nxt, NATIONALITY):
                c = None  # زيارة ولي ولي العهد لمصر: where he goes, not whose office
            if c is not None:
                countries.append((c, nxt))
                j = i + 2
                is_nat = bool(self._entries(nxt, NATIONALITY))
                if not is_nat and role.number in ("du", "pl"):
                    while j < len(self.ms) and self.ms[j].token == self.ms[j - 1].last_token + 1 \
                            and self._prefix(self.ms[j]).startswith("و"):
                        c2 = self._country_of(self.ms[j])
                        if c2 is None:
                            break
                        countries.append((c2, self.ms[j]))
                        j += 1
                if not is_nat:
                    j = i + 1  # countries are also emitted as places
            else:
                for idx in self._entries(nxt, ACTOR):
                    if self.res.actors[idx].id in _ORG_JURISDICTIONS:
                        org = self.res.actors[idx].id
                if org is None and role.office:  # أمير منطقة الرياض: the office of a region
                    for idx in self._entries(nxt, PLACE) + self._entries(nxt, PLACE_AMBIGUOUS):
                        pid = self.res.places[idx].id
                        region = pid.removeprefix("place:admin:")
                        if region == pid:  # أمير مكة: the region named after the city
                            region = self._region_of(nxt) or pid
                        if region != pid and self.res.offices_by_key.get((region, role.office)):
                            org = region
                            break
        fixed = role.jurisdiction is not None and not countries and org is None
        # apposition: a person named right after the role (+ modifier)
        person: Actor | None = None
        pm = nxt if fixed else self._next(i + 1) if len(countries) == 1 else (nxt if not countries else None)
        if pm is not None:
            for idx in self._entries(pm, ACTOR):
                if self.res.actors[idx].type == "PERS":
                    person = self.res.actors[idx]
        if ACTOR_SHORT in {k for k, _ in m.entries} and not countries and person is None and org is None:
            return None  # رئيسي as Raisi, not as a dual role noun
        if role.kind == "counterpart":
            self._counterpart(m, role.sector, countries, person)
        elif role.kind in ("office", "office_mod"):
            if fixed and role.jurisdiction:
                countries = [(role.jurisdiction, m)]
            self._office(i, role, countries, person, org)
        elif role.kind == "group" or countries:
            for n, (c, cm) in enumerate(countries or [(None, m)]):
                start = m.start if n == 0 else cm.start
                end = cm.end if countries else m.end
                self._emit(Mention(start, end, "AGENT", "role", agent_link(self.res, c, role.sector),
                                   0.9 if c else 0.6, pattern="role+nat" if c else "group", named=False))
        return max(j, i + 1)

    def _office(self, i: int, role: Role, countries: list[tuple[str, Match]], person: Actor | None,
                org: str | None) -> None:
        m = self.ms[i]
        office = role.office or ""
        if m.token > 0 and not self._prefix(m) and self._prev_word(m) in _DEPUTY_WORDS and person is None \
                and (countries or role.jurisdiction):
            # نائب وزير الدفاع الروسي، نائب خادم الحرمين الشريفين: another person than the holder, of that country
            for n, (c, cm) in enumerate(countries or [(role.jurisdiction or "", m)]):
                self._emit(Mention(m.start if n == 0 else cm.start, cm.end, "AGENT", "role",
                                   agent_link(self.res, c, role.sector, f"deputy_of_{office}" if office
                                              else None), 0.6, pattern="role+deputy", named=False))
            return
        if org is not None:
            countries = [(org, self._next(i) or m)]
        if not countries:
            if person is not None or role.kind == "office_mod" or role.number != "sg":
                return
            ante = self._office_antecedent(office)
            if ante is not None:
                src = self.out[ante]
                self._emit(Mention(m.start, m.end, "AGENT", "coref", src.link, 0.7, antecedent=ante,
                                   pattern="office_coref", actor=src.actor, named=False))
            elif self.home and office and self._definite(m) and not self._before_name(i) \
                    and self.res.offices_by_key.get((self.home, office)) \
                    and (office not in HEAD_OF_STATE or self._ends_phrase(m)):
                # a bare definite office (وزير الخارجية) in a Saudi article is the Saudi one: the holder on
                # the article's date when known, else the office of the article's country (not a head of
                # state or government the country is not known to have: الرئيس in Saudi news is foreign)
                link, actor = self._holder_link(self.home, role.sector, office, None, fallback=False)
                self._emit(Mention(m.start, m.end, "AGENT", "role", link, 0.6, pattern=f"role+home:{self.home_how}",
                                   actor=actor, named=False))
            return
        if person is not None and len(countries) == 1 and self.day is not None and office:
            term = self.res.holder(countries[0][0], office, self.day)
            if term is not None and term.actor != person.id and person.country != countries[0][0]:
                person = None  # استقبل الرئيس المصري الأمير محمد بن سلمان: the object, not an apposition
        for n, (c, cm) in enumerate(countries):
            start = m.start if n == 0 else cm.start
            end = cm.end
            link, actor = self._holder_link(c, role.sector, office, person if len(countries) == 1 else None)
            kind = "nat" if self._entries(cm, NATIONALITY) else "org" if org else "fixed" if cm is m else "country"
            self._emit(Mention(start, end, "AGENT", "role", link, 0.9, pattern=f"role+{kind}", actor=actor,
                               named=False))

    def _holder_link(self, jurisdiction: str, sector: str, office: str,
                     person: Actor | None, fallback: bool = True) -> tuple[Link, str | None]:
        if person is not None:
            return actor_link(self.res, person, self.day, role=office or None), person.id
        if self.day is not None and office:
            term = self.res.holder(jurisdiction, office, self.day, fallback)
            if term is not None:
                a = self.res.actor(term.actor)
                if a is not None:
                    return actor_link(self.res, a, self.day, role=term.office), a.id
        if jurisdiction in _ORG_JURISDICTIONS:
            org = self.res.actor(jurisdiction)
            if org is not None:
                return actor_link(self.res, org, None, role=office or None), org.id
        return agent_link(self.res, jurisdiction, sector, office or None), None

    def _office_antecedent(self, office: str) -> int | None:
        for k in range(len(self.out) - 1, -1, -1):
            prev = self.out[k]
            if prev.actor and prev.link is not None and prev.link.type == "PERS" and prev.link.role == office:
                return k
        return None

    def _counterpart(self, m: Match, sector: str, countries: list[tuple[str, Match]], person: Actor | None) -> None:
        sent = self._sentence(m.start)
        office: str | None = None
        for prev in reversed(self.out):
            if prev.sentence != sent:
                break
            if prev.link is not None and prev.link.role:
                office = prev.link.role
                break
        if not countries:
            return
        c, cm = countries[0]
        actor: str | None
        if person is not None:
            link, actor = actor_link(self.res, person, self.day, role=office), person.id
        else:
            link, actor = self._holder_link(c, sector, office or "", None)
        self._emit(Mention(m.start, cm.end, "AGENT", "role", link, 0.85, pattern="counterpart", actor=actor,
                           named=False))

    def _inherit_group_countries(self) -> None:
        """A bare collective (``القادة العسكريين``) takes the country of a same-sector agent in its sentence."""
        for k, mt in enumerate(self.out):
            if mt.label != "AGENT" or mt.link is None or mt.link.country is not None or mt.link.type != "AGENT":
                continue
            for other in self.out:
                if other is mt or other.sentence != mt.sentence or other.link is None:
                    continue
                sector = mt.link.sector or ""
                if other.link.type == "AGENT" and other.link.sector == sector and other.link.country:
                    self.out[k] = replace(mt, link=agent_link(self.res, other.link.country, sector),
                                          pattern="group+sentence_country", confidence=0.7)
                    break
            else:
                surface = self.nt.text[mt.start:mt.end].lstrip("وفبل")
                if self.home and mt.pattern is not None and mt.pattern.startswith("group") \
                        and (surface.startswith("ال") or " ال" in surface):  # a definite body of the article's country
                    self.out[k] = replace(mt, link=agent_link(self.res, self.home, mt.link.sector or ""),
                                          pattern=f"group+home:{self.home_how}", confidence=0.6)
