"""Generated inflected forms of Arabic event predicates."""

from __future__ import annotations

import pytest

from marsad.errors import ResourceError
from marsad.text.morphology import masdar_forms, verb_forms


def _surfaces(perfect: str, imperfect: str, cls: str, passive: str = "") -> set[str]:
    return {f.surface for f in verb_forms(perfect, imperfect, cls, passive)}


@pytest.mark.parametrize(
    ("perfect", "imperfect", "cls", "expected"),
    [
        ("زار", "يزور", "hollow", {"زار", "زارت", "زاروا", "زارا", "زرن", "زرت", "يزور", "تزور", "يزوران", "يزورون",
                                   "يزر", "يزوروا", "زاره", "يزورها", "زاروه"}),
        ("التقى", "يلتقي", "defective", {"التقى", "التقت", "التقوا", "التقيا", "التقيت", "يلتقي", "يلتقون", "يلتقيان",
                                         "يلتق", "التقاه", "تلتقي"}),
        ("دعا", "يدعو", "defective", {"دعا", "دعت", "دعوا", "دعوت", "يدعو", "يدعون", "يدع", "دعاه", "تدعو"}),
        ("شنّ", "يشنّ", "doubled", {"شن", "شنت", "شنوا", "شننت", "يشن", "يشنون", "تشن"}),
        ("اعتقل", "يعتقل", "sound", {"اعتقل", "اعتقلت", "اعتقلوا", "اعتقلا", "يعتقل", "يعتقلون", "اعتقله",
                                     "اعتقلوه", "نعتقل"}),
        ("أعلن", "يعلن", "sound", {"أعلنا", "أعلن", "أعلنت"}),
    ],
)
def test_morphology_verb_paradigms(perfect: str, imperfect: str, cls: str, expected: set[str]) -> None:
    got = _surfaces(perfect, imperfect, cls)
    assert expected <= got, expected - got


def test_morphology_passives() -> None:
    forms = verb_forms("اغتال", "يغتال", "hollow", "اغتيل/يغتال")
    passive = {f.surface for f in forms if f.kind == "pass"}
    assert {"اغتيل", "اغتيلت", "اغتيلوا", "يغتال"} <= passive
    assert "زير" in {f.surface for f in verb_forms("زار", "يزور", "hollow", "زير") if f.kind == "pass"}


def test_morphology_person_and_number_are_recorded() -> None:
    by_surface = {f.surface: f for f in verb_forms("تباحث", "يتباحث", "sound") if not f.suffix}
    assert (by_surface["تباحثا"].number, by_surface["تباحثا"].person) == ("du", 3)
    assert by_surface["تباحثوا"].number == "pl"
    assert by_surface["أتباحث"].person == 1


@pytest.mark.parametrize(
    ("masdar", "expected"),
    [("زيارة", {"زيارة", "زيارته", "زيارتها", "زيارتهما", "زيارتين"}),
     ("اتصال", {"اتصال", "اتصالا", "اتصاله"}),
     ("محادثات", {"محادثات", "محادثاته"})],
)
def test_morphology_masdar_forms(masdar: str, expected: set[str]) -> None:
    assert expected <= {f.surface for f in masdar_forms(masdar)}


def test_morphology_errors() -> None:
    with pytest.raises(ResourceError, match=r"unknown verb class 'weak'"):
        verb_forms("زار", "يزور", "weak")
    with pytest.raises(ResourceError, match=r"imperfect 'زور' must start with ي"):
        verb_forms("زار", "زور", "hollow")
    with pytest.raises(ResourceError, match=r"verbal noun 'ز' is too short to inflect"):
        masdar_forms("ز")
