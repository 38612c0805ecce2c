"""A small Arabic corpus written for the store tests, with hand-made annotations.

The texts are our own. ``annotated()`` builds Articles whose entity and event layers
are set by hand (the store must keep whatever the pipeline assigns), so the store and
query tests do not depend on the NLP components.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.article import (
    Article,
    Entity,
    Event,
    Evidence,
    Link,
    Meta,
    Participant,
    Quote,
    Span,
    TimeExpr,
)
from marsad.store import writer
from marsad.store.db import Store

PUTIN = Link("actor:putin_vladimir", "Vladimir Putin", "فلاديمير بوتين", "PERS", "RUS", "GOV", "president",
             "Q7747")
ASSAD = Link("actor:assad_bashar", "Bashar al-Assad", "بشار الأسد", "PERS", "SYR", "GOV", "president", "Q44329")
LAVROV = Link("actor:lavrov_sergey", "Sergey Lavrov", "سيرغي لافروف", "PERS", "RUS", "GOV", "foreign minister")
JUBEIR = Link("actor:jubeir_adel", "Adel al-Jubeir", "عادل الجبير", "PERS", "SAU", "GOV", "foreign minister")
SHOUKRY = Link("actor:shoukry_sameh", "Sameh Shoukry", "سامح شكري", "PERS", "EGY", "GOV", "foreign minister")
SOCHI = Link("place:geonames:491422", "Sochi", "سوتشي", "GPE", "RUS", lat=43.6028, lon=39.7342, feature="city")
RIYADH = Link("place:geonames:108410", "Riyadh", "الرياض", "GPE", "SAU", lat=24.6877, lon=46.7219, feature="city")
ADEN = Link("place:geonames:415189", "Aden", "عدن", "GPE", "YEM", lat=12.7794, lon=45.0367, feature="city")
RUSSIA = Link("country:RUS", "Russia", "روسيا", "GPE", "RUS", feature="country")


@dataclass(slots=True)
class Doc:
    """One test article: text, metadata and what to annotate in it."""

    key: str
    text: str
    source: str
    published: date | None
    title: str | None = None
    entities: list[tuple[str, Link | None, str]] = field(default_factory=list)  # surface, link, label
    # (type, mode, predicate surface, actor surfaces, recipient surfaces, place surface, date)
    events: list[tuple[str, str | None, str, list[str], list[str], str | None, str | None]] = field(
        default_factory=list
    )
    quotes: list[tuple[str, str]] = field(default_factory=list)  # quoted content, speaker surface
    times: list[tuple[str, str]] = field(default_factory=list)  # surface, value


VISIT_A = Doc(
    "visit_a",
    "بوتين يستقبل الأسد في سوتشي\n\n"
    "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في مدينة سوتشي يوم الاثنين، "
    "وبحث الرئيسان مسار التسوية السياسية في سوريا والتحضير لمؤتمر الحوار الوطني. "
    "وقال الكرملين إن اللقاء استمر أربع ساعات وتناول كذلك إعادة إعمار المدن المتضررة من الحرب.",
    "wakala",
    date(2017, 11, 21),
    "بوتين يستقبل الأسد في سوتشي",
    entities=[("فلاديمير بوتين", PUTIN, "PERS"), ("بشار الأسد", ASSAD, "PERS"), ("سوتشي", SOCHI, "LOC")],
    events=[("CONSULT", "visit", "استقبل", ["بشار الأسد"], ["فلاديمير بوتين"], "سوتشي", "2017-11-20")],
    times=[("يوم الاثنين", "2017-11-20")],
)

VISIT_B = Doc(
    "visit_b",
    "الأسد في روسيا\n\n"
    "أجرى الرئيس السوري بشار الأسد زيارة مفاجئة إلى سوتشي التقى خلالها الرئيس فلاديمير بوتين، "
    "بحسب ما أعلنت الرئاسة السورية صباح الثلاثاء. وأضافت أن الجانبين ناقشا نتائج العمليات العسكرية "
    "والخطوات التالية على طريق الحل السياسي للأزمة.",
    "sahifa",
    date(2017, 11, 21),
    "الأسد في روسيا",
    entities=[("بشار الأسد", ASSAD, "PERS"), ("فلاديمير بوتين", PUTIN, "PERS"), ("سوتشي", SOCHI, "LOC"),
              ("روسيا", RUSSIA, "LOC")],
    events=[("CONSULT", "visit", "زيارة", ["بشار الأسد"], ["فلاديمير بوتين"], "سوتشي", "2017-11-20")],
)

# VISIT_A with one sentence added at the end: a near duplicate.
VISIT_A_NEAR = Doc(
    "visit_a_near",
    VISIT_A.text + " وغادر الأسد سوتشي مساء اليوم نفسه.",
    "naql",
    date(2017, 11, 22),
    "بوتين يستقبل الأسد في سوتشي",
    entities=VISIT_A.entities,
    events=VISIT_A.events,
    times=VISIT_A.times,
)

MINISTERS = Doc(
    "ministers",
    "الجبير يلتقي شكري في الرياض\n\n"
    "التقى وزير الخارجية السعودي عادل الجبير في الرياض أمس نظيره المصري سامح شكري، "
    "واستعرض الوزيران العلاقات الثنائية بين البلدين وسبل تعزيز التعاون في مجالات الاستثمار والطاقة "
    "والأمن الإقليمي، إضافة إلى تطورات الأوضاع في اليمن وليبيا.",
    "wakala",
    date(2018, 3, 5),
    "الجبير يلتقي شكري في الرياض",
    entities=[("عادل الجبير", JUBEIR, "PERS"), ("الرياض", RIYADH, "LOC"), ("سامح شكري", SHOUKRY, "PERS")],
    events=[("CONSULT", "meet", "التقى", ["عادل الجبير"], ["سامح شكري"], "الرياض", "2018-03-04")],
    times=[("أمس", "2018-03-04")],
)

# MINISTERS with diacritics and tatweel: the same normalised text, an exact duplicate.
MINISTERS_DIACRITICS = Doc(
    "ministers_diacritics",
    MINISTERS.text.replace("التقى", "اِلْتَقَى").replace("الوزيران", "الوزيـــران"),
    "mawqi",
    date(2018, 3, 5),
    MINISTERS.title,
)

CLASHES = Doc(
    "clashes",
    "اشتباكات في عدن\n\n"
    "اندلعت اشتباكات عنيفة صباح اليوم في مدينة عدن بين قوات حكومية ومسلحين، "
    "وأفادت مصادر طبية بسقوط عدد من الجرحى. ودعت الأمم المتحدة جميع الأطراف إلى وقف القتال فورا "
    "وفتح ممرات آمنة للمدنيين العالقين في الأحياء الشرقية.",
    "sahifa",
    date(2018, 1, 28),
    "اشتباكات في عدن",
    entities=[("عدن", ADEN, "LOC")],
    events=[("FIGHT", None, "اشتباكات عنيفة", [], [], "عدن", "2018-01-28")],
)

LAVROV_QUOTE = Doc(
    "lavrov_quote",
    "لافروف: الحوار هو الطريق الوحيد\n\n"
    "قال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحافي بموسكو: \"لا بديل عن الحوار بين السوريين أنفسهم\"، "
    "مضيفا أن روسيا ستواصل دعم الجهود الرامية إلى إنهاء النزاع.",
    "wakala",
    date(2017, 11, 23),
    "لافروف: الحوار هو الطريق الوحيد",
    entities=[("سيرغي لافروف", LAVROV, "PERS"), ("روسيا", RUSSIA, "LOC")],
    quotes=[("لا بديل عن الحوار بين السوريين أنفسهم", "سيرغي لافروف")],
)

OIL = Doc(
    "oil",
    "ارتفاع إنتاج النفط\n\n"
    "ارتفع إنتاج المملكة من النفط الخام خلال الشهر الماضي إلى أعلى مستوى له منذ عامين، "
    "وفق بيانات رسمية نشرت اليوم، في حين تراجعت الصادرات قليلا بسبب أعمال صيانة في بعض الموانئ.",
    "iqtisad",
    None,
    "ارتفاع إنتاج النفط",
)

DOCS = (VISIT_A, VISIT_B, VISIT_A_NEAR, MINISTERS, MINISTERS_DIACRITICS, CLASHES, LAVROV_QUOTE, OIL)


def _find(text: str, surface: str, after: int = 0) -> tuple[int, int]:
    i = text.find(surface, after)
    if i < 0:
        i = text.index(surface)
    return i, i + len(surface)


def plain(doc: Doc) -> Article:
    """The article without annotation layers."""
    meta = Meta(source=doc.source, title=doc.title, published=doc.published, url=f"https://{doc.source}.example/"
                f"{doc.key}")
    return Article("", doc.text, meta)


def annotated(doc: Doc) -> Article:
    """The article with the doc's entities, times, quotes and events as layers."""
    art = plain(doc)
    pv = art.provenance("test", "1")
    ents: list[Entity] = []
    by_surface: dict[str, Entity] = {}
    for i, (surface, link, label) in enumerate(doc.entities, 1):
        s, e = _find(art.text, surface, art.text.index("\n\n"))
        ent = Entity(f"e{i}", s, e, label, "gazetteer", pv, link)
        ents.append(ent)
        by_surface[surface] = ent
    art.entities = ents
    art.times = []
    for i, (surface, value) in enumerate(doc.times, 1):
        s, e = _find(art.text, surface)
        art.times.append(TimeExpr(f"t{i}", s, e, "date", "day", pv, value=value, anchor="published"))
    art.quotes = []
    for i, (content, speaker) in enumerate(doc.quotes, 1):
        s, e = _find(art.text, content)
        spk = by_surface[speaker]
        art.quotes.append(Quote(f"q{i}", s, e, True, pv, speaker=spk.id,
                                speaker_name=spk.link.name_en if spk.link else None,
                                speaker_actor_id=spk.link.id if spk.link else None, cue_lemma="قال"))
    art.events = []
    for i, (etype, mode, pred, actors, recipients, place, day) in enumerate(doc.events, 1):
        ps, pe = _find(art.text, pred, art.text.index("\n\n"))

        def part(surface: str) -> Participant:
            ent = by_surface[surface]
            link = ent.link
            return Participant(ent.id, ent.start, ent.end, link.name_en if link else surface,
                               link.country if link else None, link.sector if link else None,
                               link.id if link else None)

        art.events.append(Event(
            f"ev{i}", ps, min(len(art.text), pe + 60), "s1", etype, "040" if etype == "CONSULT" else "190", pv,
            Evidence("test-pattern", Span(ps, pe), pred), mode=mode,
            actors=[part(a) for a in actors], recipients=[part(r) for r in recipients],
            place=by_surface[place].id if place else None, date=day,
        ))
    return art


def write_store(path: Path) -> None:
    """Write every doc of ``DOCS``, annotated, into the store at ``path`` (created when absent)."""
    with Store.open(path) as store:
        for doc in DOCS:
            writer.write_article(store, annotated(doc), doc.key)


def jsonl_line(doc: Doc) -> str:
    """The doc as a JSON-lines record (title and content, like a news dump)."""
    import json

    body = doc.text.split("\n\n", 1)[1]
    rec = {"id": doc.key, "title": doc.title, "content": body, "source": doc.source,
           "date": doc.published.isoformat() if doc.published else None, "url": f"https://{doc.source}.example/"
           f"{doc.key}"}
    return json.dumps(rec, ensure_ascii=False)
