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

import re
from dataclasses import dataclass

from marsad.search.keys import key
from marsad.text.stem import stem
from marsad.text.tokenize import terms

__all__ = ["MAX_INDEXED_TOKENS", "NO_KEY", "Analysis", "analyze", "key_of", "stem_of"]

MAX_INDEXED_TOKENS = 20_000  # per document; the rest of a very long text is not indexed
NO_KEY = "_"
_CACHE_MAX = 500_000
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_stems: dict[str, str] = {}
_keys: dict[str, str] = {}
_index_keys: dict[str, str] = {}


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
        out = _keys[token] = _NOT_KEY.sub("", key(token).lower())
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
    stems = list(map(_stems.get, toks))
    if None in stems:
        stems = [s if s is not None else stem_of(t) for s, t in zip(stems, toks, strict=True)]
    keys = list(map(_index_keys.get, toks))
    if None in keys:
        keys = [k if k is not None else _index_key(t) for k, t in zip(keys, toks, strict=True)]
    return Analysis(words=toks, stems=stems, keys=keys)  # type: ignore[arg-type]


def _index_key(token: str) -> str:
    out = _index_keys.get(token)
    if out is None:
        if len(_index_keys) > _CACHE_MAX:
            _index_keys.clear()
        out = _index_keys[token] = key_of(token) or NO_KEY
    return out
