"""Turn a document into the token streams both search backends index.

Each document yields three aligned streams, one entry per token, so positions agree:

* ``words``: normalised tokens (phrases and prefixes match here);
* ``stems``: light stems of the same tokens (single words match here: a normalised
  match implies a stem match, so words need not be searched for single terms);
* ``keys``: cross-script keys (transliteration matching; "_" when a token has none).

The streams are computed in Python once, so SQLite and PostgreSQL index exactly the same
tokens and give the same matches. Stems and keys are cached (word frequencies are Zipf:
a small cache answers most lookups).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.search.keys import key
from marsad.text.stem import stem
from marsad.text.tokenize import terms

__all__ = ["MAX_INDEXED_TOKENS", "NO_KEY", "Analysis", "analyze", "key_of", "stem_of"]

MAX_INDEXED_TOKENS = 20_000  # per document; the rest of a very long text is not indexed
NO_KEY = "_"
_CACHE_MAX = 500_000
_stems: dict[str, str] = {}
_keys: dict[str, str] = {}


def stem_of(token: str) -> str:
    """Cached :func:`marsad.text.stem.stem`."""
    out = _stems.get(token)
    if out is None:
        if len(_stems) > _CACHE_MAX:
            _stems.clear()
        out = _stems[token] = stem(token)
    return out


def key_of(token: str) -> str:
    """Cached cross-script key; "" when the token has none (digits, short words)."""
    out = _keys.get(token)
    if out is None:
        if len(_keys) > _CACHE_MAX:
            _keys.clear()
        k = key(token)
        out = _keys[token] = k if k and k.isalnum() and k.isascii() else ""
    return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """Space-separated token streams of one document."""

    words: list[str]
    stems: list[str]
    keys: list[str]


def analyze(title: str, text: str) -> Analysis:
    """Analyse a document's title and text (title first) for indexing."""
    toks = terms(title + "\n" + text if title else text)[:MAX_INDEXED_TOKENS]
    return Analysis(
        words=toks,
        stems=[stem_of(t) for t in toks],
        keys=[key_of(t) or NO_KEY for t in toks],
    )
