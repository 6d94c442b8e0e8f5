"""Replies by e-mail: composed into the case, queued in an outbox, sent once over SMTP.

The outbox survives a crash and being offline: a reply is first stored (in its case and in the
outbox, one transaction), then sent by a delivery pass that retries with back-off. A row is
marked 'sending' before the SMTP conversation and 'sent' after it; a row found still 'sending'
by the next pass was interrupted at an unknown point, so it is never sent again automatically:
if the Sent folder holds its Message-ID it is marked sent, otherwise 'uncertain' until a person
chooses to send it again. That is the price of "never sends twice".
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from inbox import acts, clock
from inbox.accounts import MailAccount, Security
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.model import Changes, Channel, Direction, IncomingMessage
from inbox.services import Loket
from inbox.threading import find_reference, message_ids

log = logging.getLogger("loket.smtp")

BACKOFF_MINUTES = (1, 2, 5, 10, 30, 60)
TIMEOUT = 30.0


class SendError(LoketError):
    pass


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    uncertain: int = 0
    errors: list[str] = field(default_factory=list)


def reply_subject(reference: str, subject: str) -> str:
    if find_reference(subject) == reference:
        base = subject
    else:
        base = f"[{reference}] {subject}"
    return base if base.lower().startswith("re:") else f"Re: {base}"


def compose_reply(
    loket: Loket,
    account: MailAccount,
    reference: str,
    text: str,
    *,
    to: str | None = None,
    sender_name: str = "",
) -> Changes:
    """Store a reply in its case and queue it (act reply.send); nothing leaves the machine
    here. The case's id is in `changes.cases`, the reply's message row in `changes.messages`."""
    if not text.strip():
        raise InvalidInput("Een antwoord mag niet leeg zijn.")
    with loket.op(acts.REPLY_SEND, case=reference) as op:
        case = op.case
        mail = op.store.mail
        last = mail.last_inbound_email(op.case_id)
        recipient = to or (last["sender"] if last is not None else None)
        if not recipient:
            recipient = mail.first_email_address(case["contact_id"])
        if not recipient or "@" not in recipient:
            raise InvalidInput("Deze inwoner heeft geen e-mailadres; vul een adres in.")
        msg = EmailMessage()
        msg["From"] = (
            formataddr((sender_name, account.address)) if sender_name else account.address
        )
        msg["To"] = recipient
        msg["Subject"] = reply_subject(case["reference"], case["subject"])
        msg["Date"] = format_datetime(loket.now())
        domain = account.address.rpartition("@")[2] or "loket.invalid"
        msg["Message-ID"] = make_msgid(domain=domain)
        in_reply_to = last["message_id"] if last is not None else None
        references = message_ids(last["references_"]) if last is not None else []
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
            msg["References"] = " ".join((references + [in_reply_to])[-10:])
        msg.set_content(text.strip() + "\n")
        raw = msg.as_bytes(policy=policy.SMTP)  # CRLF: the stored bytes are the bytes sent
        digest = hashlib.sha256(raw).hexdigest()
        loket.blobs.keep_originals({digest: raw})  # in this transaction (or fsynced before)
        received = loket.receive(
            IncomingMessage(
                channel=Channel.EMAIL,
                direction=Direction.OUTBOUND,
                sent_at=loket.now(),
                sender=account.address,
                sender_name=sender_name,
                recipients=recipient,
                subject=str(msg["Subject"]),
                body_text=text.strip(),
                message_id=str(msg["Message-ID"]),
                in_reply_to=in_reply_to,
                references=tuple(references + ([in_reply_to] if in_reply_to else [])),
                raw_sha256=digest,
                account_id=account.id,
            )
        )
        now = op.stamp()
        mail.queue_reply(
            {
                "account_id": account.id,
                "case_id": received.case_id,
                "message_row_id": received.message_id,
                "raw_sha256": digest,
                "message_id": str(msg["Message-ID"]),
                "sender": account.address,
                "recipients": recipient,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
        assert received.message_id is not None and received.case_id is not None
        op.changes.cases.add(received.case_id)
        op.changes.messages.add(received.message_id)
        op.changed("outbox")
    return op.changes


def _smtp(account: MailAccount, secret: str) -> smtplib.SMTP:
    host = account.smtp_host or account.host
    context = ssl.create_default_context(cafile=account.ca_file or None)
    try:
        server: smtplib.SMTP
        if account.smtp_security is Security.SSL:
            server = smtplib.SMTP_SSL(host, account.smtp_port, timeout=TIMEOUT, context=context)
        else:
            server = smtplib.SMTP(host, account.smtp_port, timeout=TIMEOUT)
            if account.smtp_security is Security.STARTTLS:
                server.starttls(context=context)
        server.ehlo()
        user = account.smtp_username or account.username
        if user and server.has_extn("auth"):
            if account.auth.value == "oauth2":
                import base64

                token = base64.b64encode(
                    f"user={user}\x01auth=Bearer {secret}\x01\x01".encode()
                ).decode()
                code, resp = server.docmd("AUTH", "XOAUTH2 " + token)
                if code != 235:
                    raise smtplib.SMTPAuthenticationError(code, resp)
            elif "plain" in server.esmtp_features.get("auth", "").lower():
                # one mechanism, one answer: falling through to others only delays the error
                server.user, server.password = user, secret
                server.auth("PLAIN", server.auth_plain)
            else:
                server.login(user, secret)
        return server
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(
            "Inloggen bij de SMTP-server geweigerd: gebruikersnaam of wachtwoord klopt niet."
        ) from exc
    except (OSError, smtplib.SMTPException) as exc:
        from inbox.channels.imap import explain

        raise SendError(str(explain(exc, host, account.smtp_port))) from exc


def deliver(
    loket: Loket,
    account: MailAccount,
    secret: str,
    *,
    sent_folder_check: Callable[[str], bool] | None = None,
    append_to_sent: Callable[[bytes], None] | None = None,
) -> DeliveryReport:
    """One delivery pass over this account's outbox (act mail.deliver)."""
    loket.check(acts.MAIL_DELIVER, f"account:{account.name}")
    report = DeliveryReport()
    _recover_interrupted(loket, account, sent_folder_check, report)
    due = loket.store.mail.due_replies(account.id, clock.iso(loket.now()))
    if not due:
        return report
    try:
        server = _smtp(account, secret)
    except SendError as exc:
        for row in due:
            _retry(loket, row, str(exc), report)
        return report
    try:
        for row in due:
            _send_one(loket, server, row, report, append_to_sent)
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()
    return report


