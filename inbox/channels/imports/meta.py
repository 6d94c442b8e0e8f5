"""Facebook Messenger and Instagram "Download your information" message files (JSON, or .zip).

Both platforms write message_N.json per conversation ({"participants", "messages", "title",
"thread_path"}); the newer Messenger end-to-end export writes {"participants": [names],
"threadName", "messages": [{"senderName", "text", "timestamp"}]}; both are read. Meta writes
UTF-8 text as if each byte were a Latin-1 character ("Ã©" for "é"); every string is repaired.
Files of another platform (a WhatsApp or X export, Telegram's result.json) are refused with a
message that says what they look like.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import PurePosixPath
from typing import Any

from inbox.channels.imports.exportfile import (
    ChatMessage,
    ExportError,
    ParsedExport,
    SafeZip,
    from_epoch,
    listed,
    text_of,
)
from inbox.channels.imports.guard import load_json
from inbox.model import AddressKind, Attachment, Channel

_MESSAGE_FILE = re.compile(
    r"(?:^|/)messages/(?:inbox|archived_threads|filtered_threads|"
    r"message_requests|e2ee_cutover)/[^/]+/message_\d+\.json$"
)


def fix_mojibake(value: str) -> str:
    """'CafÃ© ðŸ˜€' -> 'Café 😀': undo Meta's UTF-8-read-as-Latin-1; other text is left alone."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def repair(data: Any) -> Any:
    """fix_mojibake on every string (keys too) of a decoded JSON document."""
    if isinstance(data, str):
        return fix_mojibake(data)
    if isinstance(data, list):
        return [repair(v) for v in data]
    if isinstance(data, dict):
        return {fix_mojibake(k): repair(v) for k, v in data.items()}
    return data


def platform_of(name: str) -> Channel:
    """Instagram when the file's path says so, else Facebook (Messenger)."""
    lowered = name.lower()
    return Channel.INSTAGRAM if "instagram" in lowered else Channel.FACEBOOK


