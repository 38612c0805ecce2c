"""Which mention is the speaker on real-news forms: descriptor chains, bodies inside them, definite descriptors
pointing back, elided subjects, names the tagger missed, and the speaker's country (our own sentences)."""

from __future__ import annotations

import pytest

from marsad.kb import romanize
from marsad.quotes.speakers import describe
from marsad.text.clauses import normalized
from quotes_reading import quote_with as _quote_with
from quotes_reading import read_quotes
from quotes_reading import speaker_text as _speaker

needs_table = pytest.mark.skipif(not romanize.available(), reason="arabic-name-romanizer's name table is not installed")


@pytest.mark.parametrize(
    ("text", "words", "ends_with"),
    [
        # the body named inside the spokesman's title is not the speaker: the person the chain ends with is
        ("وأوضح المتحدث الرسمي لهيئة الهلال الأحمر بمنطقة حائل سعد بن فهد الشمري أن الفرق باشرت ثلاث حوادث.",
         "باشرت", "الشمري"),
        ("وقال مدير العلاقات العامة في شركة أرامكو السعودية خالد بن علي العنزي إن المصفاة تعمل بكامل طاقتها.",
         "المصفاة", "العنزي"),
    ],
)
def test_quotes_speaker_spans_chain_points_at_the_name(text: str, words: str, ends_with: str) -> None:
    art = read_quotes(text)
    q = _quote_with(art, words)
    sp = _speaker(art, q)
    assert sp is not None and sp.endswith(ends_with)
    assert q.speaker_kind == "person"


def test_quotes_speaker_spans_source_with_a_body_is_the_source() -> None:
    art = read_quotes("وقال مصدر مسؤول في وزارة الخارجية إن الوفد سيصل إلى الرياض الأسبوع المقبل.")
    q = _quote_with(art, "الوفد")
    assert _speaker(art, q) == "مصدر مسؤول في وزارة الخارجية"
    assert (q.speaker_kind, q.speaker_country, q.speaker_sector) == ("anonymous", "SAU", "GOV")


def test_quotes_speaker_spans_outlet_after_the_cue_is_skipped() -> None:
    art = read_quotes('وأوضح لـ"عكاظ" مدير مكتب التعليم بالمحافظة أن الدراسة تبدأ في موعدها.')
    q = _quote_with(art, "الدراسة")
    sp = _speaker(art, q)
    assert sp is not None and sp.startswith("مدير مكتب التعليم")
    assert "عكاظ" not in sp


@pytest.mark.parametrize(
    ("text", "words", "speaker", "country", "sector"),
    [
        ("أكد مصدر عسكري عراقي أن القوات تقدمت في محيط المدينة. وقال المصدر إن الطيران قصف مواقع المسلحين.",
         "الطيران", "مصدر عسكري عراقي", "IRQ", "MIL"),
        ("أعلنت وزارة الداخلية الكويتية ضبط خلية. وأكدت الوزارة أنها ستلاحق كل من يمول الإرهاب.",
         "ستلاحق", "وزارة الداخلية الكويتية", "KWT", "GOV"),
    ],
)
def test_quotes_speaker_spans_definite_descriptor_points_back(text: str, words: str, speaker: str, country: str,
                                                              sector: str) -> None:
    art = read_quotes(text)
    q = _quote_with(art, words)
    assert _speaker(art, q) == speaker
    assert (q.speaker_country, q.speaker_sector) == (country, sector)


@needs_table
def test_quotes_speaker_spans_elided_subject_takes_the_last_speaker() -> None:
    art = read_quotes("وقال المتحدث باسم الدفاع المدني العقيد عبدالله الحارثي إن الحريق أخمد بالكامل.\n"
                "وأضاف أن فرق الإطفاء وصلت خلال دقائق.\n"
                "وأشار إلى أن التحقيق جار لمعرفة الأسباب.")
    last = _quote_with(art, "التحقيق")
    sp = _speaker(art, last)
    assert sp is not None and sp.endswith("عبدالله الحارثي")


