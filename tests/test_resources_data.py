"""The curated resources: coverage of offices, parsing, inflection and the compiled cache."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import ResourceFormatError
from marsad.kb.build import inflect, read_actors, read_offices
from marsad.kb.index import cache_path, content_hash, load_resources
from marsad.kb.records import Office

STATES = [
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT",
    "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "IRN", "TUR", "ISR", "USA", "RUS", "CHN", "GBR", "FRA",
    "DEU",
]
HEAD = {"president", "king", "queen", "emir", "sultan", "head_of_state"}


@pytest.mark.parametrize("iso3", STATES)
def test_resources_every_state_has_a_head_of_state_since_2010(iso3: str) -> None:
    res = load_resources()
    terms = [o for o in res.offices if o.jurisdiction == iso3 and o.office in HEAD]
    assert terms, iso3
    assert any(o.end is None or o.end >= "2010" for o in terms)


@pytest.mark.parametrize(
    ("iso3", "office", "day", "actor"),
    [
        ("RUS", "president", date(2017, 11, 21), "putin_vladimir"),
        ("RUS", "president", date(2010, 6, 1), "medvedev_dmitry"),
        ("USA", "president", date(2015, 3, 1), "obama_barack"),
        ("USA", "president", date(2018, 3, 1), "trump_donald"),
        ("USA", "president", date(2022, 3, 1), "biden_joe"),
        ("TUR", "president", date(2017, 11, 21), "erdogan_recep_tayyip"),
        ("IRN", "president", date(2017, 11, 21), "rouhani_hassan"),
        ("IRN", "foreign_minister", date(2016, 1, 1), "zarif_mohammad_javad"),
        ("SAU", "king", date(2016, 1, 1), "salman_bin_abdulaziz"),
        ("SAU", "president", date(2016, 1, 1), "salman_bin_abdulaziz"),  # head-of-state fallback
        ("GBR", "head_of_government", date(2017, 1, 1), "may_theresa"),
        ("un", "secretary_general", date(2018, 1, 1), "guterres_antonio"),
    ],
)
def test_resources_office_holder_on_a_date(iso3: str, office: str, day: date, actor: str) -> None:
    term = load_resources().holder(iso3, office, day)
    assert term is not None and term.actor == actor


def test_resources_partial_dates_and_open_terms() -> None:
    term = Office("x", "AAA", "president", "2024-03", None)
    assert not term.holds_on(date(2024, 2, 29))
    assert term.holds_on(date(2024, 3, 1))
    assert term.holds_on(date(2030, 1, 1))


def test_resources_inflect_generates_gender_number_and_article() -> None:
    forms = {f for f, _, _ in inflect("روسي")}
    assert {"روسي", "روسية", "الروسي", "الروسية", "الروسيين", "الروسيون", "روسيات"} <= forms


def test_resources_nationalities_map_to_countries() -> None:
    res = load_resources()
    by_form = {n.form: n.country for n in res.nationalities}
    assert by_form["الروس"] == "RUS"
    assert by_form["الأمريكية"] == "USA"
    assert by_form["الإيرانيين"] == "IRN"


def test_resources_counts() -> None:
    stats = load_resources().stats
    assert stats["actors"] >= 400
    assert stats["offices"] >= 450
    assert stats["curated_places"] >= 60
    assert stats["countries"] >= 240


def test_resources_cache_is_keyed_by_content() -> None:
    assert content_hash() == content_hash()
    assert cache_path().name == f"entities-{content_hash()}.pickle"
    assert load_resources().version == content_hash()


def test_resources_malformed_line_is_reported(tmp_path: Path) -> None:
    (tmp_path / "actors.tsv").write_text("# header\nputin\tPERS\tVladimir Putin\n", "utf-8")
    (tmp_path / "organisations.tsv").write_text("", "utf-8")
    with pytest.raises(ResourceFormatError) as err:
        read_actors(tmp_path)
    assert err.value.code == "E330"
    assert err.value.message == "actors.tsv:2: expected 9 tab-separated columns, got 3"


def test_resources_office_of_unknown_actor_is_reported(tmp_path: Path) -> None:
    (tmp_path / "offices.tsv").write_text("nobody\tRUS\tpresident\t2000\t\n", "utf-8")
    with pytest.raises(ResourceFormatError, match=r"offices\.tsv:1: unknown actor 'nobody'"):
        read_offices(tmp_path, set())


def test_resources_loaded_once_however_the_flag_is_passed() -> None:
    # one copy per process: a caller without the argument and one passing the default share it
    assert load_resources() is load_resources(True)
    assert load_resources(fold_ta_marbuta=True) is load_resources()
