"""Small Telegram Desktop exports written by the tests themselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CHANNEL_ID = 1060780848
PLACEHOLDER = "(File not included. Change data exporting settings to download.)"


def msg(mid: int, text: Any = "", **fields: Any) -> dict[str, Any]:
    """A plain Desktop message at 2021-10-14 09:00 UTC + ``mid`` minutes."""
    unix = 1634202000 + mid * 60
    out: dict[str, Any] = {
        "id": mid,
        "type": "message",
        "date": "2021-10-14T12:00:00",  # local time of the exporting machine
        "date_unixtime": str(unix),
        "from": "Test Channel",
        "from_id": f"channel{CHANNEL_ID}",
        "text": text,
    }
    out.update(fields)
    return out


def chat(
    messages: list[dict[str, Any]],
    *,
    chat_id: int = CHANNEL_ID,
    name: str = "Test Channel",
    kind: str = "public_channel",
) -> dict[str, Any]:
    return {"name": name, "type": kind, "id": chat_id, "messages": messages}


def write(folder: Path, data: dict[str, Any] | str) -> Path:
    """Write ``folder/result.json`` (dict as JSON, str as given) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    body = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=1)
    (folder / "result.json").write_text(body, encoding="utf-8")
    return folder


def full_export(chats: list[dict[str, Any]], left: list[dict[str, Any]] | None = None) -> dict:
    data: dict[str, Any] = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Analyst"},
        "chats": {"about": "This page lists all chats from this export.", "list": chats},
    }
    if left is not None:
        data["left_chats"] = {"about": "left", "list": left}
    return data
