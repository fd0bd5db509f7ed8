"""Generate a synthetic Telegram Desktop single-chat export (``result.json``), streaming.

Deterministic for a given seed: Arabic and English posts, some with text arrays and
entities, forwards (name only, as Desktop writes them), replies, edits, service messages
and "file not included" photo placeholders. The words are made up for this generator.

Usage: ``python -m bench.gen_telegram_export OUT_DIR [--messages N] [--seed S]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_AR_TEXT = (
    "بيان قصف مدينة ريف الشمال الجنوب قوات مقاتلين اشتباكات عملية مصادر محلية صباح "
    "مساء اليوم أمس مقتل إصابة عناصر طائرة مسيرة استهداف موقع حاجز قرية طريق الحدود "
    "المكتب الإعلامي مجلس عسكري هجوم انسحاب تقدم محور جبهة مدفعية صواريخ قافلة"
)
_EN_TEXT = (
    "statement shelling town countryside north south forces fighters clashes operation "
    "local sources morning evening today yesterday killed wounded members drone strike "
    "position checkpoint village road border media office military council attack "
    "withdrawal advance axis front artillery rockets convoy"
)
AR_WORDS = tuple(_AR_TEXT.split())
EN_WORDS = tuple(_EN_TEXT.split())
FORWARD_NAMES = ("Central Media", "المكتب الإعلامي", "Frontline Updates", "وكالة الأنباء")
PLACEHOLDER = "(File not included. Change data exporting settings to download.)"
START = datetime(2021, 1, 1, tzinfo=UTC)


def _sentence(rnd: random.Random, arabic: bool) -> str:
    words = AR_WORDS if arabic else EN_WORDS
    return " ".join(rnd.choices(words, k=rnd.randint(8, 40)))


def _stamp(when: datetime) -> tuple[str, str]:
    return when.strftime("%Y-%m-%dT%H:%M:%S"), str(int(when.timestamp()))


def message(rnd: random.Random, mid: int) -> dict[str, Any]:
    """One synthetic message with id ``mid``."""
    when = START + timedelta(seconds=mid * 37)
    date, unix = _stamp(when)
    if mid % 997 == 0:
        return {
            "id": mid,
            "type": "service",
            "date": date,
            "date_unixtime": unix,
            "actor": "Synthetic Channel",
            "actor_id": "channel1234567890",
            "action": "pin_message",
            "message_id": mid - 1,
            "text": "",
            "text_entities": [],
        }
    arabic = rnd.random() < 0.6
    body = _sentence(rnd, arabic)
    msg: dict[str, Any] = {
        "id": mid,
        "type": "message",
        "date": date,
        "date_unixtime": unix,
        "from": "Synthetic Channel",
        "from_id": "channel1234567890",
    }
    roll = rnd.random()
    if roll < 0.05:
        edited, edited_unix = _stamp(when + timedelta(minutes=rnd.randint(1, 90)))
        msg.update(edited=edited, edited_unixtime=edited_unix)
    if 0.05 <= roll < 0.15:
        msg["forwarded_from"] = rnd.choice(FORWARD_NAMES)
    if 0.15 <= roll < 0.25 and mid > 1:
        msg["reply_to_message_id"] = rnd.randint(max(1, mid - 500), mid - 1)
    if 0.25 <= roll < 0.30:
        msg.update(photo=PLACEHOLDER, width=1280, height=720)
    if rnd.random() < 0.3:
        tag = "#" + rnd.choice(AR_WORDS if arabic else EN_WORDS)
        parts: list[Any] = [
            {"type": "bold", "text": body.split(" ", 1)[0]},
            " " + body.split(" ", 1)[-1] + " ",
            {"type": "hashtag", "text": tag},
            " ",
            {"type": "text_link", "text": "link", "href": f"https://example.org/{mid}"},
        ]
        msg["text"] = parts
        msg["text_entities"] = [
            p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts
        ]
    else:
        msg["text"] = body
        msg["text_entities"] = [{"type": "plain", "text": body}]
    return msg


def messages(count: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    rnd = random.Random(seed)
    for mid in range(1, count + 1):
        yield message(rnd, mid)


def write_export(
    folder: Path,
    count: int,
    *,
    seed: int = 1,
    chat_id: int = 1234567890,
    name: str = "Synthetic Channel",
) -> Path:
    """Write ``folder/result.json`` with ``count`` messages, one message at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    head = json.dumps({"name": name, "type": "public_channel", "id": chat_id}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as out:
        out.write(head[:-1] + ', "messages": [\n')
        for i, msg in enumerate(messages(count, seed)):
            if i:
                out.write(",\n")
            out.write(json.dumps(msg, ensure_ascii=False))
        out.write("\n]\n}\n")
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="gen_telegram_export", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = write_export(args.out, args.messages, seed=args.seed)
    print(f"wrote {args.messages} messages to {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
