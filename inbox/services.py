"""The use cases the UI and the CLI call. Each writes in one transaction and records an event."""

from __future__ import annotations

import json
import logging
import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from inbox import clock
from inbox import threading as threads
from inbox.addresses import address_for, normalize_phone
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.model import (
    CaseDetail,
    CaseSummary,
    Changes,
    Channel,
    Direction,
    EventKind,
    IncomingMessage,
    Role,
    SearchHit,
    Status,
    TimelineEntry,
)
from inbox.privacy import audit
from inbox.privacy.roles import REFUSALS, Permission, allowed
from storage import queries, records
from storage.blobs import BlobStore
from storage.db import Database, connect
from storage.paths import blob_dir_for
from storage.queries import CaseQuery  # re-exported for desktop/ and the CLI

__all__ = ["CaseQuery", "Loket", "Received", "SYSTEM_USER"]

log = logging.getLogger("loket.services")

SYSTEM_USER = "systeem"


@dataclass(frozen=True)
class Received:
    """The outcome of handing one message to Loket."""

    message_id: int | None
    case_id: int | None
    reference: str | None
    duplicate: bool
    new_case: bool
    rule: str = ""


class _Lookup:
    """Adapter giving inbox.threading read access to storage."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def case_id_by_reference(self, reference: str) -> int | None:
        return records.case_id_by_reference(self.db, reference)

    def case_id_by_message_ids(self, message_ids: list[str]) -> int | None:
        return records.case_id_by_message_ids(self.db, message_ids)

    def open_case_id_by_subject(
        self, contact_id: int, normalized_subject: str, since: datetime
    ) -> int | None:
        return records.open_case_id_by_subject(
            self.db, contact_id, normalized_subject, clock.iso(since)
        )


class Loket:
    """One open installation acting as one user: the single door into the domain."""

    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        user: str = SYSTEM_USER,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self.db = db
        self.blobs = blobs
        self.user = user
        self.now = now
        self.device = platform.node()

    @classmethod
    def open(cls, path: Path | str, user: str = SYSTEM_USER) -> Loket:
        """Open the database at `path`; a new one is encrypted with a key kept in the keyring."""
        from inbox.privacy import keys

        path = Path(path)
        key = keys.unlock(path)
        return cls(connect(path, key), BlobStore(blob_dir_for(path), key), user=user)

    def close(self) -> None:
        self.db.close()

    # -- users ---------------------------------------------------------------------------

    def ensure_user(self, name: str, display_name: str, role: Role) -> int:
        self.check(Permission.MANAGE)
        with self.db.transaction():
            return records.insert_user(self.db, name, display_name, role.value, self._stamp())

    def users(self) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self.db.query(
                "SELECT name, display_name, role FROM users WHERE active = 1 ORDER BY display_name"
            )
        ]

    def _actor_id(self) -> int | None:
        return records.user_id(self.db, self.user)

    def role(self) -> Role | None:
        """The acting user's role; None for the system user and unknown names."""
        value = self.db.scalar("SELECT role FROM users WHERE name = ? AND active = 1", (self.user,))
        return Role(value) if value else None

    def may(self, permission: Permission) -> bool:
        return self.user == SYSTEM_USER or allowed(self.role(), permission)

    def check(self, permission: Permission) -> None:
        """Refuse unless the acting user's role grants `permission` (the system user may)."""
        if not self.may(permission):
            self._audit("weigering", permission.value, result="geweigerd")
            raise PermissionDenied(REFUSALS[permission])

    def require(self, *roles: Role) -> None:
        """Refuse unless the acting user has one of `roles` (the system user may do anything)."""
        if self.user == SYSTEM_USER:
            return
        if self.role() not in roles:
            names = " of ".join(r.value for r in roles)
            raise PermissionDenied(f"Dit mag alleen een {names}.")

    def sign_in_hint(self) -> str | None:
        """A line for the sign-in dialog; only a demo database has one (its users)."""
        value = self.db.scalar("SELECT value FROM settings WHERE key = 'sign_in_hint'")
        return None if value is None else str(value)

    def needs_sign_in(self) -> bool:
        """Once any user has a password, nobody works in this database unnamed."""
        return bool(self.db.scalar("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1"))

    def set_password(self, name: str, password: str) -> None:
        from inbox.privacy import auth

        if name != self.user:
            self.check(Permission.MANAGE)
        if len(password) < auth.MIN_LENGTH:
            raise InvalidInput(f"Een wachtwoord heeft minstens {auth.MIN_LENGTH} tekens.")
        with self.db.transaction():
            cur = self.db.conn.execute(
                "UPDATE users SET password_hash = ? WHERE name = ? AND active = 1",
                (auth.hash_password(password), name),
            )
            if cur.rowcount == 0:
                raise NotFound(f"Medewerker '{name}' bestaat niet.")
            self._audit("wachtwoord instellen", f"gebruiker:{name}")

    def sign_in(self, name: str, password: str) -> None:
        """Check the password and act as `name` from now on; failures are audited too."""
        from inbox.privacy import auth

        row = self.db.one("SELECT password_hash FROM users WHERE name = ? AND active = 1", (name,))
        if row is None or not auth.check_password(row["password_hash"], password):
            audit.record(
                self.db,
                at=self._stamp(),
                actor=name,
                action="aanmelden",
                obj=f"gebruiker:{name}",
                result="mislukt",
            )
            raise PermissionDenied("Gebruikersnaam of wachtwoord klopt niet.")
        self.user = name
        self._audit("aanmelden", f"gebruiker:{name}")

    # -- receiving ----------------------------------------------------------------------

    def store_original(self, raw: bytes) -> str:
        """Keep the original bytes durably before anything tries to parse them."""
        return self.blobs.put(raw)

    def store_originals(self, raws: list[bytes]) -> list[str]:
        """Keep a batch of originals durably (one flush to disk) before any is parsed."""
        return self.blobs.put_many(raws)

    def is_duplicate(self, raw_sha256: str) -> bool:
        return records.message_exists(self.db, raw_sha256) is not None

    def receive(self, msg: IncomingMessage) -> Received:
        """File an incoming (or sent) message into its case, opening one when none fits."""
        self.check(Permission.WORK_CASES)
        attachment_rows = [
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "size": len(a.data),
                "sha256": self.blobs.put(a.data),
                "content_id": a.content_id,
                "inline": a.inline,
            }
            for a in msg.attachments
        ]
        with self.db.transaction():
            if msg.raw_sha256 and records.message_exists(self.db, msg.raw_sha256):
                return Received(None, None, None, True, False)
            if msg.account_id is not None and msg.imap_uid is not None and msg.imap_folder:
                if records.imap_message_exists(
                    self.db,
                    msg.account_id,
                    msg.imap_folder,
                    msg.imap_uidvalidity or 0,
                    msg.imap_uid,
                ):
                    return Received(None, None, None, True, False)
            stamp = clock.iso(msg.sent_at)
            contact_id, contact_name = None, ""
            if msg.direction is Direction.INBOUND:
                contact_id, contact_name = self._contact_for(
                    msg.channel, msg.sender, msg.sender_name
                )
            match = threads.case_for(
                _Lookup(self.db),
                subject=msg.subject,
                in_reply_to=msg.in_reply_to,
                references=msg.references,
                contact_id=contact_id,
                sent_at=msg.sent_at,
            )
            new_case = match.case_id is None
            if match.case_id is None:
                case_id = self._open_case(msg, contact_id, stamp)
            else:
                case_id = match.case_id
            values: dict[str, Any] = {
                "case_id": case_id,
                "contact_id": contact_id,
                "channel": msg.channel.value,
                "direction": msg.direction.value,
                "account_id": msg.account_id,
                "message_id": msg.message_id,
                "in_reply_to": msg.in_reply_to,
                "references_": " ".join(msg.references) or None,
                "external_id": msg.external_id,
                "imap_folder": msg.imap_folder,
                "imap_uidvalidity": msg.imap_uidvalidity,
                "imap_uid": msg.imap_uid,
                "sent_at": stamp,
                "received_at": clock.iso(self.now()),
                "sender": msg.sender,
                "sender_name": msg.sender_name,
                "recipients": msg.recipients,
                "subject": msg.subject,
                "body_text": msg.body_text,
                "body_html": msg.body_html,
                "raw_sha256": msg.raw_sha256,
                "parse_error": msg.parse_error,
                "phone_number": msg.phone_number,
                "answer_given": msg.answer_given,
                "callback_by": msg.callback_by,
                "author_id": self._actor_id() if msg.direction is Direction.OUTBOUND else None,
            }
            message_id = records.insert_message(self.db, values, contact_name)
            for row in attachment_rows:
                records.insert_attachment(self.db, message_id, row)
            if not new_case:
                self._message_joined_case(case_id, msg, stamp)
            self._event(
                case_id,
                EventKind.MESSAGE_ADDED,
                {"message": message_id, "channel": msg.channel.value, "rule": match.rule},
            )
            reference = str(self.db.scalar("SELECT reference FROM cases WHERE id = ?", (case_id,)))
        return Received(message_id, case_id, reference, False, new_case, match.rule)

    def _contact_for(self, channel: Channel, sender: str, name: str) -> tuple[int | None, str]:
        """The resident (id, name) a sender is known as, created when new."""
        address = address_for(channel, sender)
        stamp = self._stamp()
        if address is None:
            if not name:
                return None, ""
            return records.insert_contact(self.db, name, stamp), name
        kind, value = address
        found = records.contact_with_name(self.db, kind.value, value)
        if found is not None:
            contact_id, known = found
            if name and not known:
                records.update_contact_name(self.db, contact_id, name)
                known = name
            return contact_id, known
        contact_id = records.insert_contact(self.db, name or value, stamp)
        records.add_address(self.db, contact_id, kind.value, value, stamp)
        return contact_id, name or value

    def _open_case(self, msg: IncomingMessage, contact_id: int | None, stamp: str) -> int:
        reference = records.next_reference(self.db, msg.sent_at.year)
        subject = threads.strip_reference(msg.subject) or "(geen onderwerp)"
        case_id = records.insert_case(
            self.db,
            {
                "reference": reference,
                "subject": subject[:500],
                "normalized_subject": threads.normalize_subject(msg.subject),
                "status": Status.NIEUW.value,
                "channel": msg.channel.value,
                "contact_id": contact_id,
                "opened_at": stamp,
                "updated_at": stamp,
                "last_message_at": stamp,
            },
        )
        self._event(
            case_id, EventKind.CASE_OPENED, {"reference": reference, "channel": msg.channel.value}
        )
        return case_id

    def _message_joined_case(self, case_id: int, msg: IncomingMessage, stamp: str) -> None:
        case = records.case_row(self.db, case_id)
        assert case is not None
        changes: dict[str, Any] = {"updated_at": clock.iso(self.now())}
        if stamp > case["last_message_at"]:
            changes["last_message_at"] = stamp
        if msg.direction is Direction.INBOUND:
            if case["status"] == Status.AFGEROND.value:
                changes.update(status=Status.IN_BEHANDELING.value, closed_at=None)
                self._event(case_id, EventKind.REOPENED, {"reason": "message"})
                _retention().clear_at_reopen(self, case_id)
            elif case["status"] == Status.WACHT_OP_INWONER.value:
                changes["status"] = Status.IN_BEHANDELING.value
                self._event(
                    case_id,
                    EventKind.STATUS_CHANGED,
                    {"from": case["status"], "to": changes["status"], "reason": "message"},
                )
        elif case["first_response_at"] is None:
            changes["first_response_at"] = stamp
        records.update_case(self.db, case_id, changes)

    # -- changing cases -----------------------------------------------------------------

    def _case(self, reference: str) -> Any:
        case_id = records.case_id_by_reference(self.db, reference.strip())
        if case_id is None:
            raise NotFound(f"Zaak {reference} bestaat niet.")
        row = records.case_row(self.db, case_id)
        assert row is not None
        if row["confidential"] and not self._sees_confidential(row):
            self._audit("weigering", f"zaak:{row['reference']}", result="geweigerd")
            raise PermissionDenied("Deze zaak is vertrouwelijk; alleen de behandelaar ziet haar.")
        return row

    def _in_conflict(self, case_id: int, field: str) -> bool:
        """Whether laptops of the team set `field` of this case to different values at once."""
        return bool(
            self.db.scalar(
                "SELECT 1 FROM team_conflicts tc JOIN team_cases c ON c.uid = tc.case_uid "
                "WHERE c.case_id = ? AND tc.field = ?",
                (case_id, field),
            )
        )

    def _sees_confidential(self, case: Any) -> bool:
        """Vertrouwelijk cases are for their assignee (and archive work on metadata)."""
        if self.user == SYSTEM_USER:
            return True
        return case["assignee_id"] is not None and case["assignee_id"] == self._actor_id()

    def _visibility(self) -> int | None:
        """For case queries: None (all cases) or the user id whose confidential cases show."""
        if self.user == SYSTEM_USER:
            return None
        return self._actor_id() or -1

    def assign(self, reference: str, username: str | None) -> Changes:
        self.check(Permission.WORK_CASES)
        with self.db.transaction():
            case = self._case(reference)
            assignee_id = None
            if username:
                assignee_id = records.user_id(self.db, username)
                if assignee_id is None:
                    raise NotFound(f"Medewerker '{username}' bestaat niet.")
            if case["assignee_id"] == assignee_id and not self._in_conflict(case["id"], "assignee"):
                return Changes()  # (choosing the same value again does resolve a team conflict)
            values: dict[str, Any] = {"assignee_id": assignee_id, "updated_at": self._stamp()}
            if case["status"] == Status.NIEUW.value and assignee_id is not None:
                values["status"] = Status.IN_BEHANDELING.value
            records.update_case(self.db, case["id"], values)
            self._event(case["id"], EventKind.ASSIGNED, {"to": username})
            if "status" in values:
                self._event(
                    case["id"],
                    EventKind.STATUS_CHANGED,
                    {"from": case["status"], "to": values["status"]},
                )
        return Changes(cases={case["id"]})

    def set_status(self, reference: str, status: Status | str) -> Changes:
        self.check(Permission.WORK_CASES)
        status = _status(status)
        if status is Status.AFGEROND:
            return self.close_case(reference, outcome="", first_contact_resolution=False)
        with self.db.transaction():
            case = self._case(reference)
            if case["status"] == status.value and not self._in_conflict(case["id"], "status"):
                return Changes()
            values: dict[str, Any] = {"status": status.value, "updated_at": self._stamp()}
            if case["status"] == Status.AFGEROND.value:
                values["closed_at"] = None
                self._event(case["id"], EventKind.REOPENED, {"reason": "status"})
                _retention().clear_at_reopen(self, case["id"])
            records.update_case(self.db, case["id"], values)
            self._event(
                case["id"], EventKind.STATUS_CHANGED, {"from": case["status"], "to": status.value}
            )
        return Changes(cases={case["id"]})

    def close_case(self, reference: str, outcome: str, first_contact_resolution: bool) -> Changes:
        """Afronden with an outcome and whether it was handled in one go ("in één keer")."""
        self.check(Permission.WORK_CASES)
        with self.db.transaction():
            case = self._case(reference)
            stamp = self._stamp()
            records.update_case(
                self.db,
                case["id"],
                {
                    "status": Status.AFGEROND.value,
                    "outcome": outcome.strip() or None,
                    "first_contact_resolution": int(first_contact_resolution),
                    "closed_at": stamp,
                    "updated_at": stamp,
                },
            )
            _retention().fix_at_close(self, case["id"], stamp)
            self._event(
                case["id"],
                EventKind.CLOSED,
                {
                    "outcome": outcome.strip(),
                    "first_contact_resolution": first_contact_resolution,
                    "from": case["status"],
                },
            )
        return Changes(cases={case["id"]})

    def add_note(self, reference: str, text: str) -> Changes:
        self.check(Permission.WORK_CASES)
        text = text.strip()
        if not text:
            raise InvalidInput("Een notitie mag niet leeg zijn.")
        with self.db.transaction():
            case = self._case(reference)
            stamp = self._stamp()
            contact = records.contact_name(self.db, case["contact_id"])
            note_id = records.insert_note(
                self.db, case["id"], self._actor_id(), stamp, text, contact
            )
            records.update_case(self.db, case["id"], {"updated_at": stamp})
            self._event(case["id"], EventKind.NOTE_ADDED, {"note": note_id})
        return Changes(cases={case["id"]})

    def log_contact(
        self,
        channel: Channel,
        *,
        name: str,
        question: str,
        answer: str = "",
        phone_number: str = "",
        subject: str = "",
        resolved: bool = False,
        callback_by: str | None = None,
        case_reference: str | None = None,
        at: datetime | None = None,
    ) -> Received:
        """A phone call or counter visit, as a message in a (new or given) case."""
        self.check(Permission.WORK_CASES)
        if channel not in (Channel.PHONE, Channel.COUNTER):
            raise InvalidInput("Alleen telefoon of balie kan zo worden vastgelegd.")
        if not question.strip():
            raise InvalidInput("Vul in wat de inwoner vroeg.")
        e164 = None
        if phone_number.strip():
            e164 = normalize_phone(phone_number)
            if e164 is None:
                raise InvalidInput(f"'{phone_number}' is geen geldig telefoonnummer.")
        moment = at or self.now()
        subject = subject.strip() or question.strip().splitlines()[0][:80]
        if case_reference:
            subject = f"[{case_reference.strip().upper()}] {subject}"
        body = question.strip()
        if answer.strip():
            body += "\n\nAntwoord: " + answer.strip()
        msg = IncomingMessage(
            channel=channel,
            sent_at=moment,
            sender=e164 or "",
            sender_name=name.strip(),
            subject=subject,
            body_text=body,
            phone_number=e164,
            answer_given=answer.strip() or None,
            callback_by=callback_by,
        )
        if case_reference and records.case_id_by_reference(self.db, case_reference) is None:
            raise NotFound(f"Zaak {case_reference} bestaat niet.")
        received = self.receive(msg)
        assert received.reference is not None
        with self.db.transaction():
            self._event(
                received.case_id,
                EventKind.CONTACT_LOGGED,
                {
                    "channel": channel.value,
                    "message": received.message_id,
                    "resolved": resolved,
                    "callback_by": callback_by,
                },
            )
            case = records.case_row(self.db, received.case_id or 0)
            if answer.strip() and case is not None and case["first_response_at"] is None:
                # an answer given on the phone or at the counter is the first response
                records.update_case(
                    self.db, int(case["id"]), {"first_response_at": clock.iso(moment)}
                )
        if resolved:
            self.close_case(
                received.reference, outcome=answer.strip(), first_contact_resolution=True
            )
        return received

    # -- reading ------------------------------------------------------------------------

    def user_id(self, name: str) -> int | None:
        return records.user_id(self.db, name)

    def case_ids(self, query: CaseQuery, limit: int = -1, offset: int = 0) -> list[int]:
        """Ids of the cases `query` selects, in its order; a page when `limit` is given."""
        self.check(Permission.LIST_CASES)
        if query.text:
            self.check(Permission.READ_CONTENT)
        return queries.case_ids(self.db, self._scoped(query), limit, offset)

    def count_cases(self, query: CaseQuery) -> int:
        self.check(Permission.LIST_CASES)
        return queries.count_cases(self.db, self._scoped(query))

    def _scoped(self, query: CaseQuery) -> CaseQuery:
        from dataclasses import replace

        return replace(query, visible_to=self._visibility())

    def case_summaries(self, ids: Sequence[int]) -> list[CaseSummary]:
        self.check(Permission.LIST_CASES)
        return [_summary(r) for r in queries.case_rows(self.db, ids, self._visibility())]

    def case_detail(self, reference: str) -> CaseDetail:
        self.check(Permission.READ_CONTENT)
        case = self._case(reference)
        self._audit("bekijken", f"zaak:{case['reference']}", subject=case["contact_id"])
        from inbox.privacy import processing_log

        processing_log.record(
            self,
            "klantcontact",
            "read",
            subject=case["contact_id"],
            obj=f"zaak:{case['reference']}",
        )
        summary = _summary(queries.case_rows(self.db, [case["id"]])[0])
        entries: list[TimelineEntry] = []
        for m in queries.case_messages(self.db, case["id"]):
            who = m["sender_name"] or m["sender"] or ""
            if m["direction"] == Direction.OUTBOUND.value:
                who = m["author"] or "Gemeente"
            entries.append(
                TimelineEntry(
                    kind="message",
                    at=m["sent_at"],
                    title=m["subject"] or "",
                    text=m["body_text"] or "",
                    channel=Channel(m["channel"]),
                    direction=Direction(m["direction"]),
                    author=who,
                    ref_id=int(m["id"]),
                    flagged=m["parse_error"] is not None,
                )
            )
        for n in queries.case_notes(self.db, case["id"]):
            entries.append(
                TimelineEntry(
                    "note",
                    n["created_at"],
                    "Interne notitie",
                    n["text"],
                    author=n["author"] or "",
                    ref_id=int(n["id"]),
                )
            )
        for e in queries.case_events(self.db, case["id"]):
            data = json.loads(e["data"])
            text = _describe_event(e["kind"], data)
            if text:
                author = e["actor"]
                if data.get("team") and data.get("device_name"):
                    author += f" (op {data['device_name']})"  # done on another laptop
                entries.append(
                    TimelineEntry("event", e["at"], text, "", author=author, ref_id=int(e["id"]))
                )
        entries.sort(key=lambda t: (t.at, {"message": 0, "note": 1, "event": 2}[t.kind], t.ref_id))
        addresses: tuple[tuple[str, str], ...] = ()
        if case["contact_id"] is not None:
            addresses = tuple(
                (r["kind"], r["value"])
                for r in queries.contact_addresses(self.db, case["contact_id"])
            )
        fcr = case["first_contact_resolution"]
        return CaseDetail(
            summary=summary,
            contact_addresses=addresses,
            timeline=tuple(entries),
            outcome=case["outcome"],
            first_contact_resolution=None if fcr is None else bool(fcr),
            closed_at=case["closed_at"],
        )

    def messages(
        self, case_reference: str | None = None, contact_address: str | None = None
    ) -> list[dict[str, Any]]:
        self.check(Permission.READ_CONTENT)
        case_id = None
        contact_id = None
        if case_reference:
            case_id = int(self._case(case_reference)["id"])
        if contact_address:
            contact_id = self._contact_by_any_address(contact_address)
            if contact_id is None:
                raise NotFound(f"Geen inwoner met adres {contact_address}.")
        contact_ids = None
        if contact_id is not None:
            from inbox.contacts import members  # a merged resident is one resident

            contact_ids = members(self.db, contact_id)
        rows = queries.messages_list(self.db, case_id, contact_ids)
        return [
            {
                "id": r["id"],
                "case": r["reference"],
                "channel": r["channel"],
                "direction": r["direction"],
                "sent_at": r["sent_at"],
                "sender": r["sender"],
                "sender_name": r["sender_name"],
                "subject": r["subject"],
                "text": r["body_text"],
                "message_id": r["message_id"],
                "sha256": r["raw_sha256"],
                "unparsed": r["parse_error"] is not None,
            }
            for r in rows
        ]

    def _contact_by_any_address(self, value: str) -> int | None:
        for channel in (Channel.EMAIL, Channel.PHONE):
            address = address_for(channel, value)
            if address:
                found = records.contact_by_address(self.db, address[0].value, address[1])
                if found is not None:
                    return found
        row = self.db.one(
            "SELECT contact_id FROM contact_addresses WHERE value = ?", (value.strip().lower(),)
        )
        return None if row is None else records.resolve_contact(self.db, int(row[0]))

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        self.check(Permission.READ_CONTENT)
        return [
            SearchHit(
                case=r["reference"],
                message=int(r["ref_id"]) if r["kind"] == "message" else None,
                note=int(r["ref_id"]) if r["kind"] == "note" else None,
                channel=r["channel"],
                subject=r["subject"],
                snippet=r["snippet"],
            )
            for r in queries.search(self.db, text, limit, self._visibility())
        ]

    def stats(self, date_from: str | None = None, date_to: str | None = None) -> dict[str, Any]:
        self.check(Permission.VIEW_STATS)
        from inbox.archive.destruction import destroyed_counts

        live = queries.stats(self.db, date_from, date_to)
        # destroyed records leave anonymous counts behind, so history stays right
        for key, value in destroyed_counts(self.db, date_from, date_to).items():
            if isinstance(value, dict):
                combined = dict(live.get(key, {}))
                for k, n in value.items():
                    combined[k] = combined.get(k, 0) + n
                live[key] = dict(sorted(combined.items()))
            else:
                live[key] = live.get(key, 0) + value
        from inbox import reports  # the dashboard's figures: stats --json and the UI agree

        return reports.extend(self, live, date_from, date_to)

    def original_bytes(self, message_id: int) -> bytes | None:
        self.check(Permission.READ_CONTENT)
        digest = self.db.scalar("SELECT raw_sha256 FROM messages WHERE id = ?", (message_id,))
        return None if digest is None else self.blobs.get(str(digest))

    # -- helpers ------------------------------------------------------------------------

    def _stamp(self) -> str:
        return clock.iso(self.now())

    def audit(
        self, action: str, obj: str, *, result: str = "ok", subject: int | None = None
    ) -> None:
        """Append to the audit trail as the acting user (exports, archive steps, views)."""
        audit.record(
            self.db,
            at=self._stamp(),
            actor=self.user,
            action=action,
            obj=obj,
            result=result,
            subject_contact_id=subject,
        )

    _audit = audit

    def _event(self, case_id: int | None, kind: EventKind, data: dict[str, Any]) -> None:
        from inbox.teamsync.outgoing import on_event

        on_event(self, case_id, kind.value, data)  # team sync: what other laptops must reapply
        records.insert_event(
            self.db, case_id, self._stamp(), self.user, kind.value, data, self.device
        )
        if kind not in _ARRIVALS and self.user != SYSTEM_USER:
            from inbox.privacy import processing_log

            case = self.db.one("SELECT reference, contact_id FROM cases WHERE id = ?", (case_id,))
            reference, contact = (case["reference"], case["contact_id"]) if case else (None, None)
            self._audit(f"wijzigen:{kind.value}", f"zaak:{reference}")
            processing_log.record(  # Logboek dataverwerkingen: a change to a resident's case
                self,
                "klantcontact",
                "create" if kind in _CREATIONS else "update",
                subject=contact,
                obj=f"zaak:{reference}",
            )


