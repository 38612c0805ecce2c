"""Speed changes that must keep their output: each fast path against a plain reference written here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.serialize import to_plain
from marsad.text import normalize as nm


def _reference(text: str, fold: bool = True) -> tuple[str, tuple[int, ...]]:
    """The matching view character by character (what ``_normalize_slow`` did before it translated stretches)."""
    table = nm._table(fold)
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for out in (nm._nfkc(ch) if nm._PRESENTATION_RE.match(ch) else ch).translate(table):
            parts.append(out)
            offsets.append(i)
    return "".join(parts), tuple(offsets)


def test_presentation_forms_view_same_as_char_by_char() -> None:
    texts = [
        "\ufefbعب الفريق مُبارَاة\u0640 اليوم في المدينة",  # a ligature first, tashkeel and tatweel after
        "قال المدير إن\u200f الخطة \ufe8d\ufe91\ufeae جاهزة ١٢ A\u00a0B",
        "\ufe70\ufe71كلمة\ufefb",  # isolated tashkeel forms, a ligature last
        "نص بلا أشكال عرض ولكن فيه تشكيلٌ",  # no presentation form: the fast path
        "",
    ]
    for text in texts:
        for fold in (True, False):
            view = nm.normalize(text, fold)
            norm, offsets = _reference(text, fold)
            assert view.norm == norm
            assert (view.offsets if view.offsets is not None else tuple(range(len(text)))) == offsets


@dataclass
class _Empty:
    pass


@dataclass
class _Rec:
    a: int
    when: date | None = None
    items: list[object] = field(default_factory=list)
    by: dict[int, object] = field(default_factory=dict)


def test_to_plain_dataclasses_scalars_and_containers() -> None:
    rec = _Rec(1, date(2015, 7, 21), [_Empty(), (2, "س"), 1.5, None, True], {3: _Rec(4)})
    assert to_plain(rec) == {"a": 1, "when": "2015-07-21", "items": [{}, [2, "س"], 1.5, None, True],
                             "by": {"3": {"a": 4, "when": None, "items": [], "by": {}}}}
    assert to_plain(_Rec) is _Rec  # a class object stays as it is
    assert list(to_plain(rec)) == ["a", "when", "items", "by"]  # field order kept
