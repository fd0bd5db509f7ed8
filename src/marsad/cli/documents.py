"""``marsad documents``: list and read stored posts and articles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from marsad.cli.context import open_store
from marsad.cli.output import emit_json, parse_when, short, stdout, table
from marsad.store import DocumentFilter

app = typer.Typer(help="List and show stored documents (posts, articles).", no_args_is_help=True)


@app.command("list")
def list_(
    source: Annotated[str | None, typer.Option(help="Source id, handle or key")] = None,
    lang: Annotated[str | None, typer.Option(help="Language code")] = None,
    kind: Annotated[str | None, typer.Option(help="post, service, article")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="From date (YYYY-MM-DD)")] = None,
    to: Annotated[str | None, typer.Option(help="To date (YYYY-MM-DD, inclusive)")] = None,
    order: Annotated[str, typer.Option(help="newest or oldest")] = "newest",
    limit: Annotated[int, typer.Option(help="Rows per page (max 1000)")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip")] = 0,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List documents, newest first, with filters."""
    store = open_store()
    source_id = store.get_source(source).id if source else None
    docs, total = store.list_documents(
        DocumentFilter(
            source_id=source_id,
            lang=lang,
            kind=kind,
            date_from=parse_when(from_),
            date_to=parse_when(to, end=True),
            order=order,
            limit=limit,
            offset=offset,
        )
    )
    if json_:
        emit_json({"total": total, "offset": offset, "documents": [d.to_json() for d in docs]})
        return
    table(
        ["id", "published", "source", "lang", "text"],
        [
            (
                d.id,
                d.published_at.strftime("%Y-%m-%d %H:%M") if d.published_at else "",
                d.source.label if d.source else d.source_id,
                d.lang,
                short(d.title or d.text, 70),
            )
            for d in docs
        ],
        title=f"{len(docs)} of {total}",
    )


@app.command("show")
def show(
    doc_id: Annotated[int, typer.Argument(help="Document id")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show one document with its evidence, media, links and versions."""
    doc = open_store().get_document(doc_id)
    if json_:
        emit_json(doc.to_json(full=True))
        return
    src = doc.source.label if doc.source else str(doc.source_id)
    stdout.print(
        Text.assemble(
            (f"#{doc.id}", "bold"),
            f" {src} · {doc.platform}:{doc.platform_id} · {doc.published_at or ''}",
        )
    )
    if doc.title:
        stdout.print(Text(doc.title, style="bold"))
    stdout.print(doc.text, markup=False)
    ev = doc.evidence or {}
    stdout.print(
        f"evidence sha256:{doc.evidence_sha256} {doc.locator} captured {ev.get('captured_at', '')}"
    )
    if doc.is_forward:
        stdout.print(
            f"forwarded from {doc.fwd_from_name or doc.fwd_from_key} {doc.fwd_from_message_id}"
        )
    for m in doc.media:
        stdout.print(
            f"media {m.position}: {m.kind} {m.mime_type} {m.sha256 or m.note}", markup=False
        )
    for v in doc.versions:
        stdout.print(
            f"version {v.version} ({v.edited_at or v.captured_at}): {short(v.text, 100)}",
            markup=False,
        )
