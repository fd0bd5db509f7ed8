"""Which script a text is written in: Arabic, Persian, Latin, mixed or none.

Decided by Unicode ranges over letters only (digits, punctuation and marks do not
count). Text in the Arabic block is ``persian`` when it uses a letter that Arabic does
not (پ چ ژ گ ک ی), else ``arabic``; ``mixed`` when both Arabic-script and Latin letters
appear, each at least :data:`MIXED_SHARE` of the letters.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MIXED_SHARE", "PERSIAN_LETTERS", "Script", "detect_script"]

PERSIAN_LETTERS = frozenset("پچژگکی")
MIXED_SHARE = 0.2
_ARABIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFE),
)


class Script(StrEnum):
    """The script of a text."""

    ARABIC = "arabic"
    PERSIAN = "persian"
    LATIN = "latin"
    MIXED = "mixed"
    OTHER = "other"
    NONE = "none"


def _is_arabic_letter(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES)


def detect_script(text: str, *, max_chars: int = 10_000) -> Script:
    """Return the script of ``text``.

    Args:
        text: Any text; only the first ``max_chars`` characters are looked at.
        max_chars: Bound on the work done for hostile, huge inputs.

    Returns:
        ``NONE`` without letters; ``OTHER`` when most letters are neither Arabic-script
        nor Latin (Cyrillic, Hebrew, ...).
    """
    arabic = latin = other = 0
    persian = False
    for ch in text[:max_chars]:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if _is_arabic_letter(cp):
            arabic += 1
            persian = persian or ch in PERSIAN_LETTERS
        elif cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
            latin += 1
        else:
            other += 1
    total = arabic + latin + other
    if not total:
        return Script.NONE
    if arabic and latin and min(arabic, latin) >= MIXED_SHARE * total:
        return Script.MIXED
    if arabic >= latin and arabic >= other:
        return Script.PERSIAN if persian else Script.ARABIC
    return Script.LATIN if latin >= other else Script.OTHER
