"""Light stemming of normalised tokens: Arabic (Lucene's rules) and English (plurals).

Arabic follows Lucene's ``ArabicStemmer`` exactly (``docs/ARABIC.md``):

* prefix: strip only the first match of ال وال بال كال فال لل و; a multi-letter prefix
  needs at least 2 letters left; و needs a word of at least 4 letters;
* suffixes: ها ان ات ون ين يه ية ه ة ي checked once in that order, each stripped when it
  matches and at least 2 letters remain (several may go in sequence).

Input must already be normalised (so ة has become ه and ى has become ي).

English folds plurals only (Harman's "S" stemmer, with -sses/-xes/-zes/-ches/-shes
losing "es"), because
names dominate our queries and aggressive stemmers (Porter) merge distinct names
(e.g. ``Mosul``/``Mosu``). Other scripts are returned unchanged.
"""

from __future__ import annotations

__all__ = ["stem", "stem_arabic", "stem_english"]

_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


def _is_arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


def stem_arabic(token: str) -> str:
    """Apply Lucene's light Arabic stemmer to a normalised token."""
    word = token
    n = len(word)
    for prefix in _PREFIXES:
        p = len(prefix)
        if p == 1 and n < 4:
            continue
        if n > p + 1 and word.startswith(prefix):
            word = word[p:]
            break
    for suffix in _SUFFIXES:
        s = len(suffix)
        if len(word) > s + 1 and word.endswith(suffix):
            word = word[:-s]
    return word


def stem_english(token: str) -> str:
    """Fold English plurals on a lower-case ASCII token (see module docstring)."""
    n = len(token)
    if n > 4 and token.endswith("ies") and token[-4] not in "ae":
        return token[:-3] + "y"
    if n > 4 and token.endswith("es") and token[-3] not in "aeo":
        if token.endswith(("sses", "xes", "zes", "ches", "shes")):
            return token[:-2]
        return token[:-1]
    if n > 3 and token.endswith("s") and token[-2] not in "usi":
        return token[:-1]
    return token


def stem(token: str) -> str:
    """Stem one normalised token according to its script.

    Args:
        token: A token as produced by :func:`marsad.text.tokenize.terms`.

    Returns:
        The stem; unchanged for digits, other scripts and tokens too short to stem.
    """
    if not token:
        return token
    if _is_arabic(token):
        return stem_arabic(token)
    if token.isascii() and token.isalpha():
        return stem_english(token)
    return token
