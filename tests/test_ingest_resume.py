"""An ingest killed with SIGKILL half-way leaves whole articles only; a rerun completes it without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = (
    "أعلنت", "الحكومة", "اليوم", "عن", "خطة", "جديدة", "لدعم", "المزارعين", "في", "المناطق", "الريفية",
    "وتحسين", "شبكات", "الري", "والطرق", "وقال", "المتحدث", "إن", "الوزارة", "ستفتح", "باب", "التسجيل",
    "الأسبوع", "المقبل", "أمام", "الأسر", "المستفيدة", "من", "البرنامج", "وتشمل", "المرحلة", "الأولى",
    "ثلاث", "محافظات", "شمالية", "على", "أن", "تتوسع", "لاحقا", "لتغطي", "باقي", "البلاد", "بحلول", "نهاية",
    "العام",
)
N = 600


def _corpus(path: Path) -> None:
    rnd = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            body = " ".join(rnd.choice(WORDS) for _ in range(60))
            rec = {"id": f"r{i:04d}", "title": f"خبر رقم {i}", "content": body, "source": f"site{i % 5}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _cmd(src: Path, db: Path) -> list[str]:
    code = "import sys; from marsad.cli.main import main; main(sys.argv[1:])"
    return [sys.executable, "-c", code, "ingest", str(src), "--db", str(db), "--components", "tokens",
            "--no-progress"]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_ingest_resume_after_sigkill(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    db = tmp_path / "k.db"
    _corpus(src)
    proc = subprocess.Popen(_cmd(src, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while _count(db) < 30 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _count(db)
    assert 30 <= partial < N

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored article is whole: its search entry and signature are there
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == partial
    assert conn.execute("SELECT count(*) FROM minhashes").fetchone()[0] == partial
    conn.close()

    rerun = subprocess.run(_cmd(src, db), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    first = rerun.stdout.splitlines()[0]
    stored = N - partial
    assert first == f"{N:,} items read: {stored:,} stored, {partial:,} already stored, 0 exact duplicates, 0 failed"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*), count(DISTINCT norm_sha256), count(DISTINCT id) FROM articles").fetchone() \
        == (N, N, N)
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == N
    ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert ids == {f"r{i:04d}" for i in range(N)}
    conn.close()
