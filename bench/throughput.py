"""Throughput of the Marsad pipeline over the bench corpus (numbers, never timed assertions).

Usage::

    python bench/throughput.py [CORPUS.jsonl] [--components structure,sentences,tokens]
                               [--workers 1,2] [--limit N] [--out bench/results/throughput.json]

Reports articles/s (wall clock), articles per CPU-second (this process and its workers:
steadier on a shared machine), sentences/s, MB/s (UTF-8 bytes of article text), peak RSS
and seconds per component for each worker count, as a table and as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

from marsad.article import Article
from marsad.cli.extract import resolve_components
from marsad.ingest.readers import ReadFailure, read_path
from marsad.pipeline import Pipeline
from marsad.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"


def _peak_rss_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kb, child_kb) / 1024  # Linux reports kilobytes


def load(corpus: Path, limit: int | None) -> tuple[list[Article], int]:
    settings = load_settings()
    arts: list[Article] = []
    failures = 0
    for item in read_path(corpus, "jsonl", settings):
        if isinstance(item, ReadFailure):
            failures += 1
            continue
        arts.append(item)
        if limit and len(arts) >= limit:
            break
    return arts, failures


def _cpu_seconds() -> float:
    """CPU time of this process and of its reaped children (the pool's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run(arts: list[Article], names: list[str], workers: int) -> dict[str, Any]:
    settings = load_settings()
    pipe = Pipeline.from_names(names, settings)
    fresh = (Article(a.id, a.text, a.meta) for a in arts)  # processed articles are dropped as they come
    t0 = time.perf_counter()
    c0 = _cpu_seconds()
    sentences = 0
    failed = 0
    for res in pipe.pipe(fresh, workers=workers, batch_size=settings.batch_size):
        if res.failure is not None:
            failed += 1
        sentences += len(res.article.sentences or ())
    wall = time.perf_counter() - t0
    cpu = _cpu_seconds() - c0  # the pool has shut down here, so its workers are counted
    mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
    return {
        "workers": workers,
        "articles": len(arts),
        "failed": failed,
        "seconds": round(wall, 3),
        "articles_per_s": round(len(arts) / wall, 1),
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_s": round(len(arts) / cpu, 1) if cpu else None,
        "sentences": sentences,
        "sentences_per_s": round(sentences / wall, 1),
        "mb": round(mb, 2),
        "mb_per_s": round(mb / wall, 3),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "component_seconds": {k: round(v, 3) for k, v in pipe.timings.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSON lines corpus")
    ap.add_argument("--components", default=None, help="comma-separated components (default: all available)")
    ap.add_argument("--workers", default="1,2", help="worker counts to try, comma-separated")
    ap.add_argument("--limit", type=int, default=None, help="read at most N articles")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "throughput.json"))
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"bench corpus not found: {corpus} (pass a JSON lines file as the first argument)")
        return 0
    settings = load_settings()
    names = None if args.components is None else [c.strip() for c in args.components.split(",") if c.strip()]
    components = resolve_components(names, settings)
    t0 = time.perf_counter()
    arts, read_failures = load(corpus, args.limit)
    read_s = time.perf_counter() - t0
    print(f"corpus {corpus.name}: {len(arts)} articles read in {read_s:.2f} s ({read_failures} unreadable)")
    print(f"components: {', '.join(components)}")
    runs = [run(arts, components, int(w)) for w in args.workers.split(",")]

    header = (
        f"{'workers':>7} {'art/s':>9} {'art/cpu-s':>10} {'sent/s':>10} {'MB/s':>7} {'seconds':>8} {'RSS MB':>7}"
        "  per component (s)"
    )
    print(header)
    print("-" * len(header))
    for r in runs:
        comps = ", ".join(f"{k} {v:.2f}" for k, v in r["component_seconds"].items())
        print(
            f"{r['workers']:>7} {r['articles_per_s']:>9.1f} {r['articles_per_cpu_s'] or 0:>10.1f} "
            f"{r['sentences_per_s']:>10.1f} {r['mb_per_s']:>7.3f} "
            f"{r['seconds']:>8.2f} {r['peak_rss_mb']:>7.1f}  {comps}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "corpus": str(corpus),
        "components": components,
        "read_seconds": round(read_s, 3),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "runs": runs,
    }
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
