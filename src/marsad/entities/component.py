"""The ``entities`` component: gazetteer matches and NER spans, merged, linked and resolved.

Merge policy (when the NER model is installed):

- an NER span keeps its label and boundaries, unless a linked gazetteer person name completes it
  (``بشار`` + ``الأسد``; not a title: ``الملك عبدالله الثاني`` stays ``عبدالله الثاني`` as ANERcorp
  annotates it); a gazetteer link inside or around the span with a compatible type is attached to it;
- an NER place span that no match touches is looked up among place names (``بعكا``: a short name the
  gazetteer does not read after a clitic on its own, ``places.ner_place``); one that lies on an organisation
  or a person the dictionary knows is dropped (``وزارة العمل السعودية``);
- named gazetteer mentions that no NER span touches fill what the model missed, except small places
  that only geonames knows (too many common words among them);
- role and nationality agents (label ``AGENT``) are always kept; they may nest with named mentions.

Without the NER model (``marsad train ner`` not run) the gazetteer alone makes the layer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from marsad.article import Article, Entity, Link, Token
from marsad.entities.gazetteer import find, word_spans
from marsad.entities.linking import Linker, Mention, actor_link
from marsad.entities.mention_rules import add_rule_mentions
from marsad.entities.places import (
    LOCATIVE_CUES,
    PlaceContext,
    ner_place,
    not_a_place,
    org_before,
    place_link,
)
from marsad.errors import ModelNotFoundError
from marsad.kb.index import load_resources
from marsad.kb.org_names import org_name
from marsad.kb.records import ACTOR, NATIONALITY, PLACE, PLACE_AMBIGUOUS, Actor, Resources
from marsad.settings import Settings
from marsad.text.normalize import normalize, normalize_string

VERSION = "entities-1"
FILL_MIN_PLACE_CONFIDENCE = 0.7
BIG_PLACE_CONFIDENCE = 0.8  # a city of a million people without a cue (places.resolve)
STRONG_PLACE_CONFIDENCE = 0.85  # a place after a strong cue or in a dateline
_COMPATIBLE = {"PERS": {"PERS"}, "ORG": {"ORG"}, "LOC": {"GPE", "LOC"}, "MISC": set()}


class _Tagger(Protocol):
    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


def _load_tagger() -> Any:
    """The NER tagger when ``marsad.entities.ner`` and its model are installed, else None."""
    try:
        from marsad.entities.ner import load_tagger
    except ImportError:
        return None
    try:
        return load_tagger()
    except (ModelNotFoundError, OSError):
        return None


@dataclass(slots=True)
class NerSpan:
    start: int
    end: int
    label: str


def bio_spans(tags: list[str], offsets: list[tuple[int, int]]) -> list[NerSpan]:
    """Turn BIO tags over tokens (with source offsets) into spans; a stray I- starts a span."""
    out: list[NerSpan] = []
    cur: NerSpan | None = None
    for tag, (s, e) in zip(tags, offsets, strict=True):
        if tag == "O" or "-" not in tag:
            cur = None
            continue
        bio, label = tag.split("-", 1)
        if bio == "I" and cur is not None and cur.label == label:
            cur.end = e
        else:
            cur = NerSpan(s, e, label)
            out.append(cur)
    return out


class EntityComponent:
    """Assigns the ``entities`` layer.

    Args:
        settings: Marsad settings (``fold_ta_marbuta``; ``extra['entities_ner']=False`` turns NER off).
    """

    name = "entities"
    requires: tuple[str, ...] = ("sentences", "tokens")
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, settings: Settings) -> None:
        self.fold = settings.fold_ta_marbuta
        self.use_ner = bool(settings.extra.get("entities_ner", True))
        self._tagger: Any = None
        self._tagger_loaded = False

    @property
    def res(self) -> Resources:
        return load_resources(self.fold)

    @property
    def version(self) -> str:
        ner = "ner" if self.tagger is not None else "gaz"
        return f"{VERSION}/{self.res.version}/{ner}"

    @property
    def tagger(self) -> _Tagger | None:
        if not self._tagger_loaded:
            self._tagger = _load_tagger() if self.use_ner else None
            self._tagger_loaded = True
        return self._tagger  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, Any]:
        return {"fold": self.fold, "use_ner": self.use_ner}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.fold = state["fold"]
        self.use_ner = state["use_ner"]
        self._tagger = None
        self._tagger_loaded = False

    def __call__(self, article: Article) -> None:
        res = self.res
        nt = normalize(article.text, self.fold)
        words = word_spans(nt.norm)
        matches = find(res, nt, words)
        sentences = article.sentences or []
        starts = [s.start for s in sentences] or [0]
        linker = Linker(res, nt, words, matches, starts, article.meta.published, article.meta.source,
                        article.meta.url, sports_article(article.text))
        mentions = linker.run()
        tagger = self.tagger
        if tagger is not None:
            mentions = merge(res, mentions, self._ner(article, tagger), article, linker.adjectives, linker.places)
            blocked = {t for mt in matches if any(k != ACTOR for k, _ in mt.entries)
                       for t in range(mt.token, mt.last_token + 1)}
            places = [(mt.start, mt.end, res.places[i].name_en, res.places[i].country) for mt in matches
                      for k, i in mt.entries[:1] if k == PLACE and res.places[i].name_en]
            # an ambiguous place name counts after an organisation's head word (تعليم الرياض، تعليم الشرقية)
            firsts = (next((i for k, i in mt.entries if k in (PLACE, PLACE_AMBIGUOUS) and res.places[i].name_en), -1)
                      for mt in matches)
            any_places = [(mt.start, mt.end, res.places[i].name_en, res.places[i].country)
                          for mt, i in zip(matches, firsts, strict=True) if i >= 0]
            # the dictionary's places count for the rules even where the merge dropped them after a head word
            # (شرطة دبي، أمانة جدة: the NER place span is part of an organisation's name)
            mentions = add_rule_mentions(nt, words, mentions, self.fold, blocked,
                                         place_spans=[(a, b) for a, b, _, _ in places],
                                         head_places=[(a, b) for a, b, _, _ in any_places])
            nats = [(mt.start, mt.end, res.nationalities[i].country) for mt in matches for k, i in mt.entries
                    if k == NATIONALITY and res.nationalities[i].number == "sg"]
            nil_links(article.text, mentions, linker.home, linker.home_how, nats, linker.places.source_country,
                      linker.named, linker.context, places)
            nil_coref(article.text, mentions)
            shared_sector(mentions)
            nil_universities(article.text, mentions, places)
            nil_org_names(article.text, mentions, any_places, nats, res)
        else:
            mentions = [m for m in mentions if m.link is not None
                        and not (m.label == "LOC" and m.confidence < FILL_MIN_PLACE_CONFIDENCE)]
        mentions = drop_clubs(article, mentions, linker.places.source_country, res)
        article.entities = to_entities(article, mentions, self.version)

    def _ner(self, article: Article, tagger: _Tagger) -> list[NerSpan]:
        # The whole article goes to the tagger at once: a name tagged in one sentence is
        # then also tagged where it stands untagged in nearby sentences (label consistency).
        tokens = article.tokens or []
        text = article.text
        groups: list[list[Token]] = []
        k = 0
        for sent in article.sentences or []:
            while k < len(tokens) and tokens[k].start < sent.start:
                k += 1
            j = k
            while j < len(tokens) and tokens[j].end <= sent.end:
                j += 1
            if j > k:
                groups.append(tokens[k:j])
            k = j
        out: list[NerSpan] = []
        all_tags = tagger.tag_many([[text[t.start : t.end] for t in toks] for toks in groups])
        for toks, tags in zip(groups, all_tags, strict=True):
            out.extend(bio_spans(tags, [(t.start, t.end) for t in toks]))
        return out


def merge(res: Resources, mentions: list[Mention], ner: list[NerSpan], article: Article,
          adjectives: set[tuple[int, int]] | None = None, places: PlaceContext | None = None) -> list[Mention]:
    """Merge linked gazetteer mentions with NER spans (policy in the module docstring).

    ``adjectives``: source spans of country names the linker read as adjectives (``الحكومة السعودية``); an NER
    place span on one of them is dropped. ``places``: the article's place context, to resolve an NER place span
    that no match linked.
    """
    adjectives = adjectives or set()
    named = [m for m in mentions if m.named]
    agents = [m for m in mentions if not m.named and m.link is not None]
    out: list[Mention] = list(agents)
    used: set[int] = set()
    # the named mentions overlapping a span start after span.start - longest and before span.end: bisect
    named_index = _ByKey([m.start for m in named])
    longest = max((m.end - m.start for m in named), default=0)
    # the adjectives and the role+nat agents by start (one that holds or overlaps a span starts at most its
    # length before it) and the adjectives by end: the tests below look only there
    adj = sorted(adjectives)
    adj_index = _ByKey([a for a, _ in adj])
    adj_long = max(0, max((b - a for a, b in adj), default=0))
    adj_by_end: dict[int, list[int]] = {}
    for adj_start, adj_end in adj:
        adj_by_end.setdefault(adj_end, []).append(adj_start)
    role_nat = sorted((m.start, m.end) for m in agents if m.pattern == "role+nat")
    rn_index = _ByKey([a for a, _ in role_nat])
    rn_long = max(0, max((b - a for a, b in role_nat), default=0))
    for span in ner:
        near = named_index.between(span.start - longest + 1, span.end - 1)
        over = sorted(k for k in near if named[k].start < span.end and span.start < named[k].end)
        cover = [k for k in over if _extends_name(named[k], span, article.text)]
        if cover:
            used.update(over)
            out.append(named[cover[0]])
            continue
        known = [k for k in over if _known_name_over_ner(named[k], span)]
        if known:  # بداعش tagged LOC, داعش tagged PERS: the knowledge base knows the name and its type
            used.update(over)
            out.append(named[known[0]])
            continue
        if span.label == "LOC" and (any(
                a <= span.start and span.end <= b
                for a, b in (adj[i] for i in adj_index.between(span.end - adj_long, span.start)))
                or any(a <= span.start and span.end <= b
                       for a, b in (role_nat[i] for i in rn_index.between(span.end - rn_long, span.start)))
                or any(span.start < a and not article.text[span.start : a].strip().endswith(("،", ","))
                       and not any(n.link is not None and n.start < a for n in (named[k] for k in over))
                       for a in adj_by_end.get(span.end, ()))):
            used.update(over)
            continue  # الحكومة السعودية، أمانة منطقة الرياض، الشركة السعودية، المعارضة السورية: an adjective, or
            # inside a name, or a noun phrase ending with an adjective
        place = [k for k in over if _place_over_ner(named[k], span, article.text)]
        if place:
            used.update(over)
            out.extend(named[k] for k in place)
            if span.label == "ORG":  # جامعة الملك عبدالعزيز بجدة: the organisation and its place
                out.append(Mention(span.start, span.end, span.label, "ner", None, 0.8, pattern="ner"))
            continue
        glued = any(named[k].label == "LOC" and named[k].link is not None and named[k].start == span.start + 1
                    and article.text[span.start] in "بل" for k in over)  # معرض بهولندا: the place after a name
        if span.label == "LOC" and ((not glued and _after_org_head(article.text, span.start))
                                    or not_a_place(article.text, span.start, span.end, res=res)):
            used.update(over)
            continue  # شرطة زيوريخ، مهرجان البندقية، منتخب ترينداد: part of an organisation's name; بيوتاً
        if span.label == "LOC" and not over and normalize(article.text[span.start : span.end]).norm in res.not_places \
                and not _after_locative_cue(article.text, span.start):
            continue  # كورونا: a word that is never a place (ambiguous.txt), unless a cue names it (مدينة المدينة)
        mention = Mention(span.start, span.end, span.label, "ner", None, 0.8, pattern="ner")
        inside = [k for k in over if span.start <= named[k].start and named[k].end <= span.end]
        around = [k for k in over if named[k].start <= span.start and span.end <= named[k].end]
        for k in inside + around:
            g = named[k]
            if g.link is not None and g.link.type in _COMPATIBLE.get(span.label, set()):
                mention.link, mention.actor, mention.antecedent = g.link, g.actor, None
                break
            if g.link is None and g.short_actor and span.label in ("PERS", "ORG") and g.end == span.end \
                    and span.start <= g.start <= span.start + 2:  # the span may keep a proclitic (والهلال)
                a = res.actor(g.short_actor)
                if a is not None and a.type == span.label:
                    mention.link = actor_link(res, a, article.meta.published)
                    mention.actor = a.id
                    mention.pattern = "ner+actor_short"
        used.update(over)
        if span.label == "LOC" and mention.link is None:
            r = None if over else ner_place(res, article.text, span.start, span.end, places or PlaceContext())
            if r is not None:
                mention.link = place_link(r.place, [*r.evidence, "ner_span"], r.runner_up)
                mention.pattern = "ner+place"
            elif any((lk := named[k].link) is not None and lk.type in ("PERS", "ORG") for k in over) or any(
                    a < span.end and span.start < b
                    for a, b in (role_nat[i] for i in rn_index.between(span.start - rn_long, span.end - 1))):
                continue  # وزارة العمل السعودية، للمعارضة السورية: the dictionary knows the words as an organisation
                # or a group of a country
        out.append(mention)
    for k, m in enumerate(named):
        if k in used or m.link is None:
            continue
        if m.label == "LOC" and m.confidence < FILL_MIN_PLACE_CONFIDENCE:
            continue  # small geonames-only places: too many common words among them
        out.append(m)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# Titles whose holder is named after a region or town (أمير منطقة…، محافظ…): the place after them is a place.
_REGION_TITLES = frozenset({"أمير", "امير", "محافظ", "أمين", "امين", "وكيل إمارة", "أمير منطقة", "محافظ محافظة"})
# Words that open a gazetteer variant but not a name as annotated (ANERcorp): الملك عبدالله الثاني → عبدالله الثاني.
_TITLES = frozenset(
    {"الملك", "الملكة", "الأمير", "الامير", "الشيخ", "السيد", "السيدة", "الرئيس", "المشير", "العقيد", "الدكتور", "آية"}
)


def _after_org_head(text: str, start: int) -> bool:
    """Is the word right before ``start`` (a space or one quotation mark between) the head of an organisation,
    team or building name (``شرطة``، ``نادي``، ``مهرجان``، ``شارع``)?"""
    return org_before(text, start)


def _after_locative_cue(text: str, start: int) -> bool:
    """Is the word before ``start`` a strong locative cue (``مدينة``، ``بمحافظة``، ``تقع``)?"""
    words = normalize(text[max(0, start - 30) : start]).norm.split()
    if not words:
        return False
    prev = words[-1]
    if len(prev) > 3 and prev[0] in "وف":
        prev = prev[1:]
    return prev in LOCATIVE_CUES
# Titles and honorifics before a name (left out of the romanised form).
_NAME_TITLES = frozenset({
    "الأمير", "الامير", "الأميرة", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "د.", "د", "المهندس",
    "م.", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "الملك", "الرئيس",
    "معالي", "سمو", "صاحب", "السمو", "الملكي", "فضيلة", "الأستاذ", "الاستاذ", "الأستاذة", "الإمام", "القاضي",
})
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_NAME_TITLES_FOLDED = frozenset(t.translate(_ALEF) for t in _NAME_TITLES)
_NIL_GAP = 3  # a descriptor agent ends at most this many characters before the name (a space, a comma)


class _ByKey:
    """The indexes of a list's items sorted by a key: those whose key is in ``[lo, hi]`` by bisection."""

    __slots__ = ("keys", "order")

    def __init__(self, keys: Sequence[int]) -> None:
        self.order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = [keys[i] for i in self.order]

    def between(self, lo: int, hi: int) -> list[int]:
        return self.order[bisect_left(self.keys, lo):bisect_right(self.keys, hi)]


