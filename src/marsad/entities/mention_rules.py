"""Mentions of people and organisations the NER model missed, added after the merge where the evidence is
strong and general (each rule names itself in the mention's provenance pattern):

- ``rule:org_head`` — the head noun of an organisation in construct state followed by a definite word
  (``وزارة الداخلية``، ``هيئة الطرق والمواصلات``، ``جمعية الكشافة السعودية``) or by a division word and a place
  (``مجلس محافظة البصرة``), or a definite head with an
  adjective and a ``لل``/``ب`` complement (``اللجنة الوطنية للحج``، ``الغرفة التجارية بجدة``); ``صحة``/``تعليم``
  only before a place (``تعليم الرياض``);
- ``rule:title_name`` — a personal title (``اللواء``، ``الدكتور``، ``المهندس``، ``الأمير``) followed by words that
  are personal-name units of the romaniser's table (``الدكتور فهد الشمري``);
- ``rule:patronymic`` — a name chain with ``بن``/``ابن``/``بنت`` whose words are all name units
  (``خالد بن فهد بن سعد``);
- ``rule:repeat`` — a person's name the article repeats untagged, whole or by its family name (:func:`_repeats`).

Nothing the merge already holds is touched: a candidate overlapping a person, organisation or agent mention is
dropped (an organisation may contain a place: ``تعليم الرياض``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from functools import cache

from marsad.entities.linking import Mention
from marsad.kb.romanize import known_name, unit_frequency
from marsad.text.normalize import NormText, normalize

#: Organisation heads in construct state (``وزارة X``), as written.
_ORG_HEADS = (
    "وزارة", "هيئة", "جامعة", "جمعية", "مجلس", "لجنة", "أمانة", "إدارة", "شركة", "مكتب", "كلية", "مركز", "بلدية",
    "شرطة", "محكمة", "مستشفى", "مؤسسة", "وكالة", "مديرية", "نادي", "اتحاد", "بنك", "مصرف", "صحيفة", "جريدة",
    "قناة", "حزب", "معهد", "رابطة", "إمارة", "منظمة", "صندوق",
)  # not حركة، جهاز، غرفة، قيادة، مجموعة، جماعة، تنظيم: mostly common nouns (حركة المرور، غرفة المعيشة)
#: Heads that name a local directorate or a government only before a place (``تعليم الرياض``، ``صحة جازان``،
#: ``حكومة مالي``).
_PLACE_HEADS = ("صحة", "تعليم", "شرطة", "إمارة", "أمانة", "بلدية", "محكمة", "حكومة")
#: Words naming the kind of place that follows them in a body's name (``مجلس محافظة البصرة``).
_DIVISIONS = ("محافظة", "منطقة", "مدينة", "ولاية", "إقليم")
#: Complements that make a generic noun phrase, not a body (``مجلس الإدارة``، ``مركز الصدارة``).
_GENERIC = (
    "الإدارة", "الأمناء", "العمل", "الصدارة", "الأول", "الثاني", "الثالث", "الأعمال", "المدرسة", "الحي",
    "الطلاب", "الشركة", "الجامعة", "الوزارة", "الهيئة", "الدولة", "المدينة", "المنطقة", "المحافظة", "الأسرة",
    "الأزمة", "الملف", "المشروع", "المشاريع", "البلاد", "الحكم", "المباراة", "الفريق", "النادي", "الدوري",
    "البيت", "الجمعية", "المركز", "المجلس", "اللجنة", "الأمن", "الوقت", "الذي", "التي", "الذين", "اللذين",
    "اللتين", "للمرة", "التحكم", "البلاغات", "الدم", "القبول", "الطب",
)
#: Personal titles before a name, as written.
_TITLES = (
    "الأمير", "الأميرة", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "المهندسة",
    "الأستاذ", "الأستاذة", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "الملازم",
    "الرقيب", "العريف", "اللاعب", "اللاعبة", "المدرب", "الفنان", "الفنانة", "الكابتن", "الشاعر", "الشاعرة",
    "الكاتب", "الكاتبة", "الإعلامي", "الإعلامية", "المواطن", "المواطنة", "المعلم", "المعلمة", "القاضي",
    "المحامي", "المحامية", "الداعية", "المستشار", "الوزير", "السفير", "المشير", "معالي", "سعادة",
)
#: Titles after which one word with the article is a name (``الدكتور الشمري``); after the others a one-word
#: name is too often an adjective (``اللاعب المصري``، ``الفريق الأصفر``).
_SURNAME_TITLES = ("الدكتور", "الدكتورة", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "اللواء", "العميد",
                   "العقيد", "المقدم", "الشيخ", "الأمير", "معالي", "سعادة")
#: Words after a title that are still the title (``اللواء الركن``، ``الفريق أول``، ``الدكتور المهندس``).
_TITLE_TAIL = ("الركن", "أول", "طيار", "ركن", "متقاعد", "الدكتور", "المهندس", "الأستاذ", "الشيخ", "الأمير")
#: Words the name table holds that end a name (a verb or particle after it: ``… وأكد``).
_NOT_NAME = (
    "وأكد", "وقال", "وأوضح", "وأشار", "وأضاف", "وبين", "ولفت", "وشدد", "وأعلن", "وذكر", "وكشف", "أكد", "قال",
    "أوضح", "أشار", "أضاف", "بين", "لفت", "شدد", "أعلن", "ذكر", "كشف", "أن", "إن", "الذي", "التي", "على", "في",
    "من", "إلى", "عن", "مع", "بعد", "قبل", "خلال", "حيث", "كما", "وهو", "وهي", "هو", "هي", "رئيس", "مدير", "نائب",
    "عضو", "أمين", "وزير", "أمير", "محافظ", "وكيل", "مساعد", "عام", "العام", "سعود", "العزيز",
)
_PATRONYM = ("بن", "ابن", "بنت")
#: A first name (``rule:name_pair``) is a unit the name table holds this often for people of Arab countries.
FIRST_NAME_MIN = 60
#: Frequent first names that are as often common nouns before a definite word (رمضان الماضي، صباح العيد).
_COMMON_FIRST = ("رمضان", "صباح", "أمل", "شرف", "عيد", "جمعة", "سلام", "نور", "فجر", "نصر", "فرج", "خير", "سعيد",
                 "أمين", "حسن", "كريم", "جميل", "رشيد", "عادل", "فاضل", "هادي", "ناصر", "منصور", "سالم", "أمير")
_PROCLITICS = ("وب", "ول", "فب", "فل", "لل", "ب", "ل", "و", "ف")
_MAX_WORDS = 7


@cache
def _norm_set(words: tuple[str, ...], fold: bool) -> frozenset[str]:
    return frozenset(normalize(w, fold).norm for w in words)


_PROCLITICS_2 = frozenset(p for p in _PROCLITICS if len(p) == 2)
_PROCLITICS_1 = frozenset(p for p in _PROCLITICS if len(p) == 1)


def _strip(word: str, heads: frozenset[str]) -> str | None:
    """The head the word is, with or without a proclitic (``لوزارة`` → ``وزاره``), else None.

    The proclitics are tried two letters first, as ``_PROCLITICS`` lists them (a word starts with at most one
    of each length), by set look-up rather than one ``startswith`` per proclitic."""
    if word in heads:
        return word
    if word[:2] in _PROCLITICS_2 and word[2:] in heads:
        return word[2:]
    if word[:1] in _PROCLITICS_1 and word[1:] in heads:
        return word[1:]
    return None


def _place_words(src: Sequence[tuple[int, int]], places: Sequence[tuple[int, int]]) -> list[bool]:
    """For each word (source span), whether it overlaps one of the places.

    Words in text order (starts and ends non-decreasing) overlapping a place ``[a, b)`` are a run: those
    ending after ``a`` and starting before ``b``, found by bisection (one scan of the places per word made
    the rule quadratic in long articles)."""
    out = [False] * len(src)
    if not places:
        return out
    starts = [s for s, _ in src]
    ends = [e for _, e in src]
    if any(starts[k] > starts[k + 1] or ends[k] > ends[k + 1] for k in range(len(src) - 1)):
        return [any(a < e and s < b for a, b in places) for s, e in src]
    for a, b in places:
        for k in range(bisect_right(ends, a), bisect_left(starts, b)):
            out[k] = True
    return out


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "وال", "بال")) and len(word) > 3


def add_rule_mentions(nt: NormText, words: Sequence[tuple[int, int]], mentions: list[Mention],
                      fold: bool, blocked: Collection[int] = (), pairs: bool = True,
                      place_spans: Sequence[tuple[int, int]] = (),
                      head_places: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """The mentions with the rule-made ones added (text order); see the module docstring.

    ``blocked``: indexes of words a dictionary matched as something other than a person or organisation
    (a nationality, a role, a place): never a name unit here (``اللاعب السعودي``). ``place_spans``: source spans
    of the dictionary's place matches, places for the rules even where no place mention was kept (the merge
    drops a place right after an organisation's head word: ``شرطة دبي``); ``head_places``: those and the
    ambiguous place names, places only right after a head word that takes one (``أمانة جدة``)."""
    texts = [nt.norm[a:b] for a, b in words]
    src = [nt.to_source(a, b) for a, b in words]
    # the spans taken, by start (a free span is looked up among those that can reach it, not all of them)
    taken = sorted((m.start, m.end, m.label) for m in mentions)
    taken_starts = [a for a, _, _ in taken]
    longest = [max((b - a for a, b, _ in taken), default=0)]
    places = sorted({*((m.start, m.end) for m in mentions if m.label == "LOC"), *place_spans})

    def joined(k: int) -> bool:  # only spaces between word k and word k+1
        return k + 1 < len(words) and not nt.norm[words[k][1]:words[k + 1][0]].strip()

    place_word = _place_words(src, places)
    head_place = _place_words(src, sorted({*places, *head_places})) if head_places else place_word

    def is_place(k: int) -> bool:
        return place_word[k]

    def free(s: int, e: int, label: str) -> bool:
        lo, hi = bisect_left(taken_starts, s - max(longest[0], 0)), bisect_left(taken_starts, e)
        return not any(s < b and (label == "PERS" or lab != "LOC") for _, b, lab in taken[lo:hi])

    heads = _norm_set(_ORG_HEADS, fold)
    place_heads = _norm_set(_PLACE_HEADS, fold)
    place_only = place_heads - heads
    divisions = _norm_set(_DIVISIONS, fold)
    generic = _norm_set(_GENERIC, fold)
    titles = _norm_set(_TITLES, fold)
    title_tail = _norm_set(_TITLE_TAIL, fold)
    not_name = _norm_set(_NOT_NAME, fold)
    surname_titles = _norm_set(_SURNAME_TITLES, fold)
    team = normalize("الفريق", fold).norm
    common_first = _norm_set(_COMMON_FIRST, fold)
    management = normalize("إدارة", fold).norm
    royal = _norm_set(("الملك", "الأمير", "الشيخ", "الإمام", "الأميرة"), fold)
    added: list[Mention] = []

    def emit(i: int, j: int, label: str, rule: str, conf: float) -> None:
        s, e = src[i][0], src[j][1]
        if e > s and free(s, e, label):
            added.append(Mention(s, e, label, "rule", None, conf, pattern=f"rule:{rule}"))
            at = bisect_right(taken_starts, s)
            taken_starts.insert(at, s)
            taken.insert(at, (s, e, label))
            longest[0] = max(longest[0], e - s)

    def name_word(k: int) -> bool:
        w = texts[k]
        return w not in not_name and w not in titles and k not in blocked and not is_place(k) \
            and (w in _PATRONYM or known_name(w))

    n = len(words)
    k = 0
    while k < n:
        w = texts[k]
        head = _strip(w, heads) or _strip(w, place_heads)
        end = -1
        if head is not None and joined(k):
            nxt = texts[k + 1]
            if (is_place(k + 1) or (head in place_heads and head_place[k + 1])) and not nxt.startswith("ب") \
                    and (head in place_heads or nxt.startswith("ال")):
                end = k + 1  # شرطة الرياض, not شركة بالرياض
            elif nxt in divisions and joined(k + 1) and k + 2 < n and is_place(k + 2) \
                    and not texts[k + 2].startswith("ب"):
                end = k + 2  # مجلس محافظة البصرة، أمانة منطقة جازان: a division word, then its place
            elif head not in place_only and nxt.startswith(("ال", "وال")) and len(nxt) > 3 \
                    and nxt not in generic and nxt.removeprefix("و") not in generic:
                end = k + 1
        elif w.startswith("ال") and len(w) > 4 and _strip(w[2:], heads) == w[2:] and joined(k):
            # الهيئة العامة للسياحة، الغرفة التجارية الصناعية بجدة
            j = k + 1
            while j < n and j - k < 4 and texts[j].startswith("ال") and joined(j - 1) and texts[j] not in generic:
                j += 1
            if j > k + 1 and j < n and joined(j - 1) and (texts[j].startswith("لل") or (
                    texts[j].startswith("ب") and is_place(j))):
                end = j
        if end >= 0:
            j = end
            # after a place only more of the place (شرطة دبي | القبض: the verbal noun that follows is not the
            # body's; مكة المكرمة is one place)
            while j + 1 < n and j + 1 - k < _MAX_WORDS and joined(j) and (
                    (_definite(texts[j + 1]) and not head_place[j]) or is_place(j + 1)) \
                    and texts[j + 1] not in generic:
                j += 1
            if texts[j] in royal:
                pass  # مستشفى الملك | فهد: the name after the title is another mention's, the span would be cut
            elif head != management or (j > k + 1 and any(is_place(x) for x in range(k + 1, j + 1))):
                emit(k, j, "ORG", "org_head", 0.6)  # إدارة X alone is mostly a verbal noun (إدارة المخاطر)
            k = j + 1
            continue
        if w in titles and joined(k):
            j = k + 1
            while j < n and texts[j] in title_tail and joined(j - 1):
                j += 1
            first = j
            while j < n and j - first < 5 and joined(j - 1) and name_word(j):
                j += 1
            content = [t for t in texts[first:j] if t not in _PATRONYM]
            while j > first and texts[j - 1] in _PATRONYM:
                j -= 1
            if w == team and first == k + 1:
                content = []  # الفريق: a team, unless a rank follows (الفريق أول، الفريق الركن)
            if len(content) >= 2 or (content and texts[first].startswith("ال") and w in surname_titles):
                emit(first, j - 1, "PERS", "title_name", 0.6)
                k = j
                continue
        if pairs and k + 1 < n and not w.startswith(("ال", "و", "ف", "ب", "ل")) and w not in common_first \
                and w not in _PATRONYM and texts[k + 1].startswith("ال") and len(texts[k + 1]) > 4 \
                and joined(k) and (k == 0 or texts[k - 1] not in _PATRONYM) \
                and unit_frequency(w) >= FIRST_NAME_MIN and name_word(k) and name_word(k + 1):
            # (the cheap tests first: every test here is pure, so their order does not change the result)
            j = k + 1
            emit(k, j, "PERS", "name_pair", 0.5)  # جعفر السلطان: a first name and a family name
            k = j + 1
            continue
        if w in _PATRONYM and 0 < k < n - 1 and joined(k - 1) and joined(k) and name_word(k - 1) \
                and texts[k - 1] not in _PATRONYM and name_word(k + 1) and texts[k + 1] not in _PATRONYM:
            i = k - 1
            j = k + 1
            while j + 2 < n and texts[j + 1] in _PATRONYM and joined(j) and joined(j + 1) and name_word(j + 2):
                j += 2
            if j + 1 < n and joined(j) and texts[j + 1].startswith("ال") and name_word(j + 1):
                j += 1  # خالد بن فهد الشمري
            emit(i, j, "PERS", "patronymic", 0.6)
            k = j + 1
            continue
        k += 1
    _repeats(texts, src, [*mentions, *added], blocked, place_word, emit, _norm_set(_REPEAT_NOT, fold) | not_name
             | titles | generic | common_first)
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda x: (x.start, -x.end))


#: Family names that are as often common words (``صالح`` valid, ``حسن`` good): never repeated alone.
_REPEAT_NOT = ("صالح", "حسين", "علي", "محمد", "أحمد", "عبدالله", "الله", "الدين", "بن", "بنت", "ابن", "أبو", "آل",
               "العربي", "العربية", "الجديد", "الكبير", "الصغير", "الأول", "الثاني", "الثالث")
#: A repeated family name is at least this long (letters, without a proclitic).
REPEAT_MIN_LETTERS = 4


def _repeats(texts: Sequence[str], src: Sequence[tuple[int, int]], mentions: Sequence[Mention],
             blocked: Collection[int], place_word: Sequence[bool],
             emit: Callable[[int, int, str, str, float], None], stop: Collection[str]) -> None:
    """``rule:repeat`` — a person's name the article gives once more where the model did not tag it:
    the whole name again (``مساعد الزويهري``), or its last word alone (``الزويهري``، ``سابيلا``; with ``و``
    before it) when that word is a family name of the table (with the article) or reads as a foreign name,
    and is no common word. The later nil coreference gives it the full name's description."""
    from marsad.kb.romanize import known_name, name_origin

    starts = {a: k for k, (a, _) in enumerate(src)}
    ends = {b: k for k, (_, b) in enumerate(src)}
    fulls: set[tuple[str, ...]] = set()
    lasts: set[str] = set()
    for m in mentions:
        if m.label != "PERS" or (m.link is not None and m.link.type != "PERS"):
            continue
        i, j = starts.get(m.start), ends.get(m.end)
        if i is None or j is None or j <= i:
            continue
        words = tuple(texts[i:j + 1])
        if any(w in stop for w in words[1:]) or any(len(w) < 2 for w in words):
            continue
        fulls.add(words)
        last = words[-1]
        if len(last) >= REPEAT_MIN_LETTERS and last not in stop and (
                (last.startswith("ال") and known_name(last)) or (not last.startswith("ال") and
                                                                 name_origin(last) == "foreign")):
            lasts.add(last)
    if not fulls:
        return
    # the full names by their first word, each list in the set's order (the first that matches is emitted)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in fulls:
        by_first.setdefault(words[0], []).append(words)
    n = len(texts)
    for k in range(n):
        if k in blocked or place_word[k]:
            continue
        w = texts[k]
        done = False
        for words in by_first.get(w, ()):
            j = k + len(words) - 1
            if j < n and tuple(texts[k:j + 1]) == words and not any(x in blocked or place_word[x]
                                                                    for x in range(k, j + 1)):
                emit(k, j, "PERS", "repeat", 0.5)
                done = True
                break
        if done:
            continue
        if w in lasts or (w[:1] == "و" and w[1:] in lasts):
            emit(k, k, "PERS", "repeat", 0.5)
