"""The seed article (published Tuesday 2017-11-21): the times layer through the real pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article, Meta, RelativeTime
from marsad.pipeline import Pipeline

pytestmark = pytest.mark.shared


def _run(seed_path: Path, published: date | None) -> dict[str, tuple[str | None, str, RelativeTime | None]]:
    art = Article("seed", seed_path.read_text("utf-8"), meta=Meta(published=published))
    Pipeline.from_names(["structure", "sentences", "times"])(art)
    assert art.times is not None
    art.check_offsets()
    return {art.text[t.start : t.end]: (t.value, t.granularity, t.relative) for t in art.times}


@pytest.mark.parametrize(
    ("surface", "value", "granularity"),
    [
        ("مساء أمس الإثنين", "2017-11-20TEV", "part_of_day"),
        ("اليوم الثلاثاء", "2017-11-21", "day"),
        ("أكتوبر 2015", "2015-10", "month"),
        ("هذا الأسبوع", "2017-W47", "week"),
        ("مساء الاثنين", "2017-11-20TEV", "part_of_day"),
    ],
)
def test_times_seed_resolves_against_publication_date(
    seed_path: Path, surface: str, value: str, granularity: str
) -> None:
    found = _run(seed_path, date(2017, 11, 21))
    assert found[surface][:2] == (value, granularity)


@pytest.mark.parametrize(
    ("surface", "relative"),
    [
        ("مساء أمس الإثنين", RelativeTime("day", -1, 0, "evening")),
        ("اليوم الثلاثاء", RelativeTime("day", 0, 1)),
        ("هذا الأسبوع", RelativeTime("week", 0)),
        ("مساء الاثنين", RelativeTime("day", -1, 0, "evening")),
    ],
)
def test_times_seed_without_date_stays_relative(seed_path: Path, surface: str, relative: RelativeTime) -> None:
    found = _run(seed_path, None)
    assert found[surface][0] is None
    assert found[surface][2] == relative
    assert found["أكتوبر 2015"][0] == "2015-10"
