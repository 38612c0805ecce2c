"""Mentions the NER model missed, added by general rules (entities/mention_rules.py)."""

from __future__ import annotations

import pytest

from marsad.entities.gazetteer import word_spans
from marsad.entities.linking import Mention
from marsad.entities.mention_rules import add_rule_mentions
from marsad.kb import romanize
from marsad.text.normalize import normalize


def _added(text: str, existing: list[Mention] | None = None,
           blocked: set[int] | None = None) -> list[tuple[str, str, str]]:
    nt = normalize(text, True)
    words = word_spans(nt.norm)
    out = add_rule_mentions(nt, words, list(existing or []), True, blocked or set())
    return [(text[m.start:m.end], m.label, m.pattern or "") for m in out if m.source == "rule"]


@pytest.mark.parametrize(("text", "span"), [
    ("أعلنت وزارة الصحة عن حملة جديدة للتطعيم.", "وزارة الصحة"),
    ("وقال المتحدث باسم هيئة الطرق والمواصلات إن العمل بدأ.", "هيئة الطرق والمواصلات"),
    ("وشاركت جمعية الكشافة السعودية في المخيم.", "جمعية الكشافة السعودية"),
    ("وأوضحت اللجنة الوطنية للتراث أن الموقع مفتوح.", "اللجنة الوطنية للتراث"),
])
def test_organisation_heads_make_org_mentions(text: str, span: str) -> None:
    assert _added(text) == [(span, "ORG", "rule:org_head")]


@pytest.mark.parametrize("text", [
    "بدأت حركة المرور صباحا في الشارع.",
    "اجتمع مجلس الإدارة أمس.",
    "تعمل إدارة المخاطر على الخطة.",
    "وعادت اللجنة إلى عملها.",
])
def test_common_nouns_are_not_organisations(text: str) -> None:
    assert _added(text) == []


def test_an_existing_mention_is_never_overlapped() -> None:
    text = "أعلنت وزارة الصحة عن حملة."
    s = text.index("وزارة")
    existing = [Mention(s, s + len("وزارة الصحة"), "ORG", "ner", None, 0.8, pattern="ner")]
    assert _added(text, existing) == []


def test_a_place_after_a_local_head_is_an_organisation() -> None:
    text = "وأعلن تعليم جازان بدء الدراسة."
    s = text.index("جازان")
    place = Mention(s, s + len("جازان"), "LOC", "gazetteer", None, 0.9, pattern="place:curated")
    assert _added(text, [place]) == [("تعليم جازان", "ORG", "rule:org_head")]


def test_a_division_word_and_its_place_after_a_head_is_an_organisation() -> None:
    text = "وصوت مجلس محافظة البصرة على القرار."
    s = text.index("البصرة")
    place = Mention(s, s + len("البصرة"), "LOC", "gazetteer", None, 0.9, pattern="place:curated")
    assert _added(text, [place]) == [("مجلس محافظة البصرة", "ORG", "rule:org_head")]


needs_table = pytest.mark.skipif(not romanize.available(), reason="the name table is not installed")


@needs_table
def test_title_then_name_units_is_a_person() -> None:
    assert _added("واستقبل الدكتور فهد الشمري الوفد الزائر.") == [("فهد الشمري", "PERS", "rule:title_name")]


@needs_table
def test_patronymic_chain_is_a_person() -> None:
    assert _added("وحضر الحفل خالد بن فهد بن سعد أمس.") == [("خالد بن فهد بن سعد", "PERS", "rule:patronymic")]


@needs_table
def test_a_word_the_dictionary_matched_is_no_name_unit() -> None:
    text = "وقال اللاعب السعودي إن المباراة صعبة."
    nt = normalize(text, True)
    k = next(i for i, (a, b) in enumerate(word_spans(nt.norm)) if nt.norm[a:b] == "السعودي")
    assert _added(text, blocked={k}) == []
    assert _added("وقال الفريق الأصفر إن المباراة صعبة.") == []


@pytest.mark.parametrize(("words", "expected"), [
    ("متعب بن عبدالله بن عبدالعزيز", "متعب بن عبدالله بن عبدالعزيز"),
    ("بندر بن خالد بن عبدالعزيز آل سعود", "بندر بن خالد بن عبدالعزيز"),
    ("عبدالعزيز بن سعود بن نايف بن عبدالعزيز آل سعود", "عبدالعزيز بن سعود بن نايف"),
    ("فهد بن عبدالله بن عبدالعزيز بن مساعد", "فهد بن عبدالله بن عبدالعزيز بن مساعد"),
    ("نايف بن عبدالعزيز", "نايف بن عبدالعزيز"),
])
def test_royal_names_drop_the_founder_after_a_grandson(words: str, expected: str) -> None:
    from marsad.entities.component import royal_form

    assert " ".join(royal_form(words.split())) == expected


