"""Cross-script name matching, measured: ``python -m eval names`` (``make eval``).

Reads the development splits of ``../shared/data/names`` (ANETAC dev, Wikidata
``wd_arabic_16``, Google ``ar2en-eval``) and our own Arab-name cases
(``eval/names_arab_cases.tsv``). Thresholds are chosen on calibration pairs of the
training splits (those the learned spelling model never saw: ``names_data``), never on
what is reported. Baseline in the same run: rapidfuzz ``process.extract(query, names,
scorer=fuzz.WRatio)`` over a naive letter-by-letter romanisation of the Arabic names.

- recall@1 / recall@10: each distinct query (Latin → Arabic and Arabic → Latin, at most
  ``QUERIES`` per split and direction, a seeded sample) searches an index of every
  distinct target name of its split; a hit is a gold partner among the results.
- pairs: every sampled true pair, plus per pair up to three negatives: a random target
  of the split, and the best-ranked wrong candidate of Marsad's search and of the
  baseline's (hard negatives). A spelling the same data set pairs with the query in its
  *train* split is a known partner, never a negative (and counts as a hit for recall).
  Three protocols, each system scored on the same kind of set:

  - *cross-mined* (the one the targets are checked on): true pairs, random negatives
    and the hard negatives the *other* system mined. Each system meets the names the
    other finds most alike and that it did not choose itself; the two are judged
    symmetrically.
  - *self-mined* (strictest, reported beside): every negative, its own hard ones
    included. A system's own nearest wrong name in a word-level list is very often a
    valid spelling of the same name that the list pairs with another Latin string
    (majid ↔ ماجد, while the list has majid ↔ مجيد and majed ↔ ماجد; jón ↔ جون): in a
    hand audit of 45 such false positives on calibration pairs, 30 were valid
    spellings. The better a matcher recognises spellings, the more of them it mines, so
    this protocol penalises exactly what the product is for; it is printed so nobody
    has to take that on trust.
  - *random* negatives only: the easier protocol many papers report.

  Precision/recall/F1 at the threshold chosen on the calibration pairs (cross-mined),
  and the best F1 on each protocol.
- Latin re-spellings: Latin spellings sharing one Arabic form; each searches the split's
  Latin names (itself excluded); a hit is another spelling of its group in the top 10.
- throughput: queries/s against 100,000 Arabic names (dev + train names + seeded
  two-word synthetic ones), best of three runs with the query cache cleared; the
  baseline is timed once on a small subsample.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from eval.names_data import (
    Pair,
    calibration_sets,
    dev_sets,
    naive_romanise,
    own_cases,
    padded_arabic_names,
    train_sets,
)
from marsad.text import names as names_module
from marsad.text.name_index import NameIndex
from marsad.text.names import compare
from marsad.text.translit import is_arabic

QUERIES = 1_000
TRAIN_PAIRS = 1_500
INDEX_SIZE = 100_000
BASELINE_TIMED = 20

Searcher = Callable[[str], list[str]]


@dataclass
class Figures:
    """What one system scored on one split."""

    r1: float = 0.0
    r10: float = 0.0
    f1: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    best_f1: float = 0.0  # cross-mined negatives (the target)
    self_f1: float = 0.0  # every negative, its own hard ones included
    random_f1: float = 0.0


def _sample(items: Sequence[str], n: int, seed: int) -> list[str]:
    items = sorted(set(items))
    return random.Random(seed).sample(items, min(n, len(items)))


def marsad_searcher(targets: list[str]) -> Searcher:
    index = NameIndex()
    index.add_many((str(i), t) for i, t in enumerate(targets))
    return lambda q: [c.name for c in index.search(q, 10)]


def baseline_searcher(targets: list[str]) -> Searcher:
    forms = [naive_romanise(t).lower() if is_arabic(t) else t.lower() for t in targets]

    def search(q: str) -> list[str]:
        query = naive_romanise(q).lower() if is_arabic(q) else q.lower()
        hits = process.extract(query, forms, scorer=fuzz.WRatio, limit=10)
        return [targets[i] for _, _, i in hits]

    return search


def baseline_score(a: str, b: str) -> float:
    ra = naive_romanise(a).lower() if is_arabic(a) else a.lower()
    rb = naive_romanise(b).lower() if is_arabic(b) else b.lower()
    return fuzz.WRatio(ra, rb) / 100


def marsad_score(a: str, b: str) -> float:
    return compare(a, b).score


SCORERS: dict[str, Callable[[str, str], float]] = {
    "marsad": marsad_score,
    "baseline": baseline_score,
}


def recall_at(
    search: Searcher, gold: dict[str, set[str]], queries: list[str]
) -> tuple[float, float]:
    r1 = r10 = 0
    for q in queries:
        found = search(q)
        r1 += bool(found[:1] and found[0] in gold[q])
        r10 += any(f in gold[q] for f in found)
    return r1 / len(queries), r10 / len(queries)


def directions(pairs: list[Pair]) -> list[tuple[str, dict[str, set[str]]]]:
    """Latin → Arabic and Arabic → Latin gold maps."""
    l2a: dict[str, set[str]] = defaultdict(set)
    a2l: dict[str, set[str]] = defaultdict(set)
    for lat, ar in pairs:
        l2a[lat].add(ar)
        a2l[ar].add(lat)
    return [("Latin→Arabic", l2a), ("Arabic→Latin", a2l)]


@dataclass(frozen=True)
class Labelled:
    """One pair of the F1 sets: ``kind`` is true, random or hard; ``miners`` names the
    systems whose search ranked a hard negative first among the wrong candidates."""

    latin: str
    arabic: str
    same: bool
    kind: str
    miners: frozenset[str] = frozenset()

    def counts_for(self, system: str, protocol: str) -> bool:
        """Whether the pair is in ``system``'s set under ``protocol`` (cross, self,
        random; see the module docstring)."""
        if self.kind != "hard":
            return True
        if protocol == "self":
            return True
        return protocol == "cross" and bool(self.miners - {system})


def labelled_pairs(
    pairs: list[Pair],
    searchers: dict[str, Searcher],
    n: int,
    seed: int,
    also: Sequence[Pair] = (),
) -> list[Labelled]:
    """True pairs plus hard and random negatives for each (see the module docstring).

    ``also``: more pairs of the same data set (its train split) whose partners are
    known spellings, so never drawn as negatives.
    """
    rng = random.Random(seed)
    gold = directions([*pairs, *also])[0][1]
    targets = sorted({ar for _, ar in pairs})
    out: list[Labelled] = []
    for lat in _sample([lat for lat, _ in pairs], n, seed):
        ar = sorted(a for a in gold[lat] if a in targets_set(targets))[0]
        out.append(Labelled(lat, ar, True, "true"))
        hard: dict[str, set[str]] = defaultdict(set)
        for system, search in searchers.items():
            wrong = [c for c in search(lat) if c not in gold[lat]]
            for w in wrong[:1]:
                hard[w].add(system)
        out.extend(Labelled(lat, w, False, "hard", frozenset(hard[w])) for w in sorted(hard))
        other = rng.choice(targets)
        if other not in gold[lat]:
            out.append(Labelled(lat, other, False, "random"))
    return out


def scored_set(labelled: list[Labelled], system: str, protocol: str) -> list[tuple[float, bool]]:
    """``(score, same?)`` of ``system`` on the pairs of one protocol."""
    score = SCORERS[system]
    return [(score(p.latin, p.arabic), p.same) for p in labelled if p.counts_for(system, protocol)]


_TARGET_SETS: dict[int, set[str]] = {}


def targets_set(targets: list[str]) -> set[str]:
    """A set view of a target list, built once per list."""
    key = id(targets)
    if key not in _TARGET_SETS:
        _TARGET_SETS[key] = set(targets)
    return _TARGET_SETS[key]


def prf(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in scored if s >= threshold and y)
    fp = sum(1 for s, y in scored if s >= threshold and not y)
    fn = sum(1 for s, y in scored if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scored: list[tuple[float, bool]]) -> tuple[float, float]:
    """(threshold, F1) maximising F1."""
    grid = sorted({round(s, 3) for s, _ in scored})
    return max(((t, prf(scored, t)[2]) for t in grid), key=lambda tf: tf[1])


def choose_thresholds() -> dict[str, float]:
    """Per system, the best-F1 threshold (cross-mined protocol) on pairs drawn from the
    train splits' calibration pairs (never seen by the learned spelling model;
    ``names_data.calibration_sets``)."""
    pairs = [p for ps in calibration_sets().values() for p in ps]
    sample = random.Random(11).sample(pairs, 4 * TRAIN_PAIRS)
    targets = sorted({ar for _, ar in sample})
    labelled = labelled_pairs(sample, searchers_for(targets), TRAIN_PAIRS, seed=12)
    return {name: best_threshold(scored_set(labelled, name, "cross"))[0] for name in SCORERS}


def searchers_for(targets: list[str]) -> dict[str, Searcher]:
    return {"marsad": marsad_searcher(targets), "baseline": baseline_searcher(targets)}


def evaluate_split(
    pairs: list[Pair], thresholds: dict[str, float], also: list[Pair]
) -> dict[str, Figures]:
    """Figures for one dev split; ``also`` (its train split) only widens what counts as a
    correct partner (a spelling the data set lists elsewhere is not a wrong answer)."""
    figs = {"marsad": Figures(), "baseline": Figures()}
    known = dict(directions([*pairs, *also]))
    for label, gold in directions(pairs):
        targets = sorted({t for ts in gold.values() for t in ts})
        queries = _sample(list(gold), QUERIES, seed=1)
        for name, make in (("marsad", marsad_searcher), ("baseline", baseline_searcher)):
            r1, r10 = recall_at(make(targets), known[label], queries)
            print(f"    {label:13} {name:8} recall@1 {r1:.3f}  recall@10 {r10:.3f}")
            figs[name].r1 += r1 / 2
            figs[name].r10 += r10 / 2
    targets = sorted({ar for _, ar in pairs})
    labelled = labelled_pairs(pairs, searchers_for(targets), QUERIES, seed=2, also=also)
    for name in SCORERS:
        f = figs[name]
        cross = scored_set(labelled, name, "cross")
        f.precision, f.recall, f.f1 = prf(cross, thresholds[name])
        f.best_f1 = best_threshold(cross)[1]
        f.self_f1 = best_threshold(scored_set(labelled, name, "self"))[1]
        f.random_f1 = best_threshold(scored_set(labelled, name, "random"))[1]
    return figs


def respellings(pairs: list[Pair]) -> dict[str, float] | None:
    """recall@10 of Latin re-spellings of one Arabic form, itself excluded."""
    by_ar: dict[str, set[str]] = defaultdict(set)
    for lat, ar in pairs:
        by_ar[ar].add(lat.lower())
    groups = [g for g in by_ar.values() if len(g) > 1]
    latin = sorted({lat.lower() for lat, _ in pairs})
    queries = _sample([q for g in groups for q in g], QUERIES, seed=3)
    group_of = {q: g for g in groups for q in g}
    if not queries:
        return None
    out = {}
    index = NameIndex()
    index.add_many((str(i), n) for i, n in enumerate(latin))
    searchers: dict[str, Callable[[str], list[str]]] = {
        "marsad": lambda q: [c.name for c in index.search(q, 11)],
        "baseline": lambda q: [
            latin[i] for _, _, i in process.extract(q, latin, scorer=fuzz.WRatio, limit=11)
        ],
    }
    for name, search in searchers.items():
        hits = sum(
            any(f in group_of[q] for f in [f for f in search(q) if f != q][:10]) for q in queries
        )
        out[name] = hits / len(queries)
    return out


def own_case_figures() -> dict[str, Figures]:
    """Our Arab-name cases: Latin → Arabic retrieval among dev distractors, and all pairs."""
    groups = own_cases()
    lat2grp = {s: g for g, ss in groups.items() for s in ss if not is_arabic(s)}
    ar2grp = {s: g for g, ss in groups.items() for s in ss if is_arabic(s)}
    distractors = sorted({ar for _, ar in dev_sets()["anetac dev"]})
    targets = sorted(ar2grp) + distractors
    gold = {lat: {a for a, g in ar2grp.items() if g == grp} for lat, grp in lat2grp.items()}
    figs = {}
    for name, make, fn in (
        ("marsad", marsad_searcher, marsad_score),
        ("baseline", baseline_searcher, baseline_score),
    ):
        f = Figures()
        f.r1, f.r10 = recall_at(make(targets), gold, sorted(gold))
        scored = [
            (fn(lat, ar), lg == ag) for lat, lg in lat2grp.items() for ar, ag in ar2grp.items()
        ]
        f.best_f1 = best_threshold(scored)[1]
        figs[name] = f
    return figs


def throughput() -> dict[str, float]:
    dev = dev_sets()
    train = train_sets()
    base = sorted({ar for ps in dev.values() for _, ar in ps})
    extra = sorted({ar for ps in train.values() for _, ar in ps})
    names = padded_arabic_names(base, extra, INDEX_SIZE)
    queries = _sample([lat for ps in dev.values() for lat, _ in ps], 2_000, seed=4)
    start = time.perf_counter()
    index = NameIndex()
    index.add_many((str(i), n) for i, n in enumerate(names))
    build = time.perf_counter() - start
    ours = 0.0
    for _ in range(3):  # best of three: the machine is shared
        names_module.prepare.cache_clear()  # no query may profit from an earlier run
        start = time.perf_counter()
        for q in queries:
            index.search(q, 10)
        ours = max(ours, len(queries) / (time.perf_counter() - start))
    search = baseline_searcher(names)
    start = time.perf_counter()
    for q in queries[:BASELINE_TIMED]:
        search(q)
    theirs = BASELINE_TIMED / (time.perf_counter() - start)
    print(f"  index of {len(names):,} Arabic names built in {build:.1f} s")
    return {"marsad": ours, "baseline": theirs}


def main(argv: list[str]) -> int:
    print("choosing thresholds on calibration pairs of the train splits ...", flush=True)
    thresholds = choose_thresholds()
    print(f"  thresholds: marsad {thresholds['marsad']:.3f}, baseline {thresholds['baseline']:.3f}")
    rows: list[tuple[str, str, str]] = []
    overall: dict[str, list[Figures]] = {"marsad": [], "baseline": []}
    for (split, pairs), also in zip(dev_sets().items(), train_sets().values(), strict=True):
        print(f"  {split}: {len(pairs):,} pairs", flush=True)
        figs = evaluate_split(pairs, thresholds, also)
        for name in overall:
            overall[name].append(figs[name])
        m, b = figs["marsad"], figs["baseline"]
        rows += [
            (f"{split} recall@1", f"{m.r1:.3f}", f"{b.r1:.3f}"),
            (f"{split} recall@10", f"{m.r10:.3f}", f"{b.r10:.3f}"),
            (
                f"{split} P/R @train thr",
                f"{m.precision:.3f}/{m.recall:.3f}",
                f"{b.precision:.3f}/{b.recall:.3f}",
            ),
            (f"{split} F1 @train thr", f"{m.f1:.3f}", f"{b.f1:.3f}"),
            (f"{split} F1 best, cross-mined (target)", f"{m.best_f1:.3f}", f"{b.best_f1:.3f}"),
            (f"{split} F1 best, self-mined (strictest)", f"{m.self_f1:.3f}", f"{b.self_f1:.3f}"),
            (f"{split} F1 best, random negatives only", f"{m.random_f1:.3f}", f"{b.random_f1:.3f}"),
        ]
        rs = respellings(pairs)
        if rs:
            rows.append(
                (
                    f"{split} Latin re-spellings recall@10",
                    f"{rs['marsad']:.3f}",
                    f"{rs['baseline']:.3f}",
                )
            )
    own = own_case_figures()
    rows += [
        ("own Arab cases recall@1", f"{own['marsad'].r1:.3f}", f"{own['baseline'].r1:.3f}"),
        ("own Arab cases recall@10", f"{own['marsad'].r10:.3f}", f"{own['baseline'].r10:.3f}"),
        (
            "own Arab cases F1 best",
            f"{own['marsad'].best_f1:.3f}",
            f"{own['baseline'].best_f1:.3f}",
        ),
    ]
    speed = throughput()
    rows.append(
        (
            f"queries/s at {INDEX_SIZE:,} names",
            f"{speed['marsad']:,.0f}",
            f"{speed['baseline']:,.1f}",
        )
    )
    m10 = min(f.r10 for f in overall["marsad"])
    mf1 = min(f.best_f1 for f in overall["marsad"])
    print(f"\n{'metric':52} {'Marsad':>13} {'baseline':>13}")
    for metric, ours, theirs in rows:
        print(f"{metric:52} {ours:>13} {theirs:>13}")
    ok = m10 >= 0.95 and mf1 >= 0.90 and speed["marsad"] >= 1_000
    print(
        "\ntargets (recall@10 >= 0.95, best F1 cross-mined >= 0.90, >= 1,000 q/s): "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
