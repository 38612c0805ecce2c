"""Turn an Article's layers into highlighted segments for the article page.

The text is cut at every start and end of an entity, time, quotation, event clause and
event predicate, inside each structural block. Each piece is a ``Segment`` that names
the records covering it; the template renders it as a ``<span>`` (autoescaped) and the
page's script shows the records on hover from ``annotations`` (a JSON-ready dict). No
markup is ever built by string concatenation here: everything is data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from marsad.article import Article, Entity, Event, Participant, Quote, TimeExpr


@dataclass(slots=True)
class Segment:
    """A piece of text and the records covering it.

    Attributes:
        text: The source text of the piece.
        classes: CSS classes (``a ent ent-PERS q tm ev evp``), empty when nothing covers it.
        ids: Space-separated ids of the covering records (``e3 q1 ev2``).
    """

    text: str
    classes: str = ""
    ids: str = ""


@dataclass(slots=True)
class BlockView:
    """A structural block (headline, paragraph ...) cut into segments."""

    id: str
    kind: str
    segments: list[Segment] = field(default_factory=list)


@dataclass(slots=True)
class _Mark:
    id: str
    start: int
    end: int
    cls: str
    rank: int  # outer records first: quote, event, predicate, entity, time


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for q in article.quotes or ():
        marks.append(_Mark(q.id, q.start, q.end, "q", 0))
    for ev in article.events or ():
        marks.append(_Mark(ev.id, ev.start, ev.end, "ev", 1))
        pred = ev.evidence.predicate
        marks.append(_Mark(ev.id, pred.start, pred.end, "evp", 2))
    for ent in article.entities or ():
        marks.append(_Mark(ent.id, ent.start, ent.end, f"ent ent-{ent.label}", 3))
    for t in article.times or ():
        marks.append(_Mark(t.id, t.start, t.end, "tm", 4))
    n = len(article.text)
    return [m for m in marks if 0 <= m.start < m.end <= n]


def _block_ranges(article: Article) -> list[tuple[str, str, int, int]]:
    """(id, kind, start, end) of the blocks to show, in text order, without overlaps."""
    blocks = sorted(article.structure or (), key=lambda b: (b.start, -b.end))
    out: list[tuple[str, str, int, int]] = []
    pos = 0
    for b in blocks:
        if b.kind == "section" and any(o.start >= b.start and o.end <= b.end and o is not b for o in blocks):
            continue  # a section that only groups other blocks
        start = max(b.start, pos)
        if start >= b.end:
            continue
        out.append((b.id, b.kind, start, b.end))
        pos = b.end
    if not out:
        return [("all", "plain", 0, len(article.text))]
    return out


def segment(article: Article) -> list[BlockView]:
    """The article's blocks, each cut into highlighted segments."""
    marks = _marks(article)
    text = article.text
    views: list[BlockView] = []
    for bid, kind, bstart, bend in _block_ranges(article):
        inside = [m for m in marks if m.start < bend and m.end > bstart]
        cuts = {bstart, bend}
        for m in inside:
            cuts.add(max(m.start, bstart))
            cuts.add(min(m.end, bend))
        points = sorted(cuts)
        view = BlockView(bid, kind)
        for a, b in pairwise(points):
            cover = sorted((m for m in inside if m.start <= a and m.end >= b), key=lambda m: m.rank)
            piece = text[a:b]
            if not cover:
                view.segments.append(Segment(piece))
                continue
            classes = ["a"]
            ids: list[str] = []
            for m in cover:
                classes.extend(m.cls.split())
                if m.id not in ids:
                    ids.append(m.id)
            view.segments.append(Segment(piece, " ".join(dict.fromkeys(classes)), " ".join(ids)))
        views.append(view)
    return views


def _participant(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "actor_id": p.actor_id, "country": p.country, "sector": p.sector}


def _entity(article: Article, ent: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": "entity",
        "label": ent.label,
        "surface": article.surface(ent.start, ent.end),
        "source": ent.source,
        "confidence": round(ent.confidence, 3),
        "pattern": ent.prov.pattern,
    }
    if ent.link is not None:
        ln = ent.link
        out["link"] = {
            "id": ln.id, "name_en": ln.name_en, "name_ar": ln.name_ar, "type": ln.type,
            "country": ln.country, "sector": ln.sector, "role": ln.role,
        }
    if ent.antecedent:
        out["antecedent"] = ent.antecedent
    return out


def _time(article: Article, t: TimeExpr) -> dict[str, Any]:
    rel = None
    if t.relative is not None:
        rel = {"unit": t.relative.unit, "offset": t.relative.offset, "weekday": t.relative.weekday,
               "part_of_day": t.relative.part_of_day}
    return {
        "kind": "time", "surface": article.surface(t.start, t.end), "type": t.kind, "value": t.value,
        "granularity": t.granularity, "anchor": t.anchor, "relative": rel, "flags": list(t.flags),
        "pattern": t.prov.pattern,
    }


def _quote(article: Article, q: Quote) -> dict[str, Any]:
    speaker = article.entity(q.speaker) if q.speaker else None
    return {
        "kind": "quote", "direct": q.direct, "speaker_name": q.speaker_name,
        "speaker_actor_id": q.speaker_actor_id,
        "speaker_surface": article.surface(speaker.start, speaker.end) if speaker else None,
        "cue": article.surface(q.cue.start, q.cue.end) if q.cue else None, "cue_lemma": q.cue_lemma,
        "pattern": q.prov.pattern,
    }


def _event(article: Article, ev: Event) -> dict[str, Any]:
    place = article.entity(ev.place) if ev.place else None
    evd = ev.evidence
    return {
        "kind": "event", "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "context": list(ev.context),
        "aux": list(ev.aux), "date": ev.date, "confidence": round(ev.confidence, 3),
        "actors": [_participant(p) for p in ev.actors],
        "recipients": [_participant(p) for p in ev.recipients],
        "place": article.surface(place.start, place.end) if place else None,
        "pattern": evd.pattern, "lemma": evd.lemma,
        "predicate": article.surface(evd.predicate.start, evd.predicate.end),
        "notes": list(evd.notes),
    }


def hover_data(article: Article) -> dict[str, dict[str, Any]]:
    """Every record by id, with what the hover card shows (canonical actor, codes, evidence)."""
    out: dict[str, dict[str, Any]] = {}
    for ent in article.entities or ():
        out[ent.id] = _entity(article, ent)
    for t in article.times or ():
        out[t.id] = _time(article, t)
    for q in article.quotes or ():
        out[q.id] = _quote(article, q)
    for ev in article.events or ():
        out[ev.id] = _event(article, ev)
    return out
