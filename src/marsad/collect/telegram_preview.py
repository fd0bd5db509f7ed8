"""Public Telegram channel preview pages (``https://t.me/s/<channel>``).

Each fetched page is archived as its own evidence blob, then parsed with lxml; every
post points at its page with the locator ``#post-<id>``. Pages are walked backwards with
``?before=<smallest id on the page>``.

Resume state (``ctx.state``, saved by the runner after each committed batch):

* ``ranges``: sorted, disjoint ``[low, high]`` post-id ranges already collected;
* ``complete``: the walk once reached the channel's first post.

A walk starts at the newest page and yields only posts outside ``ranges``. When a page
reaches into a collected range, the walk jumps below it (``before=<low>``), so a second
run fetches only newer posts and a run killed midway continues backwards from where it
stopped. State is updated only after all posts of a page were yielded.

Options: ``base_url`` (default ``https://t.me``), ``max_pages``, ``download_media=1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from marsad.collect.base import CollectContext, Collector
from marsad.collect.telegram_preview_parse import PreviewPage, parse_page
from marsad.core.errors import ConfigError, FetchError, InputError, UserError
from marsad.core.records import ChannelRef, DocumentRecord

NAME_RE = re.compile(r"^[A-Za-z0-9_]{3,64}$")
MAX_PAGES_DEFAULT = 10_000


@dataclass(frozen=True)
class Target:
    base: str  # scheme://host[:port], no trailing slash
    name: str  # channel username without @


def parse_target(target: str, base_url: str = "") -> Target:
    """Read a channel name (and base URL) from the forms users type."""
    raw = target.strip()
    base = "https://t.me"
    name = ""
    if raw.startswith("@"):
        name = raw[1:]
    elif raw.startswith(("http://", "https://")):
        parts = urlsplit(raw)
        segs = [s for s in parts.path.split("/") if s]
        host = (parts.hostname or "").lower()
        if segs[:1] == ["s"] and len(segs) >= 2:
            name = segs[1]
            if host not in {"t.me", "telegram.me"}:
                base = f"{parts.scheme}://{parts.netloc}"
        elif host in {"t.me", "telegram.me"} and segs:
            name = segs[0]
    elif raw.lower().startswith(("t.me/", "telegram.me/")):
        segs = [s for s in raw.split("/")[1:] if s]
        name = segs[1] if segs[:1] == ["s"] and len(segs) > 1 else (segs[0] if segs else "")
    else:
        name = raw
    if not NAME_RE.match(name):
        raise UserError(f"not a public Telegram channel name: {target[:120]!r}")
    if base_url:
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"base_url must be an http(s) URL, not {base_url[:120]!r}")
        base = base_url.rstrip("/")
    return Target(base, name)


def _merge(ranges: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return out


def _covering(ranges: list[list[int]], post_id: int) -> list[int] | None:
    for r in ranges:
        if r[0] <= post_id <= r[1]:
            return r
    return None


class TelegramPreviewCollector(Collector):
    name = "telegram-preview"
    version = "1"
    platform = "telegram"
    description = "Public Telegram channel preview pages (t.me/s/NAME), paged backwards"
    targets = "https://t.me/s/NAME, https://t.me/NAME, t.me/NAME or @NAME"

    def detect(self, target: str, path: object, head: bytes) -> bool:
        if not target.startswith(("http://", "https://")):
            return False
        parts = urlsplit(target)
        segs = [s for s in parts.path.split("/") if s]
        if (parts.hostname or "").lower() in {"t.me", "telegram.me"}:
            return bool(segs)
        return len(segs) == 2 and segs[0] == "s"

    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        tgt = parse_target(target, ctx.options.get("base_url", ""))
        max_pages = _int_option(ctx, "max_pages", MAX_PAGES_DEFAULT)
        ranges = _merge([list(map(int, r)) for r in ctx.state.get("ranges", [])])
        complete = bool(ctx.state.get("complete", False))
        walk_top: int | None = None
        walk_low: int | None = None
        before: int | None = None
        for _page in range(max_pages):
            page = self._fetch_page(tgt, before, ctx)
            ids = [p.post_id for p in page.posts]
            if not ids and before is None:
                raise InputError(
                    f"no public posts at {tgt.base}/s/{tgt.name}: is @{tgt.name} a public "
                    "channel with its web preview enabled?"
                )
            if not ids:
                complete = True
                self._save(ctx, ranges, complete)
                return
            channel = self._channel(tgt, page)
            for post in page.posts:
                if _covering(ranges, post.post_id) is None:
                    yield post.to_record(tgt.name, channel, ctx)
            walk_top = max(ids) if walk_top is None else walk_top
            walk_low = min(ids) if walk_low is None else min(walk_low, min(ids))
            hit = _covering(ranges, min(ids))
            if hit is not None:
                walk_low = min(walk_low, hit[0])
            ranges = _merge([*ranges, [walk_low, walk_top]])
            self._save(ctx, ranges, complete)
            if complete and len(ranges) == 1:
                return
            before = walk_low
            if before <= 1:
                self._save(ctx, ranges, True)
                return

    @staticmethod
    def _save(ctx: CollectContext, ranges: list[list[int]], complete: bool) -> None:
        ctx.state["ranges"] = [list(r) for r in ranges]
        ctx.state["complete"] = complete
        ctx.state["newest"] = ranges[-1][1] if ranges else None
        ctx.state["oldest"] = ranges[0][0] if ranges else None

    @staticmethod
    def _channel(tgt: Target, page: PreviewPage) -> ChannelRef:
        return ChannelRef(
            platform="telegram",
            keys=(f"telegram:@{tgt.name.lower()}",),
            name=page.title or tgt.name,
            handle=f"@{tgt.name}",
            url=f"https://t.me/{tgt.name}",
        )

    def _fetch_page(self, tgt: Target, before: int | None, ctx: CollectContext) -> PreviewPage:
        url = f"{tgt.base}/s/{tgt.name}" + (f"?before={before}" if before else "")
        res = ctx.fetcher.fetch(url, accept="text/html")
        ev = ctx.archive_bytes(res.body, origin=res.final_url, media_type="text/html")
        try:
            root = lxml_html.document_fromstring(res.body or b"<html></html>")
        except (ValueError, etree.ParserError) as exc:
            raise FetchError(f"{url} did not return an HTML page") from exc
        page = parse_page(root, tgt.name, ev.sha256, ctx.error)
        if before is not None:
            page.posts = [p for p in page.posts if p.post_id < before]
        if ctx.options.get("download_media") == "1":
            for post in page.posts:
                post.download_media(ctx)
        return page


def _int_option(ctx: CollectContext, key: str, default: int) -> int:
    raw = ctx.options.get(key, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"option {key} must be a positive whole number, not {raw[:40]!r}")
    return int(raw)
