"""The text layer (structure, sentences, tokens) inside the pipeline: order, requirements, pools."""

from __future__ import annotations

import pickle

import pytest

from marsad.article import Article
from marsad.cli.extract import resolve_components
from marsad.errors import MissingRequirementError, UnknownComponentError, UsageError
from marsad.pipeline import Pipeline, available_components
from marsad.settings import Settings
from marsad.text.sentences import SentenceComponent
from marsad.text.structure import StructureComponent

TEXTS = [
    "عنوان أول\n\nقسم\n\nفقرة أولى فيها جملتان. وهذه الثانية.",
    "عنوان ثان\n\nصورة الميناء\n\nوقال المسؤول: «بدأنا العمل. وسننتهي قريبا». ثم غادر.",
    "عنوان ثالث\n\nفقرة واحدة؛ وجملة بعد فاصلة منقوطة.",
]


def test_pipeline_text_layer_is_available() -> None:
    assert {"structure", "sentences", "tokens"} <= set(available_components())


def test_pipeline_sentences_require_structure() -> None:
    with pytest.raises(MissingRequirementError) as info:
        Pipeline.from_names(["sentences"])
    assert info.value.code == "E201"
    assert info.value.message == (
        "component 'sentences' requires structure, which no earlier component assigns "
        "(structure is assigned by no component)"
    )


def test_pipeline_resolve_components_adds_requirements() -> None:
    assert resolve_components(["sentences"], Settings()) == ["structure", "sentences"]
    assert resolve_components(["tokens"], Settings()) == ["tokens"]
    default = resolve_components(None, Settings())
    assert default[:3] == ["structure", "sentences", "tokens"]


def test_pipeline_resolve_components_unknown() -> None:
    with pytest.raises(UnknownComponentError) as info:
        resolve_components(["parser"], Settings())
    assert info.value.code == "E202"
    assert info.value.message.startswith("unknown component 'parser'; known: structure, sentences, tokens")


def test_pipeline_resolve_components_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("marsad.cli.extract.available_components", lambda: ["structure", "sentences", "tokens"])
    with pytest.raises(UsageError) as info:
        resolve_components(["events"], Settings())
    assert info.value.message == "component 'events' is not available in this installation"


def test_pipeline_components_are_picklable() -> None:
    structure = pickle.loads(pickle.dumps(StructureComponent()))
    sentences = pickle.loads(pickle.dumps(SentenceComponent()))
    art = Article("", TEXTS[0])
    structure(art)
    sentences(art)
    assert art.structure is not None and art.sentences is not None
    assert [b.kind for b in art.structure] == ["headline", "section", "paragraph"]
    assert [art.surface(s.start, s.end) for s in art.sentences][2:] == ["فقرة أولى فيها جملتان.", "وهذه الثانية."]


def test_pipeline_pool_gives_the_same_layers() -> None:
    names = ["structure", "sentences", "tokens"]
    one = [r.article for r in Pipeline.from_names(names).pipe([Article("", t) for t in TEXTS])]
    pipe2 = Pipeline.from_names(names)
    two = [r.article for r in pipe2.pipe([Article("", t) for t in TEXTS], workers=2, batch_size=1)]
    assert one == two
    assert set(pipe2.timings) == set(names)


def test_pipeline_text_layer_on_quotation() -> None:
    art = Pipeline.from_names(["structure", "sentences"])(Article("", TEXTS[1]))
    assert art.structure is not None and art.sentences is not None
    assert [b.kind for b in art.structure] == ["headline", "caption", "paragraph"]
    got = [(art.surface(s.start, s.end), s.in_quote) for s in art.sentences]
    assert got == [
        ("عنوان ثان", False),
        ("صورة الميناء", False),
        ("وقال المسؤول: «بدأنا العمل.", False),
        ("وسننتهي قريبا».", True),
        ("ثم غادر.", False),
    ]