# Mail arriving is not something a person did; every other event is audited.
_ARRIVALS = frozenset({EventKind.MESSAGE_ADDED, EventKind.CASE_OPENED})
_CREATIONS = frozenset({EventKind.NOTE_ADDED, EventKind.CONTACT_LOGGED})


def _retention() -> Any:
    """inbox.archive.retention, imported when a case is first closed or reopened."""
    from inbox.archive import retention

    return retention


def _status(value: Status | str) -> Status:
    try:
        return value if isinstance(value, Status) else Status(value)
    except ValueError:
        codes = ", ".join(s.value for s in Status)
        raise InvalidInput(f"Onbekende status '{value}'. Kies uit: {codes}.") from None


def _summary(r: Any) -> CaseSummary:
    return CaseSummary(
        id=int(r["id"]),
        reference=r["reference"],
        subject=r["subject"],
        status=Status(r["status"]),
        channel=Channel(r["channel"]),
        contact=r["contact"] or (r["contact_address"] or ""),
        assignee=r["assignee"],
        last_message_at=r["last_message_at"],
        opened_at=r["opened_at"],
        messages=int(r["messages"]),
        channels=tuple(sorted((r["channels"] or "").split(","))) if r["channels"] else (),
        notes=int(r["notes"]),
        product=r["product"],
        deadline=r["deadline"],
    )


