"""English names of unlinked organisations built from their Arabic parts (marsad.kb.org_names)."""

import pytest

from marsad.kb.org_names import fold, org_name, table


def test_table_reads_heads_complements_and_places() -> None:
    t = table()
    assert fold("وزارة") in t.bodies
    assert fold("الصحة") in t.complements
    assert t.divisions[fold("منطقة")] == "Region"
    assert t.places[fold("جازان")] == "Jazan"


def test_ministry_takes_its_portfolio_and_the_country_as_qualifier() -> None:
    assert org_name(["وزارة", "الصحة"], None, "LBN", "Lebanon") == "Ministry of Health (Lebanon)"
    assert org_name(["وزارة", "الخدمة", "المدنية"], None, "SAU", "Saudi Arabia") == \
        "Ministry of Civil Service (Saudi Arabia)"
    assert org_name(["لوزارة", "المالية"]) == "Ministry of Finance"


def test_united_states_departments_use_their_own_names() -> None:
    assert org_name(["وزارة", "الخارجية"], None, "USA", "United States") == "United States Department of State"
    assert org_name(["وزارة", "الخزانة"], None, "USA", "United States") == \
        "United States Department of the Treasury"
    # no US form for this portfolio: no name rather than «Ministry of Tourism»
    assert org_name(["وزارة", "السياحة"], None, "USA", "United States") is None


def test_local_body_puts_its_place_first() -> None:
    assert org_name(["أمانة"], ("جدة", "Jeddah"), "SAU", "Saudi Arabia") == "Jeddah Municipality"
    assert org_name(["تعليم"], ("حائل", "Hail"), "SAU") == "Hail Education Directorate"
    assert org_name(["أمانة"], ("الأحساء", "Al-Ahsa Governorate"), "SAU") == "Al-Ahsa Municipality"
    assert org_name(["أمانة", "منطقة"], ("جازان", "Jizan"), "SAU") == "Jazan Region Municipality"
    assert org_name(["شرطة"], ("منطقة تبوك", "Tabuk Region"), "SAU") == "Tabuk Region Police"
    assert org_name(["وصحة"], ("جازان", "Jizan"), "SAU") == "Jazan Health Affairs"
    assert org_name(["لجنة", "التنمية", "الاجتماعية"], ("القطيف", "Qatif"), "SAU") == \
        "Qatif Social Development Committee"


def test_council_of_ministers_names_its_country() -> None:
    assert org_name(["مجلس", "الوزراء"], None, "LBN", "Lebanon") == "Council of Ministers of Lebanon"
    assert org_name(["مجلس", "الوزراء"], None, None, None) is None
    assert org_name(["مجلس", "الوزراء"], None, "USA", "United States") is None


def test_unknown_parts_give_no_name() -> None:
    assert org_name(["وزارة", "الشؤون", "الغريبة"]) is None
    assert org_name(["هيئة", "الصحة"]) is None
    assert org_name(["مركز"], ("جدة", "Jeddah")) is None
    assert org_name([]) is None
    assert org_name(["أمانة"], ("الشفا", "Ash Shafā"), "SAU") is None
    assert org_name(["نادي", "الهلال"]) is None


def test_component_names_an_unlinked_body_from_its_place() -> None:
    from marsad.article import Link
    from marsad.entities.component import nil_org_names
    from marsad.entities.linking import Mention
    from marsad.kb.index import load_resources

    text = "أعلنت أمانة بريدة أمس"
    start = text.index("أمانة")
    place = text.index("بريدة")
    nil = Link(id="nil:ORG:أمانة بريدة", name_en="", name_ar="أمانة بريدة", type="ORG", country="SAU")
    mentions = [Mention(start=start, end=place + len("بريدة"), label="ORG", source="ner", nil=nil)]
    nil_org_names(text, mentions, [(place, place + len("بريدة"), "Buraydah", "SAU")], [], load_resources())
    assert mentions[0].nil is not None and mentions[0].nil.name_en == "Buraydah Municipality"


@pytest.mark.parametrize(("words", "place", "country", "expected"), [
    (["مجلس", "محافظة"], ("البصرة", "Basra"), "IRQ", "Basra Provincial Council"),
    (["مجلس"], ("محافظة البصرة", "Basra Governorate"), "IRQ", "Basra Provincial Council"),
    (["مجلس", "محافظة"], ("جدة", "Jeddah"), "SAU", None),  # an Iraqi form only
])
def test_org_name_provincial_council(words: list[str], place: tuple[str, str], country: str,
                                     expected: str | None) -> None:
    assert org_name(words, place, country, None) == expected


@pytest.mark.parametrize(("words", "country", "country_en", "name"), [
    (["البنك", "المركزي"], "EGY", "Egypt", "Central Bank of Egypt"),
    (["البنك", "المركزي"], "USA", "United States", "Federal Reserve"),
    (["والبنك", "المركزي"], "JOR", "Jordan", "Central Bank of Jordan"),
    (["هيئة", "الطيران", "المدني"], "SAU", "Saudi Arabia", "General Authority of Civil Aviation"),
    (["هيئة", "الطيران", "المدني"], "EGY", "Egypt", None),  # a Saudi body's name only in Saudi Arabia
])
def test_whole_names_of_bodies(words: list[str], country: str, country_en: str, name: str | None) -> None:
    assert org_name(words, None, country, country_en) == name
