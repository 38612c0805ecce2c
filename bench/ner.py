"""Throughput of the NER tagger alone over the bench corpus (one core).

Usage::

    python bench/ner.py [CORPUS.jsonl] [--limit N]

Tokenises the articles first (not timed), then tags every sentence twice: a cold pass
(empty per-word cache) and a warm pass. Reports tokens/s by wall clock and by CPU time
of this process (the CPU figure is the one to trust on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.entities.ner import load_tagger
from marsad.text.tokens import TOKEN_RE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"
ENDS = frozenset(".!?؟")


def sentences(path: Path, limit: int) -> list[list[str]]:
    """Token strings per sentence (cut at . ! ? ؟ or 60 tokens), per paragraph of each article."""
    out: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            for para in str(json.loads(line).get("content") or "").splitlines():
                cur: list[str] = []
                for m in TOKEN_RE.finditer(para):
                    cur.append(m.group())
                    if m.group() in ENDS or len(cur) >= 60:
                        out.append(cur)
                        cur = []
                if cur:
                    out.append(cur)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=3000, help="articles to read")
    args = ap.parse_args()
    t0 = time.perf_counter()
    tagger = load_tagger()
    load = time.perf_counter() - t0
    sents = sentences(args.corpus, args.limit)
    n = sum(len(s) for s in sents)
    result: dict[str, object] = {"model": tagger.version, "load_seconds": round(load, 2), "tokens": n}
    for name in ("cold", "warm"):
        w0, c0 = time.perf_counter(), time.process_time()
        tagger.tag_many(sents)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        result[name] = {"tokens_per_second_wall": round(n / wall), "tokens_per_second_cpu": round(n / cpu)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
