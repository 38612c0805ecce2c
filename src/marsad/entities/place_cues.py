"""Where an article says a place stands: datelines, and names after a locative cue that no dictionary has.

- **Datelines**: in the first lines of an article, the header before a colon (or a short line with a dash)
  split at dashes and colons (``الرياض - واس``، ``عين اليوم – المنامة``، ``فهد العتيبي - سبق - الطائف :``);
  a place name filling one of its segments is a dateline place. A headline of one name, a colon and words
  (``السالم: الخليج متجانس``) names a speaker, not a dateline.
- **Unknown settlements**: a word after ``حي``، ``قرية``، ``محافظة``، ``مدينة`` … that neither a dictionary
  nor the transliteration knows is a place without coordinates in the country of the article's places (or
  of its source): ``حي الشرائع`` in a Saudi article → SAU.
- **Unknown names**: a single word after a strong locative cue (``في مدينة``، ``بمحافظة``، ``وصل … إلى``) or
  filling a dateline segment, that no dictionary matched and that looks like a foreign name (no article,
  no final ة, not a common word), is looked up by its consonant skeleton among the ASCII names of cities
  with no Arabic name (``marsad.kb.translit``): ``كرمان`` → Kerman.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.entities.places import PlaceContext
from marsad.kb.records import Resources
from marsad.kb.translit import MIN_CONSONANTS, arabic_skeleton, usable
from marsad.text.normalize import NormText

DATELINE_WINDOW = 600  # datelines start in the first characters of an article
_HEADER_MAX = 90
_HEADLINE_MAX = 150  # a first line this short followed by a blank line is the headline
_HEADLINE_MIN_WORDS = 2  # ... a speaker's words after its colon
_SEGMENT = re.compile(r"\s[\-–—ـ]+\s|[\-–—:|/]")  # what separates segments: dashes, a spaced tatweel
_DASH = re.compile(r"\s[\-–—ـ]+\s|[\-–—]")
_LINE = re.compile(r"[^\n]+")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
MIN_TRANSLIT_LETTERS = 4
# ... of which these head common nouns too (مدينة الألعاب، مركز الشرطة، هجرة الأدمغة "brain drain"): only a name
# without ال follows them.
TOWN_CUES = frozenset({"مدينه", "بمدينه", "لمدينه", "مركز", "بمركز", "هجره", "بهجره"})
TRANSLIT_MIN_POPULATION = 50_000  # a transliterated name must be a city this large
TRANSLIT_SHORT_MIN_POPULATION = 100_000  # ... this large when its skeleton has only three consonants
# Nouns after which an unknown word is a settlement or district name (matching forms).
SETTLEMENT_CUES = frozenset(
    {
        "حي", "بحي", "لحي", "احياء", "قريه", "بقريه", "لقريه", "قري", "بقري", "هجره", "بهجره", "محافظه", "بمحافظه",
        "لمحافظه", "مدينه", "بمدينه", "لمدينه", "بلده", "ببلده", "لبلده", "مركز", "بمركز", "ضاحيه", "بضاحيه",
    }
)


def dateline_segments(nt: NormText) -> set[tuple[int, int]]:
    """(start, end) in the normalised view of the stripped segments of dateline headers.

    Read on the source text, where a tatweel standing alone between spaces is a dash (``الرياضي ـ جدة``).
    """
    src = nt.text
    out: set[tuple[int, int]] = set()
    for line in _LINE.finditer(src[:DATELINE_WINDOW]):
        body = line.group(0)
        colon = body.find(":")
        if 0 < colon <= _HEADER_MAX and _headline_speaker(src, line.start(), line.end(), colon):
            continue
        if 0 < colon <= _HEADER_MAX:
            header = body[:colon]
        elif len(body.strip()) <= _HEADER_MAX * 2 // 3 and _DASH.search(body):
            header = body
        else:
            continue
        if colon < 0 and not _DASH.search(header):
            continue
        for s, e in _segments(header):
            if len(header[s:e].split()) <= 4:
                out.add(nt.to_norm(line.start() + s, line.start() + e))
    return out


def _headline_speaker(src: str, start: int, end: int, colon: int) -> bool:
    """Is the line the headline (the first line, a blank line after it) and its part before the colon one
    segment followed by words — a speaker and what they said (``السالم: الخليج متجانس``), not a dateline?"""
    if start != 0 or end - start > _HEADLINE_MAX or not src[end:].lstrip(" \t\u00a0").startswith("\n\n"):
        return False
    body = src[start:end]
    return not _SEGMENT.search(body[:colon]) and len(body[colon + 1 :].split()) >= _HEADLINE_MIN_WORDS


def _segments(header: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in [*_SEGMENT.finditer(header), None]:
        end = m.start() if m is not None else len(header)
        piece = header[pos:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            out.append((pos + lead, end - trail))
        if m is not None:
            pos = m.end()
    return out


def translit_candidates(res: Resources, word: str, stop: frozenset[str] = frozenset()) -> tuple[str, list[int]]:
    """(skeleton, place indexes) for a foreign-looking single Arabic word (normalised), else ("", [])."""
    if (not _ARABIC_WORD.match(word) or len(word) < MIN_TRANSLIT_LETTERS or word.startswith("ال")
            or word.endswith(("ه", "ة")) or word in stop):
        return "", []
    sk = arabic_skeleton(word)
    if not usable(sk):
        return "", []
    floor = TRANSLIT_MIN_POPULATION if len(sk) > MIN_CONSONANTS else TRANSLIT_SHORT_MIN_POPULATION
    return sk, [i for i in res.translit.get(sk, ()) if res.places[i].population >= floor]


# ... of which these are mostly common nouns (هجرة "migration") or plurals (أحياء، قرى): a relational adjective
# after them is no name.
MIGRATION_CUES = frozenset({"هجره", "بهجره", "احياء", "باحياء", "قري", "بقري", "لقري"})
# ... and these a centre of something (مركز اتصالات، بمركز تدريبات): an indefinite plural after them is no name.
CENTRE_CUES = frozenset({"مركز", "بمركز"})
# Common nouns that follow a settlement cue in the news (قرية الألعاب، مدينة الملاهي، مركز الخدمات).
COMMON_AFTER_CUE = frozenset({"الالعاب", "الملاهي", "الترفيه", "الاطفال", "الخدمات", "الاعمال", "المعلومات",
                              "التدريب", "الشباب", "الابحاث", "الدراسات", "الاعلام", "التسوق", "المعارض"})


def nisba_adjective(cue: str, word: str) -> bool:
    """Is a (matching-form) word after the settlement cue ``cue`` a common noun phrase rather than a name?

    - an indefinite relational adjective after a common noun or a plural (``هجرة بشرية`` "human migration",
      ``أحياء سكنية`` "residential quarters"; but ``مدينة عالية`` may be Aley);
    - a word opening with the preposition ``لـ`` and the article (``مركز للأعمال الإغاثية``);
    - an indefinite plural in ``ات`` after ``مركز`` (``بمركز اتصالات``);
    - a common noun of :data:`COMMON_AFTER_CUE` (``قرية الألعاب``).
    """
    if word.startswith("لل") or word in COMMON_AFTER_CUE:
        return True
    if cue in CENTRE_CUES and not word.startswith("ال") and word.endswith("ات") and len(word) >= 5:
        return True
    return cue in MIGRATION_CUES and not word.startswith("ال") and word.endswith("يه") and len(word) >= 5


def article_country(ctx: PlaceContext) -> tuple[str | None, str]:
    """The country most of the article's resolved places lie in, else the source's: (code, how)."""
    counts: dict[str, int] = {}
    for p in ctx.resolved:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if counts:
        return max(counts, key=lambda c: (counts[c], c == ctx.source_country)), "article"
    if ctx.source_country:
        return ctx.source_country, "source"
    return None, ""


def uncovered_words(n_words: int, covered: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the words no match covers (``covered``: first and last word index of each match)."""
    taken = bytearray(n_words)
    for a, b in covered:
        taken[a : b + 1] = b"\x01" * (b + 1 - a)
    return [k for k in range(n_words) if not taken[k]]


# ... of which these name districts and villages, mostly local ones (``حي الخالدية``، ``قرية السودة``).
LOCAL_CUES = frozenset({"حي", "بحي", "لحي", "احياء", "قريه", "بقريه", "لقريه", "قري", "بقري", "هجره", "بهجره",
                        "ضاحيه", "بضاحيه"})
