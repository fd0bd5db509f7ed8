"""detect_script: Arabic, Persian, Latin, mixed, by letters only."""

from __future__ import annotations

import pytest

from marsad.text.script import Script, detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Soleimani", Script.LATIN),
        ("Muḥammad al-Ṣadr", Script.LATIN),
        ("سليماني", Script.ARABIC),
        ("كتائب حزب الله 2024!", Script.ARABIC),
        ("سلیمانی", Script.PERSIAN),  # Persian yeh
        ("سپاه پاسداران", Script.PERSIAN),
        ("Soleimani سليماني", Script.MIXED),
        ("KH (كتائب حزب الله)", Script.ARABIC),  # a Latin tag inside Arabic text
        ("Иван Петров", Script.OTHER),
        ("2024 — ١٢٣ …", Script.NONE),
        ("", Script.NONE),
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) == script


def test_huge_input_is_bounded() -> None:
    assert detect_script("ب" * 50 + "x" * 1_000_000, max_chars=100) == Script.MIXED
