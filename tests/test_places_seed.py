"""The seed article's places stay right with the whole gazetteer: Sochi, the Black Sea, Russia, Syria."""

from __future__ import annotations

from pathlib import Path

from marsad.article import Article
from marsad.pipeline import Pipeline


def test_places_seed_links(seed_path: Path) -> None:
    art = Article("", seed_path.read_text("utf-8"))
    Pipeline.from_names(["structure", "sentences", "tokens", "entities"])(art)
    links = {art.text[e.start : e.end]: e.link for e in art.entities or [] if e.link is not None}
    assert links["سوتشي"].id == "place:sochi" and links["سوتشي"].country == "RUS"  # type: ignore[union-attr]
    assert links["البحر الأسود"].feature == "sea"  # type: ignore[union-attr]
    assert links["روسيا"].id == "country:RUS"  # type: ignore[union-attr]
    assert links["سوريا"].id == "country:SYR"  # type: ignore[union-attr]
    places = {e.link.id for e in art.entities or [] if e.link is not None and e.link.feature == "city"}
    assert places == {"place:sochi"}, places  # common words (a visit, in this regard) are not villages
