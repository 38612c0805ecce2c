"""Training the CRF is deterministic and ``marsad train ner`` writes a loadable model with its card."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from marsad.entities.ner import CARD_FILE, LEXICON_FILE, MODEL_FILE, FeatureExtractor, NerTagger, load_tagger_from
from marsad.errors import TrainingDataError
from marsad.learn.ner import command, train_crf, verify_model
from marsad.learn.report import differences

_NAMES = ["سمير", "كريم", "نادر", "وليد", "هشام", "ماهر"]
_CITIES = ["طنطا", "حمص", "صفاقس", "الموصل", "اربد", "مكناس"]


def _sentences() -> list[tuple[list[str], list[str]]]:
    out = []
    for i in range(24):
        name, city = _NAMES[i % 6], _CITIES[(i * 5) % 6]
        out.append((["وصل", name, "إلى", city, "صباحا"], ["O", "B-PERS", "O", "B-LOC", "O"]))
    return out


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    lexicon = {"LOC": ["حمص"], "TITLE": ["الرييس"]}
    first = train_crf(_sentences(), FeatureExtractor(lexicon), 0.05, 0.01, 30, tmp_path)
    second = train_crf(_sentences(), FeatureExtractor(lexicon), 0.05, 0.01, 30, tmp_path)
    assert first.model == second.model
    assert first.n_features > 0
    tagger = NerTagger(first.model, FeatureExtractor(lexicon))
    assert tagger.tag(["وصل", "كريم", "إلى", "طنطا", "صباحا"]) == ["O", "B-PERS", "O", "B-LOC", "O"]
    assert not list(tmp_path.iterdir())  # the temporary model file is removed


def test_cli_writes_model_lexicon_and_card(tmp_path: Path) -> None:
    data = tmp_path / "mini.conll"
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(*s, strict=True)) for s in _sentences()) + "\n",
                    encoding="utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(command, ["--data", str(data), "--out", str(out), "--max-iter", "20",
                                       "--dev-fraction", "0.25", "--clusters", str(tmp_path / "none.json.gz")])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} >= {MODEL_FILE, LEXICON_FILE, CARD_FILE}
    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    assert card["split"] == {"dev_fraction": 0.25, "train_sentences": 18, "dev_sentences": 6,
                             "rule": card["split"]["rule"]}
    assert len(card["training_data"]["sha256"]) == 64
    assert card["params"]["max_iterations"] == 20
    assert "micro" in card["dev_scores"]
    tagger = load_tagger_from(out)
    assert tagger.version == card["version"]
    assert len(tagger.tag(["وصل", "نادر", "إلى", "حمص"])) == 4
    again = pickle.loads(pickle.dumps(tagger))  # a worker process reloads the same directory
    assert again.version == tagger.version and again.source == out


def test_missing_training_data(tmp_path: Path) -> None:
    res = CliRunner().invoke(command, ["--data", str(tmp_path / "absent.conll"), "--out", str(tmp_path)])
    assert isinstance(res.exception, TrainingDataError)
    assert res.exception.code == "E302"


def test_too_little_data(tmp_path: Path) -> None:
    data = tmp_path / "tiny.conll"
    data.write_text("\n\n".join("زار O\nحمص B-LOC" for _ in range(3)) + "\n", encoding="utf-8")
    res = CliRunner().invoke(command, ["--data", str(data), "--out", str(tmp_path / "m")])
    assert isinstance(res.exception, TrainingDataError)
    assert "only 3 sentences" in res.exception.message


def _mini_data(tmp_path: Path) -> Path:
    data = tmp_path / "mini.conll"
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(*s, strict=True)) for s in _sentences()) + "\n",
                    encoding="utf-8")
    return data


def _train_mini(tmp_path: Path, out: Path, *extra: str) -> Result:
    return CliRunner().invoke(command, ["--data", str(_mini_data(tmp_path)), "--out", str(out), "--max-iter", "20",
                                        "--dev-fraction", "0.25", "--clusters", str(tmp_path / "none.json.gz"),
                                        *extra])


def test_card_records_the_model_and_lexicon_sha256_and_the_command(tmp_path: Path) -> None:
    out = tmp_path / "model"
    assert _train_mini(tmp_path, out).exit_code == 0
    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    assert card["model_sha256"] == hashlib.sha256((out / MODEL_FILE).read_bytes()).hexdigest()
    assert card["version"] == "ner-crf-" + card["model_sha256"][:12]
    assert card["lexicon"]["sha256"] == hashlib.sha256((out / LEXICON_FILE).read_bytes()).hexdigest()
    assert card["reproduce"].startswith("marsad train ner --data ")
    assert "--max-iter 20" in card["reproduce"] and "--dev-fraction 0.25" in card["reproduce"]


def test_verify_passes_on_the_same_run_and_names_what_differs(tmp_path: Path) -> None:
    out = tmp_path / "model"
    assert _train_mini(tmp_path, out).exit_code == 0
    res = _train_mini(tmp_path, out, "--verify")
    assert res.exit_code == 0, res.output
    assert "verified" in res.output
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    card["dev_scores"]["micro"]["f1"] = 0.5
    (out / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    res = _train_mini(tmp_path, out, "--verify")
    assert res.exit_code == 1
    assert "NOT reproduced" in res.output and "dev_scores.micro" in res.output
    assert sorted(p.name for p in out.iterdir()) == [n for n, _ in before]  # --verify writes nothing into --out


def test_verify_fails_when_the_shipped_file_is_not_the_one_its_card_records(tmp_path: Path) -> None:
    shipped, rebuilt = tmp_path / "shipped", tmp_path / "rebuilt"
    assert _train_mini(tmp_path, shipped).exit_code == 0
    shutil.copytree(shipped, rebuilt)
    assert verify_model(shipped, rebuilt) == []
    (shipped / MODEL_FILE).write_bytes(b"not a model")
    assert any("its sha256 is not the one its card records" in d for d in verify_model(shipped, rebuilt))
    assert verify_model(tmp_path / "absent", rebuilt) == [f"{tmp_path / 'absent' / CARD_FILE} is missing"]


def test_differences_by_dotted_key() -> None:
    a = {"x": {"y": 1, "z": 2}, "v": "a"}
    assert differences(a, {"x": {"y": 1, "z": 3}, "v": "a"}, ["x.y", "v"]) == []
    assert differences(a, {"x": {"y": 2}}, ["x.y", "v"]) == ["x.y: shipped 1, rebuilt 2",
                                                             'v: shipped "a", rebuilt absent']
