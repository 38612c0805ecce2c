"""Agreement of two places annotation passes (``marsad eval places --agreement``), on invented units."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.eval.places import agreement
from marsad.learn.real import Unit


def _place(start: int, end: int, country: str | None, feature: str, lat: float, lon: float,
           **extra: object) -> dict[str, object]:
    return {"start": start, "end": end, "name_en": "x", "country": country, "feature": feature,
            "geonameid": None, "lat": lat, "lon": lon, **extra}


def _unit(article: str, items: list[dict[str, object]], annotator: str, end: int = 100) -> Unit:
    return Unit(corpus="bench", article=article, sha256="0" * 64, split="dev", unit=(0, end), items=items,
                annotator=annotator)


A = [
    _unit("a1", [_place(0, 5, "SAU", "city", 24.69, 46.72),          # exact, same
                 _place(10, 16, "SAU", "admin1", 23.0, 45.8),       # exact, feature differs
                 _place(20, 30, "EGY", "district", 30.09, 31.32),   # overlap only
                 _place(40, 44, "SAU", "country", 24.0, 45.0)], "A"),  # only A
    _unit("a2", [_place(0, 4, "ISR", "city", 31.77, 35.22),
                 _place(50, 55, "YEM", "city", 15.35, 44.2, uncertain=True)], "A"),
    _unit("a3", [], "A"),  # not in B: ignored
]
B = [
    _unit("a1", [_place(0, 5, "SAU", "city", 24.70, 46.70),
                 _place(10, 16, "SAU", "city", 24.69, 46.72),
                 _place(22, 30, "EGY", "district", 30.10, 31.30),
                 _place(60, 63, None, "sea", 20.0, 38.5)], "B"),   # only B
    _unit("a2", [_place(0, 4, "PSE", "city", 31.78, 35.23),        # country differs, near
                 _place(51, 55, "YEM", "city", 15.35, 44.2)], "B"),  # overlaps A's uncertain item: left out
    _unit("zz", [_place(0, 3, "SAU", "city", 0.0, 0.0)], "B"),      # not in A: ignored
]


def test_places_agreement_counts() -> None:
    res = agreement(A, B)
    assert (res["articles"], res["mentions_a"], res["mentions_b"], res["uncertain_left_out"]) == (2, 5, 5, 1)
    assert (res["matched"], res["exact"]) == (4, 3)
    assert (res["precision_b"], res["recall_b"], res["f1"]) == (0.8, 0.8, 0.8)
    assert res["f1_exact"] == 0.6
    assert res["country_agreement"] == 0.75 and res["feature_agreement"] == 0.75
    # country pairs SAU/SAU, SAU/SAU, EGY/EGY, ISR/PSE: po 0.75, pe (2*2 + 1*1) / 16
    assert res["country_kappa"] == round((0.75 - 5 / 16) / (1 - 5 / 16), 4)
    # the admin1 centre and the city are ~190 km apart; the others are within 25 km
    assert (res["within_25km"], res["n_coordinates"]) == (0.75, 4)
    assert (res["within_25km_cities"], res["n_cities"]) == (1.0, 2)
    kinds = sorted(line.split()[1] for line in res["disagreements"])
    assert kinds == ["country:", "far:", "feature:", "only", "only", "span:"]


def test_places_agreement_unit_overlap_only() -> None:
    a = [_unit("a1", [_place(0, 5, "SAU", "city", 24.69, 46.72), _place(150, 155, "SAU", "city", 1, 1)], "A",
               end=200)]
    b = [_unit("a1", [_place(0, 5, "SAU", "city", 24.69, 46.72)], "B", end=100)]
    res = agreement(a, b)
    assert (res["mentions_a"], res["f1"], res["country_kappa"]) == (1, 1.0, 1.0)


def test_places_agreement_cli(tmp_path: Path) -> None:
    def write(path: Path, units: list[Unit]) -> None:
        path.write_text("".join(json.dumps({"corpus": u.corpus, "article": u.article, "sha256": u.sha256,
                                            "split": u.split, "unit": list(u.unit), "guideline": "1",
                                            "annotator": u.annotator, "items": u.items}) + "\n" for u in units),
                        "utf-8")

    write(tmp_path / "a.jsonl", A)
    write(tmp_path / "b.jsonl", B)
    res = CliRunner().invoke(cli, ["eval", "places", str(tmp_path / "a.jsonl"), "--agreement",
                                   str(tmp_path / "b.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["matched"] == 4
    res = CliRunner().invoke(cli, ["eval", "places", str(tmp_path / "a.jsonl"), "--agreement",
                                   str(tmp_path / "b.jsonl"), "--misses"])
    assert res.exit_code == 0, res.output
    assert "only B: 60-63" in res.output and "country_kappa" in res.output
