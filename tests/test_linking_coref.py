"""Coreference inside an article, spelling variants and common words that are also names."""

from __future__ import annotations

from datetime import date

import pytest

from entities_util import find, link_ids, run


def test_linking_surname_after_full_name_corefers() -> None:
    art = run("استقبل بشار الأسد الوفد الزائر. وقال الأسد إن الزيارة مهمة.", date(2016, 1, 1))
    full = find(art, "بشار الأسد")[0]
    (short,) = find(art, "الأسد")
    assert short.link is not None and short.link.id == "actor:assad_bashar"
    assert short.source == "coref" and short.antecedent == full.id


def test_linking_spelling_variants_are_one_entity() -> None:
    art = run("قال فلاديمير بوتين إن الحوار مستمر. وأضاف بوتن أن موسكو منفتحة.")
    ids = {e.link.id for e in art.entities or [] if e.label == "PERS" and e.link}
    assert ids == {"actor:putin_vladimir"}
    (later,) = find(art, "بوتن")
    assert later.antecedent == find(art, "فلاديمير بوتين")[0].id


def test_linking_institution_stands_for_government() -> None:
    art = run("نفى الكرملين التقارير، وعلّق البيت الأبيض عليها، فيما رحّب البنتاغون.")
    got = {(e.link.id, e.link.country, e.link.sector) for e in art.entities or [] if e.link}
    assert {("actor:kremlin", "RUS", "GOV"), ("actor:white_house", "USA", "GOV"),
            ("actor:pentagon", "USA", "MIL")} <= got


@pytest.mark.parametrize(
    "text",
    [
        "زأر الأسد في الغابة فهربت الغزلان.",
        "يعيش الأسد في السافانا الأفريقية ويصطاد ليلا.",
        "رأى الطفل أسدا في حديقة الحيوان.",
    ],
)
def test_linking_lion_is_not_assad(text: str) -> None:
    assert "actor:assad_bashar" not in link_ids(run(text))


def test_linking_assad_with_syria_in_context() -> None:
    art = run("قال الأسد في مقابلة مع تلفزيون سوري إن الحرب في سوريا ستنتهي.", date(2016, 1, 1))
    assert find(art, "الأسد")[0].link is not None


@pytest.mark.parametrize(
    "text",
    [
        "يبقى الأمل كبيرا في أن تنتهي الأزمة.",
        "لديه أمل بأن يعود السلام إلى المنطقة.",
        "تحدث عن جمال الطبيعة وسلام النفس والحكم عادل.",
    ],
)
def test_linking_common_words_stay_unlinked(text: str) -> None:
    assert run(text).entities == []


def test_linking_short_form_needs_a_plausible_date() -> None:
    # رئيسي is a dual role noun here, and Raisi was not in office in 2017
    art = run("زار رئيسي تركيا وإيران موسكو.", date(2017, 11, 21))
    assert "actor:raisi_ebrahim" not in link_ids(art)


def test_linking_father_name_inside_a_longer_name_is_not_the_father() -> None:
    from datetime import date

    from entities_util import link_ids, run

    day = date(2015, 7, 25)
    son = run("استقبل الأمير بدر بن سلمان بن عبدالعزيز الوفد في مكتبه.", day)
    king = run("استقبل الملك سلمان بن عبدالعزيز الوفد في مكتبه.", day)
    assert "actor:salman_bin_abdulaziz" in link_ids(king)
    assert "actor:salman_bin_abdulaziz" not in link_ids(son)
