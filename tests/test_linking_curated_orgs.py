"""International bodies, Saudi agencies and companies of the curated file link by their usual Arabic forms."""

from __future__ import annotations

import pytest
from tests.entities_util import run_from


@pytest.mark.parametrize(("text", "actor"), [
    ("وقرر الفيفا إيقاف اللاعب ثلاث مباريات.", "actor:fifa"),
    ("ونقلت وكالة الأنباء الفرنسية عن مصدر قوله إن الاجتماع انتهى.", "actor:afp"),
    ("وأعلن البنك المركزي الأوروبي خفض الفائدة.", "actor:ecb"),
    ("وانضمت الدولة إلى منظمة التجارة العالمية قبل سنوات.", "actor:wto"),
    ("وقدمت جامعة أم القرى برنامجا جديدا للطلاب.", "actor:umm_al_qura_university"),
    ("وتسلمت الشركة طائرة من بوينغ الأسبوع الماضي.", "actor:boeing"),
    ("وأعلنت شركات الاتصالات STC وMobily عن باقات جديدة.", "actor:mobily"),
    ("وأعلنت شركات الاتصالات STC وMobily عن باقات جديدة.", "actor:stc"),
])
def test_curated_organisation_links(text: str, actor: str) -> None:
    art = run_from(text, ner=True)
    assert any(e.link is not None and e.link.id == actor for e in art.entities or []), \
        [(text[e.start:e.end], e.link.id if e.link else None) for e in art.entities or []]


@pytest.mark.parametrize(("text", "actor"), [
    ("القاهرة - محمد علي:\nفاز الأهلي على الزمالك بهدفين في مباراة الدوري المصري، وسجل المهاجم "
     "هدف المباراة الأول وتعادل "
     "الفريق في الشوط الثاني قبل أن يحسم الأهلي اللقاء، واللاعب أصيب في الملعب.", "actor:al_ahly_egypt"),
    ("جدة - محمد علي:\nفاز الأهلي على الاتحاد بهدفين في مباراة الدوري، وسجل المهاجم هدف المباراة الأول وتعادل "
     "الفريق في الشوط الثاني قبل أن يحسم الأهلي اللقاء، واللاعب أصيب في الملعب.", "actor:al_ahli_fc"),
])
def test_one_word_club_name_of_the_articles_country(text: str, actor: str) -> None:
    art = run_from(text, ner=True)
    ahli = [e for e in art.entities or [] if text[e.start:e.end] == "الأهلي"]
    assert ahli and all(e.link is not None and e.link.id == actor for e in ahli)


def test_club_nickname_after_the_club_is_named() -> None:
    text = ("الرياض - محمد علي:\nفاز نادي الهلال على ضيفه بهدفين في مباراة الدوري، وسجل المهاجم هدف المباراة "
            "الأول، وواصل الزعيم صدارته بعد المباراة.")
    art = run_from(text, ner=True)
    nick = [e for e in art.entities or [] if text[e.start:e.end] == "الزعيم"]
    assert nick and nick[0].link is not None and nick[0].link.id == "actor:al_hilal_fc"
