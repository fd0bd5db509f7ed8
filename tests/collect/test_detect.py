"""Auto-detection: which of these collectors claims a target."""

from __future__ import annotations

from pathlib import Path

from marsad.collect.csv_posts import CsvCollector
from marsad.collect.feed import FeedCollector
from marsad.collect.telegram_preview import TelegramPreviewCollector
from marsad.collect.web import WebArticleCollector

FIXTURES = Path(__file__).parent / "fixtures"


def claims(target: str) -> list[str]:
    path = Path(target) if Path(target).is_file() else None
    head = path.read_bytes()[:65536] if path else b""
    order = (TelegramPreviewCollector(), FeedCollector(), CsvCollector(), WebArticleCollector())
    return [c.name for c in order if c.detect(target, path, head)]


def test_first_claim_follows_the_registry_order(tmp_path: Path) -> None:
    csv_file = tmp_path / "posts.csv"
    csv_file.write_text("text\nhello\n")
    assert claims("https://t.me/s/somechannel")[0] == "telegram-preview"
    assert claims("https://t.me/somechannel")[0] == "telegram-preview"
    assert claims("http://127.0.0.1:8080/s/somechannel")[0] == "telegram-preview"
    assert claims("https://example.org/feed.xml")[0] == "feed"
    assert claims("https://example.org/rss")[0] == "feed"
    assert claims(str(FIXTURES / "feed_rss.xml"))[0] == "feed"
    assert claims(str(FIXTURES / "feed_atom.xml"))[0] == "feed"
    assert claims(str(csv_file)) == ["csv"]
    assert claims("https://example.org/2024/04/article")[0] == "web"
    assert claims(str(FIXTURES / "article_ar.html")) == ["web"]