@needs_table
def test_quotes_speaker_spans_honorific_pronoun_carries_the_speaker() -> None:
    art = read_quotes('وقال الأمير فيصل بن خالد إن المنطقة تشهد مشاريع كبرى. '
                      'وقال سموه خلال الحفل "نحن فخورون بشبابنا".')
    q = _quote_with(art, "فخورون")
    sp = _speaker(art, q)
    assert sp is not None and "فيصل بن خالد" in sp


@needs_table
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("وأكد الزهراني أن المعرض يستقبل زواره يوميا حتى العاشرة مساء.", "المعرض", "الزهراني"),
        ("الشهري أشارت إلى أن الطلب على المنتجات المنزلية تضاعف هذا العام.", "الطلب", "الشهري"),
    ],
)
def test_quotes_speaker_spans_untagged_name_after_or_before_the_cue(text: str, words: str, speaker: str) -> None:
    art = read_quotes(text)
    q = _quote_with(art, words)
    if q.speaker is None:  # only when the tagger missed the name: then it is read from the words themselves
        assert _speaker(art, q) == speaker
        assert q.speaker_kind == "person"
        assert q.speaker_name is not None and q.speaker_name_source == "romanized"


@pytest.mark.parametrize("text", [
    "وأكد أحد الحضور أن الحفل كان ناجحا.",
    "وقال هذا الأسبوع إن الحفل كان ناجحا.",
])
def test_quotes_speaker_spans_common_words_are_no_names(text: str) -> None:
    art = read_quotes(text)
    for q in art.quotes or []:
        assert _speaker(art, q) not in ("أحد", "هذا", "هذا الأسبوع")


def test_quotes_speaker_spans_svo_subject_opens_its_clause() -> None:
    art = read_quotes("ارتفعت أرباح الشركة إلى ثلاثة مليارات ريال في الربع الثاني، وقالت: «نتوقع نموا أكبر».")
    q = _quote_with(art, "نتوقع")
    assert _speaker(art, q) != "ريال"


def test_quotes_speaker_spans_descriptor_stops_at_relative_and_outlet() -> None:
    text = "قال مصدر أمني رفيع لوكالة الأنباء إن"
    text = normalized(text).norm
    d = describe(text, len("قال "), len(text), {}, "SAU")
    assert d is not None and text[len("قال "):d.end] == normalized("مصدر أمني رفيع").norm
    text = "قال المهندس سامي العلي الذي يشرف على المشروع إن"
    text = normalized(text).norm
    d = describe(text, len("قال "), len(text), {}, "SAU")
    assert d is not None and text[len("قال "):d.end] == normalized("المهندس سامي العلي").norm


def test_quotes_speaker_spans_short_quoted_name_stays_in_the_descriptor() -> None:
    text = 'قال صندوق "نماء" للاستثمار إن'
    text = normalized(text).norm
    d = describe(text, len("قال "), len(text), {}, "SAU")
    assert d is not None and text[len("قال "):d.end].endswith(normalized("للاستثمار").norm)


def test_quotes_speaker_spans_apposed_title_after_comma_goes_on() -> None:
    text = "أكد أستاذ التاريخ بجامعة القاهرة، الدكتور سامح فهمي، أن"
    text = normalized(text).norm
    d = describe(text, len("أكد "), len(text), {}, "EGY")
    assert d is not None and text[len("أكد "):d.end].endswith(normalized("سامح فهمي").norm)
    assert d.name_start is not None


def test_quotes_speaker_spans_story_country_for_unplaced_sources() -> None:
    art = read_quotes("تواصلت الاشتباكات في عدن وتعز ولحج. وقالت مصادر محلية إن المسلحين انسحبوا من حي كريتر.")
    q = _quote_with(art, "المسلحين")
    assert q.speaker_country == "YEM"


def test_quotes_speaker_spans_place_inside_the_descriptor_gives_the_country() -> None:
    art = read_quotes("وقال مسؤول في مدينة البصرة إن المياه عادت إلى الأحياء.")
    q = _quote_with(art, "المياه")
    assert q.speaker_country == "IRQ"


