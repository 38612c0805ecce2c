"""Place lookup cost: the share of pipeline time spent resolving places (every 10th bench article).

Usage: ``python bench/places.py``. Prints numbers; asserts nothing. Timed: ``Linker._place`` (disambiguation
of every place match), ``Linker._unknown_places`` (transliteration and unknown settlements after cues) and
``place_cues.dateline_segments``, ``component.drop_clubs`` (cities standing for clubs in sports reports) and
``component.ner_place`` (NER place spans that no match touches, looked up among place names).
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable
from typing import Any

from marsad.entities import component, linking, place_cues
from marsad.learn.real import iter_corpus
from marsad.pipeline import Pipeline


def _timed(acc: list[float], f: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(f)
    def g(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            acc[0] += time.perf_counter() - t

    return g


def main() -> None:
    acc = [0.0]
    linking.Linker._place = _timed(acc, linking.Linker._place)  # type: ignore[method-assign]
    linking.Linker._unknown_places = _timed(acc, linking.Linker._unknown_places)  # type: ignore[method-assign]
    place_cues.dateline_segments = _timed(acc, place_cues.dateline_segments)  # type: ignore[assignment]
    component.drop_clubs = _timed(acc, component.drop_clubs)  # type: ignore[assignment]
    component.ner_place = _timed(acc, component.ner_place)  # type: ignore[assignment]
    pipe = Pipeline.from_names()
    docs = list(itertools.islice(iter_corpus("bench"), 0, 3000, 10))
    pipe(docs[0])  # loads the knowledge base and the models
    acc[0] = 0.0
    t = time.perf_counter()
    for d in docs[1:]:
        pipe(d)
    total = time.perf_counter() - t
    print(f"{len(docs) - 1} articles, pipeline {total:.2f}s, place lookup {acc[0]:.3f}s = {100 * acc[0] / total:.2f}%")


if __name__ == "__main__":
    main()
