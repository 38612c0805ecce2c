"""JSON lines records → Articles, streamed line by line, and the types every reader shares.

The size limit (``Settings.max_input_bytes``) applies to each record, never to the file,
so a 50 MB file of ordinary records streams in constant memory. A bad line becomes a
``ReadFailure`` carrying its ``path:LINE`` and error code, and reading goes on.

The Article text of a record is ``title + "\\n\\n" + content`` (when the record has a
title), so the headline is a real span of the text that the structure layer finds.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from marsad.article import Article, Meta
from marsad.errors import (
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedJSONError,
    MarsadError,
    MissingFieldError,
    UsageError,
)
from marsad.settings import Settings

_CHUNK = 1 << 16
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


@dataclass(slots=True)
class ReadFailure:
    """One item of a batch that could not be read.

    Attributes:
        source: ``path`` or ``path:LINE`` of the item.
        code: The error code (``E106`` ...).
        message: The error message (it already names the source).
    """

    source: str
    code: str
    message: str

    @classmethod
    def from_error(cls, source: str, exc: MarsadError) -> ReadFailure:
        return cls(source, exc.code, exc.message)


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """Which JSON fields hold which article parts; the first present, non-empty field wins.

    Attributes:
        title: Headline fields.
        content: Body fields (required: a record without one fails with E107).
        published: Date fields (``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM:SS`` / ISO 8601).
        url: URL fields.
        source: Site / feed name fields.
        id: Article id fields.
        author: Author fields.
    """

    title: tuple[str, ...] = ("title", "headline")
    content: tuple[str, ...] = ("content", "text", "body")
    published: tuple[str, ...] = ("date", "published", "date_published", "date_extracted")
    url: tuple[str, ...] = ("url", "link")
    source: tuple[str, ...] = ("source", "site")
    id: tuple[str, ...] = ("id",)
    author: tuple[str, ...] = ("author",)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMapping:
        """Build a mapping from ``part=field[,field...]`` strings (``content=body``).

        Raises:
            UsageError: A spec is malformed or names an unknown part.
        """
        changes: dict[str, tuple[str, ...]] = {}
        for spec in specs:
            part, sep, names = spec.partition("=")
            fields = tuple(n.strip() for n in names.split(",") if n.strip())
            if not sep or part not in cls.__dataclass_fields__ or not fields:
                known = ", ".join(cls.__dataclass_fields__)
                raise UsageError(f"invalid field mapping {spec!r}: expected PART=FIELD[,FIELD...] with PART in {known}")
            changes[part] = fields
        return cls(**changes)


def _record_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    s = value.strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            return None


def article_from_record(record: dict[str, object], mapping: FieldMapping, source: str) -> Article:
    """An Article from one JSON record; its text is ``title + "\\n\\n" + content``.

    HTML entities left in crawled fields (``&quot;``) are decoded; the title's
    whitespace is collapsed to single spaces.

    Args:
        record: The decoded JSON object.
        mapping: Field names to use.
        source: ``path:LINE`` of the record (kept in ``meta.extra["record"]``).

    Raises:
        MissingFieldError: No content field holds a non-empty string.
    """
    if "schema_version" in record and isinstance(record.get("text"), str):
        return Article.from_dict(record)  # an already processed Marsad article
    content = _first(record, mapping.content)
    if content is None or not content.strip():
        raise MissingFieldError(f"{source}: record has no content field (tried {', '.join(mapping.content)})")
    title = _first(record, mapping.title)
    title = " ".join(_unescape(title).split()) if title else None
    content = _unescape(content)
    text = f"{title}\n\n{content}" if title else content
    raw_date = _first(record, mapping.published)
    extra = {"record": source}
    if raw_date is not None and _record_date(raw_date) is None:
        extra["date_raw"] = raw_date
    meta = Meta(
        url=_first(record, mapping.url),
        source=_first(record, mapping.source),
        title=title,
        author=_first(record, mapping.author),
        published=_record_date(raw_date),
        format="jsonl",
        extra=extra,
    )
    rid = _first(record, mapping.id)
    return Article(rid or "", text, meta)


def _unescape(s: str) -> str:
    """Crawled records often keep HTML entities (``&quot;``); they are markup, not text."""
    return html_lib.unescape(s) if _ENTITY.search(s) else s


def _first(record: dict[str, object], names: tuple[str, ...]) -> str | None:
    for n in names:
        v = record.get(n)
        if isinstance(v, int | float) and not isinstance(v, bool):
            return str(v)
        if isinstance(v, str) and v.strip():
            return v
    return None


class PrefixedStream:
    """A stream with some already-read bytes put back in front."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        if self._head:
            nl = self._head.find(b"\n")
            cut = len(self._head) if nl < 0 else nl + 1
            if 0 <= size < cut:
                cut = size
            line, self._head = self._head[:cut], self._head[cut:]
            if line.endswith(b"\n") or (0 <= size <= len(line)):
                return line
            more = self._stream.readline(-1 if size < 0 else size - len(line))
            return line + more
        return self._stream.readline(size)


def read_jsonl_stream(
    stream: BinaryIO | PrefixedStream,
    name: str,
    settings: Settings,
    mapping: FieldMapping,
    published: date | None = None,
) -> Iterator[Article | ReadFailure]:
    """Stream JSON lines: one Article or ReadFailure per non-blank line; a line over the limit is skipped.

    Raises:
        EmptyInputError: The stream holds no record at all (raised when iteration reaches its end).
    """
    limit = settings.max_input_bytes
    lineno = 0
    records = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            break
        lineno += 1
        src = f"{name}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # drain the rest of the over-long line without keeping it
                more = stream.readline(_CHUNK)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield ReadFailure(
                src,
                InputTooLargeError.code,
                f"{src}: record is {size:,} bytes, over the limit of {limit:,} bytes (setting input.max_bytes)",
            )
            records += 1
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        try:
            yield _record(line, src, mapping, published)
        except MarsadError as exc:
            yield ReadFailure.from_error(src, exc)
    if records == 0:
        raise EmptyInputError(f"{name}: input is empty" if lineno == 0 else f"{name}: input contains only whitespace")


def _record(line: bytes, src: str, mapping: FieldMapping, published: date | None) -> Article:
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{src}: invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise MalformedJSONError(f"{src}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise MalformedJSONError(f"{src}: invalid JSON: expected an object, got {type(obj).__name__}")
    art = article_from_record(obj, mapping, src)
    if published is not None:
        art.meta.published = published
    return art
