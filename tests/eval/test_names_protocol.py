"""The F1 protocols of ``eval/eval_names.py``: which negatives each system is scored on."""

from __future__ import annotations

from eval.eval_names import labelled_pairs


def test_each_system_meets_the_hard_negatives_the_other_mined() -> None:
    pairs = [("majid", "مجيد"), ("majed", "ماجد"), ("karim", "كريم")]
    searchers = {
        "marsad": lambda q: ["مجيد", "ماجد", "كريم"],  # its wrong pick for majid: ماجد
        "baseline": lambda q: ["مجيد", "كريم", "ماجد"],  # its wrong pick for majid: كريم
    }
    labelled = [p for p in labelled_pairs(pairs, searchers, 3, seed=1) if p.latin == "majid"]
    hard = {p.arabic: p for p in labelled if p.kind == "hard"}
    assert hard["ماجد"].miners == {"marsad"} and hard["كريم"].miners == {"baseline"}
    assert any(p.same and p.arabic == "مجيد" for p in labelled)

    def chosen(system: str, protocol: str) -> set[str]:
        return {p.arabic for p in labelled if p.kind == "hard" and p.counts_for(system, protocol)}

    assert chosen("marsad", "cross") == {"كريم"}
    assert chosen("baseline", "cross") == {"ماجد"}
    assert chosen("marsad", "self") == chosen("baseline", "self") == {"ماجد", "كريم"}
    assert chosen("marsad", "random") == set()


def test_a_spelling_the_train_split_lists_is_never_a_negative() -> None:
    pairs = [("majid", "مجيد"), ("majed", "ماجد")]
    searchers = {"marsad": lambda q: ["ماجد", "مجيد"]}
    labelled = labelled_pairs(pairs, searchers, 2, seed=1, also=[("majid", "ماجد")])
    assert not [p for p in labelled if p.latin == "majid" and not p.same]
