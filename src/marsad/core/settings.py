"""Typed settings, declared once.

Each setting has a name, a default and a help text, and is read from the environment
variable ``MARSAD_<NAME>``. ``docs/SETTINGS.md`` lists them; a test fails when the two
disagree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.core.errors import ConfigError


@dataclass(frozen=True)
class SettingSpec:
    name: str
    default: str
    help: str
    kind: type = str


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "HOME", "./marsad-data", "Data directory: the SQLite store and the evidence archive."
    ),
    SettingSpec(
        "DATABASE_URL",
        "",
        "SQLAlchemy URL of the store. Empty means SQLite at $MARSAD_HOME/marsad.db; "
        "postgresql+psycopg://... for team mode.",
    ),
    SettingSpec("ARCHIVE_DIR", "", "Evidence archive directory. Empty means $MARSAD_HOME/archive."),
    SettingSpec(
        "FETCH_ALLOW",
        "",
        "Comma-separated hosts or CIDR ranges the fetcher may reach even though they are "
        "loopback/private (e.g. 127.0.0.1 for tests). Empty: none.",
    ),
    SettingSpec(
        "FETCH_TIMEOUT", "20", "Seconds before a fetch gives up (connect and read).", float
    ),
    SettingSpec(
        "FETCH_MAX_BYTES", "20000000", "Largest body the fetcher accepts, after decompression.", int
    ),
    SettingSpec("FETCH_MAX_REDIRECTS", "5", "Redirects followed before a fetch fails.", int),
    SettingSpec("FETCH_RATE", "1.0", "Requests per second per host (politeness).", float),
    SettingSpec("FETCH_RETRIES", "3", "Retries with backoff on 429 and 5xx answers.", int),
    SettingSpec(
        "USER_AGENT",
        "Marsad/0.1 (+https://github.com/marsad-observatory/marsad)",
        "User-Agent header sent by the fetcher.",
    ),
    SettingSpec(
        "MAX_FIELD_BYTES",
        "1000000",
        "Longest text kept per document field; longer is cut and flagged.",
        int,
    ),
    SettingSpec("BATCH_SIZE", "2000", "Documents written per transaction during ingest.", int),
    SettingSpec("LANG", "en", "Default interface language of the web UI (en or ar)."),
)

_BY_NAME = {s.name: s for s in SPECS}


def _convert(spec: SettingSpec, raw: str) -> Any:
    try:
        return spec.kind(raw)
    except ValueError as exc:
        raise ConfigError(
            f"MARSAD_{spec.name}={raw!r} is not a valid {spec.kind.__name__}"
        ) from exc


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    archive_dir: Path
    fetch_allow: tuple[str, ...]
    fetch_timeout: float
    fetch_max_bytes: int
    fetch_max_redirects: int
    fetch_rate: float
    fetch_retries: int
    user_agent: str
    max_field_bytes: int
    batch_size: int
    lang: str
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        for spec in SPECS:
            raw = env.get(f"MARSAD_{spec.name}", spec.default)
            values[spec.name.lower()] = _convert(spec, raw)
        home = Path(values["home"]).expanduser().resolve()
        values["home"] = home
        values["archive_dir"] = (
            Path(values["archive_dir"]).expanduser().resolve()
            if values["archive_dir"]
            else home / "archive"
        )
        if not values["database_url"]:
            values["database_url"] = f"sqlite:///{home / 'marsad.db'}"
        allow = values["fetch_allow"]
        values["fetch_allow"] = tuple(a.strip() for a in allow.split(",") if a.strip())
        values.update(overrides)
        return cls(**values)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def spec(name: str) -> SettingSpec:
    return _BY_NAME[name]
