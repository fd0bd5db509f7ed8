"""Speed of name keys and name search: ``python -m bench names``.

Part 1, ``token_key``: tokens/s on one core over real name words (ANETAC train, both
scripts; synthetic words when ``../shared/data`` is absent), beside a baseline measured
in the same run: NFKC + casefold of each token, the least any search index does.

Part 2, ``NameIndex.search``: queries/s against 100,000 Arabic-script names (train-split
names of ``../shared/data/names`` padded with seeded two-word combinations of them),
Latin queries from the ANETAC train split; beside brute force in the same run:
rapidfuzz ``process.extract(query, names, scorer=fuzz.WRatio)`` over a naive
letter-by-letter romanisation of the names, timed on a subsample.
"""

from __future__ import annotations

import random
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from marsad.text import names as names_module
from marsad.text.name_index import NameIndex
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


def index_data(size: int = 100_000, queries: int = 2_000) -> tuple[list[str], list[str]]:
    """(Arabic names to index, Latin queries) from the train splits, or synthetic ones."""
    from eval.names_data import padded_arabic_names, train_sets

    try:
        train = train_sets()
    except OSError:
        rng = random.Random(9)
        fake = ["".join(rng.choices("سليمانكتبحزرقدو", k=rng.randint(3, 8))) for _ in range(5000)]
        return padded_arabic_names([], fake, size), ["Soleimani", "Muhandis"] * (queries // 2)
    arabic = sorted({ar for pairs in train.values() for _, ar in pairs})
    latin = sorted({lat for lat, _ in train["anetac train"]})
    return padded_arabic_names([], arabic, size), random.Random(4).sample(latin, queries)


def bench_index() -> int:
    names, queries = index_data()
    start = time.perf_counter()
    index = NameIndex()
    index.add_many((str(i), n) for i, n in enumerate(names))
    build = time.perf_counter() - start
    best = 0.0
    for _ in range(3):
        names_module.prepare.cache_clear()  # no query may profit from an earlier run
        start = time.perf_counter()
        for q in queries:
            index.search(q, 10)
        best = max(best, len(queries) / (time.perf_counter() - start))
    names_module.prepare.cache_clear()
    start = time.perf_counter()
    for q in queries:
        for c in index.search(q, 10):
            _ = c.detail  # written on first read
    explained = len(queries) / (time.perf_counter() - start)
    from eval.names_data import naive_romanise

    roms = [naive_romanise(n) for n in names]
    sub = queries[:20]
    start = time.perf_counter()
    for q in sub:
        process.extract(q.lower(), roms, scorer=fuzz.WRatio, limit=10)
    brute = len(sub) / (time.perf_counter() - start)
    print(f"NameIndex.search, {len(names):,} Arabic names (built in {build:.1f} s), one core")
    print(f"  marsad NameIndex          {best:10,.0f} queries/s ({len(queries):,} Latin queries)")
    print(f"    reading all 10 reasons  {explained:10,.0f} queries/s (explanations are lazy)")
    print(f"  baseline WRatio brute     {brute:10,.1f} queries/s ({len(sub)} queries)")
    print(f"  ratio (marsad/baseline)   {best / brute:10,.0f}   target >= 1,000 queries/s")
    return 0 if best >= 1_000 else 1


def main(argv: list[str]) -> int:
    parts = {"token_key": bench_token_key, "index": bench_index}
    chosen = [p for p in argv if p in parts] or list(parts)
    return max(parts[p]() for p in chosen)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
