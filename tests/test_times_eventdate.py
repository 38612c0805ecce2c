"""Event dates for the events coder: event_time and temporal_aux."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.text.normalize import normalize_string
from marsad.times.component import extract_times
from marsad.times.eventdate import event_time, future_markers, historical_markers, temporal_aux

PUB = date(2017, 11, 21)


def _article(text: str, published: date | None = PUB) -> Article:
    art = Article("e", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    sents = []
    pos = 0
    for k, part in enumerate(text.split(".")[:-1], 1):
        sents.append(Sentence(f"s{k}", pos, pos + len(part) + 1, "b1", prov))
        pos += len(part) + 2
    art.sentences = sents
    art.times = extract_times(art)
    return art


def test_times_eventdate_prefers_the_clause() -> None:
    text = "التقى الرئيس بالوفد مساء أمس بعد زيارة جرت في أكتوبر 2015."
    art = _article(text)
    clause_end = text.index("بعد")
    t = event_time(art, 0, clause_end, "s1")
    assert t is not None and text[t.start : t.end] == "مساء أمس"
    t2 = event_time(art, clause_end, len(text), "s1")
    assert t2 is not None and t2.value == "2015-10"


def test_times_eventdate_falls_back_to_sentence_then_publication() -> None:
    text = "أعلن الوزير أمس خطة جديدة. وقال إن الخطة شاملة."
    art = _article(text)
    start = text.index("أعلن")
    t = event_time(art, start, start + 4, "s1")
    assert t is not None and t.value == "2017-11-20"
    second = text.index("وقال")
    pub = event_time(art, second, len(text), "s2")
    assert pub is not None
    assert (pub.id, pub.value, pub.granularity, pub.anchor) == ("t0", "2017-11-21", "day", "published")


def test_times_eventdate_none_without_any_date() -> None:
    art = _article("وقال إن الخطة شاملة.", None)
    assert event_time(art, 0, len(art.text), "s1") is None


def test_times_eventdate_uses_implied_interval_of_duration() -> None:
    art = _article("غادر الوفد قبل يومين.")
    t = event_time(art, 0, len(art.text), "s1")
    assert t is not None and t.interval == "2017-11-19"
    assert temporal_aux(art, t) == []


@pytest.mark.parametrize(
    ("text", "aux"),
    [
        ("جرت زيارة سابقة في أكتوبر 2015.", ["historical"]),
        ("ارتفعت الأسعار الشهر الماضي.", ["historical"]),
        ("وقع الحادث في 2 نوفمبر 2017.", ["historical"]),
        ("وقع الحادث في 18 نوفمبر 2017.", []),
        ("التقى الرئيس مساء أمس الإثنين.", []),
        ("يزور روسيا هذا الأسبوع.", []),
        ("يعقد المؤتمر الأسبوع المقبل.", ["future"]),
        ("يصل الوفد غداً.", ["future"]),
        ("تعيش البلاد أزمة منذ عام 2011.", []),
        ("انتشر في التسعينيات.", ["historical"]),
    ],
)
def test_times_eventdate_temporal_aux(text: str, aux: list[str]) -> None:
    art = _article(text)
    t = event_time(art, 0, len(text), "s1")
    assert temporal_aux(art, t) == aux


def test_times_eventdate_temporal_aux_without_date_uses_relative_sign() -> None:
    art = _article("ارتفعت الأسعار العام الماضي. وتنخفض العام المقبل.", None)
    assert art.times is not None
    assert [temporal_aux(art, t) for t in art.times] == [["historical"], ["future"]]
    assert temporal_aux(art, None) == []


def test_times_eventdate_marker_lists_are_folded() -> None:
    assert normalize_string("المقرر") in future_markers()
    assert normalize_string("سوف") in future_markers()
    assert normalize_string("آنذاك") in historical_markers()
    assert all(w == normalize_string(w) for w in future_markers() | historical_markers())


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("صوت المجلس هذا الأسبوع على تمديد البعثة.", PUB),
        ("قررت الهيئة هذا الصيف قطع المياه عن المدينة.", date(2017, 7, 20)),
        ("التقى الوزير هذا العام رؤساء البلديات.", PUB),
        ("ارتفعت الأسعار خلال الشهر الجاري.", PUB),
    ],
)
def test_times_eventdate_the_present_period_does_not_date_an_event(text: str, published: date) -> None:
    # the publication's own week, season, year or month says "now": the event keeps the publication date
    art = _article(text, published)
    t = event_time(art, 0, len(text), "s1")
    assert t is not None and (t.id, t.value) == ("t0", published.isoformat())


def test_times_eventdate_a_past_period_still_dates_an_event() -> None:
    text = "صوت المجلس الأسبوع الماضي على تمديد البعثة."
    art = _article(text)
    t = event_time(art, 0, len(text), "s1")
    assert t is not None and t.value == "2017-W46"


def test_times_eventdate_a_set_does_not_date_an_event() -> None:
    # يوميا says how often, not when
    art = _article("طالبت النقابة بزيادة الإنتاج إلى مليون برميل يوميا.")
    assert art.times and any(t.kind == "set" for t in art.times)
    t = event_time(art, 0, len(art.text), "s1")
    assert t is not None and t.id == "t0"


def test_times_eventdate_present_period() -> None:
    from marsad.times.eventdate import present_period

    art = _article("زار الوفد المدينة هذا الصيف. وزارها صيف 2016. ويزورها هذا الأسبوع. ويعود الشهر المقبل.")
    got = {art.text[t.start:t.end]: present_period(t, PUB) for t in art.times or []}
    assert got == {"هذا الصيف": False, "صيف 2016": False, "هذا الأسبوع": True, "الشهر المقبل": False}
    july = {art.text[t.start:t.end]: present_period(t, date(2017, 7, 20)) for t in art.times or []}
    assert july["هذا الصيف"] is True and july["صيف 2016"] is False
