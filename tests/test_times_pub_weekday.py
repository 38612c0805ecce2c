"""A bare weekday that is the publication's own weekday names the publication day (the real gold: a title
``... تغادر المستشفى الجمعة`` and ``أعلن الجمعة أن`` in Friday papers), even in a report filed the day before."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.times.component import extract_times

FRIDAY = date(2019, 5, 17)


def _times(text: str) -> dict[str, str | None]:
    art = Article("w", text, meta=Meta(published=FRIDAY))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    return {text[t.start:t.end]: t.value for t in extract_times(art)}


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("أعلن وزير الخارجية الجمعة أن بلاده ستستضيف مؤتمرا للسلام.", "الجمعة", "2019-05-17"),
    # another weekday is still the last one before the publication
    ("أعلن وزير الخارجية الخميس أن بلاده ستستضيف مؤتمرا للسلام.", "الخميس", "2019-05-16"),
    ("أعلن وزير الخارجية السبت أن بلاده ستستضيف مؤتمرا للسلام.", "السبت", "2019-05-11"),
    # a week back is written with الماضي
    ("أعلن وزير الخارجية الجمعة الماضي أن بلاده ستستضيف مؤتمرا للسلام.", "الجمعة الماضي", "2019-05-10"),
])
def test_a_bare_weekday_of_the_publication_is_that_day(text: str, surface: str, value: str) -> None:
    assert _times(text)[surface] == value


def test_a_filed_report_keeps_the_publication_weekday_on_the_publication_day() -> None:
    # filed on Thursday (أمس «الأربعاء» in a Friday paper): its Friday is the publication day, not a week back,
    # while the other day words count from the filing day
    got = _times("وقال المسؤول أمس «الأربعاء» إن المريضة ستغادر المستشفى الجمعة بعد تحسن حالتها، وكانت نقلت "
                 "إليه صباح أمس.")
    assert got["الجمعة"] == "2019-05-17"
    assert got["صباح أمس"] == "2019-05-15TMO"