def nil_links(text: str, mentions: list[Mention], home: str | None, home_how: str,
              nationalities: Sequence[tuple[int, int, str]] = (), source: str | None = None,
              named: Mapping[str, int] | None = None, context: Collection[str] = (),
              places: Sequence[tuple[int, int, str, str | None]] = ()) -> None:
    """NIL is an answer: a person or organisation the knowledge base does not hold keeps a ``nil:`` description
    (``Mention.nil``) with its type, a romanised English name (people, ``marsad.kb.romanize``), and the
    country and sector its descriptor gives (an agent whose span holds it or that stands right before it, with
    only titles between: ``المتحدث باسم الشرطة العقيد …``), else the country of a nationality word next to it
    (``المدرب البرتغالي جوزيه``، ``… البرتغالي``), else the country of the person the full-name table holds
    under the name (``سمير غانم`` → EGY), else the article's country as a prior, checked against the name
    (:func:`name_country`; ``evidence`` says which).

    ``nationalities``: (start, end, country) of the singular nationality words of the article; ``source``: the
    source's country; ``named``: how often the article names each country; ``places``: (start, end, English
    name, country) of its place matches (an organisation with a place or a nationality word inside its span
    belongs to that country)."""
    agents = [m for m in mentions if m.label == "AGENT" and m.link is not None and m.link.country]
    sport = sports_article(text)
    drop: list[Mention] = []
    crowd = name_crowd(text, mentions, home)
    # bisection indexes: an agent overlapping [s, e) starts in [s - ag_long, e); a span [a, b) inside [s, e)
    # with s < a starts at most (the most a start exceeds its end) after e
    ag_start, ag_end = _ByKey([a.start for a in agents]), _ByKey([a.end for a in agents])
    ag_long = max(0, max((a.end - a.start for a in agents), default=0))
    nat_start, nat_end = _ByKey([a for a, _, _ in nationalities]), _ByKey([b for _, b, _ in nationalities])
    nat_back = max(0, max((a - b for a, b, _ in nationalities), default=0))
    place_start = _ByKey([p[0] for p in places])
    place_back = max(0, max((p[0] - p[1] for p in places), default=0))
    for k, m in enumerate(mentions):
        if m.label not in ("PERS", "ORG") or m.link is not None or m.nil is not None or m.source not in ("ner", "rule"):
            continue
        # (each scan below goes over the items a bisection finds can match, in list order: the same first hit)
        holder = next((a for a in (agents[i] for i in sorted(ag_start.between(m.start - ag_long, m.end - 1)))
                       if a.actor and a.start < m.end and m.start < a.end), None) \
            if m.label == "PERS" else None
        if holder is not None:  # سمو ولي العهد tagged as a name: the title stands for its holder
            mentions[k] = replace(m, link=holder.link, actor=holder.actor, pattern="ner+role")
            continue
        desc = next((a for a in (agents[i] for i in sorted(ag_start.between(m.end - ag_long, m.start)))
                     if a.start <= m.start and m.end <= a.end), None) or next(
            (a for a in (agents[i] for i in sorted(ag_end.between(m.start - _TITLES_GAP, m.start), reverse=True))
             if a.end <= m.start and m.start - a.end <= _TITLES_GAP and _only_titles(text[a.end:m.start])), None)
        near_nat = sorted({*nat_end.between(m.start - 30, m.start), *nat_start.between(m.end, m.end + 2)})
        nat = next((c for a, b, c in (nationalities[i] for i in near_nat)
                    if (b <= m.start and m.start - b <= 30 and _only_words(text[b:m.start]))
                    or (m.end <= a <= m.end + 2 and not text[m.end:a].strip())), None)
        inside = sorted(nat_start.between(m.start + 1, m.end + nat_back))
        own = next((c for a, b, c in (nationalities[i] for i in inside) if m.start < a and b <= m.end), None) or next(
            (c for a, b, _, c in (places[i] for i in sorted(place_start.between(m.start + 1, m.end + place_back)))
             if m.start < a and b <= m.end and c), None) if m.label == "ORG" else None
        # وزارة الخارجية البحرينية، حكومة نيو ساوث ويلز: the body's own adjective or place names its country
        sector = desc.link.sector if desc is not None and desc.link is not None else None
        if sector is None:
            sector = nil_sector(text, m.start, m.end, m.label, sport)
        if desc is not None and desc.link is not None:
            country, why = desc.link.country, ["country:descriptor"]
        elif own is not None:
            country, why = own, ["country:own_name"]
        elif nat is not None:
            country, why = nat, ["country:nationality"]
        else:
            country, why = None, []
        surface = text[m.start:m.end]
        words = surface.split()
        while len(words) > 1 and (words[0] in _NAME_TITLES or (m.label == "PERS" and _lead_not_name(words))):
            words = words[1:]
        if not why and crowd is not None and m.label == "PERS":
            country, how = name_country(" ".join(words), m.label, crowd, "name_crowd", source, named or {},
                                        {*context, crowd})
            why = [f"country:{how}"] if country else []
        elif not why:
            country, how = name_country(" ".join(words), m.label, home, home_how, source, named or {},
                                        context)
            why = [f"country:{how}"] if country else []
        name_en = ""
        if m.label == "PERS":
            r = _romanize_name(royal_form(words), country)
            if r is not None:
                name_en = r.latin
                why.append(f"romanized:{r.rule}")
        nil = Link(id=f"nil:{m.label}:{' '.join(surface.split())}", name_en=name_en, name_ar=surface,
                   type=m.label, country=country, sector=sector, evidence=why)
        mentions[k] = replace(m, nil=nil)
        if desc is not None and m.label == "PERS" and desc.end <= m.start and desc.pattern is not None \
                and desc.pattern.startswith(("office_coref", "role+home")):
            drop.append(desc)  # الأمير خالد بن سعد، وزير الصحة سامي …: the name says who, not a guess
    mentions[:] = [m for m in mentions if not any(m is d for d in drop)]


