"""The shipped event detector and the hybrid coder: the detector decides whether and which, frames bind."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from events_corpus import article, code
from marsad.errors import ModelNotFoundError, ResourceError
from marsad.events import detector, predicates
from marsad.events.component import make_component
from marsad.events.features import VERSION, sentence_names, sentence_words, text_features
from marsad.settings import Settings
from marsad.text.normalize import normalize_string

MODELS = Path(detector.__file__).parent / "models"


def test_events_detector_hybrid_model_is_shipped_with_its_report() -> None:
    model = detector.load_model()
    assert model is not None and {"ASSAULT", "PROTEST"} <= set(model.labels)
    size = (MODELS / detector.MODEL_FILE).stat().st_size
    assert size <= 20 * 1024 * 1024
    card = json.loads((MODELS / "events.detector.card.json").read_text(encoding="utf-8"))
    assert card["version"] == model.version and card["features"] == VERSION
    assert len(card["training_data"]["ASSAULT"]["sha256"]) == 64
    for t, lm in model.labels.items():
        assert 0.0 <= lm.veto <= lm.threshold <= 1.0, t
        assert card["per_label"][t]["threshold"] == round(lm.threshold, 4)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (gzip.compress(b'{"format": "other"}'), r"^\[E300\] m\.gz: not a marsad-linear-1 model \(format 'other'\)$"),
        (gzip.compress(b'{"format": "marsad-linear-1", "features": "evfeat-0", "labels": {}}'),
         r"^\[E300\] m\.gz: model built for features 'evfeat-0'"),
        (b"not gzip", r"^\[E300\] m\.gz: malformed detector model"),
    ],
)
def test_events_detector_hybrid_rejects_bad_models(raw: bytes, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        detector.parse_model(raw, "m.gz")


def test_events_detector_hybrid_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"^\[E301\] detector model .* is missing"):
        detector.load_model_from(tmp_path / "none.json.gz")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("قتل 18 شخصا وأصيب العشرات في انفجار سيارة مفخخة في سوق شعبي.", "قتل"),
        ("فجر انتحاري حزاما ناسفا وسط حشد من المصلين فقتل عشرين شخصا.", None),
    ],
)
def test_events_detector_hybrid_codes_violence_without_named_actors(text: str, trigger: str | None) -> None:
    art = code(text)
    evs = [e for e in art.events or [] if e.type == "ASSAULT"]
    assert evs, [(e.type, e.evidence.pattern) for e in art.events or []]
    ev = evs[0]
    span = art.text[ev.evidence.predicate.start:ev.evidence.predicate.end]
    if trigger is not None:
        assert span == trigger
    assert 0.0 < ev.confidence <= 1.0
    assert art.text[ev.start:ev.end].strip()


@pytest.mark.parametrize(
    "text",
    ["فاز الفريق بثلاثة أهداف مقابل هدف في مباراة الدوري أمس.", "ارتفعت أسعار النفط في الأسواق العالمية اليوم."],
)
def test_events_detector_hybrid_no_violence_in_sport_and_markets(text: str) -> None:
    art = code(text)
    assert [e.type for e in art.events or [] if e.type in ("ASSAULT", "PROTEST")] == []


def test_events_detector_hybrid_off_by_setting() -> None:
    text = "قتل 18 شخصا وأصيب العشرات في انفجار سيارة مفخخة في سوق شعبي."
    art = article(text)
    make_component(Settings(event_detector=False))(art)
    assert all(not e.evidence.pattern.startswith("detector:") for e in art.events or [])


def test_events_detector_hybrid_feature_positions_point_into_the_text() -> None:
    feats = text_features("اعتصم مئات العمال أمام الوزارة", None)
    assert "w:اعتصم" in feats and "c:<اع" in feats and "bias" in feats


def _no_model(veto_words: int) -> detector.LinearModel:
    """A model that says no to every ASSAULT (p≈0) and vetoes rule events under p=0.5 from ``veto_words`` words."""
    lm = detector.LabelModel(-20.0, {"w:قصفت": 0.0}, (1.0, 0.0), threshold=0.9, veto=0.5, alone=0.9,
                             veto_words=veto_words)
    return detector.LinearModel.build({"ASSAULT": lm}, "test")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # short: under veto_words, the rules' reading stands
        ("شن الجيش الإسرائيلي غارات على قطاع غزة.", True),
        # long enough for the detector to judge: vetoed
        ("شن الجيش الإسرائيلي غارات على قطاع غزة بعد ظهر أمس في أول هجوم منذ أسابيع على المنطقة الساحلية المكتظة.",
         False),
    ],
)
def test_events_detector_hybrid_veto_only_from_veto_words(text: str, kept: bool) -> None:
    from marsad.events.hybrid import apply_detector
    from marsad.events.predicates import lexicon

    art = article(text)
    make_component(Settings(event_detector=False))(art)
    rules = [e for e in art.events or [] if e.type == "ASSAULT"]
    assert rules
    out = apply_detector(art, list(art.events or []), _no_model(12), lexicon(), "t")
    assert any(e.type == "ASSAULT" for e in out) is kept


def test_events_detector_hybrid_shipped_veto_words_come_from_the_card() -> None:
    model = detector.load_model()
    assert model is not None
    card = json.loads((MODELS / "events.detector.card.json").read_text(encoding="utf-8"))
    for t, lm in model.labels.items():
        assert card["per_label"][t]["veto_words"] == lm.veto_words, t


@pytest.mark.parametrize(
    ("text", "source", "country", "why"),
    [
        ("القاهرة - وصل الوفد أمس إلى المدينة.\nوقتل مسلحون ثلاثة جنود عند حاجز قرب المدينة.", None, "EGY",
         "the article's dateline"),
        ("قتل مسلحون ثلاثة جنود عند حاجز قرب المدينة.", "alriyadh", "SAU", "the source's country"),
        ("قتل مسلحون ثلاثة جنود عند حاجز قرب المدينة.", None, None, None),  # no context: no guess
    ],
)
def test_events_detector_hybrid_generic_actor_country_from_context(text: str, source: str | None,
                                                                  country: str | None, why: str | None) -> None:
    art = article(text)
    art.meta.source = source
    make_component(Settings())(art)
    evs = [e for e in art.events or [] if e.type == "ASSAULT"]
    assert evs and evs[0].actors and evs[0].actors[0].sector == "UAF"
    assert evs[0].actors[0].country == country
    notes = " ".join(evs[0].evidence.notes)
    assert (why is None and "country of" not in notes) or (why is not None and why in notes)


def test_events_detector_hybrid_unbound_violent_predicate_with_nationality_actor() -> None:
    # a verbal noun of violence no frame binds (no actor entity): coded from the lexicon, the actor from the
    # nationality adjective that follows it
    art = code("تواصل القصف الكيني لمواقع المسلحين في الجنوب.")
    evs = [e for e in art.events or [] if e.type == "ASSAULT"]
    assert evs and evs[0].evidence.pattern.startswith("detector:ASSAULT+assault_qasafa")
    assert [(a.country, art.text[a.start:a.end]) for a in evs[0].actors] == [("KEN", "الكيني")]


@pytest.mark.parametrize("text", ["قتل الوقت بلعب الورق في المقهى.", "يقتل الفراغ شباب الحي كل مساء."])
def test_events_detector_hybrid_killing_time_is_no_assault(text: str) -> None:
    assert [e.type for e in code(text).events or [] if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "قتل 18 شخصا في انفجار سيارة مفخخة في بغداد وأصيب 40 آخرون",
    "تظاهر آلاف الطلاب أمام مبنى البرلمان للمطالبة بإصلاحات، وتظاهر آخرون في المدينة",
    "التقى وزير الخارجية نظيره الفرنسي في باريس",
])
def test_events_detector_hybrid_word_cached_scores_equal_the_name_set_scores(text: str) -> None:
    model = detector.load_model()
    assert model is not None
    lex = predicates.lexicon(True)
    norm = normalize_string(text)
    rules = [("ASSAULT", 0, 3)]
    for _ in range(2):  # the second time from the model's word cache
        fast = model.sentence_scores(*sentence_words(norm, 0, len(norm), lex, rules))
        slow = model.scores(sentence_names(norm, 0, len(norm), lex, rules))
        assert abs(fast - slow).max() < 1e-9
