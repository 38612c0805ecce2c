"""The JSON API under ``/api`` (documented by the OpenAPI spec at ``/openapi.json``).

Read-only by default: the only route that writes, ``POST /api/articles``, answers 403
unless an API token is configured (``[web] api_token`` or ``MARSAD_API_TOKEN``) and the
request carries it as ``Authorization: Bearer TOKEN``.
"""

import csv
import hmac
import io
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from marsad.article import Article, Meta
from marsad.errors import ForbiddenError
from marsad.ingest.readers import article_from_html, article_from_text, parse_published
from marsad.store import queries
from marsad.store.queries import (
    ActorDetail,
    ActorRow,
    ArticleRow,
    EventRow,
    PlaceRow,
    Stats,
)
from marsad.store.search import SearchHit
from marsad.store.writer import write_article
from marsad.web.context import WebContext
from marsad.web.errors import responses

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_OFFSET = 1_000_000_000
CSV_COLUMNS = (
    "article_id", "event_id", "day", "date", "type", "mode", "cameo", "actors", "actor_codes", "recipients",
    "recipient_codes", "place", "lat", "lon", "aux", "pattern", "confidence", "start", "end", "text", "source",
    "published", "title",
)


class ArticleMeta(BaseModel):
    """Metadata of an article sent to the API (every field optional)."""

    model_config = ConfigDict(extra="forbid")

    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="Publication date YYYY-MM-DD (resolves relative times)")
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    id: str | None = Field(None, min_length=1, max_length=200,
                           description="Article id (default: derived from the text)")


class TextInput(ArticleMeta):
    """An article as plain text (kept exactly as given)."""

    text: str = Field(min_length=1, description="Plain text of the article")


class HtmlInput(ArticleMeta):
    """An article as the HTML of a page (the article text is extracted from it)."""

    html: str = Field(min_length=1, description="HTML of a page")


ArticleInput = Annotated[TextInput | HtmlInput, Body()]


class IngestResponse(BaseModel):
    """What happened to the article.

    ``status`` is ``stored``, ``already`` (same text and id/URL already stored) or
    ``duplicate`` (same text stored under another id; ``id`` is the stored one).
    """

    id: str
    status: str
    near_of: str | None = None
    similarity: float | None = None
    events: int
    quotes: int


class ArticlePage(BaseModel):
    items: list[ArticleRow]
    limit: int
    offset: int
    next_offset: int | None


class EventPage(BaseModel):
    items: list[EventRow]
    limit: int
    offset: int
    next_offset: int | None


class ActorList(BaseModel):
    items: list[ActorRow]


class SearchResult(BaseModel):
    q: str
    items: list[SearchHit]


class NetworkNode(BaseModel):
    id: str
    name: str | None
    weight: int


class NetworkLink(BaseModel):
    source: str
    target: str
    type: str
    count: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkLink]


class PlaceList(BaseModel):
    items: list[PlaceRow]


def build_article(req: TextInput | HtmlInput) -> Article:
    """An unprocessed Article from an extract or ingest request.

    Raises:
        InputError: The text is only whitespace, or the HTML holds no article text.
    """
    published = parse_published(req.published) if req.published else None
    if isinstance(req, TextInput):
        meta = Meta(url=req.url, source=req.source, title=req.title, published=published, format="text")
        return article_from_text(req.text, meta, req.id)
    art = article_from_html(req.html, url=req.url, article_id=req.id)
    if published is not None:
        art.meta.published = published
    if req.source:
        art.meta.source = req.source
    if req.title and not art.meta.title:
        art.meta.title = req.title
    return art


