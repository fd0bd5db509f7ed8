"""Language detection: script first, then cheap cues; "" when unsure."""

from __future__ import annotations

import pytest

from marsad.text import detect_lang


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("أعلنت المقاومة الإسلامية في العراق عن استهداف قاعدة على الحدود", "ar"),
        ("این گروه مسئولیت حمله را بر عهده گرفت و گفت که ادامه می دهد", "fa"),
        ("The group claimed responsibility for the attack on the base", "en"),
        ("ok", ""),  # too short
        ("Die Gruppe hat den Angriff auf die Basis übernommen", ""),  # Latin, not English
        ("Statement بيان صادر about the attack عن الهجوم", ""),  # mixed scripts
        ("", ""),
    ],
)
def test_detect(text: str, want: str) -> None:
    assert detect_lang(text) == want
