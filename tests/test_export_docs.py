"""docs/EXPORTS.md documents every column of every export format."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_articles import protest_article, visit_article
from marsad.export import flat, gdelt
from marsad.export.plover import fallback_record, plover_record
from marsad.export.source import StoredEvent
from marsad.export.tables import parquet_tables

DOC = Path(__file__).resolve().parent.parent / "docs" / "EXPORTS.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text("utf-8")


@pytest.mark.parametrize("column", [c.name for c in flat.COLUMNS])
def test_export_docs_flat_columns(doc: str, column: str) -> None:
    assert f"| `{column}` |" in doc


def test_export_docs_gdelt_columns_in_order(doc: str) -> None:
    rows = [line.split("|")[2].strip().strip("`") for line in doc.splitlines()
            if line.startswith("| ") and "`" in line and line.split("|")[1].strip().isdigit()]
    gdelt_rows = [r for r in rows if r in gdelt.COLUMN_NAMES]
    assert gdelt_rows == list(gdelt.COLUMN_NAMES)


@pytest.mark.parametrize("table", parquet_tables(), ids=lambda t: t.name)
def test_export_docs_parquet_tables(doc: str, table: object) -> None:
    section = doc.split(f"#### `{table.name}`", 1)  # type: ignore[attr-defined]
    assert len(section) == 2
    body = section[1].split("####", 1)[0]
    for col in table.columns:  # type: ignore[attr-defined]
        assert f"| `{col.name}` |" in body, col.name


def _keys(rec: dict[str, object]) -> set[str]:
    out = set(rec)
    for key in ("marsad", "event_loc", "cite_info", "text_info"):
        sub = rec.get(key)
        if isinstance(sub, dict):
            out |= set(sub)
    for key in ("actor", "recipient"):
        for part in rec.get(key) or []:  # type: ignore[attr-defined]
            out |= set(part)
    return out


@pytest.mark.parametrize("make", [visit_article, protest_article])
def test_export_docs_plover_fields(doc: str, make: object) -> None:
    art = make()  # type: ignore[operator]
    for ev in art.events:
        item = StoredEvent(art, ev, ev.date, 1, 1, 1, 1, "2026-01-01T00:00:00Z")
        for key in _keys(plover_record(item)) | _keys(fallback_record(art, ev)):
            assert f"`{key}`" in doc, key
