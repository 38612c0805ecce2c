"""Actor country of detector-coded events: a state named by its country or capital, a nationality adjective near
the trigger, a place right after a bare body; a place the event happens in is no actor."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.article import Article, Meta
from marsad.eval.events import default_pipeline
from marsad.events import hybrid
from marsad.text.clauses import normalized


def _run(text: str) -> Article:
    return default_pipeline()(Article("", text, Meta(published=date(2017, 11, 21))))


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        ("وتتهم واشنطن الشركة بتمويل الإرهاب.", "واشنطن", True),
        ("ورحبت باريس بالاتفاق بين الطرفين.", "باريس", True),
        ("وصل الوزير إلى طهران لإجراء محادثات حول الاتفاق.", "طهران", False),  # where he went, not who acts
        ("وعقد الاجتماع في القاهرة أمس.", "القاهرة", False),
    ],
)
def test_events_actor_country_state_name(text: str, surface: str, actor: bool) -> None:
    art = _run(text)
    nt = normalized(art.text, True)
    ent = next(e for e in art.entities or [] if art.text[e.start:e.end] == surface)
    assert hybrid._state_name(art, nt, ent) is actor


def test_events_actor_country_no_actor_from_a_destination() -> None:
    art = _run("وصل الوزير إلى طهران لإجراء محادثات حول الاتفاق.")
    assert all(not ev.actors for ev in art.events or [] if ev.evidence.pattern.startswith("detector:"))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ووصلت أمس طائرة إغاثة كويتية إلى مطار المدينة محملة بالأدوية.", "كويتية"),
        ("ووصلت أمس سفينة كويتية محملة بالمساعدات الطبية إلى الميناء.", "سفينة كويتية"),
    ],
)
def test_events_actor_country_nationality_near_the_trigger(text: str, span: str) -> None:
    art = _run(text)
    evs = [e for e in art.events or [] if e.type == "AID"]
    assert evs and [(art.text[a.start:a.end], a.country) for a in evs[0].actors] == [(span, "KWT")]


def test_events_actor_country_place_right_after_the_body() -> None:
    art = _run("وقالت السلطات في تونس إنها اعتقلت عشرة أشخاص.")
    places = [e for e in art.entities or [] if e.link is not None and e.link.type in ("LOC", "GPE")]
    body_end = art.text.index("السلطات") + len("السلطات")
    assert hybrid._places_after(art, places) == {body_end: "TUN"}
