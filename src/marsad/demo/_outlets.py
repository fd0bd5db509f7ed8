"""Write the outlets' articles as real inputs: RSS 2.0, Atom 1.0 and saved HTML pages.

Every text value is escaped on output (``xml.sax.saxutils`` / ``html.escape``), the same
rule the project applies to hostile input.
"""

from __future__ import annotations

import html
from datetime import UTC
from email.utils import format_datetime
from xml.sax.saxutils import escape

from marsad.demo._articles import Article
from marsad.demo._names import NOTE_AR, NOTE_EN, SourceSpec


def _paras_html(a: Article) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)


def rss(source: SourceSpec, articles: list[Article]) -> str:
    """An RSS 2.0 document with full text in ``content:encoded``."""
    items = []
    for a in sorted(articles, key=lambda x: x.published, reverse=True):
        items.append(
            "  <item>\n"
            f"   <title>{escape(a.title)}</title>\n"
            f"   <link>{escape(a.url)}</link>\n"
            f'   <guid isPermaLink="true">{escape(a.url)}</guid>\n'
            f"   <pubDate>{format_datetime(a.published.astimezone(UTC))}</pubDate>\n"
            f"   <dc:creator>{escape(a.author)}</dc:creator>\n"
            f"   <description>{escape(a.paragraphs[0])}</description>\n"
            f"   <content:encoded>{escape(_paras_html(a))}</content:encoded>\n"
            "  </item>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        " <channel>\n"
        f"  <title>{escape(source.name)}</title>\n"
        f"  <link>{escape(source.url)}</link>\n"
        f"  <description>{escape(NOTE_AR + ' ' + NOTE_EN)}</description>\n"
        f"  <language>{source.language}</language>\n" + "".join(items) + " </channel>\n</rss>\n"
    )


def atom(source: SourceSpec, articles: list[Article]) -> str:
    """An Atom 1.0 document with full HTML content."""
    ordered = sorted(articles, key=lambda x: x.published, reverse=True)
    entries = []
    for a in ordered:
        stamp = a.published.astimezone(UTC).isoformat()
        entries.append(
            " <entry>\n"
            f"  <title>{escape(a.title)}</title>\n"
            f'  <link rel="alternate" href="{escape(a.url)}"/>\n'
            f"  <id>{escape(a.url)}</id>\n"
            f"  <published>{stamp}</published>\n"
            f"  <updated>{stamp}</updated>\n"
            f"  <author><name>{escape(a.author)}</name></author>\n"
            f"  <summary>{escape(a.paragraphs[0])}</summary>\n"
            f'  <content type="html">{escape(_paras_html(a))}</content>\n'
            " </entry>\n"
        )
    updated = ordered[0].published.astimezone(UTC).isoformat()
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{source.language}">\n'
        f" <title>{escape(source.name)}</title>\n"
        f" <subtitle>{escape(NOTE_EN)}</subtitle>\n"
        f' <link rel="alternate" href="{escape(source.url)}"/>\n'
        f" <id>{escape(source.url)}</id>\n"
        f" <updated>{updated}</updated>\n" + "".join(entries) + "</feed>\n"
    )


def page(source: SourceSpec, a: Article) -> str:
    """A saved article page as a browser would store it (one HTML file)."""
    e = html.escape
    stamp = a.published.astimezone(UTC).isoformat()
    direction = "rtl" if source.language == "ar" else "ltr"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{source.language}" dir="{direction}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f"<title>{e(a.title)} | {e(source.name)}</title>\n"
        f'<link rel="canonical" href="{e(a.url)}">\n'
        f'<meta property="og:title" content="{e(a.title)}">\n'
        f'<meta property="og:url" content="{e(a.url)}">\n'
        f'<meta property="og:site_name" content="{e(source.name)}">\n'
        f'<meta property="article:published_time" content="{stamp}">\n'
        f'<meta name="author" content="{e(a.author)}">\n'
        f'<meta name="marsad:illustrative" content="true">\n'
        "</head>\n<body>\n"
        f'<header><a href="{e(source.url)}">{e(source.name)}</a>'
        "<nav><a href='/'>الرئيسية</a> · <a href='/politics'>سياسة</a></nav></header>\n"
        f"<main><article>\n<h1>{e(a.title)}</h1>\n"
        f'<p class="byline">{e(a.author)} · <time datetime="{stamp}">{a.published:%Y-%m-%d}</time></p>\n'
        + "\n".join(f"<p>{e(p)}</p>" for p in a.paragraphs)
        + "\n</article></main>\n"
        f'<footer><p class="note">{e(NOTE_AR)} {e(NOTE_EN)}</p></footer>\n'
        "</body>\n</html>\n"
    )
