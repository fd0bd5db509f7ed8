"""Cross-script keys for transliteration matching.

The key function is ``marsad.text.translit.token_key`` (owned by the names work: a
consonant skeleton in a shared alphabet, so Soleimani, Suleimani and سليماني share a
key). Until that module is present this file supplies a small stand-in with the same
signature, so the index and the search work either way; after the real one lands, run
``marsad reindex`` so stored keys match the query side.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["KEY_SOURCE", "key"]

_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "گ": "g", "پ": "b", "چ": "j", "ژ": "z",
}  # fmt: skip
_LATIN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "j"))
_LATIN = str.maketrans({"q": "k", "c": "k", "p": "b", "v": "f", "x": "k", "g": "g"})
_VOWELS = re.compile(r"[aeiouyw']")
_DOUBLE = re.compile(r"(.)\1+")


def _fallback_key(token: str) -> str:
    """Stand-in consonant skeleton (used only while translit.token_key is missing)."""
    if not token:
        return ""
    if "\u0600" <= token[0] <= "\u06ff":
        if token.startswith("ال") and len(token) > 3:
            token = token[2:]
        out = "".join(_AR.get(ch, "") for ch in token)
    elif token.isascii() and token.isalpha():
        for src, dst in _LATIN_DIGRAPHS:
            token = token.replace(src, dst)
        out = _VOWELS.sub("", token.translate(_LATIN))
    else:
        return ""
    out = _DOUBLE.sub(r"\1", out)
    if out.endswith("h") and len(out) > 2:
        out = out[:-1]  # ta marbuta / final -ah
    return out


def _load() -> tuple[Callable[[str], str], str]:
    try:
        from marsad.text.translit import token_key
    except ImportError:
        return _fallback_key, "fallback"
    return token_key, "marsad.text.translit"


key, KEY_SOURCE = _load()
