"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a fresh clone): nothing to read")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seed" / "000_e2f86807f6dedd9a.txt"
    if not path.is_file():
        pytest.skip("the seed article is absent")
    return path


@pytest.fixture(scope="session")
def bench_path(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "bench" / "saudinewsnet-3000.jsonl"
    if not path.is_file():
        pytest.skip("the bench corpus is absent")
    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    """A loud banner listing the skipped tests and why (browser tests without Chromium, Spark without Java ...)."""
    from skip_banner import banner

    banner(terminalreporter)
