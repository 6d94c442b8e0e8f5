"""Where a resident's personal data lives in Loket, and how each place is found and erased.

One map for the whole installation: every table, the full-text index and the blob files
(originals, attachments, imported export files, queued replies). Each `Place` names the
columns that can hold a resident's data, how the resident's rows are found (`Find`: a set of
ids computed per resident by `storage.erasure.ErasureQueries.scope`) and what erasure does with
them (`Erase`, and per column a `Blank`). Every other table is listed in `NO_PERSONAL_DATA` with
the reason; a test fails when a table of the schema is in neither, so a new table has to say
where it stands.

Erasure (inbox/privacy/erasure.py), the inzage (inbox/privacy/subject.py: "where Loket keeps
data about you") and the tests (tests/unit/test_privacy_erasure.py: plant a value in every
place, erase, search a raw dump) all read this map. Pure data: no database access here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Find(StrEnum):
    """How the rows of one resident are found: a set of ids, computed once per resident."""

    CONTACTS = "contacts"  # the resident and every contact merged with them
    CASES = "cases"  # the cases they own or wrote in
    MESSAGES = "messages"  # every message of those cases, and theirs anywhere
    NOTES = "notes"  # the notes of those cases
    CASE_UIDS = "case_uids"  # the team-wide ids of those cases (team sync)
    IMPORT_FILES = "import_files"  # imported platform export files holding one of the messages
    MERGES = "merges"  # merges (and undone merges) of their contacts
    EVENTS = "events"  # history events outside a case that are about them (merges)
    REQUESTS = "requests"  # their AVG requests (by contact, or by one of their addresses)
    POSTS = "posts"  # public posts heard while listening: by their Mastodon handle, or made
    # into one of their cases


class Erase(StrEnum):
    BLANK = "blank"  # the rows stay (figures keep counting them), the columns are overwritten
    DELETE = "delete"  # the rows go
    KEEP = "keep"  # kept by law (BIO logging, AVG art. 30); holds an id, never readable data


class Blank(StrEnum):
    """What erasure writes over one column (the words come from the domain)."""

    NAME = "name"  # the placeholder name
    SUBJECT = "subject"  # the placeholder subject
    TEXT = "text"  # the placeholder text
    NAME_IF_SET = "name_if_set"  # the placeholder name, NULL stays NULL
    SUBJECT_IF_SET = "subject_if_set"
    TEXT_IF_SET = "text_if_set"
    EMPTY = "empty"  # ''
    NULL = "null"
    JSON = "json"  # a JSON document: every string not under a SAFE_KEYS key is replaced
    JSON_TEXT = "json_text"  # a JSON value that is text as a whole (a team field's value)


@dataclass(frozen=True)
class Place:
    table: str
    find: Find | None  # None: no SQL finds a resident's rows (the processing log's ids are sealed)
    key: str  # the column matched against the ids of `find`
    erase: Erase
    columns: Mapping[str, Blank] = field(default_factory=dict)
    blobs: tuple[str, ...] = ()  # columns naming blob files (removed when no row names them)
    where: str = ""  # a further condition on the rows (SQL over this table's columns)
    label: str = ""  # Dutch: what this place holds, as the inzage tells the resident
    append_only: bool = False  # a trigger refuses UPDATE: rows are rewritten, same id


# Keys of history and team-event JSON whose *text* values never hold a resident's data: codes,
# ids, dates, references, digests and staff names. Numbers and booleans are never personal, so
# keys holding only those (a note's id, a count) need no entry. Every other string in such a
# document is treated as personal, so erasure replaces it.
SAFE_KEYS: frozenset[str] = frozenset(
    {
        "id", "kind", "case", "author", "author_name", "device", "device_name", "hlc", "at",
        "uid", "field", "seen", "channel", "direction", "sent_at", "created_at", "opened_at",
        "closed_at", "callback_by", "reference", "origin", "rule", "from", "to", "status",
        "product", "deadline", "result", "waardering", "bewaartermijn", "destroy_date",
        "source", "target", "case_uids", "sig", "items", "why",
        # the KCC's day: departments, due moments, call-back windows, staff
        "department", "due", "window", "requested_at", "done_at", "by", "for",
    }
)

PLACES: tuple[Place, ...] = (
    # residents ------------------------------------------------------------------------------
    Place(
        "contacts", Find.CONTACTS, "id", Erase.BLANK, {"name": Blank.NAME},
        label="Uw naam",
    ),
    Place(
        "contact_addresses", Find.CONTACTS, "contact_id", Erase.DELETE,
        {"value": Blank.EMPTY},
        label="Uw e-mailadressen, telefoonnummers en accounts op sociale media",
    ),
    Place(
        "contact_merges", Find.MERGES, "id", Erase.BLANK, {"reason": Blank.TEXT_IF_SET},
        label="Samenvoegingen van uw gegevens (met de reden)",
    ),
    Place(
        "case_events", Find.EVENTS, "id", Erase.BLANK, {"data": Blank.JSON},
        append_only=True, label="Geschiedenis van samenvoegingen van uw gegevens",
    ),
    Place(
        "avg_requests", Find.REQUESTS, "id", Erase.BLANK,
        {"address": Blank.NAME, "note": Blank.TEXT_IF_SET},
        label="Uw AVG-verzoeken",
    ),
    # cases and what they hold ----------------------------------------------------------------
    Place(
        "cases", Find.CASES, "id", Erase.BLANK,
        {"subject": Blank.SUBJECT, "normalized_subject": Blank.EMPTY,
         "outcome": Blank.SUBJECT_IF_SET, "callback_number": Blank.NULL},
        label="Uw zaken (onderwerp, uitkomst en terugbelnummer)",
    ),
    Place(
        "messages", Find.MESSAGES, "id", Erase.BLANK,
        {
            "sender": Blank.EMPTY, "sender_name": Blank.NAME, "recipients": Blank.EMPTY,
            "subject": Blank.SUBJECT, "body_text": Blank.TEXT, "body_html": Blank.NULL,
            "raw_sha256": Blank.NULL, "parse_error": Blank.TEXT_IF_SET,
            "phone_number": Blank.NULL, "answer_given": Blank.NULL, "message_id": Blank.NULL,
            "in_reply_to": Blank.NULL, "references_": Blank.NULL, "external_id": Blank.NULL,
        },
        blobs=("raw_sha256",),
        label="Berichten (tekst, afzender, ontvangers, kenmerken en het origineel)",
    ),
    Place(
        "attachments", Find.MESSAGES, "message_id", Erase.DELETE,
        {"filename": Blank.EMPTY}, blobs=("sha256",), label="Bijlagen bij berichten",
    ),
    Place(
        "notes", Find.NOTES, "id", Erase.BLANK, {"text": Blank.TEXT},
        label="Notities van medewerkers",
    ),
    Place(
        "case_events", Find.CASES, "case_id", Erase.BLANK, {"data": Blank.JSON},
        append_only=True, label="Geschiedenis van uw zaken",
    ),
    Place(
        "outbox", Find.CASES, "case_id", Erase.DELETE,
        {"recipients": Blank.EMPTY, "message_id": Blank.EMPTY}, blobs=("raw_sha256",),
        label="Antwoorden in de verzendwachtrij",
    ),
    Place(
        "woo_decisions", Find.CASES, "case_id", Erase.DELETE, {"text": Blank.EMPTY},
        label="Woo-beoordelingen van uw zaken",
    ),
    # the search index: rows of messages and notes ------------------------------------------
    Place(
        "search_index", Find.CASES, "case_id", Erase.DELETE,
        {"subject": Blank.EMPTY, "body": Blank.EMPTY, "contact": Blank.EMPTY},
        label="Zoekindex",
    ),
    Place(
        "search_index", Find.MESSAGES, "ref_id", Erase.DELETE,
        {"subject": Blank.EMPTY, "body": Blank.EMPTY, "contact": Blank.EMPTY},
        where="kind = 'message'",
    ),
    Place(
        "search_index", Find.NOTES, "ref_id", Erase.DELETE,
        {"body": Blank.EMPTY, "contact": Blank.EMPTY}, where="kind = 'note'",
    ),
    # social channels ----------------------------------------------------------------------
    Place(
        "mastodon_statuses", Find.MESSAGES, "message_id", Erase.DELETE,
        {"uri": Blank.EMPTY, "author_acct": Blank.EMPTY, "mentions": Blank.EMPTY},
        label="Mastodon-berichten (account en vermeldingen)",
    ),
    Place(
        "social_message_keys", Find.MESSAGES, "message_id", Erase.DELETE, {"key": Blank.EMPTY},
    ),
    Place("import_file_messages", Find.IMPORT_FILES, "file_id", Erase.DELETE),
    Place(
        "mastodon_posts", Find.POSTS, "id", Erase.DELETE,
        {"author_acct": Blank.EMPTY, "author_name": Blank.EMPTY, "text": Blank.EMPTY,
         "status": Blank.EMPTY},
        label="Openbare Mastodon-berichten die Loket hoorde bij het meeluisteren",
    ),
    Place(
        "import_files", Find.IMPORT_FILES, "id", Erase.DELETE, {"filename": Blank.EMPTY},
        blobs=("sha256",),
        label="Geïmporteerde exportbestanden (WhatsApp, Facebook, Instagram, X)",
    ),
    # team sync: what this laptop keeps of the team's events ---------------------------------
    Place(
        "team_events", Find.CASE_UIDS, "case_uid", Erase.BLANK, {"body": Blank.JSON},
        label="Teamgebeurtenissen over uw zaken",
    ),
    Place(
        "team_fields", Find.CASE_UIDS, "case_uid", Erase.BLANK, {"value": Blank.JSON_TEXT},
        where="field IN ('outcome', 'subject', 'callback_number')",
    ),
    # logs kept by law: ids, never text ----------------------------------------------------
    Place(
        "audit_log", Find.CONTACTS, "subject_contact_id", Erase.KEEP,
        label="Wie uw gegevens bekeek, wijzigde of exporteerde (auditlog)",
    ),
    Place(
        "processing_log", None, "subject_encrypted", Erase.KEEP,
        label="Verwerkingen van uw gegevens (verwerkingenlogboek)",
    ),
)

# Blob files that are not named by a table column (none today): listed so the map is complete.
# Every blob column of PLACES is above; `storage.erasure` removes a blob file once no row of
# any *sha256 column names it any more.

# Tables that are part of the blob store itself: their rows are blobs (small originals of
# e-mail, storage/schema_mail.py), named by the blob columns of PLACES above and removed with
# them (BlobStore.delete deletes the row as well as a file).
BLOB_TABLES: Mapping[str, str] = {
    "originals": "originals of e-mail below 256 KB, kept inside the database",
}

# Tables of the schema that hold no resident's data, and why (a test checks the schema
# against PLACES + this list).
NO_PERSONAL_DATA: Mapping[str, str] = {
    "users": "staff accounts",
    "user_grants": "rights of staff",
    "sign_in_attempts": "failed sign-ins per staff login typed",
    "accounts": "the team's own mail and Mastodon accounts",
    "sync_state": "positions in the team's mailboxes",
    "mastodon_sync": "positions in the team's Mastodon streams",
    "mastodon_watch": "hashtags and keywords the team's Mastodon accounts listen for",
    "imap_actions": "server work on message rows (a folder name, no content)",
    "settings": "installation settings",
    "reference_counters": "case numbering",
    "selectielijst_procestypen": "the Selectielijst",
    "selectielijst_resultaten": "the Selectielijst",
    "retention_rules": "the archivaris' mapping of products to results",
    "destruction_lists": "destruction lists (staff, dates, notes about the list)",
    "destruction_items": "references and retention terms, by design without personal data",
    "destruction_certificates": "the verklaring van vernietiging (references and counts)",
    "destroyed_counts": "anonymous counts",
    "contact_distinct": "pairs of contact ids declared different (ids only)",
    "team_settings": "this laptop's place in the team",
    "team_cursors": "positions in the team mailbox",
    "team_unreadable": "team batches kept aside, never applied: sealed with a key this laptop "
    "lacks, or refused (unsealed, unsigned, forged) as the mailbox holds them",
    "team_cases": "team-wide case ids",
    "team_references": "case references claimed in the team",
    "team_counters": "team numbering",
    "team_devices": "the team's laptops",
    "team_field_seen": "ids of field events",
    "team_conflicts": "conflicting assignee or status values (staff, codes)",
    "team_notes": "team-wide note ids",
    "team_messages": "team-wide message ids",
    "team_presence": "who of the staff is working on a case",
    "team_device_users": "which staff work on which of the team's laptops",
    "team_audit_heads": "the audit-trail heads the team's laptops sent (ids and hashes)",
    "team_batches": "which team-wide event ids each batch in the team mailbox holds",
    "team_erased": "team-wide case ids an erasure covers",
    "team_placements": "which case team-wide message and note ids belong to",
    "team_placements_pending": "team-wide message and note ids still to be moved",
    "kb_articles": "kennisbank articles (answers with placeholders, staff as owner)",
    "kb_versions": "earlier versions of kennisbank articles (staff as author)",
    "kb_uses": "which staff member used which article when (no case, no resident)",
    "kb_missed_searches": "searches without result, numbers, addresses and names stripped",
    "departments": "the municipality's departments (names, their own e-mail addresses)",
    "search_case": "the case of each full-text row (ids only)",
}

# The full-text index keeps its data in shadow tables; erasure deletes the index rows and then
# merges the index (optimize), so no term of a deleted row stays behind in them.
FTS_TABLES: tuple[str, ...] = ("search_index",)


def shadow_of(table: str) -> str | None:
    """The full-text table whose shadow table `table` is (search_index_data -> search_index)."""
    for fts in FTS_TABLES:
        if table.startswith(fts + "_"):
            return fts
    return None


def classified(table: str) -> bool:
    """Whether the map says where `table` stands."""
    return (
        table in NO_PERSONAL_DATA
        or table in BLOB_TABLES
        or any(p.table == table for p in PLACES)
        or shadow_of(table) is not None
        or table.startswith("sqlite_")
    )


def blob_places() -> list[Place]:
    return [p for p in PLACES if p.blobs]


def labels() -> list[tuple[Place, str]]:
    """Places with a label for the inzage, in map order."""
    return [(p, p.label) for p in PLACES if p.label]


# -- blanking JSON ----------------------------------------------------------------------------


def scrub_json(value: Any, replacement: str, keep: bool = False) -> Any:
    """`value` with every non-empty string replaced, except those directly under a SAFE_KEYS
    key (`keep`); numbers, booleans and None stay. Documents nested under a safe key are
    judged key by key again."""
    if isinstance(value, dict):
        return {k: scrub_json(v, replacement, k in SAFE_KEYS) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_json(v, replacement, keep) for v in value]
    if isinstance(value, str) and value and not keep:
        return replacement
    return value


def scrub_json_text(text: str | None, replacement: str) -> str | None:
    """A JSON column's text scrubbed with `scrub_json` (invalid JSON becomes the replacement)."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return json.dumps(replacement)
    return json.dumps(scrub_json(value, replacement), sort_keys=True, ensure_ascii=False)
