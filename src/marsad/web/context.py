"""What the web app shares between requests: settings, the store and the pipeline.

Reads go through read-only ``Store`` connections, one per worker thread (SQLite
connections are not shared between threads; WAL lets them read while a writer writes).
Extraction (``/api/extract``, ingest, the try page) goes through :class:`marsad.web.extractor.Extractor`:
worker processes, a deadline, and a bound on what is in flight.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from marsad.settings import Settings
from marsad.store.db import Store
from marsad.web.extractor import Extractor


@dataclass(slots=True)
class WebContext:
    """Shared state of one app instance (no module globals).

    Attributes:
        settings: The settings the app was made with.
        db_path: The store file.
    """

    settings: Settings
    db_path: Path
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _generation: list[int] = field(default_factory=lambda: [0])  # bumped by close(): threads then reopen
    _extractor: list[Extractor] = field(default_factory=list)

    @property
    def extractor(self) -> Extractor:
        """Runs the pipeline for requests: worker processes, a deadline, a bound on what is in flight."""
        with self._lock:
            if not self._extractor:
                self._extractor.append(Extractor(self.settings))
            return self._extractor[0]

    def ensure_store(self) -> None:
        """Create (and migrate) an empty store when none exists yet, so pages work before any ingest.

        Raises:
            StoreError: The store cannot be created or is not a Marsad store.
        """
        if not self.db_path.exists():
            Store.open(self.db_path, settings=self.settings).close()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """This thread's read-only store connection.

        Raises:
            StoreError: The store cannot be opened (missing, corrupt, not migrated).
        """
        store: Store | None = getattr(self._local, "store", None)
        if store is None or getattr(self._local, "generation", -1) != self._generation[0]:
            store = Store.open(self.db_path, readonly=True, settings=self.settings)
            with self._lock:
                self._opened.append(store)
                self._local.store = store
                self._local.generation = self._generation[0]
        yield store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """A writable store connection for one request (ingest over HTTP)."""
        store = Store.open(self.db_path, settings=self.settings)
        try:
            yield store
        finally:
            store.close()

    def close(self) -> None:
        """Close every connection opened by the worker threads, and stop the extraction workers."""
        with self._lock:
            extractors = list(self._extractor)
        for ex in extractors:
            ex.close()
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._generation[0] += 1
