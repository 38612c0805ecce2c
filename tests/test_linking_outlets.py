"""A newspaper's short name (سبق، الشرق الأوسط، الوطن) links to the outlet only where the text cites it as one:
quoted after لـ (told the paper), after صحيفة/جريدة, or before a byline dateline; elsewhere a place or a word."""

from __future__ import annotations

import pytest
from tests.entities_util import find, run_from


@pytest.mark.parametrize(("text", "name", "actor"), [
    ("وقال المتحدث في حديث لـ«الشرق الأوسط» إن الوضع هادئ.", "الشرق الأوسط", "actor:aawsat_paper"),
    ("وقال المتحدث في حديث لـ« الشرق الأوسط » إن الوضع هادئ.", "الشرق الأوسط", "actor:aawsat_paper"),
    ('وقال مدير المستشفى لـ"سبق" إن الحالة مستقرة.', "سبق", "actor:sabq_site"),
    ("خالد الأحمد- سبق - أبها: افتتح المحافظ معرضا للكتاب.", "سبق", "actor:sabq_site"),
    ('وقال المحافظ لـ"الوطن" إن الاجتماع تأجل إلى الأسبوع المقبل.', "الوطن", "actor:al_watan_saudi"),
])
def test_outlet_short_name_cited_links(text: str, name: str, actor: str) -> None:
    art = run_from(text, ner=True)
    hits = find(art, name)
    assert hits and hits[0].link is not None and hits[0].link.id == actor


@pytest.mark.parametrize(("text", "name"), [
    ("زار الوفد الشرق الأوسط الأسبوع الماضي.", "الشرق الأوسط"),
    ("وسبق أن أعلنت الوزارة عن خطة جديدة.", "سبق"),
    ("يحب المواطنون الوطن ويدافعون عنه.", "الوطن"),
    ("ورفع المشاركون لافتة «الوطن» في الحفل.", "الوطن"),  # quoted, but not a paper someone told
])
def test_outlet_short_name_uncited_is_not_the_outlet(text: str, name: str) -> None:
    art = run_from(text, ner=True)
    assert not any(e.link is not None and e.link.sector == "JRN" for e in art.entities or [])
