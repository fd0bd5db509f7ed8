"""Presentation helpers for untrusted post content: direction, snippets, links, diffs.

Nothing here produces markup: templates receive plain strings and structures and
Jinja2's autoescaping does the escaping.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "ku", "yi", "sd", "ug", "dv"})
# Hebrew, Arabic, Syriac, Thaana, NKo, Arabic supplement/extended, presentation forms
# (Arabic-Indic digits excluded; marks may count, hence the clamp below)
_RTL_LETTER = re.compile("[\u0590-\u065f\u066a-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"\s+|[^\s]+")
SAMPLE = 800  # characters looked at to decide a text's direction


def rtl_share(text: str, sample: int = SAMPLE) -> float | None:
    """Share of right-to-left letters among the letters of ``text`` (None: no letters)."""
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    if not letters:
        return None
    return min(1.0, len(_RTL_LETTER.findall(head)) / letters)


@dataclass(frozen=True)
class TextDir:
    """How to mark up a piece of text: its ``dir`` and ``lang`` attributes."""

    dir: str  # rtl, ltr or auto
    lang: str  # BCP 47 code or ""


def text_dir(text: str, lang: str = "") -> TextDir:
    """Decide ``dir``/``lang`` for a text from its declared language and its script.

    A declared RTL language wins; otherwise a text mostly in Arabic/Hebrew script is
    RTL, a text with letters and almost none of them is LTR, and anything in between (or
    with no letters at all) gets ``dir="auto"`` so the browser decides.
    """
    code = (lang or "").split("-")[0].lower()
    share = rtl_share(text)
    if code in RTL_LANGS:
        return TextDir("rtl", code)
    if share is None:
        return TextDir("auto", code)
    if share >= 0.5:
        return TextDir("rtl", code or "ar")
    if share <= 0.1:
        return TextDir("ltr", code)
    return TextDir("auto", code)


def snippet(text: str, limit: int = 240) -> str:
    """Collapse whitespace and cut ``text`` to ``limit`` characters on a word boundary."""
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0] or one[:limit]
    return cut + "…"


def safe_href(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) URL with a host, else None.

    Anything else (``javascript:``, ``data:``, relative paths, control characters) is
    shown as text, never as a link.
    """
    if not url or len(url) > 4096:
        return None
    if any(ord(c) < 33 or c in "\"'<>\\`" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def iso(value: datetime | None) -> str:
    """ISO 8601 in UTC with a ``Z`` (``2021-10-14T09:00:00Z``), or an empty string."""
    if value is None:
        return ""
    text = value.isoformat(timespec="seconds")
    return text.replace("+00:00", "Z")


def short_time(value: datetime | None) -> str:
    """``2021-10-14 09:00`` (UTC) for tables, or an empty string."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def tail(target: str) -> str:
    """The last segment of a path or URL (a run's input, shown in full on hover)."""
    trimmed = target.rstrip("/")
    return trimmed.rsplit("/", 1)[-1] or target


def human_size(size: int | None) -> str:
    """Bytes as a short human string (``1.2 MB``)."""
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


@dataclass(frozen=True)
class DiffPart:
    """One run of a word diff: ``op`` is ``same``, ``del`` or ``ins``."""

    op: str
    text: str


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def word_diff(old: str, new: str, max_changed: int = 1500) -> list[DiffPart]:
    """Word-level diff from ``old`` to ``new`` (whitespace kept), bounded in cost.

    The common beginning and end are split off first (edits are usually local), and
    only the middle is matched; when that middle exceeds ``max_changed`` tokens on
    either side the diff is skipped (an empty list) and the page shows the texts side
    by side only, so a hostile pair of long texts cannot stall the page.
    """
    a = _WORDS.findall(old)
    b = _WORDS.findall(new)
    head = _common_prefix(a, b)
    tail = _common_prefix(a[head:][::-1], b[head:][::-1])
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(mid_a) > max_changed or len(mid_b) > max_changed:
        return []
    parts: list[DiffPart] = [DiffPart("same", "".join(a[:head]))] if head else []
    matcher = difflib.SequenceMatcher(a=mid_a, b=mid_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", "".join(mid_a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("del", "".join(mid_a[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("ins", "".join(mid_b[j1:j2])))
    if tail:
        parts.append(DiffPart("same", "".join(a[len(a) - tail :])))
    return parts


def entity_view(entity: Any) -> dict[str, str | None] | None:
    """Reduce one stored text entity to ``{type, text, href, target}`` for display.

    ``href`` is set only for http(s) URLs; ``target`` keeps any other link target as
    text for the reader to see. Malformed entities are dropped.
    """
    if not isinstance(entity, dict):
        return None
    kind = str(entity.get("type", ""))[:32]
    text = str(entity.get("text", ""))[:2048]
    if not text:
        return None
    href = target = None
    if kind in ("link", "text_link", "url"):
        raw = str(entity.get("href") or text)[:2048]
        href = safe_href(raw)
        target = raw if href is None and raw != text else None
    return {"type": kind, "text": text, "href": href, "target": target}


MAX_META_ITEMS = 12
MAX_META_CHARS = 400


def meta_view(meta: Any) -> list[dict[str, str | None]]:
    """A media item's recorded metadata (link preview URL, title, thumbnail...) for display.

    Values become ``{key, text, href}``; ``href`` only for http(s) URLs, which templates
    render as plain links, never as images, so nothing remote loads with the page.
    """
    if not isinstance(meta, dict):
        return []
    out: list[dict[str, str | None]] = []
    for key, value in list(meta.items())[:MAX_META_ITEMS]:
        if isinstance(value, dict | list) or value is None or value == "":
            continue
        text = snippet(str(value), MAX_META_CHARS)
        out.append({"key": str(key)[:64], "text": text, "href": safe_href(str(value))})
    return out
