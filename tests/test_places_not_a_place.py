"""Names that look like places and are not: tanween, verbs, road names, outlets, people, organisation heads,
headline speakers, migration, nationality words (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import pipeline
from marsad.article import Article, Link, Meta
from marsad.entities.component import NerSpan, _place_over_ner, merge
from marsad.entities.linking import Mention
from marsad.entities.place_cues import dateline_segments, nisba_adjective
from marsad.entities.places import not_a_place, org_before
from marsad.kb.index import load_resources
from marsad.text.normalize import normalize


def _why(text: str, name: str, country: bool = False, with_res: bool = False) -> str:
    s = text.index(name)
    return not_a_place(text, s, s + len(name), country=country, res=load_resources() if with_res else None)


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        ("رسم الأطفال بيوتاً ملونة على الجدار.", "بيوتاً", "tanween"),
        ("فهل نجد حلا قريبا لهذه المشكلة؟", "نجد", "verb"),
        ("لم تجد اللجنة ما يدعو للقلق.", "تجد", "verb"),
        ("انقلبت سيارة على طريق الخرج – الرياض مساء أمس.", "الرياض", "road"),
        ("وقع الحادث على طريق ضباء - تبوك - المدينة المنورة صباحا.", "المدينة المنورة", "road"),
        ("وقالت مصادر مطلعة لـ«الحياة» إن الوفد سيصل غدا.", "الحياة", "outlet"),
        ("وأكد المتحدث لـ\"الرياض\" أن العمل مستمر.", "الرياض", "outlet"),
        ("وانضم إلى الفريق المهاجم البرازيلي سانتوس أمس.", "سانتوس", "person"),
        ("وصل الوفد إلى العاصمة السعودية مساء أمس.", "السعودية", "adjective"),
        ("أعاد الله العيد على الجميع باليمن والبركات.", "اليمن", "blessing"),
    ],
)
def test_places_not_a_place_reasons(text: str, name: str, why: str) -> None:
    assert _why(text, name, with_res=True) == why


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("هل مصر مستعدة لاستضافة البطولة؟", "مصر", True),
        ("لجأ الأهالي لـ\"عين الماء\" هربا من الحر.", "عين الماء", False),
        ("سافر الوفد من الرياض - وقال رئيسه إن الزيارة ناجحة.", "الرياض", False),
        ("وصل الوفد إلى جدة قادما من الطائف.", "الطائف", False),
        ("وصل المدرب البرازيلي إلى الرياض أمس.", "الرياض", False),
        ("افتتحت السفارة في العاصمة السورية دمشق أمس.", "دمشق", False),
        ("تعمل الشركة على طريق سريع.\nالرياض - واس", "الرياض", False),
        ("زار الوفد إمارة دبي الأسبوع الماضي.", "دبي", False),
        ("وصلت المساعدات إلى اليمن والصومال.", "اليمن", True),
        ("تقع العاصمة الرياض وسط المملكة.", "الرياض", False),
    ],
)
def test_places_not_a_place_leaves_places(text: str, name: str, country: bool) -> None:
    assert _why(text, name, country=country, with_res=True) == ""


@pytest.mark.parametrize(
    ("text", "name", "head"),
    [
        ("نهاية شارع\u00a0الورود قرب المسجد", "الورود", True),
        ("نقلت صحيفة «عكاظ» الخبر", "عكاظ", True),
        ("قلد مدير جوازات تبوك رتبته", "تبوك", True),
        ("فاز الفريق ببطولة دوري أبطال آسيا", "آسيا", True),
        ("يقيم الشاعر في جدة منذ عام", "جدة", False),
        ("عاد من«جدة» أمس", "جدة", False),
    ],
)
def test_places_org_before(text: str, name: str, head: bool) -> None:
    assert org_before(text, text.index(name)) is head


def _places(text: str, ner: bool = False, source: str | None = None) -> list[str]:
    art = Article("", text, Meta(published=date(2015, 7, 25), source=source))
    pipeline(ner)(art)
    return [art.text[e.start : e.end] for e in art.entities or [] if e.label == "LOC" and e.link is not None]


@pytest.mark.parametrize("ner", [False, True])
def test_places_not_a_place_in_the_pipeline(ner: bool) -> None:
    assert "الرياض" not in _places("انقلبت سيارة على طريق الخرج – الرياض مساء أمس.", ner)
    assert "الخليج" not in _places("وقال لاعب فريق الخليج إن المباراة صعبة.", ner)
    assert "أوروبا" not in _places("يطمح النادي إلى الفوز بدوري أبطال أوروبا هذا الموسم.", ner)
    assert "جدة" in _places("وصل الوفد إلى جدة صباح اليوم.", ner)


def test_places_headline_speaker_is_not_a_dateline() -> None:
    text = "العتيبي: الموسم سيكون صعبا\n\nالطائف - واس\nقال المدرب إن الفريق جاهز."
    nt = normalize(text)
    segs = {nt.norm[a:b] for a, b in dateline_segments(nt)}
    assert "العتيبي" not in segs and "الطايف" in segs
    other = normalize("جدة: حريق في مستودع\nنص الخبر")  # no blank line after it: not a headline
    assert any(other.norm[a:b] == "جده" for a, b in dateline_segments(other))


@pytest.mark.parametrize(
    ("cue", "word", "adjective"),
    [("هجره", "بشريه", True), ("هجره", "خريص", False), ("مدينه", "عاليه", False), ("بهجره", "جماعيه", True),
     ("احياء", "سكنيه", True), ("مركز", "للاعمال", True), ("بمركز", "اتصالات", True), ("قريه", "الالعاب", True),
     ("مركز", "ثربان", False), ("قريه", "الحبله", False)],
)
def test_places_nisba_after_migration(cue: str, word: str, adjective: bool) -> None:
    assert nisba_adjective(cue, word) is adjective


def test_places_migration_is_not_a_settlement() -> None:
    text = "الرياض - واس\nدرس الباحثون هجرة الطيور وهجرة بشرية قديمة."
    assert _places(text, source="spa") == ["الرياض"]


def test_places_common_nouns_after_a_cue_are_not_unknown_places() -> None:
    text = "الرياض - واس\nقصفت الطائرات أحياء سكنية، وافتتح مركز للأعمال الإغاثية بجانب قرية الألعاب."
    assert _places(text, source="spa") == ["الرياض"]


def test_places_relational_form_of_a_continent_is_not_a_place() -> None:
    assert not any("القارة" in p for p in _places("انتشر الوباء في أنحاء القارة الأوروبية خلال القرن الماضي."))
    assert "أوروبا" in _places("انتشر الوباء في أنحاء أوروبا خلال القرن الماضي.")


def test_places_directorate_and_common_words_are_not_places() -> None:
    assert "طراز" not in _places("سقطت مركبة من طراز قديم في الوادي.")
    assert "الخبراء" not in _places("أرسلت العينات إلى فريق من الخبراء في المختبر.")


def test_places_yemeni_district_after_mudiriya() -> None:
    assert "باجل" in _places("قتل مسلحان في هجوم بمديرية باجل غربي اليمن.")


def test_places_nationality_word_is_not_a_generated_place_form() -> None:
    assert "السورية" not in _places("يصل الوفد إلى العاصمة السورية خلال أيام.")
    assert "سورية" in _places("يصل الوفد إلى سورية خلال أيام.")


def _merged(text: str, name: str, mentions: list[Mention] | None = None) -> list[Mention]:
    s = text.index(name)
    return merge(load_resources(), mentions or [], [NerSpan(s, s + len(name), "LOC")], Article("", text, Meta()))


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("اندلع حريق في سوق بعكا مساء الخميس.", "بعكا", "ISR"),
        ("وصل الوفد إلى لار صباح اليوم.", "لار", "IRN"),
    ],
)
def test_places_ner_span_finds_its_place(text: str, name: str, country: str) -> None:
    (m,) = _merged(text, name)
    assert m.link is not None and m.link.country == country and "ner_span" in m.link.evidence
    assert m.pattern == "ner+place"


def test_places_ner_span_after_a_clitic_needs_a_sizeable_place() -> None:
    (m,) = _merged("التقى المبعوث رايس وشيرمان أمس.", "وشيرمان")
    assert m.link is None  # و + شيرمان: not a town of 40,000 people abroad


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        ("أفرجت السلطات عن 30 سودانيا أمس.", "سودانيا", "nationality"),
        ("سجل مهاجم أورلاندو سيتي هدفين أمس.", "أورلاندو", "club"),
        ("شكلت الحكومة لجنة شبه رسمية للتحقيق.", "شبه رسمية", "quasi"),
        ("أكدت المسؤولة ويندي شيرمان أن الجولة انتهت.", "شيرمان", "small"),
        ("ناقش المجلس بنود اتفاق فيينا مساء أمس.", "فيينا", "agreement"),
        ("استؤنفت مفاوضات جنيف بعد توقف طويل.", "جنيف", "agreement"),
    ],
)
def test_places_not_a_place_model_only_and_agreement(text: str, name: str, why: str) -> None:
    assert _why(text, name, with_res=True) == why


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وصل الوفد إلى قرية الزبيرات صباحا.", "الزبيرات"),  # a cue announces an unknown name
        ("نزل الضيوف في سماوة الشمالية.", "سماوة الشمالية"),  # a weak cue
        ("الزبيرات - خاص\nافتتح المركز أمس.", "الزبيرات"),  # a dateline
        ("عارض النواب اتفاق إيران بشدة.", "إيران"),  # a country after اتفاق is a party to it
        ("زار الوفد إمارة الشارقة أمس.", "الشارقة"),  # an emirate of the UAE
        ("شيرمان مدينة صغيرة في ولاية تكساس.", "شيرمان"),  # at the head of a line
        ("هبطت الطائرة في كانساس سيتي مساء أمس.", "كانساس"),  # a city's name with سيتي
        ("تغطي الرمال بقية شبه الجزيرة تقريبا.", "شبه الجزيرة"),  # a peninsula
        ("تنمو التجارة مع شبه القارة الهندية بسرعة.", "شبه القارة الهندية"),
    ],
)
def test_places_not_a_place_model_only_keeps(text: str, name: str) -> None:
    assert _why(text, name, with_res=True) == ""


def test_places_ner_span_small_town_abroad_is_dropped() -> None:
    assert _merged("أكدت المسؤولة ويندي شيرمان أن الجولة انتهت.", "شيرمان") == []
    (m,) = _merged("وصل الوفد إلى قرية الزبيرات صباحا.", "الزبيرات")
    assert m.label == "LOC"
    (m,) = _merged("وصل الوفد إلى شيرمان صباحا.", "شيرمان")
    assert m.link is not None and m.link.country == "USA"


def test_places_ner_span_on_a_group_of_a_country_is_dropped() -> None:
    text = "استضافت المدينة مؤتمرا للمعارضة السورية أمس."
    s = text.index("معارضة")
    agent = Mention(s, s + len("معارضة السورية"), "AGENT", "role",
                    Link(id="agent:SYR:OPP", name_en="", name_ar="", type="AGENT", country="SYR"), 0.9,
                    pattern="role+nat", named=False)
    assert [m.label for m in _merged(text, "للمعارضة السورية", [agent])] == ["AGENT"]


@pytest.mark.parametrize(("cue", "wins"), [("cue:weak", True), ("", False)])
def test_places_bare_city_name_tagged_org_after_a_locative_word(cue: str, wins: bool) -> None:
    text = "ويعمل آلاف الموظفين في بني ملال منذ سنوات."
    s = text.index("بني ملال")
    e = s + len("بني ملال")
    link = Link(id="place:x", name_en="Beni Mellal", name_ar="بني ملال", type="GPE", country="MAR", feature="city",
                evidence=[cue] if cue else [])
    g = Mention(s, e, "LOC", "gazetteer", link, 0.75, pattern="place:geonames")
    assert _place_over_ner(g, NerSpan(s, e, "ORG"), text) is wins


def test_places_two_letter_name_of_a_big_city_after_a_strong_cue() -> None:
    assert "قم" in _places("وصل وفد رسمي إلى قم صباح اليوم.")
    assert not _places("قم بزيارة الموقع غدا.")


def test_places_subject_of_witnessed_is_a_weak_cue() -> None:
    assert "الحديدة" in _places("شهدت الحديدة أمطارا غزيرة مساء الخميس.")
    assert not _places("شهدت صاحب المحل يغلق الباب.")  # a small namesake needs more than a weak cue


def test_places_al_jawf_alone_is_the_saudi_region_in_saudi_news() -> None:
    art = Article("", "هطلت أمطار غزيرة على الجوف مساء أمس.", Meta(source="sabq"))
    pipeline()(art)
    assert [e.link.id for e in art.entities or [] if e.link is not None] == ["place:admin:sau_jawf"]


@pytest.mark.parametrize("ner", [False, True])
def test_places_place_glued_after_an_organisation_head_is_a_place(ner: bool) -> None:
    assert any(p.endswith("هولندا") for p in _places("افتتح معرض بهولندا أمس.", ner))
    assert not any(p.endswith("هولندا") for p in _places("افتتح معرض هولندا أمس.", ner))


@pytest.mark.parametrize("ner", [False, True])
def test_places_city_after_the_capital_with_a_clitic_stays_in_a_sports_report(ner: bool) -> None:
    text = ("يخوض الفريق مباراة ودية أمام نادي تشيلسي الإنجليزي بالعاصمة البريطانية لندن، ويواصل المدرب "
            "تدريبات اللاعبين استعدادا للدوري بعد أن سجل اللاعب هدفا في المباراة الماضية.")
    assert "لندن" in _places(text, ner)


@pytest.mark.parametrize("ner", [False, True])
def test_places_small_saudi_governorates(ner: bool) -> None:
    assert "قلوة" in _places("شيعت جموع المصلين الشهيد في محافظة قلوة بمنطقة الباحة.", ner)
    assert "البرك" in _places("انطلقت القافلة إلى محافظة البرك الساحلية.", ner)
    assert "الحرجة" not in _places("تفاوتت الحالات بين الحرجة والمتوسطة.", ner)
    assert "القرى" not in _places("وصل الوفد إلى القرى النائية.", ner)


@pytest.mark.parametrize("ner", [False, True])
def test_places_aden_districts(ner: bool) -> None:
    found = _places("سيطرت القوات على القصر الجمهوري في المعاشيق، وقصفت أحياء دار سعد شمال عدن.", ner)
    assert "المعاشيق" in found and "دار سعد" in found


@pytest.mark.parametrize("ner", [False, True])
def test_places_gulf_is_the_club_in_a_sports_report(ner: bool) -> None:
    text = ("يخوض الخليج اليوم أول مبارياته الودية، وقال مدرب الفريق إن اللاعب الجديد جاهز للمباراة.\n"
            "وأكد أن الدوري هذا الموسم أقوى من أندية دول الخليج الأخرى.")
    ends = [end for end, name in _place_ends(text, ner) if name.endswith("الخليج")]
    assert ends == [text.rindex("الخليج") + len("الخليج")]


def _place_ends(text: str, ner: bool) -> list[tuple[int, str]]:
    art = Article("", text, Meta(published=date(2015, 7, 25), source="alriyadh"))
    pipeline(ner)(art)
    return [(e.end, art.text[e.start : e.end]) for e in art.entities or [] if e.label == "LOC" and e.link is not None]
