"""A store in a read-only directory or mount can be read; writing it says why it cannot.

As an ordinary user the directory is made read-only with chmod. Root ignores permissions, so
as root the commands run in a private mount namespace where the directory is bind-mounted
read-only (``unshare --mount``); the test skips when that is not allowed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import store_corpus as corpus

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture()
def ro_dir(tmp_path: Path) -> Iterator[Path]:
    d = tmp_path / "ro"
    d.mkdir()
    corpus.write_store(d / "s.db")
    (tmp_path / "one.txt").write_text(corpus.OIL.text, encoding="utf-8")
    if ROOT:
        if shutil.which("unshare") is None:
            pytest.skip("root, and no unshare(1) to make a read-only mount")
        probe = subprocess.run(["unshare", "--mount", "sh", "-c", f"mount --bind -o ro {d} {d}"],
                               capture_output=True, text=True)
        if probe.returncode != 0:
            pytest.skip(f"root, and a read-only bind mount is not allowed here: {probe.stderr.strip()}")
    else:
        d.chmod(0o555)
    try:
        yield d
    finally:
        d.chmod(0o755)


def _marsad(ro: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from marsad.cli.main import main; sys.exit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", code, *args]
    if ROOT:
        inner = f"mount --bind -o ro {shlex.quote(str(ro))} {shlex.quote(str(ro))} && exec {shlex.join(cmd)}"
        cmd = ["unshare", "--mount", "sh", "-c", inner]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _why(ro: Path, name: str) -> str:
    if ROOT:
        return f"the file system holding {ro / name if name == 's.db' else ro} is mounted read-only"
    if name == "s.db":
        return f"its directory {ro} is read-only (SQLite must create s.db-wal and s.db-shm beside the store)"
    return f"its directory {ro} is read-only (SQLite must create {name}-wal and {name}-shm beside the store)"


def test_store_readonly_dir_events_and_search_read_it(ro_dir: Path) -> None:
    db = str(ro_dir / "s.db")
    events = _marsad(ro_dir, "events", "--db", db, "--format", "json")
    assert events.returncode == 0, events.stderr
    assert '"type": "CONSULT"' in events.stdout
    search = _marsad(ro_dir, "search", "لافروف", "--db", db)
    assert search.returncode == 0, search.stderr
    assert search.stdout.strip()
    assert sorted(p.name for p in ro_dir.iterdir()) == ["s.db"]  # nothing written beside it


@pytest.mark.parametrize("name", ["s.db", "new.db"])
def test_store_readonly_dir_writing_says_why(ro_dir: Path, name: str) -> None:
    db = ro_dir / name
    res = _marsad(ro_dir, "ingest", str(ro_dir.parent / "one.txt"), "--db", str(db), "--components", "tokens")
    assert res.returncode == 3
    assert res.stderr.strip() == (
        f"error: [E401] {db}: cannot write the store: {_why(ro_dir, name)}; commands that only read it (events, "
        "search, show, export, serve) still work, or copy it somewhere writable"
    )
