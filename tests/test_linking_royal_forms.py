"""A Saudi prince the knowledge base holds as ``X بن Y`` links when written with the founder (``بن عبدالعزيز``,
``آل سعود``)."""

from __future__ import annotations

import pytest
from tests.entities_util import run_from


@pytest.mark.parametrize("name", ["متعب بن عبدالله بن عبدالعزيز", "متعب بن عبدالله بن عبد العزيز آل سعود"])
def test_prince_with_the_founder_links(name: str) -> None:
    art = run_from(f"واستقبل الأمير {name} الوفد في مكتبه أمس.")
    assert any(e.link is not None and e.link.id == "actor:mutaib_bin_abdullah" for e in art.entities or [])


def test_kb_forms_with_grandfather_only_for_saudi_two_part_names() -> None:
    from marsad.kb.build import _with_grandfather
    from marsad.kb.records import Actor

    prince = Actor(id="x", type="PERS", name_en="X", name_ar="متعب بن عبدالله", variants=(), short=(),
                   country="SAU", sector="GOV", wikidata=None)
    assert "متعب بن عبدالله بن عبدالعزيز" in _with_grandfather(prince, "متعب بن عبدالله")
    assert _with_grandfather(prince, "نايف بن عبدالعزيز") == []
    assert _with_grandfather(prince, "فهد بن سلطان بن عبدالعزيز") == []
