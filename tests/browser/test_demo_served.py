"""`make demo` end to end: the real `marsad demo --serve` command, opened in Chromium.

This is what a new user sees after the README's first command: the demo corpus loaded
into an embedded store and the reading room served, with Arabic posts reading
right-to-left.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.test_reading_room import TEXT_BOX

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["MARSAD_HOME"] = str(tmp_path / "demo-home")
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "demo", "--serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if proc.poll() is not None:
                raise AssertionError(
                    f"marsad demo exited: {proc.stdout.read() if proc.stdout else ''}"
                )
            try:
                if httpx.get(f"{base}/documents", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("marsad demo did not serve within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_demo_reading_room_shows_arabic_right_to_left(demo_server: str, page: Any) -> None:
    page.goto(f"{demo_server}/documents?language=ar")
    rows = page.locator("a.docrow-link")
    assert rows.count() > 10, "the demo corpus should list many Arabic posts"
    rows.first.click()
    page.wait_for_selector("#doc-text")
    box = page.evaluate(TEXT_BOX, "#doc-text")
    text = page.inner_text("#doc-text")
    assert any("\u0600" <= ch <= "\u06ff" for ch in text), text[:80]
    assert box["direction"] == "rtl"
    assert abs(box["textRight"] - box["boxRight"]) < 3  # the line starts at the right edge
    # the page says where the evidence is: a SHA-256 and a capture time
    body = page.inner_text("body")
    assert "SHA-256" in body
    assert "Illustrative" in body  # demo posts never pass for real ones
