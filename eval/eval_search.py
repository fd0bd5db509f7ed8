"""Search recall across orthographic variants and across scripts.

``python -m eval search [--anetac N]``

1. **Orthographic variants** (a set built here, in code): each test word is written in
   several forms (harakat, tatweel, alef/hamza forms, ta marbuta/ha, alef maqsura/ya,
   Persian yeh/keheh, Arabic-Indic and Persian digits, bidi and zero-width marks,
   presentation forms). Every form goes into its own post; every form is then used as a
   query, and a (query, post) pair counts as found when the post is returned. Scored for
   Marsad (transliteration off, so only normalisation and stemming are tested), for raw
   SQLite FTS5 (default ``unicode61`` tokenizer on the raw text) and for FTS5 over text
   normalised with Lucene's five rules only.
2. **Cross-script names**: Latin queries against Arabic posts, with transliteration on
   and off: (a) the name variants listed in ``docs/ARABIC.md`` (a development set: the
   key rules were written with these in sight), (b) ANETAC's *dev* split (held out:
   English query → Arabic post, 1,000 distinct names), with precision (share of returned
   posts that are the right one) since skeleton keys collide.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from eval.common import shared_data
from marsad.core.records import DocumentRecord
from marsad.core.settings import Settings
from marsad.search import search
from marsad.store import Store

FILLER = "قال المصدر إن {} كان هناك أمس"
HARAKAT = "\u064e\u064f\u0650\u0652\u0651\u064b"
WORDS = [
    "سليماني", "المهندس", "الموصل", "كتائب", "مسؤول", "إسرائيل", "الإعلام", "المقاومة",
    "حلب", "الأخبار", "إيران", "آمرلي", "قاعدة", "مدينة", "الحشد", "أنصار", "الأسد",
    "العسكرية", "إدلب", "الرقة", "مستشفى", "الحوثي", "اليمن", "صنعاء", "الضاحية",
    "كربلاء", "الفلوجة", "دير الزور", "الطائرات", "استهداف",
]  # fmt: skip
NUMBERS = ["2021", "1441", "313", "14"]
LUCENE = str.maketrans(
    {"آ": "ا", "أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
    | {chr(c): None for c in range(0x064B, 0x0653)}
)
ARABIC_MD = {
    "سليماني": ["Soleimani", "Suleimani", "Soleymani", "Sulaimani", "Solaimani", "Sulemani",
                "Salimani", "Soliemani"],
    "كتائب حزب الله": ["Kata'ib Hizballah", "Kataib Hezbollah", "Kataeb Hizbullah", "KH"],
    "أبو مهدي المهندس": ["Abu Mahdi al-Muhandis", "Abu Mehdi al-Mohandes"],
    "الأخبار": ["al-Akhbar", "Al Akhbar", "el-Akhbar", "al-Akhabar"],
    "الإعلام الحربي": ["al-Elam al-Harbi", "al-I'lam al-Harbi", "Al-Ilam Al-Harbi"],
}  # fmt: skip


def _swap_alef(w: str) -> list[str]:
    out = []
    for i, ch in enumerate(w):
        if ch in "اأإآ":
            out += [w[:i] + alt + w[i + 1 :] for alt in "اأإآ" if alt != ch]
    return out


def variants(word: str) -> list[str]:
    """The written forms of ``word`` the set uses (the word itself first)."""
    forms = [word]
    forms.append(
        "".join(ch + HARAKAT[i % len(HARAKAT)] if ch != " " else ch for i, ch in enumerate(word))
    )
    forms.append(word[0] + "ـ" + word[1:] if len(word) > 2 else word)
    forms += _swap_alef(word)[:2]
    if word.endswith(("ة", "ه")):
        forms.append(word[:-1] + ("ه" if word[-1] == "ة" else "ة"))
    if word.endswith(("ى", "ي")):
        forms.append(word[:-1] + ("ي" if word[-1] == "ى" else "ى"))
    if "ي" in word or "ك" in word:
        forms.append(word.replace("ي", "ی").replace("ك", "ک"))
    forms.append("\u200f" + word + "\u200e")
    mid = len(word) // 2
    forms.append(word[:mid] + "\u200c" + word[mid:])
    forms.append(word.replace("لا", "ﻻ").replace("ا", "ﺍ"))
    return list(dict.fromkeys(f for f in forms if f))


def number_variants(n: str) -> list[str]:
    ar = n.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    fa = n.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    return [n, ar, fa, "\u200f" + ar]


def _store(tmp: Path, texts: list[str]) -> Store:
    store = Store.open(Settings.from_env({"MARSAD_HOME": str(tmp)}))
    sid = store.add_source("telegram", "@eval")
    ev = store.archive_bytes(b"eval", origin="eval://", collector="eval", version="1").sha256
    when = datetime(2021, 1, 1, tzinfo=UTC)
    recs = [
        DocumentRecord(platform="telegram", platform_id=str(i), evidence_sha256=ev, text=t,
                       published_at=when)
        for i, t in enumerate(texts)
    ]  # fmt: skip
    for i in range(0, len(recs), 1000):
        store.write_batch(sid, recs[i : i + 1000])
    return store


def _marsad(store: Store, translit: bool) -> Callable[[str], set[str]]:
    def run(q: str) -> set[str]:
        res = search(store, f'"{q}"' if " " in q else q, limit=100, translit=translit)
        return {h.snippet.text for h in res.hits}

    return run


def _fts(texts: list[str], fold: Callable[[str], str]) -> Callable[[str], set[str]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)", [(i, fold(x)) for i, x in enumerate(texts)]
    )

    def run(q: str) -> set[str]:
        expr = '"' + fold(q).replace('"', '""') + '"'
        try:
            rows = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()
        except sqlite3.OperationalError:
            return set()
        return {texts[r[0]] for r in rows}

    return run


def _recall(groups: list[list[str]], engine: Callable[[str], set[str]]) -> tuple[int, int]:
    found = total = 0
    for forms in groups:
        for q in forms:
            got = engine(q)
            for d in forms:
                total += 1
                found += FILLER.format(d) in got
    return found, total


def orthographic(tmp: Path) -> None:
    groups = [variants(w) for w in WORDS] + [number_variants(n) for n in NUMBERS]
    texts = [FILLER.format(f) for forms in groups for f in forms]
    store = _store(tmp / "ortho", texts)
    n_pairs = sum(len(g) ** 2 for g in groups)
    print(
        f"orthographic set: {len(groups)} words/numbers, {len(texts)} posts, {n_pairs} (query, post) pairs"
    )
    engines = {
        "marsad (translit off)": _marsad(store, False),
        "marsad (translit on)": _marsad(store, True),
        "baseline: raw FTS5 unicode61": _fts(texts, lambda s: s),
        "FTS5 + Lucene 5 rules": _fts(texts, lambda s: s.translate(LUCENE)),
    }
    for name, engine in engines.items():
        found, total = _recall(groups, engine)
        print(f"  {name:30} recall {found / total:.3f} ({found}/{total})")
    store.close()


def _cross(name: str, store: Store, pairs: list[tuple[str, str]], posts: dict[str, str]) -> None:
    for translit in (True, False):
        engine = _marsad(store, translit)
        hit = returned = right = 0
        misses = []
        for ar, q in pairs:
            got = engine(q)
            ok = posts[ar] in got
            hit += ok
            returned += len(got)
            right += ok
            if not ok:
                misses.append(q)
        prec = right / returned if returned else 0.0
        print(
            f"  {name:22} translit {'on ' if translit else 'off'} recall {hit / len(pairs):.3f}"
            f" ({hit}/{len(pairs)}) precision {prec:.3f} (posts returned {returned})"
        )
        if translit and misses:
            print(f"    missed: {', '.join(misses[:12])}{' …' if len(misses) > 12 else ''}")


def cross_script(tmp: Path, anetac: int) -> None:
    md_pairs = [(ar, q) for ar, qs in ARABIC_MD.items() for q in qs]
    dev = _anetac(anetac)
    arabic = list(dict.fromkeys([ar for ar, _ in md_pairs] + [ar for ar, _ in dev]))
    posts = {ar: FILLER.format(ar) for ar in arabic}
    store = _store(tmp / "cross", list(posts.values()))
    print(f"cross-script: {len(posts)} Arabic posts, Latin queries")
    _cross("ARABIC.md variants", store, md_pairs, posts)
    if dev:
        _cross(f"ANETAC dev ({len(dev)})", store, dev, posts)
    store.close()


def _anetac(limit: int) -> list[tuple[str, str]]:
    folder = shared_data("names", "anetac")
    if not folder.exists():
        print(f"  (ANETAC not found at {folder}: skipped)")
        return []
    ar = (folder / "translit_dev.ar").read_text(encoding="utf-8").splitlines()
    en = (folder / "translit_dev.en").read_text(encoding="utf-8").splitlines()
    pairs = [
        (a.strip(), e.strip()) for a, e in zip(ar, en, strict=False) if a.strip() and e.strip()
    ]
    return _dedupe(pairs)[:limit]


def _dedupe(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for ar, en in pairs:
        if ar not in seen and not any(c.isdigit() for c in en):
            seen.add(ar)
            out.append((ar, en))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval search")
    ap.add_argument("--anetac", type=int, default=1000, help="ANETAC dev pairs to use")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        orthographic(Path(tmp))
        cross_script(Path(tmp), args.anetac)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
