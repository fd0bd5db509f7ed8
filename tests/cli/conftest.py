"""Run the real ``marsad`` command in a subprocess against a temporary home."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Runner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def marsad(tmp_path: Path) -> Runner:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["MARSAD_HOME"] = str(home)

    def run(
        *args: str, check: bool = True, extra_env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "marsad.cli.main", *args],
            env={**env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"marsad {' '.join(args)} -> {proc.returncode}\n{proc.stderr}")
        return proc

    run.home = home  # type: ignore[attr-defined]
    return run
