"""A test run that skips tests ends with a banner naming how many were skipped, why, and where."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_skip_banner_report_lists_skips_and_reasons(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        f"import sys\nsys.path.insert(0, {str(HERE)!r})\n"
        "from skip_banner import banner\n\n"
        "def pytest_terminal_summary(terminalreporter, exitstatus, config):\n    banner(terminalreporter)\n",
        encoding="utf-8",
    )
    (tmp_path / "test_a.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.parametrize('i', [1, 2])\n"
        "def test_browser(i):\n    pytest.skip(\"Debian's chromium is not installed\")\n\n"
        "def test_ok():\n    pass\n\n"
        "@pytest.mark.skipif(True, reason='needs Java')\n"
        "def test_spark():\n    pass\n",
        encoding="utf-8",
    )
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = res.stdout
    assert res.returncode == 0, out
    assert "3 TESTS SKIPPED: these checks did NOT run" in out
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "TESTS SKIPPED" in line)
    assert lines[i + 1 : i + 5] == [
        "   2 × Debian's chromium is not installed",
        "       in test_a.py",
        "   1 × needs Java",
        "       in test_a.py",
    ]
    assert "install what is missing (or run .ci/run) to run them" in lines[i + 5]


def test_skip_banner_report_silent_without_skips(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        f"import sys\nsys.path.insert(0, {str(HERE)!r})\nfrom skip_banner import banner\n\n"
        "def pytest_terminal_summary(terminalreporter, exitstatus, config):\n    banner(terminalreporter)\n",
        encoding="utf-8",
    )
    (tmp_path / "test_b.py").write_text("def test_ok():\n    pass\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert "SKIPPED" not in res.stdout
