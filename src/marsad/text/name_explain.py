"""Plain-language explanations of name scores (used by :mod:`marsad.text.names`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from marsad.text.xlit_model import align

if TYPE_CHECKING:
    from marsad.text.names import NameForm

__all__ = ["explain"]

_VOWELS = set("aeiouy")


def explain(
    a: NameForm,
    b: NameForm,
    features: dict[str, float],
    link: tuple[str, str] | None,
    chosen: tuple[int, int] | None = None,
) -> str:
    """Say in one line why two names got their score.

    Args:
        a: First prepared name.
        b: Second prepared name.
        features: The feature values of the comparison.
        link: The abbreviation link found, if any (``("known", "KH")``).
        chosen: The (Latin, Arabic) readings the learned fit chose, when known (saves
            finding them again).

    Returns:
        Clauses joined by ``"; "``, e.g. ``"same consonant skeleton SLMN; vowels
        differ (o/u); 1 edit between 'Soleimani' and 'Suleimani'"``.
    """
    if link:
        return _abbreviation(a, b, link)
    parts: list[str] = []
    if not a.translit:
        parts.append("transliteration off: same-script text only")
    if a.translit or a.skeleton == b.skeleton:
        parts.append(_skeleton(a, b))
    if max(len(a.keys), len(b.keys)) > 1 and "words" in features:
        parts.append(_words(a, b, features["words"]))
    if a.arabic != b.arabic:
        parts.append(
            f"{'Arabic' if a.arabic else 'Latin'} ↔ {'Arabic' if b.arabic else 'Latin'}: "
            f"vowel fit {features.get('vowels', 0.0):.0%}"
        )
        if "learned" in features:
            parts.append(_learned(a, b, features["learned"], chosen))
    elif a.folded != b.folded:
        parts.extend(_same_script(a, b))
    articles = sorted(set(a.articles) | set(b.articles))
    if articles:
        parts.append(f"article {'/'.join(articles)} ignored")
    if features.get("ending"):
        fem, other = (a, b) if a.feminine else (b, a)
        parts.append(
            f"only '{_short(fem.text)}' ends in -iya/ية (place or feminine form),"
            f" not '{_short(other.text)}'"
        )
    return "; ".join(p for p in parts if p)


_MAX_STEPS = 14


def _learned(a: NameForm, b: NameForm, fit: float, chosen: tuple[int, int] | None) -> str:
    """``learned spelling fit 93%: so=س lei=لي ma=ما ni=ني``: the letters that were read
    as each other (``∅`` where one side writes nothing, as Arabic for most vowels)."""
    lat, ar = (b, a) if a.arabic else (a, b)
    if lat.spelled is None or ar.spelled is None:
        return f"learned spelling fit {fit:.0%}"
    steps = align(lat.spelled, ar.spelled, chosen).pairs
    shown = " ".join(f"{x or '∅'}={y or '∅'}" for x, y in steps[:_MAX_STEPS])
    more = " …" if len(steps) > _MAX_STEPS else ""
    return (
        f"learned spelling fit {fit:.0%}: {shown}{more}"
        if shown
        else f"learned spelling fit {fit:.0%}"
    )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _abbreviation(a: NameForm, b: NameForm, link: tuple[str, str]) -> str:
    kind, short = link
    long_ = b if a.acronym == short else a
    if kind == "known":
        return f"{short} is a known abbreviation of '{_short(long_.text)}'"
    return f"{short} are the initials of '{_short(long_.text)}'"


def _skeleton(a: NameForm, b: NameForm) -> str:
    what = "consonant skeleton" if a.translit else "folded text"
    ka, kb = " ".join(a.keys), " ".join(b.keys)
    if not ka or not kb:
        return f"no {what} to compare"
    if a.skeleton == b.skeleton:
        return f"same {what} {ka}"
    edits = Levenshtein.distance(a.skeleton, b.skeleton)
    return f"{what} {ka} / {kb}: {edits} edit{'s' if edits != 1 else ''} apart"


def _words(a: NameForm, b: NameForm, overlap: float) -> str:
    n = max(len(a.keys), len(b.keys))
    matched = round(overlap * n)
    return f"{matched} of {n} words match"


def _same_script(a: NameForm, b: NameForm) -> list[str]:
    parts: list[str] = []
    pairs = sorted(
        {
            f"{a.folded[op.src_pos]}/{b.folded[op.dest_pos]}"
            for op in Levenshtein.editops(a.folded, b.folded)
            if op.tag == "replace"
            and a.folded[op.src_pos] in _VOWELS
            and b.folded[op.dest_pos] in _VOWELS
        }
    )
    if pairs:
        parts.append(f"vowels differ ({', '.join(pairs[:4])})")
    edits = Levenshtein.distance(a.folded, b.folded)
    parts.append(
        f"{edits} edit{'s' if edits != 1 else ''} between '{_short(a.text)}' and '{_short(b.text)}'"
    )
    return parts
