"""The predicate resource and its compiled Aho-Corasick matcher."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from marsad.errors import ResourceError
from marsad.events import ontology
from marsad.events.predicates import iter_surface, lexicon, load_predicates, parse_frame, parse_rows
from marsad.text.normalize import normalize, normalize_string

HEADER = "id\ttype\tmode\tcameo\tclass\tperfect\timperfect\tpassive\tmasdars\tframe\tnframe\treq\tflags\n"


def test_predicates_cover_every_type_with_ten_entries() -> None:
    counts = Counter(p.type for p in load_predicates())
    assert set(counts) == {t.name for t in ontology.EVENT_TYPES}
    assert min(counts.values()) >= 10


def test_predicates_carry_valid_cameo_codes() -> None:
    for p in load_predicates():
        # the cue category's type, or the table's own exception (191 blockade → COERCE)
        assert p.type in (ontology.cameo_type(p.cameo), ontology.cameo(p.cameo).type), p.id
        assert ontology.is_mode(p.type, p.mode), p.id


@pytest.mark.parametrize(
    "lemma",
    ["زار", "التقى", "لقاء", "اجتماع", "محادثات", "مباحثات", "تباحث", "بحث", "اتصل", "هنأ", "شكر", "أشاد", "دعا",
     "طالب", "رفض", "ندد", "أدان", "استنكر", "اتهم", "حذر", "هدد", "فرض", "طرد", "انسحب", "أفرج", "وقع", "قدم", "حشد",
     "اعتقل", "قصف", "هاجم", "اغتال", "فجر", "تظاهر", "احتج", "أضرب"],
)
def test_predicates_cover_the_required_lemmas(lemma: str) -> None:
    assert normalize_string(lemma) in _all_surfaces(), lemma


@cache
def _all_surfaces() -> frozenset[str]:
    return frozenset(s for p in load_predicates() for s in iter_surface(p))


def _found(text: str) -> list[tuple[str, str, str]]:
    nt = normalize(text)
    return [(nt.norm[m.start:m.end], m.predicate.id, m.form.kind) for m in lexicon().find(nt.norm, 0, None, text)]


@pytest.mark.parametrize(
    ("text", "word", "pid", "kind"),
    [
        ("وسيزور الرئيس موسكو", "وسيزور", "consult_zara", "impf"),
        ("قبيل زيارته الى روسيا", "زيارته", "consult_zara", "masdar"),
        ("وبالزيارة نفسها", "وبالزياره", "consult_zara", "masdar"),
        ("زير الرئيس في قصره", "زير", "consult_zara", "pass"),
        ("اغتيل السفير", "اغتيل", "assault_ightala", "pass"),
        ("وتباحثا في الازمة", "وتباحثا", "consult_tabahatha", "perf"),
        ("فرضت واشنطن عقوبات على طهران", "فرضت", "sanction_farada_uqubat", "perf"),
        ("فرضت السلطات حظر التجول", "فرضت", "coerce_farada_hazr", "perf"),
        ("هنأ الرئيس نظيره", "هنا", "support_hanna", "perf"),
        ("أجرى اتصالا هاتفيا", "اتصالا", "consult_ittasala", "masdar"),
    ],
)
def test_predicates_match_inflected_forms_with_clitics(text: str, word: str, pid: str, kind: str) -> None:
    assert (word, pid, kind) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية بالصحفيين",  # وزير is not و + زير
        "أعلنت وزارة الصحة",  # وزارة is not و + زارة
        "وهنا تكمن المشكلة",  # هنا (here) has no hamza
        "خرج بحثا عن عمل",  # بحثا عن: searching
        "قبل ساعات من المباراة",  # قبل: before
        "وقع الحادث على الطريق",  # وقع without an agreement
        "نشرت الصحيفة مقالا",  # نشر without troops
        "فجر اليوم",  # dawn
    ],
)
def test_predicates_hard_negatives(text: str) -> None:
    ids = {pid for _w, pid, _k in _found(text)}
    assert not ids & {"consult_zara", "support_hanna", "consult_bahatha", "agree_qabila", "support_waqqaa",
                      "mobilize_nashara_quwwat", "assault_fajjara"}, ids


def test_predicates_specific_entry_beats_generic() -> None:
    assert ("مناورات", "cooperate_munawarat", "masdar") in _found("أجرى الجيشان مناورات مشتركة")
    assert ("مناورات", "mobilize_munawarat", "masdar") in _found("أجرى الجيش مناورات في الصحراء")


def test_predicates_verb_after_preposition_is_a_noun() -> None:
    assert not any(pid == "support_daama" for _w, pid, _k in _found("يعتمد على دعم روسيا"))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tAGREE\t-\t030\tsound\tوافق\tيوافق\t-\t-\tsubj\t-\t-\t-", "frame 'subj' must read ACTOR>RECIPIENT"),
        ("x\tCRIME\t-\t030\tsound\tوافق\tيوافق\t-\t-\tsubj>obj\t-\t-\t-", "unknown PLOVER event type 'CRIME'"),
        ("x\tAGREE\tvisit\t030\tsound\tوافق\tيوافق\t-\t-\tsubj>obj\t-\t-\t-",
         "predicates.tsv line 2: 'visit' is not a mode of AGREE"),
        ("x\tAGREE\t-\t999\tsound\tوافق\tيوافق\t-\t-\tsubj>obj\t-\t-\t-",
         "predicates.tsv line 2: unknown CAMEO code '999'"),
        ("x\tAGREE\t-\t030\tweak\tوافق\tيوافق\t-\t-\tsubj>obj\t-\t-\t-", "predicates.tsv line 2: unknown class 'weak'"),
        ("x\tAGREE\t-\t030", "predicates.tsv line 2: expected 13 fields, got 4"),
    ],
)
def test_predicates_resource_errors(row: str, message: str) -> None:
    with pytest.raises(ResourceError) as err:
        parse_rows(HEADER + row + "\n")
    assert err.value.message == message
    assert err.value.code == "E300"


def test_predicates_duplicate_ids_are_refused() -> None:
    row = "x\tAGREE\t-\t030\tsound\tوافق\tيوافق\t-\t-\tsubj>obj\t-\t-\t-\n"
    with pytest.raises(ResourceError, match=r"line 3: duplicate id 'x'"):
        parse_rows(HEADER + row + row)


def test_predicates_frame_syntax() -> None:
    f = parse_frame("gen|ل*>ل|إلى")
    assert f is not None
    assert (f.actor, f.recipient, f.actor_if_other) == (("gen",), ("ل", "الي"), ("ل",))
    j = parse_frame("subj+مع>-")
    assert j is not None and j.joint == "مع" and j.recipient == ()
    assert parse_frame("-") is None
