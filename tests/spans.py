"""Test support: character spans of surfaces in hand-written texts."""

from __future__ import annotations


def find_span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """The (start, end) of the nth occurrence (from 0) of ``surface`` in ``text``.

    Raises:
        ValueError: ``text`` holds fewer than nth + 1 occurrences.
    """
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return pos, pos + len(surface)
