"""Facts read straight from the demo data files, independently of the loader.

Tests compare what the pipeline stored against these, so expected numbers come from the
files, never from constants typed into a test.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

from marsad.demo.registry import DATA_DIR, DemoInput, DemoSource, read_registry

ATOM = "{http://www.w3.org/2005/Atom}"


def export_messages(folder: Path) -> list[dict[str, Any]]:
    """The messages of one Telegram export folder."""
    data = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    return list(data["messages"])


def message_text(msg: dict[str, Any]) -> str:
    """Desktop ``text``: a string or an array of strings and entity objects."""
    text = msg.get("text", "")
    if isinstance(text, str):
        return text
    return "".join(p if isinstance(p, str) else p.get("text", "") for p in text)


def feed_item_count(path: Path) -> int:
    root = etree.parse(str(path)).getroot()
    return len(root.findall("./channel/item")) + len(root.findall(f"{ATOM}entry"))


def expected_documents(entry: DemoSource) -> int:
    """Documents a source should hold: distinct message ids, feed items, saved pages."""
    ids: set[int] = set()
    other = 0
    for item in entry.inputs:
        if item.collector == "telegram-export":
            ids |= {m["id"] for m in export_messages(item.path)}
        elif item.collector == "feed":
            other += feed_item_count(item.path)
        else:
            other += 1
    return len(ids) + other


def telegram_inputs(entry: DemoSource) -> list[DemoInput]:
    return [i for i in entry.inputs if i.collector == "telegram-export"]


def by_name(name: str) -> DemoSource:
    for entry in read_registry(DATA_DIR):
        if entry.name == name:
            return entry
    raise LookupError(name)


def posts_per_year(entry: DemoSource) -> Counter[int]:
    """Channel posts (not service messages) per year, over all exports of a source."""
    seen: dict[int, int] = {}
    for item in telegram_inputs(entry):
        for m in export_messages(item.path):
            if m["type"] == "message":
                seen[m["id"]] = int(m["date"][:4])
    return Counter(seen.values())


def all_texts(data_dir: Path = DATA_DIR) -> list[str]:
    """Every human-readable text of the corpus: posts, feed items, pages, registry."""
    out: list[str] = []
    for result in sorted(data_dir.glob("telegram/*/result.json")):
        out += [message_text(m) for m in export_messages(result.parent)]
    for feed in sorted(data_dir.glob("feeds/*")):
        out.append(html.unescape(html.unescape(feed.read_text(encoding="utf-8"))))
    for page in sorted(data_dir.glob("html/*.html")):
        out.append(html.unescape(page.read_text(encoding="utf-8")))
    out.append((data_dir / "sources.yaml").read_text(encoding="utf-8"))
    return out


def flat(text: str) -> str:
    """Lower-case, tags dropped, whitespace folded: for verbatim comparisons."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).lower().split())
