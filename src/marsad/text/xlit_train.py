"""Train the chunk-pair table of :mod:`marsad.text.xlit_model` by expectation-maximisation.

Input: ``(latin letters, arabic letters)`` pairs, one name word each, already reduced by
:func:`~marsad.text.xlit_model.latin_letters` and
:func:`~marsad.text.xlit_model.arabic_letters`. Start: every chunk pair that could align
near the diagonal counts once per pair. Each iteration computes, by forward-backward, the
expected number of times each chunk pair is used over all alignments of every training
pair, drops pairs expected less than :data:`MIN_EXPECTED` times in all (so one odd pair
cannot teach the model), and renormalises. Plain Python: it runs offline
(``scripts/train_xlit.py``), a few seconds per thousand pairs per iteration.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence

__all__ = ["MIN_EXPECTED", "OPS", "train"]

# (Latin letters, Arabic letters) a chunk pair may take; kept in step with _xlit_kernels.
OPS = ((1, 0), (0, 1), (1, 1), (2, 1), (3, 1), (1, 2), (2, 2), (3, 2))
MIN_EXPECTED = 0.5
_BAND = 0.35  # initial chunk pairs: relative positions at most this far apart
_FLOOR = 1e-7

Table = dict[tuple[str, str], float]


def _prob(table: Table, key: tuple[str, str]) -> float:
    p = table.get(key)
    if p is not None:
        return p
    return _FLOOR if len(key[0]) == 1 and len(key[1]) == 1 else 0.0


def _forward(lat: str, ar: str, table: Table) -> list[list[float]]:
    n, m = len(lat), len(ar)
    f = [[0.0] * (m + 1) for _ in range(n + 1)]
    f[0][0] = 1.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i or j:
                f[i][j] = sum(
                    f[i - dl][j - da] * _prob(table, (lat[i - dl : i], ar[j - da : j]))
                    for dl, da in OPS
                    if dl <= i and da <= j and f[i - dl][j - da]
                )
    return f


def _backward(lat: str, ar: str, table: Table) -> list[list[float]]:
    n, m = len(lat), len(ar)
    b = [[0.0] * (m + 1) for _ in range(n + 1)]
    b[n][m] = 1.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i < n or j < m:
                b[i][j] = sum(
                    b[i + dl][j + da] * _prob(table, (lat[i : i + dl], ar[j : j + da]))
                    for dl, da in OPS
                    if i + dl <= n and j + da <= m and b[i + dl][j + da]
                )
    return b


def _initial(pairs: Sequence[tuple[str, str]]) -> Table:
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for lat, ar in pairs:
        n, m = len(lat), len(ar)
        for i in range(n + 1):
            for j in range(m + 1):
                if abs(i / (n or 1) - j / (m or 1)) >= _BAND:
                    continue
                for dl, da in OPS:
                    if i + dl <= n and j + da <= m:
                        counts[(lat[i : i + dl], ar[j : j + da])] += 1
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()}


def train(
    pairs: Sequence[tuple[str, str]],
    iterations: int = 5,
    progress: Callable[[int, float, int], None] | None = None,
) -> Table:
    """Learn chunk-pair probabilities from spelling pairs.

    Args:
        pairs: ``(latin letters, arabic letters)``, both non-empty.
        iterations: EM iterations (the log-likelihood barely moves after five).
        progress: Called after each iteration with (iteration, log-likelihood, size).

    Returns:
        ``{(latin chunk, arabic chunk): probability}``, summing to 1.
    """
    pairs = [(lat, ar) for lat, ar in pairs if lat and ar]
    table = _initial(pairs)
    for iteration in range(iterations):
        expected: dict[tuple[str, str], float] = defaultdict(float)
        loglik = 0.0
        for lat, ar in pairs:
            f = _forward(lat, ar, table)
            z = f[len(lat)][len(ar)]
            if z <= 0.0:
                continue
            loglik += math.log(z)
            b = _backward(lat, ar, table)
            n, m = len(lat), len(ar)
            for i in range(n + 1):
                for j in range(m + 1):
                    if not f[i][j]:
                        continue
                    for dl, da in OPS:
                        if i + dl > n or j + da > m or not b[i + dl][j + da]:
                            continue
                        key = (lat[i : i + dl], ar[j : j + da])
                        p = table.get(key)
                        if p:
                            expected[key] += f[i][j] * p * b[i + dl][j + da] / z
        kept = {k: v for k, v in expected.items() if v >= MIN_EXPECTED}
        total = sum(kept.values())
        table = {k: v / total for k, v in kept.items()}
        if progress:
            progress(iteration + 1, loglik, len(table))
    return table
