"""How the gazetteer merge changes token-level NER scores on ANERcorp train (numbers, no assertions).

Usage::

    python bench/entities_merge.py merge      # gold tags as a perfect NER, merged with the gazetteer
    python bench/entities_merge.py gaz        # the gazetteer alone (an NER that tags nothing)
    python bench/entities_merge.py gaz --errors
    python bench/entities_merge.py ner --model DIR      # a trained model alone, on the dev split
    python bench/entities_merge.py merge --model DIR    # the same model merged with the gazetteer

Entities map to the ANERcorp tokens they overlap (clitics stay inside ANERcorp tokens), then conlleval
spans are compared. AGENT mentions are not scored.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.article import Article, Provenance, Sentence, Token
from marsad.entities.component import EntityComponent, bio_spans
from marsad.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "anercorp" / "train.conll"
Span3 = tuple[int, int, str]


def read(path: Path) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.strip().rsplit(" ", 1)
        if len(parts) == 2:
            cur.append((parts[0], parts[1]))
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


class QueueTagger:
    """Returns queued tag sequences (gold tags), all O (gazetteer only), or a model's tags."""

    def __init__(self, blank: bool, model: Any = None) -> None:
        self.queue: list[list[str]] = []
        self.blank = blank
        self.model = model
        self.last: list[str] = []

    def tag(self, tokens: list[str]) -> list[str]:
        tags = self.queue.pop(0)
        if self.model is not None:
            tags = list(self.model.tag(tokens))
        self.last.extend(tags)
        return ["O"] * len(tags) if self.blank else tags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("merge", "gaz", "ner"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--model", type=Path, default=None, help="a model directory (marsad train ner --out)")
    ap.add_argument("--dev-fraction", type=float, default=0.1, help="with --model: score the last share only")
    args = ap.parse_args()
    comp = EntityComponent(Settings())
    model = None
    if args.model is not None:
        from marsad.entities.ner import load_tagger_from

        model = load_tagger_from(args.model)
    tagger = QueueTagger(args.mode == "gaz", model)
    comp._tagger, comp._tagger_loaded = tagger, True
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: Counter[tuple[str, str, str]] = Counter()
    sents = read(TRAIN)
    if model is not None:
        sents = sents[len(sents) - max(1, round(len(sents) * args.dev_fraction)) :]
    for b in range(0, len(sents), 25):
        text, sl, toks, gold = "", [], [], set()
        for s in sents[b : b + 25]:
            start, offs = len(text), []
            for w, _ in s:
                offs.append((len(text), len(text) + len(w)))
                text += w + " "
            text = text[:-1] + "\n"
            sl.append(Sentence(f"s{len(sl)}", start, len(text) - 1, None, Provenance("bench", "0")))
            toks += [Token(a, c) for a, c in offs]
            tagger.queue.append([t for _, t in s])
            gold |= {(x.start, x.end, x.label) for x in bio_spans([t for _, t in s], offs)}
        art = Article("", text)
        art.sentences, art.tokens = sl, toks
        tagger.last = []
        comp(art)
        tags = ["O"] * len(toks)
        named = [e for e in art.entities or [] if e.label != "AGENT"]
        for e in sorted(named, key=lambda e: (e.start, e.start - e.end)):
            idx = [k for k, t in enumerate(toks) if t.start < e.end and e.start < t.end]
            if idx and all(tags[k] == "O" for k in idx):
                tags[idx[0]] = "B-" + e.label
                for k in idx[1:]:
                    tags[k] = "I-" + e.label
        if args.mode == "ner":
            tags = tagger.last
        pred: set[Span3] = {(x.start, x.end, x.label) for x in bio_spans(tags, [(t.start, t.end) for t in toks])}
        for x in pred:
            (tp if x in gold else fp)[x[2]] += 1
            if x not in gold:
                errors[("FP", text[x[0] : x[1]], x[2])] += 1
        for x in gold - pred:
            fn[x[2]] += 1
            errors[("FN", text[x[0] : x[1]], x[2])] += 1
    p = sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values()))
    r = sum(tp.values()) / max(1, sum(tp.values()) + sum(fn.values()))
    print(f"{args.mode}: P={p:.4f} R={r:.4f} F={2 * p * r / max(p + r, 1e-9):.4f} FP={dict(fp)} FN={dict(fn)}")
    if args.errors:
        for key, n in errors.most_common(60):
            print(n, *key)


if __name__ == "__main__":
    main()
