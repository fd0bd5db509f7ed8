"""Search many names for one: :class:`NameIndex` (blocking on keys, then scoring).

Brute force (scoring every stored name) runs at a few queries per second on 100,000
names. Instead each name is filed under *blocking keys*: its skeleton keys per word, the
whole skeleton, and their one-letter deletion neighbours (symmetric deletion: two keys
one edit apart share a neighbour). A query collects the names filed under its own
blocking keys, ranks them cheaply on the vowel-aware romanisation with rapidfuzz, and
scores the best few with the full model of :mod:`marsad.text.names`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from operator import itemgetter

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from marsad.core.errors import InputError
from marsad.text import xlit_model
from marsad.text.name_explain import explain
from marsad.text.names import (
    COARSE_CLASSES,
    NameForm,
    abbreviations_of,
    prepare,
    score_ceiling,
    score_forms,
)

__all__ = ["MAX_BUCKET", "Candidate", "NameIndex"]

MAX_BUCKET = 5_000  # exact-key buckets larger than this are used only if nothing else is
# Deletion-neighbour buckets larger than this are skipped. 250, not 500: on calibration
# pairs (train pairs the learned model never saw) recall@10 moved by at most 0.003 in any
# split and direction, and a query scans a third fewer names (bench names: ~1,100 →
# ~1,250 queries/s).
MAX_NEAR_BUCKET = 250
_MIN_DELETION_KEY = 3  # keys shorter than this get no deletion neighbours
# How many pre-ranked candidates get the learned fit (at least; plus half as many on the
# skeleton). 30, not 20: on calibration pairs Wikidata recall@10 0.960 → 0.962
# (Latin → Arabic) and 0.967 → 0.971 (Arabic → Latin), the others unchanged or up, at
# ~1,500 instead of ~1,800 queries/s (eval names; the dense kernel paid for part of it).
_SHORTLIST = 30
_Link = tuple[str, str] | None  # an abbreviation link (names.abbreviation)
_Chosen = tuple[int, int] | None  # the (Latin, Arabic) readings the learned fit chose


@dataclass(frozen=True)
class Candidate:
    """One search result.

    Attributes:
        id: The id the name was added with.
        name: The stored name.
        score: The :func:`marsad.text.names.compare` score, in [0, 1].
        detail: Its plain-language explanation, written when first read (most callers
            rank many names and read the reasons of a few).
    """

    id: str
    name: str
    score: float
    _explain: Callable[[], str] = field(repr=False, compare=False)

    @cached_property
    def detail(self) -> str:
        """The plain-language explanation of the score."""
        return self._explain()


def blocking_keys(form: NameForm) -> tuple[set[str], set[str]]:
    """The keys a name is filed under (and a query looks up).

    Args:
        form: A prepared name.

    Returns:
        ``(exact, near)``: per-word keys, the whole skeleton (of every reading of a
        Latin name, ``NameForm.alts``) and the abbreviations the
        name may go by (prefixed ``@``); and the one-deletion neighbours of those keys.
        Keys are coarse (near classes merged: s/z/sh → S, d/t → T) so a near-class
        substitution plus one other edit is still found.
    """
    exact: set[str] = {f"@{abbr}" for abbr in abbreviations_of(form)} if form.translit else set()
    near: set[str] = set()
    keys = {*form.keys, form.skeleton}
    for alt in form.alts:
        keys.update((*alt.keys, alt.skeleton))
    for key in keys:
        key = key.translate(COARSE_CLASSES) if form.translit else key
        if not key:
            continue
        exact.add(key)
        if len(key) >= _MIN_DELETION_KEY:
            near.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return exact, near - exact


class NameIndex:
    """An in-memory index of names, searchable across scripts.

    Args:
        translit: Match across scripts (default); ``False`` keeps same-script matching
            only (keys are the folded words).
    """

    def __init__(self, *, translit: bool = True) -> None:
        self.translit = translit
        self._ids: list[str] = []
        self._forms: list[NameForm] = []
        self._roms: list[str] = []
        self._skeletons: list[str] = []
        self._buckets: dict[str, list[int]] = {}
        self._readings = xlit_model.ReadingsIndex()

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, id: str, name: str) -> None:
        """Add one name.

        Args:
            id: Caller's identifier, returned with matches.
            name: The name.

        Raises:
            InputError: If the name is too long to be a name.
        """
        form = prepare(name, self.translit)
        pos = len(self._ids)
        self._ids.append(id)
        self._forms.append(form)
        self._roms.append(" ".join(form.roms))
        self._skeletons.append(form.coarse)
        self._readings.add(form.spelled)
        exact, near = blocking_keys(form)
        for key in exact | near:
            self._buckets.setdefault(key, []).append(pos)

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Add ``(id, name)`` pairs."""
        for id_, name in items:
            self.add(id_, name)

    def search(self, name: str, limit: int = 10) -> list[Candidate]:
        """Find the stored names closest to ``name``, best first.

        Args:
            name: The query name, in any script.
            limit: How many candidates to return at most.

        Returns:
            Candidates with score and explanation; ties broken by stored order.

        Raises:
            InputError: If ``limit`` is not positive or the name is too long.
        """
        if limit < 1:
            raise InputError(f"limit must be at least 1, not {limit}")
        query = prepare(name, self.translit)
        pool = self._pool(query)
        if not pool:
            return []
        shortlist = self._shortlist(query, pool, max(_SHORTLIST, 2 * limit))
        learned = self._learned(query, shortlist)
        # Best bound first; stop once no candidate left can reach the list (exact: the
        # bound is a true ceiling of the score, see names.score_ceiling).
        bounded = sorted(
            (
                (score_ceiling(query, self._forms[pos], fit), pos, fit, chosen)
                for pos, (fit, chosen) in zip(shortlist, learned, strict=True)
            ),
            key=lambda t: -t[0],
        )
        scored: list[tuple[float, int, dict[str, float], _Link, _Chosen]] = []
        best: list[float] = []  # min-heap of the ``limit`` best scores so far
        for ceiling, pos, fit, chosen in bounded:
            if len(best) == limit and ceiling < best[0]:
                break
            score, features, link = score_forms(query, self._forms[pos], fit)
            scored.append((-score, pos, features, link, chosen))
            if len(best) < limit:
                heapq.heappush(best, score)
            elif score > best[0]:
                heapq.heapreplace(best, score)
        scored.sort(key=itemgetter(0, 1))
        return [
            Candidate(
                self._ids[pos],
                self._forms[pos].text,
                -neg,
                partial(explain, query, self._forms[pos], features, link, chosen),
            )
            for neg, pos, features, link, chosen in scored[:limit]
        ]

    def _learned(
        self, query: NameForm, positions: list[int]
    ) -> list[tuple[float | None, tuple[int, int] | None]]:
        """The learned spelling fit of the query with each candidate, in one compiled
        call (``None`` where it does not apply: same script, or transliteration off), with
        the (Latin, Arabic) readings that fit best, for the explanation."""
        if query.spelled is None:
            return [(None, None)] * len(positions)
        values = self._readings.pmi_many(query.spelled, positions)
        return [(None, None) if v != v else (xlit_model.squash(v), xy) for v, xy in values]

    def _pool(self, query: NameForm) -> list[int]:
        """Positions of the names sharing a blocking key with the query."""
        pool: set[int] = set()
        oversized: list[list[int]] = []
        exact, near = blocking_keys(query)
        for key in exact:
            bucket = self._buckets.get(key)
            if bucket and len(bucket) > MAX_BUCKET:
                oversized.append(bucket)
            elif bucket:
                pool.update(bucket)
        for key in near:
            bucket = self._buckets.get(key)
            if bucket and len(bucket) <= MAX_NEAR_BUCKET:
                pool.update(bucket)
        if not pool and oversized:
            smallest: list[int] = min(oversized, key=len)
            pool.update(smallest)
        return list(pool)

    def _shortlist(self, query: NameForm, pool: list[int], size: int) -> list[int]:
        """The pool members closest to the query: the ``size`` best on the romanisation,
        plus the ``size // 2`` best on the coarse skeleton (Arabic omits the short vowels
        the romanisation of a Latin query carries)."""
        if len(pool) <= size:
            return pool
        best = _top(" ".join(query.roms), itemgetter(*pool)(self._roms), size)
        near = _top(query.coarse, itemgetter(*pool)(self._skeletons), size // 2)
        return list(dict.fromkeys(pool[i] for i in (*best, *near)))


def _top(query: str, choices: tuple[str, ...], size: int) -> list[int]:
    """Indices of the ``size`` choices most similar to ``query`` (Indel similarity, the
    measure of ``fuzz.ratio``), best first, ties in order: one vectorised pass, a third
    faster than ``process.extract`` on a few hundred names."""
    scores = process.cdist([query], choices, scorer=Indel.normalized_similarity)[0]
    part = np.argpartition(-scores, size - 1)[:size] if size < len(choices) else range(len(choices))
    return sorted(part, key=lambda i: (-scores[i], i))
