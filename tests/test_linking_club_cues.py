"""A club's one-word short name cued once in an article, and sectors shared by one person's mentions
(entities/linking.py, entities/component.py); sentences written for these tests."""

from __future__ import annotations

from entities_util import run_from
from marsad.article import Link
from marsad.entities.component import nil_sector, shared_sector
from marsad.entities.linking import Mention


def _orgs(text: str, source: str = "sabq") -> list[tuple[str, str | None]]:
    art = run_from(text, source=source, ner=True)
    return [(art.text[e.start:e.end], e.link.id if e.link else None) for e in art.entities or []
            if e.label == "ORG"]


def test_a_club_word_cues_every_short_mention_of_the_club() -> None:
    text = "الشباب يخسر وديته الأولى في معسكر تركيا. وخسر فريق الشباب أمام منافسه بهدفين، ويعود الشباب غدا."
    got = _orgs(text)
    assert [s for s, link in got if link == "actor:al_shabab_fc"] == ["الشباب", "الشباب", "الشباب"]


def test_without_a_cue_a_common_word_is_no_club() -> None:
    assert not any(link == "actor:al_shabab_fc" for _, link in _orgs("يحتاج الشباب إلى فرص عمل في المدن الصغيرة."))


def test_a_cue_before_another_word_does_not_make_a_club() -> None:
    text = "وقال مدرب المنتخب إن الاتفاق مع الاتحاد تم، ووقع الطرفان الاتفاق أمس."
    assert not any(link == "actor:al_ettifaq_fc" for _, link in _orgs(text))


def test_a_proclitic_lam_lam_before_a_title_still_gives_the_sector() -> None:
    text = "وجه للرئيس سامر الخطيب دعوة رسمية."
    s = text.index("سامر")
    assert nil_sector(text, s, s + len("سامر الخطيب"), "PERS", False) == "GOV"


def _nil(k: str, sector: str | None) -> Link:
    return Link(id=f"nil:PERS:{k}", name_en="Samer al-Khatib", name_ar=k, type="PERS", country="SAU", sector=sector)


def test_one_persons_mentions_share_the_sector_a_descriptor_gave_one() -> None:
    ms = [Mention(0, 10, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("سامر الخطيب", None)),
          Mention(20, 30, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("سامر الخطيب", "SPT")),
          Mention(40, 50, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("فهد", None))]
    shared_sector(ms)
    assert [m.nil.sector if m.nil else None for m in ms] == ["SPT", "SPT", None]


def test_two_sectors_for_one_person_are_left_alone() -> None:
    ms = [Mention(0, 10, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("سامر الخطيب", None)),
          Mention(20, 30, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("سامر الخطيب", "SPT")),
          Mention(40, 50, "PERS", "ner", None, 0.8, pattern="ner", nil=_nil("سامر الخطيب", "GOV"))]
    shared_sector(ms)
    assert ms[0].nil is not None and ms[0].nil.sector is None


def test_a_city_standing_for_a_club_the_kb_lacks_is_an_unlinked_club_of_its_country() -> None:
    text = "انتقل اللاعب من مرسيليا بعد مباراة الدوري، وسجل هدفين في مرمى الفريق مع المدرب في الملعب."
    art = run_from(text)
    got = [(e.label, e.nil.country, e.nil.sector) for e in art.entities or []
           if art.text[e.start:e.end] == "مرسيليا" and e.nil is not None]
    assert got == [("ORG", "FRA", "SPT")]
