"""Quotation attribution: direct and indirect speech, speakers, addressees and cues."""

from __future__ import annotations

import pytest

from events_corpus import article
from marsad.article import Article, Quote
from marsad.quotes.attribution import find_quotes


def _quotes(text: str) -> tuple[Article, list[Quote]]:
    art = article(text)
    return art, art.quotes or []


def _speaker(art: Article, q: Quote) -> str | None:
    return q.speaker_name


def _addressee(art: Article, q: Quote) -> str | None:
    ent = art.entity(q.addressee) if q.addressee else None
    return ent.link.name_en if ent is not None and ent.link is not None else None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("قال بوتين: «إن العملية العسكرية انتهت تقريبا».", "إن العملية العسكرية انتهت تقريبا", "Vladimir Putin"),
        ("وقال الأسد “نحن ممتنون لكل من وقف معنا”.", "نحن ممتنون لكل من وقف معنا", "Bashar al-Assad"),
        ('وأضاف أردوغان: "لن نسمح بقيام دولة على حدودنا".', "لن نسمح بقيام دولة على حدودنا", "Recep Tayyip Erdogan"),
        ('"لن نسمح بقيام دولة على حدودنا"، قال أردوغان.', "لن نسمح بقيام دولة على حدودنا", "Recep Tayyip Erdogan"),
    ],
)
def test_quotes_direct(text: str, content: str, speaker: str) -> None:
    art, qs = _quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.direct
    assert art.text[q.start:q.end] == content
    assert _speaker(art, q) == speaker
    assert q.speaker_actor_id is not None and q.cue is not None


def test_quotes_unbalanced_closing_mark() -> None:
    text = 'وقال بوتين للأسد، أمامنا عمل كثير قبل أن تنتهي المفاوضات حول الدستور".'
    art, qs = _quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.direct
    assert art.text[q.start:q.end] == "أمامنا عمل كثير قبل أن تنتهي المفاوضات حول الدستور"
    assert _speaker(art, q) == "Vladimir Putin"
    assert _addressee(art, q) == "Bashar al-Assad"
    assert q.cue is not None and art.text[q.cue.start:q.cue.end] == "وقال"


def test_quotes_scare_quotes_are_not_quotations() -> None:
    _art, qs = _quotes('التقى الرئيس الروسي بـ"الأسد" في "سوتشي" أمس.')
    assert qs == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("قال الكرملين إن الأسد شكر بوتين على دعمه.", "الأسد شكر بوتين على دعمه", "Kremlin", "قال"),
        ("أعلن الكرملين، أن الرئيس الروسي أجرى محادثات مع الأسد.", "الرئيس الروسي أجرى محادثات مع الأسد", "Kremlin",
         "اعلن"),
        ("وأكد أردوغان أنه سيزور موسكو قريبا.", "أنه سيزور موسكو قريبا", "Recep Tayyip Erdogan", "اكد"),
    ],
)
def test_quotes_indirect(text: str, content: str, speaker: str, cue: str) -> None:
    art, qs = _quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert not q.direct
    assert art.text[q.start:q.end] == content
    assert _speaker(art, q) == speaker
    assert q.cue_lemma == cue


def test_quotes_speaker_carries_over_continuations() -> None:
    text = ('وأشاد الرئيس الروسي بنظيره السوري خلال اللقاء، مضيفا أن المعارك في الشمال توشك أن تنتهي.\n'
            'وأضاف: "نرى أن الخطوة التالية هي الحوار بين الأطراف كلها".')
    art, qs = _quotes(text)
    assert [(_speaker(art, q), q.direct) for q in qs] == [("Vladimir Putin", False), ("Vladimir Putin", True)]


def test_quotes_other_party_takes_the_word() -> None:
    text = ('وقال بوتين للأسد، إن المرحلة الصعبة انتهت تقريبا.\n'
            'ومن جهته، قال إن الأولوية الآن لإعادة الإعمار.')
    art, qs = _quotes(text)
    assert [_speaker(art, q) for q in qs] == ["Vladimir Putin", "Bashar al-Assad"]
    assert _addressee(art, qs[0]) == "Bashar al-Assad"


@pytest.mark.parametrize(
    ("text", "speaker", "addressee"),
    [
        ("وأبلغ بوتين نظيره السوري، أن موسكو ستواصل دعمها في المحافل الدولية.", "Vladimir Putin", "Bashar al-Assad"),
        ('ووجه "بوتين"، كلامه لـ"الأسد"، "نريد أن نسمع رأيكم في خطة السلام".', "Vladimir Putin", "Bashar al-Assad"),
    ],
)
def test_quotes_addressee(text: str, speaker: str, addressee: str) -> None:
    art, qs = _quotes(text)
    assert len(qs) == 1
    assert _speaker(art, qs[0]) == speaker
    assert _addressee(art, qs[0]) == addressee


def test_quotes_attribution_phrase() -> None:
    art, qs = _quotes("وصلت التعزيزات إلى الحدود بحسب الكرملين.")
    assert len(qs) == 1
    assert not qs[0].direct
    assert _speaker(art, qs[0]) == "Kremlin"
    assert art.text[qs[0].start:qs[0].end] == "وصلت التعزيزات إلى الحدود"


def test_quotes_records_are_well_formed() -> None:
    art, qs = _quotes("قال بوتين إن المحادثات كانت مثمرة. وأضاف أن التعاون سيستمر.")
    assert [q.id for q in qs] == ["q1", "q2"]
    assert [q.sentence for q in qs] == [s.id for s in art.sentences or []]
    assert all(q.prov.component == "quotes" and q.prov.text_sha256 == art.sha256 for q in qs)
    art.check_offsets()


def test_quotes_without_entities_have_no_speaker() -> None:
    art = article("قال مصدر مطلع إن الاجتماع تأجل.", quotes=False, entities=[])
    qs = find_quotes(art)
    assert len(qs) == 1 and qs[0].speaker is None and qs[0].confidence < 0.8
