"""Helpers the search benchmarks share: query sets, timing, percentiles, table rows.

Not a benchmark itself (``python -m bench`` runs only ``bench_*.py``).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from bench.gen_corpus import Corpus

__all__ = ["latency_header", "latency_row", "pcts", "queries", "time_queries"]


def queries(corpus: Corpus, per_band: int) -> dict[str, list[str]]:
    """1-3 word queries in four bands of the Zipf ranking (same seed, same queries)."""
    rng = random.Random(11)

    def pick(words: list[str], lo: int, hi: int) -> list[str]:
        out = []
        for _ in range(per_band):
            k = rng.randint(1, 3)
            out.append(" ".join(rng.choice(words[lo:hi]) for _ in range(k)))
        return out

    mixed = [corpus.ar, corpus.en]
    return {
        "common": [q for w in mixed for q in pick(w, 0, 5)][:per_band],
        "frequent": [q for w in mixed for q in pick(w, 50, 500)][:per_band],
        "rare": [q for w in mixed for q in pick(w, 5000, 20000)][:per_band],
        "names": ["Soleimani", "سليماني", "Muhandis", "Hezbollah", "كتائب", "Suleimani"][:per_band],
    }


def time_queries(fn: Callable[[str], object], qs: list[str]) -> tuple[list[float], list[float]]:
    """Run ``fn`` on each query: wall and CPU (this process) milliseconds per query."""
    wall, cpu = [], []
    for q in qs:
        t0, c0 = time.perf_counter(), time.process_time()
        fn(q)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def pcts(ms: list[float]) -> tuple[float, float]:
    """p50 and p95 (nearest rank)."""
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def latency_header(ours: str, base: str) -> str:
    return (
        f"{'band':9} {'sort':9} {ours + ' p50':>16} {'p95':>16} {base + ' p50':>16} {'p95':>16}"
        f" {'ratio':>7}"
    )


def latency_row(
    band: str,
    sort: str,
    ours: tuple[list[float], list[float]],
    base: tuple[list[float], list[float]],
    note: str = "",
) -> str:
    """One line: p50/p95 wall (CPU) for ours and the baseline, ratio = base p95 / ours p95."""
    (mw, mc), (bw, bc) = ours, base
    cells = [
        f"{w:7.1f} ({c:6.1f})"
        for w, c in zip(pcts(mw) + pcts(bw), pcts(mc) + pcts(bc), strict=True)
    ]
    ratio = pcts(bw)[1] / pcts(mw)[1]
    return f"{band:9} {sort:9} " + " ".join(f"{c:>16}" for c in cells) + f" {ratio:6.2f}x" + note
