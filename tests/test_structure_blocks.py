"""The structure layer of plain-text news dumps (cases written for these tests)."""

from __future__ import annotations

import pytest

from marsad.article import Article, Block, Provenance
from marsad.text.structure import StructureComponent, blocks

DUMP = (
    "وزير الخارجية يصل إلى الرباط في زيارة رسمية\n"
    "\n"
    "أخبار عربية\n"
    "\n"
    "الوزير في المطار\n"
    "الوزير في المطار\n"
    "\u00a0\n"
    "وصل وزير الخارجية إلى الرباط مساء أمس في زيارة تستمر يومين، يلتقي خلالها كبار المسؤولين.\n"
    "\n"
    "ملفات الزيارة\n"
    "\n"
    "وتتناول المحادثات التعاون الاقتصادي والأوضاع في المنطقة، بحسب بيان الوزارة.\n"
    "\u200f\n"
    "بقلم: سلمى الحربي\n"
)


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    art = Article("", text)
    return [(b.kind, art.surface(b.start, b.end), b.ref) for b in blocks(art)]


def test_structure_dump() -> None:
    assert kinds(DUMP) == [
        ("headline", "وزير الخارجية يصل إلى الرباط في زيارة رسمية", None),
        ("section", "أخبار عربية", None),
        ("caption", "الوزير في المطار", None),
        ("caption", "الوزير في المطار", "b3"),
        ("paragraph", "وصل وزير الخارجية إلى الرباط مساء أمس في زيارة تستمر يومين، يلتقي خلالها كبار المسؤولين.", None),
        ("subheading", "ملفات الزيارة", None),
        ("paragraph", "وتتناول المحادثات التعاون الاقتصادي والأوضاع في المنطقة، بحسب بيان الوزارة.", None),
        ("byline", "بقلم: سلمى الحربي", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long first line is a paragraph, not a headline
        (
            " ".join(["كلمة"] * 40) + ".\n\nفقرة ثانية.",
            ["paragraph", "paragraph"],
        ),
        # the line after the headline with final punctuation is no section
        ("العنوان\n\nجملة قصيرة.\n", ["headline", "paragraph"]),
        # a short line with no paragraph after it is not a sub-heading
        ("العنوان\n\nفقرة أولى طويلة بما يكفي لتكون فقرة.\n\nالمصدر وكالات", ["headline", "paragraph", "paragraph"]),
        # a line ending with a comma goes on: no heading
        ("العنوان\n\nوقال المسؤول،\nإن الاجتماع ناجح.", ["headline", "paragraph", "paragraph"]),
        # a line that starts with «صورة» is a caption
        (
            "العنوان\n\nفقرة أولى.\n\nصورة أرشيفية للميناء\n\nفقرة ثانية.",
            ["headline", "paragraph", "caption", "paragraph"],
        ),
        # title + blank line + content: the JSON lines shape
        ("عنوان الخبر\n\n نص الخبر الطويل هنا. وجملة ثانية.", ["headline", "paragraph"]),
        # «name – place» lines are bylines, not sections or sub-headings
        ("العنوان\n\nسلمى الحربي – الرياض\n\nفقرة أولى طويلة.", ["headline", "byline", "paragraph"]),
        # short verse lines in a row are no sub-headings
        (
            "العنوان\n\nفقرة أولى.\n\nيا ليل طل\nفالفجر بعيد\nوالنجم ساهر\n\nفقرة ثانية.",
            ["headline", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"],
        ),
        # repeated separators and list items are no captions
        ("العنوان\n\nفقرة.\n\n***\n\nفقرة.\n\n***", ["headline", "paragraph", "paragraph", "paragraph", "paragraph"]),
        (
            "العنوان\n\n* بند أول\n\nفقرة.\n\n* بند أول\n\nفقرة.",
            ["headline", "subheading", "paragraph", "subheading", "paragraph"],
        ),
        # a repeated finished sentence far from its repeat is no caption
        (
            "العنوان\n\nحفظ الله البلاد.\n\nفقرة.\n\nحفظ الله البلاد.",
            ["headline", "paragraph", "paragraph", "paragraph"],
        ),
        # CRLF line ends and bidi marks on blank lines
        ("العنوان\r\n\u200f\r\nفقرة.\r\n", ["headline", "paragraph"]),
    ],
)
def test_structure_kinds(text: str, expected: list[str]) -> None:
    assert [k for k, _, _ in kinds(text)] == expected


def test_structure_spans_are_trimmed_lines() -> None:
    text = "  العنوان  \n\n\u00a0وقال المتحدث إن الوضع هادئ.\u00a0\n"
    art = Article("", text)
    got = [(b.start, b.end) for b in blocks(art)]
    assert [text[s:e] for s, e in got] == ["العنوان", "وقال المتحدث إن الوضع هادئ."]


def test_structure_blank_text_gives_no_blocks() -> None:
    assert blocks(Article("", " \n\u00a0\n\u200f")) == []


def test_structure_component_keeps_a_given_layer() -> None:
    art = Article("", "عنوان\n\nفقرة.")
    given = [Block("b1", 0, 5, "headline", Provenance("structure", "html"))]
    art.structure = given
    StructureComponent()(art)
    assert art.structure is given


def test_structure_ids_and_provenance() -> None:
    art = Article("x1", DUMP)
    StructureComponent()(art)
    assert art.structure is not None
    assert [b.id for b in art.structure] == [f"b{i}" for i in range(1, len(art.structure) + 1)]
    assert all(b.prov.component == "structure" and b.prov.article_id == "x1" for b in art.structure)
    assert all(b.prov.text_sha256 == art.sha256 for b in art.structure)
