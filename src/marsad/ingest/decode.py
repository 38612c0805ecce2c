"""Bytes to text: size limits, binary sniffing and encoding detection for Arabic input.

Detection order:

1. known magic bytes (PNG, PDF, ZIP, gzip ...) → ``BinaryInputError`` naming the format;
2. byte-order marks: UTF-8, UTF-16 LE/BE;
3. BOM-less UTF-16 recognised by its NUL / 0x06 pattern (ASCII and Arabic code units);
4. NUL bytes or many control characters anywhere else → ``BinaryInputError``;
5. strict UTF-8; text that is UTF-8 but for a few damaged bytes → ``EncodingError`` (never
   decoded as a single-byte encoding, which would store mojibake);
6. windows-1256 and ISO-8859-6: both share the Arabic letters up to ض (0xD6) and diverge
   after it, so each candidate decoding is scored by how plausible its Arabic words are
   (the article ``ال`` and common letters, against Latin letters glued to Arabic ones)
   and the better one wins; when neither looks like Arabic → ``EncodingError``.

Every error carries the input's name so a batch can report which file failed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from marsad.errors import BinaryInputError, EmptyInputError, EncodingError, InputNotFoundError, InputTooLargeError

# Magic prefixes of formats people feed to a text tool by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)

_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B}
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a]")
_LATIN_IN_ARABIC = re.compile("[\u0621-\u064a][\u00c0-\u00ff]|[\u00c0-\u00ff][\u0621-\u064a]")
_WORD = re.compile(r"[^\W\d_]+")
_AL_WORD = re.compile(r"(?<![^\W\d_])ال[\u0621-\u064a]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded text and the encoding it was read with.

    Attributes:
        text: The decoded text (a BOM is dropped).
        encoding: Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16-le``,
            ``utf-16-be``, ``windows-1256`` or ``iso-8859-6``.
    """

    text: str
    encoding: str


def check_size(size: int, limit: int, name: str) -> None:
    """Refuse an input larger than ``limit`` bytes.

    Raises:
        InputTooLargeError: ``size`` exceeds ``limit``.
    """
    if size > limit:
        raise InputTooLargeError(
            f"{name}: input is {size:,} bytes, over the limit of {limit:,} bytes (setting input.max_bytes)"
        )


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """Read a whole file after checking its size with ``stat`` (nothing is read when too large).

    Raises:
        InputNotFoundError: The path does not exist or is not a regular file.
        InputTooLargeError: The file is larger than ``limit`` bytes.
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise InputNotFoundError(f"{p}: no such file") from exc
    if not p.is_file():
        raise InputNotFoundError(f"{p}: not a regular file")
    check_size(st.st_size, limit, str(p))
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat
    except OSError as exc:
        raise InputNotFoundError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    check_size(len(data), limit, str(p))
    return data


def read_stream(stream: BinaryIO, limit: int, name: str = "-") -> bytes:
    """Read at most ``limit + 1`` bytes of a stream and refuse it if that much came.

    Raises:
        InputTooLargeError: The stream holds more than ``limit`` bytes.
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"{name}: input is over the limit of {limit:,} bytes (setting input.max_bytes)")
    return data


def sniff_magic(data: bytes) -> str | None:
    """The name of a known binary format whose magic bytes start ``data``, else None."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:64]:
                continue  # "MZ" alone is too weak a sign: real executables have NULs in their header
            return what
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the high bytes of the code units look like UTF-16 text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        # ASCII (0x00), Arabic (0x06), general punctuation (0x20) and presentation forms (0xFB-0xFE)
        plausible = sum(high.count(b) for b in (b"\x00", b"\x06", b"\x20", b"\xfb", b"\xfc", b"\xfd", b"\xfe"))
        if high.count(b"\x00") + high.count(b"\x06") and plausible >= 0.95 * len(high) and low.count(b"\x00") == 0:
            return codec
    return None


def _plausibility(text: str) -> float:
    """How much ``text`` looks like Arabic prose (higher is better)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    arabic_words = sum(1 for w in words if _ARABIC_LETTER.fullmatch(w[0]))
    al = len(_AL_WORD.findall(text))
    mixed = len(_LATIN_IN_ARABIC.findall(text))
    odd = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    return arabic_words + 2.0 * al - 5.0 * mixed - 5.0 * odd


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


def decode_bytes(data: bytes, name: str = "-") -> Decoded:
    """Decode input bytes to text, detecting the encoding.

    Raises:
        EmptyInputError: The input is empty or only whitespace.
        BinaryInputError: The input is a known binary format or holds NUL/control bytes.
        EncodingError: No supported encoding gives plausible text.
    """
    if not data:
        raise EmptyInputError(f"{name}: input is empty")
    what = sniff_magic(data)
    if what:
        raise BinaryInputError(f"{name}: input is binary ({what}), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        decoded = _strict(data[3:], "utf-8", name)
        return _checked(decoded, "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return _checked(_strict(data[2:], codec, name), codec, name)
    codec16 = _utf16_without_bom(data)
    if codec16:
        try:
            return _checked(data.decode(codec16), codec16, name)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryInputError(f"{name}: input is binary (it contains NUL bytes), not text")
    controls = sum(1 for b in data[:65536] if b in _CONTROL_BYTES)
    if controls > max(2, len(data[:65536]) // 200):
        raise BinaryInputError(f"{name}: input is binary ({controls} control characters), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc, name)
    return _checked(*_guess_single_byte(data, name), name)


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> None:
    """Refuse UTF-8 with a few damaged bytes instead of "detecting" it as a single-byte encoding.

    Arabic in windows-1256 or ISO-8859-6 is almost never valid UTF-8, so text whose non-ASCII
    characters are nearly all valid UTF-8 is UTF-8 that was damaged (a flipped or lost byte);
    decoded as windows-1256 it would be stored as mojibake (``ط§ظ„``).

    Raises:
        EncodingError: The input is UTF-8 with invalid byte sequences.
    """
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ch > "\x7f" and ch != "\ufffd")
    if good >= 10 * bad:
        raise EncodingError(
            f"{name}: damaged UTF-8: {bad} invalid byte sequence(s), the first at byte {exc.start} "
            f"({exc.reason}); the rest is UTF-8, so it is not read as windows-1256"
        ) from exc


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{name}: invalid {codec} at byte {exc.start}: {exc.reason}") from exc


def _guess_single_byte(data: bytes, name: str) -> tuple[str, str]:
    candidates: list[tuple[float, str, str]] = []
    for codec in ("windows-1256", "iso-8859-6"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), codec, text))
    candidates.sort(key=lambda c: -c[0])
    if candidates and _arabic_share(candidates[0][2]) >= 0.5:
        return candidates[0][2], candidates[0][1]
    raise EncodingError(f"{name}: cannot decode the input: it is not UTF-8, UTF-16, windows-1256 or ISO-8859-6 Arabic")


def _checked(text: str, encoding: str, name: str) -> Decoded:
    if not text.strip():
        raise EmptyInputError(f"{name}: input contains only whitespace")
    return Decoded(text, encoding)
