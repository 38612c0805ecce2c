"""HTML pages: trafilatura body and metadata, our own captions, a pre-assigned structure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.article import Article
from marsad.errors import MalformedHTMLError
from marsad.ingest.readers import article_from_html, read_bytes, read_path
from marsad.pipeline import Pipeline

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>افتتاح جسر جديد فوق النهر | جريدة المثال</title>
<meta property="og:title" content="افتتاح جسر جديد فوق النهر">
<meta property="article:published_time" content="2021-06-14T09:30:00+03:00">
<meta property="article:section" content="محليات">
<meta name="author" content="مراد الكاتب">
<link rel="canonical" href="https://example.com/news/bridge">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/local">محليات</a></nav>
<article>
<h1>افتتاح جسر جديد فوق النهر</h1>
<figure><img src="b.jpg" alt="صورة الجسر"><figcaption>الجسر الجديد عند الافتتاح</figcaption></figure>
<p>افتتح رئيس البلدية صباح اليوم جسرا جديدا يربط ضفتي النهر، بعد أعمال استمرت ثلاث سنوات.</p>
<h2>تخفيف الزحام</h2>
<p>وقال رئيس البلدية إن الجسر سيخفف الزحام في وسط المدينة. وأضاف أن مشاريع أخرى ستعلن قريبا.</p>
<figure><img src="c.jpg"><figcaption>الجسر الجديد عند الافتتاح</figcaption></figure>
<p>وحضر الافتتاح عدد من المسؤولين والسكان الذين عبروا عن ارتياحهم للمشروع الجديد.</p>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


@pytest.fixture(scope="module")
def page() -> Article:
    return article_from_html(PAGE.encode("utf-8"), name="page.html")


def test_readers_html_metadata(page: Article) -> None:
    m = page.meta
    assert m.format == "html"
    assert m.title == "افتتاح جسر جديد فوق النهر"
    assert m.published == date(2021, 6, 14)
    assert m.section == "محليات"
    assert m.author == "مراد الكاتب"
    assert m.url == "https://example.com/news/bridge"
    assert m.extra["encoding"] == "utf-8"


def test_readers_html_structure(page: Article) -> None:
    assert page.structure is not None
    got = [(b.kind, page.surface(b.start, b.end), b.ref) for b in page.structure]
    assert got == [
        ("headline", "افتتاح جسر جديد فوق النهر", None),
        ("section", "محليات", None),
        ("caption", "الجسر الجديد عند الافتتاح", None),
        ("caption", "الجسر الجديد عند الافتتاح", "b3"),
        ("paragraph", "افتتح رئيس البلدية صباح اليوم جسرا جديدا يربط ضفتي النهر، بعد أعمال استمرت ثلاث سنوات.", None),
        ("subheading", "تخفيف الزحام", None),
        (
            "paragraph",
            "وقال رئيس البلدية إن الجسر سيخفف الزحام في وسط المدينة. وأضاف أن مشاريع أخرى ستعلن قريبا.",
            None,
        ),
        ("paragraph", "وحضر الافتتاح عدد من المسؤولين والسكان الذين عبروا عن ارتياحهم للمشروع الجديد.", None),
    ]
    assert "الحقوق" not in page.text and "الرئيسية" not in page.text
    assert all(b.prov.component == "structure" for b in page.structure)


def test_readers_html_pipeline_keeps_structure(page: Article) -> None:
    before = list(page.structure or [])
    Pipeline.from_names(["structure", "sentences"])(page)
    assert page.structure == before
    assert page.sentences is not None
    assert [page.surface(s.start, s.end) for s in page.sentences if s.block == "b7"] == [
        "وقال رئيس البلدية إن الجسر سيخفف الزحام في وسط المدينة.",
        "وأضاف أن مشاريع أخرى ستعلن قريبا.",
    ]


def test_readers_html_time_element_date() -> None:
    html = (
        "<html><body><article><h1>عنوان التقرير هنا</h1><time datetime='2019-02-03'>٣ فبراير</time>"
        "<p>هذه فقرة طويلة بما يكفي كي يعدها المستخرج نص المقال الأساسي في هذه الصفحة التجريبية.</p>"
        "<p>وهذه فقرة ثانية تضيف تفاصيل أخرى عن الخبر حتى يكتمل نص المقال في الصفحة.</p>"
        "</article></body></html>"
    )
    art = article_from_html(html)
    assert art.meta.published == date(2019, 2, 3)


def test_readers_html_without_date_has_none() -> None:
    html = (
        "<html><body><article><h1>عنوان</h1>"
        "<p>هذه فقرة طويلة بما يكفي كي يعدها المستخرج نص المقال الأساسي في هذه الصفحة التجريبية.</p>"
        "</article></body></html>"
    )
    assert article_from_html(html).meta.published is None


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>فارغ</title></head><body></body></html>",
        "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
        "<<<>>>",
    ],
)
def test_readers_html_without_text(html: str) -> None:
    with pytest.raises(MalformedHTMLError) as info:
        article_from_html(html, name="bad.html")
    assert info.value.code == "E105"
    assert info.value.message == "bad.html: no article text could be extracted from the HTML"


def test_readers_html_file_and_bytes(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    p.write_bytes(PAGE.encode("windows-1256", errors="strict"))
    (art,) = list(read_path(p))
    assert isinstance(art, Article)
    assert art.meta.extra["encoding"] == "windows-1256"
    assert art.meta.title == "افتتاح جسر جديد فوق النهر"
    (art2,) = list(read_bytes(PAGE.encode(), "-", kind="html"))
    assert isinstance(art2, Article) and art2.text == art.text


def test_readers_html_bad_single_file_raises(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><body></body></html>", encoding="utf-8")
    with pytest.raises(MalformedHTMLError):
        list(read_path(p))


def test_readers_html_keeps_callers_meta() -> None:
    from marsad.article import Meta

    meta = Meta(url="https://example.com/x", format="warc", published=date(2020, 1, 2))
    art = article_from_html(PAGE, meta=meta)
    assert art.meta is meta
    assert (art.meta.format, art.meta.url, art.meta.published) == ("warc", "https://example.com/x", date(2020, 1, 2))
    assert art.meta.title == "افتتاح جسر جديد فوق النهر"  # empty fields are filled from the page
