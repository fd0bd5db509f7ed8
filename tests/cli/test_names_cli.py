"""``marsad names``: the real command (in-process with typer's runner, and in a
subprocess where the exit code and the one-line error are the point), hostile files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.cli.names import MAX_LINE_BYTES, read_names
from marsad.core.errors import InputError
from marsad.text.names import SAME_NAME


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a subprocess: exit codes and stderr as users see them."""
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli.main", "names", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "250"},
    )


class Out:
    def __init__(self, returncode: int, stdout: str) -> None:
        self.returncode, self.stdout = returncode, stdout


def marsad(*args: str) -> Out:
    """The same command in-process (fast); errors surface as exceptions."""
    result = CliRunner().invoke(app, ["names", *args], env={"COLUMNS": "250"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Out(result.exit_code, result.stdout)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    index = tmp_path / "index.txt"
    index.write_text(
        "kh\tكتائب حزب الله\nsol\tقاسم سليماني\n\n# comment\nالأخبار\nsulay\tالسليمانية\n",
        encoding="utf-8",
    )
    queries = tmp_path / "queries.txt"
    queries.write_text("Qassem Soleimani\nKH\nal-Akhabar\n", encoding="utf-8")
    return index, queries


def test_compare_prints_score_and_reason() -> None:
    out = marsad("compare", "Soleimani", "سليماني")
    assert out.returncode == 0, out.stderr
    score = float(out.stdout.split()[0])
    assert score >= SAME_NAME
    assert "SLMN" in out.stdout


def test_compare_json_and_translit_off() -> None:
    on = json.loads(marsad("compare", "Soleimani", "سليماني", "--json").stdout)
    off = json.loads(marsad("compare", "Soleimani", "سليماني", "--no-translit", "--json").stdout)
    assert on["score"] >= SAME_NAME > 0.3 > off["score"]
    assert {"a", "b", "score", "detail", "features"} <= set(on)


def test_match_json_lines(files: tuple[Path, Path]) -> None:
    index, queries = files
    out = marsad(
        "match", "--index", str(index), "--queries", str(queries), "--limit", "2", "--json"
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["Qassem Soleimani", "KH", "al-Akhabar"]
    assert [line["candidates"][0]["id"] for line in lines] == ["sol", "kh", "5"]
    first = lines[0]["candidates"][0]
    assert set(first) == {"id", "name", "score", "detail"} and first["detail"]
    assert all(len(line["candidates"]) <= 2 for line in lines)


def test_match_shows_progress_on_stderr_and_keeps_stdout_clean(files: tuple[Path, Path]) -> None:
    index, queries = files
    args = ["match", "--index", str(index), "--queries", str(queries), "--json"]
    shown = run(*args, "--progress")
    assert shown.returncode == 0, shown.stderr
    assert "index names" in shown.stderr and "match names" in shown.stderr
    assert "3/3" in shown.stderr  # queries done out of queries asked
    assert len([json.loads(line) for line in shown.stdout.splitlines()]) == 3
    assert "match names" not in run(*args).stderr  # not a terminal: no bar by default


def test_match_table_keeps_hostile_markup_literal(tmp_path: Path) -> None:
    index = tmp_path / "i.txt"
    index.write_text("x\t[bold]Soleimani[/bold] [link=http://evil]\n", encoding="utf-8")
    queries = tmp_path / "q.txt"
    queries.write_text("Soleimani\n", encoding="utf-8")
    out = marsad("match", "--index", str(index), "--queries", str(queries))
    assert out.returncode == 0, out.stderr
    assert "[bold]Soleimani[/bold]" in out.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Soleimani\n" + b"x" * (MAX_LINE_BYTES + 10) + b"\n", "line 2: longer than"),
        (b"Soleimani\n\xff\xfe bad\n", "line 2: not UTF-8"),
        (b"a\x00b\n", "NUL byte"),
        (b"id1\t   \n", "has no name"),
        (("y" * 400 + "\n").encode(), "name longer than"),
        (("i" * 300 + "\tSoleimani\n").encode(), "id empty or longer"),
    ],
)
def test_hostile_name_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_names(bad)


def test_hostile_file_gives_one_line_and_exit_2(tmp_path: Path, files: tuple[Path, Path]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Soleimani\n\xff\xfe bad\n")
    out = run("match", "--index", str(bad), "--queries", str(files[1]))
    assert out.returncode == 2
    assert out.stderr.strip() == "marsad: error: bad.txt line 2: not UTF-8 text"


def test_missing_file_and_bad_limit(files: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        marsad("match", "--index", str(tmp_path / "nope"), "--queries", str(files[1]))
    with pytest.raises(InputError, match="--limit"):
        marsad("match", "--index", str(files[0]), "--queries", str(files[1]), "--limit", "0")


def test_read_names_ids_and_line_numbers(files: tuple[Path, Path], tmp_path: Path) -> None:
    assert read_names(files[0])[2] == ("5", "الأخبار")
    with pytest.raises(InputError, match="not a file"):
        read_names(tmp_path)
