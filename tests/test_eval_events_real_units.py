"""marsad eval events: bootstrap intervals, the GSR split, and real gold units (a unit is a sentence)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from events_corpus import article
from marsad.article import Article
from marsad.eval import events as ev_eval
from marsad.events.component import make_component
from marsad.learn.real import Unit
from marsad.settings import Settings


def _pipeline(art: Article) -> Article:
    out = article(art.text, art.meta.published)
    make_component(Settings())(out)
    return out


def test_eval_events_real_units_bootstrap_interval_holds_the_f1() -> None:
    sc = ev_eval.TypeScore()
    for gold, pred in [(True, True)] * 8 + [(True, False)] * 2 + [(False, True)] * 2 + [(False, False)] * 30:
        sc.add(gold, pred)
    d = sc.as_dict()
    lo, hi = d["f1_ci95"]
    assert lo <= d["f1"] <= hi and 0.0 < lo < hi <= 1.0
    assert (d["support"], d["cases"]) == (10, 42)
    assert sc.interval() == sc.interval()  # fixed seed


def test_eval_events_real_units_scores_triggers_inside_the_unit() -> None:
    first = "أدانت وزارة الخارجية السعودية الهجوم الإرهابي على المسجد."
    second = "وأضافت الوزارة أن الطقس كان معتدلا في الرياض."
    doc = article(first + " " + second)
    start = doc.text.index("أدانت")
    trig = doc.text.index("أدانت")
    item = {"start": trig, "end": trig + 5, "type": "ACCUSE", "trigger": [trig, trig + 5],
            "actors": [{"start": doc.text.index("وزارة"), "end": doc.text.index("وزارة") + 5, "country": "SAU",
                        "sector": "GOV"}], "recipients": [], "aux": []}
    u1 = Unit("bench", "a1", doc.sha256, "dev", (start, start + len(first)), [item], doc=doc)
    s2 = doc.text.index("وأضافت")
    u2 = Unit("bench", "a1", doc.sha256, "dev", (s2, s2 + len(second)), [], doc=doc)
    result = ev_eval.evaluate_units([u1, u2], _pipeline, types=("ACCUSE", "ASSAULT"))
    acc = result["per_type"]["ACCUSE"]
    assert (acc["precision"], acc["recall"], acc["support"], acc["cases"]) == (1.0, 1.0, 1, 2)
    assert acc["actor_country_acc"] == 1.0
    assert result["per_type"]["ASSAULT"]["support"] == 0


def test_eval_events_real_units_format_detection(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text(json.dumps({"corpus": "bench", "article": "x", "sha256": "0", "split": "dev", "unit": [0, 1],
                                "items": []}) + "\n", encoding="utf-8")
    sent = tmp_path / "sent.jsonl"
    sent.write_text(json.dumps({"id": "D1-1", "text": "نص", "event_type": "ASSAULT", "label": False}) + "\n",
                    encoding="utf-8")
    assert ev_eval.is_real_gold(real) and not ev_eval.is_real_gold(sent)
    assert not ev_eval.is_real_gold(tmp_path / "none.jsonl")


def test_eval_events_real_units_split_by_document(tmp_path: Path) -> None:
    lines = [{"id": f"DOC_{i}-{k}", "text": "نص قصير", "event_type": "ASSAULT", "label": False}
             for i in range(40) for k in (1, 2)]
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    dev = ev_eval.load_split(path, "dev")
    train = ev_eval.load_split(path, "train")
    assert len(dev) + len(train) == 80 and dev and train
    assert not {g.id.rsplit("-", 1)[0] for g in dev} & {g.id.rsplit("-", 1)[0] for g in train}


def test_eval_events_real_units_test_split_needs_real_gold(tmp_path: Path) -> None:
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps({"id": "D-1", "text": "نص", "event_type": "ASSAULT", "label": False}) + "\n",
                    encoding="utf-8")
    from marsad.cli.main import cli

    res = CliRunner().invoke(cli, ["eval", "events", str(path), "--split", "test"])
    assert res.exit_code != 0
    assert "[E500] --split test applies to real gold units only" in str(res.exception)
