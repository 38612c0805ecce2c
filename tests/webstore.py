"""Test support for the web tests: a store with the sample articles and hand-annotated articles.

The hand-built articles carry every layer (entities with links, times, quotes, events with
evidence) so the pages and the API can be tested whatever pipeline components are installed.
Their texts are written by us.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from marsad.article import (
    Article,
    Block,
    Entity,
    Event,
    Evidence,
    Link,
    Meta,
    Participant,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)
from marsad.ingest.readers import FieldMapping, article_from_record
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.store.db import Store
from marsad.store.writer import write_article
from marsad.web.extractor import pipeline_components
from spans import find_span

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles.jsonl"

PUTIN = Link("actor:putin_vladimir", "Vladimir Putin", "فلاديمير بوتين", "PERS", "RUS", "GOV", "president")
ERDOGAN = Link("actor:erdogan_recep_tayyip", "Recep Tayyip Erdogan", "رجب طيب أردوغان", "PERS", "TUR", "GOV",
               "president")
KULEBA = Link("actor:kuleba_dmytro", "Dmytro Kuleba", "دميترو كوليبا", "PERS", "UKR", "GOV", "foreign minister")
RUSSIA = Link("country:RUS", "Russia", "روسيا", "GPE", "RUS", None, None, None, 61.5, 105.3, "country")
ODESSA = Link("place:geonames:698740", "Odesa", "أوديسا", "LOC", "UKR", None, None, None, 46.48, 30.73, "city")
ISTANBUL = Link("place:geonames:745044", "Istanbul", "إسطنبول", "LOC", "TUR", None, None, None, 41.01, 28.95, "city")

DEMO_TEXT = (
    "أردوغان وبوتين يبحثان اتفاق الحبوب\n\n"
    "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين مساء الأحد "
    "بشأن الاتفاق الذي وقع في إسطنبول.\n\n"
    "وقال أردوغان: «نجاح الاتفاق يخفف أزمة الغذاء في العالم».\n\n"
    "وأدان وزير الخارجية الأوكراني دميترو كوليبا قصف روسيا لميناء أوديسا صباح السبت."
)

SCRIPT_TEXT = (
    "بيان <b>عاجل</b> عن غزة\n\n"
    "نشر موقع مجهول نصا يحتوي <script>alert(1)</script> و<img src=x onerror=alert(2)> "
    "وقال المتحدث إن «كل شيء <i>هادئ</i>» في غزة."
)


def demo_article() -> Article:
    """A hand-annotated article: two presidents' phone call, a quotation, a condemnation and a strike."""
    text = DEMO_TEXT
    art = Article("demo-call", text, Meta(url="https://example.org/demo-call", source="مرصد الاختبار",
                                          title="أردوغان وبوتين يبحثان اتفاق الحبوب",
                                          published=date(2022, 7, 25), format="text"))
    prov = art.provenance
    paras = [p for p in text.split("\n\n")]
    blocks, pos = [], 0
    for i, p in enumerate(paras):
        start = text.index(p, pos)
        blocks.append(Block(f"b{i + 1}", start, start + len(p), "headline" if i == 0 else "paragraph",
                            prov("structure", "test")))
        pos = start + len(p)
    art.structure = blocks
    art.sentences = [Sentence(f"s{i + 1}", b.start, b.end, b.id, prov("sentences", "test"))
                     for i, b in enumerate(blocks)]

    def ent(eid: str, surface: str, label: str, link: Link | None, nth: int = 0) -> Entity:
        s, e = find_span(text, surface, nth)
        return Entity(eid, s, e, label, "gazetteer", prov("entities", "test", "gaz:exact"), link)

    e1 = ent("e1", "رجب طيب أردوغان", "PERS", ERDOGAN)
    e2 = ent("e2", "فلاديمير بوتين", "PERS", PUTIN)
    e3 = ent("e3", "إسطنبول", "LOC", ISTANBUL)
    e4 = ent("e4", "أردوغان", "PERS", ERDOGAN, nth=2)
    e5 = ent("e5", "دميترو كوليبا", "PERS", KULEBA)
    e6 = ent("e6", "روسيا", "LOC", RUSSIA)
    e7 = ent("e7", "أوديسا", "LOC", ODESSA)
    art.entities = [e1, e2, e3, e4, e5, e6, e7]
    s, e = find_span(text, "مساء الأحد")
    t1 = TimeExpr("t1", s, e, "datetime", "part_of_day", prov("times", "test", "rel:weekday"), "2022-07-24TEV",
                  anchor="published")
    s, e = find_span(text, "صباح السبت")
    t2 = TimeExpr("t2", s, e, "datetime", "part_of_day", prov("times", "test", "rel:weekday"), "2022-07-23TMO",
                  anchor="published")
    art.times = [t1, t2]
    qs, qe = find_span(text, "نجاح الاتفاق يخفف أزمة الغذاء في العالم")
    cue = Span(*find_span(text, "وقال"))
    art.quotes = [Quote("q1", qs, qe, True, prov("quotes", "test", "direct:qala"), "s3", "e4",
                        "Recep Tayyip Erdogan", ERDOGAN.id, None, cue, "قال")]

    def part(entity: Entity) -> Participant:
        ln = entity.link
        assert ln is not None
        return Participant(entity.id, entity.start, entity.end, text[entity.start:entity.end], ln.country,
                           ln.sector, ln.id if ln.id.startswith("actor:") else None)

    s2 = blocks[1]
    pred1 = Span(*find_span(text, "أجرى"))
    ev1 = Event("ev1", s2.start, s2.end, "s2", "CONSULT", "040", prov("events", "test", "consult:ajra_ittisal"),
                Evidence("consult:ajra_ittisal", pred1, "أجرى اتصالا", [Span(e1.start, e1.end)],
                         [Span(e2.start, e2.end)]),
                mode="phone", actors=[part(e1)], recipients=[part(e2)], place=None, time="t1", date="2022-07-24")
    s4 = blocks[3]
    pred2 = Span(*find_span(text, "وأدان"))
    ev2 = Event("ev2", s4.start, s4.end, "s4", "ACCUSE", "122", prov("events", "test", "accuse:adana"),
                Evidence("accuse:adana", pred2, "أدان", [Span(e5.start, e5.end)], [Span(e6.start, e6.end)]),
                actors=[part(e5)], recipients=[Participant(e6.id, e6.start, e6.end, "روسيا", "RUS", None, None)],
                place="e7", time="t2", date="2022-07-23")
    pred3 = Span(*find_span(text, "قصف"))
    ev3 = Event("ev3", pred3.start, s4.end, "s4", "ASSAULT", "195", prov("events", "test", "assault:qasf"),
                Evidence("assault:qasf", pred3, "قصف", [Span(e6.start, e6.end)], []), mode="missile",
                actors=[Participant(e6.id, e6.start, e6.end, "روسيا", "RUS", "MIL", None)],
                recipients=[Participant(e7.id, e7.start, e7.end, "أوديسا", "UKR", None, None)], place="e7",
                time="t2", date="2022-07-23")
    art.events = [ev1, ev2, ev3]
    art.check_offsets()
    return art


