"""GDELT-style rows: column order, dates, codes, quad classes, place and root-event fields."""

from __future__ import annotations

import pytest

from export_articles import protest_article, visit_article
from marsad.export.gdelt import COLUMN_NAMES, _date_fields, gdelt_row, global_event_id, quad_class
from marsad.export.source import StoredEvent


def _row(item: StoredEvent) -> dict[str, str]:
    values = gdelt_row(item)
    assert len(values) == len(COLUMN_NAMES) == 61
    return dict(zip(COLUMN_NAMES, values, strict=True))


def _event(article_events: list, event_id: str):  # type: ignore[no-untyped-def,type-arg]
    return next(e for e in article_events if e.id == event_id)


def test_export_gdelt_column_order_follows_gdelt() -> None:
    assert COLUMN_NAMES[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert COLUMN_NAMES[5] == "Actor1Code" and COLUMN_NAMES[15] == "Actor2Code"
    assert COLUMN_NAMES[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                   "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert COLUMN_NAMES[51] == "ActionGeo_Type" and COLUMN_NAMES[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2017-11-20", ("20171120", "201711", "2017", "2017.8877")),
        ("2016-01-01", ("20160101", "201601", "2016", "2016.0027")),
        ("2015-10", ("", "201510", "2015", "")),
        ("2015", ("", "", "2015", "")),
        (None, ("", "", "", "")),
        ("not a date", ("", "", "", "")),
    ],
)
def test_export_gdelt_date_fields(day: str | None, expected: tuple[str, str, str, str]) -> None:
    assert _date_fields(day) == expected


@pytest.mark.parametrize(
    ("cameo", "plover", "quad"),
    [("043", "CONSULT", 1), ("057", "AGREE", 1), ("073", "AID", 2), ("112", "ACCUSE", 3), ("195", "ASSAULT", 4),
     ("", "PROTEST", 4), (None, "REJECT", 3), (None, "NOT_A_TYPE", None)],
)
def test_export_gdelt_quad_class(cameo: str | None, plover: str, quad: int | None) -> None:
    assert quad_class(cameo, plover) == quad


def test_export_gdelt_consult_row() -> None:
    art = visit_article()
    item = StoredEvent(art, _event(art.events, "ev1"), "2017-11-20", 7, 3, 2, 2, "2026-11-29T01:02:03Z")
    row = _row(item)
    assert row["GlobalEventID"] == str(global_event_id("a-hand-1", "ev1"))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20171120", "201711", "2017")
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "RUSGOV", "Vladimir Putin", "RUS", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("SYRGOV", "SYR")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("043", "043", "04", "1")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "2")
    assert row["IsRootEvent"] == "1"  # the first paragraph
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FeatureID"]) == ("4", "RUS", "491422")
    assert row["ActionGeo_FullName"].startswith("Sochi, ")
    assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == (43.6028, 39.7342)
    assert (row["DATEADDED"], row["SOURCEURL"]) == ("20261129010203", "https://example.org/news/1")
    assert row["GoldsteinScale"] == row["AvgTone"] == row["Actor1Geo_Type"] == ""


def test_export_gdelt_second_paragraph_and_no_recipient() -> None:
    art = visit_article()
    row = _row(StoredEvent(art, _event(art.events, "ev2"), "2017-11-21"))
    assert row["IsRootEvent"] == "0"
    assert row["Actor2Code"] == row["Actor2Name"] == ""
    assert (row["Actor1Code"], row["EventRootCode"], row["QuadClass"]) == ("RUSMIL", "19", "4")
    assert (row["NumMentions"], row["DATEADDED"], row["Day"]) == ("1", "", "20171121")


def test_export_gdelt_sector_only_actor_without_place() -> None:
    art = protest_article()
    row = _row(StoredEvent(art, art.events[0], None))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("EDU", "", "EDU")
    assert row["IsRootEvent"] == "1"  # no structure: the first sentence
    assert row["ActionGeo_Type"] == row["ActionGeo_FullName"] == row["SOURCEURL"] == ""
    assert row["Day"] == ""  # neither an event date nor a day


def test_export_gdelt_non_state_code_is_a_known_group() -> None:
    art = visit_article()
    ev = _event(art.events, "ev1")
    ev.actors[0].country = "UNO"
    ev.actors[0].sector = None
    row = _row(StoredEvent(art, ev, "2017-11-20"))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1KnownGroupCode"]) == ("UNO", "", "UNO")


def test_export_gdelt_ids_are_stable_and_distinct() -> None:
    ids = {global_event_id(a, e) for a in ("a-1", "a-2") for e in ("ev1", "ev2")}
    assert len(ids) == 4 and all(0 < i < 2**63 for i in ids)
    assert global_event_id("a-1", "ev1") == global_event_id("a-1", "ev1")
