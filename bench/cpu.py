"""CPU time (``time.process_time``) per article and per component over the first N bench articles, one process.

Usage::

    python bench/cpu.py [--limit 300] [--profile OUT.prof]

CPU time is steadier than wall-clock time on a shared machine; for a before/after comparison run the same
command on both versions of the code several times, alternating, and compare the smallest numbers (the code
of another checkout can be run with ``PYTHONPATH=OTHER/src``). The time of the garbage collector is shown apart
(it lands on whichever component happens to trigger a collection). ``--profile`` writes a cProfile file of the
run (its times are inflated by the profiler).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad.article import Article
from marsad.pipeline import Pipeline
from marsad.settings import load_settings
from throughput import DEFAULT_CORPUS, load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSON lines corpus")
    ap.add_argument("--limit", type=int, default=300, help="the first N articles")
    ap.add_argument("--profile", type=Path, default=None, help="write a cProfile file of the run")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"bench corpus not found: {corpus} (pass a JSON lines file as the first argument)")
        return 0
    arts, _ = load(corpus, args.limit)
    pipe = Pipeline.from_names(None, load_settings())
    pipe(Article("warm", arts[0].text, arts[0].meta))  # resources load here, outside the measure
    from marsad.kb import romanize  # and the Latin names index (built at the first foreign surname: ~3 s)

    getattr(romanize, "_latin_names", lambda: None)()
    gc_time = [0.0, 0.0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            gc_time[1] = time.process_time()
        else:
            gc_time[0] += time.process_time() - gc_time[1]

    gc.callbacks.append(on_gc)
    comp = {c.name: 0.0 for c in pipe.components}
    docs = [Article(a.id, a.text, a.meta) for a in arts]
    prof = cProfile.Profile() if args.profile else None
    if prof is not None:
        prof.enable()
    t0 = time.process_time()
    for doc in docs:
        for c in pipe.components:
            t = time.process_time()
            c(doc)
            comp[c.name] += time.process_time() - t
    total = time.process_time() - t0
    if prof is not None:
        prof.disable()
        prof.dump_stats(args.profile)
    gc.callbacks.remove(on_gc)
    n = len(docs)
    print(f"{n} articles: {total / n * 1000:.2f} ms CPU per article (garbage collector {gc_time[0] / n * 1000:.2f})")
    for name, secs in comp.items():
        print(f"  {name:10s} {secs / n * 1000:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
