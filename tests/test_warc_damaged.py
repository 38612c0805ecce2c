"""Damaged WARC files: every cut or corrupt record is an E110 of its own, the good records are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.article import Article
from marsad.errors import MalformedWARCError
from marsad.ingest.readers import ReadFailure
from marsad.ingest.warc import read_warc
from warc_util import HEADLINES, member_ends, write_warc


def _read(path: Path) -> tuple[list[Article], list[ReadFailure]]:
    values = list(read_warc(path))
    return [v for v in values if isinstance(v, Article)], [v for v in values if isinstance(v, ReadFailure)]


def _cut(tmp_path: Path, name: str, keep: int) -> tuple[Path, bytes]:
    full = tmp_path / f"full-{name}"
    write_warc(full)
    data = full.read_bytes()
    out = tmp_path / name
    out.write_bytes(data[: keep if keep >= 0 else len(data) + keep])
    return out, data


def _assert_good(arts: list[Article], n: int) -> None:
    assert [a.meta.title for a in arts] == list(HEADLINES[:n])
    for a in arts:  # never a page decoded from a cut UTF-8 stream as windows-1256
        assert a.meta.extra.get("encoding") == "utf-8"
        assert "ط§ظ„" not in a.text


@pytest.mark.parametrize("where", ["payload", "header", "trailer"])
def test_warc_damaged_gz_cut_in_the_third_record(tmp_path: Path, where: str) -> None:
    full = tmp_path / "full.warc.gz"
    write_warc(full)
    data = full.read_bytes()
    ends = member_ends(data)
    start = ends[1]
    keep = {"payload": (start + ends[2]) // 2, "header": start + 30, "trailer": ends[2] - 1}[where]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:keep])
    arts, fails = _read(path)
    _assert_good(arts, 2)
    assert [(f.code, f.source) for f in fails] == [("E110", f"{path}#3")]
    assert fails[0].message == (
        f"{path}#3: record at byte {start:,} is unreadable: the gzip member is cut off (the file ends inside it); "
        "the 2 record(s) before it were read"
    )


def test_warc_damaged_gz_corrupt_member_is_skipped_and_reading_resumes(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    write_warc(full)
    data = bytearray(full.read_bytes())
    ends = member_ends(bytes(data))
    mid = (ends[0] + ends[1]) // 2
    data[mid : mid + 8] = b"\x00\xff" * 4
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    arts, fails = _read(path)
    assert [a.meta.title for a in arts] == [HEADLINES[0], HEADLINES[2]]
    assert [(f.code, f.source) for f in fails] == [("E110", f"{path}#2")]
    assert "the gzip data is damaged" in fails[0].message


@pytest.mark.parametrize("cut", [-70, -1500])
def test_warc_damaged_plain_cut_in_the_last_payload(tmp_path: Path, cut: int) -> None:
    path, _ = _cut(tmp_path, "cut.warc", cut)
    arts, fails = _read(path)
    _assert_good(arts, 2)
    assert [(f.code, f.source) for f in fails] == [("E110", f"{path}#3")]
    assert fails[0].message.startswith(f"{path}#3: record is cut off: ")
    assert fails[0].message.endswith(" bytes are missing (the file ends inside it)")


def test_warc_damaged_plain_cut_in_a_record_header(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    starts = write_warc(full)
    path = tmp_path / "cut.warc"
    path.write_bytes(full.read_bytes()[: starts[2] + 40])
    arts, fails = _read(path)
    _assert_good(arts, 2)
    assert [(f.code, f.source) for f in fails] == [("E110", f"{path}#3")]


def test_warc_damaged_100_bytes_of_a_gz_is_a_cut_record_not_a_non_warc(tmp_path: Path) -> None:
    path, _ = _cut(tmp_path, "tiny.warc.gz", 100)
    arts, fails = _read(path)
    assert arts == []
    assert [(f.code, f.source) for f in fails] == [("E110", f"{path}#1")]
    assert "the gzip member is cut off" in fails[0].message
    assert "not a WARC file" not in fails[0].message


def test_warc_damaged_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    path.write_bytes(b"\x1f\x8b" + b"not gzip data at all" * 5)
    with pytest.raises(MalformedWARCError, match="not a WARC file"):
        read_warc(path)
