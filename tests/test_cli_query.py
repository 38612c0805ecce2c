"""``marsad ingest``, ``search``, ``events``, ``show`` and the actors listing, through the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import store_corpus as corpus
from marsad.cli.main import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    corpus.write_store(path)
    yield path


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_cli_query_events_table_json_csv(db: Path) -> None:
    code, out, _ = _run("events", "--db", str(db), "--actor", "SYR")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["day", "type", "mode", "actor", "recipient", "place", "articles", "article", "text"]
    assert len(lines) == 2 + 3
    assert all("Bashar al-Assad" in ln and "Vladimir Putin" in ln for ln in lines[2:])
    code, out, _ = _run("events", "--db", str(db), "--type", "FIGHT", "--format", "json")
    data = json.loads(out)
    assert [(e["type"], e["place"], e["day"]) for e in data] == [("FIGHT", "عدن", "2018-01-28")]
    code, out, _ = _run("events", "--db", str(db), "--recipient", "Sameh Shoukry", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["actor"], r["recipient"], r["actor_codes"], r["place"]) for r in rows] == [
        ("Adel al-Jubeir", "Sameh Shoukry", "SAUGOV", "الرياض")
    ]
    code, out, _ = _run("events", "--db", str(db), "--since", "2030-01-01")
    assert (code, out.strip()) == (0, "no events")


def test_cli_query_search(db: Path) -> None:
    code, out, _ = _run("search", "عدن", "--db", str(db))
    assert code == 0
    assert out.splitlines()[0].endswith("2018-01-28 · sahifa · اشتباكات في عدن")
    assert "[عدن]" in out
    code, out, _ = _run("search", "Putin", "--db", str(db), "--format", "json", "--limit", "2")
    hits = json.loads(out)
    assert len(hits) == 2 and all("[فلاديمير بوتين]" in h["snippet"] for h in hits)
    code, out, _ = _run("search", "ليسموجودا", "--db", str(db))
    assert (code, out.strip()) == (0, "no match")


def test_cli_query_show_marks_layers(db: Path) -> None:
    art = corpus.annotated(corpus.LAVROV_QUOTE)
    code, out, _ = _run("show", art.id, "--db", str(db), "--no-color")
    assert code == 0
    assert "[سيرغي لافروف]{PERS}" in out
    assert "«لا بديل عن الحوار بين السوريين أنفسهم»{q1}" in out
    assert "entities (2):" in out and "quotes (1):" in out
    assert "Sergey Lavrov (actor:lavrov_sergey, RUS/GOV)" in out
    visit = corpus.annotated(corpus.VISIT_A)
    code, out, _ = _run("show", visit.id, "--db", str(db), "--no-color")
    assert "*استقبل*{ev1:CONSULT}" in out and "⟨يوم الاثنين⟩{2017-11-20}" in out
    assert "ev1   CONSULT/visit (040) Bashar al-Assad → Vladimir Putin at سوتشي on 2017-11-20" in out
    code, out, _ = _run("show", visit.id, "--db", str(db), "--json")
    assert json.loads(out) == visit.to_dict()


def test_cli_query_errors(db: Path, tmp_path: Path) -> None:
    code, _, err = _run("show", "no-such-id", "--db", str(db))
    assert code == 3 and err.strip() == "error: [E404] no article with id 'no-such-id'"
    notdb = tmp_path / "notes.db"
    notdb.write_text("just some notes\n" * 50)
    code, _, err = _run("events", "--db", str(notdb))
    assert code == 3 and err.startswith("error: [E403]")
    code, _, err = _run("search", "x", "--db", str(tmp_path / "missing.db"))
    assert code == 3 and "[E404] no store at" in err


def test_cli_query_actors_listing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli.query_actors import cli_list_actors

    cli_list_actors(str(db), "RUS", 10, "json")
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {"actor:putin_vladimir", "actor:lavrov_sergey", "country:RUS"}
    cli_list_actors(str(db), "شكري", 10, "table")
    out = capsys.readouterr().out
    assert "actor:shoukry_sameh" in out and "Sameh Shoukry" in out


def test_cli_query_ingest_summary_and_exit(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join([corpus.jsonl_line(corpus.VISIT_A), "{broken", corpus.jsonl_line(corpus.OIL)]) + "\n",
                   encoding="utf-8")
    db = tmp_path / "i.db"
    args = ("ingest", str(src), "--db", str(db), "--components", "tokens", "--no-progress")
    code, out, _ = _run(*args)
    assert code == 0
    assert out.splitlines()[:2] == ["3 items read: 2 stored, 0 already stored, 0 exact duplicates, 1 failed (E106: 1)",
                                    "  stored: new articles written to the store"]
    code, out, _ = _run(*args)
    assert code == 0
    assert out.splitlines()[0] == "3 items read: 0 stored, 2 already stored, 0 exact duplicates, 1 failed (E106: 1)"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, _ = _run("ingest", str(bad), "--db", str(db), "--no-progress")
    assert code != 0
    assert out.splitlines()[0] == "1 item read: 0 stored, 0 already stored, 0 exact duplicates, 1 failed (E101: 1)"


def test_cli_query_ingest_env_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.txt"
    src.write_text(corpus.CLASHES.text, encoding="utf-8")
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    code, _, _ = _run("ingest", str(src), "--components", "tokens", "--no-progress")
    assert code == 0
    code, out, _ = _run("search", "عدن")
    assert code == 0 and "[عدن]" in out


def test_cli_query_ingest_progress_line() -> None:
    from marsad.cli.ingest import Progress
    from marsad.ingest.runner import IngestReport

    out = io.StringIO()
    bar = Progress(200, out)
    bar.t0 -= 10.0  # as if ingesting had started 10 s ago
    bar.finish(IngestReport(stored=45, already=5, failed=0))
    line = out.getvalue()
    assert line.startswith("\ringest 50/200  25%  5.0 articles/s  ETA 0:00:30")
    assert line.endswith("\n")
