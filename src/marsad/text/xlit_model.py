"""A learned model of how Latin and Arabic letters spell the same name.

``fit("Salamah", "سلمة")`` says how well two spellings agree, learned from name pairs
rather than written as rules: Latin ``ah`` for ة, ``ck`` for ك, a final ``e`` for ه,
doubled consonants for one letter, ``ou`` for و ... whatever the training pairs show.

The model is a joint chunk model (a stochastic edit distance, Ristad & Yianilos 1998, with
many-to-many chunks as in m2m-aligner, Jiampojamarn et al. 2007): a pair of spellings is
produced by a sequence of chunk pairs, each a Latin chunk of 0-3 letters with an Arabic
chunk of 0-2 letters, drawn independently from one learned table (``resources/
xlit_model.tsv``, trained by ``scripts/train_xlit.py`` with :mod:`marsad.text.xlit_train`).

The fit of two spellings is a pointwise mutual information per letter:
``(log P(latin, arabic) - log P(latin) - log P(arabic)) / (letters on both sides)``,
how much more likely the two spellings are together than each on its own; so a long
name is not penalised for being long, and a common short name is not a match to every
other short name. :func:`fit` maps it to [0, 1] with a logistic curve whose centre and
slope were chosen with the feature weights (:data:`FIT_CENTRE`, :data:`FIT_SLOPE`).

Articles: a name is read with its articles (``al-``, ``ال``) and without them, and the
best reading counts, since sources drop the article on one side only (البغدادي =
Baghdadi). The dynamic programmes run compiled (numba), a few microseconds a pair.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import numpy as np

from marsad.core.errors import ConfigError
from marsad.text.script import Script, detect_script
from marsad.text.translit import article_flags, split_words

__all__ = [
    "ARABIC_ALPHABET",
    "FIT_CENTRE",
    "FIT_SLOPE",
    "Alignment",
    "Readings",
    "ReadingsIndex",
    "align",
    "arabic_letters",
    "fit",
    "latin_letters",
    "load_table",
    "pmi",
    "read",
    "readings_of",
    "spellings",
    "squash",
]

# Chosen with the feature weights of marsad.text.names on calibration pairs held out of
# the model's training (see scripts/train_xlit.py and eval/eval_names.py).
FIT_CENTRE = 0.4
FIT_SLOPE = 8.0
FLOOR = 1e-7  # probability of a one-to-one letter pair the training never saw
MAX_LATIN_CHUNK = 3
MAX_ARABIC_CHUNK = 2
_LATIN_BASE = 27  # chunk ids: letters a-z are digits 1..26, so ids are unique per chunk
_ARABIC_BASE = 64
_MAX_LETTERS = 64  # longer spellings are cut (a name, not a paragraph)

ARABIC_ALPHABET = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژگڤ"
_ARABIC_CODE = {c: i + 1 for i, c in enumerate(ARABIC_ALPHABET)}
_ARABIC_FOLD = str.maketrans({"ی": "ي", "ک": "ك", "ھ": "ه", "ە": "ه", "ٱ": "ا"})
# Letters NFKD does not take apart into a base letter and a mark.
_LATIN_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "đ": "d", "œ": "oe", "ð": "d", "þ": "th"}
)


def latin_letters(text: str) -> str:
    """Lower-case a-z letters of a Latin spelling: accents and marks go (Rüştü → rustu)."""
    text = text.lower().translate(_LATIN_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if "a" <= c <= "z")[:_MAX_LETTERS]


def arabic_letters(text: str) -> str:
    """The Arabic letters of a spelling (Persian ی ک folded, harakat and tatweel gone)."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD)
    return "".join(c for c in text if c in _ARABIC_CODE)[:_MAX_LETTERS]


def _latin_code(c: str) -> int:
    return ord(c) - 96


def latin_chunk_id(chunk: str) -> int:
    """The table id of a Latin chunk (0 for the empty chunk)."""
    out = 0
    for c in chunk:
        out = out * _LATIN_BASE + _latin_code(c)
    return out


def arabic_chunk_id(chunk: str) -> int:
    """The table id of an Arabic chunk (0 for the empty chunk)."""
    out = 0
    for c in chunk:
        out = out * _ARABIC_BASE + _ARABIC_CODE[c]
    return out


