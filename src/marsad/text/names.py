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
- ``vowels``: fit of the vowel-aware romanisations. Across scripts: mostly how much of
  the Arabic form the Latin one covers in order (Arabic omits short vowels), mixed with
  the reverse share and plain edit similarity so Leon ≠ لينا; within a script, plain
  edit similarity. An Arabic name opening أو/أي/عو/عي may have the alef or ʿayn as a
  mere seat of the vowel (Ota = أوتا, Eid = عيد): the fit without it counts too when
  the Latin name does not start with a (on pooled train pairs best F1 0.849 → 0.851).
- ``jim``: edit similarity of the fine skeletons, where ج and j are J apart from the K
  class (q k c gh ق ك غ) and a Latin g may be either; only across scripts and only when
  a jim or g is in play (Jafri ≠ كافري, though their keys agree).
- ``first``: both names start with a vowel, or both with a consonant.
- ``text``: edit similarity of the folded texts, same script only.
- ``final``: both names end in a vowel, or both in a consonant.
- ``ending`` (penalty): one name ends in -iyah/-iya/-ayyah/ية and the other does not (the
  place or feminine form: Sulaymaniyah the city is not Soleimani the man). A Latin -ia
  or -ya may be either (Shadia = شادية, Rania = رانيا) and is never penalised.
- ``abbreviation`` (floor): a known abbreviation (``resources/abbreviations.yaml``) or
  the initials of the other name (KH ↔ Kata'ib Hizballah).

- ``learned``: the fit of the learned spelling model (:mod:`marsad.text.xlit_model`),
  across scripts only. It carries most of the weight: on calibration pairs (train pairs
  the model never saw) it lifted the pooled best F1 from 0.882 to 0.933.

A Latin name also has alternative readings (``NameForm.alts``, from
:func:`marsad.text.translit.latin_variants`: German w = v, French silent final t,
Spanish j = kh, silent final e ...). They give it more blocking keys, so
:class:`~marsad.text.name_index.NameIndex` finds Wolf under فولف. They used to be scored
too (the best reading, an alternative 0.1 less); once the learned fit was in, that
changed no calibration F1 (0.933 either way), so scoring reads the name as written.

With ``translit=False`` keys are the folded words themselves: same-script matching only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import LCSseq, Levenshtein

from marsad.core.errors import InputError
from marsad.text import xlit_model
from marsad.text.name_explain import explain
from marsad.text.script import Script, detect_script
from marsad.text.translit import (
    article_flags,
    fold_text,
    is_article,
    latin_variants,
    load_resource,
    name_key,
    split_words,
    token_keys,
)

__all__ = [
    "COARSE_CLASSES",
    "FEATURES",
    "MAX_ALTS",
    "MAX_NAME_CHARS",
    "SAME_NAME",
    "WEIGHTS",
    "Match",
    "NameForm",
    "abbreviation_long_forms",
    "abbreviations_of",
    "compare",
    "compare_forms",
    "prepare",
    "score_ceiling",
    "score_forms",
]

MAX_NAME_CHARS = 300
# The decision line: a pair scoring at least this is presented as one name. The best-F1
# threshold on calibration pairs (train pairs the learned model never saw; eval/
# eval_names.py chooses its own the same way and prints it).
SAME_NAME = 0.86
# Chosen by a grid search for the best F1 on pairs from the *train* splits of
# ../shared/data/names (eval/eval_names.py reports the dev splits); "jim" was added
# later and grid-searched alone (0 to 1) on the same train pairs, the others fixed.
# "learned" came last: its weight (0.5-4) and xlit_model.FIT_CENTRE/FIT_SLOPE were
# grid-searched together on calibration pairs, the others fixed; 4.0 with centre 0.4 and
# slope 8 sits on the plateau of best F1 (0.933 pooled) where true pairs score high.
WEIGHTS: dict[str, float] = {
    "skeleton": 0.2,
    "words": 0.1,
    "vowels": 0.8,
    "text": 0.2,
    "jim": 0.1,
    "learned": 4.0,
    "first": 0.1,
    "final": 0.05,
    "ending": -0.25,
}
ABBREVIATION_FLOOR = {"known": 0.95, "initials": SAME_NAME}  # initials: just a match
_WORD_MATCH = 0.75  # key similarity at which two words count as the same
# -iya/-iyah/-ieh, and -ayyah after a vowel (Ruqayyah = رقية, Umayyah = أمية)
_FEMININE_LATIN = re.compile(r"(?:iy+ah?|iy+eh|ieh|[aeiou]yyah?|[aeiou]yyeh)$")
_FEMININE_ARABIC = re.compile("ي[\u064b-\u0652]*ة[\u064b-\u0652]*$")
# -ia/-iah/-ya/-yah may be either: Shadia = شادية and Sumaya = سمية, but Rania = رانيا
_EITHER_LATIN = re.compile(r"(?:iah?|yah?)$")
COARSE_CLASSES = str.maketrans("ZXD", "SST")  # near classes: z/sh → s, d → t
_NEAR_CLASS = 0.8  # credit for a skeleton equal only once near classes are merged
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:-[A-Z]{1,3})?$")


