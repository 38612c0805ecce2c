"""Throughput of the Marsad pipeline over the bench corpus (numbers, never timed assertions).

Usage::

    python bench/throughput.py [CORPUS.jsonl] [--components structure,sentences,tokens]
                               [--workers 1,2] [--limit N] [--out bench/results/throughput.json]

Reports articles/s (wall clock), articles per CPU-second (this process and its workers:
steadier on a shared machine), sentences/s, MB/s (UTF-8 bytes of article text), peak RSS
and seconds and share per component for each worker count, as a table and as JSON; beside them a
bare pass over the same text (UTF-8 decode + structure + sentence split, one core) and the ratio of
the whole pipeline to it; and, with ``--curve``, the time per character of generated articles of
1k to 1M characters without sentence punctuation (the long-article curve, which must stay flat).
``--results`` appends the run to ``bench/RESULTS.md`` with the machine and the date.
"""

from __future__ import annotations

import argparse
import json
import os
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


def bare(arts: list[Article]) -> dict[str, Any]:
    """The floor: decode the UTF-8 bytes and split structure and sentences, one core."""
    raw = [a.text.encode("utf-8") for a in arts]
    pipe = Pipeline.from_names(["structure", "sentences"], load_settings())
    t0 = time.perf_counter()
    sentences = 0
    for a, b in zip(arts, raw, strict=True):
        doc = Article(a.id, b.decode("utf-8"), a.meta)
        pipe(doc)
        sentences += len(doc.sentences or ())
    wall = time.perf_counter() - t0
    return {"seconds": round(wall, 3), "sentences": sentences, "sentences_per_s": round(sentences / wall, 1),
            "articles_per_s": round(len(arts) / wall, 1)}


def curve(arts: list[Article], names: list[str], sizes: list[int]) -> list[dict[str, Any]]:
    """Seconds per character of generated long articles: the bench's words with sentence punctuation removed."""
    words: list[str] = []
    for a in arts:
        words += a.text.translate(str.maketrans(".!?؟\n", "     ")).split()
        if sum(map(len, words)) > max(sizes) * 1.2:
            break
    pipe = Pipeline.from_names(names, load_settings())
    pipe(Article("warm", " ".join(words[:200])))
    out = []
    text = " ".join(words)
    while len(text) < max(sizes):
        text += " " + text
    for n in sizes:
        doc = Article(f"long-{n}", text[:n])
        pipe.timings.clear()
        t0 = time.perf_counter()
        c0 = time.process_time()
        pipe._run(doc)  # no per-article time limit: the curve measures the work itself
        cpu = time.process_time() - c0
        wall = time.perf_counter() - t0
        out.append({"chars": n, "seconds": round(wall, 3), "us_per_char": round(wall / n * 1e6, 2),
                    "cpu_seconds": round(cpu, 3), "cpu_us_per_char": round(cpu / n * 1e6, 2),
                    "component_seconds": {k: round(v, 3) for k, v in pipe.timings.items()}})
    return out


def results_md(report: dict[str, Any]) -> str:
    """A section for bench/RESULTS.md."""
    lines = [f"## {report['date']} — {report['machine']}, Python {report['python']}, {report['cpus']} cores", "",
             f"Corpus `{Path(report['corpus']).name}`, {report['runs'][0]['articles']} articles; components "
             f"{', '.join(report['components'])}.", "",
             "| workers | sentences/s | articles/s | × bare pass | peak RSS MB |", "|---|---|---|---|---|"]
    b = report["bare"]
    for r in report["runs"]:
        ratio = b["sentences_per_s"] / r["sentences_per_s"] if r["sentences_per_s"] else 0
        lines.append(f"| {r['workers']} | {r['sentences_per_s']:,.0f} | {r['articles_per_s']:,.1f} | {ratio:.1f} | "
                     f"{r['peak_rss_mb']:.0f} |")
    lines += ["", f"Bare pass (decode + structure + sentences): {b['sentences_per_s']:,.0f} sentences/s.", "",
              "Share of time per component (1 worker): " + ", ".join(
                  f"{k} {v:.0%}" for k, v in report["runs"][0]["component_share"].items()) + "."]
    if report.get("curve"):
        lines += ["", "Long articles without sentence punctuation (µs per character, wall clock; CPU in brackets): "
                  + ", ".join(f"{c['chars']:,} → {c['us_per_char']} ({c.get('cpu_us_per_char', '–')})"
                              for c in report["curve"]) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSON lines corpus")
    ap.add_argument("--components", default=None, help="comma-separated components (default: all available)")
    ap.add_argument("--workers", default="1,2", help="worker counts to try, comma-separated")
    ap.add_argument("--limit", type=int, default=None, help="read at most N articles")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "throughput.json"))
    ap.add_argument("--curve", default="", help="long-article sizes in characters, e.g. 1000,10000,100000,1000000")
    ap.add_argument("--results", action="store_true", help="append the run to bench/RESULTS.md")
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
    for r in runs:
        total = sum(r["component_seconds"].values()) or 1.0
        r["component_share"] = {k: round(v / total, 3) for k, v in r["component_seconds"].items()}
    floor = bare(arts)
    print(f"bare pass (decode + structure + sentences, 1 core): {floor['sentences_per_s']:,.1f} sentences/s, "
          f"{floor['articles_per_s']:,.1f} articles/s")

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
        ratio = floor["sentences_per_s"] / r["sentences_per_s"] if r["sentences_per_s"] else 0.0
        shares = ", ".join(f"{k} {v:.0%}" for k, v in r["component_share"].items())
        print(f"        {ratio:.1f}x the bare pass; share: {shares}")
    long = curve(arts, components, [int(x) for x in args.curve.split(",") if x]) if args.curve else []
    for c in long:
        print(f"long article {c['chars']:>9,} chars: {c['seconds']:>7.2f} s, {c['us_per_char']:>6.2f} us/char "
              f"(CPU {c['cpu_seconds']:.2f} s, {c['cpu_us_per_char']:.2f} us/char)  "
              + ", ".join(f"{k} {v:.2f}" for k, v in c["component_seconds"].items()))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "corpus": str(corpus),
        "components": components,
        "read_seconds": round(read_s, 3),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
        "runs": runs,
        "bare": floor,
        "curve": long,
    }
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {out}")
    if args.results:
        md = ROOT / "bench" / "RESULTS.md"
        head = "" if md.is_file() else (
            "# Benchmark results\n\nWritten by `make bench` (`bench/throughput.py --results`).\n\n")
        with md.open("a", encoding="utf-8") as fh:
            fh.write(head + results_md(report) + "\n")
        print(f"appended {md}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
