"""A small tool for annotators: show a real article with offsets, find a span's offsets, write a unit.

Run as ``python -m marsad.learn.annotate``; it never runs any Marsad component, so an annotator sees only
the text (annotate before you look at the output).

    show CORPUS ID            the text, one paragraph a line, each prefixed by its start offset
    find CORPUS ID PHRASE [N] the start and end offsets of the N-th (default 1st) occurrence of PHRASE
    sample CORPUS K SEED      K article ids drawn at random (reproducibly) from the corpus
    span CORPUS ID START END  the text between two offsets, with the article's published date
    sents FILE FROM TO        lines FROM..TO-1 of a sample file (gold/real/samples/*.jsonl) with their text
"""

from __future__ import annotations

import random
import sys

from marsad.learn.real import CORPORA, _corpus_records, load_article, shared_dir, split_of


def main(argv: list[str]) -> int:
    if not argv:
        sys.stdout.write(__doc__ or "")
        return 2
    cmd, *rest = argv
    if cmd == "show":
        doc = load_article(rest[0], rest[1])
        out = [f"# {rest[0]}:{doc.id} sha256={doc.sha256} split={split_of(doc.sha256)} "
               f"published={doc.meta.published} source={doc.meta.source} len={len(doc.text)}"]
        pos = 0
        for para in doc.text.split("\n"):
            if para.strip():
                out.append(f"[{pos}] {para}")
            pos += len(para) + 1
        sys.stdout.write("\n".join(out) + "\n")
        return 0
    if cmd == "find":
        doc = load_article(rest[0], rest[1])
        phrase = rest[2]
        nth = int(rest[3]) if len(rest) > 3 else 1
        i = -1
        for _ in range(nth):
            i = doc.text.find(phrase, i + 1)
            if i < 0:
                sys.stdout.write("not found\n")
                return 1
        sys.stdout.write(f"{i} {i + len(phrase)}\n")
        return 0
    if cmd == "span":
        doc = load_article(rest[0], rest[1])
        a, b = int(rest[2]), int(rest[3])
        sys.stdout.write(f"# published={doc.meta.published} source={doc.meta.source}\n{doc.text[a:b]}\n")
        return 0
    if cmd == "sents":
        import json
        from pathlib import Path

        lines = Path(rest[0]).read_text(encoding="utf-8").splitlines()
        for i in range(int(rest[1]), min(int(rest[2]), len(lines))):
            r = json.loads(lines[i])
            doc = load_article(r["corpus"], r["article"])
            sys.stdout.write(f"#{i} {r['corpus']} {r['article']} {r['start']}-{r['end']} "
                             f"published={doc.meta.published} source={doc.meta.source}\n"
                             f"{doc.text[r['start']:r['end']]}\n\n")
        return 0
    if cmd == "sample":
        root = shared_dir()
        if root is None:
            sys.stdout.write("no ../shared here\n")
            return 1
        ids = list(_corpus_records(str(root / "data" / CORPORA[rest[0]])))
        rng = random.Random(int(rest[2]))
        sys.stdout.write("\n".join(rng.sample(ids, int(rest[1]))) + "\n")
        return 0
    sys.stdout.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
