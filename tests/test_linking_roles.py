"""Role descriptions → agents and office holders on the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import find, run


@pytest.mark.parametrize(
    ("text", "published", "mention", "actor"),
    [
        ("صرّح الرئيس الروسي بأن المفاوضات مستمرة.", date(2017, 6, 1), "الرئيس الروسي", "actor:putin_vladimir"),
        ("انتقد الرئيس الأمريكي الاتفاق التجاري.", date(2015, 5, 2), "الرئيس الأمريكي", "actor:obama_barack"),
        ("انتقد الرئيس الأمريكي الاتفاق التجاري.", date(2018, 5, 2), "الرئيس الأمريكي", "actor:trump_donald"),
        ("وصل وزير الخارجية الإيراني إلى مسقط.", date(2019, 2, 10), "وزير الخارجية الإيراني",
         "actor:zarif_mohammad_javad"),
        ("استقبلت رئيسة الوزراء البريطانية الوفد.", date(2017, 9, 9), "رئيسة الوزراء البريطانية",
         "actor:may_theresa"),
        ("قال الأمين العام للأمم المتحدة إن الوضع خطير.", date(2019, 4, 4), "الأمين العام للأمم المتحدة",
         "actor:guterres_antonio"),
    ],
)
def test_linking_role_resolves_to_holder_on_date(text: str, published: date, mention: str, actor: str) -> None:
    art = run(text, published)
    (ent,) = find(art, mention, "AGENT")
    assert ent.link is not None and ent.link.id == actor
    assert ent.source == "role"


def test_linking_role_without_date_is_a_country_agent() -> None:
    art = run("صرّح الرئيس الروسي بأن المفاوضات مستمرة.")
    (ent,) = find(art, "الرئيس الروسي", "AGENT")
    assert ent.link is not None
    assert (ent.link.id, ent.link.country, ent.link.sector, ent.link.role) == ("agent:RUS:GOV:president", "RUS",
                                                                              "GOV", "president")


def test_linking_foreign_minister_agent_keeps_role() -> None:
    art = run("أكد وزير الخارجية الإيراني أن بلاده لن تتراجع.")
    (ent,) = find(art, "وزير الخارجية الإيراني", "AGENT")
    assert ent.link is not None and (ent.link.country, ent.link.sector, ent.link.role) == ("IRN", "GOV",
                                                                                         "foreign_minister")


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("انسحب الجيش الروسي من المواقع الحدودية.", "الجيش الروسي", "RUS", "MIL"),
        ("اجتمع القادة العسكريون الأتراك في العاصمة.", "القادة العسكريون الأتراك", "TUR", "MIL"),
        ("فرّقت الشرطة المصرية المحتجين أمام الوزارة.", "الشرطة المصرية", "EGY", "COP"),
        ("أعلنت الحكومة العراقية حالة الطوارئ.", "الحكومة العراقية", "IRQ", "GOV"),
        ("قصفت القوات السورية بلدات في الريف.", "القوات السورية", "SYR", "MIL"),
    ],
)
def test_linking_sector_agents(text: str, mention: str, country: str, sector: str) -> None:
    art = run(text)
    (ent,) = find(art, mention, "AGENT")
    assert ent.link is not None and (ent.link.country, ent.link.sector) == (country, sector)


def test_linking_dual_role_over_two_countries() -> None:
    art = run("رحّب الكرملين بزيارة رئيسي تركيا وإيران إلى موسكو.", date(2017, 11, 21))
    agents = [e for e in art.entities or [] if e.label == "AGENT" and e.link is not None]
    assert [(e.link.country, e.link.id) for e in agents] == [
        ("TUR", "actor:erdogan_recep_tayyip"),
        ("IRN", "actor:rouhani_hassan"),
    ]
    assert {e.link.role for e in agents} == {"president"}


def test_linking_counterpart_takes_the_other_partys_office() -> None:
    text = "استقبل الرئيس التركي نظيره الإيراني في أنقرة، ثم التقى وزير الخارجية الروسي نظيره السوري."
    art = run(text, date(2016, 3, 1))
    first, second = find(art, "نظيره الإيراني"), find(art, "نظيره السوري")
    assert first[0].link is not None and first[0].link.id == "actor:rouhani_hassan"
    assert second[0].link is not None and second[0].link.id == "actor:muallem_walid"


def test_linking_counterpart_followed_by_a_name_links_the_name() -> None:
    art = run("بحث بوتين مع نظيره الفرنسي إيمانويل ماكرون الأزمة.", date(2019, 1, 1))
    (ent,) = find(art, "نظيره الفرنسي", "AGENT")
    assert ent.link is not None and ent.link.id == "actor:macron_emmanuel"


def test_linking_bare_office_refers_back_to_its_holder() -> None:
    art = run("وصل رجب طيب أردوغان إلى الدوحة. وقال الرئيس إن العلاقات ممتازة.", date(2018, 1, 1))
    (ent,) = find(art, "الرئيس", "AGENT")
    assert ent.link is not None and ent.link.id == "actor:erdogan_recep_tayyip"
    assert ent.source == "coref"


def test_linking_indefinite_nationality_after_definite_title_is_a_name() -> None:
    # الأمير تركي is Prince Turki, not "the Turkish emir"; الأمير التركي would be
    art = run("استقبل الأمير تركي الوفد في الرياض.")
    assert not [e for e in art.entities or [] if e.label == "AGENT"]
