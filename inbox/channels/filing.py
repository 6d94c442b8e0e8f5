"""Filing a batch of fetched e-mail into cases with a few statements per message.

`Loket.receive` files one message with about 17 statements; a sync files hundreds at a time.
Here the batch's originals, known digests, senders and threading candidates are read once,
each message then needs only its case (opened, or the one it joins), and the messages, their
search-index rows and attachments are written with one executemany each. Everything runs in
the caller's act (one transaction), so a batch is stored whole or not at all.

Nothing blocks a batch: text that cannot be stored is made storable (`IncomingMessage.
storable`), and a message that still cannot be filed is filed again as its original bytes,
flagged (parse_error), in a case of its own; the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from inbox import acts, clock, handover
from inbox import threading as threads
from inbox.addresses import address_for
from inbox.model import AddressKind, Channel, Direction, EventKind, IncomingMessage
from storage.errors import StorageError

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

log = logging.getLogger("loket.filing")

_FILES = ThreadPoolExecutor(1, thread_name_prefix="loket-blob-files")  # fsync off the CPU path
# packing small originals (zlib, which releases the GIL) beside the filing, on the other core
_PACKING = ThreadPoolExecutor(1, thread_name_prefix="loket-pack-originals")

FLAG_PREFIX = "opslaan mislukt"  # parse_error of a message filed as its original bytes


@dataclass(frozen=True)
class Filed:
    """What became of one message of the batch."""

    message_id: int | None  # None: a duplicate (identical bytes, or the same UID)
    case_id: int | None
    new_case: bool = False
    flagged: bool = False
    internal: bool = False  # a department's reply to a hand-over (inbox/handover.py)


class _BatchLookup:
    """inbox.threading's questions, answered from what the batch read once and filed so far."""

    def __init__(self, op: Op, by_message_id: dict[str, int]) -> None:
        self.op = op
        self.by_message_id = by_message_id
        self._references: dict[str, int | None] = {}

    def case_id_by_reference(self, reference: str) -> int | None:
        if reference not in self._references:
            self._references[reference] = self.op.store.records.case_id_by_reference(reference)
        return self._references[reference]

    def case_id_by_message_ids(self, message_ids: list[str]) -> int | None:
        for mid in message_ids:
            if mid in self.by_message_id:
                return self.by_message_id[mid]
        return None

    def open_case_id_by_subject(
        self, contact_id: int, normalized_subject: str, since: datetime
    ) -> int | None:
        found = self.op.store.records.open_case_id_by_subject(
            contact_id, normalized_subject, clock.iso(since)
        )
        return None if found is None else int(found)


def file_batch(
    loket: Loket, op: Op, messages: Sequence[IncomingMessage], originals: dict[str, bytes]
) -> list[Filed]:
    """File `messages` (parsed, each naming its original in `originals` by digest) inside
    `op`; returns one Filed per message, in order. The originals are kept first: small ones in
    the database (same transaction), large ones as fsynced files before it commits."""
    with loket.op(acts.MESSAGE_RECEIVE) as receiving:  # the receive right, same transaction
        return _Batch(loket, receiving).file([m.storable() for m in messages], originals)