@needs_table
def test_quotes_speaker_spans_name_cut_at_the_office() -> None:
    art = read_quotes("وقال اللواء سعيد القحطاني نائب رئيس الأمن العام إن الخطة نجحت.")
    q = _quote_with(art, "الخطة")
    assert q.speaker_name is not None
    assert "Naib" not in q.speaker_name and "Amn" not in q.speaker_name


def test_quotes_speaker_spans_mohammed_in_the_newspaper_form() -> None:
    if not romanize.available():
        pytest.skip("name table not installed")
    for country in ("SAU", "EGY", "IRQ", None):
        r = romanize.romanize("محمد سالم", country)
        assert r is not None and r.latin.split()[0] == "Mohammed"


@needs_table
def test_quotes_speaker_spans_family_name_takes_the_full_name() -> None:
    art = read_quotes("التقى الأمير الوفد بحضور علي الأحمدي مدير الفرع. وقال الأحمدي إن الزيارة ناجحة.")
    q = _quote_with(art, "الزيارة")
    assert q.speaker_name is not None and len(q.speaker_name.split()) >= 2
    assert not q.speaker_name.lower().startswith(("waked", "wa"))


def test_quotes_speaker_spans_headline_descriptor_is_the_lead_person() -> None:
    art = read_quotes("محافظ جدة: المشاريع الجديدة تنتهي قبل موعدها\n\n"
                "أكد محافظ جدة الأمير مشعل بن ماجد أن المشاريع تسير وفق الخطة.")
    head = next(q for q in art.quotes or [] if q.start < art.text.find("\n"))
    lead = next(q for q in art.quotes or [] if q.start > art.text.find("\n"))
    if lead.speaker is not None:  # the tagger found the prince in the lead
        assert head.speaker == lead.speaker


def test_quotes_speaker_spans_outlet_mention_is_not_the_speaker() -> None:
    art = read_quotes('وأفاد المتحدث باسم الشرطة لوكالة "رويترز" بأن الطريق أعيد فتحه أمام السيارات.')
    q = _quote_with(art, "الطريق")
    sp = _speaker(art, q)
    assert sp is not None and "رويترز" not in sp


def test_quotes_speaker_spans_no_subject_before_a_verb_with_its_conjunction() -> None:
    art = read_quotes("وصلت دفعة جديدة من المعتمرين المصريين، وقال إن الرحلات مستمرة حتى نهاية الشهر.")
    q = _quote_with(art, "الرحلات")
    assert _speaker(art, q) != "المصريين"


def test_quotes_speaker_spans_interior_ministry_is_government_its_spokesman_police() -> None:
    text = normalized("قال المتحدث الأمني بوزارة الداخلية إن").norm
    d = describe(text, len("قال "), len(text), {}, "SAU")
    assert d is not None and d.sector == "COP"
    text = normalized("أعلنت وزارة الداخلية أن").norm
    d = describe(text, len("أعلنت "), len(text), {}, "SAU")
    assert d is not None and (d.sector, d.country) == ("GOV", "SAU")


def test_quotes_speaker_spans_unplaced_body_is_the_articles() -> None:
    text = normalized("أوضحت جامعة الملك خالد أن").norm
    d = describe(text, len("أوضحت "), len(text), {}, "SAU")
    assert d is not None and (d.kind, d.sector, d.country) == ("body", "EDU", "SAU")


def test_quotes_speaker_spans_speech_given_then_explained_in_it() -> None:
    art = read_quotes("وألقى وزير الإسكان ماجد الحقيل كلمة أوضح فيها أن المشاريع ستسلم هذا العام.")
    q = _quote_with(art, "المشاريع")
    sp = _speaker(art, q)
    if any(e.label == "PERS" for e in art.entities or ()):
        assert sp is not None and sp.endswith("الحقيل")


@needs_table
def test_quotes_speaker_spans_office_named_elsewhere_gives_the_name() -> None:
    art = read_quotes("وأوضح محافظ العلا المهندس سامي الحربي أن المهرجان يبدأ الخميس.\n"
                "وأكد محافظ العلا أن الاستعدادات اكتملت.")
    q = _quote_with(art, "الاستعدادات")
    assert q.speaker_name is not None and q.speaker_name.endswith("al-Harbi")


