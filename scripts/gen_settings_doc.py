"""Write docs/SETTINGS.md from marsad.core.settings.SPECS (the single declaration)."""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.core.settings import SPECS


def render() -> str:
    lines = [
        "# Settings",
        "",
        "Every setting is an environment variable `MARSAD_<NAME>`. Generated from",
        "`src/marsad/core/settings.py` by `python scripts/gen_settings_doc.py`; a test fails",
        "when this page and the code disagree.",
        "",
        "| variable | default | meaning |",
        "| --- | --- | --- |",
    ]
    for s in SPECS:
        default = f"`{s.default}`" if s.default else "(empty)"
        lines.append(f"| `MARSAD_{s.name}` | {default} | {s.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "docs" / "SETTINGS.md"
    out.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n")
