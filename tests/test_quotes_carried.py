"""Speakers carried and names placed (quotes8): a name apposed to an office after a comma, prepositions that are no
given names, a participle after an object, offices and kunyas opening a title's speaker (our own sentences)."""

from __future__ import annotations

from quotes_reading import quote_with as _quote_with
from quotes_reading import read_quotes
from quotes_reading import speaker_text as _speaker


def test_quotes_carried_name_apposed_after_a_comma() -> None:
    # the office, a comma, the name: the name is the speaker, and the later «المدير العام» points at it
    art = read_quotes("قال المدير العام، خالد بن سعد الزهراني، إن الفرع الجديد يفتح أبوابه الشهر المقبل.\n"
                      "وقال المدير العام إن الخدمات ستشمل كل المحافظات.")
    for words in ("الفرع الجديد", "الخدمات"):
        q = _quote_with(art, words)
        assert q.speaker_name is not None and "Zahrani" in q.speaker_name


def test_quotes_carried_second_office_apposed_before_the_name() -> None:
    art = read_quotes("صرح المدير التنفيذي للجمعية الخيرية، رئيس لجنة التطوع الدكتور فهد بن علي القحطاني، أن "
                      "الحملة تستمر أسبوعين في الأحياء الشمالية.")
    q = _quote_with(art, "الحملة")
    sp = _speaker(art, q)
    assert sp is not None and sp.endswith("القحطاني")
    assert q.speaker_name is not None and "Qahtani" in q.speaker_name


def test_quotes_carried_office_then_comma_then_a_clause_is_no_apposition() -> None:
    # after the comma a new clause («وأوضح …») starts: the office is not given the name of someone else
    art = read_quotes("وأكد المتحدث الرسمي للجامعة أن التسجيل يبدأ غدا، وأوضح سعيد بن ناصر الغامدي أن المقاعد محدودة.")
    q = _quote_with(art, "التسجيل")
    sp = _speaker(art, q)
    assert sp is not None and "الغامدي" not in sp


def test_quotes_carried_preposition_is_no_given_name() -> None:
    # «في الرياض» before the name is no part of it: the romanised name does not start with «Fi»/«Faye»
    art = read_quotes("وقال القنصل الأردني في الرياض سامي بن عادل العمري إن مواعيد التأشيرات تغيرت هذا العام.")
    q = _quote_with(art, "التأشيرات")
    assert q.speaker_name is not None and not q.speaker_name.lower().startswith(("fi", "faye"))
    assert "Riyadh" not in q.speaker_name


def test_quotes_carried_participle_after_an_object_keeps_the_speaker() -> None:
    # the participle's subject is the speaker of the quote before, not the goods named as an object
    art = read_quotes("وقال مدير الجمارك بالميناء عبدالله بن محمد الحربي إن المفتشين ضبطوا شحنة مهربة.\n"
                      "وعثر المفتشون داخل الحاويات على آلاف العلب من مستحضر «كريم النخبة» المقلد، مشيرا إلى أن "
                      "التحقيق ما زال جاريا.")
    first = _quote_with(art, "المفتشين ضبطوا")
    q = _quote_with(art, "التحقيق")
    assert first.speaker_name is not None and q.speaker_name == first.speaker_name


def test_quotes_carried_office_opening_a_title() -> None:
    art = read_quotes("رئيس اتحاد الغرف: الصادرات غير النفطية سترتفع هذا العام\nتوقع رئيس اتحاد الغرف ارتفاع الصادرات.")
    q = _quote_with(art, "الصادرات غير النفطية")
    assert q.direct and q.cue is None


def test_quotes_carried_kunya_opening_a_title() -> None:
    art = read_quotes("أبو خالد: لن نترك الملعب قبل نهاية الموسم\nتحدث اللاعب بعد المباراة.")
    q = _quote_with(art, "لن نترك")
    assert q.direct


def test_quotes_carried_title_label_is_still_no_speaker() -> None:
    art = read_quotes("برنامج المساء: حلقة خاصة عن تاريخ المدينة القديمة\nيعرض البرنامج الليلة حلقة جديدة.")
    assert not any("حلقة خاصة" in art.text[q.start:q.end] for q in art.quotes or [])


