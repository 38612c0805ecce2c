"""Components that declare what they require and assign, and the pipeline that runs them.

A component is built once per process by its factory and is stateless afterwards,
so the same pipeline runs in one process, in a process pool or in a Spark partition.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import signal
import sys
import threading
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from marsad.article import Article, Token
from marsad.errors import (
    ArticleTimeoutError,
    ComponentError,
    MarsadError,
    MissingRequirementError,
    UnknownComponentError,
)
from marsad.settings import Settings


@runtime_checkable
class Component(Protocol):
    """What every pipeline component provides."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> None:
        """Add the component's layers to the article (in place)."""


# name -> "module:factory"; each factory takes Settings and returns a Component.
COMPONENTS = MappingProxyType(
    {
        "structure": "marsad.text.structure:make_component",
        "sentences": "marsad.text.sentences:make_component",
        "tokens": "marsad.text.tokens:make_component",
        "entities": "marsad.entities.component:make_component",
        "times": "marsad.times.component:make_component",
        "events": "marsad.events.component:make_component",
        "quotes": "marsad.quotes.component:make_component",
    }
)


def available_components() -> list[str]:
    """Names of the components whose module can be imported."""
    out = []
    for name, target in COMPONENTS.items():
        module = target.split(":")[0]
        if importlib.util.find_spec(module) is not None:
            out.append(name)
    return out


def make_component(name: str, settings: Settings) -> Component:
    """Build one registered component.

    Raises:
        UnknownComponentError: No component has that name.
    """
    target = COMPONENTS.get(name)
    if target is None:
        raise UnknownComponentError(f"unknown component {name!r}; known: {', '.join(COMPONENTS)}")
    module_name, factory = target.split(":")
    module = importlib.import_module(module_name)
    comp = getattr(module, factory)(settings)
    if not isinstance(comp, Component):
        raise UnknownComponentError(f"{target} did not return a pipeline component")
    return comp


@dataclass(slots=True)
class Failure:
    """One article that a component could not process, in batch mode."""

    article_id: str
    component: str
    code: str
    message: str


@dataclass(slots=True)
class Result:
    """What ``Pipeline.pipe`` yields for each article, in input order."""

    article: Article
    failure: Failure | None = None


@dataclass(slots=True)
class Pipeline:
    """An ordered list of components, checked when built.

    Attributes:
        components: The components, in running order.
        given: Layers the input articles already carry (e.g. gold tokens).
        timings: Seconds spent in each component, summed over all calls.
    """

    components: list[Component]
    settings: Settings = field(default_factory=Settings)
    given: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_requirements(self.components, self.given)

    @classmethod
    def from_names(
        cls, names: Sequence[str] | None = None, settings: Settings | None = None, given: Sequence[str] = ()
    ) -> Pipeline:
        """Build the pipeline from component names (default: ``settings.components``).

        Raises:
            MissingRequirementError: A component needs a layer no earlier component assigns.
            UnknownComponentError: A name is not registered.
        """
        settings = settings or Settings()
        names = list(names if names is not None else settings.components)
        return cls([make_component(n, settings) for n in names], settings, tuple(given))

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, article: Article) -> Article:
        """Run every component on one article, within ``settings.article_timeout`` seconds.

        Raises:
            ArticleTimeoutError: The article took too long (only enforced in a process's main thread).
            MarsadError: The first error a component raised (others wrapped in ComponentError).
        """
        with _time_limit(self.settings.article_timeout, article.id):
            return self._run(article)

    def _run(self, article: Article) -> Article:
        for comp in self.components:
            if set(comp.assigns) <= set(self.given) and all(article.has_layer(a) for a in comp.assigns):
                continue
            t0 = time.perf_counter()
            try:
                comp(article)
            except MarsadError as exc:
                exc.component = exc.component or comp.name
                raise
            except Exception as exc:  # a bug in a component must not kill a batch: wrap it with its name
                raise ComponentError(
                    f"component {comp.name!r} failed on article {article.id}: {type(exc).__name__}: {exc}",
                    component=comp.name,
                ) from exc
            finally:
                self.timings[comp.name] = self.timings.get(comp.name, 0.0) + time.perf_counter() - t0
        return article

    def run_safe(self, article: Article) -> Result:
        """Run on one article, recording an error instead of raising it."""
        try:
            return Result(self(article))
        except MarsadError as exc:
            return Result(article, Failure(article.id, exc.component or "pipeline", exc.code, exc.message))

    def pipe(self, articles: Iterable[Article], workers: int = 1, batch_size: int = 32) -> Iterator[Result]:
        """Process many articles; a failing article is recorded and the batch goes on.

        Args:
            articles: Articles to process (consumed lazily).
            workers: Processes to use; 1 runs in this process.
            batch_size: Articles sent to a worker at a time.

        Yields:
            One Result per article, in input order.
        """
        if workers <= 1:
            for art in articles:
                yield self.run_safe(art)
            return
        yield from _pipe_pool(self, articles, workers, batch_size)


