"""Compiled dynamic programmes of :mod:`marsad.text.xlit_model` (numba, cached on disk).

Sequences are int64 letter codes; a Latin chunk of up to three letters has the id of
its codes read in base 27, an Arabic chunk of up to two letters in base 64, and a chunk
pair the key ``latin id * 4096 + arabic id``, looked up in an open-addressing hash table.

``model`` is the tuple ``(keys, values, floor, lat_seen, ar_seen, singles)``:

- ``keys``/``values``: the hash table (-1 marks an empty slot);
- ``floor``: the probability of a one-to-one pair the training never saw;
- ``lat_seen``/``ar_seen``: by chunk id, whether the table pairs that chunk with
  anything (most longer chunks it never does, and need no lookup);
- ``singles``: the one-letter pairs as a dense (27, 64) array, row 0 an Arabic letter
  alone, column 0 a Latin letter alone, the floor in place of an unseen 1:1 pair;
- ``letter_pairs``: a Latin letter with a two-letter Arabic chunk, dense (27, 4096);
- ``multi_row``/``multi_letter``: by Latin chunk id, the row (-1: none) of a Latin chunk
  of two or three letters in the dense (rows, 64) array of its pairs with one Arabic
  letter. Dense reads for the common chunk pairs make :func:`forward` about twice as
  fast as hash lookups (``python -m bench names``); the rare rest is hashed.

A reading set is ``(codes, offsets, log_marginals, flags)``: reading ``r`` is
``codes[offsets[r]:offsets[r + 1]]``; flags 0 without articles, 1 with, 2 either.
Plain loops, because that is what numba compiles well; ``bench/bench_names.py``
measures the whole matcher these serve.
"""

from __future__ import annotations

import numpy as np
from numba import njit

_LB = 27
_AB = 64
_AKEYS = _AB * _AB  # a pair's key: latin id * _AKEYS + arabic id


@njit(cache=True)
def slot(keys, key):  # type: ignore[no-untyped-def]
    """The slot of ``key`` in the open-addressing table ``keys`` (size a power of two,
    -1 = empty): where it is, or the empty slot where it would go."""
    mask = keys.shape[0] - 1
    h = (key * 0x9E3779B1) & mask
    while keys[h] != -1 and keys[h] != key:
        h = (h + 1) & mask
    return h


@njit(cache=True)
def _pair(model, key):  # type: ignore[no-untyped-def]
    keys, values = model[0], model[1]
    h = slot(keys, key)
    return values[h] if keys[h] == key else 0.0


@njit(cache=True)
def _chunk_ids(seq, longest, base):  # type: ignore[no-untyped-def]
    """ids[i, d]: the id of the chunk of ``d`` letters ending before position ``i``."""
    n = seq.shape[0]
    ids = np.zeros((n + 1, longest + 1), dtype=np.int64)
    for i in range(n + 1):
        for d in range(1, min(i, longest) + 1):
            cid = 0
            for k in range(i - d, i):
                cid = cid * base + seq[k]
            ids[i, d] = cid
    return ids


@njit(cache=True)
def _viterbi_table(lat, ar, model):  # type: ignore[no-untyped-def]
    """The Viterbi table and its back-pointers (Latin, Arabic letters of the last step):
    :func:`forward` with max for sum."""
    lat_seen, ar_seen, singles = model[3], model[4], model[5]
    n = lat.shape[0]
    m = ar.shape[0]
    lids = _chunk_ids(lat, 3, _LB)
    aids = _chunk_ids(ar, 2, _AB)
    f = np.zeros((n + 1, m + 1))
    back = np.zeros((n + 1, m + 1, 2), dtype=np.int64)
    f[0, 0] = 1.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            top = 0.0
            for dl in range(min(i, 3) + 1):
                if dl > 1 and not lat_seen[lids[i, dl]]:
                    continue
                for da in range(min(j, 2) + 1):
                    if dl + da == 0 or (dl == 0 and da > 1) or (da == 0 and dl > 1):
                        continue
                    prev = f[i - dl, j - da]
                    if prev == 0.0 or (da > 1 and not ar_seen[aids[j, da]]):
                        continue
                    if dl <= 1 and da <= 1:
                        p = singles[lat[i - 1] if dl else 0, ar[j - 1] if da else 0]
                    else:
                        p = _pair(model, lids[i, dl] * _AKEYS + aids[j, da])
                    step = prev * p
                    if step > top:
                        top = step
                        back[i, j, 0] = dl
                        back[i, j, 1] = da
            f[i, j] = top
    return f, back