# More titles an NER span may keep before a name (matching the romaniser's table, they would become its words).
_NAME_TITLES_MORE = frozenset({"دكتور", "ركن", "الركن", "طيار", "أول", "المهندسة", "سعادة", "الأستاذ الدكتور"})
#: Particles and prepositions an NER span may keep before a name (``فإن كوبولا``، ``كما سامي``): never a name.
_LEAD_PARTICLES = frozenset({
    "فإن", "وإن", "إن", "أن", "بأن", "لأن", "وأن", "فأن", "لكن", "ولكن", "كما", "وكما", "بينما", "حيث", "ثم", "قد",
    "لقد", "وقد", "فقد", "أما", "وأما", "إذ", "إذا", "حتى", "منذ", "عند", "بعد", "قبل", "لدى", "مع", "إلى", "على",
    "عن", "من", "في", "أيضا", "أيضاً", "كذلك", "وكذلك", "هو", "هي", "وهو", "وهي"})
#: A first word the name table holds fewer times than this as a name unit is not one (``القدير``، ``عودنا``).
LEAD_NAME_MIN = 3


def _lead_not_name(words: Sequence[str]) -> bool:
    """Is the first word of a person's span a title or a word that is no name (an adjective or a verb the NER
    span kept: ``القدير تركي بن عبدالله السديري``، ``عودنا تركي السديري``) before at least two name words of the
    table? A foreign given name (``ريتشارد``) before one word is kept."""
    from marsad.kb.romanize import known_name, name_unit_count

    if not words or words[0] in _NAME_TITLES_MORE or words[0] in _LEAD_PARTICLES:
        return bool(words) and len(words) > 1  # a title, or a particle the span kept (فإن كوبولا)
    first = words[0]
    rest = [w for w in words[1:] if w not in ("بن", "بنت", "ابن")]
    arabic = len(rest) < len(words) - 1 or any(w.startswith("ال") for w in rest)  # a chain or a family name
    if len(rest) < 2 or not arabic or known_name(first) or name_unit_count(first) >= LEAD_NAME_MIN:
        return False
    bare = first[1:] if len(first) > 3 and first[0] in "وفبل" else first  # وجعفر: the proclitic kept by the span
    return not known_name(bare) and all(known_name(w) for w in rest)


