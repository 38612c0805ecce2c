"""Quotes on a run-on text (no sentence punctuation): the speaker search of each cue looks back and on a bounded
window, not to the article's start or end, and a quote's speaker is still found near its cue."""

from __future__ import annotations

import pytest

from events_corpus import article
from marsad.quotes.attribution import SENT_WINDOW, _sent_end, _sent_start


@pytest.mark.parametrize("pos", [10, SENT_WINDOW - 5, SENT_WINDOW * 3 + 17])
def test_quotes_sentence_bounds_stay_in_a_window(pos: int) -> None:
    norm = "كلمة " * (SENT_WINDOW * 2)
    start = _sent_start(norm, pos)
    end = _sent_end(norm, pos)
    assert max(0, pos - SENT_WINDOW) <= start <= pos
    assert pos <= end <= min(len(norm), pos + SENT_WINDOW)
    assert start == 0 or norm[start - 1] == " "  # a word's start, not the middle of one


def test_quotes_sentence_bounds_at_punctuation() -> None:
    norm = "جملة أولى. وقال الوزير إن الجلسة انتهت. جملة ثالثة"
    cue = norm.index("وقال")
    assert _sent_start(norm, cue) == norm.index(".") + 1
    assert _sent_end(norm, cue) == norm.index(".", cue)


def test_quotes_speaker_found_in_a_long_unpunctuated_text() -> None:
    filler = "وتحدث الحضور عن المشاريع الجديدة في المنطقة " * 400
    art = article(filler + "وقال وزير الخارجية السعودي إن الاجتماع كان مثمرا وناجحا " + filler)
    qs = [q for q in art.quotes or [] if art.text[q.start:q.end].startswith("الاجتماع كان مثمرا")]
    assert len(qs) == 1
    assert qs[0].speaker_span is not None
    assert "وزير الخارجية" in art.text[qs[0].speaker_span.start:qs[0].speaker_span.end]