@pytest.mark.parametrize(("text", "cue", "sector", "country"), [
    ("أعلنت منظمة الصحة العالمية أن", "أعلنت ", "IGO", None),
    ("قال المتحدث باسم الأمم المتحدة إن", "قال ", "IGO", None),
    ("أكدت إدارة مطار الملك خالد الدولي أن", "أكدت ", "GOV", "SAU"),
])
def test_quotes_speaker_spans_international_bodies(text: str, cue: str, sector: str, country: str | None) -> None:
    norm = normalized(text).norm
    d = describe(norm, len(cue), len(norm), {}, "SAU")
    assert d is not None and (d.sector, d.country) == (sector, country)


def test_quotes_speaker_spans_collective_takes_the_storys_country() -> None:
    art = read_quotes("وقع الحادث في مدينة هيوستن بولاية تكساس. وقالت الشرطة إن السائق فر من المكان.")
    q = _quote_with(art, "السائق")
    assert q.speaker_country == "USA"


@needs_table
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # the name words the tagger may leave out: given names after it up to a punctuation or preposition, and
        # a family name «ال…ي»; «علي» written with its ي is the name, not «على»
        ("وقال المتحدث باسم الشرطة العقيد يحيى علي أبكر: إن الحادث وقع فجرا.", ("Yahya", "Ali", "Abkar")),
        ("وقال العميد يحيى رسول في حديث للصحفيين إن القوات تقدمت.", ("Yahya", "Ras")),
        ("وذكر المتحدث الرسمي بالمديرية النقيب سعد بن ضيف الله الأسمري أن الخدمة متاحة.", ("Saad", "Asmari")),
    ],
)
def test_quotes_speaker_spans_name_words_the_tagger_left_out(text: str, parts: tuple[str, ...]) -> None:
    q = read_quotes(text).quotes[0]
    assert q.speaker_name is not None and all(p in q.speaker_name for p in parts)


@needs_table
@pytest.mark.parametrize(
    ("text", "not_in_name"),
    [
        ("وأوضح محمد سالم صاحب مركز الألعاب أن الإقبال كبير هذا الصيف.", "Sa" + "hib"),
        ("وأوضح محمد سالم صاحب مركز الألعاب أن الإقبال كبير هذا الصيف.", "Sa" + "heb"),
        ("ويقول عبدالله العبدلي مشرف في أحد المطابخ إن الطلب تضاعف.", "Mush"),
    ],
)
def test_quotes_speaker_spans_office_after_a_name_is_not_part_of_it(text: str, not_in_name: str) -> None:
    q = read_quotes(text).quotes[0]
    assert q.speaker_name is not None and not_in_name not in q.speaker_name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # «عدم ذكر» is a verbal noun and «نشر» (publish) no form of «أشار»: the statement is the source's
        ("وقال مسؤول بوزارة العدل متحدثا شريطة عدم ذكر اسمه إن الوزارة ستفتح المجال للكليات.", "مسؤول بوزارة العدل"),
        ("وقال مسؤول كبير في الحكومة، طلب عدم نشر اسمه، “الهدف هو إقامة منطقة آمنة في الشمال”.",
         "مسؤول كبير في الحكومة"),
    ],
)
def test_quotes_speaker_spans_unnamed_source_keeps_its_cue(text: str, speaker: str) -> None:
    art = read_quotes(text)
    assert len(art.quotes or []) == 1
    q = art.quotes[0]
    assert _speaker(art, q) == speaker and q.speaker_kind == "anonymous"


