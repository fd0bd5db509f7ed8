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

from marsad.text.normalize import TABLE, normalize_char

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


def _split_table() -> dict[int, int | str | None]:
    """:data:`TABLE` that also turns every non-word character into a space.

    Every code point of planes 0-1 has an entry (identity when nothing changes): a
    ``str.translate`` miss costs a raised ``LookupError``. After it, ``str.split`` cuts
    exactly where ``_WORD`` would, apart from apostrophes (kept, for ``_WORD``) and code
    points outside the table (texts holding any take the regex path).
    """

    def sep(out: str) -> str:  # str.isalnum is exactly _WORD's [^\W_]
        return "".join(c if c == "'" or c.isalnum() else " " for c in out)

    table: dict[int, int | str | None] = {
        cp: cp if cp == 39 or chr(cp).isalnum() else " " for cp in range(_SPLIT_END)
    }
    for cp, out in TABLE.items():  # the changes, tag characters (Cf) beyond included
        if out is None or isinstance(out, str):
            table[cp] = None if out is None else sep(out)
    return table


_SPLIT_END = 0x20000
_SPLIT = _split_table()
_OUTSIDE = re.compile(f"[{chr(_SPLIT_END)}-\U0010ffff]")


def terms(text: str) -> list[str]:
    """Return the normalised tokens of ``text`` (no offsets; fast path for indexing)."""
    low = text.lower()
    norm = low.translate(_SPLIT)
    if "'" in norm or _OUTSIDE.search(low):
        words: list[str] = _WORD.findall(norm)
        if "'" in norm:
            return [_clean(w) for w in words]
    else:
        words = norm.split()
    if words and max(map(len, words)) > MAX_TOKEN_CHARS:
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
