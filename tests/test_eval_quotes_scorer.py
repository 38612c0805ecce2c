"""The quotes scorer on tiny hand-made gold over our own sentences: pairing, boundaries, speakers, false quotes,
agreement between two passes; the CLI on a real bench article (skips without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.article import Article, Provenance, Quote, Span
from marsad.cli.main import cli
from marsad.eval.quotes import (
    agreement,
    cohen_kappa,
    jaccard,
    name_key,
    name_skeleton,
    pair,
    score_article,
    speaker_mentions,
)
from marsad.learn.real import Unit

PROV = Provenance("test", "0")

TEXT = ('قال المتحدث باسم وزارة الصحة سالم الخالدي إن المستشفيات استقبلت عشرين مصابا. '
        'وأضاف الخالدي أن حالتهم مستقرة.\n'
        'وأطلقت الوزارة حملة "صحتك في يدك" في المدارس. وذكر مصدر طبي أن الحملة تستمر شهرا.')


def _at(sub: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(sub, pos + 1)
    return pos, pos + len(sub)


def _item(content: str, cue: str, speaker: str | None, speaker_nth: int = 0, **kw: Any) -> dict[str, Any]:
    s, e = _at(content)
    sp = list(_at(speaker, speaker_nth)) if speaker else None
    return {"start": s, "end": e, "kind": "reported", "cue": list(_at(cue)), "speaker": sp, **kw}


GOLD = [
    _item("المستشفيات استقبلت عشرين مصابا", "قال", "سالم الخالدي", speaker_en="Salem al-Khalidi",
          speaker_kind="person", speaker_country="SAU", speaker_sector="HLH"),
    _item("حالتهم مستقرة", "وأضاف", "الخالدي", 1, speaker_en="Salem al-Khalidi", speaker_kind="person",
          speaker_country="SAU", speaker_sector="HLH"),
    _item("الحملة تستمر شهرا", "وذكر", "مصدر طبي", speaker_en=None, speaker_kind="anonymous",
          speaker_country="SAU", speaker_sector="HLH"),
]
NON_QUOTES = [{"start": _at("صحتك في يدك")[0], "end": _at("صحتك في يدك")[1], "reason": "campaign"}]


def _q(n: int, content: str, *, direct: bool = False, cue: str | None = None, speaker: str | None = None,
       speaker_nth: int = 0, name: str | None = None, country: str | None = None,
       sector: str | None = None) -> Quote:
    s, e = _at(content)
    return Quote(f"q{n}", s, e, direct, PROV, cue=Span(*_at(cue)) if cue else None,
                 speaker_span=Span(*_at(speaker, speaker_nth)) if speaker else None, speaker_name=name,
                 speaker_country=country, speaker_sector=sector)


def _article(quotes: list[Quote]) -> Article:
    art = Article("a1", TEXT)
    art.quotes = quotes
    return art


def test_eval_quotes_name_key() -> None:
    assert name_key("Mansour Al-Turki") == name_key("mansour al turki") == name_key("Mansour Turki")
    assert name_key("Ṣāliḥ el-Ḥarbi") == name_key("Salih Harbi")
    assert name_key("Abdullah") != name_key("Abdulla")
    assert name_key("Abdul-Aziz al-Saud") == name_key("Abdulaziz Al Saud")
    assert name_key("Nabil al-Araby") == name_key("Nabil Elaraby")
    assert name_key("Alaa Ali") != name_key("Aa Ali")
    assert name_key(None) == ""
    assert name_skeleton("Rifaat Gharib") == name_skeleton("Refaat Gharib")
    assert name_skeleton("Mohammed") == name_skeleton("Mohammad") != name_skeleton("Ahmed")
    assert name_skeleton("Mahmoud") == name_skeleton("Mohammed")  # loose: exact-name figures stay beside it


def test_eval_quotes_body_right_by_mention_and_codes() -> None:
    from marsad.eval.quotes import speaker_right

    item = {"speaker": list(_at("وزارة الصحة")), "speaker_en": "Saudi Ministry of Health", "speaker_kind": "body",
            "speaker_country": "SAU", "speaker_sector": "HLH"}
    q = _q(1, "حالتهم مستقرة", speaker="وزارة الصحة", country="SAU", sector="MED")
    assert speaker_right(item, q, span_ok=True)
    assert not speaker_right(item, q, span_ok=False)
    assert not speaker_right({**item, "speaker_kind": "person"}, q, span_ok=True)  # a person needs the name


def test_eval_quotes_person_right_by_skeleton_and_strict_beside() -> None:
    from marsad.eval.quotes import same_name, speaker_right

    item = {"speaker": list(_at("سالم الخالدي")), "speaker_en": "Salem al-Khalidi", "speaker_kind": "person",
            "speaker_country": "SAU", "speaker_sector": "HLH"}
    q = _q(1, "المستشفيات استقبلت عشرين مصابا", speaker="سالم الخالدي", name="Salim al-Khaldi", country="SAU",
           sector="MED")
    assert speaker_right(item, q, span_ok=True)  # the same name spelled another way
    assert not speaker_right(item, q, span_ok=True, strict=True)
    other = _q(1, "المستشفيات استقبلت عشرين مصابا", speaker="سالم الخالدي", name="Salem al-Harbi")
    assert not speaker_right(item, other, span_ok=True)  # another family name is another person
    assert same_name("Rifaat Gharib", "Refaat Gharib") and not same_name("Rifaat Gharib", "Refaat Gharib", strict=True)
    assert not same_name("Rifaat Gharib", None) and not same_name(None, None)


def test_eval_quotes_jaccard_and_pairing() -> None:
    assert jaccard((0, 10), (0, 10)) == 1.0
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 4), (6, 9)) == 0.0
    # the system span overlapping both gold spans goes to the one it overlaps most; one to one
    assert pair([(0, 10), (12, 30)], [(8, 28), (0, 6)]) == [(0, 1), (1, 0)]
    assert pair([(0, 10)], [(0, 4), (2, 9)]) == [(0, 1)]


def test_eval_quotes_all_right() -> None:
    art = _article([
        _q(1, "المستشفيات استقبلت عشرين مصابا", cue="قال", speaker="سالم الخالدي", name="Salem Al-Khalidi",
           country="SAU", sector="HLH"),
        # the carried speaker points at the first mention: another gold mention of the same speaker
        _q(2, "حالتهم مستقرة", cue="وأضاف", speaker="سالم الخالدي", name="Salem al-Khalidi", country="SAU",
           sector="HLH"),
        # the guideline's HLH (health) is Marsad's MED
        _q(3, "الحملة تستمر شهرا", cue="وذكر", speaker="مصدر طبي", country="SAU", sector="MED"),
    ])
    misses: list[str] = []
    d = score_article(art, GOLD, NON_QUOTES, (0, len(TEXT)), misses, "a1").as_dict()
    assert misses == []
    assert (d["gold"], d["found"], d["jaccard"], d["kind"], d["cue"]) == (3, 1.0, 1.0, 1.0, 1.0)
    assert (d["speaker_span"], d["speaker_name"], d["speaker_country"], d["speaker"]) == (1.0, 1.0, 1.0, 1.0)
    assert (d["system"], d["false"]) == (3, 0.0)


def test_eval_quotes_errors_counted() -> None:
    art = _article([
        # boundary too long (takes in «إن»), kind wrong, speaker span on the ministry, name missing
        _q(1, "إن المستشفيات استقبلت عشرين مصابا. وأضاف", direct=True, cue="قال", speaker="وزارة الصحة",
           country="SAU", sector="GOV"),
        # the campaign title in quote marks
        _q(2, "صحتك في يدك", direct=True),
        # the anonymous source: right country, wrong sector
        _q(3, "الحملة تستمر شهرا", cue="وذكر", speaker="مصدر طبي", country="SAU", sector="GOV"),
    ])
    misses: list[str] = []
    d = score_article(art, GOLD, NON_QUOTES, (0, len(TEXT)), misses, "a1").as_dict()
    assert (d["gold"], d["found"]) == (3, round(2 / 3, 4))
    assert d["jaccard_ge_0.8"] == 0.5  # «إن المستشفيات … وأضاف» against «المستشفيات …»: 30/40
    assert d["kind"] == 0.5 and d["cue"] == 1.0
    assert d["speaker_span"] == 0.5 and d["speaker_name"] == 0.0 and d["speaker_country"] == 1.0
    assert d["speaker"] == 0.0 and d["found_and_speaker"] == 0.0
    assert (d["system"], d["false_n"], d["false_on_non_quotes"]) == (3, 1, 1)
    assert any("MISSED" in m and "حالتهم" in m for m in misses)
    assert any("FALSE" in m and "non-quote" in m for m in misses)


def test_eval_quotes_unit_and_uncertain() -> None:
    unit = (0, TEXT.index("\n"))
    art = _article([_q(1, "المستشفيات استقبلت عشرين مصابا", cue="قال", speaker="سالم الخالدي",
                       name="Salem al-Khalidi", country="SAU", sector="HLH"),
                    _q(2, "حالتهم مستقرة", cue="وأضاف", speaker="الخالدي", speaker_nth=1),
                    _q(3, "الحملة تستمر شهرا", cue="وذكر")])  # outside the unit: not scored
    gold = [GOLD[0], {**GOLD[1], "uncertain": True}]
    d = score_article(art, gold, [], unit, [], "a1").as_dict()
    assert (d["gold"], d["found"], d["system"], d["false"]) == (1, 1.0, 1, 0.0)


def test_eval_quotes_speaker_mentions_named_elsewhere() -> None:
    spans = speaker_mentions(GOLD[1], GOLD, TEXT)
    assert list(_at("الخالدي", 1)) == list(spans[0])
    assert _at("سالم الخالدي") in spans  # the first quote's speaker span, the same name
    assert _at("مصدر طبي") not in spans


def test_eval_quotes_kappa() -> None:
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) == -1.0
    assert cohen_kappa([("a", "a"), ("a", "a")]) == 1.0
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == 0.5


def _unit(items: list[dict[str, Any]], article: str = "a1") -> Unit:
    return Unit("bench", article, "0" * 64, "dev", (0, len(TEXT)), items)


def test_eval_quotes_agreement() -> None:
    b_items = [
        {**GOLD[0], "speaker_en": "Salim al-Khalidi"},
        {**GOLD[2], "kind": "direct", "speaker_kind": "person"},
    ]
    res = agreement([_unit(GOLD), _unit([], "a2")], [_unit(b_items)])
    assert (res["articles"], res["quotes_a"], res["quotes_b"], res["matched"]) == (1, 3, 2, 2)
    assert res["f1"] == 0.8
    assert res["speaker_name"] == 0.0 and res["speaker_span"] == 1.0 and res["speaker_country"] == 1.0
    assert res["kappa_kind"] == 0.0  # A always reported: no agreement beyond chance


def test_eval_quotes_cli_real_article(shared_dir: Path, tmp_path: Path) -> None:
    from marsad.learn.real import load_article

    doc = load_article("bench", "bench-0000", shared_dir)
    gold = tmp_path / "gold" / "real" / "quotes.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text(json.dumps({"corpus": "bench", "article": doc.id.split(":")[-1], "sha256": doc.sha256,
                                "split": "dev", "unit": [0, len(doc.text)], "items": []}) + "\n", "utf-8")
    res = CliRunner().invoke(cli, ["eval", "quotes", str(gold), "--split", "dev"])
    assert res.exit_code == 0, res.output
    assert "(real:" in res.output and "dev" in res.output
    res = CliRunner().invoke(cli, ["eval", "quotes", str(gold), "--json"])
    out = json.loads(res.output)
    assert out["gold"][0]["kind"] == "real" and out["groups"]["all"]["gold"] == 0
    res = CliRunner().invoke(cli, ["eval", "quotes", str(gold), "--agreement", str(gold), "--json"])
    assert json.loads(res.output)["agreement"]["articles"] == 1
