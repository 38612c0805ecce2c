"""WARC and WARC.gz web archives → Articles, one per HTML response record.

Only ``response`` records with an HTTP status 200 and an HTML content type are read;
each goes through ``html_to_article`` with the record's target URI. A record whose
page yields no article text becomes a ``ReadFailure``.

Damaged archives are read record by record and every record that cannot be trusted is
an ``E110`` failure of its own, after the good records before it:

* a record whose block is shorter than its ``Content-Length`` (the file was cut off);
* in a ``.warc.gz``, a gzip member that is cut off or fails its CRC check. Each member
  is decompressed and checked *before* its record is read, so a damaged page is never
  decoded (a cut UTF-8 page would otherwise be "detected" as windows-1256 and stored as
  garbage); reading resumes at the next intact member;
* record headers warcio cannot parse.

A file that does not start with a WARC record header is an ``E110`` "not a WARC file";
one that starts with a header but breaks off in it is an ``E110`` for that record.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from marsad.article import Article, Meta
from marsad.errors import EmptyInputError, InputNotFoundError, MalformedWARCError, MarsadError
from marsad.ingest.html import html_to_article
from marsad.ingest.jsonl import ReadFailure
from marsad.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
# A gzip member bigger than this once decompressed is not held in memory to be checked first:
# the rest of the file is then streamed (records before the member were checked already).
MEMBER_CHECK_LIMIT = 64 << 20


def is_warc_name(name: str) -> bool:
    """True for a ``.warc`` / ``.warc.gz`` file name."""
    return name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """True when the first bytes are a WARC header (or gzip, for a .warc.gz checked by name)."""
    return head.startswith(b"WARC/")


def read_warc(
    path: str | os.PathLike[str], settings: Settings | None = None, published: date | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles of the HTML responses in a WARC file; damaged records are ``E110`` failures.

    Raises:
        InputNotFoundError: The file does not exist.
        EmptyInputError: The file is empty.
        MalformedWARCError: The file does not start with a WARC record.
    """
    settings = settings or Settings()
    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"{p}: no such file")
    if p.stat().st_size == 0:
        raise EmptyInputError(f"{p}: input is empty")
    head, gz = _head(p)
    if not head.startswith((b"WARC/", b"filedesc://")):
        if gz and not head:
            raise MalformedWARCError(f"{p}: not a WARC file (gzip data that cannot be decompressed)")
        raise MalformedWARCError(f"{p}: not a WARC file (it does not start with a WARC record header)")
    return _gz_records(p, settings, published) if gz else _plain_records(p, settings, published)


def _head(p: Path) -> tuple[bytes, bool]:
    """The first bytes of the file (decompressed, as far as they go, when it is gzip) and whether it is gzip."""
    with p.open("rb") as fh:
        raw = fh.read(_CHUNK)
    if not raw.startswith(GZIP_MAGIC):
        return raw[:64], False
    try:
        return zlib.decompressobj(31).decompress(raw, 64), True  # a cut member still gives its first bytes
    except zlib.error:
        return b"", True


# --- gzip members -------------------------------------------------------------------


class _Member:
    """One gzip member: where it starts, its checked bytes, or why it cannot be used."""

    __slots__ = ("data", "end", "error", "start")

    def __init__(self, start: int, end: int, data: bytes | None, error: str | None) -> None:
        self.start = start
        self.end = end
        self.data = data
        self.error = error


def _members(fh: IO[bytes], limit: int) -> Iterator[_Member]:
    """The gzip members of a file, each decompressed and checked (CRC, length, complete).

    A damaged member is reported with its error and reading resumes at the next gzip header
    after it. A member over ``limit`` bytes decompressed is yielded with ``data=None`` and ends it.
    """
    fh.seek(0)
    buf = b""
    pos = 0  # file offset of buf[0]
    eof = False

    def fill() -> bool:
        nonlocal buf, eof
        chunk = fh.read(_CHUNK)
        if not chunk:
            eof = True
            return False
        buf += chunk
        return True

    while True:
        if not buf and not fill():
            return
        if not buf.strip(b"\x00\r\n "):  # padding at the end of a file
            buf = b""
            if eof or not fill():
                return
            continue
        start = pos
        d = zlib.decompressobj(31)
        out: list[bytes] = []
        size = 0
        error: str | None = None
        consumed = 0
        try:
            while True:
                data = d.decompress(buf[consumed:])
                out.append(data)
                size += len(data)
                if d.eof:
                    consumed = len(buf) - len(d.unused_data)
                    break
                consumed = len(buf)
                if size > limit:
                    yield _Member(start, pos + consumed, None, None)
                    return
                if not fill():
                    error = "the gzip member is cut off (the file ends inside it)"
                    break
        except zlib.error as exc:
            error = f"the gzip data is damaged ({exc})"
        if error is None:
            yield _Member(start, pos + consumed, b"".join(out), None)
            buf, pos = buf[consumed:], pos + consumed
            continue
        # Resume at the next gzip header after the start of the damaged member.
        nxt = buf.find(GZIP_MAGIC + b"\x08", 1)
        while nxt < 0 and fill():
            nxt = buf.find(GZIP_MAGIC + b"\x08", 1)
        end = pos + (nxt if nxt >= 0 else len(buf))
        yield _Member(start, end, None, error)
        if nxt < 0:
            return
        buf, pos = buf[nxt:], pos + nxt


