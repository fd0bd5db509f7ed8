"""A few posts naming the same man in three spellings and two scripts (written for Marsad)."""

from __future__ import annotations

from datetime import UTC, datetime

from marsad.core.records import DocumentRecord
from marsad.store import DocumentFilter, Store

POSTS = {
    "ar": ("قصف قرب مطار بغداد أدى إلى مقتل قاسم سليماني ورفاقه", "ar", 1),
    "su": ("Reports say Qasem Suleimani died in the Baghdad strike", "en", 2),
    "so": ("Soleimani's funeral drew crowds, the channel claimed", "en", 3),
    "xx": ("<script>alert('x')</script> An unrelated post about the weather", "en", 4),
}


def seed_names(store: Store) -> dict[str, int]:
    """Store :data:`POSTS`; return their document ids by key."""
    sid = store.add_source("telegram", "@watch", name="watch")
    ev = store.archive_bytes(b"seed", origin="test://seed", collector="test", version="1").sha256
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id=key,
                evidence_sha256=ev,
                text=text,
                lang=lang,
                published_at=datetime(2020, 1, day, 12, tzinfo=UTC),
            )
            for key, (text, lang, day) in POSTS.items()
        ],
    )
    docs, _ = store.list_documents(DocumentFilter(source_id=sid))
    return {d.platform_id: d.id for d in docs}
