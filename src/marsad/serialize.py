"""Lossless conversion between the typed records and JSON-ready plain data.

Works from the dataclass type hints, so a new record type needs no code here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from marsad.errors import SchemaVersionError


def to_plain(obj: object) -> object:
    """Turn a dataclass tree into dicts, lists and scalars (dates as ISO strings)."""
    t = type(obj)
    if t in _SCALARS:
        return obj
    names = _FIELDS.get(t, ())
    if names == ():
        names = _FIELDS[t] = _field_names(t)
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, list | tuple):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


#: Types ``to_plain`` returns as they are (exactly these types; a subclass goes the long way).
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: A dataclass type's field names in order, None for any other type (filled as types are met; a dataclass
#: without fields is looked up again each time).
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(t: type) -> tuple[str, ...] | None:
    if dataclasses.is_dataclass(t) and not issubclass(t, type):  # an instance's type, never a class object's
        return tuple(f.name for f in dataclasses.fields(t))
    return None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from ``to_plain`` output.

    The conversion for each type is worked out once from its hints (``_decoder``) and reused.

    Raises:
        SchemaVersionError: The data does not fit the type.
    """
    try:
        decode = _decoder(tp)
    except TypeError:  # an unhashable type form: work it out for this call only
        decode = _make_decoder(tp)
    return data if decode is None else decode(data)


Decoder = Callable[[Any], Any]


@cache
def _decoder(tp: Any) -> Decoder | None:
    """The function rebuilding a value of type ``tp``, or None where the plain value is the value."""
    return _make_decoder(tp)


def _make_decoder(tp: Any) -> Decoder | None:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            return None
        return _decoder(args[0])  # every decoder passes None through
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        item = _decoder(item_tp)
        if item is None:
            return _list_copy
        return lambda data: None if data is None else [item(x) for x in data]
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        val = _decoder(val_tp)
        if val is None:
            return _dict_copy
        return lambda data: None if data is None else {k: val(v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if tp is date:
        return lambda data: None if data is None else date.fromisoformat(data)
    if tp is float:
        return lambda data: float(data) if isinstance(data, int) else data
    return None


def _list_copy(data: Any) -> Any:
    return None if data is None else list(data)


def _dict_copy(data: Any) -> Any:
    return None if data is None else dict(data.items())


def _dataclass_decoder(cls: type) -> Decoder:
    # Field decoders are resolved at the first call, so that a record type may hold itself.
    plan: list[tuple[tuple[str, Decoder | None], ...]] = []

    def decode(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise SchemaVersionError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
        if not plan:
            hints = _hints(cls)
            plan.append(tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)))
        kwargs = {}
        for name, dec in plan[0]:
            if name in data:
                value = data[name]
                kwargs[name] = value if dec is None else dec(value)
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise SchemaVersionError(f"cannot rebuild {cls.__name__}: {exc}") from exc

    return decode