def test_quotes_speaker_spans_god_in_a_prayer_is_no_speaker() -> None:
    art = read_quotes("ورفع الأهالي تهنئتهم بالعيد إلى القيادة، سائلين المولى أن يعيده على الجميع بالخير.")
    q = _quote_with(art, "يعيده")
    assert _speaker(art, q) != "المولى"


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "sector"),
    [
        ("وقال عدد من الباعة إن الإقبال ارتفع هذا الأسبوع.", "عدد من الباعة", "anonymous", "BUS"),
        ("وأكد تجار الجملة في السوق أن الأسعار مستقرة.", "تجار الجملة في السوق", "anonymous", "BUS"),
        # the reporter's byline before the colon is not the subject of the verb after it
        ("فهد العتيبي - سبق - جدة: أوضحت إدارة مستشفى الملك فهد أن المريض غادر المستشفى.",
         "إدارة مستشفى الملك فهد", "body", "MED"),
    ],
)
def test_quotes_speaker_spans_unnamed_groups_and_bylines(text: str, speaker: str, kind: str, sector: str) -> None:
    art = read_quotes(text)
    q = art.quotes[0]
    assert (_speaker(art, q), q.speaker_kind, q.speaker_sector) == (speaker, kind, sector)


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("وقال المشجع ذاكر مولوي إن الفريق يحتاج إلى لاعب أجنبي. ويضيف جميل العبادي ، بأن اللاعب الأجنبي مهم لكل ناد.",
         "جميل العبادي"),
    ],
)
def test_quotes_continuation_with_its_own_name(text: str, second: str) -> None:
    """«ويضيف X بأن …» with a new name after the continuation verb: X speaks, not the previous speaker."""
    art = read_quotes(text)
    qs = sorted(art.quotes or [], key=lambda q: q.start)
    assert len(qs) == 2
    sp = qs[1].speaker_span
    assert sp is not None and art.text[sp.start:sp.end] == second


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال المسؤول عن المختبر سالم الهاجري للصحيفة إن الأجهزة تعمل بكفاءة عالية.", "سالم الهاجري"),
        ("وأوضح مسؤول عن الأمن في المطار أن الرحلات تسير بشكل طبيعي.", "مسؤول عن الأمن في المطار"),
    ],
)
def test_quotes_official_in_charge_of(text: str, speaker: str) -> None:
    """«المسؤول عن X فلان»: «عن» goes on the official's descriptor, up to the name when there is one."""
    art = read_quotes(text)
    qs = art.quotes or []
    assert len(qs) == 1
    sp = qs[0].speaker_span
    assert sp is not None and art.text[sp.start:sp.end] == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # an untagged family name before «أنه»: the quote starts at «أنه», the name is its speaker
        ("وأعلنت الجمعية نتائج المسابقة. وأكد الزهراني أنه فاز بالمركز الأول عدد من الشباب.", ["الزهراني"]),
        # an elided subject after a new person was named since the last quote: that person, not the last speaker
        ("وقالت الشاعرة نورة العتيبي إن قصائدها لاقت إقبالا كبيرا. وحين قرأت قصيدتها طالب المذيع خالد المطيري "
         "بالاعتذار منها، لأنه كان قد ذكر أن الشعر النبطي تراجع كثيرا.", ["نورة العتيبي", "خالد المطيري"]),
    ],
)
def test_quotes_speaker_named_since(text: str, speakers: list[str]) -> None:
    art = read_quotes(text)
    qs = sorted(art.quotes or [], key=lambda q: q.start)
    assert [art.text[q.speaker_span.start:q.speaker_span.end] if q.speaker_span else None for q in qs] == speakers


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("وقالت الشاعرة البحرينية فاطمة العلي إن الشعر يعيش في قلوب الناس.", "Fatima al-Ali", "BHR"),
        ("الرسامة نوف الشهري رأت أن الفن لغة عالمية يفهمها الجميع.", "Nouf al-Shehri", None),
        ("وأكد العقيد تركي سعد الحربي أن الدوريات تعمل على مدار الساعة.", "Turki Saad al-Harbi", "SAU"),
    ],
)
def test_quotes_title_nationality_and_name(text: str, name: str, country: str | None) -> None:
    """An artist's title leads to a name like a rank does; a nationality adjective between them gives the country
    and is no part of the name («تركي» after a rank is a given name)."""
    art = read_quotes(text)
    qs = art.quotes or []
    assert len(qs) == 1
    assert qs[0].speaker_name == name
    if country is not None:
        assert qs[0].speaker_country == country


