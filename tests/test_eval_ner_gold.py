"""Reading gold CoNLL files and the ``marsad eval ner`` command on a small file we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.errors import InputNotFoundError, MalformedGoldError
from marsad.eval.ner import command, entities_to_bio, gold_article
from marsad.learn.conll import parse_conll, read_conll, split_dev

GOLD = """\
وصل B-PERS
أحمد I-PERS
إلى O
القاهرة B-LOC

وقالت O
وزارة B-ORG
الصحة I-ORG
إن O
الوضع O
مستقر O
"""


def test_parse_conll_sentences() -> None:
    sents = parse_conll(GOLD)
    assert len(sents) == 2
    assert sents[0] == (["وصل", "أحمد", "إلى", "القاهرة"], ["B-PERS", "I-PERS", "O", "B-LOC"])
    assert sents[1][1][1:3] == ["B-ORG", "I-ORG"]


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("قال O\nزيد B-PERS extra\n", 2, "expected two columns"),
        ("قال O\n\nعمرو X-PERS\n", 3, "is not O, B-TYPE or I-TYPE"),
        ("\n\n", 1, "no sentences"),
    ],
)
def test_malformed_gold_names_the_line(text: str, line: int, what: str) -> None:
    with pytest.raises(MalformedGoldError) as info:
        parse_conll(text, "g.conll")
    assert info.value.code == "E112"
    assert f"g.conll:{line}:" in info.value.message
    assert what in info.value.message


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        read_conll(tmp_path / "absent.conll")


def test_split_dev_takes_the_last_sentences() -> None:
    sents = [([str(i)], ["O"]) for i in range(20)]
    train, dev = split_dev(sents, 0.1)
    assert [t[0][0] for t in dev] == ["18", "19"]
    assert len(train) == 18


def test_gold_article_keeps_gold_tokens() -> None:
    sents = [t for t, _ in parse_conll(GOLD)]
    art = gold_article(sents)
    assert art.text.split("\n")[1] == "وقالت وزارة الصحة إن الوضع مستقر"
    assert [art.surface(t.start, t.end) for t in art.tokens or []] == [w for s in sents for w in s]
    assert [art.surface(s.start, s.end) for s in art.sentences or []] == [" ".join(s) for s in sents]
    assert art.structure is not None and len(art.structure) == 2


def test_entities_map_back_to_bio() -> None:
    from marsad.article import Entity

    sents = [t for t, _ in parse_conll(GOLD)]
    art = gold_article(sents)
    prov = art.provenance("test", "1")
    toks = art.tokens or []
    art.entities = [
        Entity("e1", toks[0].start, toks[1].end, "PERS", "ner", prov),
        Entity("e2", toks[3].start, toks[3].end, "LOC", "ner", prov),
        Entity("e3", toks[5].start, toks[6].end, "AGENT", "role", prov),  # not a scored label
    ]
    assert entities_to_bio(art, sents) == [["B-PERS", "I-PERS", "O", "B-LOC"], ["O"] * 6]


def test_cli_json_has_the_documented_keys(tmp_path: Path) -> None:
    path = tmp_path / "g.conll"
    path.write_text(GOLD, encoding="utf-8")
    res = CliRunner().invoke(command, [str(path), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"gold", "micro", "per_type", "tokens_per_second"}
    assert set(data["micro"]) == {"precision", "recall", "f1"}
    assert data["per_type"]["ORG"]["support"] == 1
    assert set(data["per_type"]["PERS"]) == {"precision", "recall", "f1", "support"}
    assert data["tokens_per_second"] > 0


def test_cli_table(tmp_path: Path) -> None:
    path = tmp_path / "g.conll"
    path.write_text(GOLD, encoding="utf-8")
    res = CliRunner().invoke(command, [str(path)])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("gold: ")
    assert lines[1].split() == ["type", "precision", "recall", "f1", "support"]
    assert any(line.startswith("micro") for line in lines)


def test_cli_bad_gold_exits_with_e112(tmp_path: Path) -> None:
    from marsad.cli.main import main

    path = tmp_path / "bad.conll"
    path.write_text("قال O\nفلان\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["eval", "ner", str(path)])
    assert info.value.code == 2
