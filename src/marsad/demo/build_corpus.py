"""Generate the illustrative demo corpus under ``src/marsad/demo/data/`` (run once).

Usage::

    python -m marsad.demo.build_corpus [OUTPUT_DIR]

The output is deterministic (seeded), committed beside this script, and made of real
input formats: one Telegram Desktop export folder per channel (``result.json`` +
``photos/``), an RSS feed, an Atom feed, saved HTML pages and ``sources.yaml``. Every
sentence was written for Marsad; every source says it is illustrative.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from marsad.demo import _articles, _october, _outlets, _routine
from marsad.demo import _names as n
from marsad.demo._images import picture
from marsad.demo._tgexport import LOCAL, Post, at, export, message

SEED = 20211020
DATA = Path(__file__).resolve().parent / "data"
EARLY_EXPORT = "hulafa_oproom-2021-10-20"  # partial export taken before the 20 Oct edit
EARLY_FROM, EARLY_UNTIL = at("2021-10-01 00:00"), at("2021-10-20 17:00")


def plan(rng: random.Random) -> dict[str, list[Post]]:
    """Every channel's posts, unsorted, keyed by the source key."""
    official = _routine.official(rng) + _october.official()
    central = _routine.central(rng, official) + _october.central()
    return {
        n.OFFICIAL.key: official,
        n.CENTRAL.key: central,
        n.MEHWAR.key: _routine.mehwar(rng, official, central) + _october.mehwar(),
        n.SADA.key: _routine.sada(rng, official) + _october.sada(),
        n.SARAYA.key: _october.saraya(),
        n.MONITOR.key: _routine.monitor(rng, official) + _october.monitor(),
    }


def _photo_name(msg_id: int, post: Post) -> str:
    return f"photos/photo_{msg_id}@{post.when.astimezone(LOCAL):%d-%m-%Y_%H-%M-%S}.png"


def write_export(
    folder: Path, src: n.SourceSpec, posts: Sequence[Post], *, early: bool = False
) -> int:
    """Write one export folder; message ids follow time order. Returns the message count."""
    ordered = sorted(posts, key=lambda p: p.when)
    ids = {p.key: i for i, p in enumerate(ordered, 1) if p.key}
    messages: list[dict[str, Any]] = []
    for msg_id, post in enumerate(ordered, 1):
        if early and not EARLY_FROM <= post.when <= EARLY_UNTIL:
            continue
        if post.photo_seed:
            post.photo = _photo_name(msg_id, post)
            post.photo_size = (96, 64)
            target = folder / post.photo
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(picture(post.photo_seed))
        messages.append(message(msg_id, post, src.name, src.channel_id, ids, early=early))
    folder.mkdir(parents=True, exist_ok=True)
    body = json.dumps(export(src.name, src.channel_id, messages), ensure_ascii=False, indent=1)
    (folder / "result.json").write_text(body + "\n", encoding="utf-8")
    return len(messages)


def _registry_entry(src: n.SourceSpec, inputs: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "platform": src.platform,
        "handle": src.handle,
        "name": src.name,
        "aliases": list(src.aliases),
        "url": src.url,
        "language": src.language,
        "type": src.source_type,
        "affiliation": src.affiliation,
        "reliability": src.reliability,
        "description": f"{n.NOTE_EN} {n.NOTE_AR}",
        "inputs": inputs,
    }


def _telegram_inputs(src: n.SourceSpec) -> list[dict[str, str]]:
    inputs = [{"collector": "telegram-export", "path": f"telegram/{src.key}"}]
    if src is n.OFFICIAL:
        inputs.insert(0, {"collector": "telegram-export", "path": f"telegram/{EARLY_EXPORT}"})
    return inputs


def write_outlets(out: Path, rng: random.Random) -> dict[str, list[dict[str, str]]]:
    """Write feeds and pages; return each outlet's inputs for the registry."""
    akhbar = _articles.akhbar(rng)
    ledger = _articles.ledger(rng)
    saved = [a for a in akhbar if a.published >= at("2021-10-14 12:00")]
    in_feed = [a for a in akhbar if a not in saved]
    (out / "feeds").mkdir(parents=True, exist_ok=True)
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "feeds/al-akhbar.rss").write_text(_outlets.rss(n.AKHBAR, in_feed), encoding="utf-8")
    (out / "feeds/levant-ledger.atom").write_text(_outlets.atom(n.LEDGER, ledger), "utf-8")
    akhbar_inputs = [{"collector": "feed", "path": "feeds/al-akhbar.rss"}]
    for a in saved:
        name = f"html/al-akhbar-{a.published:%Y-%m-%d}-{a.url.rsplit('/', 1)[-1]}.html"
        (out / name).write_text(_outlets.page(n.AKHBAR, a), encoding="utf-8")
        akhbar_inputs.append({"collector": "web", "path": name})
    return {
        n.AKHBAR.key: akhbar_inputs,
        n.LEDGER.key: [{"collector": "feed", "path": "feeds/levant-ledger.atom"}],
    }


def build(out: Path = DATA) -> None:
    """Regenerate the whole corpus into ``out`` (its previous content is replaced)."""
    rng = random.Random(SEED)
    for sub in ("telegram", "feeds", "html"):
        shutil.rmtree(out / sub, ignore_errors=True)
    channels = plan(rng)
    for src in n.TELEGRAM:
        write_export(out / "telegram" / src.key, src, channels[src.key])
    write_export(out / "telegram" / EARLY_EXPORT, n.OFFICIAL, channels[n.OFFICIAL.key], early=True)
    outlet_inputs = write_outlets(out, rng)
    entries = [_registry_entry(s, _telegram_inputs(s)) for s in n.TELEGRAM]
    entries += [_registry_entry(s, outlet_inputs[s.key]) for s in (n.AKHBAR, n.LEDGER)]
    registry = {
        "illustrative": True,
        "note": n.NOTE_EN,
        "sources": entries,
    }
    text = yaml.safe_dump(registry, allow_unicode=True, sort_keys=False, width=100)
    header = "# Generated by `python -m marsad.demo.build_corpus`; edit the generator, not this.\n"
    (out / "sources.yaml").write_text(header + text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: build into the given folder (default: the package data)."""
    args = list(sys.argv[1:] if argv is None else argv)
    build(Path(args[0]) if args else DATA)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
