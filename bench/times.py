"""Cost of the times layer per article over the bench corpus (numbers, never timed assertions).

Usage::

    python bench/times.py [CORPUS.jsonl] [--limit N] [--no-published] [--json]

Runs ``structure`` and ``sentences`` first (not timed), then times only the ``times``
component. Prints ms/article, expressions found (per article and per granularity) and
how many were resolved. The publication date is taken from ``date_extracted`` unless
``--no-published`` is given (then relative expressions stay relative).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from marsad.article import Article, Meta
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.times.component import make_component

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"


def _articles(path: Path, limit: int | None, published: bool) -> list[Article]:
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pub: date | None = None
            raw = str(rec.get("date_extracted") or "")[:10]
            if published and raw:
                try:
                    pub = date.fromisoformat(raw)
                except ValueError:
                    pub = None
            text = "\n\n".join(x for x in (rec.get("title"), rec.get("content")) if x)
            out.append(Article(str(rec.get("id", "")), text, meta=Meta(published=pub)))
            if limit is not None and len(out) >= limit:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-published", action="store_true")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    path = Path(args.corpus)
    if not path.is_file():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    settings = Settings()
    articles = _articles(path, args.limit, not args.no_published)
    prep = Pipeline.from_names(["structure", "sentences"], settings)
    for art in articles:
        prep(art)
    comp = make_component(settings)
    t0 = time.perf_counter()
    for art in articles:
        comp(art)
    elapsed = time.perf_counter() - t0
    grans: Counter[str] = Counter()
    resolved = 0
    total = 0
    for art in articles:
        for t in art.times or ():
            total += 1
            grans[t.granularity] += 1
            resolved += t.value is not None
    chars = sum(len(a.text) for a in articles)
    result = {
        "articles": len(articles),
        "ms_per_article": round(1000 * elapsed / max(1, len(articles)), 3),
        "chars_per_second": round(chars / elapsed) if elapsed else None,
        "expressions": total,
        "expressions_per_article": round(total / max(1, len(articles)), 2),
        "resolved": resolved,
        "per_granularity": dict(grans.most_common()),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:<24}{value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
