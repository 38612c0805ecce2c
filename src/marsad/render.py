"""Plain-text rendering of a processed Article, for people reading a terminal.

Shows the metadata, the structure (headline, section, captions with repeats linked,
sub-headings, paragraphs), the numbered sentences, and every further layer present
(entities, times, quotes, events), each item with its surface text and ``[start:end]``
offsets. With ``explain=True`` each event also shows the pattern that fired and the spans
it bound.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.article import Article, Block, Entity, Event, Participant, Quote, Span, TimeExpr

SNIPPET = 90


def _short(s: str, width: int = SNIPPET) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _at(start: int, end: int) -> str:
    return f"[{start}:{end}]"


def render_text(article: Article, explain: bool = False) -> str:
    """The article as readable text (ends with a newline)."""
    out: list[str] = []
    m = article.meta
    out.append(f"# {article.id}")
    facts = [f"format {m.format}"]
    if m.published:
        facts.append(f"published {m.published.isoformat()}")
    if "encoding" in m.extra:
        facts.append(f"encoding {m.extra['encoding']}")
    facts.append(f"{len(article.text)} characters")
    out.append("  " + ", ".join(facts))
    for label, value in (("url", m.url), ("source", m.source), ("title", m.title), ("author", m.author)):
        if value:
            out.append(f"  {label}: {value}")
    if article.structure is not None:
        out.extend(_structure(article, article.structure))
    if article.sentences is not None:
        out.append("")
        out.append(f"## Sentences ({len(article.sentences)})")
        for n, s in enumerate(article.sentences, 1):
            mark = "  «quote»" if s.in_quote else ""
            where = f"{s.id} {s.block or '-'} {_at(s.start, s.end)}{mark}"
            out.append(f"{n:>3}. {where}  {article.surface(s.start, s.end)}")
    if article.tokens is not None:
        out.append("")
        out.append(f"## Tokens: {len(article.tokens)}")
    if article.entities is not None:
        out.extend(_entities(article, article.entities))
    if article.times is not None:
        out.extend(_times(article, article.times))
    if article.quotes is not None:
        out.extend(_quotes(article, article.quotes))
    if article.events is not None:
        out.extend(_events(article, article.events, explain))
    return "\n".join(out) + "\n"


def _structure(article: Article, blocks: list[Block]) -> list[str]:
    out = ["", f"## Structure ({len(blocks)} blocks)"]

    def line(b: Block, full: bool = True) -> str:
        text = article.surface(b.start, b.end)
        shown = text if full else _short(text)
        ref = f"  (repeats {b.ref})" if b.ref else ""
        return f"  {b.id} {_at(b.start, b.end)}  {shown}{ref}"

    groups = (
        ("Headline", "headline", True),
        ("Section", "section", True),
        ("Byline", "byline", True),
        ("Dateline", "dateline", True),
        ("Captions", "caption", True),
        ("Sub-headings", "subheading", True),
        ("Paragraphs", "paragraph", False),
    )
    known = {g[1] for g in groups}
    for title, kind, full in groups:
        items = [b for b in blocks if b.kind == kind]
        if items:
            out.append(f"{title} ({len(items)}):")
            out.extend(line(b, full) for b in items)
    others = [b for b in blocks if b.kind not in known]
    if others:
        out.append(f"Other ({len(others)}):")
        out.extend(f"{line(b)}  <{b.kind}>" for b in others)
    return out


def _entities(article: Article, entities: list[Entity]) -> list[str]:
    out = ["", f"## Entities ({len(entities)})"]
    for e in entities:
        desc = f"  {e.id} {_at(e.start, e.end)} {e.label:<5} {article.surface(e.start, e.end)}  ({e.source}"
        desc += f", {e.confidence:.2f})" if e.confidence < 1.0 else ")"
        if e.link is not None:
            lk = e.link
            codes = " ".join(c for c in (lk.country, lk.sector) if c)
            desc += f" → {lk.id} {lk.name_en}" + (f" [{codes}]" if codes else "")
            if lk.role:
                desc += f" role={lk.role}"
            if lk.wikidata:
                desc += f" {lk.wikidata}"
            if lk.lat is not None and lk.lon is not None:
                desc += f" ({lk.lat:.4f}, {lk.lon:.4f})"
        if e.antecedent:
            desc += f" = {e.antecedent}"
        out.append(desc)
    return out


def _times(article: Article, times: list[TimeExpr]) -> list[str]:
    out = ["", f"## Times ({len(times)})"]
    for t in times:
        desc = f"  {t.id} {_at(t.start, t.end)} {article.surface(t.start, t.end)} → {t.value or '?'}"
        desc += f" ({t.kind}, {t.granularity}"
        if t.anchor:
            desc += f", anchor {t.anchor}"
        if t.relative is not None:
            r = t.relative
            desc += f", relative {r.offset:+d} {r.unit}"
            if r.weekday is not None:
                desc += f" weekday {r.weekday}"
            if r.part_of_day:
                desc += f" {r.part_of_day}"
        desc += ")"
        if t.flags:
            desc += " flags: " + ", ".join(t.flags)
        out.append(desc)
    return out


def _quotes(article: Article, quotes: list[Quote]) -> list[str]:
    out = ["", f"## Quotes ({len(quotes)})"]
    for q in quotes:
        kind = "direct" if q.direct else "indirect"
        surface = _short(article.surface(q.start, q.end))
        out.append(f"  {q.id} {_at(q.start, q.end)} {kind} {q.sentence or ''}  «{surface}»")
        speaker = _mention(article, q.speaker)
        if q.speaker_name:
            speaker += f" ({q.speaker_name})"
        line = f"      speaker: {speaker}"
        if q.cue is not None:
            line += f"  cue: {_span(article, q.cue)}"
        if q.addressee:
            line += f"  to: {_mention(article, q.addressee)}"
        out.append(line)
    return out


def _events(article: Article, events: list[Event], explain: bool) -> list[str]:
    out = ["", f"## Events ({len(events)})"]
    times = {t.id: t for t in article.times or ()}
    for ev in events:
        mode = f"/{ev.mode}" if ev.mode else ""
        head = f"  {ev.id} {ev.type}{mode} CAMEO {ev.cameo} {ev.sentence} {_at(ev.start, ev.end)}"
        if ev.aux:
            head += " aux=" + ",".join(ev.aux)
        if ev.confidence < 1.0:
            head += f" conf={ev.confidence:.2f}"
        out.append(head)
        out.append(f"      text: {_short(article.surface(ev.start, ev.end), 120)}")
        out.append(f"      actors: {_participants(ev.actors)}")
        out.append(f"      recipients: {_participants(ev.recipients)}")
        if ev.place:
            out.append(f"      place: {_mention(article, ev.place)}")
        if ev.date or ev.time:
            t = times.get(ev.time or "")
            src = f" from {ev.time} «{article.surface(t.start, t.end)}»" if t else ""
            out.append(f"      date: {ev.date or '?'}{src}")
        if ev.context:
            out.append("      context: " + ", ".join(ev.context))
        if ev.quote:
            out.append(f"      quote: {ev.quote}")
        if explain:
            evd = ev.evidence
            out.append(f"      pattern: {evd.pattern}  predicate: {_span(article, evd.predicate)} lemma {evd.lemma}")
            if evd.actor_spans:
                out.append("      actor spans: " + ", ".join(_span(article, s) for s in evd.actor_spans))
            if evd.recipient_spans:
                out.append("      recipient spans: " + ", ".join(_span(article, s) for s in evd.recipient_spans))
            for note in evd.notes:
                out.append(f"      note: {note}")
    return out


def _span(article: Article, span: Span) -> str:
    return f"{_at(span.start, span.end)} «{_short(article.surface(span.start, span.end), 60)}»"


def _mention(article: Article, entity_id: str | None) -> str:
    if not entity_id:
        return "-"
    ent = article.entity(entity_id)
    if ent is None:
        return entity_id
    return f"{entity_id} {_at(ent.start, ent.end)} «{article.surface(ent.start, ent.end)}»"


def _participants(parts: Iterable[Participant]) -> str:
    items = []
    for p in parts:
        codes = " ".join(c for c in (p.country, p.sector) if c)
        item = f"{p.name} {_at(p.start, p.end)}"
        if codes:
            item += f" [{codes}]"
        if p.actor_id:
            item += f" {p.actor_id}"
        items.append(item)
    return "; ".join(items) or "-"
