"""Bad input gets the right error code and message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.errors import BinaryInputError, EmptyInputError, EncodingError, InputNotFoundError, InputTooLargeError
from marsad.ingest.decode import check_size, decode_bytes, read_file, read_stream, sniff_magic


@pytest.mark.parametrize(
    ("data", "exc", "code", "message"),
    [
        (b"", EmptyInputError, "E101", "in.txt: input is empty"),
        (b" \n\t\r\n", EmptyInputError, "E101", "in.txt: input contains only whitespace"),
        ("\u00a0\n \u3000".encode(), EmptyInputError, "E101", "in.txt: input contains only whitespace"),
        (b"\xef\xbb\xbf  \n", EmptyInputError, "E101", "in.txt: input contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError, "E102",
         "in.txt: input is binary (PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3", BinaryInputError, "E102", "in.txt: input is binary (PDF document), not text"),
        (
            b"PK\x03\x04\x14\x00\x00\x00",
            BinaryInputError,
            "E102",
            "in.txt: input is binary (ZIP archive (or DOCX/XLSX/EPUB)), not text",
        ),
        (b"\x1f\x8b\x08\x00\x00\x00", BinaryInputError, "E102",
         "in.txt: input is binary (gzip-compressed data), not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", BinaryInputError, "E102", "in.txt: input is binary (JPEG image), not text"),
        (
            "نص عربي".encode() + b"\x00\x01\x02 abc \x00",
            BinaryInputError,
            "E102",
            "in.txt: input is binary (it contains NUL bytes), not text",
        ),
        (
            b"abc\x01\x02\x03\x04\x05def\x06\x07\x08",
            BinaryInputError,
            "E102",
            "in.txt: input is binary (8 control characters), not text",
        ),
        (
            "Café crème brûlée".encode("latin-1"),
            EncodingError,
            "E103",
            "in.txt: cannot decode the input: it is not UTF-8, UTF-16, windows-1256 or ISO-8859-6 Arabic",
        ),
        (
            b"\xef\xbb\xbf\xd9\x82\xff\xfe",
            EncodingError,
            "E103",
            "in.txt: invalid utf-8 at byte 2: invalid start byte",
        ),
    ],
)
def test_decode_errors(data: bytes, exc: type[Exception], code: str, message: str) -> None:
    with pytest.raises(exc) as info:
        decode_bytes(data, "in.txt")
    err = info.value
    assert getattr(err, "code") == code  # noqa: B009
    assert getattr(err, "message") == message  # noqa: B009
    assert str(err) == f"[{code}] {message}"


def test_decode_sniff_magic_none_for_text() -> None:
    assert sniff_magic("خبر عاجل".encode()) is None
    assert sniff_magic(b"MZ is a name") is None


def test_decode_check_size() -> None:
    check_size(10, 10, "a")
    with pytest.raises(InputTooLargeError) as info:
        check_size(11, 10, "a")
    assert info.value.message == "a: input is 11 bytes, over the limit of 10 bytes (setting input.max_bytes)"


def test_decode_read_file_refuses_large_file_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse 50 MB file: stat says how large it is
        fh.truncate(50_000_000)
    with pytest.raises(InputTooLargeError) as info:
        read_file(big, 10_000_000)
    assert info.value.code == "E104"
    assert info.value.message == (
        f"{big}: input is 50,000,000 bytes, over the limit of 10,000,000 bytes (setting input.max_bytes)"
    )


def test_decode_read_file_missing(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read_file(tmp_path / "nope.txt", 100)
    assert info.value.code == "E111"
    assert info.value.message == f"{tmp_path / 'nope.txt'}: no such file"


def test_decode_read_stream_reads_at_most_limit_plus_one() -> None:
    class Counting(io.BytesIO):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            self.asked: list[int] = []

        def read(self, size: int | None = -1) -> bytes:
            self.asked.append(-1 if size is None else size)
            return super().read(size)

    stream = Counting(b"x" * 1000)
    with pytest.raises(InputTooLargeError) as info:
        read_stream(stream, 100, "-")
    assert stream.asked == [101]
    assert info.value.message == "-: input is over the limit of 100 bytes (setting input.max_bytes)"
    assert read_stream(io.BytesIO(b"abc"), 100) == b"abc"
