"""Encoding detection: UTF-8 (BOM or not), UTF-16 (BOM or not), windows-1256, ISO-8859-6."""

from __future__ import annotations

import pytest

from marsad.ingest.decode import decode_bytes

TEXT = "أعلن المتحدث باسم الحكومة أن الاجتماع سيعقد يوم الخميس المقبل في العاصمة.\nوقال إن الوفود وصلت."
SHORT = "قال الوزير"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("windows-1256"), "windows-1256"),
        (TEXT.encode("iso-8859-6"), "iso-8859-6"),
        (SHORT.encode("windows-1256"), "windows-1256"),
        (SHORT.encode("iso-8859-6"), "iso-8859-6"),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "x.txt")
    assert decoded.encoding == encoding
    expected = SHORT if len(data) < 40 else TEXT
    assert decoded.text == expected


def test_decode_cp1256_only_letters() -> None:
    # letters past ض (0xD6) are where the two code pages part
    text = "ظل الطقس غائما في قطر ولبنان وكان هنالك مطر"
    assert decode_bytes(text.encode("windows-1256")).text == text
    assert decode_bytes(text.encode("iso-8859-6")).text == text


def test_decode_keeps_text_untouched() -> None:
    text = "\u00a0 نص\r\nمع  مسافات\tوعلامات\u200f "
    assert decode_bytes(text.encode("utf-8")).text == text


def test_decode_plain_ascii_is_utf8() -> None:
    assert decode_bytes(b"Reuters report").encoding == "utf-8"
