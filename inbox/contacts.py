"""One resident across channels: match by address, suggest merges, merge reversibly with history.

A contact (partij) is known by digitale adressen: e-mail, E.164 phone number, social handles.
The same normalised address is always the same contact. Two contacts become one only when a
person merges them; Loket suggests merges from hard evidence (a phone number or e-mail address
of one contact written in the other's messages, an e-mail address that differs only in dots or a
+tag) and uses a similar name only to rank those, never on its own. A merge sets
`contacts.merged_into` and leaves every message, case and address where it was, so undoing it
is exact; `contact_merges` keeps the history of both.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from inbox import clock
from inbox.addresses import address_for, normalize_email, normalize_phone
from inbox.errors import InvalidInput, NotFound
from inbox.model import AddressKind, Changes, Channel, Role
from inbox.services import Loket
from storage import records
from storage.db import Database

log = logging.getLogger("loket.contacts")

NAME_SIMILAR = 0.85

_PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-().]{7,17}\d(?!\w)")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GMAIL = {"gmail.com", "googlemail.com"}


# -- addresses --------------------------------------------------------------------------------


def normalize_address(kind: AddressKind, value: str) -> str | None:
    """The stored form of an address of `kind`, or None when it is not one."""
    value = (value or "").strip()
    if not value:
        return None
    if kind is AddressKind.EMAIL:
        email = normalize_email(value)
        return email if "@" in email else None
    if kind is AddressKind.PHONE:
        return normalize_phone(value)
    if kind is AddressKind.MASTODON:
        handle = value.lower().lstrip("@")
        return "@" + handle if "@" in handle else None
    return value.lower()


def find_contact(db: Database, value: str) -> int | None:
    """The (surviving) contact known by `value`: an e-mail address, phone number or handle."""
    for kind in (AddressKind.EMAIL, AddressKind.PHONE, AddressKind.MASTODON):
        normal = normalize_address(kind, value)
        if normal:
            found = records.contact_by_address(db, kind.value, normal)
            if found is not None:
                return found
    row = db.one(
        "SELECT contact_id FROM contact_addresses WHERE value = ? ORDER BY id LIMIT 1",
        (value.strip().lower(),),
    )
    return None if row is None else records.resolve_contact(db, int(row[0]))


# -- one resident: everything of a contact ----------------------------------------------------


def members(db: Database, contact_id: int) -> list[int]:
    """The surviving contact of `contact_id` and every contact merged into it, transitively."""
    root = records.resolve_contact(db, contact_id)
    rows = db.query(
        "WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT c.id FROM contacts c JOIN m "
        "ON c.merged_into = m.id) SELECT id FROM m ORDER BY id",
        (root,),
    )
    return [int(r[0]) for r in rows]


@dataclass(frozen=True)
class ContactCase:
    reference: str
    subject: str
    status: str
    channel: str
    opened_at: str
    last_message_at: str


@dataclass(frozen=True)
class ContactMessage:
    id: int
    case: str | None
    channel: str
    direction: str
    sent_at: str
    sender: str
    sender_name: str
    subject: str
    text: str


@dataclass(frozen=True)
class ContactOverview:
    """One resident: names, every address, every case and every message from every channel."""

    id: int
    name: str
    merged: tuple[int, ...]
    addresses: tuple[tuple[str, str], ...]
    cases: tuple[ContactCase, ...]
    messages: tuple[ContactMessage, ...]

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted({m.channel for m in self.messages}))


def overview(db: Database, contact_id: int) -> ContactOverview:
    """Everything Loket holds of the resident `contact_id` (or the contact it was merged into)."""
    root = records.resolve_contact(db, contact_id)
    if db.scalar("SELECT 1 FROM contacts WHERE id = ?", (root,)) is None:
        raise NotFound("Deze inwoner bestaat niet (meer).")
    ids = members(db, root)
    marks = ",".join("?" for _ in ids)
    addresses = tuple(
        (r["kind"], r["value"])
        for r in db.query(
            f"SELECT kind, value FROM contact_addresses WHERE contact_id IN ({marks}) "
            "ORDER BY kind, value",
            ids,
        )
    )
    cases = tuple(
        ContactCase(
            r["reference"],
            r["subject"],
            r["status"],
            r["channel"],
            r["opened_at"],
            r["last_message_at"],
        )
        for r in db.query(
            "SELECT reference, subject, status, channel, opened_at, last_message_at FROM cases "
            f"WHERE contact_id IN ({marks}) OR id IN (SELECT case_id FROM messages "
            f"WHERE contact_id IN ({marks})) ORDER BY opened_at, id",
            [*ids, *ids],
        )
    )
    messages = tuple(
        ContactMessage(
            int(r["id"]),
            r["reference"],
            r["channel"],
            r["direction"],
            r["sent_at"],
            r["sender"],
            r["sender_name"],
            r["subject"],
            r["body_text"],
        )
        for r in db.query(
            "SELECT m.id, c.reference, m.channel, m.direction, m.sent_at, m.sender, "
            "m.sender_name, m.subject, m.body_text FROM messages m "
            "LEFT JOIN cases c ON c.id = m.case_id "
            f"WHERE m.contact_id IN ({marks}) OR (m.direction = 'out' AND m.case_id IN "
            f"(SELECT id FROM cases WHERE contact_id IN ({marks}))) ORDER BY m.sent_at, m.id",
            [*ids, *ids],
        )
    )
    return ContactOverview(
        id=root,
        name=records.contact_name(db, root),
        merged=tuple(i for i in ids if i != root),
        addresses=addresses,
        cases=cases,
        messages=messages,
    )


# -- merge suggestions ------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeSuggestion:
    first: int
    second: int
    first_name: str
    second_name: str
    reasons: tuple[str, ...]
    score: float


def name_similarity(a: str, b: str) -> float:
    """0..1; word order, accents, case and punctuation do not count."""

    def words(name: str) -> list[str]:
        text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
        return re.findall(r"[a-z0-9]+", text)

    left, right = words(a), words(b)
    if not left or not right:
        return 0.0
    ratio = SequenceMatcher(None, " ".join(sorted(left)), " ".join(sorted(right))).ratio()
    if len(left) > 1 and len(right) > 1 and left[-1] == right[-1] and left[0][0] == right[0][0]:
        ratio = max(ratio, 0.9)  # 'F. de Boer' and 'Fenna de Boer': initial and surname agree
    return ratio


def _email_variant(address: str) -> str:
    """gmail ignores dots and +tags; elsewhere only a +tag is dropped."""
    local, _, domain = address.partition("@")
    local = local.split("+", 1)[0]
    if domain in _GMAIL:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def suggest_merges(db: Database, limit: int = 100) -> list[MergeSuggestion]:
    """Pairs of contacts that are probably one resident, best first; never on a name alone."""
    owner: dict[tuple[str, str], int] = {}
    variants: dict[str, set[int]] = {}
    for r in db.query("SELECT contact_id, kind, value FROM contact_addresses"):
        cid = records.resolve_contact(db, int(r["contact_id"]))
        owner[(r["kind"], r["value"])] = cid
        if r["kind"] == AddressKind.EMAIL.value:
            variants.setdefault(_email_variant(r["value"]), set()).add(cid)
    reasons: dict[tuple[int, int], set[str]] = {}

    def note(a: int, b: int, reason: str) -> None:
        if a != b:
            reasons.setdefault((min(a, b), max(a, b)), set()).add(reason)

    for ids in variants.values():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                note(a, b, "vrijwel hetzelfde e-mailadres")
    for r in db.query(
        "SELECT contact_id, body_text FROM messages WHERE direction = 'in' "
        "AND contact_id IS NOT NULL AND body_text != ''"
    ):
        text = r["body_text"]
        author = records.resolve_contact(db, int(r["contact_id"]))
        if any(ch.isdigit() for ch in text):
            for candidate in _PHONE_IN_TEXT.findall(text):
                phone = normalize_phone(candidate)
                other = owner.get((AddressKind.PHONE.value, phone or ""))
                if other is not None:
                    note(author, other, "zelfde telefoonnummer")
        if "@" in text:
            for candidate in _EMAIL_IN_TEXT.findall(text):
                other = owner.get((AddressKind.EMAIL.value, candidate.lower().rstrip(".")))
                if other is not None:
                    note(author, other, "zelfde e-mailadres")
    distinct = {
        (int(r[0]), int(r[1])) for r in db.query("SELECT first_id, second_id FROM contact_distinct")
    }
    out = []
    for (a, b), why in reasons.items():
        if (a, b) in distinct:
            continue
        name_a, name_b = records.contact_name(db, a), records.contact_name(db, b)
        score = 0.0
        if "zelfde telefoonnummer" in why or "zelfde e-mailadres" in why:
            score += 0.6
        if "vrijwel hetzelfde e-mailadres" in why:
            score += 0.4
        similarity = name_similarity(name_a, name_b)
        listed = sorted(why)
        if similarity >= NAME_SIMILAR:
            score += 0.3
            listed.append("gelijkende naam")
        out.append(MergeSuggestion(a, b, name_a, name_b, tuple(listed), round(score, 2)))
    out.sort(key=lambda s: (-s.score, s.first, s.second))
    return out[:limit]


# -- merging ----------------------------------------------------------------------------------


def merge(loket: Loket, survivor_id: int, merged_id: int, reason: str = "") -> int:
    """Make `merged_id` part of `survivor_id`; returns the merge's id for undoing it."""
    loket.require(Role.MEDEWERKER, Role.TEAMLEIDER, Role.BEHEERDER)
    db = loket.db
    with db.transaction():
        for cid in (survivor_id, merged_id):
            if db.scalar("SELECT 1 FROM contacts WHERE id = ?", (cid,)) is None:
                raise NotFound(f"Inwoner {cid} bestaat niet.")
        survivor = records.resolve_contact(db, survivor_id)
        merged = records.resolve_contact(db, merged_id)
        if survivor == merged:
            raise InvalidInput("Deze twee zijn al één inwoner.")
        stamp = clock.iso(loket.now())
        db.conn.execute("UPDATE contacts SET merged_into = ? WHERE id = ?", (survivor, merged))
        cur = db.conn.execute(
            "INSERT INTO contact_merges(survivor_id, merged_id, reason, merged_at, merged_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (survivor, merged, reason.strip(), stamp, loket.user),
        )
        merge_id = int(cur.lastrowid or 0)
        records.insert_event(
            db,
            None,
            stamp,
            loket.user,
            "contact_merged",
            {"merge": merge_id, "survivor": survivor, "merged": merged, "reason": reason.strip()},
            loket.device,
        )
    log.info("contact %d merged into %d (merge %d)", merged, survivor, merge_id)
    return merge_id


