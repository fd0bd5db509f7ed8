"""``marsad names``: compare spellings of a name across scripts, match name lists.

Name files hold one name per line, optionally ``id<TAB>name`` (without an id the line
number is the id). Blank lines and lines starting with ``#`` are skipped. Files are
hostile until read: at most :data:`MAX_FILE_LINES` lines of :data:`MAX_LINE_BYTES`
bytes, UTF-8, no NUL bytes; anything else stops with one clear line (exit 2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.table import Table
from rich.text import Text

from marsad.cli.output import emit_json, stdout
from marsad.cli.progress import CliProgress
from marsad.core.errors import InputError
from marsad.text.name_index import Candidate, NameIndex
from marsad.text.names import MAX_NAME_CHARS, compare

__all__ = ["MAX_FILE_LINES", "MAX_ID_CHARS", "MAX_LINE_BYTES", "app", "read_names"]

MAX_FILE_LINES = 1_000_000
MAX_LINE_BYTES = 4 * MAX_NAME_CHARS + 512  # a name of MAX_NAME_CHARS in 4-byte UTF-8, an id
MAX_ID_CHARS = 200
MAX_LIMIT = 1_000

app = typer.Typer(
    help="Names across scripts: compare two spellings, match lists of names.",
    no_args_is_help=True,
)

TranslitOption = Annotated[
    bool,
    typer.Option(
        "--translit/--no-translit",
        help="Match across Arabic and Latin script (default) or within one script only",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON")]


@app.command("compare")
def compare_cmd(
    a: Annotated[str, typer.Argument(help="A name, any script")],
    b: Annotated[str, typer.Argument(help="Another name")],
    translit: TranslitOption = True,
    json_: JsonOption = False,
) -> None:
    """Score how likely two spellings name the same person or group, and say why."""
    match = compare(a, b, translit=translit)
    if json_:
        emit_json({"a": a, "b": b, "score": match.score, "detail": match.detail,
                   "features": match.features})  # fmt: skip
        return
    stdout.print(Text(f"{match.score:.3f}  {match.detail}"))
    stdout.print(Text("features: " + ", ".join(f"{k} {v:.3f}" for k, v in match.features.items())))


@app.command("match")
def match_cmd(
    index: Annotated[Path, typer.Option("--index", help="File of names to search in")],
    queries: Annotated[Path, typer.Option("--queries", help="File of names to look up")],
    limit: Annotated[int, typer.Option(help="Candidates per query")] = 5,
    translit: TranslitOption = True,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object per query")] = False,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bars on stderr")
    ] = None,
) -> None:
    """Find, for each name in --queries, the closest names in --index."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    stored, asked = read_names(index), read_names(queries)
    names = NameIndex(translit=translit)
    with CliProgress("index names", progress) as bar:
        bar.total(len(stored))
        for start in range(0, len(stored), _STEP):
            names.add_many(stored[start : start + _STEP])
            bar.advance(len(stored[start : start + _STEP]), 0)
    results = []
    with CliProgress("match names", progress) as bar:
        bar.total(len(asked))
        for _, query in asked:
            found = names.search(query, limit)
            if json_:  # streamed: one line per query as soon as it is known
                sys.stdout.write(json.dumps(_as_json(query, found), ensure_ascii=False) + "\n")
            else:
                results.append((query, found))
            bar.advance(1, 0)
    if not json_:
        _print_table(results)


_STEP = 1_000  # names added between progress updates


def _as_json(query: str, found: list[Candidate]) -> dict[str, object]:
    return {
        "query": query,
        "candidates": [
            {"id": c.id, "name": c.name, "score": c.score, "detail": c.detail} for c in found
        ],
    }


def _print_table(results: list[tuple[str, list[Candidate]]]) -> None:
    """A Rich table; cells are Text objects so markup in hostile names stays literal."""
    tbl = Table(show_lines=False)
    for col in ("query", "rank", "id", "name", "score", "why"):
        tbl.add_column(col, overflow="fold")
    for query, found in results:
        if not found:
            tbl.add_row(Text(query), "-", "", Text("(no candidate)"), "", "")
        for rank, c in enumerate(found, 1):
            tbl.add_row(
                Text(query if rank == 1 else ""),
                str(rank),
                Text(c.id),
                Text(c.name),
                f"{c.score:.3f}",
                Text(c.detail),
            )
    stdout.print(tbl)


def read_names(path: Path) -> list[tuple[str, str]]:
    """Read a name file (see the module docstring).

    Args:
        path: The file.

    Returns:
        ``(id, name)`` pairs in file order.

    Raises:
        InputError: Missing or unreadable file, binary or non-UTF-8 content, a line or
            name or id too long, too many lines.
    """
    try:
        with path.open("rb") as fh:
            return _read_lines(fh, path.name)
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"not a file: {path}") from exc
    except PermissionError as exc:
        raise InputError(f"cannot read {path}: permission denied") from exc


def _read_lines(fh: BinaryIO, label: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for number in range(1, MAX_FILE_LINES + 2):
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return out
        if number > MAX_FILE_LINES:
            raise InputError(f"{label}: more than {MAX_FILE_LINES:,} lines")
        if len(raw) > MAX_LINE_BYTES:
            raise InputError(f"{label} line {number}: longer than {MAX_LINE_BYTES} bytes")
        item = _parse_line(raw, number, label)
        if item:
            out.append(item)
    return out


def _parse_line(raw: bytes, number: int, label: str) -> tuple[str, str] | None:
    if b"\x00" in raw:
        raise InputError(f"{label} line {number}: NUL byte (a binary file?)")
    try:
        line = raw.decode("utf-8").rstrip("\r\n").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label} line {number}: not UTF-8 text") from exc
    if not line.strip() or line.startswith("#"):
        return None
    id_, sep, name = line.partition("\t")
    if not sep:
        id_, name = str(number), id_
    id_, name = id_.strip(), " ".join(name.split())
    if not name:
        raise InputError(f"{label} line {number}: id {id_[:40]!r} has no name")
    if not id_ or len(id_) > MAX_ID_CHARS:
        raise InputError(f"{label} line {number}: id empty or longer than {MAX_ID_CHARS}")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"{label} line {number}: name longer than {MAX_NAME_CHARS} characters")
    return id_, name
