"""The PLOVER event coder: predicates + linked entities + times → ``Event`` records.

Per sentence: find predicates (:mod:`marsad.events.predicates`), cut clauses
(:mod:`marsad.text.clauses`), bind the actor and recipient from the
predicate's frame (VSO and SVO, passives with على يد/من قبل, verbal nouns with
their genitive or light verb), inherit participants for subject-less verbs,
set auxiliary modes (negated, future, hypothetical, historical), the place, the
date and the quotation the event sits in.

Decisions (see the tests):
    * Negated predicates (``لم يزر``, ``نفى أن يكون قد التقى``) are coded with the
      ``negated`` auxiliary mode and a low confidence; they never count as a
      detected event in ``marsad eval events``.
    * Future CONSULT/SUPPORT/COOPERATE/AID become AGREE, future RETREAT becomes
      CONCEDE (PLOVER manual), keeping the ``future`` auxiliary mode.
    * Material conflict types and SANCTION need a political actor (a state,
      an office holder, an armed or security body, a party ...): ``هاجم الكاتب الرواية``
      is not an event.
    * A host/visit meeting keeps the visitor as actor and the host as recipient;
      other meetings keep the grammatical subject as actor and the other party as
      recipient, except subject-less duals (``وتباحثا``) whose parties are all actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.article import Article, Entity, Event, Evidence, Link, Participant, Quote, Span, TimeExpr
from marsad.events import ontology
from marsad.events.predicates import RESOURCE_VERSION, Lexicon, Match
from marsad.events.timing import governing_time, temporal_aux, time_date
from marsad.text.clauses import (
    ADJUNCT_PREPS,
    COMPLEMENTIZER,
    STANDALONE_PREPS,
    Group,
    Mention,
    alias_links,
    build_groups,
    build_mentions,
    can_act,
    clause_bounds,
    clause_of,
    entity_link,
    normalized,
    words,
)
from marsad.text.normalize import NormText, normalize_string

_N = normalize_string
VERSION = f"events-1+{RESOURCE_VERSION}"

NEGATORS = frozenset(_N(w) for w in ("لم", "لن", "لا", "ما", "ليس", "لما", "عدم", "دون", "بدون", "غير", "ولم", "ولن",
                                    "ولا", "فلم", "فلن"))
DENIAL = frozenset(_N(w) for w in ("نفى", "نفت", "نفوا", "ينفي", "تنفي", "ونفى", "ونفت", "نافيا", "نافية"))
FUTURE_WORDS = frozenset(_N(w) for w in ("سوف", "لن", "ولن", "يعتزم", "تعتزم", "يعتزمون", "ينوي", "تنوي", "ينوون",
                                        "يستعد", "تستعد", "يستعدون", "المقبل", "المقبلة", "القادم", "القادمة", "غدا",
                                        "المرتقبة", "المرتقب", "مرتقبة", "مرتقب", "المزمع", "المزمعة", "مزمع", "مزمعة"))
FUTURE_PHRASES = (_N("من المقرر"), _N("من المتوقع"), _N("من المنتظر"), _N("في وقت لاحق"))
HYPOTHETICAL = frozenset(_N(w) for w in ("إذا", "اذا", "لو", "ولو", "وإذا", "فإذا", "حال", "لولا"))
HISTORICAL_WORDS = frozenset(_N(w) for w in ("سابقة", "سابق", "سابقا", "الماضي", "الماضية", "آنذاك", "حينها",
                                            "حينذاك"))
HISTORICAL_PHRASES = (_N("في وقت سابق"), _N("في السابق"), _N("سبق أن"), _N("سبق وأن"), _N("سبق لها أن"),
                      _N("سبق له أن"), _N("كان قد"), _N("كانت قد"), _N("كانوا قد"))
CLAUSE_PARTICLES = frozenset(_N(w) for w in ("حيث", "ثم", "قد", "وقد", "فقد", "لقد", "كما", "أيضا", "بعدها", "ولكن",
                                            "لكن", "بينما", "فيما", "إذ", "كان", "وكان", "كانت", "وكانت", "ما", "لم",
                                            "لن", "لا", "ولم", "ولا", "ولن"))
PLUPERFECT = frozenset(_N(w) for w in ("كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا"))
PLANNED = frozenset(_N(w) for w in ("قبل", "لإجراء", "لعقد"))
LIGHT_VERBS = frozenset(
    _N(w)
    for base in ("أجرى", "أجرت", "أجريا", "أجروا", "يجري", "تجري", "عقد", "عقدت", "عقدا", "عقدوا", "يعقد", "تعقد",
                 "شن", "شنت", "يشن", "تشن", "نفذ", "نفذت", "ينفذ", "تنفذ", "وجه", "وجهت", "يوجه", "توجه", "أوجه",
                 "نوجه", "أبدى", "أبدت", "أعرب", "أعربت", "قدم", "قدمت", "يقدم", "تقدم", "بدأ", "بدأت", "يبدأ",
                 "تبدأ", "واصل", "واصلت", "اختتم", "اختتمت", "أطلق", "أطلقت", "تبادل", "تبادلا", "ارتكب", "ارتكبت",
                 "ارتكبوا", "نظم", "نظمت", "نظموا", "بدأوا", "قاد", "قادت", "خاض", "خاضت", "جدد", "جددت", "أعلن",
                 "أعلنت", "يعلن", "تعلن", "أصدر", "أصدرت", "يصدر", "تصدر", "دخل", "دخلت", "دخلوا", "يواصل", "تواصل",
                 "أجرت", "يجرون", "نفذا", "نفذوا", "شنوا", "شنا")
    for w in (base, "و" + base, "ف" + base)
)
AFTER_LIGHT = (_N("قام بها"), _N("قام به"), _N("قامت بها"), _N("قامت به"), _N("أجراها"), _N("أجراه"),
               _N("أجرتها"), _N("أجرته"))
ROLE_SECTOR = {
    _N("رئيس"): "GOV", _N("رئيسي"): "GOV", _N("رئيسا"): "GOV", _N("رئيسة"): "GOV", _N("زعيما"): "GOV",
    _N("رؤساء"): "GOV", _N("وزير"): "GOV", _N("وزيرا"): "GOV",
    _N("وزراء"): "GOV", _N("حكومة"): "GOV", _N("حكومتي"): "GOV", _N("حكومات"): "GOV", _N("ملك"): "GOV",
    _N("أمير"): "GOV", _N("زعيم"): "GOV", _N("زعيمي"): "GOV", _N("قادة"): "GOV", _N("سلطات"): "GOV",
    _N("خارجية"): "GOV", _N("جيش"): "MIL", _N("جيشا"): "MIL", _N("جيوش"): "MIL", _N("قوات"): "MIL",
    _N("شرطة"): "COP", _N("برلمان"): "LEG", _N("برلماني"): "LEG", _N("مخابرات"): "SPY",
}
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "PRM", "SPY", "UAF", "PTY", "OPP", "LEG", "JUD", "PRE",
                               "ELI", "CRM"})
PROTEST_SECTORS = POLITICAL_SECTORS | {"CVL", "LAB", "EDU", "AGR", "REF", "SOC", "REL", "MED", "JRN", "BUS"}
PLACE_PREPS = frozenset(_N(w) for w in ("في", "بمدينة", "بمنتجع", "بالعاصمة"))
# A currency named after an amount (مليون ريال، بقيمة 7 مليارات يورو) is never a party: the entities layer may take
# ريال for a club or a name.
CURRENCIES = frozenset(_N(w) for base in ("ريال", "ريالا", "ريالات", "دولار", "دولارا", "دولارات", "يورو", "درهم",
                                          "دراهم", "دينار", "دنانير", "جنيه", "جنيها", "جنيهات", "ليرة", "ليرات",
                                          "روبية", "ين")
                       for w in (base, "ال" + base, "بال" + base, "و" + base, "ب" + base))
# Sports stay out (docs/annotation/events.md, hard case 13): no event has a club, federation or athlete (sector
# SPT) as a party, and a meeting in a sentence about a match (يلتقي الأهلي مع الزمالك في لقاء القمة) is a fixture.
SPORTS_SECTOR = "SPT"
# (Not دوري: اجتماع دوري is a periodic meeting; not الفريق: a general's rank; not الجولة: a round of talks.)
MATCH_WORDS = frozenset(_N(w) for base in ("مباراة", "مباراته", "مباراتها", "مباراتين", "مباريات", "ملعب",
                                           "استاد", "بطولة", "كأس", "شوط")
                        for w in (base, "ال" + base, "بال" + base, "و" + base, "وال" + base, "ب" + base,
                                  "لل" + base))
# An AID verbal noun that a request governs (طلب مساعدة صندوق النقد لإنقاذ اليونان) is what was asked for: the
# request is the event (REQUEST), the aid has not happened.
REQUESTED_AID_WORDS = 12


@dataclass(slots=True)
class _Draft:
    """An event before it becomes a record."""

    match: Match
    clause: tuple[int, int]
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.9
    aux: list[str] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)
    inherited: _Draft | None = None
    crowd: bool = False
    time: TimeExpr | None = None


@dataclass(slots=True)
class _Context:
    article: Article
    nt: NormText
    quotes: list[tuple[int, int, Quote]]  # normalised spans
    ents_by_id: dict[str, Entity]
    regions: list[tuple[int, int]] = field(default_factory=list)  # predicate regions of the current sentence
    triggers: list[tuple[int, int]] = field(default_factory=list)  # source spans of its predicates
    alias: dict[str, Link] = field(default_factory=dict)  # linked names → link, for unlinked repeats


def code_article(article: Article, lexicon: Lexicon, fold_ta_marbuta: bool = True) -> list[Event]:
    """Code every sentence of an article; the ``sentences`` and ``entities`` layers must be set."""
    nt = normalized(article.text, fold_ta_marbuta)
    ents = sorted(article.entities or [], key=lambda e: (e.start, -e.end))
    ent_spans = []
    for ent in ents:
        s, e = nt.to_norm(ent.start, ent.end)
        if s < e:
            ent_spans.append((s, e, ent))
    quotes = []
    for q in article.quotes or []:
        s, e = nt.to_norm(q.start, q.end)
        quotes.append((s, e, q))
    ctx = _Context(article, nt, quotes, {e.id: e for e in ents}, alias=alias_links(nt.norm, ent_spans))
    events: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    prev: _Draft | None = None
    for sent in article.sentences or []:
        ns, ne = nt.to_norm(sent.start, sent.end)
        matches = lexicon.find(nt.norm, ns, ne, nt.text, nt.offsets)
        if not matches:
            continue
        sent_ents = [x for x in ent_spans if ns <= x[0] and x[1] <= ne]
        all_groups = build_groups(nt.norm, build_mentions(nt.norm, sent_ents, ns))
        groups = [g for g in all_groups if all(can_act(m) and not is_currency(nt.norm, m.start, m.end)
                                               for m in g.mentions)]
        extra = {m.start for m in matches if m.form.kind != "masdar" and m.proclitic[:1] in ("و", "ف")}
        for qs, qe, q in quotes:
            extra.update((qs, qe))
            if q.cue is not None:
                extra.add(nt.to_norm(q.cue.start, q.cue.end)[0])
        bounds = clause_bounds(nt.norm, ns, ne, extra)
        clauses = [clause_of(bounds, m.start, ne) for m in matches]
        ctx.regions = []
        ctx.triggers = [nt.to_source(m.start, m.end) for m in matches]
        for i, clause in enumerate(clauses):
            lo = max([clause[0]] + [x.end for x, c in zip(matches[:i], clauses[:i], strict=True) if c == clause])
            hi = min([clause[1]] + [x.start for x, c in zip(matches[i + 1:], clauses[i + 1:], strict=True)
                                    if c == clause])
            ctx.regions.append(nt.to_source(lo, hi))
        for i, (m, clause) in enumerate(zip(matches, clauses, strict=True)):
            if _requested_aid(nt.norm, matches, i):
                continue
            if m.predicate.type == "CONSULT" and match_context(nt.norm, ns, ne):
                continue  # a fixture, not a meeting
            draft = _bind(ctx, m, clause, groups, prev, ns, all_groups)
            if draft is None:
                continue
            if m.predicate.needrec and not draft.recipients and not any(
                    x is not m and c == clause and x.predicate.type == m.predicate.type
                    for x, c in zip(matches, clauses, strict=True)):
                continue  # وصل إلى مليار: no visit without a host (or a visit word in the clause)
            draft.region = ctx.regions[i]
            prev = draft
            ev = _finish(ctx, draft, sent.id, len(events) + 1, all_groups, seen)
            if ev is not None:
                events.append(ev)
    return events


def is_currency(norm: str, start: int, end: int) -> bool:
    """Is ``norm[start:end]`` a currency word (``ريال``، ``بالدولار``)?"""
    return norm[start:end].strip() in CURRENCIES


def match_context(norm: str, start: int, end: int) -> bool:
    """Does ``norm[start:end]`` (a sentence) speak of a sports match (``مباراة``، ``الدوري``، ``الملعب``)?"""
    return any(w in MATCH_WORDS for _, _, w in words(norm, start, end))


def sports_party(ev: Event) -> bool:
    """Is a party of the event a club, federation or athlete (sector SPT)? Sports stay out."""
    return any(p.sector == SPORTS_SECTOR for p in (*ev.actors, *ev.recipients))


def _requested_aid(norm: str, matches: list[Match], i: int) -> bool:
    """Is ``matches[i]`` an AID verbal noun that a REQUEST predicate a few words before it governs?"""
    m = matches[i]
    if m.predicate.type != "AID" or not m.nominal:
        return False
    return any(x.predicate.type == "REQUEST" and x.end <= m.start
               and len(words(norm, x.end, m.start, limit=REQUESTED_AID_WORDS + 1)) <= REQUESTED_AID_WORDS
               for x in matches[:i])


# --- argument binding ---------------------------------------------------------------------------


def _in(groups: list[Group], lo: int, hi: int) -> list[Group]:
    return [g for g in groups if lo <= g.start and g.end <= hi]


def _members(g: Group | None) -> list[Mention]:
    return list(g.mentions) if g is not None else []


def _bind(ctx: _Context, m: Match, clause: tuple[int, int], groups: list[Group], prev: _Draft | None,
          sent_start: int, all_groups: list[Group]) -> _Draft | None:
    cs, ce = clause
    pred = m.predicate
    d = _Draft(m, clause)
    post = [g for g in _in(groups, m.end, ce)]
    pre = [g for g in _in(groups, cs, m.start)]
    if m.nominal:
        frame = pred.nframe
        if frame is None:
            return None
        _bind_nominal(ctx, d, frame.actor, frame.recipient, frame.actor_if_other, frame.joint, post, pre, groups)
    else:
        frame = pred.frame
        if frame is None:
            return None
        passive = m.form.kind == "pass" or (pred.samepass and any(g.prep == "agent" for g in post))
        if passive:
            agent = next((g for g in post if g.prep == "agent"), None)
            rec = next((g for g in post if g.prep == ""), None) or next((g for g in reversed(pre) if g.prep == ""),
                                                                        None)
            d.actors = _members(agent)
            d.recipients = _members(rec)
            d.notes.append("passive: recipient is the subject" + (", actor after على يد/من قبل" if agent else ""))
        else:
            _bind_verb(ctx, d, frame.actor, frame.recipient, frame.joint, post, pre)
    if not d.actors:
        _fallback_actor(ctx, d, prev, sent_start)
    if not d.actors and pred.type == "PROTEST":
        place = _place(ctx, d, all_groups, window=6)
        if place is not None and place.link is not None and place.link.country:
            s, e = ctx.nt.to_norm(place.start, place.end)
            d.actors = [Mention(s, e, [place])]
            d.crowd = True
            d.confidence -= 0.2
            d.notes.append("protesters of the place where the protest happened")
    if not d.actors:
        return None
    d.recipients = [r for r in d.recipients if r not in d.actors]
    return d


def _slot(slot: str, subj: Group | None, obj: Group | None, post: list[Group]) -> Group | None:
    if slot == "subj":
        return subj
    if slot == "obj":
        return obj
    for g in post:
        if g is not subj and g.prep == slot:
            return g
    for g in post:
        if g is not subj and g.prep == "" and g.gov == slot:
            return g
    return None


def _bind_verb(ctx: _Context, d: _Draft, actor_slots: tuple[str, ...], rec_slots: tuple[str, ...],
               joint: str | None, post: list[Group], pre: list[Group]) -> None:
    m = d.match
    norm = ctx.nt.norm
    subj: Group | None = None
    last_pre = next((g for g in reversed(pre) if g.prep == ""), None)
    if last_pre is not None and len(words(norm, last_pre.end, m.start, limit=2)) <= 1 and not _has_prep(
            norm, last_pre.end, m.start):
        subj = last_pre
        d.notes.append("subject before the verb (SVO)")
    elif post and post[0].prep == "" and m.form.person == 3 and len(words(norm, m.end, post[0].start, limit=3)) <= 2 \
            and not _has_prep(norm, m.end, post[0].start) and not post[0].governor(m.start) \
            and not _visited_place(m, post):
        subj = post[0]
        d.notes.append("subject after the verb (VSO)")
    elif last_pre is not None and m.form.person == 3 and not post:
        subj = last_pre
        d.notes.append("subject before the verb (SVO)")
    obj = next((g for g in post if g.prep == "" and not g.governor(m.start) and g is not subj), None)
    if m.form.suffix:
        obj = None  # the object is a pronoun suffix
    actor = next((g for s in actor_slots if (g := _slot(s, subj, obj, post)) is not None), None)
    rec = next((g for s in rec_slots if (g := _slot(s, subj, obj, post)) is not None and g is not actor), None)
    d.actors = _members(actor)
    d.recipients = _members(rec)
    if joint and actor is not None:
        j = next((g for g in post if g.prep == joint and g is not actor), None)
        d.actors += _members(j)


def _visited_place(m: Match, post: list[Group]) -> bool:
    """``زار كينيا``: after a visit verb a lone place is the place visited (the subject is dropped)."""
    if m.predicate.mode != "visit" or m.form.kind not in ("perf", "impf"):
        return False
    bare = [g for g in post if g.prep == ""]
    ent = post[0].mentions[0].ents[0]
    return len(bare) == 1 and ent.label in ("LOC", "GPE")


def _has_prep(norm: str, a: int, b: int) -> bool:
    return any(w in STANDALONE_PREPS or w in ADJUNCT_PREPS for _, _, w in words(norm, a, b))


def _bind_nominal(ctx: _Context, d: _Draft, actor_slots: tuple[str, ...], rec_slots: tuple[str, ...],
                  extra: tuple[str, ...], joint: str | None, post: list[Group], pre: list[Group],
                  groups: list[Group]) -> None:
    norm = ctx.nt.norm
    m = d.match
    gen = None
    if post and post[0].prep == "" and not words(norm, m.end, post[0].start):
        gen = post[0]
    actor = gen if "gen" in actor_slots else None
    if actor is not None:
        d.notes.append("actor is the genitive of the verbal noun")
    if actor is None:
        # light verb before the noun: أجرى بوتين محادثات / الرئيس أجرى محادثات / أجرى الرئيس المصري اتصالا
        ws = words(norm, d.clause[0], m.start)[-10:]
        lv = next((w for w in reversed(ws) if w[2] in LIGHT_VERBS), None)
        if lv is not None:
            inner = [g for g in pre if g.start >= lv[1] and g.prep == "" and not g.governor(lv[0])]
            before = [g for g in pre if g.end <= lv[0] and g.prep == ""]
            actor = inner[0] if inner else (before[-1] if before else None)
            if actor is not None:
                d.notes.append("actor is the subject of the light verb " + lv[2])
    if actor is None:
        tail = norm[m.end:d.clause[1]]
        for phrase in AFTER_LIGHT:
            k = tail.find(phrase)
            if 0 <= k < 40:
                after = m.end + k + len(phrase)
                cand = [g for g in post if g.start >= after and g.prep == ""]
                if cand:
                    actor = cand[0]
                    d.notes.append(f"actor after «{phrase}»")
                break
    rec = None
    if actor is None and extra:
        other = next((g for g in post if g.prep in extra), None)
        dest = next((g for s in rec_slots if s not in extra for g in post if g.prep == s and g is not other), None)
        if other is not None and dest is not None:
            actor, rec = other, dest
            d.notes.append(f"actor is the {other.prep}-complement, recipient the {dest.prep}-complement")
    if rec is None:
        rec = next((g for s in rec_slots for g in post if g is not actor and g.prep == s), None)
    d.actors = _members(actor)
    d.recipients = _members(rec)
    if joint and actor is not None:
        j = next((g for g in post if g.prep == joint and g is not actor), None)
        d.actors += _members(j)


def _quote_at(ctx: _Context, pos: int) -> Quote | None:
    for qs, qe, q in ctx.quotes:
        if qs <= pos < qe:
            return q
    return None


def _fallback_actor(ctx: _Context, d: _Draft, prev: _Draft | None, sent_start: int) -> None:
    m = d.match
    q = _quote_at(ctx, m.start)
    if m.nominal and m.form.suffix == "هما":  # اجتماعهما: the two parties
        if q is not None and q.speaker and q.addressee:
            d.actors = [x for x in (_mention_of(ctx, q.speaker), _mention_of(ctx, q.addressee)) if x is not None]
            d.notes.append(f"«-هما»: the speaker and addressee of {q.id}")
        elif prev is not None:
            d.actors = list(prev.actors) + [r for r in prev.recipients if r not in prev.actors]
            d.notes.append("«-هما»: the parties of the previous event")
        d.confidence -= 0.2
        return
    speaks = q is not None and q.speaker and (
        (q.direct and (m.form.person == 1 or m.nominal)) or (not q.direct and _speaker_pronoun(ctx, d)))
    if q is not None and speaks and q.speaker:
        sp = _mention_of(ctx, q.speaker)
        if sp is not None:
            d.actors = [sp]
            d.confidence -= 0.15
            d.notes.append(f"actor is the speaker of {q.id}")
            if not d.recipients and q.addressee and ctx.nt.norm[max(0, m.start - 12):m.start].find(_N("لكم")) >= 0:
                add = _mention_of(ctx, q.addressee)
                if add is not None:
                    d.recipients = [add]
                    d.notes.append(f"recipient is the addressee of {q.id}")
            return
    if prev is None or prev.match.start < sent_start - 400:
        return
    if m.form.number == "du" and m.form.kind != "masdar":
        d.actors = list(prev.actors) + [r for r in prev.recipients if r not in prev.actors]
        d.recipients = []
        d.inherited = prev
        d.confidence -= 0.1
        d.notes.append("dual verb without subject: the parties of the previous event")
    elif m.form.kind != "masdar" and m.form.person == 3 and prev.match.start >= sent_start and _clause_initial(ctx, d):
        d.actors = list(prev.actors)
        d.inherited = prev
        d.confidence -= 0.15
        d.notes.append("subject-less verb: actor of the previous clause")
    elif m.nominal and prev.match.start >= sent_start and prev.match.predicate.type == m.predicate.type:
        d.actors = list(prev.actors)
        if not d.recipients:
            d.recipients = list(prev.recipients)
        d.confidence -= 0.2
        d.notes.append("verbal noun without participants: those of the previous event of the same type")


def _clause_initial(ctx: _Context, d: _Draft) -> bool:
    """The verb opens its clause (after particles only): a subject-less verb there continues the last subject."""
    ws = words(ctx.nt.norm, d.clause[0], d.match.start)
    return all(w in CLAUSE_PARTICLES or COMPLEMENTIZER.match(w) for _, _, w in ws)


def _mention_of(ctx: _Context, entity_id: str) -> Mention | None:
    ent = ctx.ents_by_id.get(entity_id)
    if ent is None:
        return None
    s, e = ctx.nt.to_norm(ent.start, ent.end)
    return Mention(s, e, [ent])


def _speaker_pronoun(ctx: _Context, d: _Draft) -> bool:
    """Whether the clause opens with أنه/إنه (the speaker as subject of reported speech)."""
    ws = words(ctx.nt.norm, d.clause[0], d.match.start)
    return bool(ws) and bool(COMPLEMENTIZER.match(ws[0][2])) and ws[0][2].endswith(("ه", "ها", "هم"))


# --- modes, place, date, record ----------------------------------------------------------------


def _aux(ctx: _Context, d: _Draft) -> list[str]:
    norm = ctx.nt.norm
    m = d.match
    cs, ce = d.clause
    before = words(norm, cs, m.start)
    near = [w for _, _, w in before[-3:]]
    aux: list[str] = []
    clause_text = norm[max(0, cs - 30):ce]
    if any(w in NEGATORS for w in near[-2:]) or _denied(ctx, d):
        aux.append("negated")
        d.notes.append("negated: " + " ".join(near[-2:]))
    future = "س" in m.proclitic and m.form.kind == "impf"
    future = future or any(w in FUTURE_WORDS for w in near) or any(p in clause_text for p in FUTURE_PHRASES)
    future = future or any(w in FUTURE_WORDS for _, _, w in words(norm, m.end, ce)[:6])
    if m.nominal and near and near[-1] in PLANNED:
        future = True
        d.notes.append("planned: «" + near[-1] + "» before the verbal noun")
    if future:
        aux.append("future")
    if any(w in HYPOTHETICAL for w in (x for _, _, x in before)) or (
        near and near[-1] == _N("قد") and m.form.kind == "impf"
    ):
        aux.append("hypothetical")
    after = [w for _, _, w in words(norm, m.end, ce)[:3]]
    pluperfect = m.form.kind in ("perf", "pass") and any(w in PLUPERFECT for w in near)
    if pluperfect or any(w in HISTORICAL_WORDS for w in after) or any(p in clause_text for p in HISTORICAL_PHRASES):
        aux.append("historical")
        if pluperfect:
            d.notes.append("historical: كان + perfect")
    return aux


def _denied(ctx: _Context, d: _Draft) -> bool:
    """``نفى أن يكون قد التقى``: the clause is the complement of a denial verb."""
    ws = words(ctx.nt.norm, max(0, d.clause[0] - 40), min(d.match.start, d.clause[0] + 8))
    for i in range(len(ws) - 1, -1, -1):
        if COMPLEMENTIZER.match(ws[i][2]):
            return any(x in DENIAL for _, _, x in ws[max(0, i - 3):i])
    return False


def _participants(ctx: _Context, mentions: list[Mention]) -> list[Participant]:
    """Participants of coordinated mentions; a role before the first (رئيسا تركيا وإيران) applies to all."""
    out: list[Participant] = []
    for i, mention in enumerate(mentions):
        ps = _participant(ctx, mention)
        if i and mention.conj and out and out[-1].sector and out[-1].country:
            for p in ps:
                if p.sector is None and p.country and p.actor_id and p.actor_id.startswith(("place:", "country:")):
                    p.sector = out[-1].sector
        out.extend(p for p in ps if not any(p.actor_id and p.actor_id == q.actor_id for q in out))
    return out


def _participant(ctx: _Context, mention: Mention) -> list[Participant]:
    """One participant per mention (the linked entity of the apposition), with role-based sector."""
    ent = next((e for e in mention.ents if e.link is not None), mention.ents[0])
    link = entity_link(ent, ctx.ents_by_id.get, ctx.nt, ctx.alias)
    s, e = ctx.nt.to_source(mention.start, mention.end)
    sector = link.sector if link else None
    if sector is None and link is not None and link.type in ("LOC", "GPE"):
        ws = words(ctx.nt.norm, max(0, mention.start - 20), mention.start)
        if ws:
            w = ws[-1][2]
            for pre in ("", "و", "ل", "ب", "ال", "وال", "لل"):
                if w.startswith(pre) and w[len(pre):] in ROLE_SECTOR:
                    sector = ROLE_SECTOR[w[len(pre):]]
                    break
    return [
        Participant(
            entity=ent.id,
            start=s,
            end=e,
            name=link.name_en if link else ctx.article.text[ent.start:ent.end],
            country=link.country if link else None,
            sector=sector,
            actor_id=link.id if link else None,
            wikidata=link.wikidata if link else None,
        )
    ]


def _political(p: Participant, ent: Entity | None, ptype: str) -> bool:
    """Whether a participant can act in a political event of this type.

    Material conflict and SANCTION need a state, an official body or an armed group; PROTEST also
    takes civilians, workers and students; verbal and cooperative types take any linked actor but
    private persons and bodies (journalists, doctors, students, companies) unless they are organised.
    """
    civil = ("JRN", "EDU", "BUS", "MED", "CVL", "AGR", "LAB", "REF", "SOC", "REL")
    if ptype == "PROTEST":
        return p.sector in PROTEST_SECTORS or (p.country is not None and p.sector not in ("BUS",))
    if ptype in ontology.MATERIAL_CONFLICT:
        return p.sector in POLITICAL_SECTORS or (p.country is not None and p.sector not in civil)
    if p.sector in civil:
        return ptype in ("REQUEST", "ACCUSE", "REJECT") and p.sector in ("CVL", "EDU", "MED", "LAB")
    return p.country is not None or p.sector is not None or (ent is not None and ent.label == "ORG")


def _place(ctx: _Context, d: _Draft, groups: list[Group], window: int = 12) -> Entity | None:
    norm = ctx.nt.norm
    cs, ce = d.clause
    for g in _in(groups, cs, ce):
        for mention in g.mentions:
            ent = mention.ents[-1]
            if ent.label not in ("LOC", "GPE"):
                continue
            if any(mention in x for x in (d.actors, d.recipients)):
                continue
            if mention.start > d.match.end and len(words(norm, d.match.end, mention.start, limit=window + 1)) > window:
                continue
            ws = words(norm, max(cs, mention.start - 30), mention.start)
            glued = norm[max(0, mention.start - 1):mention.start] == "ب" or norm[mention.start:mention.start + 1] == "ب"
            if glued or any(w in PLACE_PREPS for _, _, w in ws[-3:]):
                return ent
    return None


def _finish(ctx: _Context, d: _Draft, sentence_id: str, n: int, groups: list[Group],
            seen: set[tuple[object, ...]]) -> Event | None:
    art = ctx.article
    m = d.match
    pred = m.predicate
    actors = _participants(ctx, d.actors)
    if d.crowd:
        for p in actors:
            p.sector, p.name, p.actor_id, p.wikidata = "CVL", f"protesters ({p.name})", None, None
    recipients = _participants(ctx, d.recipients)
    if not any(_political(p, ctx.ents_by_id.get(p.entity or ""), pred.type) for p in actors):
        return None
    if any(p.sector == SPORTS_SECTOR for p in (*actors, *recipients)):
        return None  # sports stay out
    aux = _aux(ctx, d)
    cs, ce = ctx.nt.to_source(*_trim(ctx.nt.norm, *d.clause))
    time = d.time = _date(ctx, d, sentence_id)
    if time is not None:
        for a in temporal_aux(art, time):
            if a not in aux:
                aux.append(a)
                d.notes.append(f"{a}: from the date {time.value}")
    if "historical" in aux and "future" in aux:
        aux.remove("future")
    ptype, mode, cameo = pred.type, pred.mode, pred.cameo
    if "future" in aux and ptype in ontology.FUTURE_TYPE:
        d.notes.append(f"future {ptype}/{mode or '-'} coded {ontology.FUTURE_TYPE[ptype][0]} (PLOVER manual)")
        ptype, cameo = ontology.FUTURE_TYPE[ptype]
        mode = None
    key = (ptype, mode, tuple(p.actor_id or p.entity for p in actors),
           tuple(p.actor_id or p.entity for p in recipients), d.clause, tuple(sorted(aux)))
    if key in seen:
        return None
    seen.add(key)
    conf = d.confidence - (0.1 if m.nominal else 0.0) - (0.3 if "negated" in aux else 0.0)
    if not recipients and ontology.event_type(ptype).requires_recipient:
        conf -= 0.1
    place = _place(ctx, d, groups)
    quote = _quote_at(ctx, m.start)
    ps, pe = ctx.nt.to_source(m.start, m.end)
    pattern = f"{pred.id}/{m.form.kind}"
    evidence = Evidence(
        pattern=pattern,
        predicate=Span(ps, pe),
        lemma=pred.lemma,
        actor_spans=[Span(p.start, p.end) for p in actors],
        recipient_spans=[Span(p.start, p.end) for p in recipients],
        notes=list(d.notes),
    )
    date = time_date(time) if time is not None else None
    return Event(
        id=f"ev{n}",
        start=cs,
        end=ce,
        sentence=sentence_id,
        type=ptype,
        cameo=cameo,
        prov=art.provenance("events", VERSION, pattern),
        evidence=evidence,
        mode=mode,
        context=list(ontology.cameo(cameo).contexts) if cameo in ontology.cameo_table() else [],
        aux=aux,
        actors=actors,
        recipients=recipients,
        place=place.id if place is not None else None,
        time=time.id if time is not None else None,
        date=date,
        quote=quote.id if quote is not None else None,
        confidence=round(max(0.1, min(1.0, conf)), 2),
    )


def _date(ctx: _Context, d: _Draft, sentence_id: str) -> TimeExpr | None:
    """The time that governs the clause of the trigger (:func:`marsad.events.timing.governing_time`).

    The one computation of the event's date: the ``historical``/``future`` modes taken from the date follow
    the date the event is given. A time in the region of another predicate of the sentence is that one's.
    """
    ps, pe = ctx.nt.to_source(d.match.start, d.match.end)
    others = [span for span in ctx.triggers if span != (ps, pe)]
    return governing_time(ctx.article, ps, pe, sentence_id, others)


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not norm[s].isalnum() and norm[s] not in "\"«“":
        s += 1
    while e > s and (norm[e - 1].isspace() or norm[e - 1] in "،,؛;:"):
        e -= 1
    return s, e
