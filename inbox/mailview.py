"""What a screen shows of an e-mail: its sanitised HTML, its attachments and its outbox state.

Read-only acts of the gate (message.view, attachment.open, outbox.read), so the desktop never
needs storage/ and a vertrouwelijk case's mail shows only to its assignee. The HTML is passed
through `sanitize_html` again here (it already was on import):
defence in depth for rows written by older versions or by other code paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inbox import acts
from inbox.errors import NotFound
from inbox.services import Loket

# Opening these runs code, or can: the desktop warns before it opens one.
RISKY_EXTENSIONS = frozenset(
    {
        ".exe", ".com", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".bat", ".cmd", ".scr", ".ps1",
        ".jar", ".msi", ".lnk", ".html", ".htm", ".hta", ".docm", ".xlsm", ".pptm", ".iso",
        ".img",
    }
)  # fmt: skip


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str  # already safe to write anywhere (no path, no control characters)
    content_type: str
    size: int
    sha256: str
    inline: bool
    content_id: str | None

    @property
    def risky(self) -> bool:
        return is_risky(self.filename)


@dataclass(frozen=True)
class MessageView:
    message_id: int
    html: str | None  # sanitised; None for a plain-text message
    text: str
    attachments: tuple[AttachmentInfo, ...] = ()

    def by_content_id(self, content_id: str) -> AttachmentInfo | None:
        """The attachment an HTML body refers to as cid:<content_id> (only this message's)."""
        wanted = content_id.strip().strip("<>")
        for attachment in self.attachments:
            if attachment.content_id and attachment.content_id.strip("<>") == wanted:
                return attachment
        return None

    @property
    def listed_attachments(self) -> tuple[AttachmentInfo, ...]:
        """The attachments a person should see: not the inline images the HTML shows."""
        if self.html is None:
            return self.attachments
        return tuple(
            a
            for a in self.attachments
            if not (a.inline and a.content_id and f"cid:{a.content_id}" in self.html)
        )


@dataclass(frozen=True)
class OutboxInfo:
    """Where a reply stands: 'queued', 'sending', 'sent', 'failed' or 'uncertain'."""

    id: int
    message_row_id: int
    account: str
    state: str
    attempts: int
    last_error: str | None
    sent_at: str | None

    @property
    def can_send_again(self) -> bool:
        return self.state in ("uncertain", "failed")


def is_risky(filename: str) -> bool:
    name = filename.lower().rstrip(" .")
    return any(name.endswith(ext) for ext in RISKY_EXTENSIONS)


def _attachment(row: Any) -> AttachmentInfo:
    from inbox.channels.mailparse import safe_filename  # the parser loads when mail is shown

    return AttachmentInfo(
        id=int(row["id"]),
        filename=safe_filename(str(row["filename"] or "")),
        content_type=str(row["content_type"] or "application/octet-stream"),
        size=int(row["size"] or 0),
        sha256=str(row["sha256"]),
        inline=bool(row["inline"]),
        content_id=row["content_id"],
    )


def message_views(loket: Loket, message_ids: list[int]) -> dict[int, MessageView]:
    """The views of several messages (e.g. a case's timeline) in two queries (act
    message.view; a vertrouwelijk case's messages only for its assignee)."""
    if not message_ids:
        return {}
    from inbox.channels.mailparse import sanitize_html  # (not at start-up: the window's list)

    with loket.op(acts.MESSAGE_VIEW) as op:
        rows = op.store.mail.bodies(message_ids)
        for case_id in sorted({int(r["case_id"]) for r in rows if r["case_id"] is not None}):
            op.other_case(case_id)  # vertrouwelijk: refused unless assigned
        found: dict[int, list[AttachmentInfo]] = {int(r["id"]): [] for r in rows}
        for a in op.store.mail.attachments_of(message_ids):
            found[int(a["message_id"])].append(_attachment(a))
    return {
        int(r["id"]): MessageView(
            message_id=int(r["id"]),
            html=sanitize_html(r["body_html"]) if r["body_html"] else None,
            text=str(r["body_text"] or ""),
            attachments=tuple(found[int(r["id"])]),
        )
        for r in rows
    }


def message_view(loket: Loket, message_id: int) -> MessageView:
    view = message_views(loket, [message_id]).get(message_id)
    if view is None:
        raise NotFound("Dit bericht bestaat niet (meer).")
    return view


def attachment_info(loket: Loket, attachment_id: int) -> AttachmentInfo:
    with loket.op(acts.MESSAGE_VIEW) as op:
        row = op.store.mail.attachment(attachment_id)
        if row is None:
            raise NotFound("Deze bijlage bestaat niet (meer).")
        if row["case_id"] is not None:
            op.other_case(int(row["case_id"]))
        return _attachment(row)


def attachment_bytes(loket: Loket, attachment_id: int) -> bytes:
    """An attachment's bytes (act attachment.open: audited, processing log)."""
    row = loket.store.mail.attachment(attachment_id)
    if row is None:
        raise NotFound("Deze bijlage bestaat niet (meer).")
    case = None if row["case_id"] is None else int(row["case_id"])
    with loket.op(acts.ATTACHMENT_OPEN, case=case, obj=f"bijlage:{attachment_id}"):
        return loket.blobs.get(str(row["sha256"]))  # BlobMissingError (a StorageError)


def outbox_of_case(loket: Loket, reference: str) -> dict[int, OutboxInfo]:
    """The case's replies in the outbox, by their message row id (TimelineEntry.ref_id)."""
    with loket.op(acts.OUTBOX_READ, case=reference) as op:
        rows = op.store.mail.outbox_of_case(op.case_id)
    return {
        int(r["message_row_id"]): OutboxInfo(
            id=int(r["id"]),
            message_row_id=int(r["message_row_id"]),
            account=str(r["account"] or ""),
            state=str(r["state"]),
            attempts=int(r["attempts"] or 0),
            last_error=r["last_error"],
            sent_at=r["sent_at"],
        )
        for r in rows
    }
