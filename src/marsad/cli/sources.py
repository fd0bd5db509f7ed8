"""``marsad sources``: the registry of channels and outlets."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from marsad.cli.context import open_store
from marsad.cli.output import emit_json, stdout, table
from marsad.core.records import SOURCE_TYPES

app = typer.Typer(
    help="Register, list and grade sources (channels, outlets, feeds).", no_args_is_help=True
)


@app.command("add")
def add(
    platform: Annotated[str, typer.Argument(help="telegram, web, rss, csv, ...")],
    handle: Annotated[str, typer.Argument(help="@username, site host or feed URL")],
    name: Annotated[str, typer.Option(help="Display name, any script")] = "",
    url: Annotated[str, typer.Option(help="Public URL of the channel or outlet")] = "",
    lang: Annotated[str, typer.Option(help="Main language (ar, en, fa, ...)")] = "",
    type_: Annotated[
        str, typer.Option("--type", help=f"One of: {', '.join(SOURCE_TYPES)}")
    ] = "unknown",
    affiliation: Annotated[str, typer.Option(help='e.g. "overseen by Lebanese Hezbollah"')] = "",
    reliability: Annotated[str | None, typer.Option(help="Admiralty grade A-F")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name (repeatable)")] = None,
    description: Annotated[str, typer.Option(help="Free text")] = "",
    by: Annotated[str, typer.Option(help="Who registers it (audit)")] = "cli",
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Register a source."""
    store = open_store()
    sid = store.add_source(
        platform,
        handle,
        name=name,
        url=url,
        language=lang,
        source_type=type_,
        affiliation=affiliation,
        reliability=reliability.upper() if reliability else None,
        aliases=alias or [],
        description=description,
        decided_by=by,
    )
    src = store.get_source(sid)
    if json_:
        emit_json(src.to_json())
    else:
        stdout.print(f"source {src.id}: {src.platform}:{src.handle}")


@app.command("list")
def list_(json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """List sources with their type, reliability and document count."""
    rows = open_store().list_sources()
    if json_:
        emit_json([r.to_json() for r in rows])
        return
    table(
        ["id", "platform", "handle", "name", "type", "rel.", "lang", "docs"],
        [
            (
                r.id,
                r.platform,
                r.handle,
                r.name,
                r.source_type,
                r.reliability or "-",
                r.language,
                r.document_count,
            )
            for r in rows
        ],
    )


@app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="id, handle or key")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show one source, its keys and its reliability history."""
    store = open_store()
    src = store.get_source(ref)
    history = store.reliability_history(src.id)
    if json_:
        emit_json({**src.to_json(), "reliability_history": history})
        return
    for label, value in (
        ("id", src.id),
        ("platform", src.platform),
        ("handle", src.handle),
        ("name", src.name),
        ("url", src.url),
        ("aliases", ", ".join(src.aliases)),
        ("language", src.language),
        ("type", src.source_type),
        ("affiliation", src.affiliation),
        ("reliability", src.reliability or "-"),
        ("documents", src.document_count),
        ("keys", ", ".join(src.keys)),
    ):
        stdout.print(Text.assemble((f"{label:>12}", "bold"), "  ", str(value)))
    if history:
        table(
            ["when", "grade", "was", "by", "note"],
            [
                (h["decided_at"], h["grade"], h["previous"] or "-", h["decided_by"], h["note"])
                for h in history
            ],
            title="reliability history",
        )


@app.command("grade")
def grade(
    ref: Annotated[str, typer.Argument(help="id, handle or key")],
    grade_: Annotated[str, typer.Argument(metavar="GRADE", help="Admiralty reliability A-F")],
    by: Annotated[str, typer.Option(help="Who decides (audit)")] = "cli",
    note: Annotated[str, typer.Option(help="Why")] = "",
) -> None:
    """Set a source's reliability; the previous grade stays in its history."""
    store = open_store()
    src = store.get_source(ref)
    store.set_reliability(src.id, grade_, decided_by=by, note=note)
    stdout.print(f"source {src.id} graded {grade_.upper()} (was {src.reliability or '-'})")
