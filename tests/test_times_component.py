"""The times component: contract, pipeline use, pickling, and the clock never read."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from marsad.article import Article, Block, Meta, Sentence
from marsad.errors import MissingRequirementError
from marsad.pipeline import Pipeline, make_component
from marsad.settings import Settings
from marsad.times.component import TimesComponent, extract_times


def _article(text: str, published: date | None) -> Article:
    art = Article("c", text, meta=Meta(published=published))
    prov = art.provenance("test", "1")
    art.structure = [Block("b1", 0, len(text), "paragraph", prov)]
    cut = text.index(".") + 1
    art.sentences = [Sentence("s1", 0, cut, "b1", prov), Sentence("s2", cut + 1, len(text), "b1", prov)]
    return art


def test_times_component_contract() -> None:
    comp = make_component("times", Settings())
    assert isinstance(comp, TimesComponent)
    assert (comp.name, comp.requires, comp.assigns) == ("times", ("sentences",), ("times",))
    assert pickle.loads(pickle.dumps(comp)) == comp


def test_times_component_needs_sentences() -> None:
    with pytest.raises(MissingRequirementError) as err:
        Pipeline.from_names(["times"])
    assert err.value.code == "E201"


def test_times_component_sets_layer_per_sentence() -> None:
    art = _article("وصل الوفد أمس إلى الرياض. ويغادر غداً إلى القاهرة.", date(2017, 11, 21))
    make_component("times", Settings())(art)
    assert art.times is not None
    assert [(t.id, art.text[t.start : t.end], t.value) for t in art.times] == [
        ("t1", "أمس", "2017-11-20"),
        ("t2", "غداً", "2017-11-22"),
    ]


def test_times_component_empty_layer_is_a_list() -> None:
    art = _article("لا شيء هنا. ولا هنا.", date(2017, 11, 21))
    make_component("times", Settings())(art)
    assert art.times == []


def test_times_component_is_stable_for_same_input() -> None:
    a = extract_times(_article("وصل أمس. ويغادر الخميس المقبل.", date(2017, 11, 21)))
    b = extract_times(_article("وصل أمس. ويغادر الخميس المقبل.", date(2017, 11, 21)))
    assert a == b


def test_times_component_never_reads_the_clock() -> None:
    import re
    from pathlib import Path

    import marsad.times

    clock = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.time\(")
    for path in Path(marsad.times.__file__).parent.glob("*.py"):
        assert not clock.search(path.read_text("utf-8")), path.name
    times = extract_times(_article("وصل أمس. ويغادر الخميس المقبل.", None))
    assert [t.value for t in times] == [None, None]


def test_times_component_round_trips_through_article_dict() -> None:
    art = _article("غادر قبل يومين. ويعود مساء الاثنين.", date(2017, 11, 21))
    art.times = extract_times(art)
    back = Article.from_dict(art.to_dict())
    assert back.times == art.times
