"""Bare offices take the article's country; one-country titles; region emirs; common nouns; NIL descriptions."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import JULY_2015, find, pipeline, run_from
from marsad.article import Article, Meta


@pytest.mark.parametrize(
    ("text", "mention", "actor"),
    [
        ("قال وزير الخارجية إن المملكة ترفض التدخل في شؤونها.", "وزير الخارجية", "actor:jubeir_adel"),
        ("أكد ولي العهد أن الأمن مستقر.", "ولي العهد", "actor:muhammad_bin_nayef"),
        ("رعى ولي ولي العهد حفل التخرج.", "ولي ولي العهد", "actor:mohammed_bin_salman"),
        ("وجّه وزير الداخلية بتشديد الرقابة.", "وزير الداخلية", "actor:muhammad_bin_nayef"),
    ],
)
def test_linking_bare_office_takes_source_country(text: str, mention: str, actor: str) -> None:
    (ent,) = find(run_from(text), mention, "AGENT")
    assert ent.link is not None and ent.link.id == actor
    assert ent.prov.pattern == "role+home:source"


def test_linking_bare_office_named_country_wins_over_source() -> None:
    text = "قال وزير الخارجية إن روسيا لن تتراجع، وإن روسيا والروس يرفضون العقوبات على روسيا."
    (ent,) = find(run_from(text), "وزير الخارجية", "AGENT")
    assert ent.link is not None and ent.link.id == "actor:lavrov_sergey"


def test_linking_bare_head_of_state_not_invented() -> None:
    # Saudi Arabia has no president: a bare الرئيس in a Saudi paper is someone else's
    assert not find(run_from("قال الرئيس إن الاتفاق جيد."), "الرئيس", "AGENT")


def test_linking_title_before_name_is_not_an_office() -> None:
    assert not find(run_from("استقبل الأمير تركي الوفد في الرياض."), "الأمير", "AGENT")


def test_linking_one_country_title() -> None:
    (ent,) = find(run_from("وجّه خادم الحرمين الشريفين بصرف راتب شهرين.", source=None), "خادم الحرمين الشريفين")
    assert ent.link is not None and ent.link.id == "actor:salman_bin_abdulaziz"
    before = run_from("وجّه خادم الحرمين الشريفين بصرف راتب شهرين.", source=None, published=date(2012, 3, 1))
    (old,) = find(before, "خادم الحرمين الشريفين")
    assert old.link is not None and old.link.id == "actor:abdullah_bin_abdulaziz"


def test_linking_region_emir_on_date() -> None:
    art = run_from("افتتح أمير منطقة الرياض المعرض.")
    (ent,) = [e for e in art.entities or [] if e.label == "AGENT"]
    assert ent.link is not None and ent.link.id == "actor:faisal_bin_bandar"


def test_linking_destination_country_is_not_the_office() -> None:
    art = run_from("وصل ولي ولي العهد لمصر في زيارة رسمية.")
    (ent,) = find(art, "ولي ولي العهد", "AGENT")
    assert ent.link is not None and ent.link.country == "SAU"


def test_linking_object_after_foreign_office_is_not_its_holder() -> None:
    art = run_from("استقبل الرئيس المصري الأمير محمد بن سلمان في القاهرة.")
    (ent,) = find(art, "الرئيس المصري", "AGENT")
    assert ent.link is not None and ent.link.id == "actor:sisi_abdel_fattah"


@pytest.mark.parametrize(
    ("text", "present"),
    [("ارتفعت أسعار منتجات الألبان في الأسواق.", False), ("التقى الألبان بمسؤولين في ألبانيا.", True)],
)
def test_linking_nationality_that_is_a_common_noun(text: str, present: bool) -> None:
    assert bool(find(run_from(text), "الألبان", "AGENT")) is present


def test_linking_org_short_form_country_context() -> None:
    art = run_from("أعلنت وزارة الداخلية القبض على خلية.")
    (ent,) = find(art, "وزارة الداخلية")
    assert ent.link is not None and ent.link.id == "actor:saudi_moi"
    foreign = run_from("أعلنت وزارة الداخلية المصرية القبض على خلية.")
    assert not [e for e in foreign.entities or [] if e.link is not None and e.link.id == "actor:saudi_moi"]


def test_linking_org_single_word_short_needs_more() -> None:
    art = run_from("تحقق النصر في النهاية.")
    assert not [e for e in art.entities or [] if e.link is not None and e.link.id == "actor:al_nassr_fc"]
    art = run_from("فاز نادي النصر على ضيفه، وقال مدرب النصر إن الفريق تحسن.")
    assert len([e for e in art.entities or [] if e.link is not None and e.link.id == "actor:al_nassr_fc"]) == 2


class _FakeTagger:
    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        return [[self.labels.get(t, "O") for t in s] for s in sentences]


def _tagged(text: str, labels: dict[str, str]) -> Article:
    from marsad.entities.component import EntityComponent
    from marsad.settings import Settings

    comp = EntityComponent(Settings())
    comp._tagger, comp._tagger_loaded = _FakeTagger(labels), True
    art = Article("", text, Meta(source="sabq", published=JULY_2015))
    for c in pipeline().components[:-1]:
        c(art)
    comp(art)
    return art


def test_linking_nil_person_keeps_a_description() -> None:
    art = _tagged("قال المدرب البرتغالي جوزيه فرناندو إن الفريق جاهز، وأكد سامي الحربي ذلك.",
                  {"جوزيه": "B-PERS", "فرناندو": "I-PERS", "سامي": "B-PERS", "الحربي": "I-PERS"})
    (coach,) = find(art, "جوزيه فرناندو", "PERS")
    assert coach.link is None and coach.nil is not None
    assert coach.nil.country == "PRT" and "country:nationality" in coach.nil.evidence
    (sami,) = find(art, "سامي الحربي", "PERS")
    assert sami.nil is not None and sami.nil.name_en.startswith("Sami") and sami.nil.country == "SAU"
    assert sami.nil.id.startswith("nil:PERS:")


def test_linking_known_name_wins_over_ner_type() -> None:
    art = _tagged("ويدفعون بداعش إلى الواجهة.", {"بداعش": "B-LOC"})
    (ent,) = find(art, "داعش")
    assert ent.label == "ORG" and ent.link is not None and ent.link.id == "actor:isis"


def test_linking_single_word_org_confirmed_by_ner() -> None:
    art = _tagged("فاز الهلال بهدفين.", {"الهلال": "B-ORG"})
    (ent,) = find(art, "الهلال", "ORG")
    assert ent.link is not None and ent.link.id == "actor:al_hilal_fc"


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("أقر مجلس الشورى النظام الجديد بعد نقاش طويل.", "مجلس الشورى", "SAU"),
        ("نفذت القوات المسلحة تمرينا في الشمال.", "القوات المسلحة", "SAU"),
    ],
)
def test_linking_definite_collective_takes_article_country(text: str, mention: str, country: str) -> None:
    (ent,) = find(run_from(text), mention, "AGENT")
    assert ent.link is not None and ent.link.country == country
    assert ent.prov.pattern == "group+home:source"


def test_linking_indefinite_collective_keeps_no_country() -> None:
    art = run_from("قال مسؤولون في شرطة إن التحقيق مستمر.")
    assert all(e.link is None or e.link.country is None or e.prov.pattern != "group+home:source"
               for e in art.entities or [] if e.label == "AGENT")


def test_unlinked_people_take_the_country_the_name_table_gives_most_of_them() -> None:
    """A Saudi paper's report on Egyptian actors that names no country: the people are Egyptian."""
    art = run_from("شارك الفنان عادل إمام في العرض، وحضر حسين فهمي وفاتن حمامة ومحمود ياسين حفل الافتتاح مساء أمس.",
               ner=True)
    people = [e for e in art.entities or [] if e.label == "PERS" and e.nil is not None]
    assert len(people) >= 3 and all(e.nil.country == "EGY" for e in people)
