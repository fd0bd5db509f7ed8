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


def test_arabic_typed_on_a_persian_keyboard_stays_arabic() -> None:
    """Channels in Iraq and Syria often type ی and ک; the text is still Arabic."""
    assert (
        detect_lang("في الذکری الاولی: ٣ کانون الثاني ٢٠٢١... سلیمانی والمهندس في القلوب") == "ar"
    )
    assert detect_lang("بیانیه غرفه عملیات درباره حمله به پایگاه آمریکایی") == "fa"
    assert detect_lang("این بیانیه برای مردم است که می خوانند") == "fa"
