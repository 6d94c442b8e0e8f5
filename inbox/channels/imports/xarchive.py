"""X (Twitter) archive direct messages: data/direct-messages.js and direct-messages-group.js.

The archive writes JavaScript, not JSON: `window.YTD.direct_messages.part0 = [...]`; the wrapper
is removed and the array read as JSON. Our own account is data/account.js's accountId when the
whole archive (.zip) is given; for a lone direct-messages.js it is the one id that takes part in
every conversation. Residents are known by their numeric X user id (the archive has no handles
of other people).
"""

from __future__ import annotations

import mimetypes
import re
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from inbox.channels.imports.exportfile import (
    ChatMessage,
    ExportError,
    ParsedExport,
    SafeZip,
    listed,
    plausible,
    text_of,
)
from inbox.channels.imports.guard import load_json
from inbox.model import AddressKind, Attachment, Channel

_WRAPPER = re.compile(rb"^\s*window\.YTD\.(?P<name>\w+)\.part\d+\s*=\s*")
_DM_PARTS = ("direct_messages", "direct_messages_group")


def unwrap(raw: bytes) -> tuple[str, Any]:
    """('direct_messages', [...]) from 'window.YTD.direct_messages.part0 = [...]'."""
    match = _WRAPPER.match(raw.lstrip(b"\xef\xbb\xbf"))
    if not match:
        raise ExportError(
            "Dit is geen bestand uit een X-archief (het begint niet met 'window.YTD.')."
        )
    body = raw.lstrip(b"\xef\xbb\xbf")[match.end() :].strip().rstrip(b";")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExportError("Het X-archiefbestand is beschadigd of onvolledig.") from exc
    return match.group("name").decode(), load_json(text, "Het X-archiefbestand")


def parse_file(name: str, raw: bytes) -> ParsedExport:
    if raw[:4] == b"PK\x03\x04" or name.lower().endswith(".zip"):
        return _parse_zip(name, raw)
    part, data = unwrap(raw)
    if part not in _DM_PARTS:
        raise ExportError(
            f"Dit X-archiefbestand bevat '{part}', geen directe berichten "
            "(kies data/direct-messages.js)."
        )
    parsed = ParsedExport(Channel.X, [], title=PurePosixPath(name).name)
    _add(parsed, data, None, None)
    return parsed


def _parse_zip(name: str, raw: bytes) -> ParsedExport:
    with SafeZip(raw) as archive:
        infos = {i.filename: i for i in archive.files()}
        parts = [
            n
            for n in sorted(infos)
            if PurePosixPath(n).name in ("direct-messages.js", "direct-messages-group.js")
        ]
        if not parts:
            raise ExportError("In dit X-archief staan geen directe berichten.")
        own = None
        account = [n for n in infos if PurePosixPath(n).name == "account.js"]
        if account:
            _, data = unwrap(archive.read(infos[account[0]]))
            try:
                own = text_of(data[0]["account"]["accountId"]) or None
            except (KeyError, IndexError, TypeError):
                own = None
        media_names = {
            PurePosixPath(n).name: n for n in infos if "direct_messages" in n and "media" in n
        }

        def media(file_name: str) -> bytes | None:
            member = media_names.get(file_name)
            return None if member is None else archive.read(infos[member])

        parsed = ParsedExport(Channel.X, [], title=PurePosixPath(name).name)
        for part_name in parts:
            part, data = unwrap(archive.read(infos[part_name]))
            if part in _DM_PARTS:
                _add(parsed, data, own, media)
    return parsed


def _own_id(conversations: list[dict[str, Any]]) -> str | None:
    common: set[str] | None = None
    for conv in conversations:
        ids = set(text_of(conv.get("conversationId")).split("-"))
        common = ids if common is None else common & ids
    if common and len(common) == 1 and len(conversations) > 1:
        return next(iter(common))
    return None


def _moment(value: Any) -> datetime:
    """createdAt ('2024-03-12T13:05:00.000Z'); a time without zone is UTC, as X writes it."""
    try:
        moment = datetime.fromisoformat(text_of(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise ExportError("Een X-bericht heeft geen geldige tijd.") from exc
    return plausible(moment, "in dit X-archief")


def _add(parsed: ParsedExport, data: Any, own: str | None, media: Any) -> None:
    if not isinstance(data, list):
        raise ExportError("Het X-archiefbestand heeft een onbekende opbouw.")
    conversations = [
        item["dmConversation"]
        for item in data
        if isinstance(item, dict) and isinstance(item.get("dmConversation"), dict)
    ]
    if data and not conversations:
        raise ExportError("Het X-archiefbestand heeft een onbekende opbouw.")
    own = own or _own_id(conversations)
    for conv in conversations:
        conv_id = text_of(conv.get("conversationId"))
        title = text_of(conv.get("name")) or f"X-gesprek {conv_id}"
        for event in listed(conv.get("messages")):
            create = event.get("messageCreate") if isinstance(event, dict) else None
            if not isinstance(create, dict):
                parsed.system_messages += 1  # joinConversation, participantsJoin, ...
                continue
            sender = text_of(create.get("senderId"))
            moment = _moment(create.get("createdAt"))
            message_id = text_of(create.get("id"))
            attachments = []
            for url in listed(create.get("mediaUrls")):
                file_name = f"{conv_id}-{message_id}-{PurePosixPath(text_of(url)).name}"
                data_bytes = media(file_name) if media else None
                if data_bytes is not None:
                    attachments.append(
                        Attachment(
                            filename=file_name,
                            content_type=mimetypes.guess_type(file_name)[0]
                            or "application/octet-stream",
                            data=data_bytes,
                        )
                    )
            outbound = own is not None and sender == own
            parsed.messages.append(
                ChatMessage(
                    thread=title,
                    sent_at=moment,
                    author=f"X-gebruiker {sender}",
                    text=text_of(create.get("text")),
                    outbound=outbound,
                    address=None if outbound else (AddressKind.X, f"id:{sender}"),
                    attachments=tuple(attachments),
                    external_id=message_id or None,
                )
            )
