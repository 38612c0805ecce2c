"""WARC and WARC.gz web archives → Articles, one per HTML response record.

Only ``response`` records with an HTTP status 200 and an HTML content type are read;
each goes through ``html_to_article`` with the record's target URI. A record whose
page yields no article text becomes a ``ReadFailure``; a file that is not a WARC (or
breaks off mid-way) ends with an ``E110`` failure after the records read so far.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from marsad.article import Article, Meta
from marsad.errors import EmptyInputError, InputNotFoundError, MalformedWARCError, MarsadError
from marsad.ingest.html import html_to_article
from marsad.ingest.jsonl import ReadFailure
from marsad.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_name(name: str) -> bool:
    """True for a ``.warc`` / ``.warc.gz`` file name."""
    return name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """True when the first bytes are a WARC header (or gzip, for a .warc.gz checked by name)."""
    return head.startswith(b"WARC/")


def read_warc(
    path: str | os.PathLike[str], settings: Settings | None = None, published: date | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles of the HTML responses in a WARC file.

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
    head = _head(p)
    if not head.startswith((b"WARC/", b"filedesc://")):
        raise MalformedWARCError(f"{p}: not a WARC file (it does not start with a WARC record header)")
    return _records(p, settings, published)


def _head(p: Path) -> bytes:
    """The first bytes of the file, decompressed when it is gzip."""
    with p.open("rb") as fh:
        raw = fh.read(64)
        if not raw.startswith(b"\x1f\x8b"):
            return raw
        fh.seek(0)
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                return gz.read(64)
        except (OSError, EOFError):
            return b""


def _records(p: Path, settings: Settings, published: date | None) -> Iterator[Article | ReadFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with p.open("rb") as fh:
        try:
            it = ArchiveIterator(fh)
            for record in it:
                n += 1
                if record.rec_type != "response":
                    continue
                src = f"{p}#{n}"  # record number (asking warcio for the offset would consume the record)
                http = record.http_headers
                if http is None:
                    continue
                status = http.get_statuscode()
                ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if status != "200" or ctype not in HTML_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    payload = record.content_stream().read(settings.max_input_bytes + 1)
                    if len(payload) > settings.max_input_bytes:
                        yield ReadFailure(src, "E104", f"{src}: page is over the limit of "
                                          f"{settings.max_input_bytes:,} bytes (setting input.max_bytes)")
                        continue
                    meta = Meta(url=uri, source=urlparse(uri).netloc if uri else None, format="warc",
                                extra={"record": src})
                    art = html_to_article(payload, url=uri, meta=meta, name=uri or src)
                    art.meta.format = "warc"
                    if published is not None:
                        art.meta.published = published
                    yield art
                except MarsadError as exc:
                    yield ReadFailure.from_error(src, exc)
        except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
            err = MalformedWARCError(f"{p}: not a valid WARC file (after {n} records): {exc}")
            yield ReadFailure.from_error(str(p), err)
