"""``marsad actors`` and ``marsad resources`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli


@pytest.mark.parametrize("query", ["بوتين", "بوتن", "وبوتين", "Putin", "putin"])
def test_cli_actors_lookup_finds_putin(query: str) -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", query])
    assert result.exit_code == 0, result.output
    assert "actor:putin_vladimir  Vladimir Putin" in result.output
    assert "office: president (RUS) 2012-05-07 – present" in result.output
    assert "wikidata: Q7747" in result.output


def test_cli_actors_lookup_json() -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "الكرملين", "--json"])
    assert result.exit_code == 0
    (rec,) = json.loads(result.output)
    assert (rec["id"], rec["country"], rec["sector"]) == ("actor:kremlin", "RUS", "GOV")


def test_cli_actors_lookup_unknown_name() -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "qwertyuiop"])
    assert result.exit_code != 0
    assert "no actor, organisation or place matches 'qwertyuiop'" in str(result.exception)


def test_cli_actors_without_subcommand_lists_the_store(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("استقبل الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية الإيراني.\n", "utf-8")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(src), "--db", db, "--published", "2019-03-04", "--no-progress"])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(cli, ["actors", "--db", db, "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert "actor:putin_vladimir,Vladimir Putin" in listed.output
    queried = runner.invoke(cli, ["actors", "Putin", "--db", db, "--format", "json"])
    assert queried.exit_code == 0, queried.output
    assert [r["id"] for r in json.loads(queried.output)] == ["actor:putin_vladimir"]


def test_cli_actors_lookup_is_still_a_subcommand() -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "--help"])
    assert result.exit_code == 0
    assert "NAME" in result.output


def test_cli_resources_info() -> None:
    result = CliRunner().invoke(cli, ["resources", "info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["actors"] >= 400 and info["curated_places"] >= 60
    assert info["cache"].endswith(f"entities-{info['version']}.pickle")


def test_cli_resources_build_reports_the_cache() -> None:
    result = CliRunner().invoke(cli, ["resources", "build"])
    assert result.exit_code == 0
    assert ".pickle (" in result.output


@pytest.mark.parametrize(("day", "expected"), [("2010-01-01", "on 2010-01-01: head_of_government (RUS)"),
                                              ("2017-11-21", "on 2017-11-21: president (RUS)")])
def test_cli_actors_lookup_office_on_a_date(day: str, expected: str) -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "بوتين", "--date", day])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_cli_actors_lookup_bad_date() -> None:
    result = CliRunner().invoke(cli, ["actors", "lookup", "بوتين", "--date", "21/11/2017"])
    assert result.exit_code != 0
    assert "--date must be YYYY-MM-DD, not '21/11/2017'" in str(result.exception)