def _pair_key(latin_id: int, arabic_id: int) -> int:
    """A chunk pair's key in the hash table (as ``_xlit_kernels`` computes it)."""
    return latin_id * _ARABIC_BASE**MAX_ARABIC_CHUNK + arabic_id


@dataclass(frozen=True)
class Table:
    """The learned chunk-pair probabilities, laid out for the compiled kernels.

    Attributes:
        keys: Open-addressing hash table of chunk-pair keys (``latin id * 4096 +
            arabic id``; -1 = empty slot), a power of two in size, at most half full.
        values: The probability of the pair in each slot.
        lat_marginal: P(Latin chunk) summed over its Arabic partners, by Latin id.
        ar_marginal: P(Arabic chunk) summed over its Latin partners, by Arabic id.
        size: How many chunk pairs the table holds.
        lat_seen: By Latin chunk id, whether the table has any pair with it (derived).
        ar_seen: By Arabic chunk id, whether the table has any pair with it (derived).
        singles: One-letter pairs as a dense (27, 64) array: row 0 an Arabic letter
            alone, column 0 a Latin letter alone, :data:`FLOOR` for an unseen 1:1 pair
            (derived).
        letter_pairs, multi_row, multi_letter: Dense copies of the common chunk pairs
            for the kernels (derived; see :mod:`marsad.text._xlit_kernels`).
    """

    keys: np.ndarray
    values: np.ndarray
    lat_marginal: np.ndarray
    ar_marginal: np.ndarray
    size: int
    lat_seen: np.ndarray = field(init=False)
    ar_seen: np.ndarray = field(init=False)
    singles: np.ndarray = field(init=False)
    letter_pairs: np.ndarray = field(init=False)
    multi_row: np.ndarray = field(init=False)
    multi_letter: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lat_seen", self.lat_marginal > 0)
        object.__setattr__(self, "ar_seen", self.ar_marginal > 0)
        singles = np.zeros((_LATIN_BASE, _ARABIC_BASE))
        slot = _kernels().slot
        for lid in range(_LATIN_BASE):
            for aid in range(_ARABIC_BASE):
                if lid or aid:
                    key = _pair_key(lid, aid)
                    h = slot(self.keys, key)
                    found = self.keys[h] == key
                    singles[lid, aid] = self.values[h] if found else 0.0
                    if lid and aid and not found:
                        singles[lid, aid] = FLOOR
        object.__setattr__(self, "singles", singles)
        # Dense copies of the common chunk pairs for kernels.forward (same values).
        letter_pairs = np.zeros((_LATIN_BASE, _ARABIC_BASE**2))
        multi_row = np.full(_LATIN_BASE**MAX_LATIN_CHUNK, -1, dtype=np.int64)
        multi: list[np.ndarray] = []
        for key, value in zip(self.keys.tolist(), self.values.tolist(), strict=True):
            if key < 0:
                continue
            lid, aid = divmod(key, _ARABIC_BASE**2)
            if lid < _LATIN_BASE and aid >= _ARABIC_BASE:
                letter_pairs[lid, aid] = value
            elif lid >= _LATIN_BASE and aid > 0:
                if multi_row[lid] < 0:
                    multi_row[lid] = len(multi)
                    multi.append(np.zeros(_ARABIC_BASE))
                if aid < _ARABIC_BASE:
                    multi[multi_row[lid]][aid] = value
        object.__setattr__(self, "letter_pairs", letter_pairs)
        object.__setattr__(self, "multi_row", multi_row)
        object.__setattr__(
            self, "multi_letter", np.array(multi) if multi else np.zeros((1, _ARABIC_BASE))
        )

    @cached_property
    def model(self) -> tuple[Any, ...]:
        """The tuple the kernels take (see :mod:`marsad.text._xlit_kernels`)."""
        return (
            self.keys,
            self.values,
            FLOOR,
            self.lat_seen,
            self.ar_seen,
            self.singles,
            self.letter_pairs,
            self.multi_row,
            self.multi_letter,
        )


