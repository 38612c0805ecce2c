"""The places scorer: found by overlap, right country, within 25 km, extras; both gold formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.errors import MalformedGoldError
from marsad.eval.places import distance_km, evaluate, is_real


def test_eval_places_distance() -> None:
    assert round(distance_km(24.7136, 46.6753, 21.4858, 39.1925)) in range(840, 860)  # Riyadh–Jeddah


def test_eval_places_unit_file(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    lines = [
        {"text": "وصل وفد رسمي إلى حلب صباح اليوم.", "expected": [
            {"surface": "حلب", "country": "SYR", "lat": 36.2, "lon": 37.16, "feature": "city"}]},
        {"text": "وصل وفد رسمي إلى القاهرة صباح اليوم.", "expected": [
            {"surface": "القاهرة", "country": "IRQ", "lat": 33.3, "lon": 44.4, "feature": "city"}]},
    ]
    gold.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    assert not is_real(gold.read_text("utf-8"))
    _, score = evaluate(str(gold))
    d = score.tally("all").as_dict()
    assert (d["places"], d["found"], d["right_country"], d["within_25km"]) == (2, 1.0, 0.5, 0.5)


def test_eval_places_cli_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"text": "زار الوفد موسكو.", "expected": [
        {"surface": "موسكو", "country": "RUS", "lat": 55.75, "lon": 37.62, "feature": "city"}]},
        ensure_ascii=False) + "\n", "utf-8")
    res = CliRunner().invoke(cli, ["eval", "places", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["gold"]["kind"] == "external" and out["groups"]["all"]["right_country"] == 1.0


def test_eval_places_bad_surface(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"text": "نص", "expected": [{"surface": "حلب"}]}, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(MalformedGoldError) as err:
        evaluate(str(gold))
    assert err.value.code == "E112"
    assert str(err.value).endswith("g.jsonl:1: surface 'حلب' is not in the text")
