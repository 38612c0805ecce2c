"""Generated Arabic spelling variants of a place name, each with the rule that made it.

The matching view (``marsad.text.normalize``) already folds what it can fold on both sides — hamza and
alif forms (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى → ي, ة → ه, tashkeel and tatweel — and the gazetteer matches
after the proclitics ب ل و ف ك بال وال لل (``marsad.text.tokens.PROCLITICS``). What is left are spelling
differences that the normaliser cannot fold because both spellings are words:

- ``no_al`` / ``add_al``: the name without or with its article (``الكويت`` / ``كويت``);
- ``hamza_final``: a final hamza after alif written or not (``الأحساء`` / ``الأحسا``);
- ``single_letter``: a doubled letter written once (``مكّة`` is folded already; ``ميسسيبي`` → ``ميسيبي``);
- ``joined`` / ``split``: a short first word (بور، أبو، عين، رأس، بني، كفر …) written joined to the next or
  apart (``بور سعيد`` / ``بورسعيد``);
- ``ta_marbuta``: ة written ه (only needed when the view does not fold it);
- transliteration pairs of foreign names: ``san_sant`` (سان ↔ سانت), ``burg`` (بورغ ↔ بورج ↔ برغ),
  ``port`` (بور ↔ بورت).

``no_al``/``add_al`` variants are weak (a bare ``رياض`` is "gardens", ``الصور`` "the pictures"): the build
stores them as cue-only keys, a place only after a strong locative cue or in a dateline.
"""

from __future__ import annotations

import re

WEAK_RULES = frozenset({"no_al", "add_al"})
_PAIRS = (
    (re.compile(r"^سان "), "سانت ", "san_sant"),
    (re.compile(r"^سانت "), "سان ", "san_sant"),
    (re.compile(r"^سينت "), "سانت ", "san_sant"),
    (re.compile(r"بورغ$"), "بورج", "burg"),
    (re.compile(r"بورج$"), "بورغ", "burg"),
    (re.compile(r"برغ$"), "بورغ", "burg"),
    (re.compile(r"بورغ$"), "برغ", "burg"),
    (re.compile(r"^بور "), "بورت ", "port"),
    (re.compile(r"^بورت "), "بور ", "port"),
)
# First words written joined to the next one or apart (بورسعيد / بور سعيد، أبوظبي / أبو ظبي).
_JOINABLE = frozenset({"بور", "ابو", "أبو", "بو", "عين", "رأس", "راس", "بني", "دير", "كفر", "أم", "ام", "بئر", "سيدي",
                       "عبد", "سان", "بيت", "تل", "جبل", "وادي", "قصر", "خان"})
_DOUBLE = re.compile(r"([\u0621-\u064a])\1")


def variants(name: str, fold_ta_marbuta: bool = True) -> list[tuple[str, str]]:
    """(variant, rule) pairs for one Arabic name (the name itself not included; no duplicates)."""
    out: dict[str, str] = {}

    def add(form: str, rule: str) -> None:
        form = " ".join(form.split())
        if form and form != name and form not in out:
            out[form] = rule

    words = name.split()
    if name.startswith("ال") and len(words[0]) > 4:
        add(name[2:], "no_al")
    elif len(words) == 1 and len(name) >= 4 and not name.startswith("ال"):
        add("ال" + name, "add_al")
    if name.endswith("اء") and len(name) > 4:
        add(name[:-1], "hamza_final")
    if len(words) == 2 and words[0] in _JOINABLE:
        add(words[0] + words[1], "joined")
    elif len(words) == 1:
        for first in _JOINABLE:
            if name.startswith(first) and len(name) - len(first) >= 3:
                add(first + " " + name[len(first):], "split")
                break
    if _DOUBLE.search(name):
        add(_DOUBLE.sub(r"\1", name), "single_letter")
    if not fold_ta_marbuta and "ة" in name:
        add(name.replace("ة", "ه"), "ta_marbuta")
    for pattern, repl, rule in _PAIRS:
        if pattern.search(name):
            add(pattern.sub(repl, name), rule)
    return list(out.items())
