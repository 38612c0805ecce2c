"""Web extraction off the event loop (issue 17): a deadline that stops the work (E206) and frees the worker,
a bound on what is in flight (E207), and a server that ends on SIGTERM within 5 s while an article runs."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.settings import Settings
from marsad.web.app import create_app

SMALL = {"text": "التقى وزير الخارجية نظيره في عمان أمس.", "published": "2020-03-04"}
# our own words, repeated without sentence punctuation: a few hundred thousand characters keep the
# pipeline busy for many seconds on any machine
PHRASE = "وصل وفد من التجار إلى السوق القديمة والتقى عددا من أصحاب المحلات في الحي "


def _long(chars: int) -> dict[str, str]:
    return {"text": (PHRASE * (chars // len(PHRASE) + 1))[:chars]}


def _settings(**kw: object) -> Settings:
    return Settings(web_max_request_bytes=8_000_000).with_(**kw)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def test_deadline_stops_a_long_article_and_frees_the_worker(db: Path) -> None:
    with TestClient(create_app(_settings(web_extract_deadline=1.5), db)) as client:
        assert client.post("/api/extract", json=SMALL).status_code == 200  # starts the worker
        t0 = time.monotonic()
        r = client.post("/api/extract", json=_long(400_000))
        took = time.monotonic() - t0
        assert r.status_code == 504
        assert r.json()["error"]["code"] == "E206"
        assert took < 1.5 + 4.0, took
        again = client.post("/api/extract", json=SMALL)
        assert again.status_code == 200
        assert again.json()["entities"], "the freed worker extracts again"


def test_too_many_extractions_are_refused_at_once(db: Path) -> None:
    with TestClient(create_app(_settings(web_extract_deadline=4.0, web_extract_queue=0), db)) as client:
        assert client.post("/api/extract", json=SMALL).status_code == 200
        slow: list[int] = []
        worker = threading.Thread(target=lambda: slow.append(client.post("/api/extract", json=_long(400_000))
                                                             .status_code))
        worker.start()
        time.sleep(0.5)
        t0 = time.monotonic()
        busy = client.post("/api/extract", json=SMALL)
        assert time.monotonic() - t0 < 1.0
        assert busy.status_code == 503
        assert busy.json()["error"]["code"] == "E207"
        worker.join(30)
        assert slow == [504]


def test_extraction_in_the_request_thread_when_asked(db: Path) -> None:
    with TestClient(create_app(_settings(web_extract_processes=0), db)) as client:
        r = client.post("/api/extract", json=SMALL)
        assert r.status_code == 200 and r.json()["sentences"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(db: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = _free_port()
    env = {**os.environ, "MARSAD_DB": str(db)}
    cfg = db.parent / "settings.toml"
    cfg.write_text("[web]\nmax_request_bytes = 8000000\n", encoding="utf-8")
    env["MARSAD_CONFIG"] = str(cfg)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from marsad.cli.main import main; main()", "serve", "--port", str(port),
         "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=2).read()
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the server did not start")
            time.sleep(0.2)
    yield proc, base
    if proc.poll() is None:
        proc.kill()
        proc.wait(10)


def _post(url: str, body: dict[str, str], timeout: float = 120) -> int:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return -1


def test_sigterm_ends_the_server_within_5_s_while_an_article_runs(
    server: tuple[subprocess.Popen[bytes], str],
) -> None:
    proc, base = server
    assert _post(base + "/api/extract", SMALL) == 200  # the worker is up and warm
    long_request = threading.Thread(target=_post, args=(base + "/api/extract", _long(1_000_000)), daemon=True)
    long_request.start()
    time.sleep(1.0)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(15)
    assert time.monotonic() - t0 <= 5.0
