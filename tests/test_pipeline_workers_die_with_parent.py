"""``ingest --workers 2`` killed with SIGKILL: its worker processes end with it instead of running on."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find processes")

WORDS = ("أعلنت", "الوزارة", "اليوم", "عن", "برنامج", "جديد", "لتأهيل", "المدارس", "في", "القرى", "وقال",
         "المدير", "إن", "العمل", "سيبدأ", "الشهر", "المقبل", "بمشاركة", "المجالس", "المحلية")


def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid``."""
    out = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(entry))
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_pipeline_workers_die_with_parent(tmp_path: Path) -> None:
    rnd = random.Random(3)
    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(4000):
            body = " ".join(rnd.choice(WORDS) for _ in range(300))
            fh.write(json.dumps({"id": f"w{i}", "title": f"خبر {i}", "content": body}, ensure_ascii=False) + "\n")
    code = "import sys; from marsad.cli.main import main; main(sys.argv[1:])"
    cmd = [sys.executable, "-c", code, "ingest", str(src), "--db", str(tmp_path / "w.db"), "--workers", "2",
           "--components", "structure,sentences,tokens", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = children(proc.pid)
            time.sleep(0.02)
        assert len(workers) >= 2, "the ingest ended before its workers could be seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [w for w in workers if alive(w)]
        assert left == [], f"worker processes {left} outlived their killed parent"
    finally:
        for w in workers:  # only the processes this test started
            if alive(w):
                os.kill(w, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
