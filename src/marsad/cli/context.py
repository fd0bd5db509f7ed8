"""Opening the store for a CLI command."""

from __future__ import annotations

from marsad.core.settings import Settings
from marsad.store import Store


def open_store(create: bool = True) -> Store:
    return Store.open(Settings.from_env(), create=create)
