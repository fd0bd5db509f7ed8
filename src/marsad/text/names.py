"""Compare two names across scripts, and say why: ``compare("Soleimani", "سليماني")``.

A score is a weighted sum of small named features, each a pure function of two prepared
names (:class:`NameForm`) returning a value in [0, 1], or ``None`` when it does not apply
(direct text similarity between two scripts, for instance). The score is the weighted
mean of the applicable positive features, minus the penalties, clipped to [0, 1]; a
known abbreviation lifts it to a floor. Every :class:`Match` carries the features that
drove it and a plain-language ``detail``.

Features (weights in :data:`WEIGHTS`):

- ``skeleton``: edit similarity of the consonant skeletons (:mod:`marsad.text.translit`).
- ``words``: share of words whose keys find a close partner on the other side.
- ``vowels``: fit of the vowel-aware romanisations. Across scripts: how much of the
  Arabic form the Latin one covers in order (Arabic omits short vowels), mixed with the
  reverse share so Leon ≠ لينا; within a script, plain edit similarity.
- ``text``: edit similarity of the folded texts, same script only.
- ``final``: both names end in a vowel, or both in a consonant.
- ``ending`` (penalty): one name ends in -iyah/-iya/ية and the other does not (the
  place or feminine form: Sulaymaniyah the city is not Soleimani the man).
- ``abbreviation`` (floor): a known abbreviation (``resources/abbreviations.yaml``) or
  the initials of the other name (KH ↔ Kata'ib Hizballah).

With ``translit=False`` keys are the folded words themselves: same-script matching only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import LCSseq, Levenshtein

from marsad.core.errors import InputError
from marsad.text.name_explain import explain
from marsad.text.script import Script, detect_script
from marsad.text.translit import (
    fold_text,
    is_article,
    load_resource,
    name_key,
    split_words,
    token_keys,
)

__all__ = [
    "FEATURES",
    "MAX_NAME_CHARS",
    "WEIGHTS",
    "Match",
    "NameForm",
    "abbreviations_of",
    "compare",
    "compare_forms",
    "prepare",
]

MAX_NAME_CHARS = 300
WEIGHTS: dict[str, float] = {
    "skeleton": 0.30,
    "words": 0.20,
    "vowels": 0.30,
    "text": 0.20,
    "final": 0.10,
    "ending": -0.25,
}
ABBREVIATION_FLOOR = {"known": 0.95, "initials": 0.85}
_WORD_MATCH = 0.75  # key similarity at which two words count as the same
_FEMININE = re.compile(r"(?:iy+a|iy+ah|iy+eh|iya|iyya|ieh|ija|ية|يه|يّة)$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:-[A-Z]{1,3})?$")


@dataclass(frozen=True)
class NameForm:
    """A name prepared once for many comparisons.

    Attributes:
        text: The name as given (bounded to :data:`MAX_NAME_CHARS`).
        folded: Same-script folded text (:func:`marsad.text.translit.fold_text`).
        script: Its script.
        keys: One skeleton key per word (folded words when transliteration is off).
        roms: One vowel-aware romanisation per word (folded words when off).
        articles: Article forms that were ignored (``al-``, ``ال``).
        initials: First letters of its Latin words, articles skipped (``KH``).
        acronym: The name itself when it looks like an abbreviation, else ``""``.
        feminine: Whether its last word ends in -iyah/-iya/ية.
        translit: Whether keys are transliteration keys.
    """

    text: str
    folded: str
    script: Script
    keys: tuple[str, ...]
    roms: tuple[str, ...]
    articles: tuple[str, ...]
    initials: str
    acronym: str
    feminine: bool
    translit: bool = True

    @property
    def skeleton(self) -> str:
        """All keys joined without spaces."""
        return "".join(self.keys)

    @property
    def arabic(self) -> bool:
        """Whether the name is written in Arabic script (Persian included)."""
        return self.script in (Script.ARABIC, Script.PERSIAN)


@dataclass(frozen=True)
class Match:
    """The outcome of :func:`compare`.

    Attributes:
        score: In [0, 1]; 1 for the same name.
        detail: Plain-language explanation of the score.
        features: The named features that drove it, with their values.
    """

    score: float
    detail: str
    features: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=65_536)
def prepare(name: str, translit: bool = True) -> NameForm:
    """Prepare a name for comparison (cached).

    Args:
        name: A name in Arabic or Latin script (or both).
        translit: Key words across scripts (default) or keep them in their script.

    Returns:
        The prepared form.

    Raises:
        InputError: If the name is longer than :data:`MAX_NAME_CHARS` characters.
    """
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"name longer than {MAX_NAME_CHARS} characters: {name[:40]!r}...")
    words = split_words(name)
    folded = fold_text(name)
    if translit:
        keys, roms = tuple(token_keys(name)), tuple(token_keys(name, vowels=True))
    else:
        keys = roms = tuple(folded.split())
    content = [w for i, w in enumerate(words) if not is_article(w, _next(words, i))]
    stripped = name.strip()
    return NameForm(
        text=name,
        folded=folded,
        script=detect_script(name),
        keys=keys,
        roms=roms,
        articles=_articles(words),
        initials="".join(w[0].upper() for w in content if w.isascii() and w[0].isalpha()),
        acronym=stripped if _ACRONYM.match(stripped) else "",
        feminine=bool(words) and bool(_FEMININE.search(folded.split()[-1] if folded else "")),
        translit=translit,
    )


def _next(words: list[str], i: int) -> str | None:
    return words[i + 1] if i + 1 < len(words) else None


def _articles(words: list[str]) -> tuple[str, ...]:
    """The article forms a name carries: separate words or glued prefixes."""
    found: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if is_article(word, _next(words, i)):
            found.append("ال" if low == "ال" else f"{low}-")
        elif low.startswith("ال") and len(low) >= 4:
            found.append("ال")
        elif "'" in low[:4] or "’" in low[:4]:
            head = re.split("['’]", low)[0]
            if is_article(head, low[len(head) + 1 :]):
                found.append(f"{head}-")
    return tuple(dict.fromkeys(found))


# --- features ------------------------------------------------------------------------

Feature = Callable[[NameForm, NameForm], float | None]


def skeleton_similarity(a: NameForm, b: NameForm) -> float | None:
    """Edit similarity of the whole consonant skeletons; 1.0 when equal."""
    if not a.keys or not b.keys:
        return None
    return Levenshtein.normalized_similarity(a.skeleton, b.skeleton)


def word_overlap(a: NameForm, b: NameForm) -> float | None:
    """Share of words (of the longer name) whose key has a close partner."""
    if not a.keys or not b.keys:
        return None
    short, long_ = sorted((a.keys, b.keys), key=len)
    total = 0.0
    for key in short:
        best = max(Levenshtein.normalized_similarity(key, other) for other in long_)
        total += best if best >= _WORD_MATCH else 0.0
    return total / len(long_)


def vowel_fit(a: NameForm, b: NameForm) -> float | None:
    """Fit of the vowel-aware romanisations (see the module docstring)."""
    ra, rb = "".join(a.roms), "".join(b.roms)
    if not ra or not rb:
        return None
    if a.arabic == b.arabic or not a.translit:
        return Levenshtein.normalized_similarity(ra, rb)
    ar, lat = (ra, rb) if a.arabic else (rb, ra)
    common = LCSseq.similarity(ar, lat)
    return 0.7 * common / len(ar) + 0.3 * common / len(lat)


def text_similarity(a: NameForm, b: NameForm) -> float | None:
    """Edit similarity of the folded texts, only within one script."""
    if a.arabic != b.arabic or not a.folded or not b.folded:
        return None
    return Levenshtein.normalized_similarity(a.folded, b.folded)


def final_agrees(a: NameForm, b: NameForm) -> float | None:
    """1.0 when both names end in a vowel or both in a consonant (Arabic writes final
    vowels of names as long letters: Soleimani ↔ سليماني, not سلمان)."""
    ra, rb = a.roms[-1:] or [""], b.roms[-1:] or [""]
    if not ra[0] or not rb[0]:
        return None
    return 1.0 if ra[0][-1].islower() == rb[0][-1].islower() else 0.0


def ending_differs(a: NameForm, b: NameForm) -> float | None:
    """1.0 when exactly one name ends in the -iyah/ية place or feminine form."""
    return 1.0 if a.feminine != b.feminine else 0.0


FEATURES: dict[str, Feature] = {
    "skeleton": skeleton_similarity,
    "words": word_overlap,
    "vowels": vowel_fit,
    "text": text_similarity,
    "final": final_agrees,
    "ending": ending_differs,
}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    spec = load_resource("abbreviations.yaml")
    return {str(k).upper(): frozenset(name_key(str(v)) for v in vals) for k, vals in spec.items()}


def abbreviations_of(form: NameForm) -> set[str]:
    """The abbreviations a name may go by: known ones whose long form shares its key,
    its own acronym, and the initials of a Latin name of two words or more."""
    out = {abbr for abbr, keys in _abbreviations().items() if " ".join(form.keys) in keys}
    if form.acronym:
        out.add(form.acronym.upper())
    if len(form.initials) >= 2:
        out.add(form.initials)
    return out


def abbreviation(a: NameForm, b: NameForm) -> tuple[str, str] | None:
    """Find an abbreviation link: ``("known"|"initials", "KH")`` or ``None``."""
    for short, long_ in ((a, b), (b, a)):
        if not short.acronym or long_.acronym:
            continue
        expansions = _abbreviations().get(short.acronym.upper())
        if expansions and " ".join(long_.keys) in expansions:
            return "known", short.acronym
        if long_.initials and long_.initials == short.acronym.replace("-", ""):
            return "initials", short.acronym
    return None


# --- the model ------------------------------------------------------------------------


def compare(a: str, b: str, *, translit: bool = True) -> Match:
    """Compare two names and explain the score.

    Args:
        a: A name in Arabic or Latin script.
        b: Another name.
        translit: Match across scripts (default); ``False`` compares within a script only.

    Returns:
        The score in [0, 1] with its features and a plain-language explanation.

    Raises:
        InputError: If a name is longer than :data:`MAX_NAME_CHARS` characters.
    """
    return compare_forms(prepare(a, translit), prepare(b, translit))


def compare_forms(a: NameForm, b: NameForm) -> Match:
    """Compare two prepared names (see :func:`compare`)."""
    features: dict[str, float] = {}
    for name, fn in FEATURES.items():
        value = fn(a, b)
        if value is not None:
            features[name] = round(value, 4)
    positive = {k: v for k, v in features.items() if WEIGHTS[k] > 0}
    total = sum(WEIGHTS[k] for k in positive)
    score = sum(WEIGHTS[k] * v for k, v in positive.items()) / total if total else 0.0
    score += sum(WEIGHTS[k] * v for k, v in features.items() if WEIGHTS[k] < 0)
    link = abbreviation(a, b) if a.translit else None
    if link:
        features["abbreviation"] = 1.0
        score = max(score, ABBREVIATION_FLOOR[link[0]])
    score = round(min(1.0, max(0.0, score)), 4)
    return Match(score=score, detail=explain(a, b, features, link), features=features)