def _set(loket: Loket, row_id: int, **values: Any) -> None:
    with loket.op(acts.MAIL_DELIVER, obj=f"outbox:{row_id}") as op:
        op.store.mail.set_reply(row_id, values)


def _send_one(
    loket: Loket,
    server: smtplib.SMTP,
    row: Any,
    report: DeliveryReport,
    append_to_sent: Callable[[bytes], None] | None,
) -> None:
    raw = loket.blobs.get(row["raw_sha256"])
    recipients = [r.strip() for r in row["recipients"].split(",") if r.strip()]
    _set(loket, row["id"], state="sending", attempts=row["attempts"] + 1)
    try:
        refused = server.sendmail(row["sender"], recipients, raw)
    except smtplib.SMTPRecipientsRefused as exc:
        _fail(loket, row, f"Geweigerd door de server: {', '.join(exc.recipients)}.", report)
        return
    except smtplib.SMTPResponseException as exc:
        if 500 <= exc.smtp_code < 600:
            _fail(loket, row, f"Geweigerd door de server ({exc.smtp_code}).", report)
        else:
            _retry(loket, row, f"Tijdelijke fout van de server ({exc.smtp_code}).", report)
        return
    except (OSError, smtplib.SMTPException) as exc:
        _retry(
            loket, row, f"Verbinding verbroken tijdens verzenden ({type(exc).__name__}).", report
        )
        return
    _set(loket, row["id"], state="sent", sent_at=clock.iso(loket.now()), last_error=None)
    report.sent += 1
    if refused:
        log.warning("outbox %s: some recipients refused", row["id"])
    if append_to_sent is not None:
        try:
            append_to_sent(raw)
            _set(loket, row["id"], appended_to_sent=1)
        except LoketError as exc:
            report.errors.append(f"Verzonden, maar niet in 'Verzonden' gezet: {exc}")


