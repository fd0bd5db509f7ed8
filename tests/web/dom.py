"""Tiny XPath helpers for reading rendered pages (no cssselect dependency)."""

from __future__ import annotations

from typing import Any

from lxml import html


def parse(page: str) -> Any:
    return html.fromstring(page)


def by_id(tree: Any, ident: str) -> Any:
    found = tree.xpath(f".//*[@id='{ident}']")
    assert found, f"no element #{ident}"
    return found[0]


def by_class(tree: Any, cls: str, tag: str = "*") -> list[Any]:
    return tree.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def text(node: Any) -> str:
    return " ".join(node.text_content().split())