class _Timeout(Exception):
    """Raised by the alarm handler; turned into ArticleTimeoutError with the component's name."""


@contextmanager
def _time_limit(seconds: float, article_id: str) -> Iterator[None]:
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout:
        raise ArticleTimeoutError(f"article {article_id} took more than {seconds:g} s; skipped") from None
    except ComponentError as exc:
        if isinstance(exc.__cause__, _Timeout):
            raise ArticleTimeoutError(
                f"article {article_id} took more than {seconds:g} s (in component {exc.component!r}); skipped",
                component=exc.component,
            ) from None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_requirements(components: Sequence[Component], given: Iterable[str] = ()) -> None:
    """Check that each component's requirements are assigned by an earlier one.

    Raises:
        MissingRequirementError: Names the component, the missing layers and who provides them.
    """
    have = set(given)
    for comp in components:
        missing = [r for r in comp.requires if r not in have]
        if missing:
            providers = {m: [c.name for c in components if m in c.assigns] for m in missing}
            hint = "; ".join(
                f"{m} is assigned by {', '.join(p) if p else 'no component'}" for m, p in providers.items()
            )
            raise MissingRequirementError(
                f"component {comp.name!r} requires {', '.join(missing)}, which no earlier component assigns ({hint})"
            )
        have.update(comp.assigns)


# --- process pool ------------------------------------------------------------

_WORKER: list[Pipeline] = []  # the per-process pipeline, built once by the pool initializer


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_S = 1.0


def die_with_parent(parent_pid: int, pdeathsig: bool = True) -> None:
    """Make this worker process end when its parent does, even when the parent is killed with SIGKILL.

    A pool worker waits on a pipe that it holds open itself, so it never sees the parent go and
    would otherwise run (and hold the store's memory) forever. On Linux the kernel sends SIGKILL
    on the parent's death (``prctl(PR_SET_PDEATHSIG)``; it fires when the *thread* that forked the
    worker ends, so the caller passes ``pdeathsig=False`` when that is not the main thread);
    everywhere a daemon thread also checks the parent id once a second.
    """
    if pdeathsig and sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util

        with contextlib.suppress(OSError, AttributeError):  # no libc: the polling thread still works
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
        os._exit(1)  # the parent is gone: nothing of this worker's work can be delivered

    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=watch, name="marsad-parent-watch", daemon=True).start()


def _init_worker(names: list[str], settings: Settings, given: tuple[str, ...], parent: tuple[int, bool]) -> None:
    die_with_parent(*parent)
    _WORKER.clear()
    _WORKER.append(Pipeline.from_names(names, settings, given))


_Packed = tuple[list[Result], list["array[int] | None"], dict[str, float]]


def _run_batch(batch: list[Article]) -> _Packed:
    pipe = _WORKER[0]
    before = dict(pipe.timings)
    results = [pipe.run_safe(a) for a in batch]
    delta = {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}
    # Tokens are most of the records and pickling a slotted dataclass each costs ~30 µs:
    # send them back as one flat array of offsets instead.
    packed: list[array[int] | None] = []
    for res in results:
        toks = res.article.tokens
        if toks is None:
            packed.append(None)
            continue
        flat = array("q")
        for t in toks:
            flat.append(t.start)
            flat.append(t.end)
        packed.append(flat)
        res.article.tokens = None
    return results, packed, delta


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pipe_pool(pipe: Pipeline, articles: Iterable[Article], workers: int, batch_size: int) -> Iterator[Result]:
    # The workers are forked by this thread on the first submit (below, in the same frame).
    parent = (os.getpid(), threading.current_thread() is threading.main_thread())
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(pipe.names, pipe.settings, pipe.given, parent)
    ) as pool:
        pending: list[Future[_Packed]] = []
        limit = workers * 2
        for batch in _batches(articles, max(1, batch_size)):
            pending.append(pool.submit(_run_batch, batch))
            while len(pending) >= limit:
                yield from _collect(pipe, pending.pop(0))
        while pending:
            yield from _collect(pipe, pending.pop(0))


def _collect(pipe: Pipeline, fut: Future[_Packed]) -> list[Result]:
    results, packed, delta = fut.result()
    for k, v in delta.items():
        pipe.timings[k] = pipe.timings.get(k, 0.0) + v
    for res, flat in zip(results, packed, strict=True):
        if flat is not None:
            res.article.tokens = [Token(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
    return results
