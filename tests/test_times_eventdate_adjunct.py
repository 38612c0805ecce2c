"""A noun that is an adjunct of its clause's verb (after بعد/رغم/غداة ..., or with a purpose ل) is not dated by
the verb's time before it (issue 16 part 3, the dev units): marsad.times.eventdate.governing_time."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.times.component import extract_times
from marsad.times.eventdate import governing_time

PUB = date(2017, 11, 21)  # a Tuesday


def _date_of(text: str, trigger: str) -> str | None:
    art = Article("g", text, meta=Meta(published=PUB))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    art.times = extract_times(art)
    s = text.index(trigger)
    t = governing_time(art, s, s + len(trigger), "s1")
    return None if t is None else t.value


@pytest.mark.parametrize(("text", "trigger", "value"), [
    # a purpose ل on the noun: the charge is not dated by the day of the hearing
    ("ستمثل الشركة أمام المحكمة الثلاثاء المقبل لاتهامها بالتهرب من الضرائب.", "لاتهامها", "2017-11-21"),
    ("أرسلت الحكومة طائرات الأسبوع الماضي لمساعدة المزارعين.", "لمساعدة", "2017-11-21"),
    # a noun after بعد or رغم tells of something else than the verb's day
    ("عاد الهدوء إلى المدينة أمس بعد اشتباكات عنيفة.", "اشتباكات", "2017-11-21"),
    ("قصف الجيش أمس مواقع المسلحين رغم الهدنة.", "الهدنة", "2017-11-21"),
    # a definite noun farther inside the adjunct phrase too
    ("أقالت الصحيفة الأربعاء أحد محرريها بعد تغريدة ربط فيها الوزير بالهجوم على السفارة.", "بالهجوم", "2017-11-21"),
    # the verb itself keeps its time
    ("قصف الجيش أمس مواقع المسلحين رغم الهدنة.", "قصف", "2017-11-20"),
    # من قبل is «by», no adjunct
    ("تعرض الموكب أمس لهجوم من قبل المسلحين.", "المسلحين", "2017-11-20"),
    # a time after the noun still dates it
    ("عاد الهدوء بعد اشتباكات وقعت يوم الأحد.", "اشتباكات", "2017-11-19"),
])
def test_times_eventdate_adjunct_noun(text: str, trigger: str, value: str) -> None:
    assert _date_of(text, trigger) == value
