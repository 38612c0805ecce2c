"""Dictionary matching: clitics, word boundaries, longest match, offsets back to the source."""

from __future__ import annotations

import pytest

from marsad.entities.gazetteer import find
from marsad.kb.index import load_resources
from marsad.kb.records import ACTOR, PLACE
from marsad.text.normalize import normalize


def _hits(text: str) -> list[tuple[str, set[str]]]:
    res = load_resources()
    out = []
    for m in find(res, normalize(text)):
        ids = set()
        for kind, i in m.entries:
            if kind == ACTOR:
                ids.add(res.actors[i].id)
            elif kind == PLACE:
                ids.add(res.places[i].id)
        out.append((text[m.start : m.end], ids))
    return out


@pytest.mark.parametrize(
    ("text", "surface", "ident"),
    [
        ("وصل وبوتين إلى المؤتمر", "بوتين", "putin_vladimir"),
        ("زيارة لروسيا الأسبوع المقبل", "روسيا", "country:RUS"),
        ("اجتماع بالكرملين أمس", "الكرملين", "kremlin"),
        ("رسالة للكرملين من أنقرة", "كرملين", "kremlin"),
        ("قال فلاديمير بوتن إن", "فلاديمير بوتن", "putin_vladimir"),
        ("وصل الرئيس أردوغان وحده", "أردوغان", "erdogan_recep_tayyip"),
        ("وصرّح أَرْدُوغان بذلك", "أَرْدُوغان", "erdogan_recep_tayyip"),
        ("اتفاق بين فرنسا وألمانيا", "ألمانيا", "country:DEU"),
    ],
)
def test_gazetteer_clitics_and_variants(text: str, surface: str, ident: str) -> None:
    hits = _hits(text)
    assert any(s == surface and any(ident in i for i in ids) for s, ids in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "هذه مسألة روسياتية غريبة",  # the name inside a longer word
        "كتب بوتينيون كثيرون",
        "ذهب إلى الكرملينات",
    ],
)
def test_gazetteer_no_match_inside_a_word(text: str) -> None:
    assert _hits(text) == []


def test_gazetteer_longest_match_wins() -> None:
    hits = _hits("التقى بشار الأسد بالوفد")
    assert [s for s, _ in hits] == ["بشار الأسد"]


def test_gazetteer_spans_map_back_to_diacritised_source() -> None:
    text = "زار فلاديميرُ بوتينَ سوتشي"
    res = load_resources()
    spans = [text[m.start : m.end] for m in find(res, normalize(text))]
    assert "فلاديميرُ بوتينَ" in spans
    assert "سوتشي" in spans
