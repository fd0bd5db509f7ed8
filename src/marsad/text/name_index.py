"""Search many names for one: :class:`NameIndex` (blocking on keys, then scoring).

Brute force (scoring every stored name) runs at a few queries per second on 100,000
names. Instead each name is filed under *blocking keys*: its skeleton keys per word, the
whole skeleton, and their one-letter deletion neighbours (symmetric deletion: two keys
one edit apart share a neighbour). A query collects the names filed under its own
blocking keys, ranks them cheaply on the vowel-aware romanisation with rapidfuzz, and
scores the best few with the full model of :mod:`marsad.text.names`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from marsad.core.errors import InputError
from marsad.text.names import NameForm, abbreviations_of, compare_forms, prepare

__all__ = ["MAX_BUCKET", "Candidate", "NameIndex"]

MAX_BUCKET = 3_000  # buckets larger than this are only used when nothing else matches
_MIN_DELETION_KEY = 3  # keys shorter than this get no deletion neighbours
_SHORTLIST = 40  # how many pre-ranked candidates the full model scores (at least)


@dataclass(frozen=True)
class Candidate:
    """One search result.

    Attributes:
        id: The id the name was added with.
        name: The stored name.
        score: The :func:`marsad.text.names.compare` score, in [0, 1].
        detail: Its plain-language explanation.
    """

    id: str
    name: str
    score: float
    detail: str


def blocking_keys(form: NameForm) -> set[str]:
    """The keys a name is filed under (and a query looks up).

    Args:
        form: A prepared name.

    Returns:
        Per-word keys, the whole skeleton, their one-deletion neighbours, and the
        abbreviations the name may go by (prefixed ``@``).
    """
    out: set[str] = {f"@{abbr}" for abbr in abbreviations_of(form)} if form.translit else set()
    whole = form.skeleton
    for key in {*form.keys, whole}:
        if not key:
            continue
        out.add(key)
        if len(key) >= _MIN_DELETION_KEY:
            out.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return out


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
        self._buckets: dict[str, list[int]] = {}

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
        for key in blocking_keys(form):
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
        shortlist = self._shortlist(query, pool, max(_SHORTLIST, 3 * limit))
        scored = []
        for pos in shortlist:
            match = compare_forms(query, self._forms[pos])
            scored.append((-match.score, pos, match))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [
            Candidate(self._ids[pos], self._forms[pos].text, m.score, m.detail)
            for _, pos, m in scored[:limit]
        ]

    def _pool(self, query: NameForm) -> set[int]:
        """Positions of the names sharing a blocking key with the query."""
        pool: set[int] = set()
        oversized: list[list[int]] = []
        for key in blocking_keys(query):
            bucket = self._buckets.get(key)
            if not bucket:
                continue
            if len(bucket) > MAX_BUCKET:
                oversized.append(bucket)
            else:
                pool.update(bucket)
        if not pool and oversized:
            smallest: list[int] = min(oversized, key=len)
            pool.update(smallest)
        return pool

    def _shortlist(self, query: NameForm, pool: set[int], size: int) -> list[int]:
        """The ``size`` pool members closest to the query on the romanisation."""
        if len(pool) <= size:
            return sorted(pool)
        choices = {pos: self._roms[pos] for pos in pool}
        best = process.extract(
            " ".join(query.roms), choices, scorer=fuzz.token_set_ratio, limit=size
        )
        return [pos for _, _, pos in best]
