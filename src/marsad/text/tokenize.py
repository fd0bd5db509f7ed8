"""Tokenisation over normalised text, with offsets into the original.

Two entry points that always agree on the tokens:

* :func:`terms` (fast, for indexing): normalise the whole text once, then one regex.
* :func:`tokenize` (for highlighting): the same tokens plus ``start``/``end`` character
  offsets into the *original* text, so a snippet can wrap exactly what the author wrote,
  harakat, tatweel and bidi marks included.

A token is a run of letters and digits after normalisation; harakat, tatweel and
zero-width/bidi controls have been removed by then, so they never split a word (unlike
SQLite's ``unicode61``). An apostrophe between letters stays inside a Latin word and is
then dropped (``Kata'ib`` → ``kataib``); a final ``'s`` is a possessive and goes
(``Hezbollah's`` → ``hezbollah``). Hyphens and other punctuation separate tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from marsad.text.normalize import normalize, normalize_char

__all__ = ["MAX_TOKEN_CHARS", "Token", "terms", "tokenize"]

MAX_TOKEN_CHARS = 64  # longer runs (base64, URLs without separators) are cut to this
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text.

    Attributes:
        norm: The normalised spelling (what the index stores).
        start: Offset of the first character in the original text.
        end: Offset just past the last character in the original text.
    """

    norm: str
    start: int
    end: int


def _clean(word: str) -> str:
    if "'" in word:
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
    return word[:MAX_TOKEN_CHARS]


def terms(text: str) -> list[str]:
    """Return the normalised tokens of ``text`` (no offsets; fast path for indexing)."""
    norm = normalize(text)
    words: list[str] = _WORD.findall(norm)
    if "'" in norm or (words and max(map(len, words)) > MAX_TOKEN_CHARS):
        return [_clean(w) for w in words]
    return words


def _normalised_with_origin(text: str) -> tuple[str, list[int]]:
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        out = normalize_char(ch)
        if out:
            parts.append(out)
            origin.extend([i] * len(out))
    return "".join(parts), origin


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into normalised tokens with offsets into the original text.

    Args:
        text: Original text as published.

    Returns:
        Tokens in order; ``text[t.start:t.end]`` is the original spelling of ``t``
        (including any harakat, tatweel or controls inside the word).
    """
    norm, origin = _normalised_with_origin(text)
    out: list[Token] = []
    for m in _WORD.finditer(norm):
        word = _clean(m.group())
        if word:
            out.append(Token(word, origin[m.start()], _end(text, origin[m.end() - 1] + 1)))
    return out


def _end(text: str, end: int) -> int:
    """Extend a token over trailing marks (a final shadda or tanween belongs to it)."""
    while end < len(text) and unicodedata.category(text[end]) == "Mn":
        end += 1
    return end
