"""Run every evaluation: ``python -m eval [NAME ...]`` (``make eval``).

Each ``eval/eval_*.py`` exposes ``main(argv) -> int`` and prints its figures beside its
baseline. Data is read from ``../shared/data`` (or ``$MARSAD_SHARED_DATA``), never copied.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(p.stem.removeprefix("eval_") for p in here.glob("eval_*.py"))
    chosen = [n for n in names if not argv or n in argv]
    status = 0
    for name in chosen:
        print(f"\n=== eval {name} ===", flush=True)
        module = importlib.import_module(f"eval.eval_{name}")
        status |= int(module.main([]) or 0)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
