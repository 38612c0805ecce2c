"""The sentence splitter on Arabic cases written for these tests."""

from __future__ import annotations

import pytest

from marsad.article import Article, Block, Provenance
from marsad.text.sentences import SentenceComponent, split_block
from marsad.text.structure import StructureComponent


def split(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in split_block(text, 0, len(text))]


def quoted(text: str) -> list[tuple[str, bool]]:
    return [(text[a:b], q) for a, b, q in split_block(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the basic terminators, the Arabic question mark and semicolon
        ("وصل الوفد إلى جدة. وبدأت المحادثات.", ["وصل الوفد إلى جدة.", "وبدأت المحادثات."]),
        ("هل انتهت الأزمة؟ لا أحد يعرف!", ["هل انتهت الأزمة؟", "لا أحد يعرف!"]),
        ("أعلنت الحكومة خطتها؛ وانتقدتها المعارضة.", ["أعلنت الحكومة خطتها؛", "وانتقدتها المعارضة."]),
        ("ماذا قال؟! لم يقل شيئا.", ["ماذا قال؟!", "لم يقل شيئا."]),
        # the Arabic comma is not a sentence end
        ("زار الوزير عمّان، والتقى الملك، ثم عاد.", ["زار الوزير عمّان، والتقى الملك، ثم عاد."]),
        # abbreviations
        ("قال د. سامي النجار إن الوضع مستقر.", ["قال د. سامي النجار إن الوضع مستقر."]),
        ("وصل م. خالد إلى الموقع.", ["وصل م. خالد إلى الموقع."]),
        ("انظر ص. 12 من التقرير.", ["انظر ص. 12 من التقرير."]),
        ("ذكرت وكالة أ.ف.ب أن الاجتماع انتهى.", ["ذكرت وكالة أ.ف.ب أن الاجتماع انتهى."]),
        ("بني المعبد في القرن الثالث ق.م على التل.", ["بني المعبد في القرن الثالث ق.م على التل."]),
        ("انتهت القمة (د ب أ). وغادر الزعماء.", ["انتهت القمة (د ب أ).", "وغادر الزعماء."]),
        ("التقى Dr. Smith الوفد.", ["التقى Dr. Smith الوفد."]),
        ("قالت هيئة بي. بي. سي. إن البرنامج توقف.", ["قالت هيئة بي. بي. سي. إن البرنامج توقف."]),
        ("وقال لمحطة (بي.بي.سي) إن الوضع هادئ.", ["وقال لمحطة (بي.بي.سي) إن الوضع هادئ."]),
        ("ارتفع مؤشر جيه.بي.اكس اليوم.", ["ارتفع مؤشر جيه.بي.اكس اليوم."]),
        # numbers, dates, decimals
        ("ارتفع المؤشر 3.5 في المئة.", ["ارتفع المؤشر 3.5 في المئة."]),
        ("ارتفع المؤشر ٣٫٥ في المئة.", ["ارتفع المؤشر ٣٫٥ في المئة."]),
        ("ارتفع المؤشر ٣.٥ في المئة. ثم هبط.", ["ارتفع المؤشر ٣.٥ في المئة.", "ثم هبط."]),
        ("عقد الاجتماع في 21.11.2017 بحضور الوزراء.", ["عقد الاجتماع في 21.11.2017 بحضور الوزراء."]),
        ("تأسست المدينة عام 1950 م. وتوسعت لاحقا.", ["تأسست المدينة عام 1950 م.", "وتوسعت لاحقا."]),
        ("1. البند الأول", ["1. البند الأول"]),
        # ellipses
        ("وانتظر الناس... ثم جاء الخبر.", ["وانتظر الناس... ثم جاء الخبر."]),
        ("وانتظر الناس… ثم جاء الخبر.", ["وانتظر الناس… ثم جاء الخبر."]),
        # URLs and e-mail addresses
        ("راجع الموقع www.example.com للتفاصيل.", ["راجع الموقع www.example.com للتفاصيل."]),
        ("راجع https://example.org/a.b?x=1 للتفاصيل. وشكرا.", ["راجع https://example.org/a.b?x=1 للتفاصيل.", "وشكرا."]),
        ("راسلونا على info@news.example.sa يوميا.", ["راسلونا على info@news.example.sa يوميا."]),
        ("زوروا example.com. وتابعونا.", ["زوروا example.com.", "وتابعونا."]),
        # a missing space after the period between Arabic words still ends the sentence
        ("انتهى الاجتماع.وغادر الوفد.", ["انتهى الاجتماع.", "وغادر الوفد."]),
        # line breaks
        ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
        # stray punctuation joins the sentence before it
        ("انتهى الأمر. .", ["انتهى الأمر. ."]),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation inside a sentence stays in it
        (
            'وقال الوزير: "نحن مستعدون للحوار" مع الجميع. ثم غادر.',
            [('وقال الوزير: "نحن مستعدون للحوار" مع الجميع.', False), ("ثم غادر.", False)],
        ),
        (
            "وتساءل الكاتب «لماذا؟» في مقاله الأخير.",
            [("وتساءل الكاتب «لماذا؟» في مقاله الأخير.", False)],
        ),
        (
            "«هل انتهت الحرب؟»، سأل المراسل.",
            [("«هل انتهت الحرب؟»، سأل المراسل.", False)],
        ),
        # the terminator inside the closing mark ends the sentence together with the mark
        (
            "وأكد المتحدث «لن نتراجع.» وانتهى المؤتمر.",
            [("وأكد المتحدث «لن نتراجع.»", False), ("وانتهى المؤتمر.", False)],
        ),
        # sentences inside a long quotation are split and marked
        (
            'وقال الرئيس: "لقد انتصرنا. والمرحلة المقبلة صعبة. وسنعمل معا". وصفق الحضور.',
            [
                ('وقال الرئيس: "لقد انتصرنا.', False),
                ("والمرحلة المقبلة صعبة.", True),
                ('وسنعمل معا".', True),
                ("وصفق الحضور.", False),
            ],
        ),
        (
            "«الوضع خطير. نحتاج إلى مساعدة عاجلة.»",
            [("«الوضع خطير.", True), ("نحتاج إلى مساعدة عاجلة.»", True)],
        ),
        (
            "“لن نقبل بذلك. هذا موقفنا.” قال المتحدث.",
            [("“لن نقبل بذلك.", True), ("هذا موقفنا.”", True), ("قال المتحدث.", False)],
        ),
        # a closing mark with no opening one does not swallow what follows
        (
            'وأضاف أن المعركة في نهايتها". وعاد الوفد إلى بلاده. وانتهت الزيارة.',
            [
                ('وأضاف أن المعركة في نهايتها".', False),
                ("وعاد الوفد إلى بلاده.", False),
                ("وانتهت الزيارة.", False),
            ],
        ),
        # an opening mark with no closing one neither
        (
            'وقال "إن الوقت مبكر. وعاد الوفد إلى بلاده.',
            [('وقال "إن الوقت مبكر.', False), ("وعاد الوفد إلى بلاده.", False)],
        ),
        # a mark glued to a preposition (لـ"الأسد") opens a quotation
        (
            'ووجه حديثه لـ"الأسد"، "أود أن أسمع رأيكم".',
            [('ووجه حديثه لـ"الأسد"، "أود أن أسمع رأيكم".', False)],
        ),
    ],
)
def test_sentences_quotations(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quoted(text) == expected


def test_sentences_never_cross_blocks() -> None:
    text = "العنوان هنا\n\nجملة أولى بلا نقطة\nجملة ثانية. وثالثة."
    art = Article("", text)
    StructureComponent()(art)
    SentenceComponent()(art)
    assert art.structure is not None and art.sentences is not None
    spans = {b.id: (b.start, b.end) for b in art.structure}
    for s in art.sentences:
        assert s.block is not None
        b0, b1 = spans[s.block]
        assert b0 <= s.start < s.end <= b1
    assert [art.surface(s.start, s.end) for s in art.sentences] == [
        "العنوان هنا",
        "جملة أولى بلا نقطة",
        "جملة ثانية.",
        "وثالثة.",
    ]
    assert [s.id for s in art.sentences] == ["s1", "s2", "s3", "s4"]


def test_sentences_inside_given_blocks_only() -> None:
    text = "عنوان. وجملة\n\nفقرة. وأخرى"
    art = Article("", text)
    prov = Provenance("structure", "test")
    art.structure = [Block("b1", 0, 12, "headline", prov), Block("b2", 14, len(text), "paragraph", prov)]
    SentenceComponent()(art)
    assert art.sentences is not None
    assert [(art.surface(s.start, s.end), s.block) for s in art.sentences] == [
        ("عنوان.", "b1"),
        ("وجملة", "b1"),
        ("فقرة.", "b2"),
        ("وأخرى", "b2"),
    ]


def test_sentences_empty_structure_gives_empty_layer() -> None:
    art = Article("", "نص")
    art.structure = []
    SentenceComponent()(art)
    assert art.sentences == []
