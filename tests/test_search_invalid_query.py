"""A search query without a word is a client error with a code of its own (E512, HTTP 400), not E500."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import store_corpus as corpus
from marsad.cli.main import cli
from marsad.errors import InvalidQueryError, UsageError
from marsad.store.search import query_terms
from marsad.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q") / "q.db"
    corpus.write_store(path)
    return path


@pytest.mark.parametrize("q", ["!!!", "...", "؟ ، *"])
def test_search_invalid_query_code(q: str) -> None:
    with pytest.raises(InvalidQueryError) as err:
        query_terms(q)
    assert err.value.code == "E512"
    assert isinstance(err.value, UsageError) and err.value.exit_code == 2
    assert err.value.message == f"the search query {q!r} has no word to look for"


def test_search_invalid_query_api_answers_400_e512(db: Path) -> None:
    resp = TestClient(create_app(db_path=db)).get("/api/search", params={"q": "!!!"})
    assert resp.status_code == 400
    assert resp.json() == {"error": {"code": "E512", "message": "the search query '!!!' has no word to look for"}}


def test_search_invalid_query_cli(db: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "!!!", "--db", str(db)])
    assert result.exit_code == 2
    assert "error: [E512] the search query '!!!' has no word to look for" in result.output
