"""Batch ingest: sources → readers → pipeline → store, resumable and idempotent.

Sources are files, directories (walked recursively, filtered by a glob), JSON lines,
HTML, RSS/Atom feeds (files or URLs) and WARC files. Each article is written in one
transaction, so a run killed half-way leaves only whole articles; a rerun skips what is
stored (by the hash of the normalised text, checked before the pipeline runs) and
completes the rest. Every item that cannot be read, processed or stored is recorded in
the store's ingest log with its error code; the run goes on.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.article import Article
from marsad.errors import InputNotFoundError, MarsadError, StoreError, UsageError
from marsad.ingest import readers, rss, warc
from marsad.ingest.readers import FieldMapping, ReadFailure
from marsad.pipeline import Component, Pipeline, available_components, make_component
from marsad.settings import Settings
from marsad.store import dedup, writer
from marsad.store.db import Store

KINDS = ("auto", "text", "html", "jsonl", "rss", "warc")


@dataclass(slots=True)
class IngestOptions:
    """How to read and process the sources.

    Attributes:
        kind: Input kind, or ``auto`` (by suffix and first bytes).
        glob: Only files whose name (or path below the directory) matches.
        mapping: JSON field mapping.
        published: Publication date to use for every article.
        workers: Worker processes for the pipeline.
        components: Pipeline components to run (default: those in the settings that are installed).
    """

    kind: str = "auto"
    glob: str | None = None
    mapping: FieldMapping | None = None
    published: date | None = None
    workers: int = 1
    components: tuple[str, ...] | None = None


@dataclass(slots=True)
class IngestReport:
    """What a run did.

    Attributes:
        stored: Articles written.
        already: Items whose text was already stored under the same id/URL.
        duplicates: Exact duplicates of a stored article under another id/URL (recorded, not stored).
        near_duplicates: Stored articles that nearly duplicate an earlier one.
        failed: Items that could not be read, processed or stored.
        failures: Failures by error code.
        events: Events stored.
        new_clusters: Event clusters created.
        components: The pipeline components that ran.
        skipped_components: Requested components that are not installed or lack a requirement.
        seconds: Wall time.
        run_id: The ``ingest_runs`` row.
    """

    stored: int = 0
    already: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    events: int = 0
    new_clusters: int = 0
    components: list[str] = field(default_factory=list)
    skipped_components: list[str] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def done(self) -> int:
        """Items handled so far."""
        return self.stored + self.already + self.duplicates + self.failed

    def summary(self) -> str:
        """What happened to every item read; the four counts add up to the items read.

        ``12 items read: 9 stored, 2 already stored, 1 exact duplicate, 0 failed`` then one line
        per count saying what it means (and which failures, by code).
        """
        fails = ""
        if self.failures:
            fails = " (" + ", ".join(f"{c}: {n:,}" for c, n in sorted(self.failures.items())) + ")"
        dup = "exact duplicate" if self.duplicates == 1 else "exact duplicates"
        near = (f", {self.near_duplicates:,} of them near duplicates of an earlier article (kept, grouped with it)"
                if self.near_duplicates else "")
        return "\n".join((
            f"{self.done:,} item{'' if self.done == 1 else 's'} read: {self.stored:,} stored, "
            f"{self.already:,} already stored, {self.duplicates:,} {dup}, {self.failed:,} failed{fails}",
            f"  stored: new articles written to the store{near}",
            "  already stored: the same text under the same id or URL is in the store (read before): skipped",
            "  exact duplicates: the same text as a stored article under another id or URL: "
            "grouped with it, not stored again",
            "  failed: could not be read, processed or stored: each is in the store's ingest log with its code",
        ))


@dataclass(slots=True)
class Item:
    """One article or failure read from a source."""

    source: str
    value: Article | ReadFailure


def build_pipeline(settings: Settings, names: Sequence[str] | None = None) -> tuple[Pipeline, list[str]]:
    """The pipeline of the requested components that are installed and whose requirements are met.

    Returns:
        The pipeline and the names left out.
    """
    wanted = list(names if names is not None else settings.components)
    avail = set(available_components())
    comps: list[Component] = []
    have: set[str] = set()
    skipped: list[str] = []
    for name in wanted:
        if name not in avail:
            skipped.append(name)
            continue
        try:
            comp = make_component(name, settings)
        except MarsadError:
            skipped.append(name)
            continue
        if all(r in have for r in comp.requires):
            comps.append(comp)
            have.update(comp.assigns)
        else:
            skipped.append(name)
    # HTML articles come with their structure layer: the structure component keeps it.
    given = ("structure",) if any(c.name == "structure" for c in comps) else ()
    return Pipeline(comps, settings, given), skipped


# --- reading sources ------------------------------------------------------------


def _match(glob: str | None, path: Path, root: Path) -> bool:
    if not glob:
        return True
    rel = path.relative_to(root).as_posix()
    return fnmatch.fnmatch(path.name, glob) or fnmatch.fnmatch(rel, glob)


def _files(root: Path, glob: str | None) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            p = Path(dirpath) / fname
            if not fname.startswith(".") and _match(glob, p, root):
                yield p


def _kind_of_file(p: Path, kind: str) -> str:
    if kind != "auto":
        return kind
    if warc.is_warc_name(p.name):
        return "warc"
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "auto"
    if warc.looks_like_warc(head):
        return "warc"
    if rss.looks_like_feed(p.name, head):
        return "rss"
    return "auto"


def _read_file(p: Path, opts: IngestOptions, settings: Settings) -> Iterator[Article | ReadFailure]:
    kind = _kind_of_file(p, opts.kind)
    try:
        if kind == "warc":
            yield from warc.read_warc(p, settings, opts.published)
        elif kind == "rss":
            yield from rss.read_feed(str(p), settings, opts.published)
        else:
            for value in readers.read_path(p, kind, settings, opts.mapping, opts.published):
                if isinstance(value, Article):
                    value.meta.extra.setdefault("path", str(p))
                yield value
    except MarsadError as exc:
        yield ReadFailure.from_error(str(p), exc)


def read_sources(sources: Sequence[str], opts: IngestOptions, settings: Settings) -> Iterator[Item]:
    """Every article and failure of the sources, in order."""
    if opts.kind not in KINDS:
        raise UsageError(f"unknown input kind {opts.kind!r}; expected one of {', '.join(KINDS)}")
    for source in sources:
        if rss.is_url(source):
            try:
                for value in rss.read_feed(source, settings, opts.published):
                    yield Item(source, value)
            except MarsadError as exc:
                yield Item(source, ReadFailure.from_error(source, exc))
            continue
        p = Path(source)
        if p.is_dir():
            for f in _files(p, opts.glob):
                for value in _read_file(f, opts, settings):
                    yield Item(source, value)
        elif p.is_file():
            for value in _read_file(p, opts, settings):
                yield Item(source, value)
        else:
            err = InputNotFoundError(f"{source}: no such file or directory")
            yield Item(source, ReadFailure.from_error(source, err))


def estimate_total(sources: Sequence[str], opts: IngestOptions) -> int | None:
    """Number of items to expect (lines of JSON-lines files, one per other file), or None when unknown."""
    total = 0
    for source in sources:
        if rss.is_url(source):
            return None
        p = Path(source)
        files = list(_files(p, opts.glob)) if p.is_dir() else [p] if p.is_file() else []
        for f in files:
            kind = _kind_of_file(f, opts.kind)
            if kind in ("rss", "warc"):
                return None
            if kind == "jsonl" or (kind == "auto" and f.suffix.lower() in readers.JSONL_SUFFIXES):
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


# --- the run --------------------------------------------------------------------


ProgressFn = Callable[[IngestReport], None]


def ingest(
    store: Store,
    sources: Sequence[str],
    options: IngestOptions | None = None,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read, process and store every article of the sources.

    Args:
        store: A store opened for writing.
        sources: Paths (files, directories) and feed URLs.
        options: Reading and processing options.
        settings: Settings (default: the store's).
        progress: Called after each item with the report so far.

    Returns:
        The report (also saved in ``ingest_runs``).

    Raises:
        UsageError: No source given, or an unknown kind.
        StoreError: The store became unusable (read-only, full, damaged); what was stored stays.
    """
    if not sources:
        raise UsageError("give at least one file, directory or feed URL to ingest")
    opts = options or IngestOptions()
    settings = settings or store.settings
    pipe, skipped = build_pipeline(settings, opts.components)
    report = IngestReport(components=pipe.names, skipped_components=skipped)
    t0 = time.perf_counter()
    report.run_id = _start_run(store, sources, pipe.names)
    fold = settings.fold_ta_marbuta

    def log(code: str, message: str, source: str | None, item: str | None) -> None:
        report.failed += 1
        report.failures[code] += 1
        writer.log_failure(store, code, message, source, item, report.run_id)
        if progress:
            progress(report)

    def record(result: writer.WriteResult) -> None:
        if result.status == writer.STORED:
            report.stored += 1
            report.events += result.events
            report.new_clusters += result.new_clusters
            if result.near_of:
                report.near_duplicates += 1
        elif result.status == writer.ALREADY:
            report.already += 1
        else:
            report.duplicates += 1
        if progress:
            progress(report)

    # (id, sha256) -> (source, origin) of the articles sent to the pipeline (workers send back copies)
    origins: dict[tuple[str, str], list[tuple[str | None, str | None]]] = {}

    def to_process(items: Iterable[Item]) -> Iterator[Article]:
        for item in items:
            value = item.value
            if isinstance(value, ReadFailure):
                log(value.code, value.message, item.source, value.source)
                continue
            origin = value.meta.extra.get("record") or value.meta.extra.get("path") or item.source
            if writer.find_stored(store, dedup.norm_sha256(value.text, fold)) is not None:
                _write(store, value, origin, item.source, record, log)  # already stored: skip the pipeline
                continue
            origins.setdefault((value.id, value.sha256), []).append((item.source, origin))
            yield value

    try:
        results = pipe.pipe(to_process(read_sources(sources, opts, settings)), workers=opts.workers,
                            batch_size=settings.batch_size)
        for res in results:
            art = res.article
            pending = origins.get((art.id, art.sha256)) or [(None, None)]
            source, origin = pending.pop(0)
            if not pending:
                origins.pop((art.id, art.sha256), None)
            if res.failure is not None:
                f = res.failure
                log(f.code, f"{origin or art.id}: {f.component}: {f.message}", source, origin)
                continue
            _write(store, art, origin, source, record, log)
    finally:
        report.seconds = time.perf_counter() - t0
        with contextlib.suppress(StoreError):  # the store may be full or gone; the run's outcome matters more
            _finish_run(store, report)
    return report


def _write(
    store: Store,
    art: Article,
    origin: str | None,
    source: str | None,
    record: Callable[[writer.WriteResult], None],
    log: Callable[[str, str, str | None, str | None], None],
) -> None:
    try:
        result = writer.write_article(store, art, origin)
    except StoreError as exc:
        if exc.code == "E406":  # one article's id conflict: log it and go on
            log(exc.code, exc.message, source, origin)
            return
        raise
    record(result)


def _start_run(store: Store, sources: Sequence[str], components: list[str]) -> int:
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO ingest_runs (started_at, sources, components) VALUES (?, ?, ?)",
            (writer.now_utc(), json.dumps(list(sources), ensure_ascii=False), ",".join(components)),
        )
        return int(cur.lastrowid or 0)


def _finish_run(store: Store, r: IngestReport) -> None:
    with store.transaction() as conn:
        conn.execute(
            """UPDATE ingest_runs SET finished_at = ?, stored = ?, already = ?, failed = ?, exact_duplicates = ?,
                 near_duplicates = ? WHERE id = ?""",
            (writer.now_utc(), r.stored, r.already, r.failed, r.duplicates, r.near_duplicates, r.run_id),
        )
