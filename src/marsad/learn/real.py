"""Annotations of real articles: ids and offsets in ``gold/real/``, the text read from ``../shared``.

A gold file under ``gold/real/`` holds JSON lines, one annotated *unit* each::

    {"corpus": "bench", "article": "bench-0123", "sha256": "…", "split": "dev",
     "unit": [start, end], "guideline": "1", "annotator": "A", "items": [{"start": 10, "end": 14, …}]}

``unit`` is the stretch of the article that was annotated completely (the whole article, a paragraph or one
sentence), so recall and precision are both measured inside it. ``items`` are the annotated records with
character offsets into the Article text that Marsad builds from the record (``title + "\\n\\n" + content``,
see :func:`marsad.ingest.jsonl.article_from_record`). The text itself never enters the repository: it is read
back from ``../shared`` by article id and checked against ``sha256``.

The split is fixed by the text's sha256 (the bench file's articles are also in the corpus under other ids, so
the id would not do): a third of the articles are ``test`` — never tuned on — and the rest ``dev``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.article import Article
from marsad.errors import MalformedGoldError
from marsad.ingest.jsonl import FieldMapping, article_from_record

#: The corpora a gold file may name, relative to ``../shared/data``.
CORPORA = {
    "bench": "bench/saudinewsnet-3000.jsonl",
    "corpus": "corpus/saudinewsnet-2015-07-21_2015-08-01.jsonl.gz",
}

GUIDELINE_VERSION = "1"


def split_of(sha256: str) -> str:
    """``test`` for a third of the articles (by their text's hash), ``dev`` for the rest."""
    return "test" if int(sha256[:8], 16) % 3 == 0 else "dev"


def shared_dir(start: Path | None = None) -> Path | None:
    """The ``shared`` folder: ``MARSAD_SHARED`` or the first ``shared`` beside a parent of ``start``/cwd."""
    env = os.environ.get("MARSAD_SHARED")
    if env:
        p = Path(env)
        return p if p.is_dir() else None
    here = (start or Path.cwd()).resolve()
    for parent in (here, *here.parents):
        cand = parent.parent / "shared" if parent.name != "shared" else parent
        if (cand / "data").is_dir():
            return cand
        cand = parent / "shared"
        if (cand / "data").is_dir():
            return cand
    pkg = Path(__file__).resolve()
    for parent in pkg.parents:
        cand = parent / "shared"
        if (cand / "data").is_dir():
            return cand
    return None


@lru_cache(maxsize=4)
def _corpus_records(path: str) -> dict[str, dict[str, Any]]:
    opener = gzip.open if path.endswith(".gz") else open
    out: dict[str, dict[str, Any]] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[str(rec["id"])] = rec
    return out


def load_article(corpus: str, article_id: str, shared: Path | None = None) -> Article:
    """The Article Marsad builds from one record of a ``../shared`` corpus (text, meta, published date).

    Raises:
        MalformedGoldError: The corpus or the record is not there.
    """
    root = shared or shared_dir()
    if root is None or corpus not in CORPORA:
        raise MalformedGoldError(f"cannot find corpus {corpus!r} (is ../shared beside the project?)")
    path = root / "data" / CORPORA[corpus]
    if not path.is_file():
        raise MalformedGoldError(f"{path}: corpus file is missing")
    recs = _corpus_records(str(path))
    rec = recs.get(article_id)
    if rec is None:
        raise MalformedGoldError(f"{corpus}: no article with id {article_id!r}")
    return article_from_record(rec, FieldMapping(), f"{corpus}:{article_id}")


def iter_corpus(corpus: str, shared: Path | None = None) -> Iterator[Article]:
    """Every Article of a corpus, in file order."""
    root = shared or shared_dir()
    if root is None:
        raise MalformedGoldError("cannot find ../shared")
    path = root / "data" / CORPORA[corpus]
    for rid, rec in _corpus_records(str(path)).items():
        yield article_from_record(rec, FieldMapping(), f"{corpus}:{rid}")


@dataclass(slots=True)
class Unit:
    """One completely annotated stretch of a real article, joined with its text."""

    corpus: str
    article: str
    sha256: str
    split: str
    unit: tuple[int, int]
    items: list[dict[str, Any]]
    guideline: str = GUIDELINE_VERSION
    annotator: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    doc: Article | None = None

    @property
    def text(self) -> str:
        return self.doc.text if self.doc is not None else ""

    def surface(self, item: dict[str, Any]) -> str:
        return self.text[int(item["start"]) : int(item["end"])]


def read_units(path: Path | str, *, split: str | None = None, join: bool = True,
               shared: Path | None = None) -> list[Unit]:
    """Read a real gold file; with ``join`` load each article's text and check its hash and offsets.

    Raises:
        MalformedGoldError: A bad line, an unknown article, a text whose hash changed, offsets outside the text.
    """
    p = Path(path)
    units: list[Unit] = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                u = Unit(
                    corpus=str(obj["corpus"]), article=str(obj["article"]), sha256=str(obj["sha256"]),
                    split=str(obj["split"]), unit=(int(obj["unit"][0]), int(obj["unit"][1])),
                    items=list(obj.get("items", [])), guideline=str(obj.get("guideline", GUIDELINE_VERSION)),
                    annotator=str(obj.get("annotator", "")),
                    extra={k: v for k, v in obj.items() if k not in _KEYS},
                )
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise MalformedGoldError(f"{p}:{n}: bad gold line: {exc}") from exc
            if split is not None and u.split != split:
                continue
            if join:
                doc = load_article(u.corpus, u.article, shared)
                if doc.sha256 != u.sha256:
                    raise MalformedGoldError(f"{p}:{n}: text of {u.corpus}:{u.article} changed (sha256 differs)")
                if not 0 <= u.unit[0] <= u.unit[1] <= len(doc.text):
                    raise MalformedGoldError(f"{p}:{n}: unit {u.unit} outside the text")
                for it in u.items:
                    if not u.unit[0] <= int(it["start"]) <= int(it["end"]) <= u.unit[1]:
                        raise MalformedGoldError(f"{p}:{n}: item {it.get('start')}-{it.get('end')} outside its unit")
                u.doc = doc
            units.append(u)
    return units


_KEYS = {"corpus", "article", "sha256", "split", "unit", "items", "guideline", "annotator"}


def unit_record(doc: Article, corpus: str, unit: tuple[int, int], items: Iterable[dict[str, Any]],
                annotator: str, **extra: Any) -> dict[str, Any]:
    """The JSON object of one unit (what an annotation tool writes)."""
    return {
        "corpus": corpus, "article": doc.id, "sha256": doc.sha256, "split": split_of(doc.sha256),
        "unit": [unit[0], unit[1]], "guideline": GUIDELINE_VERSION, "annotator": annotator,
        **extra, "items": list(items),
    }


def file_sha256(path: Path | str) -> str:
    """The sha256 of a gold file (frozen in CI)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