@dataclass(frozen=True)
class NameForm:
    """A name prepared once for many comparisons.

    Attributes:
        text: The name as given (bounded to :data:`MAX_NAME_CHARS`).
        folded: Same-script folded text (:func:`marsad.text.translit.fold_text`) without
            its articles (``al-Akhbar`` → ``akhbar``, ``الأخبار`` → ``اخبار``).
        script: Its script.
        keys: One skeleton key per word (folded words when transliteration is off).
        roms: One vowel-aware romanisation per word (folded words when off).
        articles: Article forms that were ignored (``al-``, ``ال``).
        initials: First letters of its Latin words, articles skipped (``KH``).
        acronym: The name itself when it looks like an abbreviation, else ``""``.
        feminine: Whether its last word ends in -iyah/-iya/ية (not يه); ``None`` for a
            Latin -ia/-ya, which may be either.
        translit: Whether keys are transliteration keys.
        fine: The skeleton with the jim split off (``token_fine``): ج/j → J, Latin g → G.
        spelled: Its readings for the learned model (:mod:`marsad.text.xlit_model`):
            with and without articles, encoded; empty when transliteration is off.
        alts: Alternative readings of a Latin name: the same form with one word
            rewritten by one ``variants`` rule of ``letters.yaml`` (Wolf read as Volf);
            at most :data:`MAX_ALTS`. Scoring takes the best reading.
        skeleton: All keys joined without spaces (derived).
        coarse: The skeleton with near classes merged: Z→S, X→S, D→T (derived).
        rom: All romanisations joined without spaces (derived).
        key_text: All keys joined by spaces (derived).
        arabic: Whether the name is in Arabic script, Persian included (derived).
    """

    text: str
    folded: str
    script: Script
    keys: tuple[str, ...]
    roms: tuple[str, ...]
    articles: tuple[str, ...]
    initials: str
    acronym: str
    feminine: bool | None
    translit: bool = True
    fine: str = ""
    spelled: xlit_model.Readings | None = None
    alts: tuple[NameForm, ...] = ()
    skeleton: str = field(init=False)
    coarse: str = field(init=False)
    rom: str = field(init=False)
    key_text: str = field(init=False)
    arabic: bool = field(init=False)

    def __post_init__(self) -> None:
        # Derived once: compared thousands of times per second.
        object.__setattr__(self, "skeleton", "".join(self.keys))
        object.__setattr__(self, "coarse", self.skeleton.translate(COARSE_CLASSES))
        object.__setattr__(self, "rom", "".join(self.roms))
        object.__setattr__(self, "key_text", " ".join(self.keys))
        object.__setattr__(self, "arabic", self.script in (Script.ARABIC, Script.PERSIAN))


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
    folded = _without_articles(fold_text(name))
    fine = ""
    if translit:
        keys, roms = tuple(token_keys(name)), tuple(token_keys(name, vowels=True))
        fine = "".join(token_keys(name, fine=True))
    else:
        keys = roms = tuple(folded.split())
    article = article_flags(words)
    content = [w for w, art in zip(words, article, strict=True) if not art]
    script = detect_script(name)
    arabic = script in (Script.ARABIC, Script.PERSIAN)
    spelled = (
        xlit_model.read(xlit_model.spellings(words, article, arabic), arabic) if translit else None
    )
    stripped = name.strip()
    form = NameForm(
        text=name,
        folded=folded,
        script=script,
        keys=keys,
        roms=roms,
        articles=_articles(words),
        initials="".join(w[0].upper() for w in content if w.isascii() and w[0].isalpha()),
        acronym=stripped if _ACRONYM.match(stripped) else "",
        feminine=_feminine(words[-1]) if words else False,
        translit=translit,
        fine=fine,
        spelled=spelled,
    )
    alts = _alternatives(form, words) if translit else ()
    return replace(form, alts=alts) if alts else form  # replace() is a quarter of the cost


MAX_ALTS = 6


