"""SIGKILL at a random point of an ingest (10 seeds, one and two workers): whole articles only; a rerun completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from faultlib import check_store, corpus, ingest_cmd, run_ingest

N = 250


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "news.jsonl"
    corpus(path, N)
    return path


@pytest.mark.parametrize("seed", range(10))
def test_faults_kill_at_random_points(tmp_path: Path, source: Path, seed: int) -> None:
    rnd = random.Random(seed)
    db = tmp_path / "k.db"
    extra = ("--workers", "2") if seed % 2 else ()
    proc = subprocess.Popen(ingest_cmd(source, db=db, extra=extra), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(rnd.uniform(0.3, 2.5))
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the parent and any workers it started
    proc.wait(30)
    partial = check_store(db) if db.exists() else 0
    assert 0 <= partial <= N
    rerun = run_ingest(source, db=db)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.splitlines()[0].startswith(f"{N:,} items read: {N - partial:,} stored, {partial:,} already")
    assert check_store(db) == N
