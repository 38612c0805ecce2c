"""The text rendering of every layer, on an Article built by hand."""

from __future__ import annotations

from datetime import date

from marsad.article import (
    Article,
    Block,
    Entity,
    Event,
    Evidence,
    Link,
    Meta,
    Participant,
    Provenance,
    Quote,
    RelativeTime,
    Sentence,
    Span,
    TimeExpr,
    Token,
)
from marsad.render import render_text

TEXT = "زيارة الوزير\n\nالوزير في المطار\n\nزار الوزير القاهرة أمس وقال: «الزيارة ناجحة»."


def build() -> Article:
    art = Article("t1", TEXT, Meta(published=date(2020, 3, 4), url="https://example.com/a", format="text"))
    p = Provenance("test", "1")
    art.structure = [
        Block("b1", 0, 12, "headline", p),
        Block("b2", 14, 30, "caption", p),
        Block("b3", 32, len(TEXT), "paragraph", p),
    ]
    art.sentences = [Sentence("s1", 0, 12, "b1", p), Sentence("s2", 14, 30, "b2", p),
                     Sentence("s3", 32, len(TEXT), "b3", p)]
    art.tokens = [Token(0, 5), Token(6, 12)]
    w = TEXT.index("الوزير", 32)
    c = TEXT.index("القاهرة")
    art.entities = [
        Entity("e1", w, w + 6, "AGENT", "role", p, Link("actor:x", "The Minister", "الوزير", "PERS", "EGY", "GOV"),
               0.9),
        Entity("e2", c, c + 7, "LOC", "gazetteer", p, Link("place:cairo", "Cairo", "القاهرة", "LOC", "EGY",
                                                            lat=30.04, lon=31.24)),
    ]
    t = TEXT.index("أمس")
    art.times = [TimeExpr("t1", t, t + 3, "date", "day", p, "2020-03-03", RelativeTime("day", -1), "published")]
    q0 = TEXT.index("الزيارة ناجحة")
    cue = TEXT.index("وقال")
    art.quotes = [Quote("q1", q0, q0 + 13, True, p, "s3", "e1", "The Minister", cue=Span(cue, cue + 4),
                        cue_lemma="قال")]
    v = TEXT.index("زار")
    art.events = [
        Event("ev1", v, c + 7, "s3", "CONSULT", "042", p,
              Evidence("consult_zara", Span(v, v + 3), "زار", [Span(w, w + 6)], [Span(c, c + 7)], ["a note"]),
              mode="visit", actors=[Participant("e1", w, w + 6, "The Minister", "EGY", "GOV")],
              recipients=[Participant("e2", c, c + 7, "Cairo", "EGY")], place="e2", time="t1", date="2020-03-03")
    ]
    return art


W = TEXT.index("الوزير", 32)
C = TEXT.index("القاهرة")
T = TEXT.index("أمس")
CUE = TEXT.index("وقال")
V = TEXT.index("زار")


def test_cli_extract_render_every_layer() -> None:
    out = render_text(build())
    assert out.startswith("# t1\n  format text, published 2020-03-04, ")
    assert "  url: https://example.com/a\n" in out
    assert "Headline (1):\n  b1 [0:12]  زيارة الوزير\n" in out
    assert "Captions (1):\n  b2 [14:30]  الوزير في المطار\n" in out
    assert "## Sentences (3)" in out and "  3. s3 b3 [32:" in out
    assert "## Tokens: 2" in out
    assert f"e1 [{W}:{W + 6}] AGENT الوزير  (role, 0.90) → actor:x The Minister [EGY GOV]" in out
    assert "→ place:cairo Cairo [EGY] (30.0400, 31.2400)" in out
    assert f"t1 [{T}:{T + 3}] أمس → 2020-03-03 (date, day, anchor published, relative -1 day)" in out
    assert "q1 [" in out and "direct s3  «الزيارة ناجحة»" in out
    assert f"speaker: e1 [{W}:{W + 6}] «الوزير» (The Minister)  cue: [{CUE}:{CUE + 4}] «وقال»" in out
    assert "ev1 CONSULT/visit CAMEO 042 s3" in out
    assert f"actors: The Minister [{W}:{W + 6}] [EGY GOV]" in out
    assert f"place: e2 [{C}:{C + 7}] «القاهرة»" in out
    assert "date: 2020-03-03 from t1 «أمس»" in out
    assert "pattern:" not in out


def test_cli_extract_render_explain() -> None:
    out = render_text(build(), explain=True)
    assert f"pattern: consult_zara  predicate: [{V}:{V + 3}] «زار» lemma زار" in out
    assert f"actor spans: [{W}:{W + 6}] «الوزير»" in out
    assert f"recipient spans: [{C}:{C + 7}] «القاهرة»" in out
    assert "note: a note" in out


def test_cli_extract_render_only_present_layers() -> None:
    art = Article("t2", "نص.")
    out = render_text(art)
    assert out == "# t2\n  format text, 3 characters\n"
