"""Read and check ``sources.yaml``, the registry of the illustrative demo sources.

The file is package data, but it is read like any input: sizes are bounded, every field is
checked, and input paths must stay inside the data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from marsad.core.errors import InputError
from marsad.core.records import RELIABILITY_GRADES, SOURCE_TYPES

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_REGISTRY_BYTES = 1_000_000
COLLECTORS = ("telegram-export", "feed", "web")


@dataclass(frozen=True)
class DemoInput:
    """One input file or export folder of a source, loaded by one collector."""

    collector: str
    path: Path


@dataclass(frozen=True)
class DemoSource:
    """One source of the demo registry, ready for :meth:`marsad.store.Store.add_source`."""

    platform: str
    handle: str
    name: str
    aliases: tuple[str, ...]
    url: str
    language: str
    source_type: str
    affiliation: str
    reliability: str
    description: str
    inputs: tuple[DemoInput, ...]


def read_registry(data_dir: Path = DATA_DIR) -> list[DemoSource]:
    """Parse ``data_dir/sources.yaml``.

    Args:
        data_dir: the folder holding ``sources.yaml`` and the inputs it names.

    Returns:
        The sources in file order.

    Raises:
        InputError: the file is missing, too large, not marked illustrative, or a field
            is unusable.
    """
    path = data_dir / "sources.yaml"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"demo registry missing: {path} ({exc.strerror})") from None
    if len(raw) > MAX_REGISTRY_BYTES:
        raise InputError(f"demo registry larger than {MAX_REGISTRY_BYTES} bytes: {path}")
    try:
        doc = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise InputError(f"demo registry is not valid YAML: {path}: {exc}") from None
    if not isinstance(doc, dict) or doc.get("illustrative") is not True:
        raise InputError(f"demo registry must be a mapping with 'illustrative: true': {path}")
    items = doc.get("sources")
    if not isinstance(items, list) or not items:
        raise InputError(f"demo registry has no sources list: {path}")
    root = data_dir.resolve()
    return [_source(item, i, root) for i, item in enumerate(items)]


def _text(item: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = item.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InputError(f"demo registry {where}: {key!r} must be a non-empty string")
    return value.strip()


def _source(item: Any, index: int, root: Path) -> DemoSource:
    where = f"sources[{index}]"
    if not isinstance(item, dict):
        raise InputError(f"demo registry {where}: must be a mapping")
    source_type = _text(item, "type", where)
    if source_type not in SOURCE_TYPES:
        raise InputError(f"demo registry {where}: type must be one of {', '.join(SOURCE_TYPES)}")
    reliability = _text(item, "reliability", where)
    if reliability not in RELIABILITY_GRADES:
        raise InputError(f"demo registry {where}: reliability must be one of A-F")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InputError(f"demo registry {where}: aliases must be a list of strings")
    inputs = item.get("inputs") or []
    if not isinstance(inputs, list):
        raise InputError(f"demo registry {where}: inputs must be a list")
    return DemoSource(
        platform=_text(item, "platform", where),
        handle=_text(item, "handle", where),
        name=_text(item, "name", where),
        aliases=tuple(aliases),
        url=_text(item, "url", where, required=False),
        language=_text(item, "language", where),
        source_type=source_type,
        affiliation=_text(item, "affiliation", where),
        reliability=reliability,
        description=_text(item, "description", where),
        inputs=tuple(_input(x, f"{where}.inputs[{j}]", root) for j, x in enumerate(inputs)),
    )


def _input(item: Any, where: str, root: Path) -> DemoInput:
    if not isinstance(item, dict):
        raise InputError(f"demo registry {where}: must be a mapping")
    collector = _text(item, "collector", where)
    if collector not in COLLECTORS:
        raise InputError(f"demo registry {where}: collector must be one of {', '.join(COLLECTORS)}")
    rel = Path(_text(item, "path", where))
    if rel.is_absolute() or ".." in rel.parts:
        raise InputError(f"demo registry {where}: path must be relative, inside the data folder")
    path = (root / rel).resolve()
    if not path.is_relative_to(root) or not path.exists():
        raise InputError(f"demo registry {where}: no such input inside the data folder: {rel}")
    return DemoInput(collector, path)
