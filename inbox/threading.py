"""Which case does an incoming message belong to.

The rules, in order: a case reference token in the subject ([LK-2026-000123]); then the
message's In-Reply-To/References pointing at a stored message; then the same contact with the
same normalised subject on an open case within 14 days. Otherwise the message opens a new case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

WINDOW = timedelta(days=14)

REFERENCE_RE = re.compile(r"\[?\b(LK-(\d{4})-(\d{6}))\b\]?", re.IGNORECASE)

# Reply and forward prefixes across the languages residents' mail programs use.
_PREFIXES = (
    "re",
    "aw",
    "antw",
    "antwoord",
    "reply",
    "sv",
    "vs",
    "ynt",
    "odp",
    "r",
    "ref",
    "rif",
    "fw",
    "fwd",
    "doorst",
    "doorgestuurd",
    "tr",
    "wg",
    "enc",
    "rv",
    "i",
    "fs",
)
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:"
    + "|".join(_PREFIXES)
    + r")\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[[^\]]*\]|\(fwd\))\s*",
    re.IGNORECASE,
)
_SPACE_RE = re.compile(r"\s+")


def find_reference(subject: str) -> str | None:
    """The first case reference in `subject`, normalised to upper case, or None."""
    match = REFERENCE_RE.search(subject or "")
    return match.group(1).upper() if match else None


def strip_reference(subject: str) -> str:
    return _SPACE_RE.sub(" ", REFERENCE_RE.sub(" ", subject or "")).strip()


def normalize_subject(subject: str) -> str:
    """Subject without reply/forward prefixes, tags and references, case-folded.

    'Re: AW: [LK-2026-000001] Fwd:  Vraag over  afval' -> 'vraag over afval'
    """
    text = unicodedata.normalize("NFKC", subject or "")
    text = REFERENCE_RE.sub(" ", text)
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text).strip(" -:\t").casefold()
    return text


def message_ids(header_value: str | None) -> list[str]:
    """Message-IDs from a References or In-Reply-To header, in order, without duplicates."""
    if not header_value:
        return []
    found = re.findall(r"<[^<>\s]+>", header_value)
    if not found:
        found = [tok for tok in header_value.split() if "@" in tok]
    seen: dict[str, None] = {}
    for mid in found:
        seen.setdefault(mid.strip(), None)
    return list(seen)


class CaseLookup(Protocol):
    def case_id_by_reference(self, reference: str) -> int | None: ...

    def case_id_by_message_ids(self, message_ids: list[str]) -> int | None: ...

    def open_case_id_by_subject(
        self, contact_id: int, normalized_subject: str, since: datetime
    ) -> int | None: ...


@dataclass(frozen=True)
class ThreadMatch:
    case_id: int | None
    rule: str  # "reference", "headers", "subject" or "new"


def case_for(
    lookup: CaseLookup,
    *,
    subject: str,
    in_reply_to: str | None,
    references: tuple[str, ...],
    contact_id: int | None,
    sent_at: datetime,
) -> ThreadMatch:
    """Decide the case for a message; `case_id` None means: open a new case."""
    reference = find_reference(subject)
    if reference:
        case_id = lookup.case_id_by_reference(reference)
        if case_id is not None:
            return ThreadMatch(case_id, "reference")
    ids = message_ids(in_reply_to) + [r for r in references if r]
    if ids:
        # newest reference first: In-Reply-To, then References from the end
        ordered = message_ids(in_reply_to) + list(reversed(list(references)))
        case_id = lookup.case_id_by_message_ids(ordered)
        if case_id is not None:
            return ThreadMatch(case_id, "headers")
    normalized = normalize_subject(subject)
    if contact_id is not None and normalized:
        case_id = lookup.open_case_id_by_subject(contact_id, normalized, sent_at - WINDOW)
        if case_id is not None:
            return ThreadMatch(case_id, "subject")
    return ThreadMatch(None, "new")
