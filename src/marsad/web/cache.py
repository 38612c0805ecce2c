"""An in-process cache of whole GET responses, dropped whenever the store changes.

The app only reads the store, but the store may change under it: an ingest over HTTP
(``POST /api/articles``, from any server worker) or ``marsad ingest`` in another process.
``StoreWatch`` polls ``PRAGMA data_version`` on one connection of its own: SQLite changes
that number whenever another connection has committed, so a change clears the cache.

A response is kept only when the store did not change while it was computed (the version
is read before the request and again before storing). What is kept is the response as the
app sent it (status, headers, body), so a hit is the same bytes as a miss; the security
headers and the server's ``date`` are added outside. Only 200 responses of the listed routes
are kept, least recently used first out, within a byte budget.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Routes whose responses depend only on the URL and the store.
CACHED_PREFIXES = ("/search", "/events", "/articles", "/actors", "/api/events", "/api/search", "/api/articles",
                   "/api/actors", "/api/stats", "/api/network", "/api/places")


class StoreWatch:
    """Tells whether the store changed since the last look (``PRAGMA data_version`` on its own connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self.generation = 0  # bumped at every change seen

    def _connect(self) -> sqlite3.Connection:
        uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)

    def poll(self) -> int | None:
        """The current generation, bumped first when the store changed; None when the store cannot be read."""
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._connect()
                version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                self._close()
                self.generation += 1
                return None
            if version != self._version:
                self._version = version
                self.generation += 1
            return self.generation

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self._version = None

    def close(self) -> None:
        """Close the watching connection (it reopens at the next poll)."""
        with self._lock:
            self._close()


class ResponseCache:
    """Least-recently-used responses by URL, within ``max_bytes``, for one store generation at a time."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._bytes = 0
        self._generation: int | None = None
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def _switch(self, generation: int) -> None:
        if generation != self._generation:
            self._items.clear()
            self._bytes = 0
            self._generation = generation

    def get(self, generation: int, key: str) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            self._switch(generation)
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item

    def put(self, generation: int, key: str, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        size = len(body) + sum(len(k) + len(v) for k, v in headers) + len(key)
        if size > self.max_bytes // 8:  # one response never takes much of the budget
            return
        with self._lock:
            if generation != self._generation:
                return  # the store changed while this response was made
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2]) + sum(len(k) + len(v) for k, v in old[1]) + len(key)
            self._items[key] = (status, headers, body)
            self._bytes += size
            while self._bytes > self.max_bytes and self._items:
                k, (_s, h, b) = self._items.popitem(last=False)
                self._bytes -= len(b) + sum(len(x) + len(y) for x, y in h) + len(k)


class CacheResponses:
    """ASGI middleware serving GET requests of ``CACHED_PREFIXES`` from a ``ResponseCache``."""

    def __init__(self, app: ASGIApp, cache: ResponseCache, watch: StoreWatch) -> None:
        self.app = app
        self.cache = cache
        self.watch = watch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _cached_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        generation = self.watch.poll()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = scope["path"] + "?" + bytes(scope.get("query_string", b"")).decode("latin-1")
        hit = self.cache.get(generation, key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": list(headers)})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message | None = None
        parts: list[bytes] = []
        complete = False

        async def keep(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(bytes(message.get("body", b"")))
                if not message.get("more_body", False):
                    complete = True
            await send(message)

        await self.app(scope, receive, keep)
        if start is None or not complete or start["status"] != 200:
            return
        if self.watch.poll() != generation:
            return
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", ())]
        self.cache.put(generation, key, 200, headers, b"".join(parts))


def _cached_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") or path.startswith(p + ".") for p in CACHED_PREFIXES)
