"""The ``sentences`` component: an Arabic sentence splitter of our own.

Sentences are cut inside each block of the structure layer (so they never cross
blocks) on ``. ! ? ؟ ؛`` and line breaks. The Arabic comma ``،`` never ends a sentence.

Not a boundary:

* ellipses (``...``, ``…``) and a terminator followed by a comma or colon;
* decimals and dotted dates (``3.5``, ``٣٫٥``, ``21.11.2017``), list numbers (``1.``);
* abbreviations: a single letter before the period (``د.`` ``م.`` ``ص.``), dotted
  letter runs (``أ.ف.ب``, ``ق.م``), Latin letters spelled in Arabic (``بي. بي. سي.``),
  a few Latin titles (``Dr.``);
* a period glued to Latin text or inside a URL or e-mail address;
* a ``!``/``?``/``؟`` ending a short quotation that the sentence goes on after.

Quotations (``« »``, ``“ ”``, ``" "``) are paired within the block first. A quotation
inside a sentence stays in it; a long quotation holding several sentences is split
at its own terminators and the sentences that start inside it (or are wholly quoted)
get ``in_quote=True``. Quote marks that find no partner (a closing ``"`` with no
opening one) are ignored, so they never swallow the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marsad.article import Article, Provenance, Sentence
from marsad.settings import Settings
from marsad.text.structure import STRIP

VERSION = "sentences-1"

_TERM = re.compile(r"[.!?؟؛…]+|[\n\r\u2028\u2029]+")
_QUOTE = re.compile("[\"«»“”„]")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s\"«»“”<>()\[\]]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|gov|edu|int|info|io|me|tv|news|sa|eg|ae|qa|kw|bh|om|jo|lb|sy|iq|ps|ma|dz|tn|ly|sd|ye|uk|fr|de|ru|us)\b"
)
_URL_HINT = re.compile(r"://|www\.|@|\.(?:com|net|org|gov|sa)\b")
_CLOSERS = frozenset("»”’)]}›'")
_STRONG = frozenset("!?؟؛")
_ALNUM = re.compile(r"[^\W_]")
_NO_BREAK_AFTER = frozenset("،,:;-–—")
_OPEN_CONTEXT = frozenset("([{:،,-–—/«“")
# Latin letters spelled in Arabic, as in ``بي. بي. سي.`` or ``سي. إن. إن.``
_LETTER_NAMES = frozenset(
    {
        *("إيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "جيه", "إتش", "اتش", "آي", "جاي", "كي"),
        *("إل", "ال", "إم", "ام", "إن", "ان", "أو", "او", "كيو", "آر", "ار", "إس", "اس", "تي", "يو", "في"),
        *("دبليو", "إكس", "اكس", "واي", "زد"),
    }
)
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_LATIN_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "fig", "no", "vol", "gen", "col"})
SHORT_QUOTE_WORDS = 5


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch == "\u0640"


def _pairs(opener: str, closer: str) -> bool:
    """Whether a closing mark can close a quotation opened by ``opener`` (curly quotes go both ways)."""
    if closer == "»":
        return opener == "«"
    if closer == '"':
        return opener == '"'
    return opener in "“”„"


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paired quotations ``(open, close)`` (mark positions) inside ``text[start:end]``."""
    stack: list[tuple[str, int]] = []
    regions: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text, start, end):
        ch, pos = m.group(), m.start()
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        if ch in "«„":
            stack.append((ch, pos))
            continue
        if ch == "»":
            role = "close"
        else:  # " “ ” are used both ways round: decide by the neighbours
            left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT)
            right = not prev.isspace() and (nxt.isspace() or not (_is_letter(nxt) or nxt.isdigit()))
            if left and not right:
                role = "open"
            elif right and not left:
                role = "close"
            else:
                role = "close" if any(_pairs(o, ch) for o, _ in stack) else "open"
        if role == "open":
            stack.append((ch, pos))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if _pairs(stack[k][0], ch):
                regions.append((stack[k][1], pos))
                del stack[k:]
                break
    regions.sort()
    return regions


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not _URL_HINT.search(text, start, end):
        return []
    out = []
    for m in _URL.finditer(text, start, end):
        s = m.group().rstrip(".,;:!?؟،")
        out.append((m.start(), m.start() + len(s)))
    return out


def _word_before(text: str, pos: int, start: int) -> str:
    """The letters just before ``pos`` (at most eight: enough to tell an abbreviation from a word)."""
    i = pos
    stop = max(start, pos - 8)
    while i > stop and (text[i - 1].isalpha() or text[i - 1] == "\u0640"):
        i -= 1
    return text[i:pos]


