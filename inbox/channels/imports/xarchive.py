"""X (Twitter) archive direct messages: data/direct-messages.js and direct-messages-group.js.

The archive writes JavaScript, not JSON: `window.YTD.direct_messages.part0 = [...]`; the wrapper
is removed and the array read as JSON. Our own account is data/account.js's accountId when the
whole archive (.zip) is given; for a lone direct-messages.js it is the one id that takes part in
every conversation. Residents are known by their numeric X user id (the archive has no handles
of other people).
"""

from __future__ import annotations

import json
import mimetypes
import re
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from inbox.channels.imports.exportfile import (
    MAX_FILE_BYTES,
    ChatMessage,
    ExportError,
    ParsedExport,
    open_zip,
)
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
        return match.group("name").decode(), json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError("Het X-archiefbestand is beschadigd of onvolledig.") from exc


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
    from inbox.channels.imports.whatsapp import read_member

    archive = open_zip(raw)
    with archive:
        infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        if sum(i.file_size for i in infos.values()) > 4 * MAX_FILE_BYTES:
            raise ExportError("Uitgepakt is dit zip-bestand te groot om te importeren.")
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
            _, data = unwrap(read_member(archive, infos[account[0]]))
            try:
                own = str(data[0]["account"]["accountId"])
            except (KeyError, IndexError, TypeError):
                own = None
        media_names = {
            PurePosixPath(n).name: n for n in infos if "direct_messages" in n and "media" in n
        }

        def media(file_name: str) -> bytes | None:
            member = media_names.get(file_name)
            return None if member is None else read_member(archive, infos[member])

        parsed = ParsedExport(Channel.X, [], title=PurePosixPath(name).name)
        for part_name in parts:
            part, data = unwrap(read_member(archive, infos[part_name]))
            if part in _DM_PARTS:
                _add(parsed, data, own, media)
    return parsed


def _own_id(conversations: list[dict[str, Any]]) -> str | None:
    common: set[str] | None = None
    for conv in conversations:
        ids = set(str(conv.get("conversationId", "")).split("-"))
        common = ids if common is None else common & ids
    if common and len(common) == 1 and len(conversations) > 1:
        return next(iter(common))
    return None


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
        conv_id = str(conv.get("conversationId") or "")
        title = str(conv.get("name") or "") or f"X-gesprek {conv_id}"
        for event in conv.get("messages") or []:
            create = event.get("messageCreate") if isinstance(event, dict) else None
            if not isinstance(create, dict):
                parsed.system_messages += 1  # joinConversation, participantsJoin, ...
                continue
            sender = str(create.get("senderId") or "")
            try:
                moment = datetime.fromisoformat(str(create["createdAt"]).replace("Z", "+00:00"))
            except (KeyError, ValueError) as exc:
                raise ExportError("Een X-bericht heeft geen geldige tijd.") from exc
            attachments = []
            for url in create.get("mediaUrls") or []:
                file_name = f"{conv_id}-{create.get('id')}-{PurePosixPath(str(url)).name}"
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
                    text=str(create.get("text") or ""),
                    outbound=outbound,
                    address=None if outbound else (AddressKind.X, f"id:{sender}"),
                    attachments=tuple(attachments),
                    external_id=str(create["id"]) if create.get("id") else None,
                )
            )