def test_quotes_carried_document_speaks_for_its_issuer() -> None:
    # «النشرة» later speaks for the body that issues it, named where the bulletin first comes up
    art = read_quotes("وكشفت النشرة الشهرية التي تصدرها وزارة التجارة عن ارتفاع عدد السجلات التجارية.\n"
                      "وأوضحت النشرة أن عدد السجلات الجديدة بلغ ثلاثة آلاف سجل خلال الشهر.")
    q = _quote_with(art, "السجلات الجديدة")
    sp = _speaker(art, q)
    assert sp is not None and "وزارة التجارة" in sp
    assert q.speaker_kind == "body"


def test_quotes_carried_document_with_its_issuer_inside() -> None:
    art = read_quotes("وأوضحت بيانات وزارة التجارة أن الصادرات ارتفعت بنسبة عشرة في المائة.")
    q = _quote_with(art, "الصادرات")
    sp = _speaker(art, q)
    assert sp is not None and "وزارة التجارة" in sp


def test_quotes_carried_document_relayed_by_an_agency_keeps_the_document() -> None:
    # the agency that relayed the report is not its issuer
    art = read_quotes("وجاءت الكويت ثانية بحسب التقرير الذي نقلته وكالة الأنباء الكويتية.\n"
                      "وأوضح التقرير أن الاستثمارات البينية تراجعت خلال العام الماضي.")
    q = _quote_with(art, "الاستثمارات البينية")
    sp = _speaker(art, q)
    assert sp is None or "وكالة" not in sp


def test_quotes_carried_outlet_before_the_colon_has_no_subject() -> None:
    art = read_quotes("وقال وزير النقل سالم بن راشد الكعبي إن الطريق يفتح قريبا.\n"
                      'وقال لبرنامج "صباح الخير" أمس: سنبدأ المرحلة الثانية من المشروع بعد العيد.')
    first = _quote_with(art, "الطريق")
    q = _quote_with(art, "المرحلة الثانية")
    assert first.speaker_name is not None and q.speaker_name == first.speaker_name


def test_quotes_carried_blessing_after_the_cue_has_no_subject() -> None:
    art = read_quotes("سئلت عائشة عن صيامه فقالت إنه كان يصوم الاثنين.\n"
                      "وقالت رضي الله عنها: كان يكثر من الصيام في شعبان.")
    q = _quote_with(art, "يكثر من الصيام")
    sp = _speaker(art, q)
    assert sp is not None and "عائشة" in sp


def test_quotes_carried_his_words_then_saying_has_no_subject() -> None:
    art = read_quotes("وقال اللاعب ماجد بن سعيد الدوسري إنه سعيد بالعودة إلى فريقه.\n"
                      "وختم تغريداته بالقول: شكرا لكل من وقف معي في الإصابة.")
    first = _quote_with(art, "سعيد بالعودة")
    q = _quote_with(art, "شكرا لكل")
    assert first.speaker_name is not None and q.speaker_name == first.speaker_name


def test_quotes_carried_amma_subject_is_not_carried() -> None:
    art = read_quotes("وقال مدير المدرسة خالد بن علي الشهري إن الدراسة مستمرة.\n"
                      "أما وزارة التعليم فأكدت للصحيفة أن الاختبارات تبدأ الأحد المقبل.")
    q = _quote_with(art, "الاختبارات")
    assert q.speaker_name is None or "Shahri" not in q.speaker_name


def test_quotes_carried_relative_clause_of_a_text_is_no_statement() -> None:
    art = read_quotes("وجاءت الزيارة تنفيذا للتعليمات التي تؤكد على أن يكتمل المشروع قبل نهاية العام الحالي.")
    assert not any("يكتمل المشروع" in art.text[q.start:q.end] for q in art.quotes or [])


def test_quotes_carried_as_if_is_no_statement() -> None:
    art = read_quotes("وغاب اللاعب عن التدريب الأول للفريق، وكأنه يشير إلى أنه لن يعود قبل تسوية مستحقاته.")
    assert not any("لن يعود" in art.text[q.start:q.end] for q in art.quotes or [])