def _describe_event(kind: str, data: dict[str, Any]) -> str:
    if kind == EventKind.CASE_OPENED.value:
        return "Zaak geopend"
    if kind == EventKind.ASSIGNED.value:
        return f"Toegewezen aan {data['to']}" if data.get("to") else "Toewijzing verwijderd"
    if kind == EventKind.STATUS_CHANGED.value:
        to = data.get("to", "")
        label = Status(to).label if to in {s.value for s in Status} else to
        return f"Status: {label}"
    if kind == EventKind.CLOSED.value:
        text = "Afgerond"
        if data.get("first_contact_resolution"):
            text += " (in één keer afgehandeld)"
        if data.get("outcome"):
            text += f": {data['outcome']}"
        return text
    if kind == EventKind.REOPENED.value:
        return "Heropend"
    if kind == EventKind.CONTACT_LOGGED.value and data.get("callback_by"):
        return f"Terugbellen vóór {data['callback_by']}"
    work = {
        "product_set": lambda d: f"Product: {d.get('to') or '-'}",
        "deadline_set": lambda d: f"Termijn: {d.get('to') or '-'}",
        "merged_into": lambda d: f"Samengevoegd met {d.get('case')}",
        "merged_from": lambda d: f"Zaak {d.get('case')} hierin samengevoegd",
        "split_from": lambda d: f"Afgesplitst van {d.get('case')}",
        "split_into": lambda d: f"Afgesplitst naar {d.get('case')}",
        "message_moved_out": lambda d: f"Bericht verplaatst naar {d.get('to')}",
        "message_moved_in": lambda d: f"Bericht verplaatst uit {d.get('from')}",
    }
    if kind in work:
        return work[kind](data)
    return ""
