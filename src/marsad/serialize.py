"""Lossless conversion between the typed records and JSON-ready plain data.

Works from the dataclass type hints, so a new record type needs no code here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any

from marsad.errors import SchemaVersionError


def to_plain(obj: object) -> object:
    """Turn a dataclass tree into dicts, lists and scalars (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from ``to_plain`` output.

    Raises:
        SchemaVersionError: The data does not fit the type.
    """
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_plain(args[0], data) if len(args) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [from_plain(item, x) for x in data]
    if origin is dict:
        _, val = typing.get_args(tp)
        return {k: from_plain(val, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise SchemaVersionError(f"expected an object for {tp.__name__}, got {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = from_plain(hints[f.name], data[f.name])
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise SchemaVersionError(f"cannot rebuild {tp.__name__}: {exc}") from exc
    if tp is date:
        return date.fromisoformat(data)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
