"""Exports of the stored events (PLOVER JSON lines, CSV, Parquet, GDELT-style TSV) and of the store's tables.

``export_events`` streams the events matching ``marsad events`` filters into one format;
``marsad.export.tables`` writes and imports the store's tables as Parquet directories
(the layout ``marsad spark`` produces). Column lists are data: ``flat.COLUMNS`` (CSV and
Parquet), ``gdelt.COLUMNS`` (GDELT TSV), ``store.schema`` (Parquet tables).
"""

from __future__ import annotations

from marsad.export.source import EventFilter, StoredEvent, iter_events
from marsad.export.writers import FORMATS, export_events

__all__ = ["FORMATS", "EventFilter", "StoredEvent", "export_events", "iter_events"]
