"""Web articles: one page by URL (through the safe fetcher) or a saved HTML file.

The raw bytes are archived first; then the page is parsed with lxml, stripped of
``<script>``, ``<style>`` and other active elements, and handed to trafilatura for the
main text and metadata (title, date, author, site name, canonical URL). What is stored is
plain text only: markup, event handlers and ``javascript:`` links never reach a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from marsad.collect.base import CollectContext, Collector
from marsad.core.errors import InputError, TooLarge
from marsad.core.records import ChannelRef, DocumentRecord

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
ACTIVE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
TAG_LIKE_RE = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]{0,1000}>")
LANG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


@dataclass
class Article:
    """What trafilatura found in one page, as plain text."""

    text: str
    title: str = ""
    published_at: datetime | None = None
    author: str = ""
    lang: str = ""
    sitename: str = ""
    url: str = ""  # canonical URL when the page names one


def parse_html(data: bytes, charset: str = "") -> HtmlElement:
    """Parse bytes into an lxml tree with active elements removed."""
    parser = HTMLParser(encoding=charset or None, remove_comments=True, remove_pis=True)
    try:
        root = document_fromstring(data or b"<html></html>", parser=parser)
    except (ValueError, LookupError, etree.ParserError):
        root = document_fromstring(data or b"<html></html>")
    etree.strip_elements(root, *ACTIVE_TAGS, with_tail=False)
    return root


def plain(text: str) -> str:
    """Drop anything tag-shaped left in extracted text (e.g. from ``<title>`` or entities).

    The stored text is plain text; a literal ``<script>`` in it can only be an attempt to
    reach a careless renderer, and the evidence keeps the original bytes anyway.
    """
    return TAG_LIKE_RE.sub("", text).strip()


def _meta(root: HtmlElement, *names: str) -> str:
    for name in names:
        found = root.xpath(f"//meta[@name='{name}' or @property='{name}']/@content")
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return ""


def _date(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def normalise_lang(raw: str) -> str:
    m = LANG_RE.match(raw.strip())
    return m.group(1).lower() if m else ""


def extract_article(data: bytes, url: str = "", charset: str = "") -> Article:
    """Main text and metadata of an HTML page (plain text, no markup)."""
    root = parse_html(data, charset)
    doc = trafilatura.bare_extraction(
        root,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict):
        return Article(text="", lang=normalise_lang(root.get("lang", "")))
    published = _date(_meta(root, "article:published_time")) or _date(doc.date)
    return Article(
        text=plain(doc.text or ""),
        title=plain(doc.title or ""),
        published_at=published,
        author=plain(doc.author or _meta(root, "author", "article:author"))[:512],
        lang=normalise_lang(root.get("lang", "") or doc.language or ""),
        sitename=plain(doc.sitename or "")[:512],
        url=doc.url if doc.url and doc.url.startswith(("http://", "https://")) else "",
    )


def article_record(
    art: Article, *, evidence: str, fallback_id: str, fetched_url: str = ""
) -> DocumentRecord:
    """A ``web`` article document for an extracted page."""
    link = art.url or fetched_url
    host = (urlsplit(link).hostname or "").lower() if link else ""
    channel = (
        ChannelRef(platform="web", keys=(f"web:{host}",), name=art.sitename or host, handle=host)
        if host
        else None
    )
    return DocumentRecord(
        platform="web",
        platform_id=link or fallback_id,
        evidence_sha256=evidence,
        kind="article",
        text=art.text,
        title=art.title,
        published_at=art.published_at,
        author=art.author,
        url=link,
        lang=art.lang,
        channel=channel,
    )


class WebArticleCollector(Collector):
    name = "web"
    version = "1"
    platform = "web"
    description = "A web article by URL, or a saved HTML page; main text via trafilatura"
    targets = "https://... article URL, or PATH to a saved .html file"

    def detect(self, target: str, path: Path | None, head: bytes) -> bool:
        if target.startswith(("http://", "https://")):
            return True
        if path is None:
            return False
        lowered = head[:2048].lower()
        return path.suffix.lower() in {".html", ".htm"} or b"<html" in lowered

    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        if target.startswith(("http://", "https://")):
            res = ctx.fetcher.fetch(target, accept="text/html,application/xhtml+xml")
            ev = ctx.archive_bytes(
                res.body, origin=res.final_url, media_type=res.content_type or "text/html"
            )
            if res.content_type and res.content_type not in HTML_TYPES:
                raise InputError(
                    f"{res.final_url[:200]} is not an HTML page ({res.content_type[:60]}); "
                    "it stays archived"
                )
            art = extract_article(res.body, res.final_url, res.charset)
            _require_text(art, res.final_url)
            yield article_record(
                art, evidence=ev.sha256, fallback_id=res.final_url, fetched_url=res.final_url
            )
            return
        path = Path(target)
        data = read_capped(path, ctx.settings.fetch_max_bytes)
        ev = ctx.archive_bytes(data, origin=f"file:{path.name}", media_type="text/html")
        art = extract_article(data)
        _require_text(art, path.name)
        yield article_record(art, evidence=ev.sha256, fallback_id=path.name)


def _require_text(art: Article, where: str) -> None:
    if not art.text:
        raise InputError(f"no article text found in {where[:200]} (the page stays archived)")


def read_capped(path: Path, cap: int) -> bytes:
    """Read a local file of at most ``cap`` bytes."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}") from exc
    if len(data) > cap:
        raise TooLarge(f"{path.name} is larger than {cap} bytes")
    return data
