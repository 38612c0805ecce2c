"""Throughput and resource footprint of the entity layer over the bench corpus (one core).

Usage::

    python bench/entities.py [CORPUS.jsonl] [--limit N] [--no-ner] [--model DIR]

Prepares sentences and tokens first (not timed), then times only the ``entities`` component and
reports tokens/s, articles/s, resource load time and peak RSS, plus the most frequent linked ids.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import Counter
from pathlib import Path

from marsad.article import Article
from marsad.kb.index import load_resources
from marsad.pipeline import Pipeline
from marsad.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "saudinewsnet-3000.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-ner", action="store_true", help="gazetteer only")
    ap.add_argument("--top", type=int, default=0, help="print the N most frequent links")
    ap.add_argument("--model", type=Path, default=None, help="an NER model directory (marsad train ner --out)")
    args = ap.parse_args()
    settings = Settings(extra={"entities_ner": not args.no_ner})
    t0 = time.perf_counter()
    load_resources(settings.fold_ta_marbuta)
    load_s = time.perf_counter() - t0
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    prep = Pipeline.from_names(["structure", "sentences", "tokens"], settings)
    ents = Pipeline.from_names(["entities"], settings, given=("sentences", "tokens"))
    if args.model is not None:
        from marsad.entities.ner import load_tagger_from

        comp = ents.components[0]
        comp._tagger, comp._tagger_loaded = load_tagger_from(args.model), True  # type: ignore[attr-defined]
    articles: list[Article] = []
    with args.corpus.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit is not None and n >= args.limit:
                break
            rec = json.loads(line)
            text = "\n\n".join(x for x in (rec.get("title"), rec.get("content")) if x)
            art = Article(rec["id"], text)
            prep(art)
            articles.append(art)
    ntok = sum(len(a.tokens or []) for a in articles)
    ents(articles[0])  # warm-up: load the NER model if any
    articles[0].entities = None
    t1 = time.perf_counter()
    for art in articles:
        ents(art)
    secs = time.perf_counter() - t1
    counts = Counter(e.label for a in articles for e in a.entities or [])
    links = Counter(e.link.id for a in articles for e in a.entities or [] if e.link)
    result = {
        "articles": len(articles),
        "tokens": ntok,
        "seconds": round(secs, 2),
        "tokens_per_s": round(ntok / secs),
        "articles_per_s": round(len(articles) / secs, 1),
        "resource_load_s": round(load_s, 3),
        "rss_after_load_mb": round(rss_after_load, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "entities_by_label": dict(counts),
        "version": ents.components[0].version,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    for lid, c in links.most_common(args.top):
        print(c, lid)


if __name__ == "__main__":
    main()
