"""Readers keep working while an ingest writes (WAL)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import store_corpus as corpus
from marsad.store import queries, writer
from marsad.store.db import Store


def test_store_concurrency_reader_is_not_blocked_by_an_open_write(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    w = Store.open(path)
    writer.write_article(w, corpus.annotated(corpus.VISIT_A))
    r = Store.open(path, readonly=True)
    w.conn.execute("BEGIN IMMEDIATE")
    w.conn.execute(
        "INSERT INTO ingest_log (code, message, time) VALUES ('E101', 'pending', '2017-11-21T00:00:00Z')"
    )
    t0 = time.perf_counter()
    assert queries.stats(r).articles == 1
    assert r.scalar("SELECT count(*) FROM ingest_log") == 0  # the open write is not visible
    assert time.perf_counter() - t0 < 2.0
    w.conn.execute("COMMIT")
    assert r.scalar("SELECT count(*) FROM ingest_log") == 1
    r.close()
    w.close()


def test_store_concurrency_reads_during_a_stream_of_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.open(path).close()
    errors: list[BaseException] = []
    counts: list[int] = []
    done = threading.Event()

    def write() -> None:
        try:
            with Store.open(path) as w:
                for i in range(60):
                    doc = corpus.DOCS[i % len(corpus.DOCS)]
                    art = corpus.plain(doc)
                    art = type(art)("", art.text + f"\n\nتحديث رقم {i}", art.meta)
                    writer.write_article(w, art)
        except BaseException as exc:  # report in the main thread
            errors.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=write)
    t.start()
    with Store.open(path, readonly=True) as r:
        while not done.is_set():
            counts.append(queries.stats(r).articles)
            queries.search(r, "عدن")
        counts.append(queries.stats(r).articles)
    t.join()
    assert not errors
    assert counts == sorted(counts)
    assert counts[-1] == 60
    assert len(counts) > 2
