"""The time that governs an event's clause (issue 16 part 3): marsad.times.eventdate.governing_time."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.text.clauses import date_clause_bounds
from marsad.text.normalize import normalize_string
from marsad.times.component import extract_times
from marsad.times.eventdate import governing_time

PUB = date(2017, 11, 21)  # a Tuesday


def _article(text: str, published: date | None = PUB) -> Article:
    art = Article("g", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    art.sentences = [Sentence("s1", 0, len(text), "b1", prov)]
    art.times = extract_times(art)
    return art


def _date_of(text: str, trigger: str, published: date | None = PUB) -> tuple[str | None, str | None]:
    art = _article(text, published)
    s = text.index(trigger)
    t = governing_time(art, s, s + len(trigger), "s1")
    return (None, None) if t is None else (t.value, t.id)


@pytest.mark.parametrize(("text", "trigger", "value"), [
    # the time of the trigger's own clause
    ("استقبل الوزير أمس السفير الفرنسي في مكتبه.", "استقبل", "2017-11-20"),
    # a complement clause: the day of the statement does not date what it reports
    ("قال المتحدث أمس إن الشرطة اعتقلت ثلاثة مشتبه بهم.", "اعتقلت", "2017-11-21"),
    # ... and a time inside the complement dates the reported event
    ("قال المتحدث إن الشرطة اعتقلت يوم الأحد ثلاثة مشتبه بهم.", "اعتقلت", "2017-11-19"),
    # a relative clause dates its head noun, not the main clause
    ("أدان المجلس الهجوم الذي وقع يوم الأحد في المدينة.", "أدان", "2017-11-21"),
    ("أدان المجلس الهجوم الذي وقع يوم الأحد في المدينة.", "الهجوم", "2017-11-19"),
    ("أدان المجلس الهجوم الانتحاري الذي وقع يوم الأحد.", "الهجوم", "2017-11-19"),
    ("أدان الهجوم الذي وقع يوم الأحد في المدينة.", "أدان", "2017-11-21"),
    # a clause after «، و» + verb with a time of its own
    ("وقع الوزيران الاتفاق في العاصمة، وسيلتقي الرئيسان الأسبوع المقبل.", "وقع", "2017-11-21"),
    # ... and one without a time goes on with the clause before it
    ("زار الرئيس موسكو أمس، حيث التقى نظيره، وبحثا العلاقات بين البلدين.", "وبحثا", "2017-11-20"),
    # a reference point (منذ) and a deadline (حتى) are not the event's date
    ("تحاصر القوات المدينة منذ الأسبوع الماضي.", "تحاصر", "2017-11-21"),
    ("مدد المجلس العقوبات حتى الأول من يناير.", "مدد", "2017-11-21"),
    # a short quoted phrase is no quotation: its clause goes on after it
    ("قتل جنديان في حادث \"نيران صديقة\" اليوم الثلاثاء في الجنوب.", "قتل", "2017-11-21"),
    # the nearest time of the clause wins over a coarser, farther one
    ("في أكتوبر 2016 وقبل عام من الانتخابات التقى الوزيران يوم الأحد.", "التقى", "2017-11-19"),
])
def test_times_eventdate_clause_governing_time(text: str, trigger: str, value: str) -> None:
    assert _date_of(text, trigger)[0] == value


def test_times_eventdate_clause_no_time_takes_the_publication_record() -> None:
    assert _date_of("رحب الاتحاد الأوروبي بالمبادرة الجديدة.", "رحب") == ("2017-11-21", "t0")


def test_times_eventdate_clause_without_publication_date_or_dateline() -> None:
    assert _date_of("رحب الاتحاد الأوروبي بالمبادرة الجديدة.", "رحب", published=None) == (None, None)


def test_times_eventdate_clause_bounds_kinds() -> None:
    norm = normalize_string("قال الوزير إن الوفد الذي وصل أمس، وسيغادر غدا، حيث يلتقي «الرئيس».")
    kinds = [k for _, k in date_clause_bounds(norm, 0, len(norm))]
    assert kinds == ["start", "complement", "relative", "comma", "where", "punct"]