#: This many different unlinked people of the article whom the full-name table holds under one foreign country
#: (and more of them than under the article's own country) make that country the prior for its unlinked people.
CROWD_MIN = 3


def name_crowd(text: str, mentions: Sequence[Mention], home: str | None) -> str | None:
    """The country most of the article's unlinked people belong to by the full-name table, when it is not the
    article's country (a Saudi paper's report on Egyptian actors names no country: ``سمير غانم``، ``أحمد راتب``
    … are Egyptians): at least ``CROWD_MIN`` different names, more than the table puts in ``home``; else None."""
    from marsad.kb.romanize import full_name_countries

    names = set()
    for m in mentions:
        if m.label == "PERS" and m.link is None and m.nil is None and m.source in ("ner", "rule"):
            words = text[m.start:m.end].split()
            while len(words) > 1 and words[0] in _NAME_TITLES:
                words = words[1:]
            if len(words) >= 2:
                names.add(" ".join(words))
    votes: dict[str, int] = {}
    at_home = 0
    for name in names:
        people = full_name_countries(name)
        if not people and name[0] in "وفبل" and len(name.split()[0]) > 3:
            people = full_name_countries(name[1:])  # ومحمود ياسين: the proclitic kept by the span
        if not people:
            continue
        if home in {c for c, _ in people}:
            at_home += 1
            continue
        votes[people[0][0]] = votes.get(people[0][0], 0) + 1
    if not votes:
        return None
    best = max(sorted(votes), key=lambda c: votes[c])
    return best if votes[best] >= CROWD_MIN and votes[best] > at_home else None


_RULE_RANK = {"table": 2, "mixed": 1, "letters": 0}
# A great-grandson of King Abdulaziz named with his ancestors (عبدالعزيز بن سعود بن نايف بن عبدالعزيز آل سعود);
# a grandson (بندر بن خالد بن عبدالعزيز آل سعود).
_ROYAL = re.compile(r"^(\S+ بن \S+(?: بن \S+)+) بن عبد ?العزيز(?: آل سعود)?$")
_ROYAL_GRANDSON = re.compile(r"^(\S+ بن \S+ بن عبد ?العزيز)(?: آل سعود)?$")


def royal_form(words: list[str]) -> list[str]:
    """A royal name of the knowledge base's unknowns as the papers write it: a great-grandson of King Abdulaziz
    without the founder and the dynasty (``عبدالعزيز بن سعود بن نايف بن عبدالعزيز آل سعود`` → Abdulaziz bin Saud
    bin Nayef), a grandson with his grandfather but without the dynasty (``بندر بن خالد بن عبدالعزيز آل سعود`` →
    Bandar bin Khalid bin Abdulaziz: the well-known grandsons, titled without him, are in the knowledge base);
    other names unchanged."""
    m = _ROYAL.match(" ".join(words)) or _ROYAL_GRANDSON.match(" ".join(words))
    return m.group(1).split() if m else words


_UNIVERSITY = frozenset({"جامعة", "جامعه"})


def nil_universities(text: str, mentions: list[Mention], places: Sequence[tuple[int, int, str, str | None]]) -> None:
    """An unlinked university named after a place (``جامعة جازان``، ``جامعة شيفيلد``) gets the English name
    Wikipedia's titles use — ``Jazan University`` for a Saudi one, ``University of Sheffield`` elsewhere — and
    the place's country. ``places``: (start, end, English name, country) of the article's place matches."""
    for k, m in enumerate(mentions):
        if m.label != "ORG" or m.link is not None or m.nil is None:
            continue
        surface = text[m.start:m.end]
        head, _, rest = surface.partition(" ")
        if head[:1] in "وبل" and head[1:] in _UNIVERSITY:
            head = head[1:]
        if head not in _UNIVERSITY or not rest:
            continue
        rest_start = m.end - len(rest)
        place = next((p for p in places if p[0] == rest_start and p[1] == m.end), None)
        if place is None:
            continue
        _, _, en, country = place
        name = f"{en} University" if country == "SAU" else f"University of {en}"
        mentions[k] = replace(m, nil=replace(m.nil, name_en=name, country=country or m.nil.country, sector="EDU",
                                             evidence=[*m.nil.evidence, "name:university+place"]))


