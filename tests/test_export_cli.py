"""``marsad export`` and ``marsad import-parquet`` from the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from export_articles import protest_article, visit_article
from marsad.cli.main import cli
from marsad.store.db import Store
from marsad.store.queries import list_events
from marsad.store.writer import write_article


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        write_article(store, visit_article())
        write_article(store, protest_article())
    return path


def _keys_csv(text: str) -> set[tuple[str, str]]:
    return {(r["article_id"], r["event_id"]) for r in csv.DictReader(io.StringIO(text))}


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"type": "CONSULT"},
        {"actor": "RUS"},
        {"actor": "فلاديمير بوتين"},
        {"recipient": "SYR"},
        {"mode": "demo"},
        {"since": "2017-11-21"},
        {"until": "2017-11-20"},
        {"place": "Idlib"},
        {"actor": "RUS", "type": "ASSAULT"},
    ],
)
def test_export_cli_filters_match_events(db: Path, filters: dict[str, str]) -> None:
    args = [f"--{k}={v}" for k, v in filters.items()]
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv", "--include-historical", *args])
    assert result.exit_code == 0, result.output
    with Store.open(db, readonly=True) as store:
        expected = {(e.article_id, e.event_id)  # type: ignore[arg-type]
                    for e in list_events(store, limit=1000, include_historical=True, **filters)}
    got = _keys_csv(result.stdout)
    assert expected, "every filter case matches some event"
    assert got == expected
    assert f"exported {len(expected)} events as csv" in result.stderr


def test_export_cli_gdelt_without_header_to_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "gdelt-tsv", "--no-header",
                                      "--include-historical", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GlobalEventID")


def test_export_cli_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db"), "--format", "csv"])
    assert result.exit_code == 3
    assert "[E404] no store at" in result.stderr


def test_export_cli_tables_then_import_is_idempotent(db: Path, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet-tables", "--out", str(tables)])
    assert result.exit_code == 0, result.output
    assert (tables / "events" / "part-00000.parquet").is_file()
    target = tmp_path / "copy.db"
    first = runner.invoke(cli, ["import-parquet", str(tables), "--db", str(target)])
    assert first.exit_code == 0, first.output
    assert "2 stored (3 events), 0 already stored" in first.stdout
    again = runner.invoke(cli, ["import-parquet", str(tables), "--db", str(target)])
    assert "0 stored (0 events), 2 already stored" in again.stdout
    with Store.open(db, readonly=True) as a, Store.open(target, readonly=True) as b:
        assert list_events(a, limit=100) == list_events(b, limit=100)


def test_export_cli_tables_refuse_filters(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet-tables", "--out",
                                      str(tmp_path / "t"), "--type", "CONSULT"])
    assert result.exit_code == 2
    assert "[E500] --format parquet-tables writes whole tables: event filters do not apply" in result.stderr


def test_export_cli_import_missing_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import-parquet", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert f"[E121] {tmp_path / 'nope'}: no such directory" in result.stderr