@needs_table
@pytest.mark.parametrize(("name", "latin"), [
    ("فهد بن خالد", "Fahd bin Khalid"),
    ("متعب بن عبدالله", "Mutaib bin Abdullah"),
    ("سلطان بن سلمان", "Sultan bin Salman"),
])
def test_gulf_papers_forms_of_name_units(name: str, latin: str) -> None:
    r = romanize.romanize(name, "SAU")
    assert r is not None and r.latin == latin


def test_a_surname_after_a_known_person_is_that_person() -> None:
    from marsad.article import Link
    from marsad.entities.component import nil_coref

    text = "وصل عادل الجبير إلى جدة، وقال الجبير إن الزيارة ناجحة."
    a = text.index("عادل")
    b = text.index("الجبير", a + 6)
    known = Link(id="actor:jubeir", name_en="Adel al-Jubeir", name_ar="عادل الجبير", type="PERS", country="SAU")
    nil = Link(id="nil:PERS:الجبير", name_en="Al-Jubair", name_ar="الجبير", type="PERS", country="SAU")
    mentions = [Mention(a, a + len("عادل الجبير"), "PERS", "gazetteer", known, pattern="actor", actor="jubeir"),
                Mention(b, b + len("الجبير"), "PERS", "ner", None, 0.8, pattern="ner", nil=nil)]
    nil_coref(text, mentions)
    assert mentions[1].link is not None and mentions[1].link.name_en == "Adel al-Jubeir"
    assert mentions[1].actor == "jubeir" and mentions[1].pattern == "ner+coref:name"


@needs_table
def test_a_frequent_first_name_and_a_family_name_is_a_person() -> None:
    assert _added("وحضر خالد الشمري الاجتماع أمس.") == [("خالد الشمري", "PERS", "rule:name_pair")]
    assert _added("وعاد المسافرون في رمضان الماضي إلى ديارهم.") == []
    assert _added("ووقف الجميع أمام البناء الجديد.") == []


@pytest.mark.parametrize(("text", "name", "sector"), [
    ("وقال الرئيس التنفيذي لشركة الاتصالات المتنقلة المهندس سامي الفلاني إن الأرباح زادت.", "سامي الفلاني", "BUS"),
    ("وأوضح مدير تعليم المنطقة الأستاذ سامي الفلاني أن الدراسة تبدأ غدا.", "سامي الفلاني", "EDU"),
    ("انتهى الاجتماع في الشركة. وقال سامي الفلاني إن الأرباح زادت.", "سامي الفلاني", None),
])
def test_the_sector_of_a_name_comes_from_its_title_chain(text: str, name: str, sector: str | None) -> None:
    from marsad.entities.component import nil_sector

    s = text.index(name)
    assert nil_sector(text, s, s + len(name), "PERS", False) == sector


@pytest.mark.parametrize(("src", "places"), [
    ([(0, 3), (4, 9), (10, 12), (13, 20)], [(4, 9)]),
    ([(0, 3), (4, 9), (10, 12), (13, 20)], [(5, 11), (19, 25)]),
    ([(0, 3), (4, 9), (10, 12), (13, 20)], [(3, 4), (12, 13)]),
    ([(0, 3), (4, 9), (10, 12), (13, 20)], []),
    ([(4, 9), (0, 3)], [(1, 2)]),  # not in text order: compared one by one
])
def test_mention_rules_place_words_are_the_overlapping_words(src: list[tuple[int, int]],
                                                             places: list[tuple[int, int]]) -> None:
    from marsad.entities.mention_rules import _place_words

    naive = [any(a < e and s < b for a, b in places) for s, e in src]
    assert _place_words(src, places) == naive


@needs_table
@pytest.mark.parametrize(("words", "dropped"), [
    ("القدير فهد بن عبدالله الشمري", True),   # an adjective the NER span kept
    ("عودنا خالد الحربي", True),              # a verb before a first name and a family name
    ("دكتور سالم بن علي القحطاني", True),     # a title without the article
    ("عبدالعزيز بن محمد العلي", False),       # a compound name unit
    ("وجعفر ميرزا جعفر", False),              # a name with its proclitic
    ("خورخي دا سيلفا", False),                # a foreign given name
])
def test_nil_name_drops_a_leading_word_that_is_no_name(words: str, dropped: bool) -> None:
    from marsad.entities.component import _lead_not_name

    assert _lead_not_name(words.split()) is dropped
