"""Fixture t.me/s preview pages in Telegram's widget markup, and a server route for them.

The markup follows what https://t.me/s/<channel> serves (classes, data-post, time
datetime, views, forwarded-from and reply blocks, photo wraps with background-image).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.httpserver import Reply, Seen, TestServer

PAGE_SIZE = 20


@dataclass
class Post:
    id: int
    html: str  # message text as HTML (may contain <br/>)
    date: str = "2024-03-01T08:00:00+00:00"
    views: str = "1.2K"
    author: str = ""
    forward: tuple[str, str] | None = None  # (name, href)
    reply_to: str = ""  # href of the replied-to post
    photo: str = ""  # photo URL
    edited: bool = False
    media_html: str = ""  # further media blocks (video, link preview), as Telegram writes them
    service: bool = False


def render_post(channel: str, p: Post) -> str:
    fwd = (
        f'<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from '
        f'<a class="tgme_widget_message_forwarded_from_name" href="{escape(p.forward[1])}">'
        f'<span dir="auto">{escape(p.forward[0])}</span></a></div>'
        if p.forward
        else ""
    )
    reply = (
        f'<a class="tgme_widget_message_reply" href="{escape(p.reply_to)}">'
        '<div class="tgme_widget_message_author accent_color"><span class="tgme_widget_message_author_name" '
        'dir="auto">Replied</span></div><div class="tgme_widget_message_metatext js-message_reply_text" '
        'dir="auto">quoted older text</div></a>'
        if p.reply_to
        else ""
    )
    photo = (
        f'<a class="tgme_widget_message_photo_wrap 5431 blured" href="https://t.me/{channel}/{p.id}" '
        f"style=\"width:800px;background-image:url('{p.photo}')\">"
        '<div class="tgme_widget_message_photo" style="padding-top:56.25%"></div></a>'
        if p.photo
        else ""
    )
    author = (
        f'<span class="tgme_widget_message_from_author" dir="auto">{escape(p.author)}</span>'
        if p.author
        else ""
    )
    edited = "edited " if p.edited else ""
    return f"""
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message text_not_supported_wrap{" service_message" if p.service else ""} js-widget_message" data-post="{channel}/{p.id}" data-view="eyJjIjoxfQ">
  <div class="tgme_widget_message_user"><a href="https://t.me/{channel}"><i class="tgme_widget_message_user_photo"></i></a></div>
  <div class="tgme_widget_message_bubble">
   <i class="tgme_widget_message_bubble_tail"></i>
   <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/{channel}"><span dir="auto">Channel</span></a></div>
   {fwd}{reply}{photo}{p.media_html}
   <div class="tgme_widget_message_text js-message_text" dir="auto">{p.html}</div>
   <div class="tgme_widget_message_footer compact js-message_footer">
    <div class="tgme_widget_message_info short js-message_info">
     <span class="tgme_widget_message_views">{p.views}</span>{author}<span class="copyonclick"></span>
     <span class="tgme_widget_message_meta">{edited}<a class="tgme_widget_message_date" href="https://t.me/{channel}/{p.id}"><time datetime="{p.date}" class="time">08:00</time></a></span>
    </div>
   </div>
  </div>
 </div>
</div>"""


VIDEO_AND_LINK = """
<a class="tgme_widget_message_video_player blured js-message_video_player" href="https://t.me/frontnews/104">
 <i class="tgme_widget_message_video_thumb" style="background-image:url('https://cdn4.telesco.pe/file/thumb104.jpg')"></i>
 <div class="tgme_widget_message_video_wrap"><video src="https://cdn4.telesco.pe/file/video104.mp4" class="tgme_widget_message_video js-message_video" width="100%" height="100%"></video></div>
 <div class="message_video_play"></div><time class="message_video_duration js-message_video_duration">0:35</time></a>
<a class="tgme_widget_message_link_preview" href="https://news.example.org/ar/field-report">
 <div class="link_preview_site_name accent_color" dir="auto">صحيفة الرصد</div>
 <div class="link_preview_title" dir="auto">تقرير ميداني</div>
 <div class="link_preview_description" dir="auto">وصف قصير</div></a>"""


def render_page(channel: str, title: str, posts: list[Post]) -> bytes:
    body = "".join(render_post(channel, p) for p in posts)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)} – Telegram</title>
<meta property="og:title" content="{escape(title)}"></head>
<body class="widget_frame_base tgme_webpage_embed">
<header class="tgme_header search_collapsed"></header>
<main class="tgme_main"><section class="tgme_right_column"><div class="tgme_channel_info">
<div class="tgme_channel_info_header"><div class="tgme_channel_info_header_title"><span dir="auto">{escape(title)}</span></div>
<div class="tgme_channel_info_header_username"><a href="https://t.me/{channel}">@{channel}</a></div></div></div></section>
<section class="tgme_channel_history js-message_history">{body}</section></main></body></html>""".encode()


class Channel:
    """A channel served like t.me/s: the newest PAGE_SIZE posts before ``before``."""

    def __init__(self, name: str, title: str, posts: list[Post]) -> None:
        self.name, self.title, self.posts = name, title, posts
        self.fail_before: set[int] = set()

    def reply(self, req: Seen) -> Reply:
        before = int(req.query.get("before", "0") or 0)
        if before in self.fail_before:
            return Reply(403, b"blocked")  # final at once: no retry delay
        older = [p for p in self.posts if not before or p.id < before]
        page = sorted(older, key=lambda p: p.id)[-PAGE_SIZE:]
        return Reply(200, render_page(self.name, self.title, page), {"Content-Type": "text/html"})

    def serve(self, server: TestServer) -> str:
        server.route(f"/s/{self.name}", self.reply)
        return server.url(f"/s/{self.name}")

    def befores(self, server: TestServer) -> list[str]:
        return [s.query.get("before", "") for s in server.hits(f"/s/{self.name}")]


def plain_posts(first: int, last: int) -> list[Post]:
    return [Post(i, f"Update number {i}<br/>التحديث رقم {i}") for i in range(first, last + 1)]
