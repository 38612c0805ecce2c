"""Server-rendered pages (Arabic, right-to-left), Jinja2 with autoescaping on.

Every value reaches the HTML through the template engine, which escapes it; the one
JSON block a page embeds (hover cards) goes through ``tojson``, which escapes ``<``,
``>``, ``&`` and ``'``. Pages read the store through ``marsad.store.queries`` only.
"""

from collections import Counter
from dataclasses import asdict, dataclass, fields
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from marsad import __version__
from marsad.errors import InvalidRequestError, MarsadError
from marsad.export.source import EventFilter
from marsad.store import queries
from marsad.store.queries import EventRow, ParticipantRow
from marsad.store.search import SearchHit
from marsad.web.api import DATE_PATTERN, HtmlInput, TextInput, build_article
from marsad.web.context import WebContext
from marsad.web.errors import http_status
from marsad.web.highlight import hover_data, segment

PAGE_SIZE = 50
CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
MEETING = frozenset({"CONSULT"})
COOPERATION = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"})

# PLOVER event types with their Arabic names, for labels and the filter list.
EVENT_TYPES_AR = {
    "AGREE": "اتفاق", "CONSULT": "تشاور / لقاء", "SUPPORT": "دعم", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
    "AID": "مساعدة", "RETREAT": "انسحاب", "REQUEST": "طلب", "ACCUSE": "اتهام / إدانة", "REJECT": "رفض",
    "THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبات", "MOBILIZE": "تعبئة", "COERCE": "إكراه",
    "ASSAULT": "هجوم", "OTHER": "أخرى",
}
NAV = (
    ("/", "الرئيسية", "Home"),
    ("/search", "بحث", "Search"),
    ("/articles", "المقالات", "Articles"),
    ("/events", "الأحداث", "Events"),
    ("/actors", "الفاعلون", "Actors"),
    ("/network", "الشبكة", "Network"),
    ("/map", "الخريطة", "Map"),
    ("/extract", "تحليل نص", "Extract"),
)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("marsad.web", "templates"),
        autoescape=True,  # every template, whatever its name
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates are package data: compiled once, never checked again per render
    )
    env.globals.update(nav=NAV, version=__version__, type_ar=EVENT_TYPES_AR)
    env.filters["who"] = who
    return env


def who(parts: list[ParticipantRow]) -> str:
    """Participants as a short English/Arabic label."""
    names = []
    for p in parts:
        names.append(p.name_en or p.name or p.country or "?")
    return "، ".join(names)


