"""Handing a case over to a department (vakafdeling) by plain e-mail, and its reply coming back.

`forward` sends the department an e-mail with the case reference in the subject, the
medewerker's question and the resident's originals attached (e-mail as .eml, a phone or counter
note as text); the case gets status `bij_vakafdeling` and a due date from the department's norm.
The e-mail is kept in the case as an internal message and waits in the outbox like any reply.

The department answers by replying. Its mail is known by its thread (In-Reply-To/References
naming the hand-over) or by its sender (a department's address), whoever of the team's laptops
fetches it; `department_of` marks it internal (no resident, never a first answer), and
`reported_back` brings the case back: "teruggemeld", status `in_behandeling`, assigned to the
medewerker who handed it over. A handed-over case never counts as "in één keer" (services.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import TYPE_CHECKING, Any

from inbox import acts, clock, deadlines, departments
from inbox.addresses import normalize_email
from inbox.casework import LOCAL
from inbox.channels.registry import channel_of
from inbox.channels.registry import spec as channel_spec
from inbox.errors import InvalidInput
from inbox.model import Changes, Channel, Direction, EventKind, IncomingMessage, Status

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

MAX_ATTACHED = 20  # originals attached to one hand-over (the newest are kept)


def forward(loket: Loket, reference: str, department: str, note: str) -> Changes:
    """Hand the case over to `department` with the question `note` (see the module)."""
    from inbox.casework import sending_account

    note = note.strip()
    if not note:
        raise InvalidInput("Schrijf erbij wat de vakafdeling moet doen of uitzoeken.")
    with loket.op(acts.CASE_FORWARD, case=reference) as op:
        case = op.case
        if case["status"] == Status.AFGEROND.value:
            raise InvalidInput("Deze zaak is afgerond; heropen haar eerst.")
        with loket.op(acts.DEPARTMENT_CHOOSE) as choosing:
            target = departments.find(choosing, department)
        account = sending_account(op)
        hours = deadlines.rules(op).hours
        due = deadlines.after_working_days(hours, op.now, target.norm_days)
        sender_name = op.store.casework.display_name(loket.user)
        mail = _compose(op, account.address, sender_name, target, note, due)
        raw = mail.as_bytes(policy=policy.SMTP)  # the stored bytes are the bytes sent
        digest = hashlib.sha256(raw).hexdigest()
        loket.blobs.keep_originals({digest: raw})
        received = loket.receive(IncomingMessage(
            channel=Channel.EMAIL,
            direction=Direction.OUTBOUND,
            sent_at=op.now,
            sender=account.address,
            sender_name=sender_name,
            recipients=target.email,
            subject=str(mail["Subject"]),
            body_text=_body_text(mail),
            message_id=str(mail["Message-ID"]),
            raw_sha256=digest,
            account_id=account.id,
            internal=True,
        ))
        stamp = op.stamp()
        op.store.mail.queue_reply({
            "account_id": account.id, "case_id": op.case_id,
            "message_row_id": received.message_id, "raw_sha256": digest,
            "message_id": str(mail["Message-ID"]), "sender": account.address,
            "recipients": target.email, "next_attempt_at": stamp, "created_at": stamp,
        })
        op.store.records.update_case(op.case_id, {
            "status": Status.BIJ_VAKAFDELING.value, "department": target.name,
            "forwarded_at": stamp, "forwarded_by_id": op.actor_id(),
            "forward_due": clock.iso(due), "reported_back_at": None, "updated_at": stamp,
        })
        op.event(EventKind.FORWARDED, {"department": target.name, "note": note,
                                       "due": clock.iso(due), "by": loket.user, "at": stamp,
                                       "message": received.message_id})
        if case["status"] != Status.BIJ_VAKAFDELING.value:
            op.event(EventKind.STATUS_CHANGED, {"from": case["status"],
                                                "to": Status.BIJ_VAKAFDELING.value})
        op.changes.messages.add(int(received.message_id or 0))
        op.changed("outbox")
    return op.changes


def _compose(op: Op, address: str, sender_name: str, target: departments.Department,
             note: str, due: Any) -> EmailMessage:
    case = op.case
    reference = str(case["reference"])
    resident = op.store.records.contact_name(case["contact_id"]) or "(onbekend)"
    mail = EmailMessage()
    mail["From"] = formataddr((f"KCC - {sender_name}" if sender_name else "KCC", address))
    mail["To"] = target.email
    mail["Subject"] = f"[{reference}] Vraag van het KCC: {case['subject']}"
    mail["Date"] = format_datetime(op.now)
    mail["Message-ID"] = make_msgid(domain=address.rpartition("@")[2] or "loket.invalid")
    mail["X-Loket-Handover"] = reference
    originals = op.store.departments.originals(op.case_id)[-MAX_ATTACHED:]
    lines = [
        f"Beste collega's van {target.name},",
        "",
        note,
        "",
        f"Zaak: {reference} - {case['subject']}",
        f"Inwoner: {resident}",
        f"Graag uw antwoord binnen {target.norm_days} werkdag"
        f"{'en' if target.norm_days != 1 else ''}, uiterlijk "
        f"{due.astimezone(LOCAL).strftime('%d-%m-%Y %H:%M')}.",
        f"Beantwoord deze e-mail en laat [{reference}] in het onderwerp staan: uw antwoord "
        "komt dan vanzelf bij de zaak.",
        "",
        "Met vriendelijke groet,",
        sender_name or "Het KCC",
        "Klantcontactcentrum",
    ]
    noted = [m for m in originals if not (m["raw_sha256"] and _rfc822(m["channel"]))]
    if noted:
        lines += ["", "--- Contact met de inwoner ---"]
        for m in noted:
            lines += ["", f"{m['sent_at']} ({channel_spec(channel_of(m['channel'])).label})",
                      str(m["body_text"] or "")]
    mail.set_content("\n".join(lines) + "\n")
    for n, m in enumerate(originals, 1):
        if m["raw_sha256"] and _rfc822(m["channel"]):
            raw = op.store.blobs.get(str(m["raw_sha256"]))
            mail.add_attachment(raw, maintype="application", subtype="octet-stream",
                                filename=f"bericht-{n}.eml")
    return mail


def _rfc822(channel: str) -> bool:
    return channel_spec(channel_of(channel)).rfc822


def _body_text(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    return str(body.get_content()).strip() if body is not None else ""


# -- the department's reply ----------------------------------------------------------------------


def department_of(op: Op, msg: IncomingMessage, addresses: Mapping[str, str] | None = None,
                  *, threads_too: bool = True) -> str | None:
    """The department an arriving e-mail is a reply from (by its thread, else its sender), or
    None. `addresses`: the departments by address, when the caller read them once;
    `threads_too` False: no hand-over was ever sent, so no thread needs looking up."""
    if msg.direction is not Direction.INBOUND or not channel_spec(msg.channel).rfc822:
        return None
    thread = [m for m in (msg.in_reply_to, *msg.references) if m]
    if thread and threads_too:
        found = op.store.departments.hand_over_of(thread)
        if found is not None:
            return found
    sender = normalize_email(msg.sender)
    if addresses is None:
        addresses = op.store.departments.by_email([sender])
    return addresses.get(sender)


def reply_case(op: Op, msg: IncomingMessage, lookup: Any,
               addresses: Mapping[str, str] | None = None,
               *, threads_too: bool = True) -> tuple[str | None, Any]:
    """(department, the case match) when `msg` is a department's reply that belongs to a case;
    (None, None) otherwise: mail from a department about something new is ordinary mail."""
    from inbox import threading as threads

    department = department_of(op, msg, addresses, threads_too=threads_too)
    if department is None:
        return None, None
    match = threads.case_for(lookup, subject=msg.subject, in_reply_to=msg.in_reply_to,
                             references=msg.references, contact_id=None, sent_at=msg.sent_at)
    if match.case_id is None:
        return None, None
    return department, match


def reported_back(op: Op, case_id: int, department: str, message_id: int | None,
                  stamp: str) -> None:
    """The department's reply joined case `case_id`: teruggemeld, back to the medewerker."""
    case = op.store.records.case_row(case_id)
    if case is None or case["department"] is None:
        return
    if case["reported_back_at"]:
        return  # already back: a second reply is just a message in the case
    values: dict[str, Any] = {"reported_back_at": stamp, "updated_at": op.stamp()}
    op.event(EventKind.FORWARD_ANSWERED, {"department": department, "at": stamp,
                                          "message": message_id, "reason": "message"}, case_id)
    if case["status"] == Status.BIJ_VAKAFDELING.value:
        values["status"] = Status.IN_BEHANDELING.value
        op.event(EventKind.STATUS_CHANGED, {"from": case["status"], "to": values["status"],
                                            "reason": "message"}, case_id)
    back_to = case["forwarded_by_id"]
    if back_to is not None and case["assignee_id"] != back_to:
        values["assignee_id"] = back_to
        op.event(EventKind.ASSIGNED, {"to": op.store.casework.user_name(int(back_to)),
                                      "reason": "message"}, case_id)
    op.store.records.update_case(case_id, values)


def is_open(case: Any) -> bool:
    """Whether a case row's newest hand-over still waits for the department."""
    return bool(case["department"]) and not case["reported_back_at"]
