"""Acceptance: events and quotations of the seed article through the full pipeline."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article, Event, Meta
from marsad.pipeline import Pipeline, available_components

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    needed = {"structure", "sentences", "entities", "times", "quotes", "events"}
    if not needed <= set(available_components()) or importlib.util.find_spec("marsad.entities.component") is None:
        pytest.skip("the full pipeline is not available")
    text = seed_path.read_text("utf-8")
    return Pipeline.from_names()(Article("", text, Meta(published=date(2017, 11, 21))))


def _pred(art: Article, ev: Event) -> str:
    return art.text[ev.evidence.predicate.start:ev.evidence.predicate.end]


def _find(art: Article, ptype: str, predicate: str, aux: set[str] | None = None) -> list[Event]:
    return [e for e in art.events or [] if e.type == ptype and predicate in _pred(art, e)
            and (aux is None or set(e.aux) == aux)]


def _countries(ps: list) -> list[str | None]:  # type: ignore[type-arg]
    return [p.country for p in ps]


def _ids(ps: list) -> list[str | None]:  # type: ignore[type-arg]
    return [p.actor_id for p in ps]


PUTIN, ASSAD = "actor:putin_vladimir", "actor:assad_bashar"


def test_seed_visit_to_russia(seed: Article) -> None:
    ev = _find(seed, "CONSULT", "زيارة", set())[0]
    assert (ev.mode, ev.cameo, ev.date) == ("visit", "042", "2017-11-20")
    assert _ids(ev.actors) == [ASSAD]
    assert _countries(ev.recipients) == ["RUS"]


def test_seed_sochi_meeting(seed: Article) -> None:
    evs = [e for e in _find(seed, "CONSULT", "التقى") if e.place]
    assert evs
    ev = evs[0]
    assert _ids(ev.actors) == [PUTIN] and _ids(ev.recipients) == [ASSAD]
    assert ev.date == "2017-11-20"
    place = seed.entity(ev.place or "")
    assert place is not None and place.link is not None
    assert seed.text[place.start:place.end] == "سوتشي"
    assert place.link.lat == pytest.approx(43.6, abs=0.1) and place.link.lon == pytest.approx(39.73, abs=0.1)


def test_seed_talks_after_the_visit(seed: Article) -> None:
    dual = _find(seed, "CONSULT", "وتباحثا")[0]
    assert sorted(_ids(dual.actors)) == sorted([ASSAD, PUTIN])
    assert dual.date == "2017-11-20"


def test_seed_historical_visit(seed: Article) -> None:
    ev = _find(seed, "CONSULT", "زيارة", {"historical"})[0]
    assert ev.date == "2015-10"
    assert _ids(ev.actors) == [ASSAD] and _countries(ev.recipients) == ["RUS"]


def test_seed_congratulations_and_thanks(seed: Article) -> None:
    congrats = _find(seed, "SUPPORT", "هنأ")[0]
    assert (_ids(congrats.actors), _ids(congrats.recipients), congrats.cameo) == ([PUTIN], [ASSAD], "051")
    thanks = _find(seed, "SUPPORT", "شكر")[0]
    assert (_ids(thanks.actors), _ids(thanks.recipients)) == ([ASSAD], [PUTIN])
    quote = next(q for q in seed.quotes or [] if q.id == thanks.quote)
    assert quote.speaker_actor_id == "actor:kremlin" and not quote.direct


def test_seed_conference_discussion(seed: Article) -> None:
    ev = _find(seed, "CONSULT", "وبحثا")[0]
    assert sorted(_ids(ev.actors)) == sorted([ASSAD, PUTIN])
    assert ev.quote is not None


def test_seed_planned_visits_are_future(seed: Article) -> None:
    ev = next(e for e in seed.events or [] if e.type == "AGREE" and "future" in e.aux and _pred(seed, e) == "زيارة")
    assert _countries(ev.actors) == ["TUR", "IRN"]
    assert [p.sector for p in ev.actors] == ["GOV", "GOV"]
    assert _countries(ev.recipients) == ["RUS"]
    assert ev.cameo == "036"


def test_seed_call_on_russia_and_salute(seed: Article) -> None:
    req = next(e for e in seed.events or [] if e.type == "REQUEST")
    assert _ids(req.actors) == [ASSAD] and _countries(req.recipients) == ["RUS"]
    salute = _find(seed, "SUPPORT", "التحية")[0]
    assert _ids(salute.actors) == [ASSAD]
    assert [(p.country, p.sector) for p in salute.recipients] == [("RUS", "MIL")]
    assert salute.quote is not None


def test_seed_quotations(seed: Article) -> None:
    quotes = seed.quotes or []
    direct_putin = [q for q in quotes if q.direct and q.speaker_actor_id == PUTIN]
    assert len(direct_putin) == 3
    # the first one has a closing quote mark and no opening one: it starts right after the cue's comma
    first = direct_putin[0]
    assert seed.text[first.start - 2 : first.start] == "، "
    assert seed.text[first.end] == '"'
    assert '"' not in seed.text[first.start : first.end]
    assert all(seed.entity(q.addressee or "") is not None for q in (direct_putin[0], direct_putin[2]))
    assert [seed.entity(q.addressee or "").link.id for q in (direct_putin[0], direct_putin[2])] == [ASSAD, ASSAD]  # type: ignore[union-attr]
    assad_reported = [q for q in quotes if not q.direct and q.speaker_actor_id == ASSAD]
    assert len(assad_reported) >= 4
    kremlin = [q for q in quotes if q.speaker_actor_id == "actor:kremlin"]
    assert len(kremlin) == 2
    salute = [q for q in quotes if q.direct and q.speaker_actor_id == ASSAD]
    assert len(salute) == 1
    seed.check_offsets()


def test_seed_every_event_has_codes_and_evidence(seed: Article) -> None:
    events = seed.events or []
    assert len(events) >= 12
    for ev in events:
        assert ev.cameo and ev.actors and ev.evidence.pattern == ev.prov.pattern
        assert seed.text[ev.evidence.predicate.start:ev.evidence.predicate.end].strip()
