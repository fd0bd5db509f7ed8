"""The explicit list of collectors. ``marsad collectors`` prints it.

No import-time discovery: adding a collector means adding a line here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from marsad.collect.base import Collector
from marsad.core.errors import UserError

# (module, class) in detection order: the most specific first.
ENTRIES: tuple[tuple[str, str], ...] = (
    ("marsad.collect.telegram_export", "TelegramExportCollector"),
    ("marsad.collect.telegram_api", "TelegramApiCollector"),
    ("marsad.collect.telegram_preview", "TelegramPreviewCollector"),
    ("marsad.collect.feed", "FeedCollector"),
    ("marsad.collect.csv_posts", "CsvCollector"),
    ("marsad.collect.web", "WebArticleCollector"),
)


def all_collectors() -> list[Collector]:
    return [getattr(importlib.import_module(module), cls)() for module, cls in ENTRIES]


def get(name: str) -> Collector:
    for c in all_collectors():
        if c.name == name:
            return c
    names = ", ".join(c.name for c in all_collectors())
    raise UserError(f"no collector {name!r}; choose one of: {names}")


def detect(target: str) -> Collector:
    """Pick the collector for a path or URL, or say plainly that none fits."""
    path: Path | None = None
    head = b""
    if not target.startswith(("http://", "https://")):
        candidate = Path(target)
        if candidate.is_dir() and (candidate / "result.json").is_file():
            candidate = candidate / "result.json"
        if not candidate.exists():
            raise UserError(f"no such file or URL: {target}")
        if candidate.is_file():
            path = candidate
            with open(candidate, "rb") as fh:
                head = fh.read(65536)
    for c in all_collectors():
        if c.detect(target, path, head):
            return c
    raise UserError(f"cannot tell what {target} is; name a collector with --collector")
