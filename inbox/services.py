"""The use cases the UI and the CLI call. Each writes in one transaction and records an event."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from inbox import acts, clock
from inbox import threading as threads
from inbox.addresses import address_for, normalize_phone
from inbox.channels.registry import channel_of
from inbox.channels.registry import spec as channel_spec
from inbox.errors import InvalidInput, NotFound, member
from inbox.gate import SYSTEM_USER, CaseQuery, Op, Session
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
from inbox.privacy.roles import Permission

__all__ = ["CaseQuery", "Loket", "Received", "SYSTEM_USER"]  # CaseQuery: for desktop/, CLI

log = logging.getLogger("loket.services")


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

    def __init__(self, op: Op) -> None:
        self.records = op.store.records

    def case_id_by_reference(self, reference: str) -> int | None:
        found = self.records.case_id_by_reference(reference)
        return None if found is None else int(found)

    def case_id_by_message_ids(self, message_ids: list[str]) -> int | None:
        found = self.records.case_id_by_message_ids(message_ids)
        return None if found is None else int(found)

    def open_case_id_by_subject(
        self, contact_id: int, normalized_subject: str, since: datetime
    ) -> int | None:
        found = self.records.open_case_id_by_subject(
            contact_id, normalized_subject, clock.iso(since)
        )
        return None if found is None else int(found)


class Loket(Session):
    """One open installation acting as one person: the casework acts, through the gate."""

    # -- users ---------------------------------------------------------------------------

    def ensure_user(self, name: str, display_name: str, role: Role) -> int:
        with self.op(acts.USER_ADD, obj=f"gebruiker:{name}") as op:
            op.changed("users")
            return int(op.store.records.insert_user(name, display_name, role.value, op.stamp()))

    def users(self) -> list[dict[str, Any]]:
        return list(self.store.records.active_users())

    def user_id(self, name: str) -> int | None:
        found = self.store.records.user_id(name)
        return None if found is None else int(found)

    def sign_in_hint(self) -> str | None:
        """A line for the sign-in dialog; only a demo database has one (its users)."""
        found = self.store.records.setting("sign_in_hint")
        return None if found is None else str(found)

    def needs_sign_in(self) -> bool:
        """Once any user has a password, nobody works in this database unnamed."""
        return bool(self.store.records.any_password_set())

    def set_password(self, name: str, password: str) -> None:
        """Your own password, or (beheerder) a colleague's temporary one: inbox.identity."""
        from inbox import identity

        identity.set_password(self, name, password)

    def sign_in(self, name: str, password: str) -> None:
        """Act as `name` from now on (inbox.identity: waits, locks, audit)."""
        from inbox import identity

        identity.sign_in(self, name, password)

    # -- receiving ----------------------------------------------------------------------

    def store_original(self, raw: bytes) -> str:
        """Keep the original bytes durably before anything tries to parse them."""
        return self.blobs.put(raw)

    def store_originals(self, raws: list[bytes]) -> list[str]:
        """Keep a batch of originals durably (one flush to disk) before any is parsed."""
        return self.blobs.put_many(raws)

    def is_duplicate(self, raw_sha256: str) -> bool:
        return self.store.records.message_exists(raw_sha256) is not None

    def receive(self, msg: IncomingMessage) -> Received:
        """File an incoming (or sent) message into its case, opening one when none fits."""
        self.check(acts.MESSAGE_RECEIVE)
        msg = msg.storable()  # text that cannot be stored (lone surrogates) never blocks it
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
        with self.op(acts.MESSAGE_RECEIVE) as op:
            records = op.store.records
            if msg.raw_sha256 and records.message_exists(msg.raw_sha256):
                return Received(None, None, None, True, False)
            if msg.account_id is not None and msg.imap_uid is not None and msg.imap_folder:
                if records.imap_message_exists(
                    msg.account_id, msg.imap_folder, msg.imap_uidvalidity or 0, msg.imap_uid
                ):
                    return Received(None, None, None, True, False)
            stamp = clock.iso(msg.sent_at)
            contact_id, contact_name = None, ""
            # a department's reply to a hand-over: internal, in the case it belongs to
            department, match = _handover().reply_case(op, msg, _Lookup(op))
            if department is not None:
                msg = replace(msg, internal=True)
            elif msg.direction is Direction.INBOUND:
                contact_id, contact_name = self._contact_for(
                    op, msg.channel, msg.sender, msg.sender_name
                )
            if match is None:
                match = threads.case_for(
                    _Lookup(op),
                    subject=msg.subject,
                    in_reply_to=msg.in_reply_to,
                    references=msg.references,
                    contact_id=contact_id,
                    sent_at=msg.sent_at,
                )
            new_case = match.case_id is None
            if match.case_id is None:
                case_id = self._open_case(op, msg, contact_id, stamp)
            else:
                case_id = match.case_id
            values = message_values(
                msg, case_id, contact_id, clock.iso(self.now()),
                op.actor_id() if msg.direction is Direction.OUTBOUND else None,
            )
            message_id = int(records.insert_message(values, contact_name))
            for row in attachment_rows:
                records.insert_attachment(message_id, row)
            if not new_case:
                self._message_joined_case(op, case_id, msg, stamp)
            op.event(
                EventKind.MESSAGE_ADDED,
                {"message": message_id, "channel": msg.channel.value, "rule": match.rule},
                case_id,
            )
            if department is not None:
                _handover().reported_back(op, case_id, department, message_id, stamp)
            op.changes.messages.add(message_id)
            op.changes.created_case = new_case
            reference = str(records.case_reference(case_id))
        return Received(message_id, case_id, reference, False, new_case, match.rule)

    def _contact_for(
        self, op: Op, channel: Channel, sender: str, name: str
    ) -> tuple[int | None, str]:
        """The resident (id, name) a sender is known as, created when new."""
        records = op.store.records
        address = address_for(channel, sender)
        stamp = op.stamp()
        if address is None:
            if not name:
                return None, ""
            return int(records.insert_contact(name, stamp)), name
        kind, value = address
        found = records.contact_with_name(kind.value, value)
        if found is not None:
            contact_id, known = found
            if name and not known:
                records.update_contact_name(contact_id, name)
                known = name
            return int(contact_id), str(known)
        contact_id = int(records.insert_contact(name or value, stamp))
        records.add_address(contact_id, kind.value, value, stamp)
        return contact_id, name or value

    def _open_case(
        self, op: Op, msg: IncomingMessage, contact_id: int | None, stamp: str
    ) -> int:
        records = op.store.records
        reference = records.next_reference(msg.sent_at.year)
        subject = threads.strip_reference(msg.subject) or "(geen onderwerp)"
        case_id = int(
            records.insert_case(
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
                    "due_at": _deadlines().due_at_opening(op, msg.channel.value, stamp),
                }
            )
        )
        op.event(
            EventKind.CASE_OPENED,
            {"reference": reference, "channel": msg.channel.value},
            case_id,
        )
        if msg.direction is Direction.INBOUND and not msg.internal:
            _repeat().contacted_again(op, contact_id, msg.sent_at, reference, msg.channel.value)
        return case_id

    def _message_joined_case(
        self, op: Op, case_id: int, msg: IncomingMessage, stamp: str
    ) -> None:
        case = op.store.records.case_row(case_id)
        assert case is not None
        changes: dict[str, Any] = {"updated_at": op.stamp()}
        if stamp > case["last_message_at"]:
            changes["last_message_at"] = stamp
        if msg.internal:
            pass  # a hand-over or a department's reply (handover.py): not the resident's
        elif msg.direction is Direction.INBOUND:
            if case["status"] == Status.AFGEROND.value:  # back within 14 days: not in one go
                _repeat().contacted_again(op, case["contact_id"], msg.sent_at,
                                          str(case["reference"]), msg.channel.value)
            if case["status"] == Status.AFGEROND.value:
                changes.update(status=Status.IN_BEHANDELING.value, closed_at=None)
                op.event(EventKind.REOPENED, {"reason": "message"}, case_id)
                _retention().clear_at_reopen(op, case_id)
            elif case["status"] == Status.WACHT_OP_INWONER.value:
                changes["status"] = Status.IN_BEHANDELING.value
                op.event(
                    EventKind.STATUS_CHANGED,
                    {"from": case["status"], "to": changes["status"], "reason": "message"},
                    case_id,
                )
        elif case["first_response_at"] is None and not msg.automated:
            changes["first_response_at"] = stamp
        op.store.records.update_case(case_id, changes)

    # -- changing cases -----------------------------------------------------------------

    def _in_conflict(self, case_id: int, field: str) -> bool:
        """Whether laptops of the team set `field` of this case to different values at once."""
        return bool(self.store.records.in_team_conflict(case_id, field))

    def assign(self, reference: str, username: str | None) -> Changes:
        with self.op(acts.CASE_ASSIGN, case=reference) as op:
            case = op.case
            assignee_id = None
            if username:
                assignee_id = op.store.records.user_id(username)
                if assignee_id is None:
                    raise NotFound(f"Medewerker '{username}' bestaat niet.")
            if case["assignee_id"] == assignee_id and not self._in_conflict(case["id"], "assignee"):
                return op.changes  # (choosing the same value again does resolve a team conflict)
            values: dict[str, Any] = {"assignee_id": assignee_id, "updated_at": op.stamp()}
            if case["status"] == Status.NIEUW.value and assignee_id is not None:
                values["status"] = Status.IN_BEHANDELING.value
            op.store.records.update_case(case["id"], values)
            op.event(EventKind.ASSIGNED, {"to": username})
            if "status" in values:
                op.event(EventKind.STATUS_CHANGED, {"from": case["status"], "to": values["status"]})
        return op.changes

    def set_status(self, reference: str, status: Status | str) -> Changes:
        status = member(Status, status, "status")
        if status is Status.BIJ_VAKAFDELING:
            raise InvalidInput("Draag de zaak over aan een vakafdeling (met een vraag erbij); "
                               "dan krijgt zij deze status.")
        if status is Status.AFGEROND:
            return self.close_case(reference, outcome="", first_contact_resolution=False)
        with self.op(acts.CASE_STATUS, case=reference) as op:
            case = op.case
            if case["status"] == status.value and not self._in_conflict(case["id"], "status"):
                return op.changes
            values: dict[str, Any] = {"status": status.value, "updated_at": op.stamp()}
            if case["status"] == Status.AFGEROND.value:
                values["closed_at"] = None
                op.event(EventKind.REOPENED, {"reason": "status"})
                _retention().clear_at_reopen(op, case["id"])
            op.store.records.update_case(case["id"], values)
            op.event(EventKind.STATUS_CHANGED, {"from": case["status"], "to": status.value})
        return op.changes

    def close_case(self, reference: str, outcome: str, first_contact_resolution: bool) -> Changes:
        """Afronden with an outcome and whether it was handled in one go ("in één keer")."""
        with self.op(acts.CASE_CLOSE, case=reference) as op:
            case = op.case
            stamp = op.stamp()
            # a case handed over to a department (or asked about again) never counts as one go
            first_contact_resolution = first_contact_resolution and not case["forwarded_at"]
            op.store.records.update_case(
                case["id"],
                {
                    "status": Status.AFGEROND.value,
                    "outcome": outcome.strip() or None,
                    "first_contact_resolution": int(first_contact_resolution),
                    "closed_at": stamp,
                    "updated_at": stamp,
                },
            )
            _retention().fix_at_close(op, case["id"], stamp)
            op.event(
                EventKind.CLOSED,
                {
                    "outcome": outcome.strip(),
                    "first_contact_resolution": first_contact_resolution,
                    "from": case["status"],
                },
            )
        return op.changes

    def set_confidential(self, reference: str, on: bool, reason: str) -> Changes:
        """Vertrouwelijk: the assignee marks their own case (or lifts it); a beheerder can lift
        a colleague's marking. The reason is kept in the case's history and travels to the
        team's laptops; from then on only the assignee sees the case at all."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput("Geef een reden (die komt in de geschiedenis van de zaak).")
        mine = self._assigned_to_me(reference)
        if not on and not mine and self.may(Permission.LIFT_CONFIDENTIAL):
            act = acts.CASE_CONFIDENTIAL_LIFT
        else:
            act = acts.CASE_CONFIDENTIAL
        with self.op(act, case=reference) as op:
            if act is acts.CASE_CONFIDENTIAL and not mine:
                raise InvalidInput(
                    "Alleen de behandelaar kan een zaak vertrouwelijk maken of dat opheffen; "
                    "wijs de zaak eerst aan uzelf toe."
                )
            if bool(op.case["confidential"]) == on:
                return op.changes
            op.store.records.update_case(
                op.case_id, {"confidential": int(on), "updated_at": op.stamp()}
            )
            op.event(EventKind.CONFIDENTIAL_SET, {"on": on, "reason": reason})
        return op.changes

    def _assigned_to_me(self, reference: str) -> bool:
        case_id = self.store.records.case_id_by_reference(reference.strip().upper())
        row = None if case_id is None else self.store.records.case_row(case_id)
        me = self.actor_id()
        return row is not None and me is not None and row["assignee_id"] == me

    def add_note(self, reference: str, text: str) -> Changes:
        text = text.strip()
        if not text:
            raise InvalidInput("Een notitie mag niet leeg zijn.")
        with self.op(acts.CASE_NOTE, case=reference) as op:
            case = op.case
            stamp = op.stamp()
            records = op.store.records
            contact = records.contact_name(case["contact_id"])
            note_id = records.insert_note(case["id"], op.actor_id(), stamp, text, contact)
            records.update_case(case["id"], {"updated_at": stamp})
            op.event(EventKind.NOTE_ADDED, {"note": note_id})
        return op.changes

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
        self.check(acts.CONTACT_LOG)
        if not channel_spec(channel).noted:
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
        with self.op(acts.CONTACT_LOG, case=case_reference) as op:
            received = self.receive(msg)
            assert received.reference is not None and received.case_id is not None
            op.event(
                EventKind.CONTACT_LOGGED,
                {
                    "channel": channel.value,
                    "message": received.message_id,
                    "resolved": resolved,
                    "callback_by": callback_by,
                },
                received.case_id,
            )
            case = op.store.records.case_row(received.case_id)
            op.about(case["contact_id"] if case is not None else None)
            op.obj = f"zaak:{received.reference}"
            if answer.strip() and case is not None and case["first_response_at"] is None:
                # an answer given on the phone or at the counter is the first response
                op.store.records.update_case(
                    int(case["id"]), {"first_response_at": clock.iso(moment)}
                )
        if callback_by:
            from datetime import date

            from inbox import callbacks

            callbacks.request(self, received.reference, date.fromisoformat(callback_by),
                              number=e164)
        if resolved:
            self.close_case(
                received.reference, outcome=answer.strip(), first_contact_resolution=True
            )
        return received

    # -- reading ------------------------------------------------------------------------

    def case_ids(self, query: CaseQuery, limit: int = -1, offset: int = 0) -> list[int]:
        """Ids of the cases `query` selects, in its order; a page when `limit` is given."""
        act = acts.CASE_SEARCH if query.text else acts.CASE_LIST
        with self.op(act) as op:
            found = [int(i) for i in op.store.queries.case_ids(self._scoped(query), limit, offset)]
            if query.text:
                op.details = {"treffers": len(found)}  # that a search was done, not its words
        return found

    def count_cases(self, query: CaseQuery) -> int:
        with self.op(acts.CASE_LIST) as op:
            return int(op.store.queries.count_cases(self._scoped(query)))

    def _scoped(self, query: CaseQuery) -> CaseQuery:
        from dataclasses import replace

        return replace(query, visible_to=self.visibility())

    def case_summaries(self, ids: Sequence[int]) -> list[CaseSummary]:
        with self.op(acts.CASE_LIST) as op:
            return [_summary(r) for r in op.store.queries.case_rows(ids, self.visibility())]

    def case_detail(self, reference: str) -> CaseDetail:
        with self.op(acts.CASE_READ, case=reference) as op:
            return self._detail(op)

    def _detail(self, op: Op) -> CaseDetail:
        case = op.case
        queries = op.store.queries
        summary = _summary(queries.case_rows([case["id"]])[0])
        entries: list[TimelineEntry] = []
        for m in queries.case_messages(case["id"]):
            who = m["sender_name"] or m["sender"] or ""
            if m["direction"] == Direction.OUTBOUND.value:
                who = m["author"] or "Gemeente"
            title = m["subject"] or ""
            if m["internal"]:  # a hand-over and the department's reply
                title = ("Aan vakafdeling: " if m["direction"] == Direction.OUTBOUND.value
                         else "Van vakafdeling: ") + title
            entries.append(
                TimelineEntry(
                    kind="message",
                    at=m["sent_at"],
                    title=title,
                    text=m["body_text"] or "",
                    channel=channel_of(m["channel"]),
                    direction=Direction(m["direction"]),
                    author=who,
                    ref_id=int(m["id"]),
                    flagged=m["parse_error"] is not None,
                )
            )
        for n in queries.case_notes(case["id"]):
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
        for e in queries.case_events(case["id"]):
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
                (r["kind"], r["value"]) for r in queries.contact_addresses(case["contact_id"])
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
        """Messages of a case or of a resident (every channel, merged contacts included);
        vertrouwelijk cases of others are left out."""
        with self.op(acts.MESSAGES_LIST, case=case_reference) as op:
            case_id = op.case_id if case_reference else None
            contact_ids = None
            if contact_address:
                contact_id = self._contact_by_any_address(contact_address)
                if contact_id is None:
                    raise NotFound(f"Geen inwoner met adres {contact_address}.")
                op.about(contact_id)
                op.obj = op.obj or f"inwoner:{contact_id}"
                from inbox.contacts import members  # a merged resident is one resident

                contact_ids = members(op, contact_id)
            rows = op.store.queries.messages_list(
                case_id, contact_ids, visible_to=self.visibility()
            )
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
        """The resident known by an address in any notation (an id only: the act that asks
        names the resident it then reads)."""
        from inbox.contacts import find_in

        return find_in(self, value)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        with self.op(acts.CASE_SEARCH) as op:
            hits = [
                SearchHit(
                    case=r["reference"],
                    message=int(r["ref_id"]) if r["kind"] == "message" else None,
                    note=int(r["ref_id"]) if r["kind"] == "note" else None,
                    channel=r["channel"],
                    subject=r["subject"],
                    snippet=r["snippet"],
                )
                for r in op.store.queries.search(text, limit, self.visibility())
            ]
            op.details = {"treffers": len(hits)}  # that a search was done, not its words
        return hits

    def stats(self, date_from: str | None = None, date_to: str | None = None) -> dict[str, Any]:
        with self.op(acts.STATS_VIEW) as op:
            from inbox.archive.destruction import destroyed_counts

            live: dict[str, Any] = dict(op.store.queries.stats(date_from, date_to))
            # destroyed records leave anonymous counts behind, so history stays right
            for key, value in destroyed_counts(op, date_from, date_to).items():
                if isinstance(value, dict):
                    combined = dict(live.get(key, {}))
                    for k, n in value.items():
                        combined[k] = combined.get(k, 0) + n
                    live[key] = dict(sorted(combined.items()))
                else:
                    live[key] = live.get(key, 0) + value
            from inbox import reports  # the dashboard's figures: stats --json and the UI agree

            return reports.extend(op, live, date_from, date_to)

    def original_bytes(self, message_id: int) -> bytes | None:
        found = self.store.records.raw_sha256_of(message_id)
        case_id = None if found is None else found[1]
        with self.op(acts.MESSAGE_ORIGINAL, case=case_id, obj=f"bericht:{message_id}"):
            if found is None or found[0] is None:
                return None
            return self.blobs.get(str(found[0]))


def message_values(
    msg: IncomingMessage,
    case_id: int,
    contact_id: int | None,
    received_at: str,
    author_id: int | None,
) -> dict[str, Any]:
    """The messages row of `msg`, filed in `case_id` (storage.records.MESSAGE_COLUMNS)."""
    return {
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
        "sent_at": clock.iso(msg.sent_at),
        "received_at": received_at,
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
        "author_id": author_id,
        "internal": 1 if msg.internal else None,
    }



def _repeat() -> Any:
    """inbox.repeat_contact (a resident back within 14 days of a closing)."""
    from inbox import repeat_contact

    return repeat_contact


def _handover() -> Any:
    """inbox.handover (a department's reply to a hand-over)."""
    from inbox import handover

    return handover


def _deadlines() -> Any:
    """inbox.deadlines (the due moment of a case as it opens)."""
    from inbox import deadlines

    return deadlines


def _retention() -> Any:
    """inbox.archive.retention, imported when a case is first closed or reopened."""
    from inbox.archive import retention

    return retention


def _summary(r: Any) -> CaseSummary:
    return CaseSummary(
        id=int(r["id"]),
        reference=r["reference"],
        subject=r["subject"],
        status=Status(r["status"]),
        channel=channel_of(r["channel"]),
        contact=r["contact"] or (r["contact_address"] or ""),
        assignee=r["assignee"],
        last_message_at=r["last_message_at"],
        opened_at=r["opened_at"],
        messages=int(r["messages"]),
        channels=tuple(sorted((r["channels"] or "").split(","))) if r["channels"] else (),
        notes=int(r["notes"]),
        product=r["product"],
        deadline=r["deadline"],
        confidential=bool(r["confidential"]),
        labels=tuple(r["labels"].split(", ")) if r["labels"] else (),
        due_at=r["due_at"],
        department=r["department"],
        forward_due=r["forward_due"],
        forward_open=bool(r["department"] and not r["reported_back_at"]),
        reported_back_at=r["reported_back_at"],
        callback_due=r["callback_due"],
        callback_window=r["callback_window"],
        callback_for=r["callback_for"],
        callback_open=bool(r["callback_requested_at"] and not r["callback_outcome"]),
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
        return f"Terugbellen vóór {clock.shown_date(str(data['callback_by']))}"
    work = {
        "product_set": lambda d: f"Product: {d.get('to') or '-'}",
        "deadline_set": lambda d: f"Termijn: {clock.shown_date(d.get('to')) or '-'}",
        "labels_set": lambda d: f"Labels: {d.get('to') or '-'}",
        "merged_into": lambda d: f"Samengevoegd met {d.get('case')}",
        "merged_from": lambda d: f"Zaak {d.get('case')} hierin samengevoegd",
        "split_from": lambda d: f"Afgesplitst van {d.get('case')}",
        "split_into": lambda d: f"Afgesplitst naar {d.get('case')}",
        "message_moved_out": lambda d: f"Bericht verplaatst naar {d.get('to')}",
        "message_moved_in": lambda d: f"Bericht verplaatst uit {d.get('from')}",
    }
    day = _describe_day(kind, data)
    if day:
        return day
    if kind == EventKind.CONFIDENTIAL_SET.value:
        state = "Vertrouwelijk gemaakt" if data.get("on") else "Vertrouwelijk opgeheven"
        return f"{state}: {data['reason']}" if data.get("reason") else state
    if kind in work:
        return work[kind](data)
    return ""


def _describe_day(kind: str, data: dict[str, Any]) -> str:
    """The timeline's words for hand-overs, call-backs and repeat contacts."""
    def when(value: Any) -> str:
        if not value:
            return "-"
        from inbox.casework import LOCAL

        return clock.parse(str(value)).astimezone(LOCAL).strftime("%d-%m-%Y %H:%M")

    if kind == EventKind.FORWARDED.value:
        text = f"Overgedragen aan {data.get('department')}, terugmelding uiterlijk " \
               f"{when(data.get('due'))}"
        return text + (f": {data['note']}" if data.get("note") else "")
    if kind == EventKind.FORWARD_ANSWERED.value:
        return f"Teruggemeld door {data.get('department')}"
    if kind == EventKind.CALLBACK_REQUESTED.value:
        window = f" ({data['window']})" if data.get("window") else ""
        who = f" door {data['for']}" if data.get("for") else ""
        return f"Terugbellen{who} uiterlijk {when(data.get('due'))}{window}"
    if kind == EventKind.CALLBACK_ASSIGNED.value:
        return f"Terugbelverzoek voor {data.get('to') or '-'}"
    if kind == EventKind.CALLBACK_DONE.value:
        result = {"bereikt": "bereikt", "niet_bereikt": "niet bereikt"}.get(
            str(data.get("result")), str(data.get("result") or "-"))
        late = "" if data.get("on_time", True) else " (te laat)"
        return f"Teruggebeld: {result}{late}"
    if kind == EventKind.REPEAT_CONTACT.value:
        return (f"Inwoner nam binnen 14 dagen opnieuw contact op ({data.get('by') or '-'}); "
                "telt niet meer als in één keer afgehandeld")
    return ""
