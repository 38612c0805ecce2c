from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import UsageError
from marsad.settings import Settings, load_settings


def test_settings_defaults_come_from_the_shipped_file(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MARSAD_CONFIG", "MARSAD_DB", "MARSAD_API_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    s = load_settings()
    assert s.max_input_bytes == 10_000_000
    assert s.components[0] == "structure"
    assert s.components[-1] == "events"
    assert s.api_token == ""


def test_settings_user_file_layers_on_top(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_DB", raising=False)
    user = tmp_path / "settings.toml"
    user.write_text('[input]\nmax_bytes = 1234\n[store]\npath = "/tmp/x.db"\n', "utf-8")
    s = load_settings(user)
    assert s.max_input_bytes == 1234
    assert s.store_path == "/tmp/x.db"
    assert s.batch_size == Settings().batch_size


def test_settings_env_overrides_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert load_settings().store_path == str(tmp_path / "env.db")


def test_settings_unknown_key_is_a_usage_error(tmp_path: Path) -> None:
    user = tmp_path / "bad.toml"
    user.write_text("[input]\nmax_byte = 5\n", "utf-8")
    with pytest.raises(UsageError) as err:
        load_settings(user)
    assert err.value.code == "E500"
    assert err.value.message == f"settings file {user}: unknown setting input.max_byte"


def test_settings_invalid_toml_is_a_usage_error(tmp_path: Path) -> None:
    user = tmp_path / "bad.toml"
    user.write_text("[input\n", "utf-8")
    with pytest.raises(UsageError) as err:
        load_settings(user)
    assert err.value.message.startswith(f"cannot read settings file {user}:")
