"""Every response of the app carries the security headers once, whatever the route or status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from marsad.settings import Settings
from marsad.web.app import CSP, create_app
from webstore import build_store

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("headers") / "store.db")
    with TestClient(create_app(Settings(), db)) as c:
        yield c


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/", 200), ("/search?q=بوتين", 200), ("/events", 200), ("/api/stats", 200), ("/api/events.csv", 200),
        ("/static/marsad.css", 200), ("/nope", 404), ("/api/articles/nope", 404), ("/api/events?limit=0", 422),
        ("/events?since=bad", 400),
    ],
)
def test_web_headers_on_every_response(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    names = [k for k, _ in r.headers.multi_items()]
    for name, value in HEADERS.items():
        assert names.count(name) == 1, name
        assert r.headers[name] == value
    assert names[-len(HEADERS):] == list(HEADERS)  # added after the response's own headers, in this order
