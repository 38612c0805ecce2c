"""Event dates say where they came from (issue 16 part 3), and ``marsad eval events`` scores them."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Meta
from marsad.eval.events import DateTally
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.web.extractor import pipeline_components


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    s = Settings()
    return Pipeline(pipeline_components(s), s)


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    art = pipeline(Article("t", text, Meta(published=date(2019, 5, 14))))
    return [(e.type, e.date, e.date_source) for e in art.events or []]


def test_an_event_dated_in_its_sentence_says_text(pipeline: Pipeline) -> None:
    got = _events(pipeline, "استقبل الرئيس المصري أمس الاثنين في القاهرة وزير الخارجية الأردني.")
    assert ("CONSULT", "2019-05-13", "text") in got


def test_an_undated_event_says_published(pipeline: Pipeline) -> None:
    got = _events(pipeline, "استقبل الرئيس المصري في القاهرة وزير الخارجية الأردني.")
    assert ("CONSULT", "2019-05-14", "published") in got


def test_date_tally_counts_dated_and_undated_true_positives() -> None:
    from marsad.article import Event, Evidence, Provenance, Span

    prov = Provenance("events", "1", "t", "0" * 64, "p")

    def ev(d: str | None, src: str | None) -> Event:
        return Event(id="e", start=0, end=1, sentence=None, type="CONSULT", cameo="040", prov=prov,
                     evidence=Evidence(pattern="p", predicate=Span(0, 1), lemma="x"), date=d, date_source=src)

    t = DateTally()
    t.add("2019-05-13", [ev("2019-05-13", "text")], date(2019, 5, 14))
    t.add("2019-05", [ev("2019-05-02", "text")], date(2019, 5, 14))
    t.add(None, [ev("2019-05-14", "published")], date(2019, 5, 14))
    t.add(None, [ev("2019-04-01", "text")], date(2019, 5, 14))
    d = t.as_dict()
    assert (d["events"], d["dated"], d["undated"]) == (4, 2, 2)
    assert (d["dated_right"], d["dated_lenient"], d["undated_right"], d["right"]) == (0.5, 1.0, 0.5, 0.5)


@pytest.mark.parametrize(("text", "value"), [
    ("وأكد المتحدث في مؤتمر صحفي الشهر الماضي أن الجيش قصف مواقع المسلحين في المدينة.", "2019-04"),
    ("وقال الوزير في بيان العام الماضي إن الشرطة اعتقلت خمسة مسلحين.", "2018"),
])
def test_the_historical_mode_follows_the_date_the_event_is_given(pipeline: Pipeline, text: str, value: str) -> None:
    # What was said, with no time of its own, is dated by the saying (the gold's reading of «قالت في يونيو إنها
    # صادرت»): the reported event takes the month or year of the statement and is historical with it.
    art = pipeline(Article("t", text, Meta(published=date(2019, 5, 14))))
    reported = [e for e in art.events or [] if e.type in ("ASSAULT", "COERCE")]
    assert reported
    assert all((e.date, e.date_source) == (value, "text") and "historical" in e.aux for e in reported)


@pytest.mark.parametrize("head", ["الرياض - 13 مايو 2019", "القاهرة - (أ ش أ) - 13 مايو 2019"])
def test_an_event_undated_in_its_sentence_takes_the_datelines_date(pipeline: Pipeline, head: str) -> None:
    got = _events(pipeline, f"{head}\n\nاستقبل الرئيس المصري في القاهرة وزير الخارجية الأردني.")
    assert ("CONSULT", "2019-05-13", "dateline") in got


def test_a_date_in_a_headline_or_a_sentence_is_no_dateline(pipeline: Pipeline) -> None:
    got = _events(pipeline, "تعليم المنطقة: الأحد القادم موعد التسجيل\n\nاستقبل الرئيس المصري في القاهرة وزير "
                            "الخارجية الأردني.\nوقال الوزير إن اللقاء عقد في 13 مايو 2019 بالقاهرة.")
    assert ("CONSULT", "2019-05-14", "published") in got
