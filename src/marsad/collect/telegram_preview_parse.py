"""Parsing of one ``t.me/s/<channel>`` preview page (lxml, no network).

The page markup is Telegram's widget HTML: one ``div.tgme_widget_message`` per post with
``data-post="<channel>/<id>"``. Everything read from it is hostile input: ids are checked
against strict patterns, URLs are kept as strings and never followed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from marsad.collect.base import CollectContext
from marsad.core.errors import FetchError
from marsad.core.records import ChannelRef, DocumentRecord, ForwardRef, MediaItem

POST_RE = re.compile(r"^([A-Za-z0-9_]{3,64})/(\d{1,12})$")
LINK_RE = re.compile(r"^/([A-Za-z0-9_]{3,64})/(\d{1,12})/?$")
BG_URL_RE = re.compile(r"background-image:\s*url\(\s*['\"]?([^'\")\s]{1,2048})['\"]?\s*\)")
VIEWS_RE = re.compile(r"^([\d.,]+)\s*([KkMm]?)$")
MEDIA_CAP = 10_000_000


def _cls(name: str) -> str:
    """XPath predicate: the element has CSS class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _first(el: HtmlElement, xpath: str) -> HtmlElement | None:
    found = el.xpath(xpath)
    return found[0] if found else None


def text_with_breaks(el: HtmlElement) -> str:
    """Text content of ``el`` with ``<br>`` kept as line breaks."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(el.text_content()).strip()


def parse_views(raw: str) -> int | None:
    """``"987"`` → 987, ``"1.2K"`` → 1200, ``"3.4M"`` → 3400000."""
    m = VIEWS_RE.match(raw.strip())
    if not m:
        return None
    number = m.group(1).replace(",", "")
    try:
        value = float(number)
    except ValueError:
        return None
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]
    return round(value * scale)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _tme_link(href: str) -> tuple[str, str] | None:
    parts = urlsplit(href or "")
    if (parts.hostname or "").lower() not in {"t.me", "telegram.me"}:
        return None
    m = LINK_RE.match(parts.path)
    return (m.group(1), m.group(2)) if m else None


@dataclass
class PreviewPost:
    channel: str
    post_id: int
    evidence: str
    text: str = ""
    published_at: datetime | None = None
    author: str = ""
    views: int | None = None
    edited: bool = False
    forward: ForwardRef | None = None
    reply_to_id: str = ""
    reply_channel: str = ""
    media: list[MediaItem] = field(default_factory=list)
    service: bool = False

    def to_record(self, name: str, channel: ChannelRef, ctx: CollectContext) -> DocumentRecord:
        extra: dict[str, object] = {"edited": True} if self.edited else {}
        if self.reply_channel:
            extra["reply_to"] = f"telegram:@{self.reply_channel.lower()}/{self.reply_to_id}"
        return DocumentRecord(
            platform="telegram",
            platform_id=str(self.post_id),
            evidence_sha256=self.evidence,
            kind="service" if self.service else "post",
            locator=f"#post-{self.post_id}",
            text=self.text,
            published_at=self.published_at,
            author=self.author,
            url=f"https://t.me/{name}/{self.post_id}",
            reply_to_id="" if self.reply_channel else self.reply_to_id,
            forward=self.forward,
            views=self.views,
            channel=channel,
            media=self.media,
            extra=extra,
        )

    def download_media(self, ctx: CollectContext) -> None:
        """Fetch and archive each photo (capped); a failure is a per-item error."""
        for item in self.media:
            url = str(item.meta.get("url", ""))
            if not url or item.kind not in {"photo", "video_file"}:
                continue
            try:
                res = ctx.fetcher.fetch(url, max_bytes=MEDIA_CAP)
            except FetchError as exc:
                ctx.error(f"#post-{self.post_id}", f"photo not downloaded: {exc}")
                continue
            ev = ctx.archive_bytes(res.body, origin=res.final_url, media_type=res.content_type)
            item.sha256, item.size = ev.sha256, ev.size
            item.mime_type = res.content_type


@dataclass
class PreviewPage:
    title: str
    posts: list[PreviewPost]


def parse_page(
    root: HtmlElement, channel: str, evidence: str, error: Callable[[str, str], None]
) -> PreviewPage:
    """Parse every post of ``channel`` on one preview page, oldest first."""
    title_el = _first(root, f"//*[{_cls('tgme_channel_info_header_title')}]")
    title = str(title_el.text_content()).strip() if title_el is not None else ""
    if not title:
        og = root.xpath("//meta[@property='og:title']/@content")
        title = str(og[0]).strip() if og else ""
    posts: list[PreviewPost] = []
    for el in root.xpath(f"//div[{_cls('tgme_widget_message')}][@data-post]"):
        m = POST_RE.match(el.get("data-post", ""))
        if not m:
            error("page", f"post with an unreadable data-post {el.get('data-post', '')[:80]!r}")
            continue
        if m.group(1).lower() != channel.lower():
            continue
        try:
            posts.append(_parse_post(el, channel, int(m.group(2)), evidence))
        except ValueError as exc:
            error(f"#post-{m.group(2)}", f"cannot parse post: {exc}")
    posts.sort(key=lambda p: p.post_id)
    return PreviewPage(title[:512], posts)


def _parse_post(el: HtmlElement, channel: str, post_id: int, evidence: str) -> PreviewPost:
    post = PreviewPost(channel, post_id, evidence, service="service_message" in el.get("class", ""))
    not_in_reply = f"not(ancestor::*[{_cls('tgme_widget_message_reply')}])"
    text_el = _first(el, f".//div[{_cls('tgme_widget_message_text')}][{not_in_reply}]")
    post.text = text_with_breaks(text_el) if text_el is not None else ""
    if post.service and not post.text:
        service = _first(el, f".//*[{_cls('message_service_text')}]")
        post.text = text_with_breaks(service) if service is not None else ""
    when = el.xpath(f".//*[{_cls('tgme_widget_message_date')}]//time/@datetime")
    when = when or el.xpath(".//time/@datetime")
    post.published_at = _utc(datetime.fromisoformat(str(when[0]))) if when else None
    views = _first(el, f".//*[{_cls('tgme_widget_message_views')}]")
    post.views = parse_views(str(views.text_content())) if views is not None else None
    author = _first(el, f".//*[{_cls('tgme_widget_message_from_author')}]")
    post.author = str(author.text_content()).strip()[:512] if author is not None else ""
    meta = _first(el, f".//*[{_cls('tgme_widget_message_meta')}]")
    if meta is not None:
        own = (meta.text or "") + "".join(child.tail or "" for child in meta)
        post.edited = "edited" in own.lower()
    _parse_forward(el, post)
    _parse_reply(el, post, channel)
    _parse_photos(el, post)
    return post


def _parse_forward(el: HtmlElement, post: PreviewPost) -> None:
    fwd = _first(el, f".//*[{_cls('tgme_widget_message_forwarded_from_name')}]")
    if fwd is None:
        return
    ref = ForwardRef(from_name=str(fwd.text_content()).strip()[:512])
    link = _tme_link(fwd.get("href", ""))
    if link:
        ref.from_key = f"telegram:@{link[0].lower()}"
        ref.from_message_id = link[1]
    post.forward = ref


def _parse_reply(el: HtmlElement, post: PreviewPost, channel: str) -> None:
    reply = _first(el, f".//a[{_cls('tgme_widget_message_reply')}]")
    link = _tme_link(reply.get("href", "")) if reply is not None else None
    if link:
        post.reply_to_id = link[1]
        post.reply_channel = "" if link[0].lower() == channel.lower() else link[0]


def _http(url: str) -> str:
    return url[:2048] if url.startswith(("http://", "https://")) else ""


def _bg_url(el: HtmlElement) -> str:
    m = BG_URL_RE.search(el.get("style", ""))
    return _http(m.group(1)) if m else ""


def _parse_photos(el: HtmlElement, post: PreviewPost) -> None:
    """Photos, videos, documents and link previews; URLs noted, nothing downloaded."""
    for wrap in el.xpath(f".//*[{_cls('tgme_widget_message_photo_wrap')}]"):
        url = _bg_url(wrap)
        post.media.append(MediaItem(kind="photo", meta={"url": url} if url else {}))
    for player in el.xpath(f".//*[{_cls('tgme_widget_message_video_player')}]"):
        src = _http(str((player.xpath(".//video/@src") or [""])[0]))
        thumb = _first(player, f".//*[{_cls('tgme_widget_message_video_thumb')}]")
        meta = {"url": src} if src else {}
        if thumb is not None and _bg_url(thumb):
            meta["thumbnail"] = _bg_url(thumb)
        post.media.append(MediaItem(kind="video_file", meta=meta))
    for doc in el.xpath(f".//*[{_cls('tgme_widget_message_document_title')}]"):
        name = str(doc.text_content()).strip()[:512]
        post.media.append(MediaItem(kind="file", original_name=name))
    for link in el.xpath(f".//a[{_cls('tgme_widget_message_link_preview')}]"):
        title = _first(link, f".//*[{_cls('link_preview_title')}]")
        meta = {"url": _http(link.get("href", ""))}
        if title is not None:
            meta["title"] = str(title.text_content()).strip()[:512]
        post.media.append(MediaItem(kind="webpage", meta=meta))
    if el.xpath(f".//*[{_cls('message_media_not_supported')}]"):
        post.media.append(MediaItem(kind="unsupported", note="open in Telegram to view"))