def _gz_records(p: Path, settings: Settings, published: date | None) -> Iterator[Article | ReadFailure]:
    n = 0
    with p.open("rb") as fh:
        for member in _members(fh, MEMBER_CHECK_LIMIT):
            if member.error is not None:
                n += 1
                src = f"{p}#{n}"
                yield ReadFailure.from_error(src, MalformedWARCError(
                    f"{src}: record at byte {member.start:,} is unreadable: {member.error}; "
                    f"the {n - 1} record(s) before it were read"))
                continue
            if member.data is None:  # too big to check first: stream the rest of the file
                import gzip

                fh.seek(member.start)
                with gzip.GzipFile(fileobj=fh) as gz:
                    for value in _iter_records(gz, p, n, settings, published):
                        if isinstance(value, int):
                            n = value
                        else:
                            yield value
                return
            for value in _iter_records(io.BytesIO(member.data), p, n, settings, published):
                if isinstance(value, int):
                    n = value
                else:
                    yield value


def _plain_records(p: Path, settings: Settings, published: date | None) -> Iterator[Article | ReadFailure]:
    with p.open("rb") as fh:
        for value in _iter_records(fh, p, 0, settings, published):
            if not isinstance(value, int):
                yield value


# --- records --------------------------------------------------------------------------


def _iter_records(
    stream: IO[bytes] | Any, p: Path, n: int, settings: Settings, published: date | None
) -> Iterator[Article | ReadFailure | int]:
    """The records of a (decompressed) stream; yields the running record count after each record."""
    from warcio.archiveiterator import ArchiveIterator

    it = iter(ArchiveIterator(stream, no_record_parse=False))
    while True:
        src = f"{p}#{n + 1}"
        try:
            record = next(it)
        except StopIteration:
            return
        # warcio fails in many ways on a header cut in half (ArchiveLoadFailed, ValueError, even
        # AttributeError on a missing target URI): any of them means this record cannot be read.
        except Exception as exc:  # a third-party parser on damaged input
            yield ReadFailure.from_error(src, MalformedWARCError(
                f"{src}: record header is cut off or damaged (warcio: {type(exc).__name__}: {exc}); "
                f"the {n} record(s) before it were read"))
            return
        n += 1
        try:
            value = _record(record, src, settings, published)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            value = ReadFailure.from_error(src, MalformedWARCError(f"{src}: record is unreadable: {exc}"))
        if value is not None:
            yield value
        yield n
        if isinstance(value, ReadFailure) and value.code == "E110":
            return  # the stream is cut or damaged here: nothing after it can be trusted


def _drain(record: Any) -> int:
    """Read the rest of a record's block; the number of bytes missing from it (0 when whole)."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _cut(src: str, record: Any, missing: int) -> ReadFailure:
    length = record.rec_headers.get_header("Content-Length") or "?"
    return ReadFailure.from_error(src, MalformedWARCError(
        f"{src}: record is cut off: {missing:,} of its {length} bytes are missing (the file ends inside it)"))


def _record(record: Any, src: str, settings: Settings, published: date | None) -> Article | ReadFailure | None:
    """The article of one record, a failure, or None for a record that is not an HTML page."""
    http = record.http_headers if record.rec_type == "response" else None
    status = http.get_statuscode() if http is not None else None
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower() if http is not None else ""
    if status != "200" or ctype not in HTML_TYPES:
        missing = _drain(record)
        return _cut(src, record, missing) if missing else None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(settings.max_input_bytes + 1)
    if len(payload) > settings.max_input_bytes:
        _drain(record)
        return ReadFailure(src, "E104", f"{src}: page is over the limit of "
                           f"{settings.max_input_bytes:,} bytes (setting input.max_bytes)")
    missing = _drain(record)
    if missing:
        return _cut(src, record, missing)
    try:
        meta = Meta(url=uri, source=urlparse(uri).netloc if uri else None, format="warc", extra={"record": src})
        art = html_to_article(payload, url=uri, meta=meta, name=uri or src)
    except MarsadError as exc:
        return ReadFailure.from_error(src, exc)
    art.meta.format = "warc"
    if published is not None:
        art.meta.published = published
    return art
