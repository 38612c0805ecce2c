"""Speakers outside the knowledge base: a span, a kind, a country and a sector from the descriptors."""

from __future__ import annotations

import pytest

from marsad.kb import romanize
from marsad.quotes.speakers import article_country, describe
from quotes_reading import read_quotes


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "country", "sector"),
    [
        ("وأكد مصدر مسؤول في وزارة المالية أن الميزانية لن تتأثر بتراجع الأسعار.",
         "مصدر مسؤول في وزارة المالية", "anonymous", "SAU", "GOV"),
        ("وقالت وزارة الصحة في بيان إن عدد الحالات المسجلة تراجع خلال الشهر.", "وزارة الصحة", "body", "SAU", "GOV"),
        ("وزارة التعليم أعلنت أن العام الدراسي يبدأ في موعده.", "وزارة التعليم", "body", "SAU", "GOV"),
        ("وأوضحت مصادر أمنية أن الدوريات كثفت انتشارها في الأحياء الشرقية.", "مصادر أمنية", "anonymous", "SAU", "COP"),
        ("وقال مسؤول مصري إن المعبر سيفتح أمام المسافرين غدا.", "مسؤول مصري", "anonymous", "EGY", "GOV"),
    ],
)
def test_quotes_speakers_descriptor_is_the_speaker(text: str, speaker: str, kind: str, country: str,
                                                   sector: str) -> None:
    art = read_quotes(text)
    assert len(art.quotes or []) == 1
    q = (art.quotes or [])[0]
    assert q.speaker_span is not None
    assert art.text[q.speaker_span.start:q.speaker_span.end] == speaker
    assert (q.speaker_kind, q.speaker_country, q.speaker_sector) == (kind, country, sector)


@pytest.mark.skipif(not romanize.available(), reason="arabic-name-romanizer's name table is not installed")
def test_quotes_speakers_spokesman_with_rank_and_name() -> None:
    art = read_quotes("وقال المتحدث الأمني باسم شرطة المنطقة العقيد فهد الغامدي إن الجناة سلموا أنفسهم.")
    q = (art.quotes or [])[0]
    assert q.speaker_span is not None
    assert art.text[q.speaker_span.start:q.speaker_span.end].endswith("فهد الغامدي")
    assert (q.speaker_kind, q.speaker_country, q.speaker_sector) == ("person", "SAU", "COP")
    assert q.speaker_name == "Fahd al-Ghamdi"
    assert q.speaker_name_source == "romanized"


def test_quotes_speakers_a_surname_is_no_nationality() -> None:
    d = describe("قال العميد سالم التركي ان", len("قال "), len("قال العميد سالم التركي"), {"تركي": "TUR"}, "SAU")
    assert d is not None
    assert d.country == "SAU"


def test_quotes_speakers_linked_speaker_keeps_its_codes() -> None:
    art = read_quotes("وقال وزير الخارجية الأمريكي جون كيري إن المحادثات ستستمر.")
    q = (art.quotes or [])[0]
    assert (q.speaker_name, q.speaker_name_source, q.speaker_country) == ("John Kerry", "link", "USA")


def test_quotes_speakers_carry_over_to_continuation() -> None:
    art = read_quotes("وأكد مصدر مسؤول في الوزارة أن القرار نهائي. وأضاف أن التطبيق يبدأ الشهر المقبل.")
    qs = art.quotes or []
    assert len(qs) == 2
    assert qs[1].speaker_span == qs[0].speaker_span
    assert qs[1].speaker_kind == "anonymous"


@pytest.mark.parametrize(
    ("source", "url", "country"),
    [("okaz", None, "SAU"), (None, "https://www.ahram.org.eg/news/1", "EGY"), ("unknown", None, None)],
)
def test_quotes_speakers_outlet_country(source: str | None, url: str | None, country: str | None) -> None:
    assert article_country(source, url) == country
