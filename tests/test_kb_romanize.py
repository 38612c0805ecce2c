"""English forms of Arabic personal names the knowledge base does not hold (``marsad.kb.romanize``)."""

from __future__ import annotations

import pytest

from marsad.kb import romanize as rz

needs_table = pytest.mark.skipif(not rz.available(), reason="arabic-name-romanizer's name table is not installed")


@pytest.mark.parametrize(
    ("name", "units"),
    [
        ("عبدالله بن محمد", ["عبد الله", "بن محمد"]),
        ("سيف الدين خالد", ["سيف الدين", "خالد"]),
        ("أحمد أبو الغيط", ["احمد", "ابو الغيط"]),
        ("فاطمة", ["فاطمه"]),
    ],
)
def test_kb_romanize_units_join_particles(name: str, units: list[str]) -> None:
    assert rz.units(name) == units


@needs_table
@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("منصور التركي", "Mansour al-Turki"),
        ("عادل الجبير", "Adel al-Jubeir"),
        ("تركي الفيصل", "Turki al-Faisal"),
        ("محمد بن نايف", "Mohammed bin Nayef"),  # the Gulf newspapers' form, not Wikidata's Muhammad
    ],
)
def test_kb_romanize_table_names(name: str, latin: str) -> None:
    got = rz.romanize(name, "SAU")
    assert got is not None
    assert got.latin == latin
    assert got.rule == "table"


def test_kb_romanize_letters_for_an_unknown_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rz, "_lookup", lambda table, key, prefer: None)
    got = rz.romanize("كريم الزهراني")
    assert got is not None
    assert got.rule == "letters"
    assert got.latin.startswith("Karim al-") or got.latin.startswith("Krim al-")


def test_kb_romanize_rejects_a_misaligned_row() -> None:
    assert not rz._consistent("سلطان", "Al-Sharji")
    assert rz._consistent("سلطان", "Sultan")


def test_kb_romanize_no_arabic_is_none() -> None:
    assert rz.romanize("Putin") is None


@needs_table
@pytest.mark.parametrize(
    ("name", "origin"),
    [
        ("سعود الشهراني", "arabic"),  # the article
        ("عادل عبيد", "arabic"),  # a letter transliterations do not use
        ("منصور سمير", "arabic"),  # both units common in Arab countries
        ("توم كوتون", "foreign"),
        ("تويتر", "foreign"),
        ("جورج بوش", "foreign"),  # one common unit of two is not most of them
        ("Tom", "unknown"),
    ],
)
def test_kb_romanize_name_origin(name: str, origin: str) -> None:
    assert rz.name_origin(name) == origin


@needs_table
def test_kb_romanize_full_name_countries() -> None:
    got = rz.full_name_countries("سمير غانم")
    assert got and got[0][0] == "EGY"
    assert rz.full_name_countries("سمير") == ()  # one unit is no person
    assert rz.alpha3("SA") == "SAU" and rz.alpha2("EGY") == "EG" and rz.alpha3("XX") is None


@needs_table
@pytest.mark.parametrize("name", ["ضيف الله", "عبد الله", "بن ضيف الله"])
def test_kb_romanize_one_unit_is_never_a_full_name(name: str) -> None:
    # one name unit (particles joined) is one Latin word: the full-name table's people of two words are not it
    r = rz.romanize(name)
    assert r is not None and len(r.latin.replace("bin ", "").split()) == 1


@needs_table
@pytest.mark.parametrize(("name", "latin"), [
    ("جورج لوكاس", "George Lucas"),
    ("توماس", "Thomas"),
    ("ألبرتو", "Alberto"),        # أل begins the word: not the article
    ("ألكسندر", "Alexander"),
])
def test_western_given_names_and_hamza_alef_lam(name: str, latin: str) -> None:
    r = rz.romanize(name)
    assert r is not None and r.latin == latin


needs_latin = pytest.mark.skipif(not rz._latin_names(), reason="the names package's census lists are not installed")


@needs_table
@needs_latin
@pytest.mark.parametrize(("name", "latin"), [
    ("مارتن ديمبسي", "Martin Dempsey"),   # ي … ي: the vowels stand where Dempsey's do
    ("توم كوتون", "Tom Cotton"),          # the census spelling over an Arab's reading of it (Koutoune)
    ("جاي جونسون", "Jay Johnson"),        # the table's form is a census name: kept (not Jensen)
    ("كريستيان جروس", "Christian Gross"),  # a given name keeps the table's form
])
def test_kb_romanize_foreign_surname_from_latin_names(name: str, latin: str) -> None:
    r = rz.romanize(name)
    assert r is not None and r.latin == latin


@needs_latin
@pytest.mark.parametrize(("unit", "latin"), [
    ("ساندرز", "Sanders"),
    ("ويلسون", "Wilson"),
    ("لام", None),            # two consonants: too many names share them
    ("الشمري", None),         # the article: an Arabic name
])
def test_kb_romanize_latin_name(unit: str, latin: str | None) -> None:
    assert rz.latin_name(unit) == latin


@needs_latin
def test_kb_romanize_latin_name_keeps_the_first_letter_kind() -> None:
    # a name beginning with a vowel is not the reading of one beginning with و, nor W of one beginning with alef
    assert rz.latin_name("أوليفر") == "Oliver"
    got = rz.latin_name("ويلفريد")
    assert got is None or got.startswith("W")


@needs_table
def test_kb_romanize_arabic_names_do_not_take_latin_names() -> None:
    r = rz.romanize("محمد الشمري")
    assert r is not None and r.latin == "Mohammed al-Shammari"