def nil_org_names(text: str, mentions: list[Mention], places: Sequence[tuple[int, int, str, str | None]],
                  nationalities: Sequence[tuple[int, int, str]], res: Resources) -> None:
    """An unlinked organisation without an English name gets one built from its Arabic parts
    (:func:`marsad.kb.org_names.org_name`): ``وزارة الصحة اللبنانية`` → ``Ministry of Health (Lebanon)``,
    ``أمانة منطقة جازان`` → ``Jazan Region Municipality`` (a place that ends the span gives its English name; a
    nationality word that ends it is the country, not part of the name)."""
    nat_by_end: dict[int, list[int]] = {}  # positions by end, in list order: the first hit stays the same
    for i, (_, b, _) in enumerate(nationalities):
        nat_by_end.setdefault(b, []).append(i)
    place_by_end: dict[int, list[int]] = {}
    for i, p in enumerate(places):
        place_by_end.setdefault(p[1], []).append(i)
    for k, m in enumerate(mentions):
        if m.label != "ORG" or m.link is not None or m.nil is None or m.nil.name_en:
            continue
        country = m.nil.country
        end = m.end
        nat = next(((a, c) for a, b, c in (nationalities[i] for i in nat_by_end.get(end, ()))
                    if m.start < a and b == end), None) or next(
            ((a, c) for a, b, en, c in (places[i] for i in place_by_end.get(end, ()))
             if m.start < a and b == end and c and en == res.country_name(c)[0]), None)
        if nat is not None:  # وزارة الصحة السعودية: the country, not part of the name
            end, country = nat
        while end > m.start and text[end - 1].isspace():
            end -= 1
        country_en = res.country_name(country)[0] if country else None
        if country_en == country:
            country_en = None
        # the place follows a space or the preposition ب (مجلس التنمية السياحية بجازان)
        place = next((p for p in (places[i] for i in place_by_end.get(end, ())) if p[1] == end and m.start < p[0] and (
            text[p[0] - 1].isspace() or (text[p[0] - 1] == "ب" and m.start < p[0] - 1 and text[p[0] - 2].isspace()))),
            None)
        if place is not None:
            head_end = place[0] - (0 if text[place[0] - 1].isspace() else 1)
            name = org_name(text[m.start:head_end].split(), (text[place[0]:place[1]], place[2]), country,
                            country_en)
        else:
            name = org_name(text[m.start:end].split(), None, country, country_en)
        if name:
            mentions[k] = replace(m, nil=replace(m.nil, name_en=name, evidence=[*m.nil.evidence, "name:org_parts"]))


def _name_words(surface: str) -> list[str]:
    """A person's name words without titles, with alef forms folded (``أحمد`` = ``احمد``)."""
    words = [w.translate(_ALEF) for w in surface.split()]
    while len(words) > 1 and words[0] in _NAME_TITLES_FOLDED:
        words = words[1:]
    return words


def _bare(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وفلب" else word


def _by_tails(names: Sequence[tuple[int, list[str]]]) -> dict[tuple[str, ...], list[int]]:
    """The positions of ``names`` by their last word and by their last two words."""
    out: dict[tuple[str, ...], list[int]] = {}
    for p, (_, w) in enumerate(names):
        for n in {1, 2} & set(range(1, len(w) + 1)):
            out.setdefault(tuple(w[-n:]), []).append(p)
    return out


def _at(names: Sequence[tuple[int, list[str]]], index: Mapping[Any, list[int]],
        keys: Sequence[Any]) -> list[tuple[int, list[str]]]:
    """The items of ``names`` at the positions ``index`` holds under any of ``keys``, in list order."""
    return [names[p] for p in sorted({p for key in keys for p in index.get(key, ())})]


def nil_coref(text: str, mentions: list[Mention]) -> None:
    """A short unlinked name (``روني``، ``الحضيف``، ``فان غال``) that ends a longer person's name of the article
    (``واين روني``، ``محمد الحضيف``، ``لويس فان غال``) is that person: it takes the longer mention's NIL
    description (its English name, country and sector); the nearest longer mention before it, else the first
    after. A lone first name (``فريد``) does so only when one longer name of the article begins with it."""
    people = [(k, _name_words(text[m.start:m.end])) for k, m in enumerate(mentions)
              if m.label == "PERS" and m.link is None and m.nil is not None]
    full = [(k, w) for k, w in people if len(w) >= 2]
    linked = [(k, _name_words(text[m.start:m.end])) for k, m in enumerate(mentions)
              if m.label == "PERS" and m.link is not None and m.link.id.startswith("actor:") and m.link.type == "PERS"]
    # positions in ``full`` and ``linked`` by last one and two words, and in ``full`` by first word: the scans
    # below look only there, in list order (only a name ending so, or beginning so, can match)
    full_tails = _by_tails(full)
    linked_tails = _by_tails(linked)
    full_firsts: dict[str, list[int]] = {}
    for p, (_, w) in enumerate(full):
        full_firsts.setdefault(w[0], []).append(p)
    for k, words in people:
        m = mentions[k]
        assert m.nil is not None
        if len(words) >= 3 or not words:
            continue
        tail = [_bare(words[0]), *words[1:]] if len(words[0]) > 3 else words
        ends = [(j, w) for j, w in _at(full, full_tails, (tuple(words), tuple(tail)))
                if len(w) > len(words) and w[-len(words):] in (words, tail)]
        if not ends and len(words) == 1:
            firsts = [(j, w) for j, w in _at(full, full_firsts, (words[0], tail[0])) if w[0] in (words[0], tail[0])]
            if len({" ".join(w) for _, w in firsts}) == 1:
                ends = firsts
        if not ends:
            known = [(j, w) for j, w in _at(linked, linked_tails, (tuple(words), tuple(tail)))
                     if len(w) > len(words) and w[-len(words):] in (words, tail)]
            before_known = [j for j, w in known if mentions[j].end <= m.start]
            if before_known:  # الجبير after عادل الجبير: the known person named before
                src = mentions[before_known[-1]]
                mentions[k] = replace(m, link=src.link, actor=src.actor, nil=None, pattern="ner+coref:name")
            continue
        before = [(j, w) for j, w in ends if mentions[j].end <= m.start]
        j = before[-1][0] if before else ends[0][0]
        target = mentions[j].nil
        if target is None or not target.name_en:
            continue
        mentions[k] = replace(m, nil=replace(target, evidence=[*target.evidence, "coref:name"]))

def shared_sector(mentions: list[Mention]) -> None:
    """The mentions of one unlinked person (one NIL description, shared by :func:`nil_coref`) take the sector
    that a descriptor gave one of them, when they were given one sector only (``المدرب لوران بلان`` … ``بلان``)."""
    sectors: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PERS" and m.link is None and m.nil is not None and m.nil.sector:
            sectors.setdefault(m.nil.id, set()).add(m.nil.sector)
    if not sectors:
        return
    for k, m in enumerate(mentions):
        if m.label != "PERS" or m.link is not None or m.nil is None or m.nil.sector:
            continue
        got = sectors.get(m.nil.id, set())
        if len(got) == 1:
            mentions[k] = replace(m, nil=replace(m.nil, sector=next(iter(got)),
                                                 evidence=[*m.nil.evidence, "sector:coref"]))


# The sector a word right before a name or at the head of an organisation's name gives (matching form: no
# hamza on alef, final ya and ta marbuta kept). Marsad's letters: JRN media, MED health.
_SECTOR_WORDS: dict[str, str] = {
    **dict.fromkeys(("اللاعب", "لاعب", "اللاعبة", "المدرب", "مدرب", "الحارس", "حارس", "المهاجم", "مهاجم",
                     "المدافع", "مدافع", "النجم", "نجم", "الكابتن", "نادي", "النادي", "منتخب", "المنتخب",
                     "العداء", "البطل", "الملاكم", "الدولي", "الجناح", "الظهير", "الحكم"), "SPT"),
    **dict.fromkeys(("الإعلامي", "الاعلامي", "الإعلامية", "الاعلامية", "الصحفي", "الصحافي", "الصحفية",
                     "الكاتب", "الكاتبة", "المذيع", "المذيعة", "مراسل", "المراسل", "مراسلة", "صحيفة", "جريدة",
                     "قناة", "مجلة", "تلفزيون", "إذاعة", "اذاعة", "وكالة", "محرر", "رئيس تحرير"), "JRN"),
    **dict.fromkeys(("رجل الأعمال", "رجل الاعمال", "سيدة الأعمال", "شركة", "الشركة", "بنك", "البنك", "مصرف",
                     "مجموعة", "مؤسسة", "المستثمر", "التاجر"), "BUS"),
    **dict.fromkeys(("جامعة", "الجامعة", "كلية", "معهد", "مدرسة", "البروفيسور", "البروفسور", "الباحث",
                     "الباحثة", "أستاذ", "استاذ", "الطالب", "الطالبة", "العالم"), "EDU"),
    **dict.fromkeys(("الداعية", "المفتي", "الإمام", "الامام", "إمام", "امام", "خطيب", "الخطيب", "العلامة",
                     "الشيخ الدكتور"), "REL"),
    **dict.fromkeys(("مستشفى", "المستشفى", "مستشفيات", "الطبيب", "الطبيبة", "طبيب", "صحة"), "MED"),
    **dict.fromkeys(("تعليم",), "EDU"),  # تعليم الرياض، صحة جازان: a region's education or health directorate
    **dict.fromkeys(("اللواء", "العميد", "العقيد", "الفريق أول", "المشير", "ركن", "طيار", "المقدم",
                     "الرائد", "النقيب", "الجنرال", "الأدميرال"), "MIL"),
    **dict.fromkeys(("البنك المركزي", "المصرف المركزي", "بنك المركزي"), "GOV"),
    **dict.fromkeys(("جمعية", "الجمعية"), "NGO"),
    **dict.fromkeys(("شرطة", "الشرطة"), "COP"),
    **dict.fromkeys(("حكومة",), "GOV"),
    **dict.fromkeys(("محكمة", "المحكمة", "القاضي"), "JUD"),
    **dict.fromkeys(("حزب", "الحزب"), "PTY"),
    **dict.fromkeys(("وزارة", "الوزارة", "هيئة", "الهيئة", "أمانة", "امانة", "بلدية", "إمارة", "امارة",
                     "الوزير", "وزير", "السفير", "سفير", "المحافظ", "محافظ", "النائب", "رئيس", "الرئيس",
                     "معالي", "أمين", "امين", "المستشار", "السيناتور", "السناتور", "المبعوث", "الدبلوماسي",
                     "القنصل", "قنصل", "وكيل", "الوكيل"), "GOV"),
}
_SPORT_WORDS = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:مباراة|مباراه|مباريات|الدوري|دوري|منتخب|لاعب|لاعبي|لاعبين|"
                          r"مدرب|هدف|أهداف|اهداف|ملعب|بطولة|بطوله|نادي|الفريق)(?=\s|$|[.,،:؛])")
