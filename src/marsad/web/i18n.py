"""Interface strings in English and Arabic.

The catalogues are flat YAML files in ``web/i18n/`` (``en.yaml``, ``ar.yaml``) mapping a
dotted key to a string with optional ``{name}`` placeholders. Templates call ``t(key,
**values)``; a key missing from a catalogue falls back to English, then to the key itself
(and a test fails when the two catalogues do not have the same keys).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from marsad.core.errors import ConfigError

CATALOGUE_DIR = Path(__file__).parent / "i18n"
LANGUAGES: tuple[str, ...] = ("en", "ar")
RTL_LANGUAGES = frozenset({"ar"})
DEFAULT = "en"
COOKIE = "marsad_lang"

Translator = Callable[..., str]


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Load one language's catalogue (cached).

    Args:
        lang: A code from :data:`LANGUAGES`.

    Returns:
        The key → string mapping.

    Raises:
        ConfigError: The language is unknown or its file is not a flat mapping.
    """
    if lang not in LANGUAGES:
        raise ConfigError(f"no interface language {lang!r}; use one of {', '.join(LANGUAGES)}")
    data = yaml.safe_load((CATALOGUE_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ConfigError(f"interface catalogue {lang}.yaml must map keys to strings")
    return {str(k): v for k, v in data.items()}


def translator(lang: str) -> Translator:
    """Return ``t(key, **values)`` for ``lang``, falling back to English, then to the key."""
    own = catalogue(lang)
    fallback = catalogue(DEFAULT)

    def t(key: str, **values: Any) -> str:
        template = own.get(key) or fallback.get(key) or key
        if not values:
            return template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    return t


def pick_language(query: str | None, cookie: str | None, default: str) -> str:
    """Choose the interface language: ``?lang=`` first, then the cookie, then settings."""
    for candidate in (query, cookie, default):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT


def direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for an interface language."""
    return "rtl" if lang in RTL_LANGUAGES else "ltr"
