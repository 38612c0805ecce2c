"""The ``entities`` component: contract, offsets, provenance, NER merge and the seed article."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

from entities_util import find, pipeline, run
from marsad.article import Article, Meta
from marsad.entities.component import EntityComponent, bio_spans, make_component
from marsad.pipeline import Pipeline
from marsad.settings import Settings


def test_entities_component_contract() -> None:
    comp = make_component(Settings())
    assert (comp.name, comp.requires, comp.assigns) == ("entities", ("sentences", "tokens"), ("entities",))
    clone = pickle.loads(pickle.dumps(comp))
    assert isinstance(clone, EntityComponent)


def test_entities_offsets_ids_and_provenance() -> None:
    art = run("قال وزير الخارجية الروسي سيرغي لافروف في جنيف إن الحوار مستمر.")
    assert art.entities
    art.check_offsets()
    assert [e.id for e in art.entities] == [f"e{i}" for i in range(1, len(art.entities) + 1)]
    for e in art.entities:
        assert e.prov.component == "entities" and e.prov.article_id == art.id
        assert e.prov.version.startswith("entities-1/")
    (lavrov,) = find(art, "سيرغي لافروف", "PERS")
    assert lavrov.link is not None and lavrov.link.id == "actor:lavrov_sergey"


def test_entities_empty_text_gives_empty_layer() -> None:
    art = run("لا شيء هنا يستحق الذكر.")
    assert art.entities == []


def test_entities_bio_spans() -> None:
    spans = bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG"],
                      [(0, 4), (5, 9), (10, 12), (13, 18), (19, 22), (23, 26)])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 9, "PERS"), (13, 18, "LOC"), (19, 22, "ORG"),
                                                           (23, 26, "ORG")]


class _FakeTagger:
    """Tags every token listed in ``labels`` (a surface → BIO tag map)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels

    def tag(self, tokens: list[str]) -> list[str]:
        return [self.labels.get(t, "O") for t in tokens]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


def _with_tagger(text: str, labels: dict[str, str], published: date | None = None) -> Article:
    comp = EntityComponent(Settings())
    comp._tagger, comp._tagger_loaded = _FakeTagger(labels), True
    prep = pipeline()
    art = Article("", text, Meta(published=published))
    for c in prep.components[:-1]:
        c(art)
    comp(art)
    return art


def test_entities_ner_merge_keeps_ner_labels_and_fills_gaps() -> None:
    text = "التقى بوتين السيد خالد المصري في موسكو."
    art = _with_tagger(text, {"بوتين": "B-PERS", "خالد": "B-PERS", "المصري": "I-PERS"})
    got = {(text[e.start : e.end], e.label, e.source) for e in art.entities or []}
    assert ("بوتين", "PERS", "ner") in got
    assert ("خالد المصري", "PERS", "ner") in got  # unlinked NER mention, kept
    assert ("موسكو", "LOC", "gazetteer") in got  # filled by the gazetteer
    (putin,) = find(art, "بوتين")
    assert putin.link is not None and putin.link.id == "actor:putin_vladimir"


def test_entities_ner_merge_longer_gazetteer_mention_wins() -> None:
    text = "قال بشار الأسد إن الحرب انتهت."
    art = _with_tagger(text, {"الأسد": "B-PERS"})
    assert [(text[e.start : e.end], e.label) for e in art.entities or []] == [("بشار الأسد", "PERS")]


def test_entities_ner_confirms_an_unlinked_short_form() -> None:
    text = "وقال الأسد للصحفيين إن الوضع تحسن."  # no Syria in the text: only NER evidence links it
    assert find(_with_tagger(text, {}, date(2016, 1, 1)), "الأسد") == []
    art = _with_tagger(text, {"الأسد": "B-PERS"}, date(2016, 1, 1))
    (ent,) = find(art, "الأسد", "PERS")
    assert ent.link is not None and ent.link.id == "actor:assad_bashar"


def test_entities_seed_article(seed_path: Path) -> None:
    art = Article("", seed_path.read_text("utf-8"), Meta(published=date(2017, 11, 21)))
    Pipeline.from_names(["structure", "sentences", "tokens", "entities"], Settings(extra={"entities_ner": False}))(art)
    ents = art.entities or []
    text = art.text
    by_link: dict[str, set[str]] = {}
    for e in ents:
        if e.link is not None:
            by_link.setdefault(e.link.id, set()).add(text[e.start : e.end])
    assert {"بشار الأسد", "الأسد"} <= by_link["actor:assad_bashar"]
    assert {"بوتين", "بوتن", "فلاديمير بوتين", "فلاديمير بوتن"} <= by_link["actor:putin_vladimir"]
    assert "الكرملين" in by_link["actor:kremlin"]
    assert "الأمم المتحدة" in by_link["actor:un"]
    assert {"روسيا"} <= by_link["country:RUS"] and {"سوريا"} <= by_link["country:SYR"]
    assert "البحر الأسود" in by_link["place:black_sea"]
    sochi = next(e for e in ents if e.link is not None and e.link.id == "place:sochi")
    assert (sochi.link.lat, sochi.link.lon) == (43.5853, 39.7203)  # type: ignore[union-attr]
    presidents = [e.link.id for e in ents if e.label == "AGENT" and e.link and text[e.start:e.end].startswith("رئيسي")]
    assert presidents == ["actor:erdogan_recep_tayyip"]
    iran = [e for e in ents if e.label == "AGENT" and e.link and e.link.id == "actor:rouhani_hassan"]
    assert [text[e.start : e.end] for e in iran] == ["إيران"]
    commanders = [e for e in ents if text[e.start : e.end] == "القادة العسكريين"]
    assert commanders and commanders[0].link is not None
    assert (commanders[0].link.country, commanders[0].link.sector) == ("RUS", "MIL")
    counterparts = [e for e in ents if text[e.start : e.end] == "نظيره السوري"]
    assert counterparts and all(e.link is not None and e.link.id == "actor:assad_bashar" for e in counterparts)
    lion_free = [e for e in ents if e.link and e.link.id == "actor:assad_bashar"]
    assert all(e.label in ("PERS", "AGENT") for e in lion_free)


def test_entities_ner_merge_keeps_ner_boundaries_after_a_title() -> None:
    text = "استقبل الملك عبد الله الثاني الوفد."
    art = _with_tagger(text, {"عبد": "B-PERS", "الله": "I-PERS", "الثاني": "I-PERS"}, date(2015, 1, 1))
    (ent,) = [e for e in art.entities or [] if e.label == "PERS"]
    assert text[ent.start : ent.end] == "عبد الله الثاني"
    assert ent.link is not None and ent.link.id == "actor:abdullah_ii"
