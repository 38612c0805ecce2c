"""Draw sentences of real articles to annotate: half with a candidate event word, half at random.

``python -m marsad.learn.sample events OUT.jsonl [--n 1600] [--seed 12]`` writes one line per sentence
(corpus, article, start, end, why). Only the text layer runs (structure and sentences), so nothing an annotator
sees is Marsad's reading of the sentence. The candidate words are a short list of our own per PLOVER family,
not the coder's lexicon, so the sample is not biased towards what the coder already knows.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from marsad.learn.real import iter_corpus
from marsad.pipeline import Pipeline

_CANDIDATES = re.compile(
    "|".join(
        [
            "قتل", "مقتل", "هجوم", "انفجار", "اشتباك", "غارة", "قصف", "اعتقال", "القبض", "احتجاز", "تظاهر",
            "مظاهر", "احتجاج", "اعتصام", "إضراب", "اضراب", "اتفاق", "اتفاقية", "وقع", "توقيع", "التقى", "لقاء",
            "اجتماع", "زيارة", "استقبل", "بحث", "مباحثات", "اتصال", "دعا", "طالب", "طلب", "رفض", "أدان", "ادان",
            "اتهم", "حذر", "هدد", "تهديد", "عقوبات", "حظر", "مساعدات", "دعم", "تبرع", "منحة", "قرض", "انسحاب",
            "انسحب", "هدنة", "وقف إطلاق", "نشر", "حشد", "تعاون", "شراكة", "إفراج", "أفرج", "تسليم", "ترحيل",
            "طرد", "إعدام", "تفجير", "انتحاري", "مسلح", "خطف", "اختطاف", "حصار", "إغلاق", "فرض", "أيد", "رحب",
            "هنأ", "شكر", "وعد", "تعهد", "قرر", "أعلن", "سحب", "تجميد", "قطع",
        ]
    )
)


def sample_events(n: int, seed: int, per_article: int = 2) -> list[dict[str, object]]:
    pipe = Pipeline.from_names(["structure", "sentences"])
    cand: list[dict[str, object]] = []
    rand: list[dict[str, object]] = []
    for doc in iter_corpus("bench"):
        pipe(doc)
        for s in doc.sentences or []:
            t = doc.text[s.start : s.end]
            if not 30 <= len(t) <= 500:
                continue
            rec = {"corpus": "bench", "article": doc.id, "start": s.start, "end": s.end}
            (cand if _CANDIDATES.search(t) else rand).append(rec)
    rng = random.Random(seed)
    rng.shuffle(cand)
    rng.shuffle(rand)
    out: list[dict[str, object]] = []
    used: dict[str, int] = {}
    pools = [(cand, "candidate"), (rand, "random")]
    idx = [0, 0]
    while len(out) < n and (idx[0] < len(cand) or idx[1] < len(rand)):
        k = 0 if len(out) % 2 == 0 else 1  # alternate, so any prefix of the list is half and half
        pool, why = pools[k]
        while idx[k] < len(pool):
            rec = pool[idx[k]]
            idx[k] += 1
            aid = str(rec["article"])
            if used.get(aid, 0) < per_article:
                used[aid] = used.get(aid, 0) + 1
                out.append({**rec, "why": why})
                break
        else:
            pools[k] = pools[1 - k]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.learn.sample")
    ap.add_argument("layer", choices=["events"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1600)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args(argv)
    rows = sample_events(args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