def _retry(loket: Loket, row: Any, error: str, report: DeliveryReport) -> None:
    attempts = int(row["attempts"]) + 1
    wait = BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1]
    _set(
        loket,
        row["id"],
        state="queued",
        attempts=attempts,
        last_error=error,
        next_attempt_at=clock.iso(loket.now() + timedelta(minutes=wait)),
    )
    report.retrying += 1
    report.errors.append(error)


def _fail(loket: Loket, row: Any, error: str, report: DeliveryReport) -> None:
    _set(loket, row["id"], state="failed", last_error=error)
    report.failed += 1
    report.errors.append(error)


def _recover_interrupted(
    loket: Loket,
    account: MailAccount,
    sent_folder_check: Callable[[str], bool] | None,
    report: DeliveryReport,
) -> None:
    for row in loket.store.mail.interrupted_replies(account.id):
        if sent_folder_check is not None and sent_folder_check(row["message_id"]):
            _set(loket, row["id"], state="sent", appended_to_sent=1)
            continue
        _set(
            loket,
            row["id"],
            state="uncertain",
            last_error="Onderbroken tijdens verzenden: controleer of de inwoner het kreeg.",
        )
        report.uncertain += 1


def send_again(loket: Loket, outbox_id: int) -> Changes:
    """A person decided an 'uncertain' or 'failed' reply should go out (again): act
    reply.send_again on the reply's case."""
    row = loket.store.mail.reply(outbox_id)
    if row is None:
        raise NotFound("Dit bericht staat niet in de outbox.")
    with loket.op(acts.REPLY_SEND_AGAIN, case=row["reference"],
                  obj=f"outbox:{outbox_id}") as op:
        if row["state"] not in ("uncertain", "failed"):
            raise InvalidInput("Dit bericht wacht al op verzending of is verzonden.")
        op.store.mail.set_reply(outbox_id, {"state": "queued", "next_attempt_at": op.stamp()})
        op.changed("outbox")
    return op.changes


def outbox(loket: Loket) -> list[dict[str, Any]]:
    """The whole outbox (reference, recipients, state): for the delivery job and its tests."""
    with loket.op(acts.MAIL_DELIVER):
        return list(loket.store.mail.outbox())


def deliver_outbox(
    loket: Loket, account: MailAccount, *, smtp_secret: str, imap_secret: str
) -> DeliveryReport:
    """A delivery pass that also files sent replies in the account's Sent folder over IMAP,
    and looks there for replies whose sending was interrupted."""
    from inbox.channels import imap

    if not account.sent_folder:
        return deliver(loket, account, smtp_secret)
    folder = account.sent_folder

    def in_sent_folder(message_id: str) -> bool:
        client = imap.connect(account, imap_secret)
        try:
            if not client.folder_exists(folder):
                return False
            client.select_folder(folder, readonly=True)
            return bool(client.search(["HEADER", "Message-ID", message_id]))
        finally:
            imap.close(client)

    def append(raw: bytes) -> None:
        client = imap.connect(account, imap_secret)
        try:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, raw, flags=[b"\\Seen"])
        except imap.MailServerError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise imap.explain(exc, account.host, account.port) from exc
        finally:
            imap.close(client)

    return deliver(
        loket, account, smtp_secret, sent_folder_check=in_sent_folder, append_to_sent=append
    )
