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

from inbox import acts
from inbox.addresses import address_for, normalize_email, normalize_phone
from inbox.errors import InvalidInput, NotFound
from inbox.gate import Op, Session
from inbox.model import AddressKind, Changes, Channel, EventKind
from inbox.services import Loket

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


def find_contact(loket: Loket, value: str) -> int | None:
    """The (surviving) contact known by `value`: an e-mail address, phone number or handle."""
    with loket.op(acts.CONTACT_FIND) as op:
        return find_in(op.session, value)


def find_in(session: Session, value: str) -> int | None:
    """`find_contact` for an act already running (it names the resident it then reads)."""
    records = session.store.records
    for kind in (AddressKind.EMAIL, AddressKind.PHONE, AddressKind.MASTODON):
        normal = normalize_address(kind, value)
        if normal:
            found = records.contact_by_address(kind.value, normal)
            if found is not None:
                return found
    return records.contact_by_any_value(value.strip().lower())


# -- one resident: everything of a contact ----------------------------------------------------


def members(op: Op, contact_id: int) -> list[int]:
    """The surviving contact of `contact_id` and every contact merged into it, transitively."""
    return op.store.contacts.members(contact_id)


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
    """One resident: names, every address, every case and every message from every channel
    (vertrouwelijk cases of colleagues left out), and the merges the resident took part in."""

    id: int
    name: str
    merged: tuple[int, ...]
    addresses: tuple[tuple[str, str], ...]
    cases: tuple[ContactCase, ...]
    messages: tuple[ContactMessage, ...]
    history: tuple[dict[str, Any], ...] = ()

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted({m.channel for m in self.messages}))

    def names(self) -> dict[int, str]:
        """The contacts named in the merge history, by id."""
        found: dict[int, str] = {}
        for row in self.history:
            found[int(row["survivor_id"])] = str(row.get("survivor_name") or "")
            found[int(row["merged_id"])] = str(row.get("merged_name") or "")
        return found


