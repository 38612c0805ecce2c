"""HTML page → Article, with the structure layer assigned from the page's own markup.

trafilatura finds the article body, the title, the date, the categories, the author and
the sub-headings (``<head>`` in its XML output). It drops figure captions, so captions
come from the page itself (``<figcaption>`` and ``img alt``) through lxml.

The Article text is built from the pieces, separated by blank lines:
headline, section, captions, then sub-headings and paragraphs in page order. Each piece
is one block of ``article.structure`` (the structure component leaves it alone).
``Meta.published`` comes from ``article:published_time``, ``<time datetime>`` or
trafilatura's date search (htmldate) — never from the clock.
"""

from __future__ import annotations

import re
from datetime import date

import lxml.etree
import lxml.html

from marsad.article import Article, Block, Meta
from marsad.errors import MalformedHTMLError
from marsad.ingest.decode import decode_bytes

VERSION = "structure-html-1"
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_SPACE = re.compile(r"\s+")
_ARABIC = re.compile("[\u0621-\u064a]")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _clean(s: str | None) -> str:
    return _SPACE.sub(" ", s or "").strip()


def _to_date(value: str | None) -> date | None:
    m = _DATE.search(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _page_facts(tree: lxml.html.HtmlElement) -> tuple[list[str], date | None, str | None]:
    """Captions, the published date and the canonical URL, read from the page itself."""
    captions: list[str] = []
    for el in tree.iter("figcaption"):
        cap = _clean(el.text_content())
        if cap:
            captions.append(cap)
    for img in tree.iter("img"):
        if img.xpath("ancestor::figure[.//figcaption]"):
            continue  # the figure's caption says it better than the alt text
        alt = _clean(img.get("alt"))
        if alt and _ARABIC.search(alt) and len(alt.split()) >= 2 and alt not in captions:
            captions.append(alt)
    published = None
    for xp in (
        '//meta[@property="article:published_time"]/@content',
        '//meta[@name="article:published_time"]/@content',
        '//meta[@itemprop="datePublished"]/@content',
        "//time/@datetime",
    ):
        for value in tree.xpath(xp):
            published = _to_date(str(value))
            if published:
                break
        if published:
            break
    urls = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return captions, published, (str(urls[0]) if urls else None)


def html_to_article(
    html: str | bytes,
    url: str | None = None,
    meta: Meta | None = None,
    article_id: str | None = None,
    name: str = "-",
) -> Article:
    """Build an Article (text, metadata, structure) from an HTML page.

    Args:
        html: The page, as text or bytes (bytes are decoded with encoding detection).
        url: The page URL, if known.
        meta: Metadata to start from (fields found in the page fill the empty ones).
        article_id: Id to use; default derived from the text.
        name: Name of the input, for error messages.

    Raises:
        MalformedHTMLError: The page cannot be parsed or holds no article text.
        EmptyInputError: The input is empty.
        BinaryInputError: The input is binary.
    """
    import trafilatura

    encoding = "unicode"
    if isinstance(html, bytes):
        decoded = decode_bytes(html, name)
        html, encoding = decoded.text, decoded.encoding
    html = _XML_DECL.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise MalformedHTMLError(f"{name}: cannot parse the HTML: {exc}") from exc
    xml = trafilatura.extract(
        tree, url=url, output_format="xml", with_metadata=True, include_comments=False, include_tables=False
    )
    if not xml:
        raise MalformedHTMLError(f"{name}: no article text could be extracted from the HTML")
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    captions, published, canonical = _page_facts(tree)
    title = _clean(doc.get("title"))
    section = _clean((doc.get("categories") or "").split(";")[0].split(",")[0]) or None

    pieces: list[tuple[str, str]] = []  # (kind, text)
    body: list[tuple[str, str]] = []
    main = doc.find("main")
    for el in main.iter("head", "p", "item", "quote") if main is not None else ():
        if el.tag in ("p", "quote") and el.getparent() is not None and el.getparent().tag in ("item", "quote"):
            continue
        txt = _clean("".join(el.itertext()))
        if not txt:
            continue
        if el.tag == "head":
            if txt != title:
                body.append(("subheading", txt))
        else:
            body.append(("paragraph", txt))
    if not any(k == "paragraph" for k, _ in body):
        raise MalformedHTMLError(f"{name}: no article text could be extracted from the HTML")
    if title:
        pieces.append(("headline", title))
    if section and section != title:
        pieces.append(("section", section))
    pieces.extend(("caption", c) for c in captions)
    pieces.extend(body)

    text = "\n\n".join(t for _, t in pieces)
    m = meta if meta is not None else Meta()
    if m.format == "text":  # the default: keep a caller's own format (``warc``...)
        m.format = "html"
    m.url = m.url or url or canonical or doc.get("url") or None
    m.title = m.title or title or None
    m.author = m.author or _clean(doc.get("author")) or None
    m.section = m.section or section
    m.source = m.source or _clean(doc.get("sitename")) or None
    m.published = m.published or published or _to_date(doc.get("date"))
    m.extra.setdefault("encoding", encoding)
    art = Article(article_id or "", text, m)
    art.structure = _blocks(art, pieces)
    return art


def _blocks(art: Article, pieces: list[tuple[str, str]]) -> list[Block]:
    blocks: list[Block] = []
    first: dict[str, str] = {}
    pos = 0
    for i, (kind, txt) in enumerate(pieces, 1):
        bid = f"b{i}"
        ref = None
        if kind == "caption":
            ref = first.get(txt)
            first.setdefault(txt, bid)
        blocks.append(Block(bid, pos, pos + len(txt), kind, art.provenance("structure", VERSION), ref))
        pos += len(txt) + 2
    return blocks
