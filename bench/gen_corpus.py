"""Deterministic synthetic Arabic/English corpus with Zipf word frequencies.

Vocabulary: made-up Arabic words (3-7 letters, some with ال or و, a few with harakat,
tatweel or hamza forms as real posts have them) and made-up English words, ranked and
drawn with probability ∝ 1/rank (Zipf, s = 1). 70% of posts are Arabic, 30% English,
8-60 words each; a handful of real names in several spellings are sprinkled in at low
rates so name queries have realistic, small result sets. Same seed, same corpus.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

AR_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
EN_SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + ["th", "sh", "ch"]
HARAKAT = "\u064e\u064f\u0650\u0652\u0651"
NAMES_AR = ["سليماني", "سُلَيْمانيّ", "المهندس", "كتائب", "حزب", "الإعلام", "الحربي"]
NAMES_EN = ["Soleimani", "Suleimani", "Soleymani", "Muhandis", "Hezbollah", "Kata'ib"]
START = datetime(2019, 1, 1, tzinfo=UTC)


def _vocab(rng: random.Random, n: int, arabic: bool) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        if arabic:
            w = "".join(rng.choice(AR_LETTERS) for _ in range(rng.randint(3, 7)))
        else:
            w = "".join(rng.choice(EN_SYLLABLES) for _ in range(rng.randint(1, 4)))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Corpus:
    """A reproducible stream of synthetic posts."""

    def __init__(self, seed: int = 7, ar_vocab: int = 60_000, en_vocab: int = 30_000) -> None:
        rng = random.Random(seed)
        self.seed = seed
        self.ar = _vocab(rng, ar_vocab, True)
        self.en = _vocab(rng, en_vocab, False)
        self.ar_cum = list(itertools.accumulate(1 / r for r in range(1, ar_vocab + 1)))
        self.en_cum = list(itertools.accumulate(1 / r for r in range(1, en_vocab + 1)))

    def _decorate(self, rng: random.Random, word: str) -> str:
        roll = rng.random()
        if roll < 0.04:
            return "".join(ch + rng.choice(HARAKAT) for ch in word)
        if roll < 0.06:
            return word[0] + "ـ" + word[1:]
        if roll < 0.10 and word[0] == "ا":
            return "أ" + word[1:]
        return word

    def posts(self, n: int, start_id: int = 1) -> Iterator[dict[str, Any]]:
        """Yield ``n`` posts with ids from ``start_id``, in publication order."""
        rng = random.Random(self.seed * 1_000_003 + start_id)
        for i in range(start_id, start_id + n):
            arabic = rng.random() < 0.7
            k = rng.randint(8, 60)
            if arabic:
                words = [
                    self._decorate(rng, w)
                    for w in rng.choices(self.ar, cum_weights=self.ar_cum, k=k)
                ]
                if rng.random() < 0.002:
                    words.insert(rng.randrange(k), rng.choice(NAMES_AR))
            else:
                words = rng.choices(self.en, cum_weights=self.en_cum, k=k)
                if rng.random() < 0.002:
                    words.insert(rng.randrange(k), rng.choice(NAMES_EN))
            yield {
                "id": i,
                "source_id": 1 + i % 50,
                "title": "",
                "text": " ".join(words),
                "lang": "ar" if arabic else "en",
                "published_at": START + timedelta(minutes=i),
            }
