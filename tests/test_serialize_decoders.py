"""``from_plain`` works out each type's conversion once; it rebuilds exactly what the plain walk rebuilt."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from marsad.article import Article, Entity, Link, Meta, Provenance
from marsad.errors import SchemaVersionError
from marsad.serialize import from_plain, to_plain


def walk(tp: Any, data: Any) -> Any:
    """The reference: the type-hint walk ``from_plain`` did per value before its conversions were cached."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return walk(args[0], data) if len(args) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [walk(item, x) for x in data]
    if origin is dict:
        _, val = typing.get_args(tp)
        return {k: walk(val, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: walk(hints[f.name], data[f.name]) for f in dataclasses.fields(tp) if f.name in data})
    if tp is date:
        return date.fromisoformat(data)
    if tp is float and isinstance(data, int):
        return float(data)
    return data


@dataclass(slots=True)
class Node:
    name: str
    weight: float = 0.0
    children: list[Node] = field(default_factory=list)
    tags: dict[str, list[int]] = field(default_factory=dict)
    when: date | None = None
    either: int | str | None = None


def prov(article_id: str) -> Provenance:
    return Provenance("entities", "entities-1", article_id, "0" * 64, "gaz:دولة")


def sample_article() -> Article:
    text = "قال الرئيس بوتين في موسكو أمس"
    link = Link("actor:putin_vladimir", "Vladimir Putin", "فلاديمير بوتين", "PER", "RUS", "GOV")
    art = Article("a1", text, Meta(title="بوتين", published=date(2017, 11, 21), source="sns"))
    art.entities = [Entity("e1", 11, 16, "PERS", "gazetteer", prov("a1"), link=link)]
    return art


@pytest.mark.parametrize(
    ("tp", "plain"),
    [
        (Node, {"name": "جذر", "weight": 2, "children": [{"name": "فرع", "children": [{"name": "ورقة"}]}]}),
        (Node, {"name": "x", "tags": {"أ": [1, 2]}, "when": "2017-11-21", "either": "نص"}),
        (Node, {"name": "x", "children": None, "tags": None, "when": None, "either": 3}),
        (list[Node], [{"name": "a"}, {"name": "b", "weight": 1.5}]),
        (dict[str, float], {"a": 1, "b": 2.5}),
        (float | None, 3),
        (list[str] | None, None),
        (int | str, "نص"),
    ],
)
def test_from_plain_matches_the_walk(tp: Any, plain: Any) -> None:
    got = from_plain(tp, plain)
    want = walk(tp, plain)
    assert got == want
    assert repr(got) == repr(want)  # same types too: 2 became 2.0 in both


def test_from_plain_article_roundtrip_matches_the_walk() -> None:
    art = sample_article()
    plain = to_plain(art)
    assert isinstance(plain, dict)
    plain["entities"][0]["confidence"] = 1  # an int in JSON
    assert from_plain(Article, plain) == walk(Article, plain) == art
    assert isinstance(from_plain(Article, plain).entities[0].confidence, float)


def test_from_plain_gives_fresh_containers() -> None:
    plain = {"name": "x", "children": [], "tags": {"k": [1]}}
    node = from_plain(Node, plain)
    node.children.append(Node("y"))
    node.tags["k"].append(2)
    node.tags["new"] = []
    assert plain["children"] == []
    assert "new" not in plain["tags"]
    assert plain["tags"]["k"] == [1]


@pytest.mark.parametrize(
    ("plain", "message"),
    [
        (["not", "an", "object"], "expected an object for Node, got list"),
        ({"weight": 1}, "cannot rebuild Node: "),
    ],
)
def test_from_plain_errors(plain: Any, message: str) -> None:
    with pytest.raises(SchemaVersionError) as err:
        from_plain(Node, plain)
    assert err.value.code == "E204"
    assert message in str(err.value)
