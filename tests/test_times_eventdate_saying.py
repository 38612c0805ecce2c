"""What was said is dated by the month or year of the saying when it has no time of its own (issue 16 part 3, the
dev units: ``وقالت البحرين في يونيو الماضي إنها صادرت ...`` is dated June), through the quotes layer's cue."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Meta
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.web.extractor import pipeline_components

PUB = date(2019, 5, 17)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    s = Settings()
    return Pipeline(pipeline_components(s), s)


def _dates(pipeline: Pipeline, text: str, trigger: str) -> set[tuple[str | None, str | None]]:
    art = pipeline(Article("t", text, Meta(published=PUB)))
    return {(e.date, e.date_source) for e in art.events or []
            if text[e.evidence.predicate.start:e.evidence.predicate.end] == trigger}


@pytest.mark.parametrize(("text", "trigger", "want"), [
    # reported speech: the time of the saying clause
    ("وقال الوزير في بيان العام الماضي إن الشرطة اعتقلت خمسة مسلحين.", "اعتقلت", ("2018", "text")),
    # a direct quotation after a colon: the month of the speech
    ("وقال قائد الشرطة في مؤتمر صحفي عقده الشهر الماضي: «اعتقلنا خمسة مسلحين في المدينة».", "اعتقلنا",
     ("2019-04", "text")),
    # a day of saying does not date what was said (it happened on or before that day)
    ("وقال قائد الشرطة في مؤتمر صحفي عقده يوم الأحد: «اعتقلنا خمسة مسلحين في المدينة».", "اعتقلنا",
     ("2019-05-17", "published")),
    ("وقال الوزير في بيان أمس إن الشرطة اعتقلت خمسة مسلحين.", "اعتقلت", ("2019-05-17", "published")),
    # a time of its own in the complement wins
    ("قال المتحدث أمس إن الشرطة اعتقلت يوم الأحد ثلاثة مشتبه بهم.", "اعتقلت", ("2019-05-12", "text")),
    # a relative clause inside the quotation tells of something else
    ("وقال الوزير أمس إن المسلحين الذين قصفوا القرية فروا إلى الجبال.", "قصفوا", ("2019-05-17", "published")),
    # so does a clause after لكن
    ("وقال الوزير أمس إن الشرطة لم تعثر على الأسلحة، لكن الجيش قصف مواقع المسلحين.", "قصف",
     ("2019-05-17", "published")),
    # and a noun with a relative clause of its own
    ("قال الوزير أمس إن الحكومة تدعم الاتفاق الذي وقعته الأطراف في جنيف.", "الاتفاق", ("2019-05-17", "published")),
])
def test_times_eventdate_saying_dates_what_was_said(pipeline: Pipeline, text: str, trigger: str,
                                                     want: tuple[str, str]) -> None:
    assert want in _dates(pipeline, text, trigger)
