"""The PLOVER ontology and the committed CAMEO→PLOVER table."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import ResourceError
from marsad.events import build_cameo, ontology


def test_ontology_has_the_sixteen_manual_types() -> None:
    names = [t.name for t in ontology.EVENT_TYPES]
    assert names == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


@pytest.mark.parametrize(
    ("name", "quad", "mode"),
    [("CONSULT", 1, "visit"), ("CONSULT", 1, "phone"), ("RETREAT", 2, "release"), ("ACCUSE", 3, "investigate"),
     ("THREATEN", 3, "territory"), ("PROTEST", 4, "hunger"), ("COERCE", 4, "martial-law"), ("ASSAULT", 4, "drone")],
)
def test_ontology_types_have_quads_and_modes(name: str, quad: int, mode: str) -> None:
    assert ontology.quad_class(name) == quad
    assert ontology.is_mode(name, mode)
    assert ontology.is_mode(name, None)


def test_ontology_rejects_unknown_type_and_mode() -> None:
    with pytest.raises(ResourceError, match=r"unknown PLOVER event type 'CRIME'"):
        ontology.event_type("CRIME")
    assert not ontology.is_mode("AGREE", "visit")
    assert ontology.AUX_MODES == ("historical", "future", "hypothetical", "negated")
    assert "terrorism" in ontology.CONTEXTS and "GOV" in ontology.SECTORS


@pytest.mark.parametrize(
    ("code", "ptype", "mode", "text"),
    [("042", "CONSULT", "visit", "Make a visit"), ("043", "CONSULT", "visit", "Host a visit"),
     ("040", "CONSULT", "", "Consult"), ("041", "CONSULT", "phone", "Discuss by telephone"),
     ("0841", "RETREAT", "release", "Return, release person(s)"), ("173", "COERCE", "arrest",
                                                                    "Arrest, detain, or charge with legal action")],
)
def test_ontology_cameo_codes(code: str, ptype: str, mode: str, text: str) -> None:
    row = ontology.cameo(code)
    assert (row.type, row.mode, row.description) == (ptype, mode, text)


def test_ontology_cameo_cue_category_types() -> None:
    assert ontology.cameo_type("163") == "SANCTION"
    assert ontology.cameo_type("0874") == "RETREAT"
    assert ontology.cameo_type("082") == "CONCEDE"
    assert ontology.cameo_type("112") == "ACCUSE"
    with pytest.raises(ResourceError, match=r"unknown CAMEO code '999'"):
        ontology.cameo("999")


def test_ontology_committed_table_matches_the_reference(shared_dir: Path) -> None:
    ref = shared_dir / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"
    if not ref.is_file():
        pytest.skip("the CAMEO→PLOVER reference is absent")
    built = build_cameo.render(build_cameo.parse(ref.read_text("utf-8")))
    committed = (Path(ontology.__file__).parent / "data" / "cameo.tsv").read_text("utf-8")
    assert built == committed


def test_ontology_future_cooperation_becomes_agree() -> None:
    assert ontology.FUTURE_TYPE["CONSULT"] == ("AGREE", "036")
    assert ontology.FUTURE_TYPE["RETREAT"] == ("CONCEDE", "080")
    for ptype, code in ontology.FUTURE_TYPE.values():
        assert ontology.cameo_type(code) == ptype
