"""Extraction for the web app, off the event loop and under a deadline that really stops the work.

``POST /api/extract`` and ``POST /api/articles`` run the pipeline in a small pool of worker processes
(``[web] extract_processes``). In a worker, the pipeline runs in the process's main thread, so the
per-article time limit (``[web] extract_deadline`` seconds, error E206) interrupts it wherever it is; a
worker that still does not answer a few seconds after its deadline is killed and replaced. At most
``extract_processes + extract_queue`` requests are in flight; one more is refused at once with E207
(HTTP 503) instead of queueing without bound. The pool starts on the first extraction and is killed
when the app shuts down, so SIGTERM is not held up by a long article.

``extract_processes = 0`` runs the pipeline in the request's thread instead (no deadline: only a
process's main thread can be interrupted); tests and embedded use can choose it.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from marsad.article import Article, Meta
from marsad.errors import ArticleTimeoutError, MissingRequirementError, ServerBusyError, UnknownComponentError
from marsad.pipeline import Component, Pipeline, available_components, make_component
from marsad.settings import Settings

# grace after the deadline before a silent worker is killed (its own alarm should have fired first)
KILL_GRACE_S = 5.0
# a worker process may still be starting (imports, models) when a request reaches it: allowed on top
STARTUP_S = 90.0

_WORKER_PIPELINE: list[Pipeline] = []  # one per worker process, built by _init_worker


def pipeline_components(settings: Settings) -> list[Component]:
    """The configured components that are installed, in order, dropping any whose requirements are missing."""
    available = set(available_components())
    have: set[str] = set()
    out: list[Component] = []
    for name in settings.components:
        if name not in available:
            continue
        try:
            comp = make_component(name, settings)
        except (UnknownComponentError, ImportError):
            continue
        if all(r in have for r in comp.requires):
            out.append(comp)
            have.update(comp.assigns)
    return out


def build_pipeline(settings: Settings) -> Pipeline:
    """The extraction pipeline of the configured, installed components.

    Raises:
        MissingRequirementError: No component is installed.
    """
    comps = pipeline_components(settings)
    if not comps:
        raise MissingRequirementError("no pipeline component is installed")
    return Pipeline(comps, settings)


def _init_worker(settings: Settings) -> None:
    try:
        pipeline = build_pipeline(settings)
    except MissingRequirementError:
        return  # each request then answers E201 (_run_in_worker)
    # load every model now, outside any request's deadline: components load lazily on first use
    with_no_limit = Pipeline(pipeline.components, settings.with_(article_timeout=0.0))
    with_no_limit(Article("warm-up", "وصل الوفد إلى الرياض أمس.", Meta()))
    _WORKER_PIPELINE.append(pipeline)


def _run_in_worker(article: Article) -> Article:
    if not _WORKER_PIPELINE:
        raise MissingRequirementError("no pipeline component is installed")
    return _WORKER_PIPELINE[0](article)


@dataclass(slots=True)
class Extractor:
    """Runs the pipeline for web requests (see the module docstring).

    Attributes:
        settings: The app's settings (``web_extract_processes``, ``web_extract_deadline``, ``web_extract_queue``).
    """

    settings: Settings
    _pool: list[ProcessPoolExecutor] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.BoundedSemaphore | None = None
    _local: list[Pipeline] = field(default_factory=list)
    _closed: list[bool] = field(default_factory=lambda: [False])

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self._capacity())

    @property
    def deadline(self) -> float:
        return self.settings.web_extract_deadline

    def run(self, article: Article) -> Article:
        """The processed article.

        Raises:
            ServerBusyError: Too many extractions are in flight (E207).
            ArticleTimeoutError: The article took longer than the deadline (E206); its worker is freed.
            MarsadError: What the pipeline raised.
        """
        assert self._slots is not None
        if not self._slots.acquire(blocking=False):
            raise ServerBusyError(
                f"too many extractions in flight (at most {self._capacity()}); retry in a few seconds"
            )
        try:
            if self.settings.web_extract_processes <= 0:
                return self._pipeline_here()(article)
            return self._in_pool(article)
        finally:
            self._slots.release()

    def _capacity(self) -> int:
        return max(self.settings.web_extract_processes, 1) + max(self.settings.web_extract_queue, 0)

    def _pipeline_here(self) -> Pipeline:
        with self._lock:
            if not self._local:
                self._local.append(build_pipeline(self.settings))
            return self._local[0]

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed[0]:
                raise ServerBusyError("the server is shutting down")
            if not self._pool:
                worker_settings = self.settings.with_(article_timeout=self.deadline)
                self._pool.append(ProcessPoolExecutor(
                    max_workers=self.settings.web_extract_processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(worker_settings,),
                ))
            return self._pool[0]

    def _in_pool(self, article: Article) -> Article:
        pool = self._executor()
        fut: Future[Article] = pool.submit(_run_in_worker, article)
        # the wait covers the queue: a request may wait for a busy worker before its own deadline starts
        # the worker's own alarm enforces the deadline; this wait is the last resort for a stuck worker
        waiting = self.deadline * (1 + max(self.settings.web_extract_queue, 0)) + KILL_GRACE_S + STARTUP_S
        try:
            return fut.result(timeout=waiting)
        except FutureTimeout:
            self._kill(pool)
            raise ArticleTimeoutError(
                f"article {article.id} took more than {self.deadline:g} s; its worker was stopped"
            ) from None
        except BrokenProcessPool:
            self._kill(pool)
            raise ArticleTimeoutError(
                f"the worker processing article {article.id} stopped (killed, or out of memory)"
            ) from None

    def _kill(self, pool: ProcessPoolExecutor) -> None:
        """Stop a pool's processes now and forget the pool (the next request starts a fresh one)."""
        with self._lock:
            if self._pool and self._pool[0] is pool:
                self._pool.clear()
        procs = list(getattr(pool, "_processes", {}).values())
        for p in procs:
            if p.is_alive():
                p.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Kill the workers (at app shutdown): in-flight extractions end with an error at once."""
        with self._lock:
            self._closed[0] = True
            pools = list(self._pool)
        for pool in pools:
            self._kill(pool)