def _alternatives(form: NameForm, words: list[str]) -> tuple[NameForm, ...]:
    """The other readings of a Latin name: one word, one ``variants`` rule at a time."""
    out: dict[str, NameForm] = {}  # by romanisation
    for i, word in enumerate(words):
        for alt in latin_variants(word):
            text = " ".join([*words[:i], alt, *words[i + 1 :]])
            keys = tuple(token_keys(text))
            roms = tuple(token_keys(text, vowels=True))
            rom = "".join(roms)
            if not keys or rom == form.rom or rom in out:
                continue
            out[rom] = replace(
                form, keys=keys, roms=roms, fine="".join(token_keys(text, fine=True))
            )
            if len(out) >= MAX_ALTS:
                return tuple(out.values())
    return tuple(out.values())


def _feminine(word: str) -> bool | None:
    """-iya/-iyah/-iyeh, or ية written with a ta marbuta (يه is often French -et/-ier);
    ``None`` for a Latin ending that may be either (-ia, -ya: Shadia, Sumaya, Rania)."""
    if word.isascii():
        low = word.lower()
        if _FEMININE_LATIN.search(low):
            return True
        return None if _EITHER_LATIN.search(low) else False
    return bool(_FEMININE_ARABIC.search(word))


def _without_articles(folded: str) -> str:
    words = folded.split()
    kept = []
    for i, word in enumerate(words):
        if is_article(word, _next(words, i)):
            continue
        kept.append(word[2:] if word.startswith("ال") and len(word) >= 4 else word)
    return " ".join(kept)


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
    """Edit similarity of the whole consonant skeletons; 1.0 when equal.

    Letters of near classes (s/z as in Rakusa ↔ راكوزا, d/t, sh/s) count as a partial
    edit: the best of the plain similarity and :data:`_NEAR_CLASS` times the similarity
    of the coarse skeletons."""
    if not a.keys or not b.keys:
        return None
    plain = Levenshtein.normalized_similarity(a.skeleton, b.skeleton)
    if plain == 1.0:
        return plain
    return max(plain, _NEAR_CLASS * Levenshtein.normalized_similarity(a.coarse, b.coarse))


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
    ra, rb = a.rom, b.rom
    if not ra or not rb:
        return None
    if a.arabic == b.arabic or not a.translit:
        return Levenshtein.normalized_similarity(ra, rb)
    ar, lat = (ra, rb) if a.arabic else (rb, ra)
    fit = _cross_fit(ar, lat)
    if ar[:2] in _SEATED and len(ar) > 2 and lat[0] != "a":
        # أو/أي/عو at the start: the alef or ʿayn may be a mere seat (Ota = أوتا).
        fit = max(fit, _cross_fit(ar[1:], lat))
    return fit


_SEATED = frozenset({"au", "ai"})


def _cross_fit(ar: str, lat: str) -> float:
    common = LCSseq.similarity(ar, lat)
    plain = Levenshtein.normalized_similarity(ar, lat)
    return 0.5 * common / len(ar) + 0.2 * common / len(lat) + 0.3 * plain


def text_similarity(a: NameForm, b: NameForm) -> float | None:
    """Edit similarity of the folded texts, only within one script."""
    if a.arabic != b.arabic or not a.folded or not b.folded:
        return None
    return Levenshtein.normalized_similarity(a.folded, b.folded)


def jim_fit(a: NameForm, b: NameForm) -> float | None:
    """Edit similarity of the fine skeletons (jim split off the K class), across scripts
    and only when a J or G is in play; a Latin G may stand for ج or for غ/ك, whichever
    fits better. So Jamal ↔ جمال and Gamal ↔ جمال score 1, Jafri ↔ كافري less."""
    if a.arabic == b.arabic or not a.fine or not b.fine:
        return None
    ar, lat = (a.fine, b.fine) if a.arabic else (b.fine, a.fine)
    if "J" not in ar and "J" not in lat and "G" not in lat:
        return None
    if "G" not in lat:
        return Levenshtein.normalized_similarity(ar, lat)
    return max(
        Levenshtein.normalized_similarity(ar, lat.replace("G", "J")),
        Levenshtein.normalized_similarity(ar, lat.replace("G", "K")),
    )


def learned_fit(a: NameForm, b: NameForm) -> float | None:
    """Fit of the learned spelling model (:func:`marsad.text.xlit_model.fit`): across
    scripts only, the best over the readings with and without articles."""
    if a.arabic == b.arabic or not a.spelled or not b.spelled:
        return None
    lat, ar = (b.spelled, a.spelled) if a.arabic else (a.spelled, b.spelled)
    return xlit_model.squash(xlit_model.pmi(lat, ar))


