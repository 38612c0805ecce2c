from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from marsad.article import Article
from marsad.errors import ArticleTimeoutError
from marsad.pipeline import Pipeline
from marsad.settings import Settings


@dataclass
class _Slow:
    name: str = "slow"
    version: str = "1"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("structure",)

    def __call__(self, article: Article) -> None:
        time.sleep(5)


@dataclass
class _Fast:
    name: str = "fast"
    version: str = "1"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("structure",)

    def __call__(self, article: Article) -> None:
        article.structure = []


def test_pipeline_timeout_stops_a_slow_article() -> None:
    pipe = Pipeline([_Slow()], Settings(article_timeout=0.2))
    t0 = time.perf_counter()
    with pytest.raises(ArticleTimeoutError) as err:
        pipe(Article("a1", "نص قصير"))
    assert time.perf_counter() - t0 < 2
    assert err.value.code == "E206"
    assert err.value.message == "article a1 took more than 0.2 s (in component 'slow'); skipped"


def test_pipeline_timeout_is_recorded_in_a_batch_and_the_batch_goes_on() -> None:
    pipe = Pipeline([_Slow()], Settings(article_timeout=0.1))
    results = list(pipe.pipe([Article("a1", "نص"), Article("a2", "نص آخر")]))
    assert [(r.failure.article_id, r.failure.code, r.failure.component) for r in results if r.failure] == [
        ("a1", "E206", "slow"),
        ("a2", "E206", "slow"),
    ]


def test_pipeline_timeout_leaves_fast_articles_alone() -> None:
    pipe = Pipeline([_Fast()], Settings(article_timeout=0.5))
    art = pipe(Article("a1", "نص"))
    assert art.structure == []
    time.sleep(0.6)  # the alarm was cancelled: nothing fires after the article is done
