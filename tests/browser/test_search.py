"""Searching in a real browser: every spelling found and marked; translit off narrows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from marsad.store import Store
from marsad.web.app import create_app
from tests.search.seed import seed_names

pytestmark = pytest.mark.browser


def test_search_soleimani_across_scripts(
    serve: Callable[[Any], str], page: Any, sqlite_store: Store
) -> None:
    seed_names(sqlite_store)
    base = serve(create_app(sqlite_store))
    page.goto(f"{base}/documents?lang=en")
    page.click("nav.mainnav a[href='/search']")
    page.fill("#search-q", "Soleimani")
    assert page.is_checked("#search-translit")
    page.click("form.search-form button[type=submit]")
    page.wait_for_selector("ol.search-results")
    marks = page.locator("li.hit mark").all_inner_texts()
    assert "سليماني" in marks and "Suleimani" in marks
    arabic = page.locator("li.hit .snippet", has_text="سليماني")
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"

    page.uncheck("#search-translit")
    page.click("form.search-form button[type=submit]")
    page.wait_for_selector("ol.search-results")
    assert page.locator("li.hit").count() == 1
    assert page.locator("li.hit mark").all_inner_texts() == ["Soleimani's"]
    assert not page.is_checked("#search-translit")
    assert page.dialogs == []