#: The words before an unlinked name looked at for its sector (``الرئيس التنفيذي لشركة … المهندس …``).
SECTOR_LOOKBACK = 8
#: This many words of sport make an article a sports one: a name there with no descriptor is a sportsman.
SPORT_WORDS_MIN = 6


def sports_article(text: str) -> bool:
    """Is the article about sport (at least :data:`SPORT_WORDS_MIN` words of sport: ``مباراة``، ``المنتخب`` …)?"""
    return len(_SPORT_WORDS.findall(text)) >= SPORT_WORDS_MIN


def nil_sector(text: str, start: int, end: int, label: str, sport: bool) -> str | None:
    """The sector of an unlinked name: the head word of its span (``جامعة …``، ``شركة …``) or one or two words
    right before it (``اللاعب …``، ``رجل الأعمال …``، ``مدرب الفريق``); else sport for a name in a sports
    article (:func:`sports_article`)."""
    own = text[start:end].split()
    window = text[max(0, start - 8 * SECTOR_LOOKBACK):start]
    if window.rstrip()[-1:] in ".:؛!?؟":
        window = ""  # a sentence end right before
    window = re.split(r"[.:؛!?؟\n]", window)[-1]  # from the last sentence end on
    before = window.replace("،", " ").split()
    cands = [" ".join(own[:2]), own[0] if own else ""]
    if before:
        cands.append(" ".join(before[-2:]))
    for w in reversed(before[-SECTOR_LOOKBACK:]):
        cands.append(w)
        if len(w) > 4 and w.startswith(("لل", "وال")):
            cands.append("ال" + w[2:] if w[0] == "ل" else w[1:])  # للرئيس، والمدرب
        elif len(w) > 3 and w[0] in "وفل":
            cands.append(w[1:])
    not_sport = False
    for c in cands:
        if c in _SECTOR_WORDS:
            return _SECTOR_WORDS[c]
        not_sport = not_sport or c in _NOT_SPORT  # المهندس: not a sportsman, a word further back may tell more
    if label == "ORG" and own and own[-1] in _MEDIA_TAILS:
        return "JRN"
    return "SPT" if sport and not not_sport else None


# Titles that tell a sports article's name is not a sportsman's, without telling the sector.
_NOT_SPORT = frozenset({"الدكتور", "الدكتورة", "د.", "المهندس", "الشيخ", "الأستاذ الدكتور"})
# The last word of a newspaper's or a channel's name (``فاينانشيال تايمز``، ``واشنطن بوست``).
_MEDIA_TAILS = frozenset({"تايمز", "بوست", "نيوز", "توداي", "جورنال", "تلغراف", "غارديان", "الغارديان"})


