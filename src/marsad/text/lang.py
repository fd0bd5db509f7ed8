"""Cheap language detection: Arabic, Persian, Urdu, English, or "" when unsure.

Script first (count Arabic-script versus Latin letters), then cues inside the script:

* Arabic script: letters Arabic lacks (پ چ ژ گ) and Persian function words (است، این،
  که، را، می) point to Persian; Persian ی and ک count only half, because Arabic posts
  typed on Persian keyboards carry them too; ٹ ڈ ڑ ں ے to Urdu; ة, ى, Arabic function
  words (في، من، على، الى) and words with the article ال to Arabic. Ties with no cue at all
  fall back to Arabic, the commonest language of our sources.
* Latin script: English only when English function words make up a fair share of the
  words; other Latin-script languages are left undecided ("").

Texts with fewer than :data:`MIN_LETTERS` letters are undecided.
"""

from __future__ import annotations

import re

__all__ = ["MIN_LETTERS", "detect_lang"]

MIN_LETTERS = 8
_SAMPLE = 4000  # characters looked at; enough to decide, bounded on huge posts
_PERSIAN_LETTERS = frozenset("پچژگ")
_PERSIAN_KEYBOARD = frozenset("یک")  # also typed by Arabic writers on Persian keyboards
_URDU_LETTERS = frozenset("ٹڈڑںےھ")
_ARABIC_LETTERS = frozenset("ةى")
_PERSIAN_WORDS = frozenset({"است", "این", "که", "را", "می", "های", "برای", "بود", "شد", "آن"})
_ARABIC_WORDS = frozenset({"في", "من", "على", "الى", "إلى", "عن", "التي", "الذي", "هذا", "مع"})
_ENGLISH_WORDS = frozenset(
    {"the", "and", "of", "to", "in", "is", "a", "on", "for", "with", "that", "was", "by", "at"}
)
_WORD = re.compile(r"[^\W\d_]+")


_ARABIC_SCRIPT = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_SCRIPT = re.compile("[A-Za-z]")


def _counts(text: str) -> tuple[int, int]:
    return len(_ARABIC_SCRIPT.findall(text)), len(_LATIN_SCRIPT.findall(text))


def _arabic_script(text: str) -> str:
    words = _WORD.findall(text)
    fa = (
        sum(ch in _PERSIAN_LETTERS for ch in text)
        + 0.5 * sum(ch in _PERSIAN_KEYBOARD for ch in text)
        + 3 * sum(w in _PERSIAN_WORDS for w in words)
    )
    ur = sum(ch in _URDU_LETTERS for ch in text)
    ar = (
        sum(ch in _ARABIC_LETTERS for ch in text)
        + 3 * sum(w in _ARABIC_WORDS for w in words)
        + sum(len(w) > 3 and w.startswith(("ال", "وال", "بال")) for w in words)
    )
    if ur > max(fa, ar) and ur >= 2:
        return "ur"
    if fa > ar:
        return "fa"
    return "ar"


def _latin_script(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return ""
    share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    return "en" if share >= 0.08 else ""


def detect_lang(text: str) -> str:
    """Guess the language of ``text``.

    Args:
        text: A post, title or query.

    Returns:
        An ISO 639-1 code ("ar", "fa", "ur", "en") or "" when the text is too short,
        mixed, or in a language this detector does not know.
    """
    sample = text[:_SAMPLE]
    arabic, latin = _counts(sample)
    if arabic + latin < MIN_LETTERS:
        return ""
    if arabic >= 2 * latin:
        return _arabic_script(sample)
    if latin >= 2 * arabic:
        return _latin_script(sample)
    return ""
