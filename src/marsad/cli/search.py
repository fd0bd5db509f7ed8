"""``marsad search`` and ``marsad reindex``: full-text search from the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from marsad.cli.context import open_store
from marsad.cli.output import emit_json, stdout, table
from marsad.cli.progress import CliProgress


def search(
    query: Annotated[str, typer.Argument(help="Query, e.g. 'Soleimani source:@x from:2021-10'")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    sort: Annotated[str, typer.Option(help="relevance or newest")] = "relevance",
    limit: Annotated[int, typer.Option(help="Hits per page (1-100)")] = 20,
    page: Annotated[int, typer.Option(help="Page number, from 1")] = 1,
    translit: Annotated[
        bool, typer.Option("--translit/--no-translit", help="Match other scripts' spellings")
    ] = True,
) -> None:
    """Search documents in Arabic, Persian or English, however a name is spelled."""
    from marsad.search import search as run_search

    res = run_search(open_store(), query, sort=sort, limit=limit, page=page, translit=translit)
    if json_:
        emit_json(res.to_json())
        return
    total = f"{res.total}" if res.total_exact else f"at least {res.total}"
    note = f" · ranked within the newest {res.ranked_within}" if res.ranked_within else ""
    if res.common:
        note = (
            f" · newest first: {', '.join(res.common)} is in most recent posts, too common to rank"
        )
    table(
        ["id", "published", "source", "lang", "snippet"],
        [
            (
                h.id,
                h.published_at.strftime("%Y-%m-%d %H:%M") if h.published_at else "",
                h.source,
                h.lang,
                h.snippet.text,
            )
            for h in res.hits
        ],
        title=f"page {res.page} · {len(res.hits)} of {total} · {res.sort}{note}",
    )


def reindex(
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr")
    ] = None,
) -> None:
    """Rebuild the search index from the stored documents."""
    from marsad.store.search_index import rebuild

    store = open_store()
    with CliProgress("reindex", progress) as bar:
        state = {"done": 0}

        def step(done: int, total: int) -> None:
            bar.total(total)
            bar.advance(done - state["done"], 0)
            state["done"] = done

        n = rebuild(store.engine, step)
    stdout.print(f"indexed {n} documents")