def name_country(name: str, label: str, home: str | None, home_how: str, source: str | None,
                 named: Mapping[str, int], context: Collection[str] = ()) -> tuple[str | None, str]:
    """The country of an unlinked name with no descriptor, and how it was chosen (the evidence's tail).

    1. A person the full-name table holds (``سمير غانم`` → EGY): ``name_table``, when the article names that
       country (``context``; else a homonym is likelier than that person) and its own country is not one of
       that name's.
    2. Else the article's country (``home:…``) when the name fits it. A person's Arabic name
       (``name_origin``) does not fit an article whose country is outside the Arab world (Saudi players at a
       camp in Switzerland): the source's Arab country, ``source:arabic_name`` (people only: an organisation's
       Arabic name may be a translation). A foreign name (``توم كوتون``، ``تويتر``) does not fit a country whose
       names the table holds: the country the article names most outside that world, ``named:foreign_name``.
    """
    from marsad.kb.romanize import ARAB, NAME_WORLD, alpha2, full_name_countries, name_origin

    if label == "PERS":
        people = full_name_countries(name)
        named_people = [c for c, _ in people if c in named or c in context]
        if named_people and home not in {c for c, _ in people}:
            return named_people[0], "name_table"
    if home is None:
        return None, ""
    origin = name_origin(name)
    h2 = alpha2(home)
    if origin == "arabic" and label == "PERS" and h2 not in ARAB and source and alpha2(source) in ARAB:
        return source, "source:arabic_name"
    if origin == "foreign" and h2 in NAME_WORLD:
        abroad = [c for c in named if alpha2(c) not in NAME_WORLD]
        if abroad:
            return max(abroad, key=lambda c: named[c]), "named:foreign_name"
    return home, f"home:{home_how}"


def _romanize_name(words: list[str], country: str | None) -> Any:
    """The romanised name; an NER span may keep a proclitic (``ورانيا``، ``لفيصل``): without it when the name
    table then knows more of the name."""
    from marsad.kb.romanize import romanize

    best = romanize(" ".join(words), country)
    first = words[0] if words else ""
    if best is not None and len(first) > 3 and first[0] in "وفبل":
        alt = romanize(" ".join([first[1:], *words[1:]]), country)
        if alt is not None and _RULE_RANK.get(alt.rule, 0) > _RULE_RANK.get(best.rule, 0):
            return alt
    return best


def _only_words(gap: str) -> bool:
    """No punctuation between a nationality word and a name (``البرتغالي جوزيه``، ``الهولندي لويس``)."""
    return all(ch.isalpha() or ch.isspace() or "\u064b" <= ch <= "\u0652" for ch in gap)


_TITLES_GAP = 40  # characters at most between a descriptor and a name


def _only_titles(gap: str) -> bool:
    """Is the text between a descriptor and a name only spaces, commas and titles (``العقيد``)?"""
    return len(gap) <= _TITLES_GAP and all(w in _NAME_TITLES for w in gap.replace("،", " ").replace(",", " ").split())


def _place_over_ner(g: Mention, span: NerSpan, text: str) -> bool:
    """Does a supported gazetteer place win over an NER span of another type that overlaps it?

    A place after a strong cue or in a dateline, a country, or a big city wins over a MISC or PERS span
    (``شهدت وارسو أمطارا`` is not a person); over an ORG span only when the spans are the same.
    """
    if g.link is None or g.label != "LOC":
        return False
    if span.label == "LOC":  # partial overlap (``بمكة`` vs ``مكة المكرمة``): the gazetteer's span is the name
        inside = span.start <= g.start and g.end <= span.end
        around = g.start <= span.start and span.end <= g.end
        return not inside and not around
    if span.label == "MISC" and (g.start, g.end) == (span.start, span.end) and g.confidence >= 0.6:
        return True  # the model saw a name, the gazetteer knows it as a place
    if g.confidence < FILL_MIN_PLACE_CONFIDENCE:
        return False
    # a name glued to ب/ل at the end of a longer span (مطار الملك عبدالله بجازان) is a place of its own
    glued = g.start > span.start and g.end == span.end and text[g.start - 1] in "بل" \
        and (g.start < 2 or not text[g.start - 2].isalpha() or text[g.start - 2] in "وف")
    if glued and span.label in ("PERS", "ORG"):
        return True
    if span.label == "PERS" and text[span.start : g.start].strip() in _REGION_TITLES:
        return True  # أمير جازان، محافظ الطائف: the title names the place
    strong = g.confidence >= STRONG_PLACE_CONFIDENCE or g.link.feature == "country"
    if span.label == "ORG":  # a locative word before the bare name makes it the place (في بني ملال)
        return (strong or "cue:weak" in g.link.evidence) and (g.start, g.end) == (span.start, span.end)
    if span.label == "MISC":
        return True
    return strong or g.confidence >= BIG_PLACE_CONFIDENCE


def _known_name_over_ner(g: Mention, span: NerSpan) -> bool:
    """Does a full knowledge-base name of a person or organisation win over an NER span of another type that
    covers exactly it (perhaps with a proclitic, ``بداعش``)?"""
    if g.link is None or g.pattern not in ("actor", "actor_outlet") or g.link.type not in ("PERS", "ORG"):
        return False  # actor_outlet: a newspaper's short name cited as one (لـ«الشرق الأوسط»)
    if g.link.type in _COMPATIBLE.get(span.label, set()):
        return False
    return g.end == span.end and 0 <= g.start - span.start <= 2


def _extends_name(g: Mention, span: NerSpan, text: str) -> bool:
    """Does a linked gazetteer person name complete an NER PERS span (``بشار`` + ``الأسد``)?

    Only full names of people, ending where the span ends, whose extra words are not a title.
    """
    if g.link is None or g.link.type != "PERS" or span.label != "PERS" or g.pattern != "actor":
        return False
    if not (g.start < span.start and span.end == g.end):
        return False
    first = text[g.start : span.start].split()
    return bool(first) and first[0] not in _TITLES


# Words of sport (matching forms): in a sports report a city named without a locative cue is the club.
SPORTS_WORDS = frozenset(
    {
        "النادي", "لاعب", "اللاعب", "لاعبي", "لاعبين", "لاعبا", "مدرب", "المدرب", "مباراه", "المباراه",
        "مباريات", "المباريات", "الدوري", "دوري", "اهداف", "الاهداف", "هدفين", "هدفا", "تعادل", "الشوط",
        "مهاجم", "المهاجم", "مدافع", "المدافع", "ملعب", "الملعب", "الاندية", "انديه", "الهداف", "ركله", "ركلات",
        "الجزاء", "الاعاره",
    }
)  # not فريق/الفريق (a team of workers, a general), منتخب (elected), حارس (a guard), مرمى (in range)
_WORDS = re.compile(r"[^\W\d_]+")
SPORTS_MIN_WORDS = 3  # an article with this many different words of football is a sports report
# Regions that name a club of the source's league (الخليج: Al-Khaleej of Saihat): in a sports report, the bare
# name is the club unless a word of the region stands before it.
_CLUB_REGIONS = frozenset({"place:gulf_region"})
_REGION_KEEP_WORDS = frozenset({"دول", "بدول", "لدول", "ابناء", "شعوب", "منطقه", "بمنطقه", "كاس", "بطوله", "منتخبات",
                                "انديه", "دوري", "خليجي", "عرب", "سواحل", "مياه"})
_CLUB_KEEP_CUES = frozenset({"في", "بمدينه", "مدينه", "بملعب", "بحيره", "نهر", "جبل", "جبال", "ساحل", "سواحل",
                             "شاطي", "جزيره", "ضواحي"})


