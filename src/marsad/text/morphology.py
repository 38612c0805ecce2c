"""Generate the inflected surface forms of Arabic verbs and verbal nouns.

A predicate is written once (perfect and imperfect 3rd person masculine
singular, a verb class, its verbal nouns); this module produces every surface
form the matcher looks for: perfect and imperfect in all persons, numbers and
genders, jussive/subjunctive plurals and duals, passives, verbal nouns with their
plurals, accusative ``-an`` and possessive suffixes, and object pronoun
suffixes on verbs. Proclitics (و ف, سـ for imperfects, ب ل ك ال for nouns) are not
multiplied in here: the matcher accepts them before a form (see ``PROCLITICS``).

Verb classes: ``sound`` (also assimilated and hamzated verbs), ``hollow``
(زار/يزور, استقال/يستقيل), ``defective`` (دعا/يدعو, التقى/يلتقي) and ``doubled``
(شنّ/يشنّ, ردّ/يردّ).

Forms are undiacritised; callers normalise them to the matching view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.errors import ResourceError

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")

CLASSES = ("sound", "hollow", "defective", "doubled")

# Object pronoun suffixes on verbs and possessive suffixes on nouns.
OBJ_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
POSS_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك")

# Proclitic strings allowed before a form, in matching (normalised) form, by form kind.
PROCLITICS = {
    "perf": frozenset({"", "و", "ف"}),
    "pass": frozenset({"", "و", "ف"}),
    "impf": frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"}),
    "masdar": frozenset(
        {"", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "كال", "وب", "ول", "فب", "فل", "وبال",
         "ولل", "فلل", "فبال", "وك", "وكال"}
    ),
}


@dataclass(frozen=True, slots=True)
class Form:
    """One generated surface form.

    Attributes:
        surface: The undiacritised form.
        kind: ``perf``, ``impf``, ``pass`` (passive perfect or imperfect) or ``masdar``.
        person: 1, 2 or 3 (0 for verbal nouns).
        number: ``sg``, ``du`` or ``pl``.
        suffix: The pronoun suffix the form ends with, or ``""``.
    """

    surface: str
    kind: str
    person: int
    number: str
    suffix: str = ""


def _check(word: str, what: str) -> None:
    if len(word) < 2:
        raise ResourceError(f"{what} {word!r} is too short to inflect")


def _short_hollow(stem: str) -> str:
    """Drop the long vowel before the last radical (زار → زر, يزور → يزر, استقال → استقل)."""
    if len(stem) >= 3 and stem[-2] in "اوي":
        return stem[:-2] + stem[-1]
    return stem


def perfect_forms(perf: str, cls: str, kind: str = "perf") -> list[Form]:
    """All perfect forms of a verb given its 3rd person masculine singular.

    Raises:
        ResourceError: Unknown class or a form too short.
    """
    _check(perf, "perfect")
    out: list[Form] = []

    def add(s: str, person: int, number: str, obj_base: str | None = None) -> None:
        out.append(Form(s, kind, person, number))
        base = s if obj_base is None else obj_base
        for suf in OBJ_SUFFIXES:
            out.append(Form(base + suf, kind, person, number, suf))

    if cls == "sound":
        p = heavy = perf
    elif cls == "hollow":
        p, heavy = perf, _short_hollow(perf)
    elif cls == "doubled":
        p, heavy = perf, perf + perf[-1]
    elif cls == "defective":
        stem0 = perf[:-1]
        weak = "و" if perf.endswith("ا") else "ي"
        add(perf, 3, "sg", obj_base=stem0 + "ا")
        add(stem0 + "ت", 3, "sg")
        add(stem0 + "تا", 3, "du")
        add(stem0 + weak + "ا", 3, "du")
        out.append(Form(stem0 + "وا", kind, 3, "pl"))
        for suf in OBJ_SUFFIXES:
            out.append(Form(stem0 + "وه" if suf == "ه" else stem0 + "و" + suf, kind, 3, "pl", suf))
        out.append(Form(stem0 + weak + "ن", kind, 3, "pl"))
        add(stem0 + weak + "ت", 1, "sg")
        add(stem0 + weak + "نا", 1, "pl")
        add(stem0 + weak + "تم", 2, "pl")
        return out
    else:
        raise ResourceError(f"unknown verb class {cls!r} (expected one of {', '.join(CLASSES)})")
    add(p, 3, "sg")
    add(p + "ت", 3, "sg")
    add(p + "ا", 3, "du")
    add(p + "تا", 3, "du")
    out.append(Form(p + "وا", kind, 3, "pl"))
    for suf in OBJ_SUFFIXES:
        out.append(Form(p + "و" + suf, kind, 3, "pl", suf))
    # a stem ending in ن takes the suffixes ن and نا with a shadda: أعلنّ، أعلنّا
    out.append(Form(heavy if heavy.endswith("ن") else heavy + "ن", kind, 3, "pl"))
    add(heavy + "ت", 1, "sg")
    add(heavy + "ا" if heavy.endswith("ن") else heavy + "نا", 1, "pl")
    add(heavy + "تم", 2, "pl")
    add(heavy + "تما", 2, "du")
    return out


def imperfect_forms(impf: str, cls: str, kind: str = "impf") -> list[Form]:
    """All imperfect forms (indicative, subjunctive, jussive) from the 3rd person masculine singular.

    Raises:
        ResourceError: Unknown class, or a form that does not start with ي.
    """
    _check(impf, "imperfect")
    if impf[0] not in "يت":
        raise ResourceError(f"imperfect {impf!r} must start with ي")
    stem = impf[1:]
    out: list[Form] = []
    persons = (("ي", 3), ("ت", 3), ("ن", 1), ("أ", 1))

    def add(s: str, person: int, number: str) -> None:
        out.append(Form(s, kind, person, number))
        for suf in OBJ_SUFFIXES:
            out.append(Form(s + suf, kind, person, number, suf))

    if cls == "defective":
        stem0 = stem[:-1]
        for pre, person in persons:
            number = "pl" if pre == "ن" else "sg"
            add(pre + stem, person, number)
            add(pre + stem0, person, number)  # jussive: لم يدع، لم يلتق
        for pre in "يت":
            add(pre + stem + "ان", 3, "du")
            add(pre + stem + "ا", 3, "du")
            out.append(Form(pre + stem0 + "ون", kind, 3, "pl"))
            out.append(Form(pre + stem0 + "وا", kind, 3, "pl"))
            for suf in OBJ_SUFFIXES:
                out.append(Form(pre + stem0 + "و" + suf, kind, 3, "pl", suf))
            out.append(Form(pre + stem0 + "ين", kind, 2, "sg"))
        return out
    if cls == "sound":
        short = stem
    elif cls == "hollow":
        short = _short_hollow(stem)
    elif cls == "doubled":
        short = stem
    else:
        raise ResourceError(f"unknown verb class {cls!r} (expected one of {', '.join(CLASSES)})")
    for pre, person in persons:
        number = "pl" if pre == "ن" else "sg"
        add(pre + stem, person, number)
        if short != stem and cls == "hollow":
            add(pre + short, person, number)  # jussive: لم يزر
    for pre in "يت":
        add(pre + stem + "ان", 3, "du")
        add(pre + stem + "ا", 3, "du")
        out.append(Form(pre + stem + "ون", kind, 3, "pl"))
        out.append(Form(pre + stem + "وا", kind, 3, "pl"))
        for suf in OBJ_SUFFIXES:
            out.append(Form(pre + stem + "و" + suf, kind, 3, "pl", suf))
        out.append(Form(pre + short + "ن", kind, 3, "pl"))
        out.append(Form(pre + stem + "ين", kind, 2, "sg"))
    return out


def masdar_forms(masdar: str) -> list[Form]:
    """A verbal noun (or its plural) with accusative and possessive endings.

    Raises:
        ResourceError: A form too short to inflect.
    """
    masdar = _DIACRITICS.sub("", masdar)
    _check(masdar, "verbal noun")
    number = "pl" if masdar.endswith("ات") else "sg"
    out = [Form(masdar, "masdar", 0, number)]
    base = masdar[:-1] + "ت" if masdar.endswith("ة") else masdar
    if not masdar.endswith(("ة", "ات", "ى")):  # accusative -an: زيارةً has none, لقاءً and اتصالاً do
        out.append(Form(masdar + "ا", "masdar", 0, number))
    for suf in POSS_SUFFIXES:
        out.append(Form(base + suf, "masdar", 0, number, suf))
    if masdar.endswith("ة"):
        out.append(Form(masdar[:-1] + "تان", "masdar", 0, "du"))
        out.append(Form(masdar[:-1] + "تين", "masdar", 0, "du"))
    return out


def verb_forms(perfect: str, imperfect: str, cls: str, passive: str = "") -> list[Form]:
    """Every active (and, when given, passive) form of one verb.

    Args:
        perfect: 3rd person masculine singular perfect (``زار``).
        imperfect: 3rd person masculine singular imperfect (``يزور``).
        cls: Verb class, one of ``CLASSES``.
        passive: Passive perfect and optionally imperfect, ``"زير"`` or ``"اغتيل/يغتال"``.

    Raises:
        ResourceError: Unknown class or malformed forms.
    """
    perfect, imperfect, passive = (_DIACRITICS.sub("", w) for w in (perfect, imperfect, passive))
    out = perfect_forms(perfect, cls) if perfect else []
    if imperfect:
        out += imperfect_forms(imperfect, cls)
    if passive:
        pp, _, pi = passive.partition("/")
        if pp:
            out += perfect_forms(pp, "defective" if pp.endswith(("ي", "ى")) and cls == "defective" else "sound",
                                 kind="pass")
        if pi:
            out += imperfect_forms(pi, "sound", kind="pass")
    return out
