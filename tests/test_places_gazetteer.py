"""The whole gazetteer: every geonames city with an Arabic name, admin regions, ranks, variants, sources."""

from __future__ import annotations

import re

import pytest

from entities_util import find, run
from marsad.kb.index import load_resources
from marsad.text.normalize import normalize_string

_PERSIAN = re.compile("[پچژگکیٔ]")


def _keys_for(pid: str) -> list[str]:
    res = load_resources()
    idx = next(i for i, p in enumerate(res.places) if p.id == pid)
    return [k for (k, i) in res.variant_rules if i == idx]


def test_places_gazetteer_has_small_cities_and_ranks() -> None:
    res = load_resources()
    assert res.stats["cities"] > 20_000
    riyadh = next(p for p in res.places if p.id == "place:riyadh")
    assert riyadh.rank == "capital" and riyadh.population > 1_000_000 and riyadh.admin1
    assert sum(p.rank == "admin_seat" for p in res.places) > 50


def test_places_gazetteer_keeps_persian_spellings_out() -> None:
    res = load_resources()
    assert not any(_PERSIAN.search(p.name_ar) for p in res.places)


@pytest.mark.parametrize(
    ("text", "name", "pid"),
    [
        ("عقد اللقاء في منطقة القصيم أمس.", "منطقة القصيم", "place:admin:sau_qassim"),
        ("وصلت المساعدات إلى محافظة حضرموت.", "محافظة حضرموت", "place:admin:yem_hadramawt"),
        ("سقطت قذيفة في محافظة نينوى.", "محافظة نينوى", "place:admin:irq_nineveh"),
    ],
)
def test_places_gazetteer_admin_regions(text: str, name: str, pid: str) -> None:
    (ent,) = find(run(text), name)
    assert ent.link is not None and ent.link.id == pid and ent.link.lat is not None


def test_places_gazetteer_variant_rule_is_recorded() -> None:
    res = load_resources()
    key = normalize_string("صنعا")
    rules = {r for (k, _), r in res.variant_rules.items() if k == key}
    assert "hamza_final" in rules


def test_places_gazetteer_source_country() -> None:
    assert load_resources().source_country["sabq"] == "SAU"


def test_places_gazetteer_lookup_cue_only_name() -> None:
    from marsad.kb.lookup import lookup

    hits = lookup(load_resources(), "صور")
    assert any(h["kind"] == "place" and h["country"] == "LBN" for h in hits)
