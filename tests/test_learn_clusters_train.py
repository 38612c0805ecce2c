"""``marsad train clusters`` writes the clusters with a card that reproduces them; ``--verify`` compares."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from marsad.learn.clusters import CLUSTERS_CARD, CLUSTERS_FILE, command

_WORDS = ["وصل", "غادر", "زار", "الوزير", "الرئيس", "السفير", "إلى", "من", "الرياض", "جدة", "القاهرة", "عمان",
          "صباح", "مساء", "اليوم", "أمس"]


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = []
    for i in range(60):
        words = [_WORDS[(i * k + k) % len(_WORDS)] for k in range(1, 9)]
        lines.append(json.dumps({"title": " ".join(words[:3]), "content": " ".join(words)}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, out: Path, *extra: str) -> Result:
    return CliRunner().invoke(command, ["--corpus", str(_corpus(tmp_path)), "--out", str(out), "--min-count", "1",
                                        "--n-context", "12", "--dims", "3", "--depth", "4", "--max-words", "100",
                                        *extra])


def test_clusters_card_and_verify(tmp_path: Path) -> None:
    out = tmp_path / "models"
    res = _run(tmp_path, out)
    assert res.exit_code == 0, res.output
    card = json.loads((out / CLUSTERS_CARD).read_text(encoding="utf-8"))
    assert card["words"] >= 10 and len(card["corpus"]["sha256"]) == 64
    assert card["options"] == {"min_count": 1, "n_context": 12, "dims": 3, "depth": 4, "max_words": 100}
    assert "--dims 3 --depth 4" in card["reproduce"] and (out / CLUSTERS_FILE).is_file()
    res = _run(tmp_path, out, "--verify")
    assert res.exit_code == 0, res.output
    card["options"]["dims"] = 4
    (out / CLUSTERS_CARD).write_text(json.dumps(card), encoding="utf-8")
    res = _run(tmp_path, out, "--verify")
    assert res.exit_code == 1 and "options" in res.output and "NOT reproduced" in res.output
