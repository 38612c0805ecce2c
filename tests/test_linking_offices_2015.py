"""Saudi offices in July 2015: region emirs named by their city, headline titles, housing and municipal
ministers, titles joined by و (not an apposition), and an NER name span that is only a title."""

from __future__ import annotations

import pytest

from entities_util import find, run_from


@pytest.mark.parametrize(
    ("text", "mention", "actor"),
    [
        ("أمير مكة يتفقد مشاريع الحج", "أمير مكة", "actor:khalid_al_faisal"),
        ("وقال أمير الرياض إن المشروع بدأ.", "أمير الرياض", "actor:faisal_bin_bandar"),
        ("خادم الحرمين يستقبل الوفد الزائر", "خادم الحرمين", "actor:salman_bin_abdulaziz"),
        ("وأوضح وزير الإسكان أن الوحدات جاهزة.", "وزير الإسكان", "actor:hogail_majed"),
        ("ودشن وزير الشؤون البلدية والقروية المشروع.", "وزير الشؤون البلدية والقروية", "actor:al_sheikh_abdullatif"),
    ],
)
def test_saudi_offices_in_july_2015(text: str, mention: str, actor: str) -> None:
    art = run_from(text)
    assert [e.link.id for e in find(art, mention) if e.link is not None] == [actor]


def test_a_title_joined_by_wa_is_not_an_apposition() -> None:
    art = run_from("وهنأ المواطنون ولي ولي العهد والشعب السعودي بالعيد.")
    assert [e.link.id for e in find(art, "ولي ولي العهد") if e.link is not None] == ["actor:mohammed_bin_salman"]


def test_a_name_span_that_is_only_a_title_stands_for_the_holder() -> None:
    art = run_from("ورفع التهنئة إلى سمو ولي العهد وسمو ولي ولي العهد بمناسبة العيد.", ner=True)
    people = [e for e in art.entities or [] if e.label == "PERS"]
    if not people:
        pytest.skip("the tagger found no name span here")
    assert {e.link.id for e in people if e.link is not None} == {"actor:muhammad_bin_nayef",
                                                                  "actor:mohammed_bin_salman"}
    assert all(e.link is not None and e.prov.pattern == "ner+role" for e in people)


def test_big_cities_name_the_article_country() -> None:
    art = run_from("وصل وزير الخارجية إلى القاهرة قادما من الإسكندرية، ثم زار أسوان.")
    assert [e.link.id for e in find(art, "وزير الخارجية") if e.link is not None] == ["actor:shoukry_sameh"]


def test_an_organisation_with_a_nationality_inside_belongs_to_that_country() -> None:
    art = run_from("أعلنت وزارة الخارجية البحرينية أن السفير غادر.", ner=True)
    orgs = [e for e in art.entities or [] if e.label == "ORG" and e.nil is not None]
    if not orgs:
        pytest.skip("no organisation span here")
    assert {e.nil.country for e in orgs if e.nil is not None} == {"BHR"}


def test_a_club_one_word_name_in_a_sports_report_is_the_club() -> None:
    text = ("فاز الهلال على منافسه في مباراة الدوري أمس، وسجل اللاعب هدف المباراة في الملعب. "
            "وقال مدرب الفريق إن الدوري صعب وإن المنتخب يستعد للبطولة.")
    art = run_from(text)
    assert [e.link.id for e in find(art, "الهلال") if e.link is not None] == ["actor:al_hilal_fc"]
    plain = run_from("ظهر الهلال في سماء المدينة مساء أمس.")
    assert [e for e in find(plain, "الهلال") if e.link is not None] == []


def test_a_deputy_is_not_the_office_holder() -> None:
    art = run_from("وقال نائب وزير الدفاع الروسي إن الاتفاق قريب.")
    deputy = [e for e in find(art, "وزير الدفاع الروسي") if e.link is not None]
    assert [(e.link.id, e.prov.pattern) for e in deputy] == [("agent:RUS:GOV:deputy_of_defence_minister",
                                                              "role+deputy")]
    art = run_from("وقال وزير الدفاع الروسي إن الاتفاق قريب.")
    assert [e.link.id for e in find(art, "وزير الدفاع الروسي") if e.link is not None] == ["actor:shoigu_sergey"]


def test_a_city_standing_for_its_club_links_to_the_club() -> None:
    text = "انتقل اللاعب من روما بعد مباراة الدوري، وسجل هدفين في مرمى الفريق مع المدرب في الملعب."
    art = run_from(text)
    assert [(e.label, e.link.id) for e in find(art, "روما") if e.link is not None] == [("ORG", "actor:as_roma")]