def drop_clubs(article: Article, mentions: list[Mention], home: str | None = None,
               res: Resources | None = None) -> list[Mention]:
    """Drop foreign cities that stand for their football clubs (``انتقل من توتنهام إلى نابولي``): in a sports
    report, a city abroad (not in ``home``, the source's country) in a sentence with a word of sport, without
    ``في``, a glued ``ب`` or a strong cue before it and not in a dateline.

    Countries, regions, the source country's cities and places after ``في`` (``المباراة في روما``) stay. With
    ``res``, a dropped city becomes its club: the knowledge base's «نادي <city>», else an unlinked club of the
    city's country (sector SPT)."""
    places = [m for m in mentions if m.label == "LOC" and m.link is not None and (
        (m.link.feature == "city" and m.link.country != home) or m.link.id in _CLUB_REGIONS)]
    if not places:
        return mentions
    nt = normalize(article.text)
    words = nt.norm.split()
    if len({w if w in SPORTS_WORDS else w[1:] for w in words
            if w in SPORTS_WORDS or (len(w) > 3 and w[0] in "وبل" and w[1:] in SPORTS_WORDS)}) < SPORTS_MIN_WORDS:
        return mentions
    sentences = article.sentences or []
    drop: set[int] = set()
    sporty: dict[int, bool] = {}  # per sentence (by position): has it a word of sport?
    regions: set[int] = set()  # club regions a word of the region names as the region
    for m in places:
        k, sent = next(((k, s) for k, s in enumerate(sentences) if s.start <= m.start < s.end), (-1, None))
        if sent is None:
            continue
        if k not in sporty:
            sw = normalize(article.text[sent.start : sent.end]).norm.split()
            sporty[k] = any(w in SPORTS_WORDS or (len(w) > 3 and w[0] in "وبل" and w[1:] in SPORTS_WORDS)
                            for w in sw)
        if not sporty[k] and not (m.link is not None and m.link.id in _CLUB_REGIONS):
            continue  # a club region in a sports report needs no word of sport in its own sentence
        before = _WORDS.findall(normalize(article.text[max(sent.start, m.start - 40) : m.start]).norm)
        prev = before[-1] if before else ""
        if len(prev) > 3 and prev[0] in "وف":
            prev = prev[1:]
        if len(before) > 1 and before[-2] in LOCATIVE_CUES:
            continue  # العاصمة الأرجنتينية بوينس آيرس
        glued = (m.start > 0 and article.text[m.start - 1] == "ب") or article.text[m.start : m.start + 2] == "ب"
        link = m.link
        if link is not None and link.id in _CLUB_REGIONS and (prev in _REGION_KEEP_WORDS or glued or (
                " " in article.text[m.start : m.end]
                and normalize_string(article.text[m.start : m.end].split()[0]) in _REGION_KEEP_WORDS)):
            regions.add(id(m))
            continue  # دول الخليج، كأس الخليج: the region
        if prev in _CLUB_KEEP_CUES or prev in LOCATIVE_CUES or glued or (link is not None and (
                "cue:strong" in link.evidence or "cue:dateline" in link.evidence)):
            continue
        drop.add(id(m))
    # the same club named elsewhere in the report (its title) without a cue is the club too
    clubs = {m.link.id for m in places if id(m) in drop and m.link is not None}
    for m in places:
        if m.link is not None and m.link.id in clubs and id(m) not in drop and id(m) not in regions and not (
                "cue:strong" in m.link.evidence or "cue:dateline" in m.link.evidence or _cue_before(article, m)):
            drop.add(id(m))
    out = [m for m in mentions if id(m) not in drop]
    if res is not None:  # the club itself when the knowledge base knows «نادي <city>» (نادي برشلونة)
        for m in places:
            club = _club_of(res, article.text[m.start:m.end]) if id(m) in drop else None
            if club is not None:
                out.append(Mention(m.start, m.end, "ORG", "gazetteer",
                                   actor_link(res, club, article.meta.published), 0.7, pattern="club:city",
                                   actor=club.id))
            elif id(m) in drop and m.link is not None and m.link.country and m.link.id not in _CLUB_REGIONS:
                # a club the knowledge base does not hold (لوريان، شارلروا): kept as an unlinked club of the
                # city's country, named after its city
                surface = article.text[m.start:m.end]
                nil = Link(id=f"nil:ORG:{' '.join(surface.split())}", name_en=m.link.name_en, name_ar=surface,
                           type="ORG", country=m.link.country, sector="SPT", evidence=["club:city"])
                out.append(Mention(m.start, m.end, "ORG", "rule", None, 0.6, pattern="club:city_nil", nil=nil))
        out.sort(key=lambda x: (x.start, -x.end))
    return out


def _club_of(res: Resources, city: str) -> Actor | None:
    """The sports club the knowledge base names «نادي <city>», if any."""
    hit = res.automaton.get(normalize("نادي " + city.lstrip("وفبل") if city[:1] in "وفبل" and len(city) > 4
                                      else "نادي " + city).norm, None)
    for kind, idx, *_ in hit[1] if hit else ():
        if kind != ACTOR:
            continue
        actor: Actor = res.actors[idx]
        if actor.sector == "SPT":
            return actor
    return None


def _cue_before(article: Article, m: Mention) -> bool:
    before = _WORDS.findall(normalize(article.text[max(0, m.start - 30) : m.start]).norm)
    prev = before[-1] if before else ""
    if len(prev) > 3 and prev[0] in "وف":
        prev = prev[1:]
    return prev in _CLUB_KEEP_CUES or prev in LOCATIVE_CUES


def to_entities(article: Article, mentions: list[Mention], version: str) -> list[Entity]:
    """Number the mentions ``e1``, ``e2``... and turn them into ``Entity`` records."""
    ordered = sorted(range(len(mentions)), key=lambda k: (mentions[k].start, -mentions[k].end))
    ids = {k: f"e{n}" for n, k in enumerate(ordered, 1)}
    out: list[Entity] = []
    # the antecedent: the earliest earlier named mention of the same actor, a full name when there is one (the
    # linker's indexes do not survive the merge, and NER mentions co-refer too); one pass: per actor the first
    # full name and the first named mention so far; a mention object met again keeps its first place's answer
    full: dict[str, str] = {}
    first: dict[str, str] = {}
    antes: dict[int, str | None] = {}
    for k in ordered:
        m = mentions[k]
        if id(m) not in antes:
            antes[id(m)] = None if m.actor is None else (full.get(m.actor) or first.get(m.actor))
        if m.actor is not None and m.label != "AGENT":
            first.setdefault(m.actor, ids[k])
            if m.pattern == "actor":
                full.setdefault(m.actor, ids[k])
    for k in ordered:
        m = mentions[k]
        ante = antes[id(m)]
        out.append(Entity(ids[k], m.start, m.end, m.label, m.source,
                          article.provenance("entities", version, m.pattern), m.link, round(m.confidence, 3), ante,
                          m.nil))
    return out


def make_component(settings: Settings) -> EntityComponent:
    """Build the ``entities`` component (resources and the NER model load on first use)."""
    return EntityComponent(settings)
