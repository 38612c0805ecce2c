"""``marsad eval events``: gold parsing, scoring and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from events_corpus import article
from marsad.article import Article
from marsad.errors import InputNotFoundError, MalformedGoldError
from marsad.eval import events as ev_eval
from marsad.events.component import make_component
from marsad.settings import Settings

LINE = {"id": "x", "text": "زار الأسد روسيا.", "published": "2017-11-21", "event_type": "CONSULT", "label": True,
        "actor": {"country": "SYR", "sector": "GOV"}, "recipient": {"country": "RUS", "sector": None}}


def _dev_pipeline(a: Article) -> Article:
    art = article(a.text, a.meta.published)
    make_component(Settings())(art)
    return art


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"event_type": "CRIME"}, "<string>:1: 'event_type' must be a PLOVER type, got 'CRIME'"),
        ({"label": "yes"}, "<string>:1: 'label' must be true or false"),
        ({"text": ""}, "<string>:1: missing or empty 'text'"),
        ({"published": "21/11/2017"}, "<string>:1: 'published' is not a YYYY-MM-DD date: '21/11/2017'"),
        ({"actor": "SYR"}, "<string>:1: 'actor' must be an object with 'country' and 'sector', or null"),
    ],
)
def test_eval_events_gold_errors(change: dict[str, object], message: str) -> None:
    with pytest.raises(MalformedGoldError) as err:
        ev_eval.parse_gold(json.dumps({**LINE, **change}, ensure_ascii=False))
    assert err.value.code == "E112"
    assert err.value.message == message


def test_eval_events_gold_not_json_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MalformedGoldError, match=r"<string>:2: not valid JSON"):
        ev_eval.parse_gold(json.dumps(LINE) + "\n{oops")
    with pytest.raises(InputNotFoundError, match=r"gold file not found"):
        ev_eval.load_gold(tmp_path / "none.jsonl")


def test_eval_events_scores() -> None:
    lines = [
        LINE,
        {**LINE, "id": "neg", "text": "لم يزر الأسد روسيا.", "label": False, "actor": None, "recipient": None},
        {**LINE, "id": "fn", "text": "حضر الأسد إلى روسيا.", "actor": None, "recipient": None},
        {**LINE, "id": "a", "text": "هاجم الجيش الإسرائيلي غزة.", "event_type": "ASSAULT",
         "actor": {"country": "ISR", "sector": "MIL"}, "recipient": None},
    ]
    gold = ev_eval.parse_gold("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    result = ev_eval.evaluate(gold, _dev_pipeline)
    consult = result["per_type"]["CONSULT"]
    assert (consult["precision"], consult["recall"], consult["support"]) == (1.0, 0.5, 2)
    assert consult["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert (consult["actor_country_acc"], consult["actor_sector_acc"], consult["recipient_country_acc"]) == (
        1.0, 1.0, 1.0)
    assert consult["recipient_sector_acc"] is None
    assert result["per_type"]["ASSAULT"]["actor_sector_acc"] == 1.0
    assert result["sentences"] == 4 and result["sentences_per_second"] > 0
    assert [m.split()[1] for m in result["misses"]] == ["fn"]


def test_eval_events_command_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(LINE, ensure_ascii=False) + "\n", "utf-8")
    monkeypatch.setattr(ev_eval, "default_pipeline", lambda: _dev_pipeline)
    result = CliRunner().invoke(ev_eval.command, [str(gold), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"gold", "per_type", "macro_f1", "actor_country_acc", "actor_country_n", "sentences",
                        "sentences_per_second"}
    assert out["gold"]["kind"] == "external"
    assert set(out["per_type"]["CONSULT"]) == {"precision", "recall", "f1", "f1_ci95", "support", "cases",
                                               "actor_country_acc", "actor_sector_acc", "recipient_country_acc",
                                               "recipient_sector_acc", "actor_country_n", "actor_sector_n",
                                               "recipient_country_n", "recipient_sector_n"}
    table = CliRunner().invoke(ev_eval.command, [str(gold)])
    assert table.exit_code == 0 and "CONSULT" in table.output
