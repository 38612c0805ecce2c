"""Truncated and corrupt inputs of every kind, a 1M-character article, concurrent ingests into one store."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from faultlib import WORDS, check_store, corpus, ingest_cmd, run_ingest

from marsad.ingest.runner import IngestOptions, ingest
from marsad.store.db import Store
from warc_util import write_warc

TOKENS = IngestOptions(components=("tokens",))


def _text(rnd: random.Random, n: int = 80) -> str:
    return "خبر عاجل\n\n" + " ".join(rnd.choice(WORDS) for _ in range(n)) + "."


def _inputs(d: Path, rnd: random.Random) -> dict[str, bytes]:
    d.mkdir()
    files: dict[str, bytes] = {}
    files["a.txt"] = _text(rnd).encode()
    files["b.html"] = (f"<html><head><meta charset='utf-8'><title>خبر</title></head><body><article><p>{_text(rnd)}"
                       "</p></article></body></html>").encode()
    (d / "c.jsonl").write_text("", encoding="utf-8")
    corpus(d / "c.jsonl", 6, seed=rnd.randrange(1000), prefix=f"j{rnd.randrange(1000)}")
    files["c.jsonl"] = (d / "c.jsonl").read_bytes()
    items = "".join(f"<item><title>عنوان {i}</title><description>{_text(rnd)}</description></item>" for i in range(4))
    files["d.xml"] = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}' \
                     "</channel></rss>".encode()
    write_warc(d / "e.warc")
    files["e.warc"] = (d / "e.warc").read_bytes()
    write_warc(d / "f.warc.gz")
    files["f.warc.gz"] = (d / "f.warc.gz").read_bytes()
    return files


def _damage(data: bytes, rnd: random.Random) -> bytes:
    how = rnd.choice(["cut", "cut", "flip", "zero"])
    at = rnd.randrange(1, len(data))
    if how == "cut":
        return data[:at]
    buf = bytearray(data)
    for i in range(at, min(len(buf), at + rnd.randint(1, 40))):
        buf[i] = rnd.randrange(256) if how == "flip" else 0
    return bytes(buf)


@pytest.mark.parametrize("seed", range(6))
def test_faults_inputs_damaged_of_every_kind(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    d = tmp_path / "in"
    files = _inputs(d, rnd)
    for name, data in files.items():
        (d / name).write_bytes(_damage(data, rnd))
    db = tmp_path / "d.db"
    with Store.open(db) as store:
        report = ingest(store, [str(d)], TOKENS)
        logged = int(store.scalar("SELECT count(*) FROM ingest_log"))
    assert report.failed == logged
    assert report.stored + report.already + report.duplicates + report.failed == report.done
    assert check_store(db) == report.stored
    with Store.open(db) as store:  # a rerun reads the same and stores nothing new
        again = ingest(store, [str(d)], TOKENS)
    assert again.stored == 0 and again.already == report.stored + report.already
    assert (again.duplicates, again.failed) == (report.duplicates, report.failed)


def test_faults_inputs_one_million_characters(tmp_path: Path) -> None:
    rnd = random.Random(1)
    words: list[str] = []
    size = 0
    while size < 1_000_000:
        w = rnd.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    text = "مقال طويل جدا\n\n" + " ".join(words)
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"id": "long", "title": "مقال طويل جدا", "content": text}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    db = tmp_path / "l.db"
    res = run_ingest(src, db=db, extra=("--components", "structure,sentences,tokens"))
    assert res.returncode == 0, res.stderr
    assert check_store(db) == 1


def test_faults_inputs_concurrent_ingests_into_one_store(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    corpus(a, 80, seed=1, prefix="x")
    corpus(b, 80, seed=1, prefix="x")  # the same articles again, written at the same time
    corpus(c, 80, seed=2, prefix="y")
    db = tmp_path / "c.db"
    Store.open(db).close()
    procs = [subprocess.Popen(ingest_cmd(src, db=db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for src in (a, b, c)]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert check_store(db) == 160
