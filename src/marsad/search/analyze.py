"""Turn a document into the token streams both search backends index.

Each document yields three aligned streams, one entry per token, so positions agree:

* ``words``: normalised tokens (phrases and prefixes match here);
* ``stems``: light stems of the same tokens (single words match here: a normalised
  match implies a stem match, so words need not be searched for single terms);
* ``keys``: cross-script keys (transliteration matching; "_" when a token has none),
  followed by the fused keys of two-word names (:func:`compounds`). A word of one
  consonant keeps its vowel edges (:func:`key_of`): Ali and علي share ``vlv``, while لا
  is ``lv`` and the English "all" ``vl``; a bare ``l`` matched them all.

The streams are computed in Python once, so SQLite and PostgreSQL index exactly the same
tokens and give the same matches. Stems and keys are cached (word frequencies are Zipf:
a small cache answers most lookups).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from marsad.search.keys import key
from marsad.text.stem import stem
from marsad.text.tokenize import terms
from marsad.text.translit import load_resource, token_rom

__all__ = [
    "MAX_INDEXED_TOKENS",
    "NO_KEY",
    "Analysis",
    "analyze",
    "compounds",
    "fingerprint",
    "index_streams",
    "key_of",
    "phrase_keys",
    "stem_of",
]

INDEX_FORMAT = "3"  # bump when the backends change what they store per document
MAX_INDEXED_TOKENS = 20_000  # per document; the rest of a very long text is not indexed
NO_KEY = "_"
_CACHE_MAX = 500_000
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
_PARTICLES = load_resource("particles.yaml")
_ALLAH = frozenset(terms(" ".join(_PARTICLES["allah_words"])))
_ABD = frozenset(terms(" ".join(_PARTICLES["abd_words"])))
_ARTICLES = frozenset(terms(" ".join(_PARTICLES["articles"])))
_KEYLESS = _ARTICLES | frozenset(
    terms(" ".join(_PARTICLES["no_key_words"]["arabic"] + _PARTICLES["no_key_words"]["latin"]))
)
_stems: dict[str, str] = {}
_keys: dict[str, str] = {}
_plain_keys: dict[str, str] = {}
_index_keys: dict[str, str] = {}
_entries: dict[str, tuple[str, str]] = {}  # token -> (stem or "" when the same, index key)
_NAME_WORDS = _ALLAH | _ABD


def stem_of(token: str) -> str:
    """Cached :func:`marsad.text.stem.stem`."""
    out = _stems.get(token)
    if out is None:
        if len(_stems) > _CACHE_MAX:
            _stems.clear()
        out = _stems[token] = stem(token)
    return out


def key_of(token: str) -> str:
    """Cached cross-script key of a word; "" when it has none (digits, vowels only,
    articles and function words: :func:`_function_word`).

    A key of one consonant matches too much (``l``: Ali, علي, but also إلى, لا, لي,
    "all", "al-"), so such a word is keyed by its vowel-aware romanisation's outline:
    ``v`` when it opens with a vowel, its consonants, ``v`` when it ends in one
    (:func:`short_key`).
    """
    out = _keys.get(token)
    if out is None:
        if len(_keys) > _CACHE_MAX:
            _keys.clear()
        out = "" if _function_word(token) else plain_key_of(token)
        if len(out) == 1 and out.isalpha():
            out = short_key(token_rom(token)) or out
        _keys[token] = out
    return out


def _function_word(token: str) -> bool:
    """An article or a function word of ``particles.yaml`` (``no_key_words``), also
    behind و/ف: never a name, and its short key would match names everywhere."""
    return token in _KEYLESS or (token[:1] in ("و", "ف") and token[1:] in _KEYLESS)


def plain_key_of(token: str) -> str:
    """Cached consonant key alone (what two-word names fuse: :func:`compounds`)."""
    out = _plain_keys.get(token)
    if out is None:
        if len(_plain_keys) > _CACHE_MAX:
            _plain_keys.clear()
        out = _plain_keys[token] = _NOT_KEY.sub("", key(token).lower())
    return out


def short_key(rom: str) -> str:
    """The outline of a one-consonant word's romanisation (``aLi`` → ``vlv``, ``Ma`` →
    ``mv``, ``uaiL`` → ``vl``): ``v`` for a leading and a trailing vowel, the consonants
    between. Which vowel is left out: Arabic writes ʿayn, alef or waw where Latin writes
    a vowel (Eid = عيد, Wael = وائل), and normalisation folds ى to ي (Isa = عيسى, read
    عيسي; Layla = ليلى)."""
    if not rom:
        return ""
    head = "v" if rom[0].islower() else ""
    tail = "v" if rom[-1].islower() else ""
    return head + "".join(c for c in rom if c.isupper()).lower() + tail


def _fuse(a: str, b: str) -> str:
    return _DOUBLE.sub(r"\1", a + b) if a and b else ""


def compounds(toks: list[str]) -> list[tuple[int, int, str]]:
    """Two-word names keyed as one, as :func:`marsad.text.translit.token_keys` does.

    ``حزب الله`` / ``Hizb Allah`` get the key of ``Hezbollah`` (the allah-word fuses with
    the word before it) and ``عبد الرحمن`` / ``Abd al-Rahman`` that of ``Abdulrahman``.

    Returns:
        ``(first, last, key)`` token index ranges (inclusive) with their fused key.
    """
    if _NAME_WORDS.isdisjoint(toks):
        return []
    out = []
    abd = plain_key_of("abd")
    for i, tok in enumerate(toks):
        if tok in _ALLAH and i and (k := _fuse(plain_key_of(toks[i - 1]), plain_key_of(tok))):
            out.append((i - 1, i, k))
        if tok in _ABD and i + 1 < len(toks):
            j = i + 2 if toks[i + 1] in _ARTICLES and i + 2 < len(toks) else i + 1
            if k := _fuse(abd, plain_key_of(toks[j])):
                out.append((i, j, k))
    return out


def phrase_keys(words: tuple[str, ...]) -> list[tuple[str, str]]:
    """What a multi-word name in a query must contain in any script.

    Articles are skipped and compounds fused; each other word gives its key, or its stem
    when it has no key (digits). Returns ``("k", key)`` and ``("s", stem)`` pairs.
    """
    fused = compounds(list(words))
    inside = {i for a, b, _ in fused for i in range(a, b + 1)}
    parts = [("k", k) for _, _, k in fused]
    for i, w in enumerate(words):
        if i not in inside and w not in _ARTICLES:
            k = key_of(w)
            parts.append(("k", k) if k else ("s", stem_of(w)))
    return parts


_PROBE = (
    "إِنَّ الـمُقاوَمَةِ الإسلامية في العراق أعلنت ٢٠٢١ استهداف قاعدةٍ ی ک ﻻ "
    "كتائب حزب الله عبد الرحمن سليماني المهندس والكتاب بالمدينة المسلمون "
    "Kata'ib Hezbollah Soleimani Abd al-Rahman Ḥizb Allāh militias casualties 313"
)


@cache
def fingerprint() -> str:
    """A short hash of what the analysis makes of a probe text.

    It changes when normalisation, stemming or key rules change; an index built under
    other rules must be rebuilt (``marsad reindex``) before entries can be replaced.
    """
    a = analyze("", _PROBE)
    blob = "\x1f".join([INDEX_FORMAT, " ".join(a.words), " ".join(a.stems), " ".join(a.keys)])
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


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
    extra = compounds(toks)
    if extra:
        keys += [k for _, _, k in extra]
    return Analysis(words=toks, stems=stems, keys=keys)  # type: ignore[arg-type]


def _index_key(token: str) -> str:
    out = _index_keys.get(token)
    if out is None:
        if len(_index_keys) > _CACHE_MAX:
            _index_keys.clear()
        out = _index_keys[token] = key_of(token) or NO_KEY
    return out


def index_streams(title: str, text: str) -> tuple[str, str, str]:
    """:func:`analyze` joined as the SQLite index stores it: ``(words, stems, keys)``.

    ``stems`` leaves out a stem equal to its word (a term searches both columns). Same
    result as joining :func:`analyze`'s streams, with one cache lookup per token.
    """
    toks = terms(title + "\n" + text if title else text)[:MAX_INDEXED_TOKENS]
    if not toks:
        return "", "", ""
    entries = list(map(_entries.get, toks))
    if None in entries:
        entries = [e or _entry(t) for e, t in zip(entries, toks, strict=True)]
    stems, keys = zip(*entries, strict=True)
    joined_keys = " ".join(keys)
    extra = compounds(toks)
    if extra:
        joined_keys += " " + " ".join([k for _, _, k in extra])
    return " ".join(toks), " ".join(filter(None, stems)), joined_keys


def _entry(token: str) -> tuple[str, str]:
    out = _entries.get(token)
    if out is None:
        if len(_entries) > _CACHE_MAX:
            _entries.clear()
        s = stem_of(token)
        out = _entries[token] = ("" if s == token else s, _index_key(token))
    return out