def _abbreviation(text: str, pos: int, start: int) -> bool:
    """True when the period at ``pos`` closes an abbreviation."""
    word = _word_before(text, pos, start)
    if not word:
        return False
    bare = word.replace("\u0640", "")
    i = pos - len(word)
    if len(bare) == 1:
        j = i - 1
        while j >= start and text[j] == " ":
            j -= 1
        # ``2017 م.`` / ``1435هـ.``: an era marker after a year ends the sentence
        return not (j >= start and text[j].isdigit() and bare in "مه")
    if i - 2 >= start and text[i - 1] == "." and _is_letter(text[i - 2]) and not (
        i - 3 >= start and _is_letter(text[i - 3])
    ):
        return True  # the last group of a dotted run (``أ.ف.ب``, ``ج.م.ع``)
    if word in _LETTER_NAMES:
        return True
    return word.isascii() and word.lower() in _LATIN_TITLES


def _single_period_breaks(text: str, pos: int, start: int, end: int) -> bool:
    prev = text[pos - 1] if pos > start else " "
    nxt = text[pos + 1] if pos + 1 < end else " "
    if prev.isdigit() and nxt.isdigit():
        return False
    if prev.isdigit() and text[start:pos].strip(STRIP).isdigit() and pos - start <= 3:
        return False  # a list number at the start of the block
    if _is_letter(nxt) or nxt.isdigit():
        # no space after the period: an abbreviation run, a file name, a domain ... or a missing space
        word = _word_before(text, pos, start)
        if len(word) < 2 or word.isascii() or nxt.isascii() or word in _LETTER_NAMES:
            return False
        after = _WORD_AFTER.match(text, pos + 1, end)
        return not (after and after.group() in _LETTER_NAMES)  # ``بي.بي.سي``
    return not _abbreviation(text, pos, start)


def _boundaries(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> Iterator[int]:
    """Positions (exclusive ends) where a sentence ends inside ``text[start:end]``."""
    protected = _protected(text, start, end)
    for m in _TERM.finditer(text, start, end):
        run, pos = m.group(), m.start()
        if run[0] in "\n\r\u2028\u2029":
            yield pos
            continue
        if protected and any(a <= pos < b for a, b in protected):
            continue
        if _STRONG.isdisjoint(run):
            if len(run) > 1 or "…" in run:
                continue  # an ellipsis
            if not _single_period_breaks(text, pos, start, end):
                continue
        stop = m.end()
        # take closing quotes and brackets (and terminators after them) with the sentence
        while stop < end and (text[stop] in _CLOSERS or text[stop] == '"' or text[stop] in ".!?؟؛…"):
            if text[stop] == '"' and stop + 1 < end and (_is_letter(text[stop + 1]) or text[stop + 1].isdigit()):
                break  # an opening mark glued to the next word
            stop += 1
        nxt = stop
        while nxt < end and text[nxt] in STRIP:
            nxt += 1
        if nxt >= end:
            continue
        if text[nxt] in _NO_BREAK_AFTER:
            continue
        if run[-1] in "!?؟" and _ends_short_quote(text, pos, stop, regions):
            continue
        yield stop


def _ends_short_quote(text: str, pos: int, stop: int, regions: list[tuple[int, int]]) -> bool:
    for o, c in regions:
        if pos < c < stop:
            return len(text[o + 1 : c].split()) <= SHORT_QUOTE_WORDS
    return False


def _in_quote(text: str, s: int, e: int, regions: list[tuple[int, int]]) -> bool:
    for o, c in regions:
        if o < s < c:
            return True
        if o == s:
            last = e - 1
            while last > s and not (text[last].isalnum()):
                last -= 1
            return c > last
    return False


def split_block(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Sentences ``(start, end, in_quote)`` of ``text[start:end]``, trimmed of whitespace."""
    regions = _quote_regions(text, start, end) if _QUOTE.search(text, start, end) else []
    cuts = [*_boundaries(text, start, end, regions), end]
    out: list[tuple[int, int, bool]] = []
    s = start
    for cut in cuts:
        a, b = s, cut
        while a < b and text[a] in STRIP:
            a += 1
        while b > a and text[b - 1] in STRIP:
            b -= 1
        s = cut
        if a >= b:
            continue
        if not _ALNUM.search(text, a, b):
            if out:  # stray punctuation joins the sentence before it
                out[-1] = (out[-1][0], b, out[-1][2])
            else:
                s = a
            continue
        out.append((a, b, False))
    return [(a, b, _in_quote(text, a, b, regions)) for a, b, _ in out]


def sentences(article: Article, prov: Provenance | None = None) -> list[Sentence]:
    """The sentence layer of an article with a structure layer."""
    prov = prov or article.provenance("sentences", VERSION)
    out: list[Sentence] = []
    text = article.text
    for block in article.structure or ():
        for a, b, quoted in split_block(text, block.start, block.end):
            out.append(Sentence(f"s{len(out) + 1}", a, b, block.id, prov, quoted))
    return out


class SentenceComponent:
    """Assigns the ``sentences`` layer."""

    name = "sentences"
    version = VERSION
    requires: tuple[str, ...] = ("structure",)
    assigns: tuple[str, ...] = ("sentences",)

    def __call__(self, article: Article) -> None:
        article.sentences = sentences(article)


def make_component(settings: Settings) -> SentenceComponent:
    return SentenceComponent()
