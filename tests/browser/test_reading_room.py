"""The reading room in a real browser: right-to-left reading and hostile posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from marsad.store import Store
from marsad.web.app import create_app
from tests.browser.hostile import HOSTILE, IMG, SCRIPT, SVG, fill_hostile
from tests.web.corpus import AR_EDITED, fill

pytestmark = pytest.mark.browser

TEXT_BOX = """(sel) => {
  const el = document.querySelector(sel);
  const style = getComputedStyle(el);
  const range = document.createRange();
  range.selectNodeContents(el);
  const line = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return {
    direction: style.direction,
    textLeft: line.left, textRight: line.right,
    boxLeft: box.left + parseFloat(style.paddingLeft),
    boxRight: box.right - parseFloat(style.paddingRight),
  };
}"""
CENTER_X = "(el) => { const r = el.getBoundingClientRect(); return r.left + r.width / 2; }"


def test_arabic_post_reads_right_to_left(
    serve: Callable[[Any], str], page: Any, sqlite_store: Store
) -> None:
    corpus = fill(sqlite_store)
    base = serve(create_app(sqlite_store))
    page.goto(f"{base}/documents/{corpus.docs['reply']}?lang=en")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    ar = page.evaluate(TEXT_BOX, "#doc-text")
    assert ar["direction"] == "rtl"
    assert abs(ar["textRight"] - ar["boxRight"]) < 3  # hugs the right edge
    assert ar["textLeft"] - ar["boxLeft"] > 200  # and leaves the left side empty
    page.goto(f"{base}/documents/{corpus.docs['en']}")
    en = page.evaluate(TEXT_BOX, "#doc-text")  # the contrast: English hugs the left
    assert en["direction"] == "ltr" and abs(en["textLeft"] - en["boxLeft"]) < 3


def test_arabic_interface_mirrors(
    serve: Callable[[Any], str], page: Any, sqlite_store: Store
) -> None:
    corpus = fill(sqlite_store)
    base = serve(create_app(sqlite_store))
    page.goto(f"{base}/documents/{corpus.docs['ar']}?lang=ar")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    items = page.locator(".mainnav li")
    first, second = (items.nth(i).evaluate(CENTER_X) for i in (0, 1))
    assert first > second  # "Documents" is the rightmost entry
    main = page.locator(".doc-main").evaluate(CENTER_X)
    side = page.locator(".doc-side").evaluate(CENTER_X)
    assert side < main  # the sidebar moved to the left
    assert page.locator(".mainnav li").first.inner_text() == "الوثائق"
    page.goto(f"{base}/documents")  # the choice is remembered
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.click(".langswitch a")
    assert page.evaluate("document.documentElement.dir") == "ltr"


def _assert_clean(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('script:not([src]), svg, iframe').length") == 0
    assert page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    assert not [h for h in hrefs if not h.startswith(("http://", "https://"))]


def test_hostile_posts_stay_text(
    serve: Callable[[Any], str], page: Any, sqlite_store: Store
) -> None:
    ids = fill_hostile(sqlite_store)
    base = serve(create_app(sqlite_store))
    page.goto(f"{base}/documents")
    _assert_clean(page)
    assert SCRIPT in page.inner_text("main")
    page.goto(f"{base}/documents/{ids['doc']}")
    _assert_clean(page)
    assert page.inner_text("#doc-text") == HOSTILE["text"]
    assert page.inner_text("h1.doc-title") == HOSTILE["title"]
    side = page.inner_text(".doc-side")
    assert HOSTILE["author"] in side and HOSTILE["url"] in side and SVG in side
    assert "javascript:window.__pwned=1" in page.inner_text("#entities")
    page.goto(f"{base}/documents/{ids['doc2']}")
    _assert_clean(page)
    page.goto(f"{base}/sources/{ids['source']}")
    _assert_clean(page)
    assert page.inner_text("#source-name") == HOSTILE["source"]
    assert IMG in page.inner_text("#reliability-history")
    page.goto(f"{base}/sources")
    _assert_clean(page)


def test_reading_and_filtering_work_without_javascript(
    serve: Callable[[Any], str], browser: Any, sqlite_store: Store
) -> None:
    corpus = fill(sqlite_store)
    base = serve(create_app(sqlite_store))
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(f"{base}/documents")
        pg.select_option("select[name=language]", "ar")
        pg.select_option("select[name=order]", "oldest")
        pg.click(".filter-actions button")
        assert "language=ar" in pg.url and "order=oldest" in pg.url
        assert pg.inner_text("#result-count").startswith("2 documents")
        pg.click(".docrow-link >> nth=0")
        assert pg.url.endswith(f"/documents/{corpus.docs['ar']}")
        assert pg.inner_text("#doc-text") == AR_EDITED
    finally:
        context.close()


def test_pages_respect_their_own_policy(
    serve: Callable[[Any], str], page: Any, sqlite_store: Store
) -> None:
    corpus = fill(sqlite_store)
    base = serve(create_app(sqlite_store))
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    for path in (
        "/documents",
        f"/documents/{corpus.docs['ar']}",
        f"/sources/{corpus.origin}?lang=ar",
        "/runs",
        f"/evidence/{corpus.evidence}",
        "/api/docs",
    ):
        page.goto(base + path)
    assert problems == []  # no CSP refusals, no missing assets or images
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert all(url.startswith(base) for url in loaded)