def test_quotes_carried_described_as_is_no_statement() -> None:
    art = read_quotes("وهاجم المعلق المدرب بشدة حيث وصفه بالمتهور وذلك بعد أن خسر الفريق ثلاث مباريات متتالية.")
    assert not any("خسر الفريق" in art.text[q.start:q.end] for q in art.quotes or [])
    art = read_quotes("ووصف المدرب المباراة بأنها كانت صعبة على لاعبيه الشباب.")
    assert any("كانت صعبة" in art.text[q.start:q.end] for q in art.quotes or [])


def test_quotes_carried_greetings_passed_on_are_no_statement() -> None:
    art = read_quotes("ونقل الوزير تحيات القيادة إلى المشاركين وأن يوفقهم في مهمتهم خلال الأيام المقبلة.")
    assert not any("يوفقهم" in art.text[q.start:q.end] for q in art.quotes or [])


def test_quotes_carried_title_repeated_after_the_link_line() -> None:
    # «رابط الخبر بصحيفة …: SPEAKER: words» repeats the title at the story's end: a quotation again
    text = ("الجمارك: ضبط شحنة كبيرة من الأدوية المهربة في ميناء جدة\n"
            "ضبطت الجمارك شحنة من الأدوية في ميناء جدة.\n"
            "رابط الخبر بصحيفة الوئام: الجمارك: ضبط شحنة كبيرة من الأدوية المهربة في ميناء جدة")
    art = read_quotes(text)
    found = [q for q in art.quotes or [] if "ضبط شحنة كبيرة" in art.text[q.start:q.end]]
    assert len(found) == 2
    for q in found:
        sp = _speaker(art, q)
        assert sp is not None and sp.startswith("الجمارك") and q.speaker_kind == "body"


def test_quotes_carried_document_points_to_the_body_with_its_head() -> None:
    art = read_quotes("وكشفت بيانات مصلحة الموانئ أن عدد السفن ارتفع.\n"
                      "وأوضحت بيانات الموانئ أن حركة الحاويات زادت خلال الربع الثاني.")
    q = _quote_with(art, "حركة الحاويات")
    sp = _speaker(art, q)
    assert sp is not None and "الموانئ" in sp


def test_quotes_carried_envoy_is_a_person_descriptor() -> None:
    art = read_quotes("وأشار المبعوث الأممي إلى أن المفاوضات ستستأنف في جنيف الأسبوع المقبل.")
    q = _quote_with(art, "المفاوضات")
    sp = _speaker(art, q)
    assert sp is not None and sp.startswith("المبعوث") and q.speaker_kind == "person"


def test_quotes_carried_adjective_before_the_given_name_is_no_part_of_it() -> None:
    art = read_quotes("وقال المحلل الاقتصادي ناصر بن علي القرعاوي إن السوق سيتأثر بنتائج البنوك هذا الأسبوع.")
    q = _quote_with(art, "السوق")
    assert q.speaker_name is not None and q.speaker_name.startswith("Nasser")


def test_quotes_carried_colon_words_end_at_the_narrators_participle() -> None:
    # «ويقول فلان: …، مؤكدا أن …»: the participle after a comma is the narrator's, a statement of its own
    art = read_quotes("ويقول سعد بن فهد المطيري: زار القرية آلاف السياح والزوار من المدن القريبة والبعيدة في أيام "
                      "العيد الأولى ونزلوا في مخيمات أقيمت لهم قرب الوادي، مؤكدا أن الطريق "
                      "إليها يحتاج إلى صيانة عاجلة، مضيفا أن الأهالي طالبوا بإنارة الشوارع.")
    texts = [art.text[q.start:q.end] for q in art.quotes or []]
    first = next(t for t in texts if "آلاف السياح" in t)
    assert "مؤكدا" not in first
    assert any(t.startswith("الطريق") for t in texts) and any(t.startswith("الأهالي") for t in texts)


def test_quotes_carried_agency_reports_a_described_source() -> None:
    # «نقلت الوكالة عن مدير الشرطة قوله»: the speaker is the one after «عن», not the agency
    art = read_quotes('ونقلت وكالة الأنباء الرسمية عن مدير شرطة المحافظة قوله: "إن الدوريات أغلقت الطريق حتى الصباح".')
    q = _quote_with(art, "الدوريات")
    sp = _speaker(art, q)
    assert sp is not None and sp.startswith("مدير شرطة") and "وكالة" not in sp
