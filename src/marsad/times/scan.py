"""Tokens of the normalised view, clitic readings, and the token-level helpers the rules share.

``Scanner`` holds the tokens of one span and answers questions about them (is this
token a weekday? a number in words? a month name, with its paired regional name?);
``recognize.Recognizer`` adds the rules on top.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import NormText
from marsad.times.lexicon import Lexicon, fold, lexicon, triggers
from marsad.times.sem import Sem

TOKEN_RE = re.compile(
    r"(?P<nd>\d{1,4}(?:[.\-]|\s?/\s?|\s-\s)\d{1,2}(?:[.\-]|\s?/\s?|\s-\s)\d{1,4}(?![\d.]\d))|(?P<num>\d+)|(?P<w>[\u0621-\u064a]+)|(?P<lat>[a-z]+)|(?P<p>\S)"
)

_CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1)
def _bare_ok() -> frozenset[str]:
    """Stems without ``ال`` that ب/ل/ك may still precede (لعام, بمطلع, لمدة)."""
    return fold(
        (
            "عام", "عامي", "سنة", "سنتي", "شهر", "يوم", "منتصف", "نهاية", "بداية", "مطلع", "أواخر", "أوائل",
            "أواسط", "مستهل", "ختام", "نهايات", "بدايات", "صباح", "مساء", "فجر", "ظهر", "عصر", "ليلة", "ليل",
            "ضحى", "عشية", "صبيحة", "ظهيرة", "هذا", "هذه", "مدة", "بضع", "بضعة", "عدة",
        )
    )


@lru_cache(maxsize=1)
def count_nouns() -> frozenset[str]:
    """Counted nouns: a four-digit number before one is a quantity, not a year (2015 شخصاً)."""
    return fold(
        (
            "شخص", "شخصا", "قتيل", "قتيلا", "جريح", "جريحا", "طالب", "طالبا", "مليون", "ألف", "دولار", "ريال",
            "جنيه", "درهم", "دينار", "متر", "مترا", "كيلو", "كيلومتر", "طن", "عنصر", "عنصرا", "مقاتل", "مقاتلا",
            "حالة", "مصاب", "مصابا", "منزل", "منزلا", "نسمة", "مواطن", "مواطنا", "عامل", "عاملا", "موظف", "موظفا",
            "وحدة", "سيارة", "مشروع", "مشروعا", "لاجئ", "لاجئا", "سجين", "سجينا", "معتقل", "معتقلا",
        )
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common first names: a bare weekday right after one is a family name (خالد السبت, عبدالله الجمعة)."""
    return fold(
        (
            "محمد", "أحمد", "علي", "خالد", "سعد", "فهد", "صالح", "سلمان", "فيصل", "ناصر", "سعود", "عمر", "حسن",
            "حسين", "إبراهيم", "يوسف", "سالم", "سلطان", "بندر", "تركي", "ماجد", "طلال", "نايف", "منصور", "حمد",
            "راشد", "سامي", "عادل", "مصطفى", "محمود", "عمرو", "طارق", "هشام", "وليد", "يحيى", "زياد", "جاسم",
        )
    )


_BY_VAGUE = fold(("ساعات", "أيام", "أسابيع", "أشهر", "دقائق", "سنوات"))


@lru_cache(maxsize=65536)
def variants(word: str) -> tuple[tuple[int, str], ...]:
    """``(prefix length, stem)`` readings of a folded word, the bare word first.

    ``و``/``ف`` may precede any stem; ``ب``/``ل``/``ك`` only a stem with ``ال`` or a
    period word (``لعام``, ``بمطلع``), so ``لامس`` ("touched") is not ``ل`` + ``أمس``.
    After ``لل`` the stem gets its ``ال`` back and the whole word stays in the span.
    """
    out: list[tuple[int, str]] = [(0, word)]
    if word.startswith("لل") and len(word) > 3:
        out.append((0, "ال" + word[2:]))
    for pre in ("ولل", "فلل"):
        if word.startswith(pre) and len(word) > 4:
            out.append((1, "ال" + word[3:]))
    bare_ok = _bare_ok() | lexicon().cardinals.keys()
    for pre in _CLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            stem = word[len(pre) :]
            if pre in ("و", "ف") or stem.startswith("ال") or stem in bare_ok:
                out.append((len(pre), stem))
    return tuple(out)


@lru_cache(maxsize=32)
def _phrase_index(name: str) -> Mapping[str, int]:
    """First word -> most words of an entry, for the lexicon table called ``name``."""
    index: dict[str, int] = {}
    for entry in getattr(lexicon(), name):
        words = entry.split(" ")
        index[words[0]] = max(index.get(words[0], 0), len(words))
    return index


@lru_cache(maxsize=131072)
def _starts_rule(word: str) -> bool:
    trig = triggers()
    return any(stem in trig for _, stem in variants(word))


