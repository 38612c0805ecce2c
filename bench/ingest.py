"""Ingest benchmark: articles/s with 1 and 2 workers, store size per 1,000 articles, query latency.

Usage: .venv/bin/python bench/ingest.py [--limit N] [--components LIST]

Reads ../shared/data/bench/saudinewsnet-3000.jsonl, prints the numbers and writes them
to bench/results/ingest.json. Numbers only, never timed assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from marsad.ingest.runner import IngestOptions, ingest
from marsad.store import queries
from marsad.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"
OUT = ROOT / "bench" / "results" / "ingest.json"


def _latency(fn: object, repeat: int = 20) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": round(statistics.median(times), 2), "max_ms": round(max(times), 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    ap.add_argument("--components", default=None, help="Comma-separated components (default: all installed).")
    ap.add_argument("--workers", default="1,2", help="Worker counts to measure (default: 1,2).")
    args = ap.parse_args()
    if not BENCH.is_file():
        print(f"bench corpus not found: {BENCH}", file=sys.stderr)
        return 1
    comps = tuple(c for c in args.components.split(",") if c) if args.components else None
    results: dict[str, object] = {
        "corpus": BENCH.name,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "runs": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with BENCH.open("rb") as fin, src.open("wb") as fout:
            fout.writelines(islice(fin, args.limit) if args.limit else fin)
        last_db = None
        for workers in (int(w) for w in args.workers.split(",")):
            db = Path(tmp) / f"bench-{workers}.db"
            with Store.open(db) as store:
                t0 = time.perf_counter()
                rep = ingest(store, [str(src)], IngestOptions(workers=workers, components=comps))
                secs = time.perf_counter() - t0
                store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = store.size_bytes()
            run = {
                "workers": workers,
                "components": rep.components,
                "stored": rep.stored,
                "exact_duplicates": rep.duplicates,
                "near_duplicates": rep.near_duplicates,
                "failed": rep.failed,
                "events": rep.events,
                "seconds": round(secs, 2),
                "articles_per_s": round((rep.stored + rep.duplicates) / secs, 2),
                "store_bytes": size,
                "store_mb_per_1000_articles": round(size / max(rep.stored, 1) * 1000 / 1e6, 2),
            }
            results["runs"].append(run)  # type: ignore[attr-defined]
            print(f"workers={workers}: {run['stored']} stored, {run['exact_duplicates']} exact and "
                  f"{run['near_duplicates']} near duplicates, {run['events']} events in {secs:.1f} s = "
                  f"{run['articles_per_s']} articles/s; store {size / 1e6:.1f} MB = "
                  f"{run['store_mb_per_1000_articles']} MB per 1,000 articles")
            last_db = db
        assert last_db is not None
        with Store.open(last_db, readonly=True) as store:
            t0 = time.perf_counter()
            again = None
            with Store.open(last_db) as w:
                again = ingest(w, [str(src)], IngestOptions(workers=1, components=comps))
            results["reingest"] = {"seconds": round(time.perf_counter() - t0, 2), "already": again.already,
                                   "stored": again.stored}
            print(f"re-ingest: {again.stored} stored, {again.already} already stored in "
                  f"{results['reingest']['seconds']} s")  # type: ignore[index]
            n_rus = len(queries.list_events(store, actor="RUS", limit=1000))
            lat = {
                "events_actor_RUS": _latency(lambda: queries.list_events(store, actor="RUS", limit=100)),
                "search_السعودية": _latency(lambda: queries.search(store, "السعودية", limit=20)),
                "search_Iran": _latency(lambda: queries.search(store, "Iran", limit=20)),
                "stats": _latency(lambda: queries.stats(store), repeat=5),
            }
            results["queries"] = lat
            results["events_actor_RUS_rows"] = n_rus
            for name, v in lat.items():
                print(f"query {name}: median {v['median_ms']} ms, max {v['max_ms']} ms")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
