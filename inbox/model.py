"""Values and choices of the domain: dataclasses for records, enums for the stable codes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any


class Channel(StrEnum):
    """Kanaal; the values are the codes used in JSON and exports."""

    EMAIL = "email"
    PHONE = "phone"
    COUNTER = "counter"
    LETTER = "letter"
    WEBFORM = "webform"
    MASTODON = "mastodon"
    WHATSAPP = "whatsapp"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"

    @property
    def label(self) -> str:
        """The Dutch name, from the channel registry (inbox/channels/registry.py)."""
        from inbox.channels.registry import label

        return label(self)


class Status(StrEnum):
    NIEUW = "nieuw"
    IN_BEHANDELING = "in_behandeling"
    WACHT_OP_INWONER = "wacht_op_inwoner"
    AFGEROND = "afgerond"
    BIJ_VAKAFDELING = "bij_vakafdeling"  # handed over to a department (inbox/handover.py)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NIEUW: "Nieuw",
    Status.IN_BEHANDELING: "In behandeling",
    Status.WACHT_OP_INWONER: "Wacht op inwoner",
    Status.AFGEROND: "Afgerond",
    Status.BIJ_VAKAFDELING: "Bij vakafdeling",
}


class Direction(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class Role(StrEnum):
    MEDEWERKER = "medewerker"
    TEAMLEIDER = "teamleider"
    ARCHIVARIS = "archivaris"
    BEHEERDER = "beheerder"


class AddressKind(StrEnum):
    """Soort digitaal adres, as in the Klantinteracties API, plus social handles."""

    EMAIL = "email"
    PHONE = "telefoonnummer"
    MASTODON = "mastodon"
    WHATSAPP = "whatsapp"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"


class EventKind(StrEnum):
    """The one vocabulary of case events (case_events.kind); `Op.event` is its one writer."""

    # a case and its messages
    CASE_OPENED = "case_opened"
    MESSAGE_ADDED = "message_added"
    ASSIGNED = "assigned"
    STATUS_CHANGED = "status_changed"
    CLOSED = "closed"
    REOPENED = "reopened"
    NOTE_ADDED = "note_added"
    CONTACT_LOGGED = "contact_logged"
    PRODUCT_SET = "product_set"
    DEADLINE_SET = "deadline_set"
    LABELS_SET = "labels_set"
    MERGED_INTO = "merged_into"
    MERGED_FROM = "merged_from"
    SPLIT_FROM = "split_from"
    SPLIT_INTO = "split_into"
    MESSAGE_MOVED_OUT = "message_moved_out"
    MESSAGE_MOVED_IN = "message_moved_in"
    CONFIDENTIAL_SET = "confidential_set"
    # the KCC's day: hand-over, call-backs, deadlines, repeat contact
    FORWARDED = "forwarded"  # {"department", "note", "due", "by", "at"}
    FORWARD_ANSWERED = "forward_answered"  # {"department", "at", "message", "reason"}
    CALLBACK_REQUESTED = "callback_requested"  # {"requested_at", "due", "window", "for", ...}
    CALLBACK_ASSIGNED = "callback_assigned"  # {"to"}
    CALLBACK_DONE = "callback_done"  # {"done_at", "result", "on_time"}
    REPEAT_CONTACT = "repeat_contact"  # {"at", "by", "channel", "was_one_go"}
    # residents
    CONTACT_MERGED = "contact_merged"
    CONTACT_UNMERGED = "contact_unmerged"
    PERSONAL_DATA_ERASED = "personal_data_erased"  # AVG art. 17: {"contact", "case_uids"}
    # records: retention and destruction
    RETENTION_RULE_SET = "retention_rule_set"
    RETENTION_FIXED = "retention_fixed"
    RETENTION_CLEARED = "retention_cleared"
    LEGAL_HOLD = "legal_hold"
    ORGANISATION_SET = "organisation_set"
    DESTRUCTION_PROPOSED = "destruction_proposed"
    DESTRUCTION_REVIEWED = "destruction_reviewed"
    DESTRUCTION_APPROVED = "destruction_approved"
    DESTRUCTION_REJECTED = "destruction_rejected"
    DESTROYED = "destroyed"
    DESTRUCTION_CARRIED_OUT = "destruction_carried_out"
    # exports
    MDTO_EXPORT = "mdto_export"
    EXPORT_KLANTINTERACTIES = "export_klantinteracties"
    # kennisbank and trends (no case)
    KB_ARTICLE_SAVED = "kb_article_saved"
    TEMPLATE_SAVED = "template_saved"  # a standaardantwoord saved or retired: {"key"}
    TREND_SIGNAL_SENT = "trend_signal_sent"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes
    content_id: str | None = None
    inline: bool = False


@dataclass(frozen=True)
class IncomingMessage:
    """A message as a channel hands it to the domain, before it has a case."""

    channel: Channel
    sent_at: datetime
    sender: str = ""
    sender_name: str = ""
    recipients: str = ""
    subject: str = ""
    body_text: str = ""
    body_html: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    external_id: str | None = None
    raw_sha256: str | None = None
    parse_error: str | None = None
    direction: Direction = Direction.INBOUND
    attachments: tuple[Attachment, ...] = ()
    account_id: int | None = None
    imap_folder: str | None = None
    imap_uidvalidity: int | None = None
    imap_uid: int | None = None
    phone_number: str | None = None
    answer_given: str | None = None
    callback_by: str | None = None
    # between the KCC and a department (a hand-over and its reply), not with the resident
    internal: bool = False
    # sent by a machine: an auto-reply, a mailing list, bulk mail (never answered automatically;
    # Loket's own automatic reply is no first answer)
    automated: bool = False
    # the digits of the phone numbers in sender, subject and body (for the search index),
    # when the parser worker already found them; None: found while filing
    phone_terms: tuple[str, ...] | None = None

    def storable(self) -> IncomingMessage:
        """This message with text that cannot be stored made storable: a lone surrogate (what
        `=?utf-7?q?+2AA-?=` decodes to) becomes U+FFFD. The original bytes stay as they came."""
        changed: dict[str, Any] = {}
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value and _SURROGATE.search(value):
                changed[name] = _SURROGATE.sub("\ufffd", value)
        if any(_SURROGATE.search(r) for r in self.references):
            changed["references"] = tuple(_SURROGATE.sub("\ufffd", r) for r in self.references)
        if any(_SURROGATE.search(f"{a.filename}{a.content_type}{a.content_id or ''}")
               for a in self.attachments):
            changed["attachments"] = tuple(
                replace(a, filename=_SURROGATE.sub("\ufffd", a.filename),
                        content_type=_SURROGATE.sub("\ufffd", a.content_type),
                        content_id=None if a.content_id is None
                        else _SURROGATE.sub("\ufffd", a.content_id))
                for a in self.attachments
            )
        return replace(self, **changed) if changed else self


_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = tuple(
    f.name for f in fields(IncomingMessage) if f.type in ("str", "str | None")
)


@dataclass(frozen=True)
class CaseSummary:
    """One row of a case list."""

    id: int
    reference: str
    subject: str
    status: Status
    channel: Channel | str  # a code this Loket does not know stays a plain string
    contact: str
    assignee: str | None
    last_message_at: str
    opened_at: str
    messages: int
    channels: tuple[str, ...] = ()
    notes: int = 0
    product: str | None = None
    deadline: str | None = None
    confidential: bool = False
    labels: tuple[str, ...] = ()
    due_at: str | None = None  # "antwoord uiterlijk" (UTC)
    department: str | None = None  # the newest hand-over's department
    forward_due: str | None = None
    forward_open: bool = False  # handed over, the department has not replied yet
    reported_back_at: str | None = None
    callback_due: str | None = None  # the open call-back request's end of window (UTC)
    callback_window: str | None = None
    callback_for: str | None = None  # login
    callback_open: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    """One item of a case's timeline: a message, a note or an event."""

    kind: str  # "message", "note" or "event"
    at: str
    title: str
    text: str
    channel: Channel | str | None = None
    direction: Direction | None = None
    author: str = ""
    ref_id: int = 0
    flagged: bool = False


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    contact_addresses: tuple[tuple[str, str], ...]
    timeline: tuple[TimelineEntry, ...]
    outcome: str | None = None
    first_contact_resolution: bool | None = None
    closed_at: str | None = None


@dataclass(frozen=True)
class SearchHit:
    case: str
    message: int | None
    note: int | None
    channel: str
    subject: str
    snippet: str


@dataclass
class Changes:
    """What an act changed, so screens update just that (Anki's OpChanges).

    `cases`: ids of cases whose row or timeline changed; `kinds`: other things that changed
    ("accounts", "users", "settings", "contacts", "kb", "templates", "outbox", ...).
    """

    cases: set[int] = field(default_factory=set)
    messages: set[int] = field(default_factory=set)
    contacts: set[int] = field(default_factory=set)
    created_case: bool = False
    kinds: set[str] = field(default_factory=set)

    def merge(self, other: Changes) -> None:
        self.cases |= other.cases
        self.messages |= other.messages
        self.contacts |= other.contacts
        self.created_case = self.created_case or other.created_case
        self.kinds |= other.kinds

    def __bool__(self) -> bool:
        return bool(self.cases or self.messages or self.contacts or self.created_case
                    or self.kinds)