def test_quotes_abbreviation_before_the_colon() -> None:
    """«لقناة (إن. بي. سي):» — the abbreviation's full stops end no sentence: the words after the colon are the
    cue's quote and its speaker is the one after the cue, not the channel's last letters."""
    art = read_quotes("وصرح السيناتور جون سميث لقناة (إن. بي. سي): الاتفاق سيئ للجميع ولن نقبله أبدا.")
    qs = art.quotes or []
    assert [art.text[q.start:q.end] for q in qs] == ["الاتفاق سيئ للجميع ولن نقبله أبدا"]
    sp = qs[0].speaker_span
    assert sp is not None and art.text[sp.start:sp.end] == "جون سميث"


def test_quotes_body_named_in_marks_before_the_complementiser() -> None:
    """«قالت «X كابيتال» إن …»: the marked words are the body that speaks, not a quotation; its participles carry it."""
    art = read_quotes("قالت «الراجحي كابيتال» إن أرباح الشركة جاءت أعلى من التوقعات، مشيرة إلى أن المبيعات ارتفعت "
                      "بشكل كبير.")
    qs = sorted(art.quotes or [], key=lambda q: q.start)
    assert [art.text[q.start:q.end] for q in qs] == ["أرباح الشركة جاءت أعلى من التوقعات", "المبيعات ارتفعت بشكل كبير"]
    for q in qs:
        assert not q.direct and q.speaker_span is not None
        assert art.text[q.speaker_span.start:q.speaker_span.end] == "الراجحي كابيتال"
        assert (q.speaker_kind, q.speaker_sector) == ("body", "BUS")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وكشفت بيانات هيئة الإحصاء أن عدد السكان ارتفع بنسبة كبيرة هذا العام.", "هيئة الإحصاء"),
        ("ويتم توزيع الطلاب على الأقسام حسب بيانات تسجيلهم وتحثهم الجامعة على الاجتهاد.", None),
    ],
)
def test_quotes_data_of_a_body(text: str, speaker: str | None) -> None:
    """«كشفت بيانات X أن …»: the body behind the data speaks; «حسب بيانات تسجيلهم» attributes nothing."""
    art = read_quotes(text)
    qs = art.quotes or []
    if speaker is None:
        assert qs == []
        return
    assert len(qs) == 1 and qs[0].speaker_span is not None
    assert speaker in art.text[qs[0].speaker_span.start:qs[0].speaker_span.end]
    assert (qs[0].speaker_kind, qs[0].speaker_country, qs[0].speaker_sector) == ("body", "SAU", "GOV")


def test_quotes_family_name_tagged_as_a_body() -> None:
    """A lone family name the tagger took for a body (``الرشيد`` as ORG) after the person's full name is that
    person: a person speaker with the full name."""
    from marsad.quotes.attribution import find_quotes

    art = read_quotes("افتتح المهندس صالح بن إبراهيم الرشيد المعرض الجديد أمس. وأوضح الرشيد أن المدينة الصناعية "
                      "تضم مئات المصانع.")
    lone = [e for e in art.entities or [] if art.text[e.start:e.end] == "الرشيد"]
    assert lone
    lone[0].label = "ORG"
    qs = find_quotes(art)
    assert len(qs) == 1
    assert qs[0].speaker_kind == "person"
    assert qs[0].speaker_name is not None and qs[0].speaker_name.startswith("Saleh bin Ibrahim")


def test_quotes_family_name_of_the_article_not_a_famous_namesake() -> None:
    """«وأوضح المالكي» after «فايز المالكي» (a person the linker left unlinked): the article's man, not the
    knowledge base's namesake."""
    art = read_quotes("أثار الممثل فايز المالكي جدلا واسعا أمس. وأوضح المالكي أن الدعوة ألغيت دون ذكر الأسباب.")
    qs = art.quotes or []
    assert len(qs) == 1
    assert qs[0].speaker_actor_id is None
    assert qs[0].speaker_name is not None and qs[0].speaker_name.startswith("Fay")
