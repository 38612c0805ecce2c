"""Build the committed CAMEO→PLOVER table from the PLOVER reference file.

Run once when the reference changes::

    python -m marsad.events.build_cameo ../shared/reference/plover/CAMEO2PLOVER-2021.txt

It writes ``events/data/cameo.tsv`` (code, PLOVER type, mode, contexts,
description). Marsad never reads the reference at run time.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The CAMEO cue categories and the PLOVER category of each (PLOVER manual, "CAMEO to PLOVER translation").
CUE_CATEGORIES = {
    "01": ("", "Make public statement"),
    "02": ("", "Appeal"),
    "03": ("AGREE", "Express intent to cooperate"),
    "04": ("CONSULT", "Consult"),
    "05": ("SUPPORT", "Engage in diplomatic cooperation"),
    "06": ("COOPERATE", "Engage in material cooperation"),
    "07": ("AID", "Provide aid"),
    "08": ("CONCEDE", "Yield"),
    "09": ("ACCUSE", "Investigate"),
    "10": ("REQUEST", "Demand"),
    "11": ("ACCUSE", "Disapprove"),
    "12": ("REJECT", "Reject"),
    "13": ("THREATEN", "Threaten"),
    "14": ("PROTEST", "Protest"),
    "15": ("MOBILIZE", "Exhibit force posture"),
    "16": ("SANCTION", "Reduce relations"),
    "17": ("COERCE", "Coerce"),
    "18": ("ASSAULT", "Assault"),
    "19": ("ASSAULT", "Fight"),
    "20": ("ASSAULT", "Use unconventional mass violence"),
}

_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#\s*(.*)$")


def parse(text: str) -> list[tuple[str, str, str, str, str]]:
    """Parse the reference table into (code, type, mode, contexts, description) rows, first row per code."""
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    for code, (ptype, desc) in CUE_CATEGORIES.items():
        rows[code] = (code, ptype, "", "", desc)
    for raw in text.splitlines():
        m = _LINE.match(raw.strip())
        if not m:
            continue
        code, ptype, mode, ctx, desc = (g.strip() for g in m.groups())
        mode = mode.replace(" ", "")
        contexts = ";".join(c.strip() for c in ctx.split(";") if c.strip())
        desc = desc.split("21.09.17")[0].strip()
        rows.setdefault(code, (code, ptype, mode, contexts, desc))
    return sorted(rows.values(), key=lambda r: r[0])


def render(rows: list[tuple[str, str, str, str, str]]) -> str:
    """The TSV text written to ``data/cameo.tsv``."""
    head = "# CAMEO code -> PLOVER; built from CAMEO2PLOVER-2021.txt by marsad.events.build_cameo\n"
    head += "code\ttype\tmode\tcontexts\tdescription\n"
    return head + "".join("\t".join(r) + "\n" for r in rows)


def main(argv: list[str]) -> int:
    """Write the table; ``argv[0]`` is the reference file."""
    src = Path(argv[0])
    out = Path(__file__).parent / "data" / "cameo.tsv"
    out.write_text(render(parse(src.read_text("utf-8"))), "utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
