"""``marsad show``: one stored article in the terminal, its layers marked inline, then listed."""

from __future__ import annotations

from dataclasses import dataclass

import click

from marsad.article import Article
from marsad.cli.options import db_option
from marsad.errors import MarsadError
from marsad.settings import load_settings
from marsad.store.db import Store
from marsad.store.queries import get_article

# kind -> (open mark, close mark, colour)
MARKS = {
    "quote": ("«", "»", "yellow"),
    "event": ("*", "*", "red"),
    "entity": ("[", "]", "cyan"),
    "time": ("⟨", "⟩", "green"),
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to mark inline, with the tag shown after it."""

    start: int
    end: int
    kind: str
    tag: str


def marks_of(article: Article) -> list[Mark]:
    """The spans to mark: quotes, event predicates, entity mentions and time expressions."""
    out: list[Mark] = []
    for q in article.quotes or ():
        out.append(Mark(q.start, q.end, "quote", q.id))
    for ev in article.events or ():
        p = ev.evidence.predicate
        out.append(Mark(p.start, p.end, "event", f"{ev.id}:{ev.type}"))
    for e in article.entities or ():
        out.append(Mark(e.start, e.end, "entity", e.label))
    for t in article.times or ():
        out.append(Mark(t.start, t.end, "time", t.value or t.kind))
    return out


def mark_inline(article: Article, color: bool) -> str:
    """The text with every mark inserted.

    ``[بوتين]{PERS}``, ``⟨أمس⟩{2017-11-20}``, ``«...»{q1}``, ``*زار*{ev1:CONSULT}``.

    Marks that cross an already open mark are dropped (the lists below still show them).
    """
    text = article.text
    marks = sorted(marks_of(article), key=lambda m: (m.start, -m.end))
    accepted: list[Mark] = []
    stack: list[Mark] = []
    for m in marks:
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and m.end > stack[-1].end:
            continue  # crosses the enclosing mark
        accepted.append(m)
        stack.append(m)
    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    for m in accepted:
        opens.setdefault(m.start, []).append(m)
        closes.setdefault(m.end, []).append(m)
    pieces: list[str] = []
    for i in range(len(text) + 1):
        for m in reversed(closes.get(i, [])):
            o, c, colour = MARKS[m.kind]
            pieces.append(_style(c + "{" + m.tag + "}", colour, color))
        for m in opens.get(i, []):
            o, c, colour = MARKS[m.kind]
            pieces.append(_style(o, colour, color))
        if i < len(text):
            pieces.append(text[i])
    return "".join(pieces)


def _style(s: str, colour: str, color: bool) -> str:
    return click.style(s, fg=colour, bold=True) if color else s


def layer_lists(article: Article) -> list[str]:
    """The entities, times, events and quotes as lists, each with its surface and offsets."""
    out: list[str] = []
    ents = article.entities or []
    if ents:
        out += ["", f"entities ({len(ents)}):"]
        for e in ents:
            link = e.link
            extra = ""
            if link is not None:
                codes = "/".join(x for x in (link.country, link.sector) if x)
                extra = f" → {link.name_en} ({link.id}{', ' + codes if codes else ''})"
            out.append(f"  {e.id:<5} {e.label:<6} {article.surface(e.start, e.end)} [{e.start}:{e.end}]{extra}")
    times = article.times or []
    if times:
        out += ["", f"times ({len(times)}):"]
        for t in times:
            out.append(f"  {t.id:<5} {article.surface(t.start, t.end)} [{t.start}:{t.end}] → {t.value or '?'}"
                       f" ({t.kind}, {t.granularity}{', ' + t.anchor if t.anchor else ''})")
    events = article.events or []
    if events:
        out += ["", f"events ({len(events)}):"]
        for ev in events:
            who = ", ".join(p.name for p in ev.actors) or "?"
            whom = ", ".join(p.name for p in ev.recipients) or "-"
            place = ""
            if ev.place:
                pe = article.entity(ev.place)
                place = f" at {article.surface(pe.start, pe.end)}" if pe else ""
            aux = f" [{', '.join(ev.aux)}]" if ev.aux else ""
            out.append(f"  {ev.id:<5} {ev.type}{'/' + ev.mode if ev.mode else ''} ({ev.cameo}) {who} → {whom}"
                       f"{place} on {ev.date or '?'}{aux} [{ev.start}:{ev.end}]")
    quotes = article.quotes or []
    if quotes:
        out += ["", f"quotes ({len(quotes)}):"]
        for q in quotes:
            said = " ".join(article.surface(q.start, q.end).split())
            if len(said) > 100:
                said = said[:99] + "…"
            kind = "direct" if q.direct else "reported"
            out.append(f"  {q.id:<5} {q.speaker_name or q.speaker or '?'} ({kind}, {q.cue_lemma or '-'}): "
                       f"{said} [{q.start}:{q.end}]")
    return out


def render_article(article: Article, color: bool = False) -> str:
    """The whole ``marsad show`` output."""
    m = article.meta
    head = [f"{article.id}  {m.published.isoformat() if m.published else 'no date'}  {m.source or ''}".rstrip()]
    if m.url:
        head.append(m.url)
    head.append("")
    legend = "marks: [entity]{label} ⟨time⟩{value} «quote»{id} *event*{id:type}"
    return "\n".join([*head, mark_inline(article, color), "", legend, *layer_lists(article)])


@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--color/--no-color", default=None, help="Colour the marks (default: when writing to a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the stored Article as JSON instead.")
@click.pass_context
def show_command(ctx: click.Context, article_id: str, db_path: str | None, color: bool | None, as_json: bool) -> None:
    """Show a stored article with its entities, times, events and quotes marked inline, then listed."""
    try:
        with Store.open(db_path, readonly=True, settings=load_settings()) as store:
            article = get_article(store, article_id)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    if as_json:
        import json

        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(render_article(article, color=True if color is None else color), color=color)