def build_table(entries: Iterable[tuple[str, str, float]]) -> Table:
    """Lay out ``(latin chunk, arabic chunk, probability)`` entries for the kernels."""
    entries = list(entries)
    slots = 1 << max(4, (2 * len(entries)).bit_length())
    keys = np.full(slots, -1, dtype=np.int64)
    values = np.zeros(slots)
    lat_marginal = np.zeros(_LATIN_BASE**MAX_LATIN_CHUNK)
    ar_marginal = np.zeros(_ARABIC_BASE**MAX_ARABIC_CHUNK)
    slot = _kernels().slot
    for lat, ar, p in entries:
        lid, aid = latin_chunk_id(lat), arabic_chunk_id(ar)
        key = _pair_key(lid, aid)
        h = slot(keys, key)
        keys[h] = key
        values[h] += p
        if lid:
            lat_marginal[lid] += p
        if aid:
            ar_marginal[aid] += p
    return Table(keys, values, lat_marginal, ar_marginal, len(entries))


def parse_table(text: str) -> list[tuple[str, str, float]]:
    """Read the TSV form: ``latin<TAB>arabic<TAB>probability``, ``-`` for an empty chunk,
    ``#`` comments.

    Raises:
        ConfigError: On a malformed line or a letter outside the alphabets.
    """
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            lat, ar, p = fields[0], fields[1], float(fields[2])
            lat, ar = ("" if lat == "-" else lat), ("" if ar == "-" else ar)
            if (
                len(lat) > MAX_LATIN_CHUNK
                or len(ar) > MAX_ARABIC_CHUNK
                or latin_letters(lat) != lat
                or any(c not in _ARABIC_CODE for c in ar)
                or not (lat or ar)
                or not 0.0 < p <= 1.0
            ):
                raise ValueError(line)
        except (IndexError, ValueError) as exc:
            raise ConfigError(f"xlit model line {number} is malformed: {line[:60]!r}") from exc
        out.append((lat, ar, p))
    return out


def format_table(entries: Iterable[tuple[str, str, float]], header: Sequence[str]) -> str:
    """The TSV form :func:`parse_table` reads, sorted, with ``header`` as comments."""
    lines = [f"# {h}" if h else "#" for h in header]
    for lat, ar, p in sorted(entries):
        lines.append(f"{lat or '-'}\t{ar or '-'}\t{p:.6g}")
    return "\n".join(lines) + "\n"


@cache
def load_table() -> Table:
    """The shipped model (``resources/xlit_model.tsv``), loaded once."""
    text = resources.files("marsad.text").joinpath("resources/xlit_model.tsv").read_text("utf-8")
    return build_table(parse_table(text))


# --- the compiled kernels ---------------------------------------------------------------


@cache
def _kernels() -> Any:
    """Compile (or load from numba's cache) the dynamic programmes, on first use."""
    from marsad.text import _xlit_kernels

    return _xlit_kernels


@dataclass(frozen=True)
class Readings:
    """A name's readings (with and without articles), encoded for the kernels.

    Attributes:
        letters: The letters of each reading (``("alsalamah", "salamah")``).
        arabic: Whether these are Arabic letters.
        codes: All readings' codes, concatenated (a-z → 1..26; Arabic by
            :data:`ARABIC_ALPHABET`).
        offsets: Reading ``r`` is ``codes[offsets[r]:offsets[r + 1]]``.
        log_marginals: ``log P(letters)`` of each reading on its own.
        flags: Each reading's article flag (see :func:`spellings`).
    """

    letters: tuple[str, ...]
    arabic: bool
    codes: np.ndarray
    offsets: np.ndarray
    log_marginals: np.ndarray
    flags: np.ndarray

    @cached_property
    def packed(self) -> tuple[np.ndarray, ...]:
        """The reading set as the kernels take it."""
        return (self.codes, self.offsets, self.log_marginals, self.flags)


