"""Where an article says a place stands: datelines, and names after a locative cue that no dictionary has.

- **Datelines**: in the first lines of an article, the header before a colon (or a short line with a dash)
  split at dashes and colons (``الرياض - واس``، ``عين اليوم – المنامة``، ``فهد العتيبي - سبق - الطائف :``);
  a place name filling one of its segments is a dateline place.
- **Unknown names**: a single word after a strong locative cue (``في مدينة``، ``بمحافظة``، ``وصل … إلى``) or
  filling a dateline segment, that no dictionary matched and that looks like a foreign name (no article,
  no final ة, not a common word), is looked up by its consonant skeleton among the ASCII names of cities
  with no Arabic name (``marsad.kb.translit``): ``كرمان`` → Kerman.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.kb.records import Resources
from marsad.kb.translit import arabic_skeleton, usable

DATELINE_WINDOW = 600  # datelines start in the first characters of an article
_HEADER_MAX = 90
_SEGMENT = re.compile(r"[^\-–—:|/\n]+")
_LINE = re.compile(r"[^\n]+")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
MIN_TRANSLIT_LETTERS = 4


def dateline_segments(norm: str) -> set[tuple[int, int]]:
    """(start, end) of the stripped segments of dateline headers in a normalised text."""
    out: set[tuple[int, int]] = set()
    for line in _LINE.finditer(norm[:DATELINE_WINDOW]):
        body = line.group(0)
        colon = body.find(":")
        if 0 < colon <= _HEADER_MAX:
            header = body[:colon]
        elif len(body.strip()) <= _HEADER_MAX // 1.5 and re.search(r"\s[\-–—]|[\-–—]\s", body):
            header = body
        else:
            continue
        if not re.search(r"[\-–—:]", body[: len(header) + 1]):
            continue
        for seg in _SEGMENT.finditer(header):
            text = seg.group(0)
            lead = len(text) - len(text.lstrip())
            s = line.start() + seg.start() + lead
            e = line.start() + seg.end() - (len(text) - len(text.rstrip()))
            if e > s and len(text.split()) <= 4:
                out.add((s, e))
    return out


def translit_candidates(res: Resources, word: str, stop: frozenset[str] = frozenset()) -> tuple[str, list[int]]:
    """(skeleton, place indexes) for a foreign-looking single Arabic word (normalised), else ("", [])."""
    if (not _ARABIC_WORD.match(word) or len(word) < MIN_TRANSLIT_LETTERS or word.startswith("ال")
            or word.endswith(("ه", "ة")) or word in stop):
        return "", []
    sk = arabic_skeleton(word)
    if not usable(sk):
        return "", []
    return sk, list(res.translit.get(sk, ()))


def uncovered_words(n_words: int, covered: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the words no match covers (``covered``: first and last word index of each match)."""
    taken = bytearray(n_words)
    for a, b in covered:
        taken[a : b + 1] = b"\x01" * (b + 1 - a)
    return [k for k in range(n_words) if not taken[k]]
