"""``Article.from_dict(a.to_dict()) == a`` for processed articles, and every span gives back its surface."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.article import LAYERS, Article, text_sha256
from marsad.cli.extract import resolve_components
from marsad.ingest.readers import ReadFailure, read_path
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.text.structure import STRIP

WORDS = st.sampled_from(
    ["قال", "الرئيس", "بوتين", "إن", "الأسد", "زار", "موسكو", "أمس", "في", "«", "»", '"', "،", ".", "؟", "!", "؛",
     "...", "د.", "3.5", "٢٠١٧", "www.example.com", "\n", "\n\n", "\u00a0", "مُحَمَّد", "ـ", "(د ب أ)", ":"]
)
ARABICISH = st.lists(WORDS, max_size=60).map(" ".join)


@pytest.fixture(scope="module")
def text_pipeline() -> Pipeline:
    return Pipeline.from_names(["structure", "sentences", "tokens"])


def check_spans(art: Article) -> None:
    """Every record of every layer lies inside the text; sentences sit inside their blocks."""
    art.check_offsets()
    blocks = {b.id: b for b in art.structure or ()}
    for s in art.sentences or ():
        assert s.block in blocks
        b = blocks[s.block]
        assert b.start <= s.start < s.end <= b.end
        assert art.text[s.start:s.end].strip() == art.text[s.start:s.end]


@given(ARABICISH)
@settings(max_examples=150, deadline=None)
def test_article_roundtrip_random_text(text: str) -> None:
    pipe = Pipeline.from_names(["structure", "sentences", "tokens"])
    art = pipe(Article("", text))
    check_spans(art)
    plain = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    assert Article.from_dict(plain) == art


@pytest.mark.shared
def test_article_roundtrip_seed(seed_path: Path) -> None:
    pipe = Pipeline.from_names(resolve_components(None, Settings()))
    (art,) = list(read_path(seed_path))
    assert isinstance(art, Article)
    pipe(art)
    check_spans(art)
    plain = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    back = Article.from_dict(plain)
    assert back == art
    for name in LAYERS:
        assert getattr(back, name) == getattr(art, name)


@pytest.mark.shared
@pytest.mark.slow
def test_article_bench_spans_give_back_their_surface(bench_path: Path) -> None:
    """Over the whole bench corpus: spans index the untouched source text, for every layer present."""
    pipe = Pipeline.from_names(["structure", "sentences", "tokens"])
    raw = {}
    with bench_path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            title, content = html.unescape(rec["title"]), html.unescape(rec["content"])
            raw[rec["id"]] = (" ".join(title.split()), content)
    n = 0
    for item in read_path(bench_path):
        assert not isinstance(item, ReadFailure), item
        source = item.text
        title, content = raw[item.id]
        assert source == (f"{title}\n\n{content}" if title else content)
        art = pipe(item)
        assert art.text is source and art.sha256 == text_sha256(source)
        check_spans(art)
        for name in LAYERS:
            for rec in getattr(art, name) or ():
                surface = source[rec.start : rec.end]
                assert surface and not surface[0].isspace() and not surface[-1].isspace(), (name, rec)
        # the headline is the record's title, as a real span
        assert art.structure and art.structure[0].kind == "headline"
        assert source[art.structure[0].start : art.structure[0].end] == title.strip(STRIP)
        n += 1
    assert n == 3000


@pytest.mark.shared
@pytest.mark.slow
def test_article_bench_sample_all_layers_give_back_their_surface(bench_path: Path) -> None:
    """Every available component over a sample of the bench corpus: all spans index the source."""
    pipe = Pipeline.from_names(resolve_components(None, Settings()))
    checked = 0
    for i, item in enumerate(read_path(bench_path)):
        if i % 100 or isinstance(item, ReadFailure):
            continue
        source = item.text
        result = pipe.run_safe(item)
        if result.failure is not None:  # another component's bug is that component's test's business
            continue
        art = result.article
        assert art.text is source
        check_spans(art)
        for name in LAYERS:
            for rec in getattr(art, name) or ():
                assert source[rec.start : rec.end] == source[rec.start : rec.end].strip(), (name, rec)
        plain = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
        assert Article.from_dict(plain) == art
        checked += 1
    assert checked >= 20
