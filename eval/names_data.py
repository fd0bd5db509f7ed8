"""Load the name pairs of ``../shared/data/names`` for ``eval_names`` (never copied)."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from eval.common import shared_data

Pair = tuple[str, str]  # (latin, arabic)

NAIVE_ROMAN = {
    **dict.fromkeys("اأآٱى", "a"),
    "إ": "i",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "w",
    "ي": "y",
    "ة": "a",
    "ء": "'",
    "ؤ": "'",
    "ئ": "'",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "گ": "g",
    "ک": "k",
    "ی": "y",
    "ڤ": "v",
}
_NAIVE = str.maketrans(NAIVE_ROMAN)


def naive_romanise(arabic: str) -> str:
    """The baseline's romanisation: one fixed Latin spelling per Arabic letter."""
    return arabic.translate(_NAIVE)


def _join_letters(arabic: str) -> str:
    parts = arabic.split()
    return "".join(parts) if parts and all(len(p) == 1 for p in parts) else arabic.strip()


def _anetac(split: str) -> list[Pair]:
    folder = shared_data("names", "anetac")
    en = (folder / f"translit_{split}.en").read_text("utf-8").splitlines()
    ar = (folder / f"translit_{split}.ar").read_text("utf-8").splitlines()
    return [(e.strip(), _join_letters(a)) for e, a in zip(en, ar, strict=False) if e and a]


def _wikidata(name: str) -> list[Pair]:
    out = []
    for line in shared_data("names", "wikidata-xlit", name).read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0] and fields[1]:
            out.append((fields[0].strip(), _join_letters(fields[1])))
    return out


def _google(name: str) -> list[Pair]:
    out = []
    for line in shared_data("names", "google-ar2en", name).read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 2 and fields[0] and fields[1]:
            out.append((fields[1].strip(), fields[0].strip()))
    return out


def dev_sets() -> dict[str, list[Pair]]:
    """The development splits, the only ones reported."""
    return {
        "anetac dev": _anetac("dev"),
        "wikidata wd_arabic_16": _wikidata("wd_arabic_16"),
        "google ar2en-eval": _google("ar2en-eval.txt"),
    }


def train_sets() -> dict[str, list[Pair]]:
    """The training splits: used to choose thresholds, never reported as results."""
    return {
        "anetac train": _anetac("train"),
        "wikidata wd_arabic_64": _wikidata("wd_arabic_64"),
        "google ar2en-train": _google("ar2en-train.txt"),
    }


def is_calibration(pair: Pair) -> bool:
    """Whether a *train* pair is held out of the learned spelling model's training (one in
    five, by a hash of the pair) to choose weights and thresholds on pairs it never saw."""
    return zlib.crc32(f"{pair[0]}\t{pair[1]}".encode()) % 5 == 0


def model_training_sets() -> dict[str, list[Pair]]:
    """What ``scripts/train_xlit.py`` learns from: the Wikidata and Google train splits
    (CC0, Apache-2.0) without their calibration pairs. ANETAC is not used: its licence
    is unstated, and the model ships in the package."""
    sets = train_sets()
    return {
        name: [p for p in sets[name] if not is_calibration(p)]
        for name in ("wikidata wd_arabic_64", "google ar2en-train")
    }


def calibration_sets() -> dict[str, list[Pair]]:
    """Train pairs the shipped model never saw: ANETAC train whole, and the calibration
    fifth of the other two. Weights and thresholds are chosen on these."""
    sets = train_sets()
    return {
        name: pairs if name == "anetac train" else [p for p in pairs if is_calibration(p)]
        for name, pairs in sets.items()
    }


def own_cases() -> dict[str, list[str]]:
    """Our hand-written Arab-name variant groups (``eval/names_arab_cases.tsv``)."""
    groups: dict[str, list[str]] = {}
    path = Path(__file__).with_name("names_arab_cases.tsv")
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            group, spelling = line.split("\t")
            groups.setdefault(group, []).append(spelling)
    return groups


def padded_arabic_names(base: list[str], train: list[str], size: int, seed: int = 5) -> list[str]:
    """``base`` + train names + deterministic two-word synthetic names, ``size`` in all."""
    names = list(dict.fromkeys(base + train))
    seen = set(names)
    rng = random.Random(seed)
    while len(names) < size:
        name = f"{rng.choice(train)} {rng.choice(train)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names[:size]