@dataclass(frozen=True, slots=True)
class EventFilters(EventFilter):
    """The filters of the events page (those of ``marsad events``), with their URL query."""

    def query(self, **extra: Any) -> str:
        """The URL query string of these filters (plus extra parameters)."""
        items = {k: v for k, v in self.as_dict().items() if v}
        items.update({k: v for k, v in extra.items() if v is not None})
        return urlencode(items)

    def as_dict(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _blank(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


class Pages:
    """Renders the pages of one app."""

    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx
        self.env = _env()

    def render(self, request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        """Render a template as an HTML response."""
        values.setdefault("path", request.url.path)
        values.setdefault("q", "")
        html = self.env.get_template(name).render(**values)
        return HTMLResponse(html, status_code)

    def error(self, request: Request, status: int, code: str, message: str) -> HTMLResponse:
        """An error page."""
        return self.render(request, "error.html", status, status=status, code=code, message=message)


def _day(value: str | None) -> str | None:
    import re

    value = _blank(value)
    if value is not None and not re.fullmatch(DATE_PATTERN, value):
        raise InvalidRequestError(f"invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def counterpart_groups(actor_id: str, events: list[EventRow]) -> dict[str, list[tuple[str, str, int]]]:
    """Whom an actor meets, cooperates with and clashes with: (key, name, events) per group."""
    groups: dict[str, Counter[tuple[str, str]]] = {"meets": Counter(), "cooperates": Counter(), "clashes": Counter()}
    for ev in events:
        group = "meets" if ev.type in MEETING else "clashes" if ev.type in CONFLICT else (
            "cooperates" if ev.type in COOPERATION else None)
        if group is None:
            continue
        mine = any(p.actor_id == actor_id for p in ev.actors + ev.recipients)
        if not mine:
            continue
        for p in ev.actors + ev.recipients:
            if p.actor_id == actor_id:
                continue
            key = p.actor_id or p.country or p.name or "?"
            name = p.name_en or p.name or key
            groups[group][(key, name)] += 1
    return {g: [(k, n, c) for (k, n), c in cnt.most_common(12)] for g, cnt in groups.items()}


def make_pages_router(pages: Pages) -> APIRouter:
    """The HTML pages (left out of the OpenAPI spec)."""
    ctx = pages.ctx
    router = APIRouter(include_in_schema=False)
    Text = Annotated[str | None, Query(max_length=200)]

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request) -> Response:
        with ctx.reader() as store:
            st = queries.stats(store)
            latest = queries.list_articles(store, 8, 0)
            actors = queries.list_actors(store, None, 10)
        top = max(st.events_by_type.values(), default=1)
        return pages.render(request, "home.html", stats=st, latest=latest, actors=actors, top=top)

    @router.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
        hits: list[SearchHit] = []
        actors: list[queries.ActorRow] = []
        error = None
        if q.strip():
            with ctx.reader() as store:
                try:
                    hits = queries.search(store, q, 50)
                except MarsadError as exc:
                    error = exc.message
                actors = queries.list_actors(store, q, 8)
        return pages.render(request, "search.html", q=q, hits=hits, actors=actors, error=error)

    @router.get("/articles", response_class=HTMLResponse)
    def articles(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1, source: Text = None) -> Response:
        offset = (page - 1) * PAGE_SIZE
        with ctx.reader() as store:
            rows = queries.list_articles(store, PAGE_SIZE + 1, offset, _blank(source))
        return pages.render(request, "articles.html", rows=rows[:PAGE_SIZE], page=page,
                            more=len(rows) > PAGE_SIZE, source=_blank(source) or "")

    @router.get("/articles/{article_id:path}", response_class=HTMLResponse)  # ids may hold slashes
    def article(request: Request, article_id: str) -> Response:
        with ctx.reader() as store:
            art = queries.get_article(store, article_id)
        return pages.render(request, "article.html", **article_values(art), stored=True)

    @router.get("/events", response_class=HTMLResponse)
    def events(
        request: Request, actor: Text = None, recipient: Text = None, type: Text = None, mode: Text = None,
        since: Text = None, until: Text = None, place: Text = None,
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> Response:
        f = EventFilters(_blank(actor), _blank(recipient), _blank(type), _blank(mode), _day(since), _day(until),
                         _blank(place))
        offset = (page - 1) * PAGE_SIZE
        with ctx.reader() as store:
            rows = queries.list_events(store, f.actor, f.recipient, f.type, f.mode, f.since, f.until, f.place,
                                       PAGE_SIZE + 1, offset)
        types = sorted(set(EVENT_TYPES_AR) - {"OTHER"})
        return pages.render(request, "events.html", rows=rows[:PAGE_SIZE], f=f, page=page,
                            more=len(rows) > PAGE_SIZE, types=types)

    @router.get("/actors", response_class=HTMLResponse)
    def actors(request: Request, q: Text = None) -> Response:
        with ctx.reader() as store:
            rows = queries.list_actors(store, _blank(q), 200)
        return pages.render(request, "actors.html", rows=rows, q=q or "")

    @router.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, actor_id: str) -> Response:
        with ctx.reader() as store:
            detail = queries.get_actor(store, actor_id, 200)
        months = sorted({p.month for p in detail.timeline})
        per_month = {m: sum(p.count for p in detail.timeline if p.month == m) for m in months}
        peak = max(per_month.values(), default=1)
        groups = counterpart_groups(detail.actor.id, detail.events)
        return pages.render(request, "actor.html", d=detail, a=detail.actor, months=months, per_month=per_month,
                            peak=peak, groups=groups)

    @router.get("/network", response_class=HTMLResponse)
    def network(request: Request, type: Text = None, actor: Text = None) -> Response:
        params = {k: v for k, v in (("type", _blank(type)), ("actor", _blank(actor))) if v}
        return pages.render(request, "network.html", type=_blank(type) or "", actor=_blank(actor) or "",
                            types=sorted(EVENT_TYPES_AR), net_query=urlencode(params))

    @router.get("/map", response_class=HTMLResponse)
    def world_map(request: Request, type: Text = None) -> Response:
        with ctx.reader() as store:
            places = queries.event_places(store, _blank(type), None, None, None, 200)
        shown = [p for p in places if p.n_events or p.n_mentions]
        return pages.render(request, "map.html", places=shown, places_json=[asdict(p) for p in shown],
                            type=_blank(type) or "", types=sorted(EVENT_TYPES_AR))

    @router.get("/extract", response_class=HTMLResponse)
    def extract_form(request: Request) -> Response:
        return pages.render(request, "extract.html", form={"text": "", "html": "", "published": "", "kind": "text"},
                            result=None, error=None)

    @router.post("/extract", response_class=HTMLResponse)
    async def extract_run(request: Request) -> Response:
        body = (await request.body()).decode("utf-8", errors="replace")
        fields = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        kind = "html" if fields.get("kind") == "html" else "text"
        content = fields.get("content", "")
        form = {"text": content if kind == "text" else "", "html": content if kind == "html" else "",
                "published": fields.get("published", ""), "kind": kind}
        fragment = request.headers.get("x-marsad-fragment") == "1"
        result: dict[str, Any] | None = None
        error: tuple[str, str] | None = None
        status = 200
        try:
            pub = _blank(fields.get("published"))
            req = (HtmlInput if kind == "html" else TextInput).model_validate(
                {kind: content, "published": pub}, strict=False)
            art = ctx.extractor.run(build_article(req))
            result = article_values(art)
        except ValidationError as exc:
            if any("published" in err.get("loc", ()) for err in exc.errors()):
                error = ("E109", "تاريخ النشر غير صالح: استخدم الصيغة YYYY-MM-DD")
            else:
                error = ("E101", "المدخل فارغ: ألصق نص مقال أو شيفرة HTML")
            status = 400
        except MarsadError as exc:
            error, status = (exc.code, exc.message), http_status(exc)
        name = "_extract_result.html" if fragment else "extract.html"
        return pages.render(request, name, status, form=form, result=result, error=error)

    @router.get("/api", response_class=HTMLResponse)
    def api_doc(request: Request) -> Response:
        spec = request.app.openapi()
        routes = []
        for path, ops in spec.get("paths", {}).items():
            for method, op in ops.items():
                params = [p.get("name", "") for p in op.get("parameters", [])]
                routes.append((method.upper(), path, op.get("summary", ""), params))
        return pages.render(request, "api.html", routes=routes)

    return router


def article_values(art: Any) -> dict[str, Any]:
    """What the article template needs: blocks cut into segments, hover data, side lists."""
    entities = []
    seen: set[str] = set()
    for ent in art.entities or ():
        key = ent.link.id if ent.link else f"{ent.label}:{art.surface(ent.start, ent.end)}"
        if key in seen:
            continue
        seen.add(key)
        entities.append(ent)
    return {
        "art": art,
        "blocks": segment(art),
        "ann": hover_data(art),
        "entities": entities,
        "layers": [name for name in ("structure", "sentences", "entities", "times", "quotes", "events")
                   if art.has_layer(name)],
    }