def script_article() -> Article:
    """An article whose text and title hold markup that must be shown as text, never run."""
    art = Article("xss-test", SCRIPT_TEXT, Meta(url="javascript:alert(3)", source="<b>مصدر</b>",
                                                 title="بيان <img src=x onerror=alert(2)>",
                                                 published=date(2023, 10, 21), format="text"))
    prov = art.provenance
    s, e = find_span(SCRIPT_TEXT, "غزة", 1)
    gaza = Link("place:geonames:281133", "Gaza <City>", "غزة", "LOC", "PSE", None, None, None, 31.5, 34.47, "city")
    art.entities = [Entity("e1", s, e, "LOC", "gazetteer", prov("entities", "test"), gaza)]
    qs, qe = find_span(SCRIPT_TEXT, "كل شيء <i>هادئ</i>")
    art.quotes = [Quote("q1", qs, qe, True, prov("quotes", "test"), speaker_name="<script>x</script>")]
    art.times = []
    art.events = []
    return art


def sample_articles(settings: Settings) -> list[Article]:
    """The sample articles, processed by whatever pipeline components are installed."""
    comps = pipeline_components(settings)
    pipe = Pipeline(comps, settings) if comps else None
    out = []
    with SAMPLES.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            art = article_from_record(json.loads(line), FieldMapping(), f"articles.jsonl:{n}")
            if pipe is not None:
                pipe(art)
            out.append(art)
    return out


def build_store(path: Path, settings: Settings | None = None, samples: bool = True) -> Path:
    """A store holding the hand-annotated articles (and the samples), for the web tests."""
    settings = settings or Settings()
    with Store.open(path, settings=settings) as store:
        for art in [demo_article(), script_article(), *(sample_articles(settings) if samples else [])]:
            write_article(store, art, origin="tests")
    return path
