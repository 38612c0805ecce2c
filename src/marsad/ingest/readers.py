"""Readers: plain text, HTML and JSON lines (files, directories, bytes, streams) → Articles.

A single text or HTML input that cannot be read raises its typed error. Inside a JSON
lines file or a directory, a bad item becomes a ``ReadFailure`` and reading goes on, so
one broken record never stops a batch. JSON lines are streamed line by line
(``marsad.ingest.jsonl``): the size limit (``Settings.max_input_bytes``) applies to each
record, not to the file. With ``kind="auto"``, RSS/Atom feeds and WARC files found by
``read_path`` go to ``marsad.ingest.rss`` and ``marsad.ingest.warc``.

For JSON lines the Article text is ``title + "\\n\\n" + content`` (when the record has a
title), so the headline is a real span of the text that the structure layer finds.
HTML pages are built by ``marsad.ingest.html``, which also assigns their structure layer.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from marsad.article import Article, Meta
from marsad.errors import (
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    InvalidDateError,
    MarsadError,
    UsageError,
)
from marsad.ingest.decode import check_size, decode_bytes, read_file
from marsad.ingest.jsonl import FieldMapping, PrefixedStream, ReadFailure, article_from_record, read_jsonl_stream
from marsad.settings import Settings

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "KINDS",
    "TEXT_SUFFIXES",
    "FieldMapping",
    "ReadFailure",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "kind_of",
    "parse_published",
    "read_bytes",
    "read_jsonl_stream",
    "read_path",
    "read_stream",
    "resolve_kind",
]

KINDS = ("auto", "text", "html", "jsonl")
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
_CHUNK = 1 << 16
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value: str) -> date:
    """Parse a ``--published`` value.

    Raises:
        InvalidDateError: The value is not a valid ``YYYY-MM-DD`` date.
    """
    s = value.strip()
    try:
        if not _ISO_DATE.fullmatch(s):
            raise ValueError(s)
        return date.fromisoformat(s)
    except ValueError as exc:
        raise InvalidDateError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from exc


# --- single items -------------------------------------------------------------


def article_from_text(text: str, meta: Meta | None = None, article_id: str | None = None) -> Article:
    """An Article over a plain text (the text is kept exactly as given).

    Raises:
        EmptyInputError: The text is empty or only whitespace.
    """
    if not text.strip():
        raise EmptyInputError("input contains only whitespace" if text else "input is empty")
    return Article(article_id or "", text, meta if meta is not None else Meta(format="text"))


def article_from_html(
    html: str | bytes,
    url: str | None = None,
    meta: Meta | None = None,
    article_id: str | None = None,
    name: str = "-",
) -> Article:
    """An Article from an HTML page, with its structure layer pre-assigned.

    See ``marsad.ingest.html`` for what is extracted.

    Raises:
        MalformedHTMLError: No article text could be extracted.
    """
    from marsad.ingest.html import html_to_article

    return html_to_article(html, url=url, meta=meta, article_id=article_id, name=name)


# --- kinds --------------------------------------------------------------------


def kind_of(name: str, head: bytes = b"") -> str:
    """Guess ``text``, ``html`` or ``jsonl`` from a file name, else from the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and any(t in start for t in (b"<html", b"<!doctype html", b"<body", b"<p", b"<div")):
        return "html"
    return "text"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UsageError(f"unknown input kind {kind!r}; expected one of {', '.join(KINDS)}")


# --- batch readers ------------------------------------------------------------