@dataclass(slots=True)
class Tok:
    """A token of the normalised view: ``kind`` is nd (numeric date), num, w (word), lat or p."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``norm[start:end]``; digit runs and letter runs are separate tokens."""
    end = len(norm) if end is None else end
    out: list[Tok] = []
    for m in TOKEN_RE.finditer(norm, start, end):
        kind = m.lastgroup or "p"
        out.append(Tok(m.group(), m.start(), m.end(), kind))
    return out


Hit = tuple[int, Sem, str]  # (token end, meaning, pattern id)


class Scanner:
    """The tokens of one span and the questions the rules ask about them."""

    def __init__(self, toks: list[Tok], nt: NormText, lex: Lexicon | None = None) -> None:
        self.toks = toks
        self.nt = nt
        self.lx = lex or lexicon()
        self.n = len(toks)

    # --- token helpers -----------------------------------------------------------------

    def text(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < self.n else ""

    def look(self, i: int, table: object) -> tuple[object, int] | None:
        """Value and clitic length when token ``i`` (or a clitic reading) is in ``table``."""
        if not 0 <= i < self.n or self.toks[i].kind != "w":
            return None
        for pre, stem in variants(self.toks[i].text):
            if isinstance(table, frozenset):
                if stem in table:
                    return stem, pre
            elif stem in table:  # type: ignore[operator]
                return table[stem], pre  # type: ignore[index]
        return None

    def is_(self, i: int, words: frozenset[str], clitic: bool = False) -> bool:
        if not 0 <= i < self.n:
            return False
        if not clitic:
            return self.toks[i].text in words
        return self.look(i, words) is not None

    def phrase(self, i: int, name: str, maxn: int = 4) -> tuple[object, int, int] | None:
        """Longest multi-word entry of the lexicon table ``name`` at token ``i``: (value, end, clitic length)."""
        if not 0 <= i < self.n or self.toks[i].kind != "w":
            return None
        table: Mapping[str, object] | frozenset[str] = getattr(self.lx, name)
        index = _phrase_index(name)
        for pre, stem in variants(self.toks[i].text):
            longest = index.get(stem)
            if longest is None:
                continue
            for n in range(min(maxn, longest, self.n - i), 0, -1):
                key = " ".join([stem, *(self.toks[k].text for k in range(i + 1, i + n))])
                if key in table:
                    value = key if isinstance(table, frozenset) else table[key]
                    return value, i + n, pre
        return None

    def digits(self, i: int) -> int | None:
        if 0 <= i < self.n and self.toks[i].kind == "num" and len(self.toks[i].text) <= 4:
            return int(self.toks[i].text)
        return None

    # --- numbers -----------------------------------------------------------------------

    def number(self, i: int) -> tuple[int, int, int] | None:
        """A cardinal in digits or words (1 .. 299): (value, end, clitic length)."""
        d = self.digits(i)
        if d is not None:
            return d, i + 1, 0
        lx = self.lx
        teens = ("عشر", "عشره")
        eleven = self.look(i, lx.eleven)
        if eleven is not None and self.text(i + 1) in teens:
            return 11, i + 2, eleven[1]
        hit = self.look(i, lx.cardinals)
        if hit is None:
            return None
        value, pre = hit
        assert isinstance(value, int)
        if value < 10 and self.text(i + 1) in teens:
            return 10 + value, i + 2, pre
        if value < 10:
            tens = self.look(i + 1, lx.cardinals)
            if tens is not None and tens[1] == 1 and isinstance(tens[0], int) and tens[0] in range(20, 100, 10):
                return value + tens[0], i + 2, pre
        if value in (100, 200):
            more = self.number(i + 1)
            if more is not None and more[2] == 1 and more[0] < 100:
                return value + more[0], more[1], pre
        return value, i + 1, pre

    def number_definite(self, i: int) -> tuple[int, int, int] | None:
        """A cardinal in words written with ``ال`` (الأربع وعشرين, الاثني عشر): (value, end, 0)."""
        word = self.text(i)
        if not word.startswith("ال") or word[2:] not in self.lx.cardinals:
            return None
        value = self.lx.cardinals[word[2:]]
        if value < 10 and self.text(i + 1) in ("عشر", "عشره"):
            return 10 + value, i + 2, 0
        if value < 10:
            tens = self.look(i + 1, self.lx.cardinals)
            nxt = self.text(i + 1)
            if tens is None and nxt.startswith("وال") and nxt[3:] in self.lx.cardinals:
                tens = self.lx.cardinals[nxt[3:]], 1  # الأربع والعشرين
            if tens is not None and tens[1] == 1 and isinstance(tens[0], int) and tens[0] in range(20, 100, 10):
                return value + tens[0], i + 2, 0
        return value, i + 1, 0

    def ordinal(self, i: int) -> tuple[int, int, int] | None:
        """An ordinal day number in words (الأول .. الحادي والثلاثين): (value, end, clitic length)."""
        hit = self.look(i, self.lx.ordinals)
        if hit is None:
            return None
        value, pre = hit
        assert isinstance(value, int)
        stem = self.toks[i].text[pre:]
        if value < 10 and self.text(i + 1) in ("عشر", "عشره"):
            return 10 + value, i + 2, pre
        if value < 10:
            tens = self.look(i + 1, self.lx.ordinals)
            if tens is not None and tens[1] == 1 and tens[0] in (20, 30):
                assert isinstance(tens[0], int)
                return value + tens[0], i + 2, pre
        if stem in ("الحادي", "الحاديه"):
            return None
        return value, i + 1, pre

    # --- pieces ------------------------------------------------------------------------

    def month_name(self, i: int) -> tuple[int, int, bool, bool, int] | None:
        """A month name with an optional paired name: (month, end, hijri, needs_context, clitic)."""
        lx = self.lx
        hit = self.phrase(i, "months", 2)
        hijri = False
        if hit is None:
            hit = self.phrase(i, "hijri_months", 2)
            hijri = True
        if hit is None:
            return None
        value, end, pre = hit
        assert isinstance(value, int)
        stem = " ".join([self.toks[i].text[pre:], *(self.toks[k].text for k in range(i + 1, end))])
        needs = (not hijri and stem in lx.months_ambiguous) or (hijri and " " not in stem)
        # a paired regional name: تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني)
        sep = self.text(end)
        if sep in ("/", "-", "،"):
            other = self.phrase(end + 1, "months", 2)
            if other is not None and other[0] == value:
                end, needs = other[1], False
        elif sep == "(":
            other = self.phrase(end + 1, "months", 2)
            if other is not None and other[0] == value and self.text(other[1]) == ")":
                end, needs = other[1] + 1, False
        elif not hijri:
            other = self.phrase(end, "months", 2)
            if other is not None and other[0] == value and other[2] == 0:
                end, needs = other[1], False  # مايو أيار
        return value, end, hijri, needs, pre

    def year(self, i: int) -> tuple[int, int, str] | None:
        """A year in digits with an optional era: (year, end, era) where era is ``h``, ``g`` or ``""``."""
        d = self.digits(i)
        if d is None or len(self.toks[i].text) < 3:
            return None
        nxt = self.text(i + 1)
        if nxt in self.lx.hijri_era:
            return d, i + 2, "h"
        if nxt in self.lx.greg_era:
            if nxt == "م" and ((d < 1900 and self.text(i - 1) not in ("عام", "العام", "سنه", "السنه"))
                               or self.digits(i + 2) is not None):
                return d, i + 1, ""  # 1000م3: cubic metres
            return d, i + 2, "g"
        return d, i + 1, ""

    def modifier(self, i: int) -> int | None:
        """-1 for الماضي, +1 for المقبل, 0 for الجاري at token ``i``; None otherwise."""
        t = self.text(i)
        if t in self.lx.past:
            return -1
        if t in self.lx.next:
            return 1
        if t in self.lx.current and t not in ("هذا", "هذه"):
            return 0
        return None

    def year_ref(self, i: int) -> tuple[int, int] | None:
        """``من العام الماضي``/``من هذا العام``/``العام الجاري`` after a month: (year offset, end)."""
        j = i + 1 if self.text(i) == "من" else i
        if self.text(j) in ("هذا", "هذه") and self.lx.periods.get(self.text(j + 1)) == "year":
            return 0, j + 2
        if self.lx.periods.get(self.text(j)) == "year":
            off = self.modifier(j + 1)
            if off is not None:
                return off, j + 2
        return None

    def prev_is_prep(self, i: int) -> bool:
        return self.is_(i - 1, self.lx.prepositions, clitic=True) or self.is_(i - 1, fold(("بين",)), clitic=True)

    def candidate(self, i: int) -> bool:
        """Whether token ``i`` can start an expression (digits, or a word that starts some rule)."""
        t = self.toks[i]
        if t.kind in ("num", "nd"):
            return True
        if t.text == "(" and self.text(i + 2) == ")" and i + 1 < self.n and self.toks[i + 1].kind == "num":
            return True  # (5) أيام
        if t.kind == "w" and t.text[:1] == "ب" and t.text[1:] in _BY_VAGUE:
            return True  # قبل وصوله بساعات
        if t.kind != "w" or not _starts_rule(t.text):
            return False
        if t.text in ("في", "فى", "علي", "وفي", "وعلي"):  # only في غضون / على مدى / على مدار start a rule
            return self.text(i + 1) in ("غضون", "مدي", "مدار")
        return True
