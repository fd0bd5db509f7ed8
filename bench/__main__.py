"""Run every benchmark: ``python -m bench [NAME ...]`` (``make bench``).

Each ``bench/bench_*.py`` exposes ``main(argv) -> int`` and prints its figures beside
its baseline. Pass names (e.g. ``ingest_telegram``) to run only some; any other
arguments go to each chosen benchmark (``python -m bench search --docs 200000``).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    picked = [a for a in argv if a in names]
    rest = [a for a in argv if a not in names]
    chosen = [n for n in names if not picked or n in picked]
    status = 0
    for name in chosen:
        print(f"\n=== bench {name} ===", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        status |= int(module.main(rest) or 0)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
