"""Web benchmark: p50/p95 latency of /api/events, the search, article and events pages under concurrent clients.

Usage: .venv/bin/python bench/web.py [--db PATH] [--clients 20] [--requests 600] [--workers 2]
       [--server-workers 1] [--out bench/results/web.json]

Without ``--db`` the bench corpus (../shared/data/bench/saudinewsnet-3000.jsonl) is ingested
once with ``marsad ingest`` into ``bench/results/web-bench.db`` (reused by later runs). The
server is ``marsad serve`` in its own process on a free loopback port; the clients are
threads with their own ``httpx.Client``. Each endpoint gets a bounded number of requests,
spread over the clients. Prints the numbers and writes them to ``bench/results/web.json``.
Numbers only, never timed assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"
RESULTS = ROOT / "bench" / "results"
MARSAD = [str(Path(sys.executable).with_name("marsad"))]  # the console script beside this Python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(db: Path, workers: int, exclude: list[str]) -> float:
    """Ingest the bench corpus into ``db`` (less the excluded ids); returns the seconds it took.

    Ingest is idempotent, so an interrupted build is completed by the next run.
    """
    if not CORPUS.is_file():
        sys.exit(f"no bench corpus at {CORPUS}: give --db PATH of an existing store")
    db.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = CORPUS
        if exclude:
            source = Path(tmp) / "corpus.jsonl"
            with CORPUS.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as out:
                for line in src:
                    if json.loads(line).get("id") not in exclude:
                        out.write(line)
        t0 = time.perf_counter()
        cmd = [*MARSAD, "ingest", str(source), "--db", str(db), "--workers", str(workers), "--no-progress"]
        subprocess.run(cmd, check=True)
    return time.perf_counter() - t0


def store_facts(db: Path) -> dict[str, object]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
        types = [r[0] for r in con.execute("SELECT type FROM events GROUP BY type ORDER BY count(*) DESC")]
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        titles = [r[0] or "" for r in con.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        con.close()
    # search words: the most frequent words of four letters or more in the titles
    counts = Counter(w for t in titles for w in re.findall(r"[\u0621-\u064a]{4,}", t))
    words = [w for w, _ in counts.most_common(200)]
    return {"ids": ids, "types": types, "events": n_events, "words": words}


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [*MARSAD, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("the server did not start")


def run_load(base: str, make_path: Callable[[random.Random], str], clients: int, total: int) -> dict[str, object]:
    """``total`` GET requests spread over ``clients`` threads; latencies in milliseconds."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def client(n: int, seed: int) -> None:
        rng = random.Random(seed)
        mine: list[float] = []
        with httpx.Client(base_url=base, timeout=60) as http:
            for _ in range(n):
                path = make_path(rng)
                t0 = time.perf_counter()
                r = http.get(path)
                mine.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    with lock:
                        errors.append(f"{r.status_code} {path}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n, i)) for i, n in enumerate(per_client)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(q[94], 1),
        "max_ms": round(max(latencies), 1),
        "throughput_rps": round(len(latencies) / wall, 1),
        "wall_s": round(wall, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None,
                    help="An existing store (default: build bench/results/web-bench.db)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=600, help="Requests per endpoint")
    ap.add_argument("--workers", type=int, default=2, help="Ingest workers when building the store")
    ap.add_argument("--exclude", action="append", default=[], metavar="ID",
                    help="Leave this corpus record out of the store (repeatable); e.g. one the pipeline hangs on")
    ap.add_argument("--server-workers", type=int, default=1, help="marsad serve --workers")
    ap.add_argument("--out", type=Path, default=RESULTS / "web.json", help="Where to write the numbers")
    ap.add_argument("--rebuild", action="store_true", help="Complete the store even if it exists")
    args = ap.parse_args()

    ingest_s = None
    db = args.db
    if db is None:
        db = RESULTS / "web-bench.db"
        if args.rebuild or not db.exists():
            ingest_s = build_store(db, args.workers, args.exclude)
    facts = store_facts(db)
    ids: list[str] = facts["ids"]  # type: ignore[assignment]
    types: list[str] = facts["types"]  # type: ignore[assignment]
    words: list[str] = facts["words"]  # type: ignore[assignment]
    if not ids:
        sys.exit(f"{db} holds no article")

    port = free_port()
    server = start_server(db, port, args.server_workers)
    base = f"http://127.0.0.1:{port}"
    try:
        def events_path(rng: random.Random) -> str:
            kind = rng.random()
            if kind < 0.4 or not types:
                return f"/api/events?limit=50&offset={rng.randrange(0, 500, 50)}"
            if kind < 0.8:
                return f"/api/events?limit=50&type={rng.choice(types[:8])}"
            return "/api/events?limit=50&actor=SAU"

        def article_path(rng: random.Random) -> str:
            return f"/articles/{rng.choice(ids)}"

        def search_path(rng: random.Random) -> str:
            q = rng.choice(words) if rng.random() < 0.7 else f"{rng.choice(words)} {rng.choice(words)}"
            return f"/search?q={quote(q)}"

        def events_page_path(rng: random.Random) -> str:
            kind = rng.random()
            if kind < 0.4 or not types:
                return f"/events?page={rng.randrange(1, 11)}"
            if kind < 0.8:
                return f"/events?type={rng.choice(types[:8])}"
            return "/events?actor=SAU"

        paths = {"api_events": events_path, "article_page": article_path, "search_page": search_path,
                 "events_page": events_page_path}
        if not words:
            del paths["search_page"]
        # warm up: page templates, connections, SQLite page cache
        for make_path in paths.values():
            run_load(base, make_path, 2, 20)
        results = {name: run_load(base, make_path, args.clients, args.requests) for name, make_path in paths.items()}
        # one client at a time: the service time without queueing
        for name, make_path in paths.items():
            results[f"{name}_serial"] = run_load(base, make_path, 1, max(20, args.requests // 6))
    finally:
        server.terminate()
        server.wait(10)

    out = {
        "store": str(db),
        "articles": len(ids),
        "events": facts["events"],
        "store_mb": round(os.path.getsize(db) / 1e6, 1),
        "ingest_s": None if ingest_s is None else round(ingest_s, 1),
        "clients": args.clients,
        "server_workers": args.server_workers,
        "requests_per_endpoint": args.requests,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        **results,
    }
    for name, r in results.items():
        print(f"{name:20s} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms  "
              f"{r['throughput_rps']:6.1f} req/s  errors {r['errors']}")
    print(f"store: {len(ids)} articles, {facts['events']} events, {out['store_mb']} MB; "
          f"{args.clients} clients, {args.requests} requests per endpoint")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
