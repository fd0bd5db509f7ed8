"""Helpers shared by evaluations."""

from __future__ import annotations

import os
from pathlib import Path


def shared_data(*parts: str) -> Path:
    root = Path(
        os.environ.get(
            "MARSAD_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
        )
    )
    return root.joinpath(*parts)
