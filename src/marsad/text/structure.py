"""The ``structure`` component: headline, section, captions, sub-headings and paragraphs.

Built for plain-text news dumps, where each non-blank line is one unit and lines of
only whitespace (spaces, no-break spaces, bidi marks) separate them:

* **headline**: the first non-blank line (unless it is a long paragraph);
* **section**: a short line right after the headline, without final punctuation,
  that is not a caption (``تقارير وحوارات``);
* **caption**: a short line with letters that occurs more than once (a photo caption
  repeated by the page dump) right next to its repeat or without final punctuation;
  the first occurrence is a caption block and every repeat is a caption block whose
  ``ref`` is the first one's id. List items and lines ending with a comma are never
  captions. Lines that start with ``صورة``/``الصورة`` are captions too;
* **byline**: a short line starting with ``بقلم`` or ``كتب``, or two short parts
  joined by a dash (``سلمى الحربي – الرياض``, ``وكالة الأنباء – جدة``);
* **subheading**: a short line without final punctuation followed by a paragraph
  (not after another such line: that is a poem or a list);
* **paragraph**: every other line.

The same rules cover JSON lines records, whose text is ``title + "\\n\\n" + content``
(see ``marsad.ingest.readers``). A structure layer assigned by a reader (HTML pages
carry their own markup) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.article import Article, Block
from marsad.settings import Settings
from marsad.text.normalize import normalize_string

VERSION = "structure-1"

# Whitespace plus the invisible marks that news dumps leave on otherwise blank lines.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
STRIP = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + _INVISIBLE
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
FINAL_PUNCT = frozenset(".!?؟:؛;…")
CLOSERS = "\"'»”’)]}›"
NON_FINAL_END = frozenset("،,-–—")
_TAIL = CLOSERS + STRIP
_BYLINE = re.compile(r"(?:بقلم|كتب|كتبت|إعداد|تقرير)\s*[:\-–]?\s")
_DASHED = re.compile(r"[^\s–—-]+(?:\s+[^\s–—-]+){0,3}\s*[–—-]\s*[^\s–—-]+(?:\s+[^\s–—-]+){0,3}")
_NOT_HEADING = re.compile(r"@|://|www\.")
_LETTER = re.compile(r"[^\W\d_]")
_LIST_MARK = re.compile(r"(?:[*•·▪◦-]|\d{1,2}[.)-]|[(\[]\d{1,2}[)\]])\s*")
_CAPTION_START = re.compile(r"[(\[]?\s*(?:صورة|الصورة|صور|أرشيفية)\b")

HEADLINE_MAX_WORDS = 30
SECTION_MAX_WORDS = 4
SECTION_MAX_CHARS = 40
CAPTION_MAX_WORDS = 12
SUBHEADING_MAX_WORDS = 12
SUBHEADING_MAX_CHARS = 100


@dataclass(slots=True)
class Unit:
    """One non-blank line: its trimmed span and what the rules look at."""

    start: int
    end: int
    words: int
    final: bool  # ends with final punctuation (after closing quotes/brackets)
    open_end: bool  # ends with a comma or a dash: the line goes on
    key: str  # matching form, for repeat detection ("" when the line cannot be a caption)
    letters: bool  # holds at least one letter
    listed: bool  # starts with a list marker (``*``, ``-``, ``1.``, ``(2)``)


def units(text: str) -> list[Unit]:
    """The non-blank lines of ``text`` with their trimmed spans."""
    out: list[Unit] = []
    for m in _LINE.finditer(text):
        line = m.group()
        core = line.strip(STRIP)
        if not core:
            continue
        start = m.start() + len(line) - len(line.lstrip(STRIP))
        end = start + len(core)
        tail = core.rstrip(_TAIL) or core
        words = len(core.split(None, HEADLINE_MAX_WORDS + 1))  # counted up to what the rules look at
        open_end = tail[-1] in NON_FINAL_END
        letters = _LETTER.search(core) is not None
        listed = _LIST_MARK.match(core) is not None
        # only short lines with letters can be captions, so only they need a matching key
        captionable = words <= CAPTION_MAX_WORDS and not open_end and letters and not listed
        key = " ".join(normalize_string(core).split()) if captionable else ""
        out.append(Unit(start, end, words, tail[-1] in FINAL_PUNCT, open_end, key, letters, listed))
    return out


def _is_short(u: Unit, max_words: int, max_chars: int) -> bool:
    return u.words <= max_words and u.end - u.start <= max_chars


def _heading_like(u: Unit) -> bool:
    return u.letters and not u.final and not u.open_end and _is_short(u, SUBHEADING_MAX_WORDS, SUBHEADING_MAX_CHARS)


def _repeated_caption(us: list[Unit], i: int, counts: dict[str, int]) -> bool:
    """A repeated short line is a caption when its repeat is adjacent or it has no final punctuation."""
    u = us[i]
    if counts.get(u.key, 0) < 2:
        return False
    adjacent = (i > 0 and us[i - 1].key == u.key) or (i + 1 < len(us) and us[i + 1].key == u.key)
    return adjacent or not u.final


def classify(text: str) -> list[tuple[int, int, str, int | None]]:
    """``(start, end, kind, ref_index)`` for each unit; ``ref_index`` points to the first caption."""
    us = units(text)
    if not us:
        return []
    counts: dict[str, int] = {}
    for u in us:
        if u.key:
            counts[u.key] = counts.get(u.key, 0) + 1
    first_caption: dict[str, int] = {}
    kinds: list[str] = []
    refs: list[int | None] = []
    has_headline = us[0].words <= HEADLINE_MAX_WORDS
    for i, u in enumerate(us):
        ref = first_caption.get(u.key) if u.key else None
        kind = "paragraph"
        if i == 0 and has_headline:
            kind = "headline"
        elif u.key and (ref is not None or _repeated_caption(us, i, counts) or _CAPTION_START.match(text, u.start)):
            kind = "caption"
        elif not u.final and u.words <= 8 and _DASHED.fullmatch(text, u.start, u.end):
            kind = "byline"  # ``name – place`` / ``agency – city``
        elif (
            i == 1
            and has_headline
            and not u.final
            and not u.open_end
            and u.letters
            and not u.listed
            and _is_short(u, SECTION_MAX_WORDS, SECTION_MAX_CHARS)
        ):
            kind = "section"
        elif u.words <= 8 and _BYLINE.match(text, u.start):
            kind = "byline"
        elif _heading_like(u) and i + 1 < len(us) and not _heading_like(us[i + 1]) and not _NOT_HEADING.search(
            text, u.start, u.end
        ):
            prev = us[i - 1] if i else None
            # a long unfinished line before it: hard-wrapped text; a short one: a poem or a list
            wrapped = prev is not None and not prev.final and prev.words > SUBHEADING_MAX_WORDS
            verse = prev is not None and kinds[-1] == "paragraph" and _heading_like(prev)
            if not (wrapped or verse):
                kind = "subheading"
        kinds.append(kind)
        refs.append(ref if kind == "caption" else None)
        if kind == "caption":
            first_caption.setdefault(u.key, i)
    return [(u.start, u.end, k, r) for u, k, r in zip(us, kinds, refs, strict=True)]


def blocks(article: Article) -> list[Block]:
    """The structure layer of an article's text."""
    prov = article.provenance("structure", VERSION)
    out: list[Block] = []
    for i, (start, end, kind, ref) in enumerate(classify(article.text), 1):
        out.append(Block(f"b{i}", start, end, kind, prov, None if ref is None else f"b{ref + 1}"))
    return out


class StructureComponent:
    """Assigns the ``structure`` layer (kept when a reader already assigned it)."""

    name = "structure"
    version = VERSION
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("structure",)

    def __call__(self, article: Article) -> None:
        if article.structure is None:
            article.structure = blocks(article)


def make_component(settings: Settings) -> StructureComponent:
    return StructureComponent()
