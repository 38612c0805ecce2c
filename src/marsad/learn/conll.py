"""CoNLL-style BIO files and a conlleval-compatible span scorer.

A gold file has two whitespace-separated columns per line, ``token TAG``, and a
blank line between sentences. Tags are ``O`` or ``B-TYPE`` / ``I-TYPE``.

Scoring follows conlleval: an entity is a maximal run that starts with ``B-X``,
or with ``I-X`` after ``O``, after the end of the sentence, or after a tag of a
different type; a prediction counts only when its start, end and type equal a
gold entity's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputNotFoundError, MalformedGoldError

Sentence = tuple[list[str], list[str]]


def parse_conll(text: str, source: str = "<string>") -> list[Sentence]:
    """Parse CoNLL text into ``(tokens, tags)`` sentences.

    Args:
        text: The file content.
        source: Name used in error messages.

    Raises:
        MalformedGoldError: A line does not have two columns or its tag is not BIO.
    """
    sents: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        parts = line.split()
        if len(parts) != 2:
            raise MalformedGoldError(
                f"{source}:{lineno}: expected two columns 'token TAG', found {len(parts)}: {line[:60]!r}"
            )
        tag = parts[1]
        if tag != "O" and not (len(tag) > 2 and tag[:2] in ("B-", "I-")):
            raise MalformedGoldError(f"{source}:{lineno}: tag {tag!r} is not O, B-TYPE or I-TYPE")
        toks.append(parts[0])
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    if not sents:
        raise MalformedGoldError(f"{source}:1: no sentences found")
    return sents


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL file (UTF-8).

    Raises:
        InputNotFoundError: The file does not exist.
        MalformedGoldError: The file is not two-column BIO (the message names the line).
    """
    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"gold file not found: {p}")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedGoldError(f"{p}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return parse_conll(text, str(p))


def file_sha256(path: str | Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def split_dev(sents: Sequence[Sentence], dev_fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """The first sentences train, the last ``round(n * dev_fraction)`` are the dev split."""
    n_dev = round(len(sents) * dev_fraction)
    cut = len(sents) - n_dev
    return list(sents[:cut]), list(sents[cut:])


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities of a BIO sequence as ``(start, end, type)`` with conlleval semantics (end exclusive)."""
    out: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, tag in enumerate(tags):
        if tag == "O" or len(tag) < 3:
            kind, typ = "O", ""
        else:
            kind, typ = tag[0], tag[2:]
        begins = kind == "B" or (kind == "I" and typ != cur)
        if cur and (kind == "O" or begins):
            out.append((start, i, cur))
            cur = ""
        if begins:
            start, cur = i, typ
    if cur:
        out.append((start, len(tags), cur))
    return out


@dataclass(slots=True)
class TypeScore:
    """Counts and scores for one entity type (or all, for micro)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    """Span scores over a corpus: micro and per type."""

    micro: TypeScore = field(default_factory=TypeScore)
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    tokens: int = 0

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        """Add one sentence's gold and predicted tags (same length)."""
        g = set(spans(gold))
        p = set(spans(pred))
        self.tokens += len(gold)
        for s in g:
            self.per_type.setdefault(s[2], TypeScore()).n_gold += 1
        for s in p:
            self.per_type.setdefault(s[2], TypeScore()).n_pred += 1
        for s in g & p:
            self.per_type[s[2]].tp += 1
        self.micro.n_gold += len(g)
        self.micro.n_pred += len(p)
        self.micro.tp += len(g & p)

    def to_dict(self) -> dict[str, object]:
        """``{"micro": {...}, "per_type": {TYPE: {...}}}`` with precision, recall, f1 (and support per type)."""
        return {
            "micro": {"precision": self.micro.precision, "recall": self.micro.recall, "f1": self.micro.f1},
            "per_type": {
                t: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.n_gold}
                for t, s in sorted(self.per_type.items())
            },
        }


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Scores:
    """Score predicted tag sequences against gold ones, sentence by sentence.

    Raises:
        ValueError: A predicted sequence differs in length from its gold one.
    """
    out = Scores()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"gold has {len(g)} tags but prediction {len(p)}")
        out.add(g, p)
    return out
