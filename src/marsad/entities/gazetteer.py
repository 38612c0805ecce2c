"""Dictionary matching: Aho-Corasick over the normalised view, clitic-aware, longest match, token-bounded.

A hit counts only when it ends at a word end and starts at a word start or right after a proclitic
string from ``marsad.text.tokens.PROCLITICS`` (``وبوتين``, ``لروسيا``, ``بالكرملين``). Keys stored
without their ``ال`` (``كرملين`` for ``الكرملين``) count only after a proclitic ending in ``ال`` or
``لل`` (``للكرملين``). Overlaps are settled longest first; spans are mapped back to the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from marsad.kb.records import Resources
from marsad.text.normalize import NormText
from marsad.text.tokens import PROCLITICS

_PROCLITICS = frozenset(PROCLITICS)
_ARTICLE_PROCLITICS = frozenset(p for p in PROCLITICS if p.endswith(("ال", "لل")))
_PLAIN_PROCLITICS = _PROCLITICS - _ARTICLE_PROCLITICS
_WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Match:
    """A dictionary hit.

    Attributes:
        start: Source start of the name (after any proclitic).
        end: Source end.
        nstart: Start in the normalised view.
        nend: End in the normalised view.
        key: The normalised key that matched.
        entries: ``(kind, index)`` pairs of resource records sharing the key.
        token: Index of the first word token the match lies in (in the normalised view).
        last_token: Index of the last word token.
    """

    start: int
    end: int
    nstart: int
    nend: int
    key: str
    entries: tuple[tuple[str, int], ...]
    token: int
    last_token: int


def word_spans(norm: str) -> list[tuple[int, int]]:
    """(start, end) of the words (runs of letters and digits) of a normalised text."""
    return [m.span() for m in _WORD.finditer(norm)]


def find(res: Resources, nt: NormText, words: list[tuple[int, int]] | None = None) -> list[Match]:
    """All token-bounded, clitic-aware, non-overlapping (longest first) dictionary matches.

    Args:
        res: Compiled resources.
        nt: The normalised view of the text.
        words: Word spans of ``nt.norm`` if already computed.

    Returns:
        Matches in text order.
    """
    norm = nt.norm
    text = nt.text
    if words is None:
        words = word_spans(norm)
    if not words:
        return []
    # word index at each word start / end position
    starts = {s: i for i, (s, _) in enumerate(words)}
    ends = {e: i for i, (_, e) in enumerate(words)}
    word_of = _word_index(words, len(norm))
    cands: list[tuple[int, int, str, tuple[tuple[str, int], ...], int, int]] = []
    for last, (key, entries) in res.automaton.iter(norm):
        nend = last + 1
        wlast = ends.get(nend)
        if wlast is None:
            continue
        nstart = nend - len(key)
        wfirst = starts.get(nstart)
        if wfirst is not None:
            picked = tuple((k, i) for k, i, needs_article in entries if not needs_article)
        else:
            w = word_of[nstart]
            if w < 0:
                continue
            prefix = norm[words[w][0] : nstart]
            if prefix in _ARTICLE_PROCLITICS:
                picked = tuple((k, i) for k, i, needs_article in entries if needs_article)
            elif prefix in _PLAIN_PROCLITICS:
                picked = tuple((k, i) for k, i, needs_article in entries if not needs_article)
            else:
                continue
            wfirst = w
        if picked:
            cands.append((nstart, nend, key, picked, wfirst, wlast))
    # longest first, then leftmost
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(len(norm) + 1)
    out: list[Match] = []
    for nstart, nend, key, picked, wfirst, wlast in cands:
        if any(taken[nstart:nend]):
            continue
        taken[nstart:nend] = b"\x01" * (nend - nstart)
        s, e = nt.to_source(nstart, nend)
        while e < len(text) and (text[e] == "\u0640" or unicodedata.category(text[e]) == "Mn"):
            e += 1  # trailing tashkeel / tatweel belong to the last word
        out.append(Match(s, e, nstart, nend, key, picked, wfirst, wlast))
    out.sort(key=lambda m: m.nstart)
    return out


def _word_index(words: list[tuple[int, int]], n: int) -> list[int]:
    """For each position of the text, the index of the word it lies in (-1 outside words)."""
    idx = [-1] * n
    for i, (s, e) in enumerate(words):
        idx[s:e] = [i] * (e - s)
    return idx
