"""Settings: defaults shipped in ``settings.toml``, a user file on top, one object passed down.

No mutable module globals: callers build a ``Settings`` once and pass it on.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of Marsad, with its default from ``settings.toml``."""

    max_input_bytes: int = 10_000_000
    fold_ta_marbuta: bool = True
    event_detector: bool = True
    components: tuple[str, ...] = ("structure", "sentences", "tokens", "entities", "times", "quotes", "events")
    batch_size: int = 32
    workers: int = 1
    article_timeout: float = 120.0
    store_path: str = ""
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    web_max_request_bytes: int = 2_000_000
    web_max_page_size: int = 500
    web_extract_processes: int = 1
    web_extract_deadline: float = 30.0
    web_extract_queue: int = 4
    web_cache_mb: int = 64
    api_token: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some values changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {
    ("input", "max_bytes"): "max_input_bytes",
    ("text", "fold_ta_marbuta"): "fold_ta_marbuta",
    ("events", "detector"): "event_detector",
    ("pipeline", "components"): "components",
    ("pipeline", "batch_size"): "batch_size",
    ("pipeline", "workers"): "workers",
    ("pipeline", "article_timeout"): "article_timeout",
    ("store", "path"): "store_path",
    ("web", "host"): "web_host",
    ("web", "port"): "web_port",
    ("web", "max_request_bytes"): "web_max_request_bytes",
    ("web", "max_page_size"): "web_max_page_size",
    ("web", "extract_processes"): "web_extract_processes",
    ("web", "extract_deadline"): "web_extract_deadline",
    ("web", "extract_queue"): "web_extract_queue",
    ("web", "cache_mb"): "web_cache_mb",
    ("web", "api_token"): "api_token",
}


def _apply(settings: Settings, data: dict[str, Any], origin: str) -> Settings:
    names = {f.name for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for section, body in data.items():
        if not isinstance(body, dict):
            raise UsageError(f"settings file {origin}: [{section}] must be a table")
        for key, value in body.items():
            attr = _KEYS.get((section, key))
            if attr is None or attr not in names:
                raise UsageError(f"settings file {origin}: unknown setting {section}.{key}")
            changes[attr] = tuple(value) if isinstance(value, list) else value
    return replace(settings, **changes)


def load_settings(user_file: str | os.PathLike[str] | None = None) -> Settings:
    """Defaults, then the user's file (``MARSAD_CONFIG`` or the given path), then env vars.

    Raises:
        UsageError: The user file is not valid TOML or names an unknown setting.
    """
    default = tomllib.loads(resources.files("marsad").joinpath("settings.toml").read_text("utf-8"))
    settings = _apply(Settings(), default, "settings.toml")
    path = user_file or os.environ.get("MARSAD_CONFIG")
    if path:
        p = Path(path)
        try:
            settings = _apply(settings, tomllib.loads(p.read_text("utf-8")), str(p))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read settings file {p}: {exc}") from exc
    if os.environ.get("MARSAD_DB"):
        settings = replace(settings, store_path=os.environ["MARSAD_DB"])
    if os.environ.get("MARSAD_API_TOKEN"):
        settings = replace(settings, api_token=os.environ["MARSAD_API_TOKEN"])
    return settings
