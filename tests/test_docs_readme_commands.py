"""Every shell command in README.md's code blocks runs as written, after ``make run``, on a fresh copy.

The store is built the way ``make run`` builds it (its ``marsad ingest`` line from the Makefile,
with the Makefile's ``DB``), in a temporary copy of the repository's README and samples; then
each command runs there with ``bash``. Commands that serve, install or need Spark are listed in
``SKIPPED`` with the reason; any other command that appears in the README must run and exit 0.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
VENV = Path(sys.executable).parent.parent

SKIPPED = {
    "make run": "serves the web app until stopped (its ingest step is what the fixture runs)",
    "make test": "is this test suite",
    "pip install 'marsad[spark]'": "installs from the package registries",
    "marsad spark ": "needs Apache Spark, Java and the s3a/hdfs inputs it names",
    "marsad import-parquet out/": "reads the output of the Spark job above",
    "pip wheel ": "builds and downloads a wheel",
    "spark-submit ": "needs a Spark cluster",
}

# What a command's output must show, beyond exit status 0.
EXPECT = {
    "marsad extract samples/article.txt": ["## Events", "2017-11-20"],
    "marsad events ": ["CONSULT"],
    "marsad search ": ["sample-01-riyadh-damascus"],
}


def readme_commands() -> list[str]:
    """The shell commands of the README's ``sh`` blocks: continuations joined, comments dropped."""
    out: list[str] = []
    for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", README, flags=re.S):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            cmd = re.sub(r"(^|\s)#.*$", "", line).strip()
            if cmd:
                out.append(cmd)
    return out


def _skip_reason(cmd: str) -> str | None:
    for prefix, reason in SKIPPED.items():
        if cmd.startswith(prefix) or f" {prefix}" in f" {cmd}" or cmd.startswith(f".venv/bin/{prefix}"):
            return reason
    return None


def _make_run_ingest() -> str:
    make = (ROOT / "Makefile").read_text("utf-8")
    recipe = make[make.index("\nrun:"):].split("\n\n")[0]
    line = next(x.strip() for x in recipe.splitlines() if "marsad ingest" in x)
    db = re.search(r"^DB\s*\?=\s*(\S+)", make, flags=re.M)
    assert db is not None, "the Makefile no longer sets DB"
    return line.replace("$(BIN)", ".venv/bin").replace("$(DB)", db.group(1).replace("$(CURDIR)/", ""))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("fresh-clone")
    shutil.copy(ROOT / "README.md", d / "README.md")
    shutil.copytree(ROOT / "samples", d / "samples")
    (d / ".venv").symlink_to(VENV)
    res = subprocess.run(["bash", "-c", _make_run_ingest()], cwd=d, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert (d / ".marsad" / "marsad.db").is_file()
    return d


COMMANDS = readme_commands()


def test_docs_readme_commands_found() -> None:
    assert any(c.startswith(".venv/bin/marsad extract") for c in COMMANDS)
    assert all(c for c in COMMANDS)


@pytest.mark.slow
@pytest.mark.parametrize("cmd", [c for c in COMMANDS if _skip_reason(c) is None])
def test_docs_readme_commands_run_as_written(fresh: Path, cmd: str) -> None:
    res = subprocess.run(["bash", "-c", cmd], cwd=fresh, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, f"`{cmd}` exited {res.returncode}:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}"
    for key, wanted in EXPECT.items():
        if key in cmd:
            for text in wanted:
                assert text in res.stdout, f"`{cmd}` did not print {text!r}"
    if "marsad events " in cmd:
        rows = [line for line in res.stdout.splitlines()[2:] if line.strip()]
        assert len(rows) >= 5, f"`{cmd}` shows {len(rows)} events: pick an example that shows more"
    if "--out " in cmd:
        out = fresh / cmd.split("--out ")[1].split()[0]
        assert out.is_file() and out.stat().st_size > 0


def test_docs_readme_commands_skips_are_still_in_the_readme() -> None:
    for prefix in SKIPPED:
        assert any(prefix in c for c in COMMANDS), f"SKIPPED lists {prefix!r}, which the README no longer shows"
