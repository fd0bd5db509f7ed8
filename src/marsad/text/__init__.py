"""Text pipeline: normalise, tokenise, stem and detect language (Arabic, Persian, English).

The public surface is re-exported here; the modules behind it are small and private in
spirit. ``marsad.text.translit`` (cross-script name keys) lives beside them.
"""

from __future__ import annotations

from marsad.text.lang import detect_lang
from marsad.text.normalize import normalize
from marsad.text.stem import stem
from marsad.text.tokenize import Token, terms, tokenize

__all__ = ["Token", "detect_lang", "normalize", "stem", "terms", "tokenize"]