def parse_file(
    name: str,
    raw: bytes,
    own_names: frozenset[str] = frozenset(),
    channel: Channel | None = None,
) -> ParsedExport:
    """A message_N.json, or a .zip of a whole export with one or more conversations."""
    if raw[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        return _parse_zip(name, raw, own_names, channel)
    document = _load(raw)
    chosen = channel or _channel_from_document(document) or platform_of(name)
    parsed = ParsedExport(chosen, [])
    _add_thread(parsed, document, own_names)
    parsed.title = parsed.messages[0].thread if parsed.messages else ""
    return parsed


def _parse_zip(
    name: str, raw: bytes, own_names: frozenset[str], channel: Channel | None
) -> ParsedExport:
    with SafeZip(raw) as archive:
        infos = {i.filename: i for i in archive.files()}
        threads = sorted(n for n in infos if _MESSAGE_FILE.search(n))
        if not threads:
            raise ExportError(
                "In dit zip-bestand staan geen Facebook- of Instagram-berichten "
                "(messages/inbox/.../message_1.json)."
            )
        chosen = channel or (
            Channel.INSTAGRAM
            if any("instagram" in n.lower() for n in infos) or "instagram" in name.lower()
            else Channel.FACEBOOK
        )
        parsed = ParsedExport(chosen, [], title=PurePosixPath(name).stem)
        by_name: dict[str, list[str]] = {}
        for member in infos:
            by_name.setdefault(PurePosixPath(member).name, []).append(member)

        def media(uri: str) -> bytes | None:
            for candidate in by_name.get(PurePosixPath(uri).name, []):
                if candidate.endswith(uri) or uri.endswith(candidate):
                    return archive.read(infos[candidate])
            return None

        for thread in threads:
            _add_thread(parsed, _load(archive.read(infos[thread])), own_names, media)
    return parsed


def _load(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(
            "Dit bestand is geen geldige JSON (geen UTF-8) en dus geen Facebook- of "
            "Instagram-export."
        ) from exc
    if text.lstrip()[:10].startswith("window.YTD"):
        raise ExportError(
            "Dit is een X-archief (direct-messages.js), geen Facebook- of Instagram-export."
        )
    document = load_json(text, "Dit Facebook- of Instagram-bestand")
    _refuse_other_platforms(document)
    return repair(document)


def _refuse_other_platforms(document: Any) -> None:
    if isinstance(document, dict) and isinstance(document.get("messages"), list):
        if "participants" in document:
            return
        if {"name", "type", "id"} <= set(document):
            raise ExportError(
                "Dit is een Telegram-export (result.json), geen Facebook- of Instagram-export."
            )
    if isinstance(document, list) and document and isinstance(document[0], dict):
        if "dmConversation" in document[0] or "tweet" in document[0]:
            raise ExportError("Dit is een X-archief, geen Facebook- of Instagram-export.")
    if isinstance(document, dict) and "chats" in document:
        raise ExportError("Dit is een Telegram-export, geen Facebook- of Instagram-export.")
    raise ExportError(
        "Dit JSON-bestand is geen Facebook- of Instagram-gesprek (verwacht: participants en "
        "messages, zoals in message_1.json)."
    )


def _channel_from_document(document: dict[str, Any]) -> Channel | None:
    path = text_of(document.get("thread_path"))
    if "instagram" in path.lower():
        return Channel.INSTAGRAM
    return None


def _add_thread(
    parsed: ParsedExport,
    document: dict[str, Any],
    own_names: frozenset[str],
    media: Any = None,
) -> None:
    participants = [
        p if isinstance(p, str) else text_of(p.get("name")) if isinstance(p, dict) else ""
        for p in listed(document.get("participants"))
    ]
    participants = [p for p in participants if p]
    title = (text_of(document.get("title")) or text_of(document.get("threadName"))).strip()
    if not title:
        title = ", ".join(participants) or "Gesprek"
    own = {p for p in participants if p.casefold() in own_names}
    if not own and len(participants) == 2:
        # the person who downloaded the export is the participant the thread is not named after
        others = [p for p in participants if p.casefold() != title.casefold()]
        if len(others) == 1:
            own = set(others)
    kind = AddressKind.INSTAGRAM if parsed.channel is Channel.INSTAGRAM else AddressKind.FACEBOOK
    thread_key = text_of(document.get("thread_path")) or title
    for item in listed(document.get("messages")):
        if not isinstance(item, dict):
            continue
        author = text_of(item.get("sender_name") or item.get("senderName")).strip()
        stamp = item.get("timestamp_ms") or item.get("timestamp")
        if not author or stamp is None:
            raise ExportError(
                "Een bericht in deze export heeft geen afzender of tijd; is dit wel een "
                "Facebook- of Instagram-gesprek?"
            )
        sent_at = from_epoch(stamp, 1000, "in deze Facebook- of Instagram-export")
        text = text_of(item.get("content") or item.get("text"))
        if item.get("type") in ("Unsubscribe", "Subscribe") or item.get("is_unsent") is True:
            parsed.system_messages += 1
            continue
        attachments = []
        for key in ("photos", "videos", "audio_files", "files", "gifs", "media"):
            for entry in listed(item.get(key)):
                uri = text_of(entry.get("uri")) if isinstance(entry, dict) else ""
                data = media(uri) if media and uri else None
                if data is not None:
                    name = PurePosixPath(uri).name
                    attachments.append(
                        Attachment(
                            filename=name,
                            content_type=mimetypes.guess_type(name)[0]
                            or "application/octet-stream",
                            data=data,
                        )
                    )
                elif uri and not text:
                    text = f"[{PurePosixPath(uri).name}]"
        share = item.get("share")
        if isinstance(share, dict) and text_of(share.get("link")):
            text = (text + "\n" + text_of(share.get("link"))).strip()
        if not text and not attachments:
            parsed.system_messages += 1
            continue
        outbound = author in own
        parsed.messages.append(
            ChatMessage(
                thread=title,
                sent_at=sent_at,
                author=author,
                text=text,
                outbound=outbound,
                address=None if outbound else (kind, f"{thread_key}/{author}".casefold()),
                attachments=tuple(attachments),
            )
        )
