"""``marsad extract`` through click's CliRunner and through ``marsad.cli.main.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.article import Article
from marsad.cli.main import cli, main

TEXT = "انطلاق مهرجان الشعر\n\nثقافة\n\nافتتح المهرجان مساء أمس بحضور شعراء من عدة دول. وتستمر الفعاليات أسبوعا.\n"
TEXT_LAYER = ["--components", "structure,sentences,tokens"]


def rec(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def text_file(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_cli_extract_json(runner: CliRunner, text_file: Path) -> None:
    res = runner.invoke(cli, ["extract", str(text_file), *TEXT_LAYER, "--published", "2017-11-21"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    art = Article.from_dict(data)
    assert art.text == TEXT
    assert art.meta.published is not None and art.meta.published.isoformat() == "2017-11-21"
    assert [b.kind for b in art.structure or ()] == ["headline", "section", "paragraph"]
    assert len(art.sentences or ()) == 4
    assert art.tokens is not None and art.entities is None
    assert res.stdout.startswith('{\n  "schema_version": 1,')  # indented, Arabic kept as is
    assert "مهرجان" in res.stdout


def test_cli_extract_components_adds_requirements(runner: CliRunner, text_file: Path) -> None:
    res = runner.invoke(cli, ["extract", str(text_file), "--components", "sentences"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["structure"] and data["sentences"] and data["tokens"] is None


def test_cli_extract_text_format(runner: CliRunner, text_file: Path) -> None:
    res = runner.invoke(cli, ["extract", str(text_file), "--format", "text", *TEXT_LAYER])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "Headline (1):\n  b1 [0:19]  انطلاق مهرجان الشعر" in out
    assert "Section (1):\n  b2 [21:26]  ثقافة" in out
    assert "## Sentences (4)" in out
    assert "  4. s4 b3 " in out and "وتستمر الفعاليات أسبوعا." in out
    assert "## Tokens: " in out


def test_cli_extract_jsonl_batch_with_failures(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text(
        "\n".join([rec(title="خبر", content="نص أول."), "{broken", rec(title="بلا نص"), rec(content="نص ثان.")]) + "\n",
        encoding="utf-8",
    )
    res = runner.invoke(cli, ["extract", str(p), "--format", "jsonl", *TEXT_LAYER])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["خبر\n\nنص أول.", "نص ثان."]
    assert res.stderr.splitlines() == [
        f"skipped {p}:2: [E106] invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"skipped {p}:3: [E107] record has no content field (tried content, text, body)",
    ]


def test_cli_extract_batch_json_is_a_list(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text(rec(content="جملة.") + "\n" + rec(content="أخرى.") + "\n", encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(p), *TEXT_LAYER])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert isinstance(data, list) and [d["text"] for d in data] == ["جملة.", "أخرى."]


def test_cli_extract_batch_all_failed(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text("{bad\n[1]\n", encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(p), "--format", "jsonl", *TEXT_LAYER])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert len(res.stderr.splitlines()) == 2


def test_cli_extract_directory(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body></body></html>", encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(tmp_path), "--format", "jsonl", *TEXT_LAYER])
    assert res.exit_code == 0
    assert len(res.stdout.splitlines()) == 1
    assert res.stderr.splitlines() == [
        f"skipped {tmp_path / 'b.txt'}: [E101] input contains only whitespace",
        f"skipped {tmp_path / 'c.html'}: [E105] no article text could be extracted from the HTML",
    ]


def test_cli_extract_stdin(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["extract", "-", "--format", "jsonl", *TEXT_LAYER], input=TEXT.encode("windows-1256"))
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["text"] == TEXT and data["meta"]["extra"]["encoding"] == "windows-1256"


def test_cli_extract_stdin_jsonl(runner: CliRunner) -> None:
    data = (rec(content="أول.") + "\nnope\n" + rec(content="ثان.") + "\n").encode()
    res = runner.invoke(cli, ["extract", "-", "--format", "jsonl", *TEXT_LAYER], input=data)
    assert res.exit_code == 0
    assert len(res.stdout.splitlines()) == 2
    assert res.stderr.startswith("skipped -:2: [E106] invalid JSON")


@pytest.mark.parametrize(
    ("args", "data", "code", "message"),
    [
        (
            ["--published", "21-11-2017"],
            TEXT.encode(),
            2,
            "error: [E109] invalid publication date '21-11-2017': expected YYYY-MM-DD",
        ),
        ([], b"", 2, "error: [E101] {path}: input is empty"),
        ([], b"\x89PNG\r\n\x1a\n\x00\x00", 2, "error: [E102] {path}: input is binary (PNG image), not text"),
        (["--input", "html"], b"<html><body><nav>x</nav></body></html>", 2,
         "error: [E105] {path}: no article text could be extracted from the HTML"),
        (["--components", "parser"], TEXT.encode(), 1, "error: [E202] unknown component 'parser'; known: structure, "),
    ],
)
def test_cli_extract_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], data: bytes, code: int, message: str
) -> None:
    p = tmp_path / "in.txt"
    p.write_bytes(data)
    res = runner.invoke(cli, ["extract", str(p), *args])
    assert res.exit_code == code
    assert res.stdout == ""
    assert res.stderr.startswith(message.format(path=p))


def test_cli_extract_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["extract", str(tmp_path / "none.txt")])
    assert res.exit_code == 2
    assert res.stderr == f"error: [E111] {tmp_path / 'none.txt'}: no such file or directory\n"


def test_cli_extract_too_large(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "settings.toml"
    cfg.write_text("[input]\nmax_bytes = 100\n", encoding="utf-8")
    monkeypatch.setenv("MARSAD_CONFIG", str(cfg))
    p = tmp_path / "big.txt"
    p.write_text("كلمة " * 100, encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(p), *TEXT_LAYER])
    assert res.exit_code == 2
    limit = "over the limit of 100 bytes (setting input.max_bytes)"
    assert res.stderr == f"error: [E104] {p}: input is 900 bytes, {limit}\n"


def test_cli_extract_through_main(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # main() hands the exit status back (the console script passes it to sys.exit)
    assert main(["extract", str(text_file), "--format", "text", *TEXT_LAYER]) == 0
    assert "ثقافة" in capsys.readouterr().out


def test_cli_extract_main_error_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    assert main(["extract", str(p)]) == 2
    assert capsys.readouterr().err == f"error: [E101] {p}: input is empty\n"


def test_cli_extract_help(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["extract", "--help"])
    assert res.exit_code == 0
    for opt in ("--format", "--published", "--input", "--explain", "--components", "--field", "--workers"):
        assert opt in res.stdout


@pytest.mark.shared
def test_cli_extract_seed_text(runner: CliRunner, seed_path: Path) -> None:
    """The definition of done: the seed rendered as text with every available layer."""
    res = runner.invoke(cli, ["extract", str(seed_path), "--format", "text", "--explain", "--published", "2017-11-21"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "Section (1):\n  b2 [56:70]  تقارير وحوارات\n" in out
    assert "Captions (2):\n  b3 [72:82]  بشار الأسد\n  b4 [83:93]  بشار الأسد  (repeats b3)\n" in out
    assert "Sub-headings (8):" in out
    assert "## Sentences (25)" in out
    assert 'بالفعل".' in out


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار المثال</title><link>https://example.com</link><description>x</description>
<item><title>افتتاح مكتبة عامة</title><link>https://example.com/1</link>
<pubDate>Mon, 20 Nov 2017 10:00:00 GMT</pubDate>
<description>افتتحت البلدية مكتبة عامة جديدة في وسط المدينة. وتضم المكتبة آلاف الكتب.</description></item>
<item><title>مباراة ودية</title><link>https://example.com/2</link><pubDate>Tue, 21 Nov 2017 10:00:00 GMT</pubDate>
<description>يلعب المنتخب مباراة ودية يوم الجمعة.</description></item>
</channel></rss>
"""


def test_cli_extract_feed_is_a_batch(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("marsad.ingest.rss")
    p = tmp_path / "news.rss"
    p.write_text(FEED, encoding="utf-8")
    res = runner.invoke(cli, ["extract", str(p), "--format", "jsonl", *TEXT_LAYER])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["meta"]["published"] for r in rows] == ["2017-11-20", "2017-11-21"]
    assert [len(r["sentences"]) for r in rows] == [3, 2]
