"""The HTTP API conforms to its own OpenAPI spec (schemathesis, a few examples per operation).

The app is built when the module is collected (schemathesis parametrises from a schema object),
over a temporary store that holds the hand-annotated test articles.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    allow_header_conformance,
    positive_data_acceptance,
)

from marsad.settings import Settings  # noqa: E402
from marsad.web.app import create_app  # noqa: E402
from webstore import build_store  # noqa: E402

_TMP = Path(tempfile.mkdtemp(prefix="marsad-schema-"))
atexit.register(shutil.rmtree, _TMP, True)
APP = create_app(Settings(web_max_page_size=50), build_store(_TMP / "store.db", samples=False))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)

# Inputs the schema cannot describe are refused with a documented 400: an HTML page without
# article text, a text of only spaces, a search query without a word.
SEMANTIC_400 = {("POST", "/api/extract"), ("POST", "/api/articles"), ("GET", "/api/search")}


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_web_schemathesis_api_conforms(case: Any) -> None:
    # Starlette answers a wrong method with the Allow header of the first matching route only.
    excluded = [allow_header_conformance]
    if (case.method.upper(), case.path) in SEMANTIC_400:
        excluded.append(positive_data_acceptance)
    # The first extraction loads the pipeline's resources: allow it more than the default 10 s.
    case.call_and_validate(excluded_checks=excluded, timeout=120)
