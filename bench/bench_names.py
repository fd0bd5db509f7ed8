"""Speed of name keys and name search: ``python -m bench names``.

Part 1, ``token_key``: tokens/s on one core over real name words (ANETAC train, both
scripts; synthetic words when ``../shared/data`` is absent), beside a baseline measured
in the same run: NFKC + casefold of each token, the least any search index does.
"""

from __future__ import annotations

import random
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from marsad.text.translit import token_key

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "names"


def name_words(limit: int = 150_000) -> list[str]:
    """Real name words in Latin and Arabic script (or synthetic ones as a fallback)."""
    words: list[str] = []
    for name in ("translit_train.en", "translit_train.ar"):
        path = DATA / "anetac" / name
        if path.exists():
            words += path.read_text("utf-8").split()
    if not words:
        rng = random.Random(7)
        letters = "abdefghiklmnorstuyzسليمانكتبحزرقد"
        words = ["".join(rng.choices(letters, k=rng.randint(3, 10))) for _ in range(limit)]
    return words[:limit]


def rate(fn: Callable[[str], object], words: Sequence[str], repeat: int = 3) -> float:
    """Best-of-``repeat`` items per second of ``fn`` over ``words``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for w in words:
            fn(w)
        best = min(best, time.perf_counter() - start)
    return len(words) / best


def _baseline_normalise(token: str) -> str:
    return unicodedata.normalize("NFKC", token).casefold()


def bench_token_key() -> int:
    words = name_words()
    ours = rate(token_key, words)
    base = rate(_baseline_normalise, words)
    print(f"token_key over {len(words):,} name words (Latin + Arabic), one core")
    print(f"  marsad token_key        {ours:12,.0f} tokens/s")
    print(f"  baseline NFKC+casefold  {base:12,.0f} tokens/s")
    print(f"  ratio (marsad/baseline) {ours / base:12.2f}   target >= 300,000 tokens/s")
    return 0 if ours >= 300_000 else 1


def main(argv: list[str]) -> int:
    return bench_token_key()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
