"""Entry point of the ``marsad`` command.

Exit codes: 0 ok · 1 unexpected error · 2 user error (bad input, unknown id) · 3 fetch
refused or failed · 4 store unusable · 5 verify found missing or altered evidence ·
130 interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import click
import typer

from marsad import __version__
from marsad.cli import documents, names, sources
from marsad.cli import search as search_cli
from marsad.cli.context import open_store
from marsad.cli.output import emit_json, stderr, stdout, table
from marsad.cli.progress import CliProgress
from marsad.core.errors import InputError, IntegrityError, MarsadError, UserError

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): archive, search and study armed groups' public media.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(sources.app, name="sources")
app.add_typer(documents.app, name="documents")
runs_app = typer.Typer(help="Collection runs: counts and errors.", no_args_is_help=True)
app.add_typer(runs_app, name="runs")
# Later capabilities register their nouns below, one line each.
app.add_typer(names.app, name="names")
app.command("search")(search_cli.search)
app.command("reindex")(search_cli.reindex)


@app.callback()
def _global(
    home: Annotated[str | None, typer.Option(help="Data directory (sets MARSAD_HOME)")] = None,
    database_url: Annotated[
        str | None, typer.Option(help="Store URL (sets MARSAD_DATABASE_URL)")
    ] = None,
) -> None:
    if home:
        os.environ["MARSAD_HOME"] = home
    if database_url:
        os.environ["MARSAD_DATABASE_URL"] = database_url


@app.command()
def version() -> None:
    """Print the version."""
    stdout.print(__version__)


@app.command()
def init() -> None:
    """Create the data directory, the store and the archive (safe to repeat)."""
    store = open_store()
    stdout.print(f"store ready: {store.settings.database_url.split('@')[-1]}", markup=False)
    stdout.print(f"archive: {store.archive.root}", markup=False)


@app.command()
def collectors(json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """List the collectors and what they accept."""
    from marsad.collect.registry import all_collectors

    items = [
        {
            "name": c.name,
            "version": c.version,
            "platform": c.platform,
            "targets": c.targets,
            "description": c.description,
        }
        for c in all_collectors()
    ]
    if json_:
        emit_json(items)
        return
    table(
        ["name", "version", "platform", "accepts", "description"],
        [(i["name"], i["version"], i["platform"], i["targets"], i["description"]) for i in items],
    )


def _parse_options(opts: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in opts or []:
        if "=" not in item:
            raise UserError(f"--option takes KEY=VALUE, not {item!r}")
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


@app.command()
def ingest(
    target: Annotated[str, typer.Argument(help="File, folder (Telegram export) or URL")],
    source: Annotated[
        str | None, typer.Option(help="Source id, handle or key the input belongs to")
    ] = None,
    collector: Annotated[str | None, typer.Option(help="Collector name (default: detect)")] = None,
    option: Annotated[
        list[str] | None, typer.Option(help="Collector option KEY=VALUE (repeatable)")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON")] = False,
) -> None:
    """Archive and ingest one input. Re-running the same input adds nothing."""
    from marsad.pipeline.ingest import ingest as run_ingest

    store = open_store()
    with CliProgress(f"ingest {os.path.basename(target.rstrip('/')) or target}", progress) as bar:
        result = run_ingest(
            store,
            target,
            collector=collector,
            source=source,
            options=_parse_options(option),
            progress=bar,
        )
    if json_:
        emit_json(result.to_json())
    else:
        c = result.counts
        stdout.print(
            f"run {result.run_id} ({result.collector}): {result.status} · seen {c.seen} · added {c.added}"
            f" · new versions {c.versions} · unchanged {c.unchanged} · errors {result.errors}"
        )
        if result.errors:
            stderr.print(f"see `marsad runs show {result.run_id}` for the {result.errors} error(s)")
    if result.errors and not result.counts.seen:
        raise InputError(
            f"nothing usable in {os.path.basename(target.rstrip('/')) or target}: "
            f"{result.errors} error(s), see `marsad runs show {result.run_id}`"
        )


@runs_app.command("list")
def runs_list(
    limit: Annotated[int, typer.Option(help="How many")] = 50,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List recent collection runs."""
    rows = open_store().list_runs(limit)
    if json_:
        emit_json(rows)
        return
    table(
        ["id", "collector", "status", "seen", "added", "versions", "errors", "started", "input"],
        [
            (
                r["id"],
                r["collector"],
                r["status"],
                r["seen"],
                r["added"],
                r["versions"],
                r["errors"],
                f"{r['started_at']:%Y-%m-%d %H:%M}",
                r["target"] if "://" in r["target"] else os.path.basename(r["target"]),
            )
            for r in rows
        ],
    )


@runs_app.command("show")
def runs_show(
    run_id: Annotated[int, typer.Argument(help="Run id")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show a run's errors."""
    errors = open_store().run_errors(run_id)
    if json_:
        emit_json(errors)
        return
    table(["at", "where", "error"], [(e["at"], e["locator"], e["message"]) for e in errors])


@app.command()
def verify(
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Re-hash every archived blob; name any missing or altered one and exit 5."""
    store = open_store()
    digests = list(store.referenced_digests())
    problems = []
    with CliProgress("verify", progress) as bar:
        bar.total(len(digests))
        for digest in digests:
            problem = store.archive.check(digest)
            if problem:
                problems.append(problem)
            bar.advance(1, len(problems))
    if json_:
        emit_json({"checked": len(digests), "problems": [p.__dict__ for p in problems]})
    else:
        for p in problems:
            stdout.print(f"{p.problem}: {p.sha256} {p.detail}", markup=False)
        stdout.print(f"checked {len(digests)} blobs: {len(problems)} problem(s)")
    if problems:
        raise IntegrityError(
            f"{len(problems)} of {len(digests)} evidence blobs are missing or altered"
        )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Serve the reading room (web UI and REST API)."""
    import uvicorn

    from marsad.web.app import create_app

    store = open_store()
    stderr.print(f"Marsad reading room on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def demo(
    serve_: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the UI after loading")
    ] = False,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    json_: Annotated[bool, typer.Option("--json", help="Print the load summary as JSON")] = False,
) -> None:
    """Load the illustrative demo corpus (idempotent), then optionally serve it."""
    from marsad.demo.loader import load_demo

    store = open_store()
    summary = load_demo(store)
    if json_:
        emit_json(summary)
    else:
        stdout.print(f"demo corpus loaded into {store.settings.home}: {summary}", markup=False)
    if serve_:
        serve(host=host, port=port)


def main() -> None:
    cmd = typer.main.get_command(app)
    try:
        rv = cmd.main(prog_name="marsad", standalone_mode=False)
    except click.exceptions.Abort:
        stderr.print("marsad: interrupted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except MarsadError as exc:
        sys.stderr.write(f"marsad: error: {exc}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("marsad: interrupted\n")
        sys.exit(130)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
