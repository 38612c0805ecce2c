"""A loud banner at the end of a test run listing every skipped test and why (see ``conftest.py``).

``-ra`` prints skips as one short line each among the other outcomes; a developer whose
``make test`` skipped the browser or Spark tests (no Chromium, no Java) must not miss that
those checks did not run.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def skip_reason(report: Any) -> str:
    """The reason of a skipped test report (``Skipped: `` prefix removed)."""
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return str(reason).removeprefix("Skipped: ")


def banner(terminalreporter: Any) -> None:
    """Write the banner of skipped tests, grouped by reason, most frequent first."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    by_reason: dict[str, list[str]] = defaultdict(list)
    for rep in skipped:
        by_reason[skip_reason(rep)].append(rep.nodeid)
    tr = terminalreporter
    n = len(skipped)
    tr.write_sep("!", f"{n} TEST{'S' if n != 1 else ''} SKIPPED: these checks did NOT run", red=True, bold=True)
    for reason, ids in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        tr.write_line(f"{len(ids):4d} × {reason}", yellow=True, bold=True)
        files = sorted({i.split("::")[0] for i in ids})
        shown = ", ".join(files[:4]) + (f" and {len(files) - 4} more files" if len(files) > 4 else "")
        tr.write_line(f"       in {shown}")
    tr.write_sep("!", "install what is missing (or run .ci/run) to run them", red=True, bold=True)