def overview(loket: Loket, contact_id: int) -> ContactOverview:
    """Everything Loket holds of the resident `contact_id` (or the contact it was merged into).

    Reading a resident's card is audited and logged in the processing log."""
    with loket.op(acts.CONTACT_SHOW, obj=f"inwoner:{contact_id}") as op:
        root = op.store.records.resolve_contact(contact_id)
        queries = op.store.contacts
        if not queries.exists(root):
            raise NotFound("Deze inwoner bestaat niet (meer).")
        op.about(root)
        op.obj = f"inwoner:{root}"
        ids = queries.group(root)
        visible = loket.visibility()
        cases = tuple(
            ContactCase(r["reference"], r["subject"], r["status"], r["channel"],
                        r["opened_at"], r["last_message_at"])
            for r in queries.cases(ids, visible)
        )
        messages = tuple(
            ContactMessage(int(r["id"]), r["reference"], r["channel"], r["direction"],
                           r["sent_at"], r["sender"], r["sender_name"], r["subject"],
                           r["body_text"])
            for r in queries.messages(ids, visible)
        )
        return ContactOverview(
            id=root,
            name=op.store.records.contact_name(root),
            merged=tuple(i for i in ids if i != root),
            addresses=tuple(queries.addresses(ids)),
            cases=cases,
            messages=messages,
            history=tuple(queries.merge_history([*ids, contact_id])),
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


def suggest_merges(
    loket: Loket, limit: int = 100, around: set[int] | None = None
) -> list[MergeSuggestion]:
    """Pairs of contacts that are probably one resident, best first; never on a name alone.
    With `around`, only pairs with one of those contacts in them."""
    with loket.op(acts.CONTACT_SUGGESTIONS) as op:
        found = _suggestions(op, around)[:limit]
        op.details = {"voorstellen": len(found)}
        return found


def _suggestions(op: Op, around: set[int] | None) -> list[MergeSuggestion]:
    records, queries = op.store.records, op.store.contacts
    owner: dict[tuple[str, str], int] = {}
    variants: dict[str, set[int]] = {}
    for r in queries.all_addresses():
        cid = records.resolve_contact(int(r["contact_id"]))
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
    for r in queries.inbound_texts():
        text = r["body_text"]
        author = records.resolve_contact(int(r["contact_id"]))
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
    distinct = queries.distinct_pairs()
    out = []
    for (a, b), why in reasons.items():
        if (a, b) in distinct or (around is not None and not {a, b} & around):
            continue
        name_a, name_b = records.contact_name(a), records.contact_name(b)
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
    return out


# -- merging ----------------------------------------------------------------------------------


def merge(loket: Loket, survivor_id: int, merged_id: int, reason: str = "") -> int:
    """Make `merged_id` part of `survivor_id`; returns the merge's id for undoing it."""
    with loket.op(acts.CONTACT_MERGE, obj=f"inwoner:{merged_id}") as op:
        records, queries = op.store.records, op.store.contacts
        for cid in (survivor_id, merged_id):
            if not queries.exists(cid):
                raise NotFound(f"Inwoner {cid} bestaat niet.")
        survivor = records.resolve_contact(survivor_id)
        merged = records.resolve_contact(merged_id)
        if survivor == merged:
            raise InvalidInput("Deze twee zijn al één inwoner.")
        op.about(survivor)
        op.about(merged)
        queries.set_merged_into(merged, survivor)
        merge_id = queries.insert_merge(survivor, merged, reason.strip(), op.stamp(), loket.user)
        op.event(
            EventKind.CONTACT_MERGED,
            {"merge": merge_id, "survivor": survivor, "merged": merged, "reason": reason.strip()},
        )
        op.changes.contacts.update({survivor, merged})
        op.changed("contacts")
    log.info("contact %d merged into %d (merge %d)", merged, survivor, merge_id)
    return merge_id


def unmerge(loket: Loket, merge_id: int) -> Changes:
    """Undo a merge: the merged contact stands alone again with what came in under its addresses."""
    with loket.op(acts.CONTACT_UNMERGE, obj=f"samenvoeging:{merge_id}") as op:
        queries = op.store.contacts
        row = queries.merge_row(merge_id)
        if row is None:
            raise NotFound(f"Samenvoeging {merge_id} bestaat niet.")
        if row["undone_at"] is not None:
            raise InvalidInput("Deze samenvoeging is al ongedaan gemaakt.")
        survivor, merged = int(row["survivor_id"]), int(row["merged_id"])
        if queries.merged_into(merged) != survivor:
            raise InvalidInput("Deze samenvoeging is later veranderd en kan zo niet terug.")
        op.about(survivor)
        op.about(merged)
        queries.set_merged_into(merged, None)
        moved = _move_back(op, survivor, merged, row["merged_at"])
        queries.merge_undone(merge_id, op.stamp(), loket.user)
        op.event(
            EventKind.CONTACT_UNMERGED,
            {"merge": merge_id, "survivor": survivor, "merged": merged, "moved": len(moved)},
        )
        op.changes.contacts.update({survivor, merged})
        op.changes.messages.update(moved)
        op.changed("contacts")
    return op.changes


def _move_back(op: Op, survivor: int, merged: int, since: str) -> list[int]:
    """Messages filed under the survivor since the merge, sent from the merged one's addresses."""
    queries = op.store.contacts
    own = queries.group_addresses(merged)
    moved = []
    for r in queries.messages_received_since(survivor, since):
        try:
            address = address_for(Channel(r["channel"]), r["sender"])
        except ValueError:
            continue
        if address is not None and (address[0].value, address[1]) in own:
            queries.give_message_back(int(r["id"]), r["case_id"], survivor, merged, since)
            moved.append(int(r["id"]))
    return moved


def mark_distinct(loket: Loket, first: int, second: int) -> Changes:
    """A person decided these two are different residents: stop suggesting the pair."""
    if first == second:
        raise InvalidInput("Kies twee verschillende inwoners.")
    a, b = min(first, second), max(first, second)
    with loket.op(acts.CONTACT_DISTINCT, obj=f"inwoners:{a},{b}") as op:
        for cid in (a, b):
            if not op.store.contacts.exists(cid):
                raise NotFound(f"Inwoner {cid} bestaat niet.")
            op.about(cid)
        op.store.contacts.mark_distinct(a, b, op.stamp(), loket.user)
        op.changed("contacts")
    return op.changes
