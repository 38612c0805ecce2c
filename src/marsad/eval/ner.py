"""``marsad eval ner``: span-level NER accuracy on a CoNLL gold file.

The gold tokens are fed to Marsad as they are (pre-tokenised input): one
article whose text is the tokens joined by single spaces, one line per
sentence, with its ``tokens`` layer taken from the gold tokens and one block and
sentence per gold sentence. The ``entities`` component runs on it when it is
installed (otherwise the NER tagger alone), and entity spans labelled PERS, LOC,
ORG or MISC are mapped back to BIO tags on the gold tokens and scored with
conlleval semantics (``marsad.learn.conll``).
"""

from __future__ import annotations

import importlib.util
import json
import time
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from marsad.article import Article, Block, Entity, Sentence, Token
from marsad.cli.options import json_option
from marsad.errors import UsageError
from marsad.eval.gold import gold_kind
from marsad.learn.conll import Scores, read_conll, score, split_dev

LABELS = frozenset({"PERS", "LOC", "ORG", "MISC"})
CHUNK = 100  # gold sentences per article
DEV_FRACTION = 0.1


@dataclass(slots=True)
class NerEvaluation:
    """Scores and speed of one evaluation run."""

    scores: Scores
    seconds: float
    tokens: int
    engine: str

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = self.scores.to_dict()
        out["tokens_per_second"] = self.tokens_per_second
        return out


def gold_article(sents: Sequence[Sequence[str]], article_id: str = "") -> Article:
    """An article built from pre-tokenised sentences (tokens joined by spaces, one line each)."""
    lines = [" ".join(toks) for toks in sents]
    art = Article(id=article_id, text="\n".join(lines))
    prov = art.provenance("gold", "conll")
    tokens: list[Token] = []
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    pos = 0
    for k, toks in enumerate(sents):
        start = pos
        for t in toks:
            tokens.append(Token(pos, pos + len(t)))
            pos += len(t) + 1
        end = pos - 1 if toks else pos
        blocks.append(Block(f"b{k + 1}", start, end, "paragraph", prov))
        sentences.append(Sentence(f"s{k + 1}", start, end, f"b{k + 1}", prov))
        pos = end + 1
    art.structure = blocks
    art.sentences = sentences
    art.tokens = tokens
    return art


def entities_to_bio(art: Article, sents: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags per gold sentence from the article's PERS/LOC/ORG/MISC entity spans."""
    tokens = art.tokens or []
    tags = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    ents: list[Entity] = sorted(
        (e for e in art.entities or () if e.label in LABELS), key=lambda e: (e.start, -(e.end - e.start))
    )
    for ent in ents:
        i = bisect_left(starts, ent.start)
        # an entity that starts inside a token claims that token too
        if i > 0 and (i == len(tokens) or tokens[i].start > ent.start) and tokens[i - 1].end > ent.start:
            i -= 1
        idx = []
        while i < len(tokens) and tokens[i].start < ent.end:
            idx.append(i)
            i += 1
        if not idx or any(tags[j] != "O" for j in idx):
            continue
        tags[idx[0]] = "B-" + ent.label
        for j in idx[1:]:
            tags[j] = "I-" + ent.label
    out: list[list[str]] = []
    k = 0
    for toks in sents:
        out.append(tags[k : k + len(toks)])
        k += len(toks)
    return out


def _component_available() -> bool:
    try:
        return importlib.util.find_spec("marsad.entities.component") is not None
    except ModuleNotFoundError:
        return False


def evaluate(
    gold: Sequence[tuple[list[str], list[str]]], model_dir: Path | None = None, use_component: bool = True
) -> NerEvaluation:
    """Run Marsad on the gold tokens and score the result.

    Args:
        gold: ``(tokens, tags)`` sentences.
        model_dir: Evaluate the NER model in this directory directly (skips the ``entities`` component).
        use_component: Run the ``entities`` component when it is installed; False scores the NER tagger alone.
    """
    sents = [toks for toks, _ in gold]
    n_tokens = sum(len(s) for s in sents)
    if use_component and model_dir is None and _component_available():
        from marsad.pipeline import Pipeline

        pipe = Pipeline.from_names(["entities"], given=("structure", "sentences", "tokens"))
        arts = [gold_article(sents[i : i + CHUNK], f"gold-{i // CHUNK + 1}") for i in range(0, len(sents), CHUNK)]
        preds: list[list[str]] = []
        t0 = time.perf_counter()
        for k, art in enumerate(arts):
            pipe(art)
            preds.extend(entities_to_bio(art, sents[k * CHUNK : (k + 1) * CHUNK]))
        secs = time.perf_counter() - t0
        engine = "entities component"
    else:
        from marsad.entities.ner import load_tagger, load_tagger_from

        tagger = load_tagger_from(model_dir) if model_dir is not None else load_tagger()
        t0 = time.perf_counter()
        preds = tagger.tag_many(sents)
        secs = time.perf_counter() - t0
        engine = f"ner tagger {tagger.version}"
    return NerEvaluation(score([g for _, g in gold], preds), secs, n_tokens, engine)


def format_table(ev: NerEvaluation) -> str:
    """A plain-text table of per-type and micro scores."""
    rows = [f"{'type':<8}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for typ, s in sorted(ev.scores.per_type.items()):
        rows.append(f"{typ:<8}{s.precision:>10.4f}{s.recall:>10.4f}{s.f1:>10.4f}{s.n_gold:>9}")
    m = ev.scores.micro
    rows.append(f"{'micro':<8}{m.precision:>10.4f}{m.recall:>10.4f}{m.f1:>10.4f}{m.n_gold:>9}")
    rows.append(f"{ev.tokens} tokens, {ev.tokens_per_second:,.0f} tokens/s ({ev.engine})")
    return "\n".join(rows)


@click.command("ner")
@click.argument("gold", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dev", is_flag=True, help="Evaluate on the dev split (last 10%) of the default ANERcorp file.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Evaluate the NER model in this directory (as written by 'marsad train ner --out').")
@click.option("--tagger-only", is_flag=True, help="Score the NER tagger alone, without the entities component.")
@json_option
def command(gold: Path | None, dev: bool, model_dir: Path | None, tagger_only: bool, as_json: bool) -> None:
    """Score NER on GOLD.conll (two columns 'token TAG', blank line between sentences)."""
    if gold is not None and not dev:
        sents = read_conll(gold)
    elif dev and gold is None:
        from marsad.learn.ner import default_data_path

        _, sents = split_dev(read_conll(default_data_path()), DEV_FRACTION)
    else:
        raise UsageError("give either a GOLD file or --dev")
    ev = evaluate(sents, model_dir, use_component=not tagger_only)
    kind = gold_kind(gold) if gold is not None else {
        "path": "ANERcorp train, last 10% (../shared)", "kind": "external",
        "about": "real news annotated by others, never trained on"}
    if as_json:
        click.echo(json.dumps({"gold": kind, **ev.to_dict()}, ensure_ascii=False))
    else:
        click.echo(f"gold: {kind['path']} ({kind['kind']}: {kind['about']})")
        click.echo(format_table(ev))
