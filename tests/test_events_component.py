"""The events and quotes components follow the pipeline contract."""

from __future__ import annotations

import pickle

from events_corpus import article
from marsad.events import component
from marsad.pipeline import Component
from marsad.quotes import component as quotes
from marsad.settings import Settings


def test_events_component_contract() -> None:
    comp = component.make_component(Settings())
    assert isinstance(comp, Component)
    assert (comp.name, comp.requires, comp.assigns) == ("events", ("sentences", "entities", "times", "quotes"),
                                                        ("events",))
    q = quotes.make_component(Settings())
    assert isinstance(q, Component)
    assert (q.name, q.requires, q.assigns) == ("quotes", ("sentences", "entities"), ("quotes",))
    assert pickle.loads(pickle.dumps(comp)).name == "events"
    assert pickle.loads(pickle.dumps(q)).name == "quotes"


def test_events_component_sets_empty_layers() -> None:
    art = article("الطقس جميل اليوم في المدينة.")
    component.make_component(Settings())(art)
    assert art.events == [] and art.quotes == []


def test_events_component_respects_fold_setting() -> None:
    text = "زيارة الأسد لروسيا كانت مفاجئة."
    folded = article(text)
    component.make_component(Settings())(folded)
    unfolded = article(text)
    component.make_component(Settings(fold_ta_marbuta=False))(unfolded)
    assert [e.type for e in folded.events or []] == [e.type for e in unfolded.events or []] == ["CONSULT"]
