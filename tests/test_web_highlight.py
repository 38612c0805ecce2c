"""Cutting an article into highlighted segments from its offsets."""

from __future__ import annotations

import pytest

from marsad.article import Article, Entity, Meta, Provenance
from marsad.web.highlight import hover_data, segment
from webstore import demo_article, script_article


@pytest.mark.parametrize("make", [demo_article, script_article])
def test_web_highlight_segments_rebuild_each_block(make: object) -> None:
    art = make()  # type: ignore[operator]
    views = segment(art)
    if art.structure:
        for view, block in zip(views, art.structure, strict=True):
            assert "".join(s.text for s in view.segments) == art.text[block.start:block.end]
    else:
        assert "".join(s.text for v in views for s in v.segments) == art.text


def test_web_highlight_nested_records_share_a_segment() -> None:
    art = demo_article()
    segs = [s for v in segment(art) for s in v.segments]
    putin = next(s for s in segs if s.text == "فلاديمير بوتين")
    assert putin.classes == "a ev ent ent-PERS" and putin.ids == "ev1 e2"
    pred = next(s for s in segs if s.text == "أجرى")
    assert pred.classes == "a ev evp" and pred.ids == "ev1"
    plain = next(s for s in segs if s.text.startswith("أردوغان وبوتين"))
    assert plain.classes == "" and plain.ids == ""


def test_web_highlight_hover_data_explains_each_record() -> None:
    data = hover_data(demo_article())
    assert data["ev3"]["type"] == "ASSAULT" and data["ev3"]["pattern"] == "assault:qasf"
    assert data["ev3"]["predicate"] == "قصف" and data["ev3"]["place"] == "أوديسا"
    assert data["q1"]["speaker_name"] == "Recep Tayyip Erdogan" and data["q1"]["cue"] == "وقال"
    assert data["e5"]["link"]["country"] == "UKR"


def test_web_highlight_ignores_spans_outside_the_text() -> None:
    prov = Provenance("entities", "test")
    art = Article("x", "نص قصير", Meta(), entities=[Entity("e1", 3, 99, "PERS", "ner", prov)])
    views = segment(art)
    assert [(s.text, s.ids) for v in views for s in v.segments] == [("نص قصير", "")]
