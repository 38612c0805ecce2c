"""``marsad eval times``: scoring, JSON output, bad gold (E112), and the gold file's pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.errors import MalformedGoldError
from marsad.eval.times import load_gold, parse_gold, score, value_granularity

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold" / "unit" / "times.jsonl"
FLOOR = ROOT / "gold" / "unit" / "times.floor.json"


def _line(text: str, published: str | None, expected: list[tuple[str, str]]) -> str:
    return json.dumps(
        {"text": text, "published": published, "expected": [{"surface": s, "value": v} for s, v in expected]},
        ensure_ascii=False,
    )


def test_eval_times_scores_found_wrong_and_missed(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        "\n".join(
            [
                _line("وصل أمس وغادر اليوم.", "2017-11-21", [("أمس", "2017-11-20"), ("اليوم", "2017-11-20")]),
                _line("جرى ذلك في زمن بعيد.", "2017-11-21", [("زمن بعيد", "2010")]),
                _line("التقى مساء أمس الإثنين.", None, [("مساء أمس الإثنين", "REL:day-1:wd=0:pod=evening")]),
            ]
        ),
        "utf-8",
    )
    result = score(load_gold(gold))
    assert (result.expressions, result.found, result.correct, result.extra) == (4, 3, 2, 0)
    assert any("WRONG 'اليوم'" in m for m in result.misses)
    assert any("MISSED 'زمن بعيد'" in m for m in result.misses)


def test_eval_times_matches_repeated_surface_by_occurrence() -> None:
    text = "قال المتحدث اليوم إن الوفد يصل اليوم."
    both = score(parse_gold(_line(text, "2017-11-21", [("اليوم", "2017-11-21"), ("اليوم", "2017-11-21")])))
    assert (both.found, both.correct, both.extra) == (2, 2, 0)
    text2 = "وصل أمس الأول وغادر أمس."
    second = score(parse_gold(_line(text2, "2017-11-21", [("أمس الأول", "2017-11-19"), ("أمس", "2017-11-20")])))
    assert (second.found, second.correct, second.extra) == (1, 1, 1)  # the 1st "أمس" is inside "أمس الأول"


def test_eval_times_cli_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(_line("يزور روسيا هذا الأسبوع.", "2017-11-21", [("هذا الأسبوع", "2017-W47")]), "utf-8")
    out = CliRunner().invoke(cli, ["eval", "times", str(gold), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert (data["surface_recall"], data["value_accuracy"], data["expressions"]) == (1.0, 1.0, 1)
    assert data["per_granularity"] == {"week": {"count": 1, "recall": 1.0, "accuracy": 1.0}}


def test_eval_times_cli_table_lists_misses(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(_line("وصل اليوم.", "2017-11-21", [("اليوم", "2017-11-22")]), "utf-8")
    out = CliRunner().invoke(cli, ["eval", "times", str(gold), "--misses"])
    assert out.exit_code == 0, out.output
    assert "value accuracy  0.0000  (0/1)" in out.output
    assert "line 1: WRONG 'اليوم': expected '2017-11-22', got '2017-11-21'" in out.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "x", "published": null, "expected": []}\nnot json', "g.jsonl:2: not valid JSON"),
        ('{"published": null, "expected": []}', "g.jsonl:1: missing or empty 'text'"),
        ('{"text": "أمس", "published": "2017-13-40", "expected": []}', "g.jsonl:1: 'published' is not a YYYY-MM-DD"),
        ('{"text": "أمس", "published": null}', "g.jsonl:1: missing 'expected' list"),
        (
            '{"text": "أمس", "published": null, "expected": [{"surface": "غدا", "value": "x"}]}',
            "g.jsonl:1: surface 'غدا' (occurrence 1) is not in the text",
        ),
        ('{"text": "أمس", "published": null, "expected": [{"surface": "أمس"}]}', "g.jsonl:1: each expected item"),
    ],
)
def test_eval_times_bad_gold_is_e112_with_line(tmp_path: Path, content: str, message: str) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(content, "utf-8")
    with pytest.raises(MalformedGoldError) as err:
        load_gold(gold)
    assert err.value.code == "E112"
    assert message in str(err.value)


def test_eval_times_bad_gold_cli_exit(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text("[1, 2]\n", "utf-8")
    out = CliRunner().invoke(cli, ["eval", "times", str(gold)])
    assert out.exit_code != 0
    assert isinstance(out.exception, MalformedGoldError)


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2017-11-20TEV", "part_of_day"),
        ("2017-11-20", "day"),
        ("2017-W47", "week"),
        ("2017-10", "month"),
        ("2015", "year"),
        ("199X", "decade"),
        ("2011/2017-11-21", "interval"),
        ("P3D", "duration"),
        ("REL:day-1", "relative"),
        ("XXXX-11-21", "day"),
        ("2017-Q1", "quarter"),
        ("2017-H2", "half"),
    ],
)
def test_eval_times_value_granularity(value: str, granularity: str) -> None:
    assert value_granularity(value) == granularity


def test_eval_times_gold_file_meets_pinned_floors() -> None:
    floors = json.loads(FLOOR.read_text("utf-8"))
    assert floors["surface_recall"] >= 0.98 and floors["value_accuracy"] >= 0.98
    cases = load_gold(GOLD)
    result = score(cases)
    assert result.expressions >= 300
    assert result.surface_recall >= floors["surface_recall"], result.misses
    assert result.value_accuracy >= floors["value_accuracy"], result.misses
    assert result.precision >= floors["precision"], result.misses


def test_eval_times_gold_covers_every_form() -> None:
    result = score(load_gold(GOLD))
    for gran in ("part_of_day", "day", "week", "month", "year", "decade", "interval", "duration", "relative"):
        assert result.per_granularity[gran].count >= 5, gran
