"""The normalised matching view of a text, with an exact offset map back to the source.

Matching (gazetteers, patterns, time expressions) runs on ``NormText.norm``; every
hit is mapped back with ``NormText.to_source`` so spans are stored against the
untouched source text.

What is folded:
    tashkeel and Quranic marks (removed), tatweel (removed), zero-width and bidi
    controls (removed), alef forms أ إ آ ٱ → ا, hamza seats ؤ → و and ئ → ي,
    alef maqsura ى → ي, Persian ک ی → ك ي, ta marbuta ة → ه (optional),
    Arabic-Indic and Persian digits → 0-9, presentation forms → base letters
    (NFKC; a ligature such as ﻻ becomes two letters mapping to one source
    character), no-break spaces → space, Latin capitals → lower case.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

_REMOVE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # tashkeel, Quranic marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"  # zero-width, bidi, soft hyphen
)
_REMOVE_RE = re.compile(f"[{_REMOVE}]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")

_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ک": "ك",
    "ی": "ي",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)
for _c in range(ord("A"), ord("Z") + 1):
    _MAP[chr(_c)] = chr(_c + 32)


@cache
def _table(fold_ta_marbuta: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _MAP.items()}
    for ch in _expand_class(_REMOVE):
        table[ord(ch)] = None
    if fold_ta_marbuta:
        table[ord("ة")] = "ه"
    return table


def _expand_class(spec: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class NormText:
    """A source text and its matching view.

    Attributes:
        text: The untouched source text.
        norm: The normalised view.
        offsets: ``offsets[i]`` is the source index of ``norm[i]``; None when the
            view has the same length as the source (the identity map).
    """

    text: str
    norm: str
    offsets: tuple[int, ...] | None

    def source_index(self, i: int) -> int:
        """Source index of the norm character at ``i``."""
        return i if self.offsets is None else self.offsets[i]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a norm span ``[start, end)`` to the source span that it came from."""
        if self.offsets is None:
            return start, end
        if start >= end:
            s = self.offsets[start] if start < len(self.offsets) else len(self.text)
            return s, s
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the norm span covering the same characters."""
        if self.offsets is None:
            return start, end
        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)


def _nfkc(ch: str) -> str:
    """NFKC of one presentation form; isolated tashkeel forms (U+FE70-FE7E) lose the space NFKC puts
    before the mark, which would otherwise split the word they sit in."""
    out = unicodedata.normalize("NFKC", ch)
    return out.lstrip(" ") if "\ufe70" <= ch <= "\ufe7f" else out


def normalize_string(s: str, fold_ta_marbuta: bool = True) -> str:
    """The matching form of a short string (a dictionary entry, a query)."""
    if _PRESENTATION_RE.search(s):
        s = "".join(_nfkc(ch) if _PRESENTATION_RE.match(ch) else ch for ch in s)
    return s.translate(_table(fold_ta_marbuta))


def normalize(text: str, fold_ta_marbuta: bool = True) -> NormText:
    """Build the matching view of ``text`` with its offset map (the last few views are kept: the layers of a
    pipeline each ask for the view of the same article text; a ``NormText`` is immutable)."""
    return _normalize(text, fold_ta_marbuta)


@lru_cache(maxsize=8)
def _normalize(text: str, fold_ta_marbuta: bool) -> NormText:
    table = _table(fold_ta_marbuta)
    if _PRESENTATION_RE.search(text):
        return _normalize_slow(text, table)
    norm = text.translate(table)
    if len(norm) == len(text):
        return NormText(text, norm, None)
    return NormText(text, norm, _kept(text, 0, len(text)))


def _kept(text: str, a: int, b: int) -> tuple[int, ...]:
    """The source indexes in ``[a, b)`` of the characters the table keeps (it removes exactly ``_REMOVE``)."""
    keep = bytearray(b"\x01") * (b - a)
    for m in _REMOVE_RE.finditer(text, a, b):
        keep[m.start() - a] = 0
    return tuple(compress(range(a, b), keep))


def _normalize_slow(text: str, table: dict[int, str | None]) -> NormText:
    """The view of a text with presentation forms: each form by NFKC (one source character may give two), the
    stretches between them translated at once."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _PRESENTATION_RE.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i].translate(table))
            offsets.extend(_kept(text, pos, i))
        for out in _nfkc(text[i]).translate(table):
            parts.append(out)
            offsets.append(i)
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:].translate(table))
        offsets.extend(_kept(text, pos, len(text)))
    return NormText(text, "".join(parts), tuple(offsets))