def read(readings: Sequence[tuple[str, int]], arabic: bool, table: Table | None = None) -> Readings:
    """Encode readings (letters and article flag, from :func:`spellings`); ``table``:
    another model than the shipped one."""
    letters = [r for r, _ in readings]
    table = table or load_table()
    kernels = _kernels()
    code = _ARABIC_CODE.__getitem__ if arabic else _latin_code
    codes = np.array([code(c) for s in letters for c in s], dtype=np.int64)
    offsets = np.zeros(len(letters) + 1, dtype=np.int64)
    margs = np.empty(len(letters))
    for r, s in enumerate(letters):
        offsets[r + 1] = offsets[r] + len(s)
        part = codes[offsets[r] : offsets[r + 1]]
        if arabic:
            p = kernels.marginal(part, table.ar_marginal, _ARABIC_BASE, MAX_ARABIC_CHUNK)
        else:
            p = kernels.marginal(part, table.lat_marginal, _LATIN_BASE, MAX_LATIN_CHUNK)
        margs[r] = math.log(p) if p > 0 else -math.inf
    flags = np.array([f for _, f in readings], dtype=np.int64)
    return Readings(tuple(letters), arabic, codes, offsets, margs, flags)


WITH_ARTICLE, WITHOUT_ARTICLE, EITHER = 1, 0, 2


def spellings(
    words: Sequence[str], articles: Sequence[bool], arabic: bool
) -> tuple[tuple[str, int], ...]:
    """The readings of a name's words: all letters, then without its articles.

    Args:
        words: The name's words.
        articles: For each word, whether it is an article (``al``, ``ال``).
        arabic: Whether the name is in Arabic script.

    Returns:
        Distinct non-empty letter strings, at most three: the whole name, the name
        without separate articles and glued ``ال``/``al``/``el`` (for a Latin name with
        an x, each again with x read as kh, as Kurmanji writes خ: Xalid = خالد);
        each with a flag:
        :data:`WITHOUT_ARTICLE` for the reading with every article gone,
        :data:`WITH_ARTICLE` for the others, :data:`EITHER` when there is one reading.
        A reading with articles is only compared with one with articles (and without
        with without): Alharby with الحربي, Harby with حربي, never Alharby with حربي.
    """
    letters = arabic_letters if arabic else latin_letters
    whole = "".join(letters(w) for w in words)
    kept = [letters(w) for w, art in zip(words, articles, strict=True) if not art]
    bare = "".join(kept)
    glued = "".join(_unglued(w, arabic) for w in kept)
    found = tuple(dict.fromkeys(s for s in (whole, bare, glued) if s))
    if len(found) == 1:
        out: tuple[tuple[str, int], ...] = ((found[0], EITHER),)
    else:
        out = tuple((s, WITHOUT_ARTICLE if s == glued else WITH_ARTICLE) for s in found)
    if not arabic and "x" in whole:  # Kurmanji x = خ: Xalid = خالد
        out = tuple(dict.fromkeys([*out, *((s.replace("x", "kh"), f) for s, f in out)]))
    return out


def _unglued(word: str, arabic: bool) -> str:
    if arabic:
        return word[2:] if word.startswith("ال") and len(word) >= 4 else word
    return word[2:] if word[:2] in ("al", "el") and len(word) >= 5 else word


@dataclass(frozen=True)
class Alignment:
    """The most likely chunk-by-chunk reading of a pair (for explanations).

    Attributes:
        pairs: ``(latin chunk, arabic chunk)`` in order; an empty chunk is ``""``.
        pmi: The pointwise mutual information per letter of the pair.
    """

    pairs: tuple[tuple[str, str], ...]
    pmi: float


def pmi(latin: Readings, arabic: Readings, table: Table | None = None) -> float:
    """The best pointwise mutual information per letter over the readings of a Latin and
    an Arabic name (``-inf`` when nothing aligns); ``table`` as for :func:`read`."""
    model = (table or load_table()).model
    return float(_kernels().best_pmi(latin.packed, arabic.packed, model)[0])


def squash(value: float) -> float:
    """Map a PMI per letter to [0, 1] (:data:`FIT_CENTRE` → 0.5)."""
    if value == -math.inf or value != value:
        return 0.0
    z = (value - FIT_CENTRE) * FIT_SLOPE
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


def readings_of(name: str) -> Readings:
    """The readings of a name as given (words split on spaces and hyphens)."""
    words = split_words(name)
    arabic = detect_script(name) in (Script.ARABIC, Script.PERSIAN)
    return read(spellings(words, article_flags(words), arabic), arabic)


