"""Files and directories: single bad inputs raise, batch items fail alone."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article
from marsad.errors import (
    BinaryInputError,
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    InvalidDateError,
    UsageError,
)
from marsad.ingest.readers import (
    ReadFailure,
    article_from_text,
    kind_of,
    parse_published,
    read_bytes,
    read_path,
    read_stream,
)
from marsad.settings import Settings

TEXT = "عنوان الخبر\n\nوقع الحادث صباح اليوم. ولم تسجل إصابات.\n"


def test_readers_text_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("windows-1256"))
    (art,) = list(read_path(p))
    assert isinstance(art, Article)
    assert art.text == TEXT
    assert art.meta.format == "text"
    assert art.meta.extra == {"encoding": "windows-1256", "path": str(p)}
    assert art.meta.published is None  # never from the clock


@pytest.mark.parametrize(
    ("data", "exc", "code"),
    [
        (b"", EmptyInputError, "E101"),
        (b"   \n", EmptyInputError, "E101"),
        (b"%PDF-1.4 ...", BinaryInputError, "E102"),
    ],
)
def test_readers_single_bad_file_raises(tmp_path: Path, data: bytes, exc: type[Exception], code: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(exc) as info:
        list(read_path(p))
    assert getattr(info.value, "code") == code  # noqa: B009
    assert getattr(info.value, "message").startswith(f"{p}: ")  # noqa: B009


def test_readers_single_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50_000_000)
    with pytest.raises(InputTooLargeError) as info:
        read_path(p)
    assert info.value.message == (
        f"{p}: input is 50,000,000 bytes, over the limit of 10,000,000 bytes (setting input.max_bytes)"
    )


def test_readers_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read_path(tmp_path / "none")
    assert info.value.message == f"{tmp_path / 'none'}: no such file or directory"


def test_readers_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        read_path(tmp_path, kind="pdf")
    assert info.value.message == "unknown input kind 'pdf'; expected one of auto, text, html, jsonl"


def test_readers_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "sub" / "c.jsonl").write_text('{"content": "نص."}\n{oops\n', encoding="utf-8")
    (tmp_path / "sub" / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / ".hidden" / "e.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".f.txt").write_text(TEXT, encoding="utf-8")
    items = list(read_path(tmp_path, settings=Settings()))
    got = [(type(i).__name__, i.code if isinstance(i, ReadFailure) else i.meta.format) for i in items]
    assert got == [
        ("Article", "text"),
        ("ReadFailure", "E101"),
        ("Article", "jsonl"),
        ("ReadFailure", "E106"),
        ("ReadFailure", "E102"),
    ]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    assert [f.source for f in fails] == [
        str(tmp_path / "b.txt"),
        f"{tmp_path / 'sub' / 'c.jsonl'}:2",
        str(tmp_path / "sub" / "d.png"),
    ]
    assert fails[2].message == f"{tmp_path / 'sub' / 'd.png'}: input is binary (PNG image), not text"


def test_readers_directory_too_large_file_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT * 100, encoding="utf-8")
    items = list(read_path(tmp_path, settings=Settings(max_input_bytes=1000)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], ReadFailure) and items[1].code == "E104"


def test_readers_published_override(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    (art,) = list(read_path(p, published=date(2017, 11, 21)))
    assert isinstance(art, Article) and art.meta.published == date(2017, 11, 21)


@pytest.mark.parametrize("value", ["2017-11-21", " 2017-11-21 "])
def test_readers_parse_published(value: str) -> None:
    assert parse_published(value) == date(2017, 11, 21)


@pytest.mark.parametrize("value", ["21/11/2017", "2017-13-01", "20171121", "amanha", "2017-02-30", ""])
def test_readers_parse_published_rejects(value: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        parse_published(value)
    assert info.value.code == "E109"
    assert info.value.message == f"invalid publication date {value!r}: expected YYYY-MM-DD"


def test_readers_article_from_text() -> None:
    art = article_from_text(TEXT)
    assert art.text == TEXT and art.id.startswith("a-")
    with pytest.raises(EmptyInputError) as info:
        article_from_text(" \n")
    assert info.value.message == "input contains only whitespace"


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.txt", b"{", "text"),
        ("a.HTML", b"", "html"),
        ("a.ndjson", b"", "jsonl"),
        ("-", b'  {"content": 1}', "jsonl"),
        ("-", b"<!DOCTYPE html><html>", "html"),
        ("-", b"\xef\xbb\xbf<html>", "html"),
        ("-", "خبر".encode(), "text"),
        ("noext", b"<p>x</p>", "html"),
    ],
)
def test_readers_kind_of(name: str, head: bytes, kind: str) -> None:
    assert kind_of(name, head) == kind


def test_readers_read_bytes_and_stream_text() -> None:
    (art,) = list(read_bytes(TEXT.encode("utf-16"), "x.txt"))
    assert isinstance(art, Article) and art.text == TEXT
    (art2,) = list(read_stream(io.BytesIO(TEXT.encode()), "-"))
    assert isinstance(art2, Article) and art2.text == TEXT


def test_readers_stream_over_limit() -> None:
    with pytest.raises(InputTooLargeError) as info:
        read_stream(io.BytesIO(b"x" * 5000), "-", settings=Settings(max_input_bytes=1000))
    assert info.value.message == "-: input is over the limit of 1,000 bytes (setting input.max_bytes)"
    with pytest.raises(InputTooLargeError):
        read_bytes(b"x" * 5000, "a.txt", settings=Settings(max_input_bytes=1000))