def first_agrees(a: NameForm, b: NameForm) -> float | None:
    """1.0 when both names start with a vowel, or both with a consonant."""
    if not a.rom or not b.rom:
        return None
    return 1.0 if a.rom[0].islower() == b.rom[0].islower() else 0.0


def final_agrees(a: NameForm, b: NameForm) -> float | None:
    """1.0 when both names end in a vowel or both in a consonant (Arabic writes final
    vowels of names as long letters: Soleimani ↔ سليماني, not سلمان)."""
    if not a.rom or not b.rom:
        return None
    return 1.0 if a.rom[-1].islower() == b.rom[-1].islower() else 0.0


def ending_differs(a: NameForm, b: NameForm) -> float | None:
    """1.0 when exactly one name ends in the -iyah/ية place or feminine form (and the
    other's ending is not one that may be either, like -ia)."""
    if a.feminine is None or b.feminine is None:
        return 0.0
    return 1.0 if a.feminine != b.feminine else 0.0


FEATURES: dict[str, Feature] = {
    "skeleton": skeleton_similarity,
    "words": word_overlap,
    "vowels": vowel_fit,
    "text": text_similarity,
    "jim": jim_fit,
    "learned": learned_fit,
    "first": first_agrees,
    "final": final_agrees,
    "ending": ending_differs,
}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    spec = load_resource("abbreviations.yaml")
    return {str(k).upper(): frozenset(name_key(str(v)) for v in vals) for k, vals in spec.items()}


@lru_cache(maxsize=1)
def abbreviation_long_forms() -> dict[str, tuple[str, ...]]:
    """Known abbreviations (upper case) and their long forms in every script listed,
    e.g. ``KH`` → ``("Kata'ib Hizballah", "كتائب حزب الله")``."""
    spec = load_resource("abbreviations.yaml")
    return {str(k).upper(): tuple(str(v) for v in vals) for k, vals in spec.items()}


def abbreviations_of(form: NameForm) -> set[str]:
    """The abbreviations a name may go by: known ones whose long form shares its key,
    its own acronym, and the initials of a Latin name of two words or more."""
    out = {abbr for abbr, keys in _abbreviations().items() if form.key_text in keys}
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
        if expansions and long_.key_text in expansions:
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
    score, features, link = score_forms(a, b)
    detail = explain(a, b, features, link)
    return Match(score=score, detail=detail, features={k: round(v, 4) for k, v in features.items()})


def score_forms(
    a: NameForm, b: NameForm, learned: float | None = None
) -> tuple[float, dict[str, float], tuple[str, str] | None]:
    """Score two prepared names without explaining: ``(score, features, abbreviation)``.

    ``learned``: the learned fit when the caller has it already
    (:class:`~marsad.text.name_index.NameIndex` computes it in batches)."""
    if learned is None:
        learned = learned_fit(a, b)
    return _score_pair(a, b, learned)


def score_ceiling(a: NameForm, b: NameForm, learned: float | None) -> float:
    """An upper bound of ``score_forms(a, b, learned)`` from the learned fit alone: every
    other feature at its best. Lets a search skip candidates that cannot make its list."""
    if learned is None or a.acronym or b.acronym:
        return 1.0
    weight, others = _ceiling_weights(tuple(WEIGHTS.items()))
    return (weight * learned + others) / (weight + others) + 1e-4  # scores are rounded


@lru_cache(maxsize=4)
def _ceiling_weights(weights: tuple[tuple[str, float], ...]) -> tuple[float, float]:
    """(the learned feature's weight, the other positive weights' sum)."""
    table = dict(weights)
    return table["learned"], sum(w for k, w in table.items() if w > 0 and k != "learned")


def _score_pair(
    a: NameForm, b: NameForm, learned: float | None
) -> tuple[float, dict[str, float], tuple[str, str] | None]:
    features: dict[str, float] = {}
    positive = total = penalty = 0.0
    for name, fn in FEATURES.items():
        value = learned if name == "learned" else fn(a, b)
        if value is None:
            continue
        features[name] = value
        weight = WEIGHTS[name]
        if weight > 0:
            positive += weight * value
            total += weight
        else:
            penalty += weight * value
    score = (positive / total if total else 0.0) + penalty
    link = abbreviation(a, b) if a.translit and (a.acronym or b.acronym) else None
    if link:
        features["abbreviation"] = 1.0
        score = max(score, ABBREVIATION_FLOOR[link[0]])
    return round(min(1.0, max(0.0, score)), 4), features, link
