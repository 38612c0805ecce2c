"""The link scorer: found by overlap, type, normalised names, country, NIL, extras, agreement; CLI wiring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.article import Article, Entity, Link, Meta, Provenance
from marsad.cli.main import cli
from marsad.eval.link import LinkScore, agreement, norm_name, same_name, score_article, score_units
from marsad.learn.real import Unit
from marsad.pipeline import Pipeline

TEXT = "قال وزير المالية سامي القحطاني إن نادي الصقر سيلعب غدا، وأكد المتحدث باسم الشرطة ذلك."


def _span(s: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(s, pos + 1)
    return pos, pos + len(s)


def _ent(eid: str, s: str, label: str, link: Link | None) -> Entity:
    a, b = _span(s)
    return Entity(eid, a, b, label, "gazetteer", Provenance("entities", "t"), link)


def _item(s: str, **kw: Any) -> dict[str, Any]:
    a, b = _span(s)
    return {"start": a, "end": b, **kw}


@pytest.mark.parametrize(("a", "b"), [
    ("Al-Hilal FC", "al hilal fc"),
    ("Saudi Ministry of Interior", "Ministry of Interior (Saudi Arabia)"),
    ("Abdul Aziz el-Sheikh", "Abdulaziz Sheikh"),
    ("Ṣāliḥ", "Salih"),
])
def test_eval_link_norm_name_equal(a: str, b: str) -> None:
    assert norm_name(a) == norm_name(b)


@pytest.mark.parametrize(("a", "b"), [("Mohammed bin Nayef", "Mohammed bin Salman"), ("Al Nassr", "Al Hilal")])
def test_eval_link_norm_name_differs(a: str, b: str) -> None:
    assert norm_name(a) != norm_name(b)


def _article() -> Article:
    art = Article("a1", TEXT, Meta())
    art.entities = [
        _ent("e1", "وزير المالية سامي القحطاني", "AGENT",
             Link("actor:x", "Sami al-Qahtani", "", "PERS", "SAU", "GOV", role="finance_minister")),
        _ent("e2", "سامي القحطاني", "PERS", Link("actor:x", "Sami al-Qahtani", "", "PERS", "SAU", "GOV")),
        _ent("e3", "الصقر", "PERS", Link("actor:y", "Falcon Man", "", "PERS", "ARE", "GOV")),
        _ent("e4", "غدا", "ORG", None),  # an extra
        _ent("e5", "الشرطة", "AGENT", Link("agent:SAU:COP", "Saudi Arabia police", "", "AGENT", "SAU", "COP")),
    ]
    return art


GOLD = [
    _item("وزير المالية سامي القحطاني", type="PER", name_en="Sami Al Qahtani", notable=False, country="SAU",
          sector="GOV", date_dependent=False),
    _item("نادي الصقر", type="ORG", name_en="Al-Saqr Club", notable=False, country="SAU", sector="SPT",
          date_dependent=False),
    _item("المتحدث باسم الشرطة", type="PER", name_en="police spokesman", notable=False, country="SAU",
          sector="COP", date_dependent=True, uncertain=True),
]


def test_eval_link_score_article() -> None:
    score = LinkScore()
    score_article(_article(), GOLD, (0, len(TEXT)), ["dev", "all"], score, "t")
    d = score.tally("all").as_dict()
    assert d["items"] == 2  # the uncertain one is left out
    assert d["found"] == 1.0
    assert d["type"] == 0.5  # الصقر came out as a person
    assert (d["name"], d["name_strict"]) == (0.5, 0.0)
    assert d["country"] == 0.5 and d["sector"] == 0.5
    assert d["nil_ok"] == 0.5  # the club was linked to a different known actor
    assert d["extra"] == 1 and d["precision"] == 0.75  # e4 (e5, a collective, is not counted)
    assert score.tally("not_date_dependent").items == 2
    assert any("EXTRA 'غدا'" in m for m in score.misses)


def test_eval_link_bootstrap_interval() -> None:
    score = LinkScore()
    for _ in range(5):
        score_article(_article(), GOLD, (0, len(TEXT)), ["dev", "all"], score, "t")
    score_article(_article(), [], (0, len(TEXT)), ["dev", "all"], score, "t")
    ci = score.intervals("all")
    assert ci["found"] == (1.0, 1.0) and ci["name"] == (0.5, 0.5)


def test_eval_link_pipeline_on_written_sentence() -> None:
    text = "وصل الرئيس الروسي فلاديمير بوتين إلى أنقرة."
    a = text.index("الرئيس")
    b = text.index(" إلى")
    unit = Unit("bench", "x", "0" * 64, "dev", (0, len(text)), [
        {"start": a, "end": b, "type": "PER", "name_en": "Vladimir Putin", "notable": True, "country": "RUS",
         "sector": "GOV", "date_dependent": False}], doc=Article("x", text, Meta()))
    score = score_units([unit], Pipeline.from_names(["structure", "sentences", "tokens", "entities"]))
    d = score.tally("dev").as_dict()
    assert (d["found"], d["name"], d["country"], d["type"]) == (1.0, 1.0, 1.0, 1.0)


def _unit(article: str, items: list[dict[str, Any]]) -> Unit:
    return Unit("bench", article, "0" * 64, "dev", (0, 100), items)


def test_eval_link_agreement() -> None:
    a = [_unit("a", [{"start": 0, "end": 5, "type": "PER", "name_en": "Adel al-Jubeir", "country": "SAU"},
                     {"start": 10, "end": 15, "type": "ORG", "name_en": "Al Hilal", "country": "SAU"},
                     {"start": 20, "end": 25, "type": "ORG", "name_en": "X", "country": None}])]
    b = [_unit("a", [{"start": 0, "end": 5, "type": "PER", "name_en": "Adel Al-Jubeir", "country": "SAU"},
                     {"start": 10, "end": 13, "type": "PER", "name_en": "Al Nassr", "country": "SAU"},
                     {"start": 40, "end": 45, "type": "ORG", "name_en": "Y", "country": "SAU"}]),
         _unit("other", [])]
    res = agreement(a, b)
    assert res["articles"] == 1 and res["matched"] == 2
    assert res["mention_f1_overlap"] == round(4 / 6, 4) and res["mention_f1_exact"] == round(2 / 6, 4)
    assert res["name_agreement"] == 0.5 and res["country_agreement"] == 1.0
    assert res["type_agreement"] == 0.5


def test_eval_link_cli_missing_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["eval", "link", str(tmp_path / "none.jsonl")])
    assert res.exit_code != 0
    assert getattr(res.exception, "code", None) == "E111"


def test_eval_link_cli_agreement_json(tmp_path: Path) -> None:
    line = {"corpus": "bench", "article": "a", "sha256": "0" * 64, "split": "dev", "unit": [0, 50],
            "items": [{"start": 1, "end": 4, "type": "ORG", "name_en": "Al Hilal", "country": "SAU"}]}
    ga, gb = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    ga.write_text(json.dumps(line) + "\n", "utf-8")
    gb.write_text(json.dumps(line) + "\n", "utf-8")
    res = CliRunner().invoke(cli, ["eval", "link", str(ga), "--agreement", str(gb), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["mention_f1_exact"] == 1.0 and out["type_kappa"] == 1.0


def test_eval_link_real_gold(shared_dir: Path) -> None:
    gold = Path(__file__).resolve().parent.parent / "gold" / "real" / "links.jsonl"
    if not gold.is_file():
        pytest.skip("gold/real/links.jsonl is not committed yet")
    res = CliRunner().invoke(cli, ["eval", "link", str(gold), "--split", "dev", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["gold"][0]["kind"] == "real" and out["groups"]["dev"]["items"] > 0


@pytest.mark.parametrize(("a", "b"), [("Muhammad bin Nayef", "Mohammed bin Nayef"),
                                      ("Mishari bin Saud Al Saud", "Mishari bin Saud")])
def test_eval_link_norm_name_spellings(a: str, b: str) -> None:
    assert norm_name(a) == norm_name(b)


@pytest.mark.parametrize(("a", "b"), [("Nasser al-Jafn", "Nasser al-Jifn"), ("Fahd al-Khudair", "Fahad Al Khudair"),
                                      ("Riyadh Gymnastics Centre", "Riyadh Gymnastics Center"),
                                      ("Saudi Ministry of Labour", "Ministry of Labor (Saudi Arabia)")])
def test_eval_link_same_name_by_skeleton(a: str, b: str) -> None:
    assert same_name(a, b) and norm_name(a) != norm_name(b)


@pytest.mark.parametrize(("a", "b"), [("Mohammed bin Nayef", "Mohammed bin Salman"), ("Al Nassr", "Al Hilal"),
                                      ("Saud al-Faisal", "Khalid al-Faisal"), ("", "")])
def test_eval_link_same_name_differs(a: str, b: str) -> None:
    assert not same_name(a, b)