def fit(latin: str, arabic: str) -> float:
    """How well a Latin and an Arabic spelling agree, in [0, 1] (see the module docstring).

    >>> fit("Salamah", "سلمة") > 0.5 > fit("Salamah", "سليم")
    True
    """
    lat, ar = readings_of(latin), readings_of(arabic)
    if lat.arabic or not ar.arabic:
        return 0.0  # not a Latin and an Arabic spelling
    return squash(pmi(lat, ar))


def align(latin: Readings, arabic: Readings, chosen: tuple[int, int] | None = None) -> Alignment:
    """The most likely chunk alignment (Viterbi) of the best-fitting pair of readings, or
    of the pair ``chosen`` (Latin, Arabic reading) already known to fit best; its
    ``pmi`` is then NaN (not recomputed)."""
    x0, y0 = chosen or (-1, -1)
    value, x, y, steps = _kernels().best_alignment(
        latin.packed, arabic.packed, load_table().model, x0, y0
    )
    if x < 0:
        return Alignment((), -math.inf)
    lat, ar = latin.letters[x], arabic.letters[y]
    pairs = []
    i = j = 0
    for dl, da in steps.tolist():
        pairs.append((lat[i : i + dl], ar[j : j + da]))
        i, j = i + dl, j + da
    return Alignment(tuple(pairs), float(value))


class ReadingsIndex:
    """Many names' readings in flat arrays, for scoring one query against a shortlist in
    one compiled call (:meth:`pmi_many`).

    Names added since the last search are packed onto the end of the arrays at the next
    one, so adding one name between searches costs a copy, not a rebuild from lists."""

    def __init__(self) -> None:
        self._codes: list[np.ndarray] = []  # pending: added since the last pack
        self._lengths: list[int] = []
        self._margs: list[float] = []
        self._flags: list[int] = []
        self._first: list[int] = []
        self._arabic: list[bool] = []
        self._readings = 0  # readings of every name added so far
        self._arrays: tuple[np.ndarray, ...] = (
            np.zeros(0, np.int64),  # codes
            np.zeros(1, np.int64),  # reading offsets into codes
            np.zeros(0, np.float64),  # log marginals
            np.zeros(0, np.int64),  # article flags
            np.zeros(1, np.int64),  # each name's first reading
            np.zeros(0, np.bool_),  # whether each name is Arabic
        )

    def add(self, readings: Readings | None) -> None:
        """Add the next name's readings (``None``: it has none)."""
        if readings is not None:
            self._codes.append(readings.codes)
            self._lengths.extend(np.diff(readings.offsets).tolist())
            self._margs.extend(readings.log_marginals.tolist())
            self._flags.extend(readings.flags.tolist())
            self._readings += len(readings.flags)
        self._first.append(self._readings)
        self._arabic.append(bool(readings.arabic) if readings is not None else False)

    def _packed(self) -> tuple[np.ndarray, ...]:
        if self._first:
            codes, offs, margs, flags, first, arabic = self._arrays
            new_offs = offs[-1] + np.cumsum(np.array(self._lengths, dtype=np.int64))
            self._arrays = (
                np.concatenate([codes, *self._codes]),
                np.concatenate([offs, new_offs]),
                np.concatenate([margs, np.array(self._margs, dtype=np.float64)]),
                np.concatenate([flags, np.array(self._flags, dtype=np.int64)]),
                np.concatenate([first, np.array(self._first, dtype=np.int64)]),
                np.concatenate([arabic, np.array(self._arabic, dtype=np.bool_)]),
            )
            for pending in (self._codes, self._lengths, self._margs, self._flags):
                pending.clear()
            self._first.clear()
            self._arabic.clear()
        return self._arrays

    def pmi_many(
        self, query: Readings, positions: Iterable[int]
    ) -> list[tuple[float, tuple[int, int]]]:
        """The query's PMI with each stored name at ``positions`` (NaN: same script), with
        the (Latin, Arabic) readings that gave it, for :func:`align`."""
        codes, offs, margs, flags, first, arabic = self._packed()
        out, xs, ys = _kernels().best_pmi_many(
            query.packed,
            query.arabic,
            (codes, offs, margs, flags),
            first,
            arabic,
            np.fromiter(positions, dtype=np.int64),
            load_table().model,
        )
        return [
            (float(v), (int(x), int(y)))
            for v, x, y in zip(out.tolist(), xs.tolist(), ys.tolist(), strict=True)
        ]
