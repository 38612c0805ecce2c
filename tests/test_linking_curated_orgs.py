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
])
def test_curated_organisation_links(text: str, actor: str) -> None:
    art = run_from(text, ner=True)
    assert any(e.link is not None and e.link.id == actor for e in art.entities or []), \
        [(text[e.start:e.end], e.link.id if e.link else None) for e in art.entities or []]
