"""Golden output: the whole pipeline's JSON for 20 bench articles, saved or compared byte for byte.

Usage::

    python bench/golden.py --save DIR      # before a change that must not change behaviour
    python bench/golden.py --compare DIR   # after it: lists the articles whose output differs

The articles are every 150th of ``../shared/data/bench/saudinewsnet-3000.jsonl`` (20 of them), run with the
default components; provenance versions are kept, so a component whose version changed shows up as a
difference too. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from marsad.learn.real import iter_corpus
from marsad.pipeline import Pipeline


def outputs() -> dict[str, str]:
    pipe = Pipeline.from_names()
    out: dict[str, str] = {}
    for i, doc in enumerate(iter_corpus("bench")):
        if i % 150:
            continue
        pipe(doc)
        out[doc.id] = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True, indent=1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    args = ap.parse_args()
    res = outputs()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for k, v in res.items():
            (args.save / f"{k}.json").write_text(v, encoding="utf-8")
        print(f"saved {len(res)} articles to {args.save}")
        return 0
    differ = 0
    for k, v in res.items():
        old = (args.compare / f"{k}.json").read_text(encoding="utf-8")
        if old != v:
            differ += 1
            diff = list(difflib.unified_diff(old.splitlines(), v.splitlines(), lineterm="", n=0))
            print(f"{k}: differs ({len(diff)} diff lines)")
            print("\n".join(diff[:30]))
    print(f"{len(res) - differ} of {len(res)} identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