def unmerge(loket: Loket, merge_id: int) -> Changes:
    """Undo a merge: the merged contact stands alone again with what came in under its addresses."""
    loket.require(Role.MEDEWERKER, Role.TEAMLEIDER, Role.BEHEERDER)
    db = loket.db
    with db.transaction():
        row = db.one("SELECT * FROM contact_merges WHERE id = ?", (merge_id,))
        if row is None:
            raise NotFound(f"Samenvoeging {merge_id} bestaat niet.")
        if row["undone_at"] is not None:
            raise InvalidInput("Deze samenvoeging is al ongedaan gemaakt.")
        survivor, merged = int(row["survivor_id"]), int(row["merged_id"])
        if db.scalar("SELECT merged_into FROM contacts WHERE id = ?", (merged,)) != survivor:
            raise InvalidInput("Deze samenvoeging is later veranderd en kan zo niet terug.")
        stamp = clock.iso(loket.now())
        db.conn.execute("UPDATE contacts SET merged_into = NULL WHERE id = ?", (merged,))
        moved = _move_back(db, survivor, merged, row["merged_at"])
        db.conn.execute(
            "UPDATE contact_merges SET undone_at = ?, undone_by = ? WHERE id = ?",
            (stamp, loket.user, merge_id),
        )
        records.insert_event(
            db,
            None,
            stamp,
            loket.user,
            "contact_unmerged",
            {"merge": merge_id, "survivor": survivor, "merged": merged, "moved": len(moved)},
            loket.device,
        )
    return Changes(contacts={survivor, merged}, messages=set(moved))


