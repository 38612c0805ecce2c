"""RSS and Atom feeds (files or URLs) → Articles, one per feed item.

The item's text is ``title + "\\n\\n" + content`` where content is the item's full
content when the feed carries it, else its summary; HTML in it is turned into plain
paragraphs. ``Meta`` gets the item's link, the feed's title as source and the item's
published (else updated) date. URLs are fetched with urllib, with a timeout and a size
limit; a network or HTTP error is an ``E113`` naming the URL.
"""

from __future__ import annotations

import calendar
import re
import time
import urllib.error
import urllib.request
import xml.sax
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlparse

import lxml.etree
import lxml.html

from marsad.article import Article, Meta
from marsad.errors import (
    EmptyInputError,
    FetchError,
    MalformedFeedError,
    MarsadError,
    MissingFieldError,
)
from marsad.ingest.decode import read_file
from marsad.ingest.jsonl import ReadFailure
from marsad.settings import Settings

FETCH_TIMEOUT_S = 20.0
USER_AGENT = "marsad/0.1 (+feed reader)"
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})
_ITEM_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def is_url(source: str) -> bool:
    """True for an http(s) URL."""
    return urlparse(source).scheme in ("http", "https")


def looks_like_feed(name: str, head: bytes) -> bool:
    """Whether a file is an RSS/Atom feed, by its suffix and first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    markup = b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start
    return markup


def fetch(url: str, limit: int, timeout: float = FETCH_TIMEOUT_S) -> bytes:
    """Download a URL (at most ``limit`` bytes).

    Raises:
        FetchError: Network error, HTTP error status, timeout, or a body over the limit.
    """
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data: bytes = resp.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP error {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot fetch: {exc.reason}") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from exc
    except OSError as exc:
        raise FetchError(f"{url}: cannot fetch: {exc}") from exc
    if len(data) > limit:
        raise FetchError(f"{url}: the feed is over the limit of {limit:,} bytes (setting input.max_bytes)")
    return data


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element, whitespace collapsed."""
    if "<" not in fragment:
        return "\n\n".join(" ".join(p.split()) for p in fragment.split("\n\n") if p.strip())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    text = root.text_content()
    paras = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paras if p)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def _entry_content(entry: Any) -> str | None:
    for part in entry.get("content") or ():
        value = part.get("value")
        if isinstance(value, str) and value.strip():
            return value
    for key in ("summary", "description"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _malformed(parsed: Any) -> str | None:
    """Why the feed is not well-formed XML (feedparser's strict parser failed), or None."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(exc, xml.sax.SAXParseException):
        return f"the feed is not well-formed XML (line {exc.getLineNumber()}, column {exc.getColumnNumber()}: " \
               f"{exc.getMessage()})"
    return None


def parse_feed(data: bytes, name: str, published: date | None = None) -> Iterator[Article | ReadFailure]:
    """Articles of a feed, one per item.

    An item without text is a ``ReadFailure`` (E107). In a feed that is not well-formed XML
    (cut off, or broken markup) an item that is cut off (its closing tag never comes) or
    has no readable text is an ``E108``, and a cut-off feed is one more ``E108`` of its own;
    the complete items before the damage are read (feedparser recovers them).

    Raises:
        EmptyInputError: The input is empty.
        MalformedFeedError: The input is not a feed, or holds no item.
    """
    import feedparser

    if not data.strip():
        raise EmptyInputError(f"{name}: input is empty")
    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries") or ())
    if not entries:
        why = parsed.get("bozo_exception")
        detail = f": {why}" if parsed.get("bozo") and why else ""
        raise MalformedFeedError(f"{name}: not an RSS/Atom feed, or a feed without items{detail}")
    feed_title = (parsed.get("feed") or {}).get("title")
    broken = _malformed(parsed)
    closed = len(_ITEM_END.findall(data)) if broken else len(entries)
    for i, entry in enumerate(entries, 1):
        src = f"{name}#{i}"
        if i > closed:
            yield ReadFailure.from_error(src, MalformedFeedError(f"{src}: feed item is cut off: {broken}"))
            continue
        try:
            yield _entry_article(entry, src, feed_title, published)
        except MissingFieldError as exc:
            if broken is None:
                yield ReadFailure.from_error(src, exc)
            else:
                err = MalformedFeedError(f"{src}: feed item has no readable text: {broken}")
                yield ReadFailure.from_error(src, err)
        except MarsadError as exc:
            yield ReadFailure.from_error(src, exc)
    if broken is not None and closed >= len(entries) and "no element found" in broken:
        yield ReadFailure.from_error(name, MalformedFeedError(
            f"{name}: the feed is cut off after {len(entries)} complete item(s): {broken}"))


def _entry_article(entry: Any, src: str, feed_title: str | None, published: date | None) -> Article:
    raw = _entry_content(entry)
    content = html_to_text(raw) if raw else ""
    title_raw = entry.get("title")
    title = html_to_text(title_raw) if isinstance(title_raw, str) and title_raw.strip() else None
    if not content:
        raise MissingFieldError(f"{src}: feed item has no content or summary")
    text = f"{title}\n\n{content}" if title and not content.startswith(title) else content
    link = entry.get("link")
    source = feed_title or (urlparse(link).netloc if isinstance(link, str) else None)
    meta = Meta(
        url=link if isinstance(link, str) else None,
        source=" ".join(source.split()) if source else None,
        title=title,
        author=entry.get("author") if isinstance(entry.get("author"), str) else None,
        published=published or _entry_date(entry),
        format="rss",
        extra={"record": src},
    )
    return Article("", text, meta)


def read_feed(source: str, settings: Settings | None = None, published: date | None = None) -> Iterator[
    Article | ReadFailure
]:
    """Read a feed from a file path or an http(s) URL.

    Raises:
        FetchError: The URL cannot be fetched.
        InputNotFoundError: The file does not exist.
        EmptyInputError, MalformedFeedError: The input is not a usable feed.
    """
    settings = settings or Settings()
    data = fetch(source, settings.max_input_bytes) if is_url(source) else read_file(source, settings.max_input_bytes)
    return parse_feed(data, source, published)
