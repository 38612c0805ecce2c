"""Hand-made articles with hand-made events for the export and Spark tests (our own Arabic text)."""

from __future__ import annotations

import io
from datetime import date

from marsad.article import (
    Article,
    Block,
    Entity,
    Event,
    Evidence,
    Link,
    Meta,
    Participant,
    Sentence,
    Span,
)
from spans import find_span

HEADLINE = "بوتين يستقبل الأسد في سوتشي"
PARAGRAPH_1 = "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد مساء الاثنين في مدينة سوتشي."
PARAGRAPH_2 = "وقصفت طائرات روسية مواقع في إدلب."


def visit_article(article_id: str = "a-hand-1", url: str | None = "https://example.org/news/1") -> Article:
    """A three-block article with a CONSULT visit (full date) and a historical ASSAULT (month only)."""
    text = f"{HEADLINE}\n\n{PARAGRAPH_1}\n{PARAGRAPH_2}"
    art = Article(article_id, text, Meta(url=url, source="example", title=HEADLINE, published=date(2017, 11, 21)))

    def prov(component: str, pattern: str | None = None):  # type: ignore[no-untyped-def]
        return art.provenance(component, "test-1", pattern)

    p1s = len(HEADLINE) + 2
    p1e = p1s + len(PARAGRAPH_1)
    art.structure = [
        Block("b1", 0, len(HEADLINE), "headline", prov("structure")),
        Block("b2", p1s, p1e, "paragraph", prov("structure")),
        Block("b3", p1e + 1, len(text), "paragraph", prov("structure")),
    ]
    art.sentences = [
        Sentence("s1", 0, len(HEADLINE), "b1", prov("sentences")),
        Sentence("s2", p1s, p1e, "b2", prov("sentences")),
        Sentence("s3", p1e + 1, len(text), "b3", prov("sentences")),
    ]
    art.tokens = []
    putin = Link("actor:putin_vladimir", "Vladimir Putin", "فلاديمير بوتين", "PERS", "RUS", "GOV", "president")
    assad = Link("actor:assad_bashar", "Bashar al-Assad", "بشار الأسد", "PERS", "SYR", "GOV", "president")
    sochi = Link("place:geonames:491422", "Sochi", "سوتشي", "GPE", "RUS", lat=43.6028, lon=39.7342, feature="city")
    idlib = Link("place:geonames:169389", "Idlib", "إدلب", "GPE", "SYR", lat=35.9306, lon=36.6339, feature="city")
    russia = Link("country:RUS", "Russia", "روسيا", "GPE", "RUS", "MIL", feature="country")
    spans = [find_span(text, "فلاديمير بوتين"), find_span(text, "بشار الأسد"), find_span(text, "سوتشي", 1),
             find_span(text, "إدلب"), find_span(text, "طائرات روسية")]
    labels = ["PERS", "PERS", "LOC", "LOC", "AGENT"]
    links = [putin, assad, sochi, idlib, russia]
    art.entities = [
        Entity(f"e{i + 1}", s, e, label, "gazetteer", prov("entities"), link)
        for i, ((s, e), label, link) in enumerate(zip(spans, labels, links, strict=True))
    ]
    art.times = []
    art.quotes = []
    e1, e2, _e3, _e4, e5 = art.entities
    ps, pe = find_span(text, "استقبل")
    consult = Event(
        "ev1", p1s, p1e, "s2", "CONSULT", "043", prov("events", "consult.receive"),
        Evidence("consult.receive", Span(ps, pe), "استقبل"), mode="visit", context=["diplomatic"],
        actors=[Participant("e1", e1.start, e1.end, "Vladimir Putin", "RUS", "GOV", "actor:putin_vladimir")],
        recipients=[Participant("e2", e2.start, e2.end, "Bashar al-Assad", "SYR", "GOV", "actor:assad_bashar")],
        place="e3", date="2017-11-20", confidence=0.9,
    )
    ps, pe = find_span(text, "قصفت")
    assault = Event(
        "ev2", p1e + 1, len(text), "s3", "ASSAULT", "195", prov("events", "assault.bomb"),
        Evidence("assault.bomb", Span(ps, pe), "قصف"), mode="aerial",
        actors=[Participant("e5", e5.start, e5.end, "Russia", "RUS", "MIL")],
        place="e4", date="2015-10", aux=["historical"], confidence=0.7,
    )
    art.events = [assault, consult]
    art.check_offsets()
    return art


def protest_article(article_id: str = "a-hand-2") -> Article:
    """A one-sentence article with a PROTEST event without a place or a date."""
    text = "تظاهر مئات الطلاب أمام مبنى البرلمان احتجاجا على رفع الرسوم."
    art = Article(article_id, text, Meta(source="other", published=date(2018, 3, 4)))
    prov = art.provenance("events", "test-1", "protest.demo")
    art.structure = []
    art.sentences = [Sentence("s1", 0, len(text), None, art.provenance("sentences", "test-1"))]
    art.tokens = []
    s, e = find_span(text, "مئات الطلاب")
    art.entities = [Entity("e1", s, e, "AGENT", "role", art.provenance("entities", "test-1"))]
    art.times = []
    art.quotes = []
    ps, pe = find_span(text, "تظاهر")
    art.events = [Event(
        "ev1", 0, len(text), "s1", "PROTEST", "141", prov, Evidence("protest.demo", Span(ps, pe), "تظاهر"),
        mode="demo", actors=[Participant("e1", s, e, "students", None, "EDU")],
    )]
    return art


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    """A gzipped WARC file with one HTML response record per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                           http_headers=headers)
        writer.write_record(record)
    return buf.getvalue()


PAGE = ("<html><head><title>اجتماع وزاري</title></head><body><article><h1>اجتماع وزاري في الرياض</h1>"
        "<p>اجتمع وزراء الخارجية العرب في الرياض صباح اليوم لبحث الأوضاع في المنطقة وسبل دعم الاستقرار.</p>"
        "<p>وقال المتحدث باسم الاجتماع إن الوزراء اتفقوا على عقد لقاء آخر الشهر المقبل في القاهرة.</p>"
        "</article></body></html>")