class _Batch:
    def __init__(self, loket: Loket, op: Op) -> None:
        self.loket = loket
        self.op = op
        self.mail = op.store.mail
        self.records = op.store.records
        self.received_at = op.stamp()
        self.contacts: dict[str, tuple[int, str]] = {}
        self.addresses: dict[tuple[Channel, str], tuple[AddressKind, str] | None] = {}
        # departments by address, read once; whether any hand-over can be replied to
        self.departments = op.store.departments.emails()
        self.hand_overs = op.store.departments.any_hand_over()

    def file(self, messages: list[IncomingMessage], originals: dict[str, bytes]) -> list[Filed]:
        known = self.mail.known_digests([m.raw_sha256 for m in messages if m.raw_sha256])
        # the originals first: small ones in this transaction (packed on a thread while the
        # rows are prepared); large ones and attachments are files, written and fsynced on a
        # thread meanwhile; both are waited for before any row naming them is written
        blobs = self.loket.blobs
        files = blobs.large(originals) + [
            a.data for m in messages if m.raw_sha256 not in known for a in m.attachments
        ]
        writing = _FILES.submit(blobs.put_many, files) if files else None
        packing = _PACKING.submit(blobs.packed_small, originals)
        self._read_senders(messages)
        lookup = _BatchLookup(self.op, self.mail.cases_by_message_ids(
            [mid for m in messages for mid in (m.in_reply_to, *m.references) if mid]
        ))
        out: list[Filed] = []
        rows: list[tuple[IncomingMessage, dict[str, Any], str, bool]] = []
        seen: set[str] = set()
        for msg in messages:
            digest = msg.raw_sha256 or ""
            if digest and (digest in known or digest in seen):
                self._seen_again(msg, known.get(digest))
                out.append(Filed(None, None))
                continue
            seen.add(digest)
            placed = self._place(msg, lookup, originals.get(digest, b""))
            rows.append(placed)
            msg = placed[0]
            out.append(Filed(0, placed[1]["case_id"], placed[3], msg.parse_error is not None,
                             msg.internal))
            if msg.message_id:
                lookup.by_message_id[msg.message_id] = placed[1]["case_id"]
        blobs.put_inline(packing.result())  # in this transaction, before the rows
        if writing is not None:
            writing.result()  # durable before the rows (and long before the commit)
        ids = self._insert(rows)
        it = iter(ids)
        filed = [f if f.message_id is None else replace(f, message_id=next(it)) for f in out]
        self._announce(rows, ids)
        return filed

    # -- before the rows --------------------------------------------------------------------

    def _address(self, msg: IncomingMessage) -> tuple[AddressKind, str] | None:
        """The sender's address (parsed once per sender and batch)."""
        key = (msg.channel, msg.sender)
        if key not in self.addresses:
            self.addresses[key] = address_for(msg.channel, msg.sender)
        return self.addresses[key]

    def _read_senders(self, messages: list[IncomingMessage]) -> None:
        wanted: dict[str, list[str]] = {}
        for msg in messages:
            address = self._address(msg)
            if address is not None and msg.direction is Direction.INBOUND:
                wanted.setdefault(address[0].value, []).append(address[1])
        for kind, values in wanted.items():
            for value, row in self.mail.contacts_by_address(kind, values).items():
                contact_id, name = int(row["id"]), str(row["name"])
                if row["merged_into"] is not None:
                    contact_id = self.records.resolve_contact(contact_id)
                    name = self.records.contact_name(contact_id)
                self.contacts[f"{kind}:{value}"] = (contact_id, name)

    def _seen_again(self, msg: IncomingMessage, message_id: int | None) -> None:
        """The same bytes again (a folder rebuilt under a new UIDVALIDITY): where they are now."""
        if message_id is None or msg.account_id is None or msg.imap_uid is None:
            return
        self.mail.relocate(message_id, msg.account_id, msg.imap_folder or "",
                           msg.imap_uidvalidity or 0, msg.imap_uid)

    # -- one message --------------------------------------------------------------------------

    def _place(
        self, msg: IncomingMessage, lookup: _BatchLookup, raw: bytes
    ) -> tuple[IncomingMessage, dict[str, Any], str, bool]:
        """Its contact and case (opened or joined); (message, row, contact name, new case)."""
        try:
            with self.mail.attempt():
                return self._place_once(msg, lookup)
        except StorageError:
            raise  # disk full, locked: the batch stops and is fetched again
        except Exception as exc:  # noqa: BLE001 - one message never blocks the batch
            log.warning("message %s filed as its original: %s",
                        (msg.raw_sha256 or "")[:12], type(exc).__name__)
            flagged = as_original(msg, raw, f"{FLAG_PREFIX}: {type(exc).__name__}")
            with self.mail.attempt():
                return self._place_once(flagged, _BatchLookup(self.op, {}))

    def _place_once(
        self, msg: IncomingMessage, lookup: _BatchLookup
    ) -> tuple[IncomingMessage, dict[str, Any], str, bool]:
        from inbox.services import message_values

        loket, op = self.loket, self.op
        department, match = handover.reply_case(op, msg, lookup, self.departments,
                                                threads_too=self.hand_overs)
        if department is not None:  # a department's reply to a hand-over: internal
            msg = replace(msg, internal=True)
            contact_id, contact_name = None, ""
        else:
            contact_id, contact_name = self._contact(msg)
            match = threads.case_for(
                lookup,
                subject=msg.subject,
                in_reply_to=msg.in_reply_to,
                references=msg.references,
                contact_id=contact_id,
                sent_at=msg.sent_at,
            )
        stamp = clock.iso(msg.sent_at)
        if match.case_id is None:
            case_id = loket._open_case(op, msg, contact_id, stamp)
        else:
            case_id = match.case_id
            loket._message_joined_case(op, case_id, msg, stamp)
        values = message_values(msg, case_id, contact_id, self.received_at, None)
        values["rule"] = match.rule
        values["phone_terms"] = msg.phone_terms  # not a column: the index row's numbers
        values["department"] = department  # not a column: reported back after the insert
        return msg, values, contact_name, match.case_id is None

    def _contact(self, msg: IncomingMessage) -> tuple[int | None, str]:
        if msg.direction is not Direction.INBOUND:
            return None, ""
        address = self._address(msg)
        if address is None:
            if not msg.sender_name:
                return None, ""
            return int(self.records.insert_contact(msg.sender_name, self.op.stamp())), \
                msg.sender_name
        key = f"{address[0].value}:{address[1]}"
        found = self.contacts.get(key)
        if found is not None:
            contact_id, known = found
            if msg.sender_name and not known:
                self.records.update_contact_name(contact_id, msg.sender_name)
                self.contacts[key] = found = (contact_id, msg.sender_name)
            return found
        name = msg.sender_name or address[1]
        contact_id = int(self.records.insert_contact(name, self.op.stamp()))
        self.records.add_address(contact_id, address[0].value, address[1], self.op.stamp())
        self.contacts[key] = (contact_id, name)
        return contact_id, name

    # -- the rows, in bulk ------------------------------------------------------------------

    def _insert(self, rows: list[tuple[IncomingMessage, dict[str, Any], str, bool]]) -> list[int]:
        if not rows:
            return []
        ids = [int(i) for i in self.records.insert_messages(
            [values for _, values, _, _ in rows], [name for _, _, name, _ in rows]
        )]
        found = [(message_id, a) for (msg, _, _, _), message_id in zip(rows, ids, strict=True)
                 for a in msg.attachments]
        # written above (a no-op now, but a message filed again as its original has none)
        digests = self.loket.blobs.put_many([a.data for _, a in found])
        attachments = [
            (message_id, a.filename, a.content_type, len(a.data), digest, a.content_id,
             int(a.inline))
            for (message_id, a), digest in zip(found, digests, strict=True)
        ]
        if attachments:
            self.mail.insert_attachments(attachments)
        return ids

    def _announce(
        self, rows: list[tuple[IncomingMessage, dict[str, Any], str, bool]], ids: list[int]
    ) -> None:
        for (msg, values, _, new_case), message_id in zip(rows, ids, strict=True):
            self.op.event(
                EventKind.MESSAGE_ADDED,
                {"message": message_id, "channel": msg.channel.value, "rule": values["rule"]},
                int(values["case_id"]),
            )
            self.op.changes.messages.add(message_id)
            self.op.changes.created_case = self.op.changes.created_case or new_case
            if values["department"] is not None:
                handover.reported_back(self.op, int(values["case_id"]), values["department"],
                                       message_id, values["sent_at"])


def as_original(msg: IncomingMessage, raw: bytes, reason: str) -> IncomingMessage:
    """`msg` reduced to its original bytes, flagged: what is kept of a message that cannot be
    filed normally (shown with a placeholder subject and its raw text, in a case of its own)."""
    text = raw[:200_000].decode("utf-8", errors="replace") if raw else msg.body_text
    return IncomingMessage(
        channel=msg.channel,
        direction=msg.direction,
        sent_at=msg.sent_at,
        subject="(onleesbaar bericht)",
        body_text=text,
        raw_sha256=msg.raw_sha256,
        parse_error=reason,
        account_id=msg.account_id,
        imap_folder=msg.imap_folder,
        imap_uidvalidity=msg.imap_uidvalidity,
        imap_uid=msg.imap_uid,
    ).storable()