def read_path(
    path: str | os.PathLike[str],
    kind: str = "auto",
    settings: Settings | None = None,
    mapping: FieldMapping | None = None,
    published: date | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read a file or a directory (walked recursively, hidden entries skipped, sorted by name).

    Raises:
        InputNotFoundError: The path does not exist.
        MarsadError: A single text or HTML file cannot be read (its typed error).
    """
    _check_kind(kind)
    settings = settings or Settings()
    p = Path(path)
    if p.is_dir():
        return _read_dir(p, kind, settings, mapping, published)
    if not p.exists():
        raise InputNotFoundError(f"{p}: no such file or directory")
    return _read_file(p, kind, settings, mapping, published, strict=True)


def _read_dir(
    root: Path, kind: str, settings: Settings, mapping: FieldMapping | None, published: date | None
) -> Iterator[Article | ReadFailure]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if fname.startswith("."):
                continue
            yield from _read_file(Path(dirpath) / fname, kind, settings, mapping, published, strict=False)


def resolve_kind(path: str | os.PathLike[str], kind: str = "auto") -> str:
    """The reader a file goes to: ``text``, ``html``, ``jsonl``, ``rss`` or ``warc``.

    With ``auto``, WARC files and RSS/Atom feeds are recognised too (by name and first
    bytes), when their readers (``marsad.ingest.warc``, ``marsad.ingest.rss``) are installed.

    Raises:
        InputNotFoundError: The file cannot be read.
    """
    if kind != "auto":
        return kind
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputNotFoundError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if importlib.util.find_spec("marsad.ingest.warc") is not None:
        from marsad.ingest import warc

        if warc.is_warc_name(p.name) or warc.looks_like_warc(head):
            return "warc"
    if importlib.util.find_spec("marsad.ingest.rss") is not None:
        from marsad.ingest import rss

        if rss.looks_like_feed(p.name, head):
            return "rss"
    return kind_of(p.name, head)


def _read_file(
    p: Path, kind: str, settings: Settings, mapping: FieldMapping | None, published: date | None, strict: bool
) -> Iterator[Article | ReadFailure]:
    try:
        kind = resolve_kind(p, kind)
        if kind == "warc":
            from marsad.ingest.warc import read_warc

            records: Iterator[Article | ReadFailure] = read_warc(p, settings, published)
            return records
        if kind == "rss":
            from marsad.ingest.rss import read_feed

            items: Iterator[Article | ReadFailure] = read_feed(str(p), settings, published)
            return items
    except MarsadError as exc:
        if strict:
            raise
        return iter([ReadFailure.from_error(str(p), exc)])
    if kind == "jsonl":
        return _jsonl_file(p, settings, mapping or FieldMapping(), published)
    try:
        data = read_file(p, settings.max_input_bytes)
        art = _single(data, str(p), kind, published)
        art.meta.extra.setdefault("path", str(p))
    except MarsadError as exc:
        if strict:
            raise
        return iter([ReadFailure.from_error(str(p), exc)])
    return iter([art])


def _jsonl_file(
    p: Path, settings: Settings, mapping: FieldMapping, published: date | None
) -> Iterator[Article | ReadFailure]:
    try:
        fh = p.open("rb")
    except OSError as exc:
        yield ReadFailure.from_error(str(p), InputNotFoundError(f"{p}: cannot read: {exc.strerror or exc}"))
        return
    with fh:
        try:
            yield from read_jsonl_stream(fh, str(p), settings, mapping, published)
        except MarsadError as exc:  # an empty file inside a directory
            yield ReadFailure.from_error(str(p), exc)


def read_bytes(
    data: bytes,
    name: str = "-",
    kind: str = "auto",
    settings: Settings | None = None,
    mapping: FieldMapping | None = None,
    published: date | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read one input held in memory (an upload, a test case).

    Raises:
        MarsadError: A text or HTML input cannot be read (its typed error).
    """
    _check_kind(kind)
    settings = settings or Settings()
    if kind == "auto":
        kind = kind_of(name, data[:4096])
    if kind == "jsonl":
        return read_jsonl_stream(io.BytesIO(data), name, settings, mapping or FieldMapping(), published)
    check_size(len(data), settings.max_input_bytes, name)
    return iter([_single(data, name, kind, published)])


def read_stream(
    stream: BinaryIO,
    name: str = "-",
    kind: str = "auto",
    settings: Settings | None = None,
    mapping: FieldMapping | None = None,
    published: date | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read from a binary stream (stdin): JSON lines are streamed, anything else is read up to the limit.

    Raises:
        InputTooLargeError: A text or HTML stream holds more than the limit.
        MarsadError: A text or HTML input cannot be read (its typed error).
    """
    _check_kind(kind)
    settings = settings or Settings()
    limit = settings.max_input_bytes
    head = stream.read(min(limit + 1, _CHUNK))
    if kind == "auto":
        kind = kind_of(name, head)
    if kind == "jsonl":
        return read_jsonl_stream(PrefixedStream(head, stream), name, settings, mapping or FieldMapping(), published)
    rest = stream.read(limit + 1 - len(head)) if len(head) <= limit else b""
    data = head + rest
    if len(data) > limit:
        raise InputTooLargeError(f"{name}: input is over the limit of {limit:,} bytes (setting input.max_bytes)")
    return iter([_single(data, name, kind, published)])


def _single(data: bytes, name: str, kind: str, published: date | None) -> Article:
    if kind == "html":
        art = article_from_html(data, name=name)
    else:
        decoded = decode_bytes(data, name)
        art = article_from_text(decoded.text, Meta(format="text", extra={"encoding": decoded.encoding}))
    if published is not None:
        art.meta.published = published
    return art