@njit(cache=True)
def forward(lat, ar, model):  # type: ignore[no-untyped-def]
    """P(lat, ar) summed over every chunk alignment (the hot path: :func:`_viterbi_table`
    with sum for max and no back-pointers; dense reads where the model has them)."""
    ar_seen, singles, letter_pairs, multi_row, multi_letter = (
        model[4],
        model[5],
        model[6],
        model[7],
        model[8],
    )
    n = lat.shape[0]
    m = ar.shape[0]
    lids = _chunk_ids(lat, 3, _LB)
    aids = _chunk_ids(ar, 2, _AB)
    f = np.zeros((n + 1, m + 1))
    f[0, 0] = 1.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            total = 0.0
            pair2 = j > 1 and ar_seen[aids[j, 2]]  # the two Arabic letters before j pair
            if i > 0:
                letter = lat[i - 1]
                total += f[i - 1, j] * singles[letter, 0]
                if j > 0:
                    total += f[i - 1, j - 1] * singles[letter, ar[j - 1]]
                if pair2:
                    total += f[i - 1, j - 2] * letter_pairs[letter, aids[j, 2]]
            if j > 0:
                total += f[i, j - 1] * singles[0, ar[j - 1]]
                for dl in range(2, min(i, 3) + 1):
                    row = multi_row[lids[i, dl]]
                    if row < 0:
                        continue
                    total += f[i - dl, j - 1] * multi_letter[row, ar[j - 1]]
                    if pair2:
                        prev = f[i - dl, j - 2]
                        if prev != 0.0:
                            total += prev * _pair(model, lids[i, dl] * _AKEYS + aids[j, 2])
            f[i, j] = total
    return f[n, m]


@njit(cache=True)
def viterbi(lat, ar, model):  # type: ignore[no-untyped-def]
    """The best single chunk alignment, as ``(latin letters, arabic letters)`` steps."""
    f, back = _viterbi_table(lat, ar, model)
    i = lat.shape[0]
    j = ar.shape[0]
    steps = np.zeros((i + j, 2), dtype=np.int64)
    count = 0
    while (i > 0 or j > 0) and f[i, j] > 0.0:
        dl = back[i, j, 0]
        da = back[i, j, 1]
        steps[count, 0] = dl
        steps[count, 1] = da
        count += 1
        i -= dl
        j -= da
    return steps[:count][::-1]


@njit(cache=True)
def marginal(seq, table, base, longest):  # type: ignore[no-untyped-def]
    """P(seq) on its own: chunks of 1..``longest`` letters, each by its marginal."""
    n = seq.shape[0]
    f = np.zeros(n + 1)
    f[0] = 1.0
    for i in range(1, n + 1):
        total = 0.0
        for d in range(1, min(i, longest) + 1):
            cid = 0
            for k in range(i - d, i):
                cid = cid * base + seq[k]
            total += f[i - d] * table[cid]
        f[i] = total
    return f[n]


@njit(cache=True)
def best_pmi(latin, arabic, model):  # type: ignore[no-untyped-def]
    """The best PMI per letter over the (Latin reading, Arabic reading) pairs whose
    article flags agree: ``(pmi, latin reading, arabic reading)``, or ``(-inf, -1, -1)``
    when nothing aligns."""
    lat, lat_offs, lat_margs, lat_flags = latin
    ar, ar_offs, ar_margs, ar_flags = arabic
    best = -np.inf
    best_x = -1
    best_y = -1
    for x in range(lat_offs.shape[0] - 1):
        lo, hi = lat_offs[x], lat_offs[x + 1]
        if hi == lo or lat_margs[x] == -np.inf:
            continue
        for y in range(ar_offs.shape[0] - 1):
            if lat_flags[x] != ar_flags[y] and lat_flags[x] != 2 and ar_flags[y] != 2:
                continue
            alo, ahi = ar_offs[y], ar_offs[y + 1]
            if ahi == alo or ar_margs[y] == -np.inf:
                continue
            joint = forward(lat[lo:hi], ar[alo:ahi], model)
            if joint <= 0.0:
                continue
            value = (np.log(joint) - lat_margs[x] - ar_margs[y]) / (hi - lo + ahi - alo)
            if value > best:
                best = value
                best_x = x
                best_y = y
    return best, best_x, best_y


@njit(cache=True)
def best_pmi_many(query, q_arabic, stored, first, arabic, positions, model):  # type: ignore[no-untyped-def]
    """:func:`best_pmi` of one query against many stored names (one reading set for all
    of them, name ``p`` owning readings ``first[p]:first[p + 1]``): the PMIs (NaN for a
    name in the query's own script), and the Latin and Arabic reading each chose."""
    codes, offs, margs, flags = stored
    out = np.empty(positions.shape[0])
    xs = np.full(positions.shape[0], -1, dtype=np.int64)
    ys = np.full(positions.shape[0], -1, dtype=np.int64)
    for k in range(positions.shape[0]):
        p = positions[k]
        if arabic[p] == q_arabic:
            out[k] = np.nan
            continue
        r0, r1 = first[p], first[p + 1]
        other = (codes, offs[r0 : r1 + 1], margs[r0:r1], flags[r0:r1])
        if q_arabic:
            out[k], xs[k], ys[k] = best_pmi(other, query, model)
        else:
            out[k], xs[k], ys[k] = best_pmi(query, other, model)
    return out, xs, ys


@njit(cache=True)
def best_alignment(latin, arabic, model, x, y):  # type: ignore[no-untyped-def]
    """The :func:`viterbi` steps of Latin reading ``x`` and Arabic reading ``y`` (when
    negative, those :func:`best_pmi` chooses), in one call: ``(pmi, x, y, steps)``;
    the PMI is NaN when the readings were given."""
    value = np.nan
    if x < 0:
        value, x, y = best_pmi(latin, arabic, model)
    if x < 0:
        return value, x, y, np.zeros((0, 2), dtype=np.int64)
    lat = latin[0][latin[1][x] : latin[1][x + 1]]
    ar = arabic[0][arabic[1][y] : arabic[1][y + 1]]
    return value, x, y, viterbi(lat, ar, model)