def _move_back(db: Database, survivor: int, merged: int, since: str) -> list[int]:
    """Messages filed under the survivor since the merge, sent from the merged one's addresses."""
    own = {
        (r["kind"], r["value"])
        for r in db.query(
            "SELECT kind, value FROM contact_addresses WHERE contact_id IN "
            "(WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT c.id FROM contacts c JOIN m "
            "ON c.merged_into = m.id) SELECT id FROM m)",
            (merged,),
        )
    }
    moved = []
    for r in db.query(
        "SELECT id, channel, sender, case_id FROM messages WHERE contact_id = ? "
        "AND received_at >= ?",
        (survivor, since),
    ):
        try:
            address = address_for(Channel(r["channel"]), r["sender"])
        except ValueError:
            continue
        if address is not None and (address[0].value, address[1]) in own:
            db.conn.execute("UPDATE messages SET contact_id = ? WHERE id = ?", (merged, r["id"]))
            db.conn.execute(
                "UPDATE cases SET contact_id = ? "
                "WHERE id = ? AND contact_id = ? AND opened_at >= ?",
                (merged, r["case_id"], survivor, since),
            )
            moved.append(int(r["id"]))
    return moved


def mark_distinct(loket: Loket, first: int, second: int) -> None:
    """A person decided these two are different residents: stop suggesting the pair."""
    a, b = min(first, second), max(first, second)
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT OR IGNORE INTO contact_distinct(first_id, second_id, decided_at, decided_by) "
            "VALUES (?, ?, ?, ?)",
            (a, b, clock.iso(loket.now()), loket.user),
        )


def merge_history(db: Database, contact_id: int) -> list[dict[str, Any]]:
    """Every merge (and undo) that involved `contact_id` or its group, oldest first."""
    ids = members(db, contact_id)
    ids.append(contact_id)
    marks = ",".join("?" for _ in ids)
    return [
        dict(r)
        for r in db.query(
            f"SELECT * FROM contact_merges WHERE survivor_id IN ({marks}) "
            f"OR merged_id IN ({marks}) ORDER BY id",
            [*ids, *ids],
        )
    ]
