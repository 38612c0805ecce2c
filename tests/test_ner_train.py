"""Training the CRF is deterministic and ``marsad train ner`` writes a loadable model with its card."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from click.testing import CliRunner

from marsad.entities.ner import CARD_FILE, LEXICON_FILE, MODEL_FILE, FeatureExtractor, NerTagger, load_tagger_from
from marsad.errors import TrainingDataError
from marsad.learn.ner import command, train_crf

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
