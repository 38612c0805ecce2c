"""Exact and near duplicates: normalised-text hash, MinHash/LSH over word shingles."""

from __future__ import annotations

from pathlib import Path

import pytest

import store_corpus as corpus
from marsad.article import Article, Meta
from marsad.store import dedup, writer
from marsad.store.db import Store


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("التقى الوزير نظيره", "اِلْتَقَى الوزيـــر نظيرَه"),  # diacritics and tatweel
        ("زيارة إلى القاهرة", "زيارة الى القاهرة"),  # hamza on alef
        ("مؤتمر   في\nالرياض", "مؤتمر في الرياض"),  # spacing
        ("عام ٢٠١٧", "عام 2017"),  # Arabic-Indic digits
    ],
)
def test_dedup_near_exact_hash_ignores_surface_variation(a: str, b: str) -> None:
    assert dedup.norm_sha256(a) == dedup.norm_sha256(b)


def test_dedup_near_exact_hash_tells_different_texts_apart() -> None:
    assert dedup.norm_sha256("زار الرئيس موسكو") != dedup.norm_sha256("زار الرئيس القاهرة")


def test_dedup_near_similarity_of_signatures() -> None:
    base = corpus.VISIT_A.text
    near = dedup.signature(corpus.VISIT_A_NEAR.text)
    same = dedup.signature(base)
    other = dedup.signature(corpus.MINISTERS.text)
    assert same is not None and near is not None and other is not None
    assert near.similarity(same.values) >= dedup.THRESHOLD
    assert other.similarity(same.values) < 0.2
    assert dedup.signature("نص قصير جدا") is None  # too short to compare


def test_dedup_near_groups_in_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        a = writer.write_article(store, corpus.plain(corpus.VISIT_A))
        b = writer.write_article(store, corpus.plain(corpus.VISIT_A_NEAR))
        c = writer.write_article(store, corpus.plain(corpus.MINISTERS))
        # a third version close to the first two joins their group
        third = Article("", corpus.VISIT_A.text + " وأكدت موسكو أن الزيارة تمت بطلب سوري.",
                        Meta(source="thalith"))
        d = writer.write_article(store, third)
        assert a.near_of is None and c.near_of is None
        assert b.near_of == a.article_id and b.similarity is not None and b.similarity >= 0.8
        assert d.near_of in (a.article_id, b.article_id)
        groups = store.query("SELECT id, kind, article_id, size FROM duplicate_groups")
        assert [(g[1], g[2], g[3]) for g in groups] == [("near", a.article_id, 3)]
        members = {r[0] for r in store.query("SELECT member FROM duplicate_members")}
        assert members == {a.article_id, b.article_id, d.article_id}
        # all three are stored: near duplicates are different texts
        assert store.scalar("SELECT count(*) FROM articles") == 4


def test_dedup_near_survives_a_new_connection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        writer.write_article(store, corpus.plain(corpus.VISIT_A))
    with Store.open(tmp_path / "d.db") as store:  # LSH bands live in the store, not in memory
        res = writer.write_article(store, corpus.plain(corpus.VISIT_A_NEAR))
        assert res.near_of == corpus.plain(corpus.VISIT_A).id
