"""Label consistency: names tagged in one sentence are tagged where they recur untagged nearby."""

from __future__ import annotations

from marsad.entities.ner import load_tagger, propagate_labels
from marsad.text.normalize import normalize_string


def _norm(sents: list[str]) -> list[list[str]]:
    return [[normalize_string(t) for t in s.split()] for s in sents]


def test_copies_names_family_names_and_clitic_forms() -> None:
    sents = _norm([
        "قال رئيس حزب الوفاق سمير البدراني إن الحزب مستعد",
        "وأضاف البدراني أن الوفاق سيشارك",
        "وانتقد والوفاق الحكومة",
    ])
    tags = [
        ["O", "O", "O", "B-ORG", "B-PERS", "I-PERS", "O", "O", "O"],
        ["O", "O", "O", "O", "O"],
        ["O", "O", "O"],
    ]
    out = propagate_labels(sents, tags, window=2)
    assert out[0] == tags[0]
    assert out[1] == ["O", "B-PERS", "O", "B-ORG", "O"]  # family name alone, and the organisation
    assert out[2] == ["O", "B-ORG", "O"]  # with the proclitic و
    assert tags[1] == ["O", "O", "O", "O", "O"]  # the input is not modified


def test_window_limits_the_reach() -> None:
    sents = _norm(["زار كريم العتيبي المدينة", "وصل العتيبي", "عاد الوفد", "عاد الوفد", "وصل العتيبي"])
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O"], ["O", "O"], ["O", "O"], ["O", "O"]]
    out = propagate_labels(sents, tags, window=1)
    assert out[1] == ["O", "B-PERS"]
    assert out[4] == ["O", "O"]  # four sentences away: out of reach
    assert propagate_labels(sents, tags, window=4)[4] == ["O", "B-PERS"]


def test_majority_type_wins_and_model_tags_stay() -> None:
    sents = _norm(["فاز الوداد", "خسر الوداد", "مدينة الوداد", "عن الوداد"])
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"], ["O", "O"]]
    out = propagate_labels(sents, tags, window=5)
    assert out[:3] == tags[:3]
    assert out[3] == ["O", "B-ORG"]


def test_short_names_are_not_copied_and_empty_input() -> None:
    sents = _norm(["قال عز", "عز هنا"])
    tags = [["O", "B-PERS"], ["O", "O"]]
    assert propagate_labels(sents, tags, window=5) == tags
    assert propagate_labels([], [], window=5) == []


def test_tagger_applies_consistency_within_a_text() -> None:
    tagger = load_tagger()
    text = [s.split() for s in ("قال المدرب سمير البدراني إن الفريق جاهز .", "وتابع البدراني أن فرنسا مستعدة .")]
    alone = [tagger.tag(s) for s in text]
    shared = tagger.tag_many(text)
    assert shared[0] == alone[0]
    if alone[0][2:4] == ["B-PERS", "I-PERS"]:  # the model found the full name in the first sentence
        assert shared[1][1] == "B-PERS"  # so the family name alone in the second is a person too
    assert tagger.tag_many(text, window=None) == alone
