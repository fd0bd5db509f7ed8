"""Cross-script keys for transliteration matching.

The key function is :func:`marsad.text.translit.token_key` (a consonant skeleton in a
shared alphabet, so Soleimani, Suleimani and سليماني share ``SLMN``). Keys are stored in
the index lower-cased and restricted to ``[0-9a-z]`` (see
:func:`marsad.search.analyze.key_of`); after changing the key rules, run
``marsad reindex`` so stored keys match the query side.
"""

from __future__ import annotations

from marsad.text.translit import token_key as key

__all__ = ["key"]
