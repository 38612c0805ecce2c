"""WARC files written for the tests: HTML response records of our own Arabic pages."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HEADLINES = (
    "وزير الخارجية يستقبل نظيره في العاصمة",
    "مجلس الوزراء يقر موازنة العام المقبل",
    "الأمطار الغزيرة تغلق الطرق في المدينة",
)


def page(i: int) -> bytes:
    """An HTML page of ours, long enough that a cut lands inside it."""
    paras = "".join(
        f"<p>قال المتحدث باسم الوزارة إن الجولة رقم {i} من المحادثات كانت مثمرة، وإن اللقاء رقم {j} سيعقد قريبا.</p>"
        for j in range(20)
    )
    return (f'<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>{HEADLINES[i]}</title></head>'
            f"<body><article><h1>{HEADLINES[i]}</h1>{paras}</article></body></html>").encode()


def write_warc(path: Path, n: int = 3) -> list[int]:
    """Write ``n`` HTML response records (gzip when the name ends in .gz); the byte offset where each starts."""
    starts: list[int] = []
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.suffix == ".gz")
        for i in range(n):
            starts.append(fh.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://akhbar.example/news/{i}", "response",
                                       payload=io.BytesIO(page(i)), http_headers=headers)
            w.write_record(rec)
    return starts


def member_ends(data: bytes) -> list[int]:
    """End offsets of the gzip members of a .warc.gz."""
    ends, i = [], 0
    while i < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[i:])
        i = len(data) - len(d.unused_data)
        ends.append(i)
    return ends
