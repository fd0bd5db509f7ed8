"""Settings are declared once; the documentation must say the same thing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.core.errors import ConfigError
from marsad.core.settings import SPECS, Settings

ROOT = Path(__file__).resolve().parents[2]


def test_settings_doc_matches_code() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_settings_doc.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    documented = (ROOT / "docs" / "SETTINGS.md").read_text(encoding="utf-8")
    assert documented == gen.render(), "docs/SETTINGS.md is stale: run scripts/gen_settings_doc.py"


def test_every_setting_is_a_field() -> None:
    fields = set(Settings.__dataclass_fields__)
    for s in SPECS:
        assert s.name.lower() in fields


def test_defaults_and_overrides(tmp_path: Path) -> None:
    s = Settings.from_env({"MARSAD_HOME": str(tmp_path), "MARSAD_FETCH_ALLOW": "127.0.0.1, ::1"})
    assert s.database_url == f"sqlite:///{tmp_path / 'marsad.db'}"
    assert s.archive_dir == tmp_path / "archive"
    assert s.fetch_allow == ("127.0.0.1", "::1")
    assert s.is_sqlite


def test_bad_value_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="MARSAD_FETCH_TIMEOUT"):
        Settings.from_env({"MARSAD_HOME": str(tmp_path), "MARSAD_FETCH_TIMEOUT": "soon"})
