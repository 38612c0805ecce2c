"""Malformed RSS/Atom feeds are E108 (malformed feed), not E107 (no content); complete items are kept."""

from __future__ import annotations

import pytest

from marsad.article import Article
from marsad.ingest.readers import ReadFailure
from marsad.ingest.rss import parse_feed

ITEMS = (
    ("الحكومة تعلن خطة لدعم المزارعين", "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية."),
    ("افتتاح معرض الكتاب في العاصمة", "افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة مئات دور النشر."),
)


def _rss(items: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة تجريبية</title>'
            f"{items}</channel></rss>").encode()


def _item(title: str, body: str) -> str:
    return f"<item><title>{title}</title><link>https://akhbar.example/{len(title)}</link>" \
           f"<description>{body}</description></item>"


def _split(data: bytes) -> tuple[list[Article], list[ReadFailure]]:
    values = list(parse_feed(data, "feed.xml"))
    return [v for v in values if isinstance(v, Article)], [v for v in values if isinstance(v, ReadFailure)]


GOOD = _rss("".join(_item(t, b) for t, b in ITEMS))


@pytest.mark.parametrize("cut", ["<description>", "</description>", "</item>"])
def test_rss_malformed_cut_off_feed(cut: str) -> None:
    text = GOOD.decode()
    last = text.rindex("<item>")
    keep = text.index(cut, last) + (len(cut) + 10 if cut == "<description>" else 0)
    arts, fails = _split(text[:keep].encode())
    assert [a.meta.title for a in arts] == [ITEMS[0][0]]
    assert [(f.code, f.source) for f in fails] == [("E108", "feed.xml#2")]
    assert fails[0].message.startswith("feed.xml#2: feed item is cut off: the feed is not well-formed XML (line 1, ")
    assert fails[0].message.endswith("no element found)")


def test_rss_malformed_cut_after_a_complete_item_counts_the_feed() -> None:
    text = GOOD.decode()
    keep = text.rindex("</item>") + len("</item>")
    arts, fails = _split(text[:keep].encode())
    assert [a.meta.title for a in arts] == [t for t, _ in ITEMS]
    assert [(f.code, f.source) for f in fails] == [("E108", "feed.xml")]
    assert fails[0].message.startswith("feed.xml: the feed is cut off after 2 complete item(s): ")


def test_rss_malformed_broken_markup_in_an_item() -> None:
    data = _rss(_item(*ITEMS[0]) + f"<item><title>{ITEMS[1][0]}</title><description>{ITEMS[1][1]}</descr></item>")
    arts, fails = _split(data)
    assert [a.meta.title for a in arts] == [ITEMS[0][0]]
    assert [f.code for f in fails] == ["E108"]
    assert fails[0].message.startswith("feed.xml#2: ")


def test_rss_malformed_atom_cut_off() -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            f"<entry><title>{ITEMS[0][0]}</title><summary>{ITEMS[0][1]}").encode()
    arts, fails = _split(data)
    assert arts == []
    assert [(f.code, f.source) for f in fails] == [("E108", "feed.xml#1")]


def test_rss_malformed_html_entities_are_not_a_failure() -> None:
    data = _rss(_item(ITEMS[0][0] + "&nbsp;", ITEMS[0][1] + " &eacute;"))
    arts, fails = _split(data)
    assert fails == [] and len(arts) == 1


def test_rss_malformed_well_formed_item_without_text_stays_e107() -> None:
    data = _rss(f"<item><title>{ITEMS[0][0]}</title><link>https://akhbar.example/x</link></item>")
    _arts, fails = _split(data)
    assert [(f.code, f.message) for f in fails] == [("E107", "feed.xml#1: feed item has no content or summary")]
