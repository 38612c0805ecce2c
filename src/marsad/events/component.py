"""The ``events`` pipeline component: PLOVER events coded from Arabic text.

The predicate frames code events (:mod:`marsad.events.coder`); when the detector model is installed
(:mod:`marsad.events.detector`) it decides, for the types it has a model for, whether and which event
each sentence holds (:mod:`marsad.events.hybrid`).
"""

from __future__ import annotations

from marsad.article import Article
from marsad.events import coder, detector, hybrid, predicates, timing
from marsad.settings import Settings


def _version() -> str:
    model = detector.load_model()
    return coder.VERSION if model is None else f"{coder.VERSION}+{model.version}"


VERSION = coder.VERSION


class EventsComponent:
    """Assigns the ``events`` layer (needs sentences, entities, times and quotes)."""

    name = "events"
    requires: tuple[str, ...] = ("sentences", "entities", "times", "quotes")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, fold_ta_marbuta: bool = True, use_detector: bool = True) -> None:
        self.fold_ta_marbuta = fold_ta_marbuta
        self.use_detector = use_detector
        self.version = _version() if use_detector else coder.VERSION

    def __call__(self, article: Article) -> None:
        lexicon = predicates.lexicon(self.fold_ta_marbuta)
        events = coder.code_article(article, lexicon, self.fold_ta_marbuta)
        model = detector.load_model() if self.use_detector else None
        if model is not None:
            events = hybrid.apply_detector(article, events, model, lexicon, self.version, self.fold_ta_marbuta)
        sentences = {s.id: s for s in article.sentences or ()}
        for ev in events:
            # The coder and the detector dated the event once (timing.governing_time of its trigger) and took
            # its historical/future mode from that date; here only the date's source is added.
            sent = sentences.get(ev.sentence or "")
            lo, hi = (sent.start, sent.end) if sent is not None else (ev.start, ev.end)
            ev.date_source = timing.date_source(article, ev.time, lo, hi)
        article.events = events


def make_component(settings: Settings) -> EventsComponent:
    """Build the events component (the predicate lexicon and detector load lazily, once per process)."""
    return EventsComponent(settings.fold_ta_marbuta, settings.event_detector)
