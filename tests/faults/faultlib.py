"""What every fault test checks afterwards: the store is sound, whole, and its rows all belong to an article."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

WORDS = (
    "أعلنت", "الحكومة", "اليوم", "عن", "خطة", "جديدة", "لدعم", "المزارعين", "في", "المناطق", "الريفية",
    "وقال", "المتحدث", "إن", "الوزارة", "ستفتح", "باب", "التسجيل", "الأسبوع", "المقبل", "أمام", "الأسر",
    "المستفيدة", "من", "البرنامج", "وتشمل", "المرحلة", "الأولى", "ثلاث", "محافظات", "شمالية",
)
MOJIBAKE = "ط§ظ„"  # what UTF-8 Arabic looks like decoded as windows-1256
INGEST = "import sys; from marsad.cli.main import main; sys.exit(main(sys.argv[1:]))"


def corpus(path: Path, n: int, seed: int = 7, prefix: str = "f", words: int = 60) -> list[str]:
    """A JSON-lines corpus of ``n`` distinct articles of our own words; their ids."""
    rnd = random.Random(seed)
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(rnd.choice(WORDS) for _ in range(words)) + f" رقم {prefix}{i}"
            ids.append(f"{prefix}{i:04d}")
            fh.write(json.dumps({"id": ids[-1], "title": f"خبر {prefix} {i}", "content": body},
                                ensure_ascii=False) + "\n")
    return ids


def ingest_cmd(*sources: Path | str, db: Path, extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-c", INGEST, "ingest", *map(str, sources), "--db", str(db), "--components",
            "tokens", "--no-progress", *extra]


def run_ingest(*sources: Path | str, db: Path, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ingest_cmd(*sources, db=db, extra=extra), capture_output=True, text=True, timeout=300)


def article_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables with an ``article_id`` column (every layer and index table of the store)."""
    out = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        if "article_id" in cols and not name.startswith("articles_fts_"):
            out.append(name)
    return out


def check_store(db: Path) -> int:
    """Assert integrity, whole articles and no orphan rows; the number of articles."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            # killed while the first migration ran: it is one transaction, so nothing of it is there
            assert not tables & {"events", "quotes", "entities", "minhashes"}, sorted(tables)
            return 0
        n = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        for table in article_tables(conn):
            orphans = conn.execute(
                f'SELECT count(*) FROM "{table}" t '
                "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} orphan rows in {table}"
        # every article is whole: its search entry and its signature were written with it
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM minhashes").fetchone()[0] == n
        dup = conn.execute("SELECT count(*) - count(DISTINCT norm_sha256) FROM articles").fetchone()[0]
        assert dup == 0
        bad = conn.execute("SELECT count(*) FROM articles WHERE instr(text, ?) > 0", (MOJIBAKE,)).fetchone()[0]
        assert bad == 0, "an article was stored as mojibake"
        return n
    finally:
        conn.close()
