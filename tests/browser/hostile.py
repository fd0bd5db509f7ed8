"""Posts and a source whose every field carries markup an attacker would try."""

from __future__ import annotations

from datetime import UTC, datetime

from marsad.core.records import DocumentRecord
from marsad.store import DocumentFilter, Store

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = "<svg onload=window.__pwned=1></svg>"
HOSTILE = {
    "text": f"بيان {SCRIPT} {IMG} {SVG} <a href=javascript:window.__pwned=1>click</a>",
    "title": f"{IMG}{SCRIPT}",
    "author": f'"><script>window.__pwned=1</script>{SVG}',
    "source": f"قناة {SCRIPT}{IMG}",
    "url": '"><script>window.__pwned=1</script>',
}


def fill_hostile(store: Store) -> dict[str, int]:
    """Store the hostile source and posts; return their ids."""
    source = store.add_source(
        "telegram",
        '@x"><svg onload=window.__pwned=1>',
        name=HOSTILE["source"],
        url="javascript:window.__pwned=1",
        affiliation=SVG,
        aliases=[SCRIPT],
        reliability="E",
    )
    store.set_reliability(source, "F", decided_by=IMG, note=SCRIPT)
    ev = store.archive_bytes(SCRIPT.encode(), origin=IMG, collector="test", version="1").sha256
    records = [
        DocumentRecord(
            platform="telegram",
            platform_id="1",
            evidence_sha256=ev,
            locator=SVG,
            text=HOSTILE["text"],
            title=HOSTILE["title"],
            author=HOSTILE["author"],
            url=HOSTILE["url"],
            lang="ar",
            published_at=datetime(2021, 10, 20, tzinfo=UTC),
            entities=[
                {"type": "text_link", "text": "click", "href": "javascript:window.__pwned=1"},
                {"type": "link", "text": "java\tscript:window.__pwned=1"},
                {"type": "text_link", "text": "x", "href": 'https://e.org/"><script>1</script>'},
            ],
        ),
        DocumentRecord(
            platform="telegram",
            platform_id="2",
            evidence_sha256=ev,
            text=SVG,
            url="javascript:window.__pwned=1",
            published_at=datetime(2021, 10, 21, tzinfo=UTC),
        ),
    ]
    store.write_batch(source, records)
    docs, _ = store.list_documents(DocumentFilter(source_id=source, order="oldest"))
    return {"source": source, "doc": docs[0].id, "doc2": docs[1].id}
