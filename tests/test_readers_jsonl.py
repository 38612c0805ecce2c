"""JSON lines: streamed record by record; a bad line is a ReadFailure with its line number."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article
from marsad.errors import EmptyInputError, MissingFieldError
from marsad.ingest.readers import FieldMapping, ReadFailure, article_from_record, read_bytes, read_path, read_stream
from marsad.settings import Settings

REC = {
    "id": "n-1",
    "source": "example",
    "url": "https://example.sa/1",
    "date_extracted": "2015-07-21 13:04:32",
    "title": "افتتاح معرض الكتاب في الرياض",
    "author": "سعاد",
    "content": " افتتح المعرض أبوابه صباح اليوم. وشارك فيه ناشرون من عشرين دولة.",
}


def lines(*records: object) -> bytes:
    out = [r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() for r in records]
    return b"".join(r + b"\n" for r in out)


def test_readers_record_text_is_title_blank_line_content() -> None:
    art = article_from_record(REC, FieldMapping(), "f.jsonl:1")
    assert art.text == REC["title"] + "\n\n" + REC["content"]
    assert art.id == "n-1"
    m = art.meta
    assert (m.title, m.url, m.source, m.author, m.format) == (
        REC["title"], REC["url"], "example", "سعاد", "jsonl"
    )
    assert m.published == date(2015, 7, 21)
    assert m.extra == {"record": "f.jsonl:1"}


def test_readers_record_without_title_is_content_only() -> None:
    art = article_from_record({"text": "نص فقط."}, FieldMapping(), "f:1")
    assert art.text == "نص فقط."
    assert art.meta.title is None


def test_readers_record_missing_content() -> None:
    with pytest.raises(MissingFieldError) as info:
        article_from_record({"title": "عنوان", "content": "  "}, FieldMapping(), "f.jsonl:4")
    assert info.value.code == "E107"
    assert info.value.message == "f.jsonl:4: record has no content field (tried content, text, body)"


def test_readers_record_bad_date_is_kept_raw() -> None:
    art = article_from_record({"content": "نص.", "date": "أمس"}, FieldMapping(), "f:1")
    assert art.meta.published is None
    assert art.meta.extra["date_raw"] == "أمس"


def test_readers_jsonl_batch_goes_on_after_bad_lines() -> None:
    data = lines(REC, b"{not json", b"", b"[1, 2]", {"title": "بلا محتوى"}, {**REC, "id": "n-2"})
    items = list(read_bytes(data, "feed.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "ReadFailure", "ReadFailure", "Article"]
    f1, f2, f3 = (i for i in items if isinstance(i, ReadFailure))
    assert (f1.source, f1.code) == ("feed.jsonl:2", "E106")
    assert f1.message == "feed.jsonl:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)"
    assert (f2.source, f2.code) == ("feed.jsonl:4", "E106")
    assert f2.message == "feed.jsonl:4: invalid JSON: expected an object, got list"
    assert (f3.source, f3.code) == ("feed.jsonl:5", "E107")
    assert isinstance(items[-1], Article) and items[-1].meta.extra["record"] == "feed.jsonl:6"


def test_readers_jsonl_invalid_utf8_line() -> None:
    data = lines(REC) + b'{"content": "\xff\xfe"}\n'
    items = list(read_bytes(data, "f.jsonl"))
    assert isinstance(items[1], ReadFailure)
    assert items[1].code == "E103"
    assert items[1].message.startswith("f.jsonl:2: invalid UTF-8 at byte")


def test_readers_jsonl_record_over_limit_is_skipped() -> None:
    big = {"content": "ب" * 2000}
    data = lines(REC, big, REC)
    items = list(read_bytes(data, "f.jsonl", settings=Settings(max_input_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]
    fail = items[1]
    assert isinstance(fail, ReadFailure)
    assert fail.code == "E104"
    size = len(lines(big))
    limit = "over the limit of 1,000 bytes (setting input.max_bytes)"
    assert fail.message == f"f.jsonl:2: record is {size:,} bytes, {limit}"


def test_readers_jsonl_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError) as info:
        list(read_bytes(b"\n\n", "f.jsonl"))
    assert info.value.message == "f.jsonl: input contains only whitespace"
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    (fail,) = list(read_path(p))
    assert isinstance(fail, ReadFailure)
    assert (fail.code, fail.message) == ("E101", f"{p}: input is empty")


def test_readers_jsonl_bom_mapping_and_published() -> None:
    data = b"\xef\xbb\xbf" + lines({"headline": "عنوان", "body": "نص.", "link": "u"})
    mapping = FieldMapping.parse(["title=headline", "content=body"])
    (art,) = list(read_bytes(data, "x.jsonl", mapping=mapping, published=date(2020, 5, 1)))
    assert isinstance(art, Article)
    assert art.text == "عنوان\n\nنص."
    assert art.meta.url == "u"
    assert art.meta.published == date(2020, 5, 1)


def test_readers_jsonl_reads_processed_articles_back() -> None:
    art = Article("k", "نص محفوظ.")
    (back,) = list(read_bytes(lines(art.to_dict()), "x.jsonl"))
    assert back == art


def test_readers_jsonl_auto_kind_from_content() -> None:
    (art,) = list(read_bytes(lines(REC), "-"))
    assert isinstance(art, Article) and art.meta.format == "jsonl"


def test_readers_jsonl_stream_from_stdin_like_stream() -> None:
    data = lines(REC, b"oops", {**REC, "id": "n-3"})
    items = list(read_stream(io.BytesIO(data), "-"))
    assert [i.id if isinstance(i, Article) else i.source for i in items] == ["n-1", "-:2", "n-3"]


def test_readers_jsonl_large_file_is_streamed(tmp_path: Path) -> None:
    rec = json.dumps({"title": "عنوان", "content": "كلمة " * 10_000}, ensure_ascii=False).encode() + b"\n"
    path = tmp_path / "big.jsonl"
    n = 50_000_000 // len(rec) + 1
    with path.open("wb") as fh:
        for _ in range(n):
            fh.write(rec)
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    count = 0
    for item in read_path(path, settings=Settings(max_input_bytes=200_000)):
        assert isinstance(item, Article)
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == n
    assert peak < 5_000_000  # a few records at a time, never the file


@pytest.mark.parametrize("spec", ["content", "colour=x", "title="])
def test_readers_field_mapping_rejects_bad_specs(spec: str) -> None:
    from marsad.errors import UsageError

    with pytest.raises(UsageError) as info:
        FieldMapping.parse([spec])
    assert info.value.message.startswith(f"invalid field mapping {spec!r}: expected PART=FIELD[,FIELD...]")