def event_csv_rows(events: list[EventRow]) -> Iterator[list[str]]:
    """Rows of the events CSV (without the header)."""
    for ev in events:
        yield [
            ev.article_id, ev.event_id, ev.day or "", ev.date or "", ev.type, ev.mode or "", ev.cameo or "",
            "; ".join(p.name_en or p.name or "" for p in ev.actors),
            "; ".join(p.actor_id or p.country or "" for p in ev.actors),
            "; ".join(p.name_en or p.name or "" for p in ev.recipients),
            "; ".join(p.actor_id or p.country or "" for p in ev.recipients),
            ev.place or "", "" if ev.lat is None else str(ev.lat), "" if ev.lon is None else str(ev.lon),
            " ".join(ev.aux), ev.pattern or "", "" if ev.confidence is None else f"{ev.confidence:.3f}",
            str(ev.start), str(ev.end), " ".join(ev.text.split()), ev.source or "", ev.published or "",
            ev.title or "",
        ]


def make_api_router(ctx: WebContext) -> APIRouter:
    """The ``/api`` routes, bound to one app's context."""
    max_page = ctx.settings.web_max_page_size
    router = APIRouter(prefix="/api", tags=["api"])

    Limit = Annotated[int, Query(ge=1, le=max_page, description=f"Page size (at most {max_page})")]
    Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
    Day = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive")]
    Text = Annotated[str | None, Query(max_length=200)]

    def check_token(authorization: Annotated[str | None, Header()] = None) -> None:
        token = ctx.settings.api_token
        if not token:
            raise ForbiddenError("ingest over HTTP is disabled: set [web] api_token or MARSAD_API_TOKEN")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ForbiddenError("a valid 'Authorization: Bearer TOKEN' header is required to ingest")

    @router.post("/extract", summary="Extract the layers of one article (nothing is stored)",
                 responses=responses(400, 413, 422, 503, 504))
    def extract(req: ArticleInput) -> dict[str, Any]:
        """Run the pipeline on a text or an HTML page and return the full article JSON.

        The work runs in a worker process under ``[web] extract_deadline`` (E206, HTTP 504); when too many
        extractions are in flight the request is refused with E207 (HTTP 503).
        """
        article = ctx.extractor.run(build_article(req))
        return article.to_dict()

    @router.get("/articles", summary="List stored articles, newest first", responses=responses(422, 503))
    def list_articles(limit: Limit = 50, offset: Offset = 0, source: Text = None) -> ArticlePage:
        with ctx.reader() as store:
            rows = queries.list_articles(store, limit + 1, offset, source)
        nxt = offset + limit if len(rows) > limit else None
        return ArticlePage(items=rows[:limit], limit=limit, offset=offset, next_offset=nxt)

    @router.post("/articles", summary="Process and store one article (needs the API token)",
                 responses=responses(400, 403, 409, 413, 422, 503, 504), dependencies=[Depends(check_token)])
    def ingest(req: ArticleInput) -> IngestResponse:
        """Process an article and write it to the store; answers 403 unless a token is configured and given."""
        article = ctx.extractor.run(build_article(req))
        with ctx.writer() as store:
            res = write_article(store, article, origin=req.url or "http")
        return IngestResponse(id=res.article_id, status=res.status, near_of=res.near_of, similarity=res.similarity,
                              events=len(article.events or ()), quotes=len(article.quotes or ()))

    # ``:path`` because ids derived from URLs hold slashes (``news/2017/11/21-1``), escaped or not.
    @router.get("/articles/{article_id:path}", summary="One stored article with all its layers",
                responses=responses(404, 503))
    def get_article(article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
        with ctx.reader() as store:
            return queries.get_article(store, article_id).to_dict()

    @router.get("/events", summary="Coded events, latest first", responses=responses(400, 422, 503))
    def list_events(
        actor: Text = None, recipient: Text = None, type: Text = None, mode: Text = None,
        since: Day = None, until: Day = None, place: Text = None, limit: Limit = 100, offset: Offset = 0,
        include_historical: bool = False,
    ) -> EventPage:
        """Filters as in ``marsad events``: actor/recipient match a country or sector code, an actor id or a name;
        events marked historical only with ``include_historical=true``."""
        with ctx.reader() as store:
            rows = queries.list_events(store, actor, recipient, type, mode, since, until, place, limit + 1, offset,
                                       include_historical)
        nxt = offset + limit if len(rows) > limit else None
        return EventPage(items=rows[:limit], limit=limit, offset=offset, next_offset=nxt)

    @router.get("/events.csv", summary="Coded events as CSV (same filters)", response_class=StreamingResponse,
                responses={200: {"content": {"text/csv": {}}}, **responses(422, 503)})
    def events_csv(
        actor: Text = None, recipient: Text = None, type: Text = None, mode: Text = None,
        since: Day = None, until: Day = None, place: Text = None, limit: Limit = max_page, offset: Offset = 0,
        include_historical: bool = False,
    ) -> StreamingResponse:
        with ctx.reader() as store:
            rows = queries.list_events(store, actor, recipient, type, mode, since, until, place, limit, offset,
                                       include_historical)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(event_csv_rows(rows))
        data = "\ufeff" + buf.getvalue()  # a BOM so spreadsheet programs read the Arabic as UTF-8
        return StreamingResponse(iter([data.encode("utf-8")]), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'})

    @router.get("/actors", summary="Canonical actors, most mentioned first", responses=responses(422, 503))
    def list_actors(q: Text = None, limit: Limit = 100) -> ActorList:
        with ctx.reader() as store:
            return ActorList(items=queries.list_actors(store, q, limit))

    @router.get("/actors/{actor_id}", summary="An actor: timeline, counterparts, quotes, events",
                responses=responses(404, 422, 503))
    def get_actor(actor_id: Annotated[str, Path(max_length=300)], limit: Limit = 100) -> ActorDetail:
        with ctx.reader() as store:
            return queries.get_actor(store, actor_id, limit)

    @router.get("/search", summary="Full-text search (Arabic text, clitic stems, English and Arabic names)",
                responses=responses(400, 422, 503))
    def search(
        q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20
    ) -> SearchResult:
        with ctx.reader() as store:
            return SearchResult(q=q, items=queries.search(store, q, limit))

    @router.get("/stats", summary="Counts over the whole store", responses=responses(503))
    def stats() -> Stats:
        with ctx.reader() as store:
            return queries.stats(store)

    @router.get("/network", summary="Actor network weighted by events", responses=responses(400, 422, 503))
    def network(
        type: Text = None, since: Day = None, until: Day = None, actor: Text = None,
        min_count: Annotated[int, Query(ge=1, le=1_000_000)] = 1, limit: Limit = max_page,
    ) -> Network:
        with ctx.reader() as store:
            edges = queries.event_network(store, type, since, until, actor, min_count, limit)
        return network_of(edges)

    @router.get("/places", summary="Places of events, with coordinates", responses=responses(400, 422, 503))
    def places(
        type: Text = None, since: Day = None, until: Day = None, actor: Text = None, limit: Limit = max_page
    ) -> PlaceList:
        with ctx.reader() as store:
            return PlaceList(items=queries.event_places(store, type, since, until, actor, limit))

    return router


def network_of(edges: list[queries.NetworkEdge]) -> Network:
    """Nodes (weighted by their events) and edges summed over event types."""
    names: dict[str, str | None] = {}
    weight: dict[str, int] = {}
    links: dict[tuple[str, str, str], int] = {}
    for e in edges:
        names.setdefault(e.source, e.source_name)
        names.setdefault(e.target, e.target_name)
        weight[e.source] = weight.get(e.source, 0) + e.count
        weight[e.target] = weight.get(e.target, 0) + e.count
        key = (e.source, e.target, e.type)
        links[key] = links.get(key, 0) + e.count
    nodes = [NetworkNode(id=k, name=names[k], weight=w) for k, w in sorted(weight.items(), key=lambda kv: -kv[1])]
    return Network(nodes=nodes,
                   edges=[NetworkLink(source=s, target=t, type=ty, count=n) for (s, t, ty), n in links.items()])
