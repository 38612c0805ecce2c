"""The FastAPI application: JSON API, server-rendered pages, static files from the package.

``create_app(settings, db_path)`` builds one app bound to one store. Everything the
pages need (CSS, JS, the world outline for the map) is served from ``marsad/web/static``;
nothing is fetched from elsewhere, CORS is off (no CORS middleware), and every page
carries a Content-Security-Policy that allows only this origin.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.errors import MarsadError
from marsad.settings import Settings
from marsad.store.db import default_store_path
from marsad.web.api import make_api_router
from marsad.web.cache import CacheResponses, ResponseCache, StoreWatch
from marsad.web.context import WebContext
from marsad.web.errors import error_body, http_status
from marsad.web.pages import Pages, make_pages_router

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("marsad.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HTTP_CODES = {400: "E511", 401: "E510", 403: "E510", 404: "E404", 405: "E511", 413: "E104", 422: "E511"}


class BodyLimit:
    """ASGI middleware refusing request bodies over a size limit with 413 (E104).

    Checks ``Content-Length``; a body streamed without one is read (up to the limit) and counted.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = 0
                if size > self.limit:
                    await self._refuse(send, size)
                    return
        if any(name == b"content-length" for name, _ in scope.get("headers", ())):
            await self.app(scope, receive, send)
            return
        # A streamed body: read it here (at most limit + 1 bytes), then hand it on.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await self._refuse(send, seen, more=True)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send, size: int, more: bool = False) -> None:
        what = f"more than {self.limit} bytes" if more else f"{size} bytes"
        body = JSONResponse(
            error_body("E104", f"request body of {what} exceeds the limit of {self.limit} bytes"), 413
        )
        await send({"type": "http.response.start", "status": 413, "headers": body.raw_headers})
        await send({"type": "http.response.body", "body": body.body})


SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode("latin-1")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """ASGI middleware adding the security headers (CSP ...) to every response that does not set them.

    A plain ASGI wrapper of ``send``: it adds no task or body stream per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {bytes(name).lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(settings: Settings | None = None, db_path: str | os.PathLike[str] | None = None) -> FastAPI:
    """Build the web app for one store.

    Args:
        settings: Settings (limits, API token); default: built-in defaults.
        db_path: The SQLite store; default: ``default_store_path(settings)``. An empty store is
            created when the file does not exist yet.

    Raises:
        StoreError: The store cannot be created or is not a Marsad store.
    """
    settings = settings or Settings()
    path = Path(db_path).expanduser() if db_path is not None else default_store_path(settings)
    ctx = WebContext(settings, path)
    ctx.ensure_store()
    watch = StoreWatch(path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()
        watch.close()

    app = FastAPI(
        title="Marsad",
        version=__version__,
        description="Structured, verifiable event data from Arabic news: articles, PLOVER events, actors, "
        "quotations, each linked to character offsets in the source text.",
        docs_url=None,  # the Swagger UI loads its assets from a CDN: the spec is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    pages = Pages(ctx)

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, exc: MarsadError) -> Response:
        status = http_status(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        if _wants_json(request):
            return JSONResponse(error_body(exc.code, exc.message), status)
        return pages.error(request, status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path", "header"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        message = "; ".join(parts) or "invalid request"
        if _wants_json(request):
            return JSONResponse(error_body("E511", message), 422)
        return pages.error(request, 422, "E511", message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, "E500")
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = f"no such page: {request.url.path}"
        if _wants_json(request) or request.url.path.startswith("/static/"):
            return JSONResponse(error_body(code, message), exc.status_code, headers=getattr(exc, "headers", None))
        return pages.error(request, exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        message = f"internal error: {type(exc).__name__}"
        if _wants_json(request):
            return JSONResponse(error_body("E000", message), 500)
        return pages.error(request, 500, "E000", message)

    if settings.web_cache_mb > 0:
        app.state.cache = ResponseCache(settings.web_cache_mb * 1_000_000)
        app.add_middleware(CacheResponses, cache=app.state.cache, watch=watch)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=settings.web_max_request_bytes)
    app.include_router(make_api_router(ctx))
    app.include_router(make_pages_router(pages))
    static_dir = resources.files("marsad.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    return app


def app_from_env() -> FastAPI:
    """The app for a uvicorn worker process: settings from the usual files and env, store from ``MARSAD_DB``.

    ``marsad serve --workers N`` starts N processes that each call this factory.
    """
    from marsad.settings import load_settings

    return create_app(load_settings(), os.environ.get("MARSAD_DB") or None)
