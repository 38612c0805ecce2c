"""«day month المقبل/الماضي» is the nearest such day after/before the publication date, never a year's jump.

Issue 18, item 6: «سيعقد الاجتماع في 27 أغسطس المقبل», published 2015-08-01, was resolved to 2016-08-27.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Meta
from marsad.pipeline import Pipeline


def _values(text: str, published: date) -> list[str | None]:
    art = Article("t", text, Meta(published=published))
    Pipeline.from_names(["structure", "sentences", "times"])(art)
    return [t.value for t in art.times or []]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("سيعقد الاجتماع في 27 أغسطس المقبل.", date(2015, 8, 1), "2015-08-27"),
        ("تبدأ الدورة في 5 أغسطس القادم.", date(2015, 8, 1), "2015-08-05"),
        ("يعود الوفد في 3 يوليو المقبل.", date(2015, 8, 1), "2016-07-03"),
        ("افتتح المعرض في 20 يوليو الماضي.", date(2015, 8, 1), "2015-07-20"),
        ("وقعت الحادثة في 10 أغسطس الماضي.", date(2015, 8, 1), "2014-08-10"),
        ("بدأت الحملة في 25 ديسمبر الماضي.", date(2016, 1, 3), "2015-12-25"),
        ("تنتهي المهلة في 2 يناير المقبل.", date(2015, 12, 20), "2016-01-02"),
        ("تعقد القمة في أغسطس المقبل.", date(2015, 7, 1), "2015-08"),
    ],
)
def test_times_next_last_day_is_the_nearest(text: str, published: date, value: str) -> None:
    assert _values(text, published) == [value]
