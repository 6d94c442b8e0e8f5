"""The automatic reply outside office hours, per e-mail account (off unless the beheerder turns
it on): a resident who writes while the KCC is closed hears that the mail arrived, with the
case reference.

Never to an auto-reply, a mailing list or bulk mail (`IncomingMessage.automated`, read from
the headers), nor to a no-reply address; at most one per case; only for mail fetched within
`FRESH_HOURS` of being sent (a laptop that was off all weekend does not answer on Monday that
the office is closed). The reply is kept in its case and waits in the outbox like any other,
but it is no first answer. The setting belongs to this laptop: in a team, turn it on on one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

from inbox import acts, deadlines
from inbox.addresses import normalize_email
from inbox.channels.registry import spec as channel_spec
from inbox.errors import InvalidInput, NotFound
from inbox.model import Channel, Direction, IncomingMessage

if TYPE_CHECKING:
    from inbox.accounts import MailAccount
    from inbox.gate import Op
    from inbox.services import Loket

KEY = "autoreply."  # + account id: {"on": bool, "text": str}
MARK = "autoreply"  # messages.external_id of an automatic reply
FRESH_HOURS = 12
DEFAULT_TEXT = (
    "Beste inwoner,\n\n"
    "Dank voor uw bericht. Wij hebben het ontvangen onder zaaknummer {zaak}. Het "
    "klantcontactcentrum is nu gesloten; wij antwoorden zo snel mogelijk binnen onze "
    "openingstijden. Noem het zaaknummer als u ons hierover nog eens schrijft of belt.\n\n"
    "Met vriendelijke groet,\nKlantcontactcentrum"
)
_NO_REPLY = re.compile(
    r"^(no-?reply|do-?not-?reply|noreply|mailer-daemon|postmaster|bounces?)([+.\-_].*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Setting:
    account: str
    on: bool
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"account": self.account, "on": self.on, "text": self.text}


def _read(op: Op, account_id: int) -> tuple[bool, str]:
    raw = op.store.records.setting(f"{KEY}{account_id}")
    data = json.loads(raw) if raw else {}
    return bool(data.get("on")), str(data.get("text") or DEFAULT_TEXT)


def _accounts(op: Op) -> list[MailAccount]:
    from inbox.accounts import MailAccount

    return [MailAccount.from_row(r) for r in op.store.casework.mail_account_rows()]


def settings(loket: Loket) -> list[Setting]:
    """Every e-mail account's automatic reply (on or off, its text)."""
    with loket.op(acts.ACCOUNT_LIST) as op:
        return [Setting(a.name, *_read(op, a.id)) for a in _accounts(op)]


def configure(loket: Loket, account: str, on: bool, text: str | None = None) -> Setting:
    """Turn the automatic reply of `account` on or off (with `text`: its words; {zaak} is the
    case reference)."""
    if text is not None and not text.strip():
        raise InvalidInput("Het automatische antwoord mag niet leeg zijn.")
    if text is not None and "{zaak}" not in text:
        raise InvalidInput("Zet {zaak} in de tekst: daar komt het zaaknummer.")
    with loket.op(acts.AUTOREPLY_SET, obj=f"account:{account}") as op:
        found = next((a for a in _accounts(op) if a.name == account), None)
        if found is None:
            raise NotFound(f"Er is geen e-mailaccount '{account}'.")
        if on and not found.smtp_host:
            raise InvalidInput("Dit account kan geen mail versturen: vul eerst een SMTP-server "
                               "in.")
        _, current = _read(op, found.id)
        value = {"on": on, "text": text.strip() if text is not None else current}
        op.store.records.set_setting(f"{KEY}{found.id}", json.dumps(value, ensure_ascii=False))
        op.details = {"aan": on}
        op.changed("accounts")
    return Setting(account, on, str(value["text"]))


def no_reply_address(address: str) -> bool:
    local = normalize_email(address).partition("@")[0]
    return not local or _NO_REPLY.match(local) is not None


def answer(loket: Loket, account: MailAccount, messages: Sequence[IncomingMessage],
           case_ids: Sequence[int | None]) -> int:
    """After a fetched batch was filed: the automatic replies it calls for (see the module);
    `case_ids` names each message's case (None: a duplicate). Returns how many were queued."""
    wanted = [(m, c) for m, c in zip(messages, case_ids, strict=True)
              if c is not None and m.direction is Direction.INBOUND
              and channel_spec(m.channel).rfc822 and not m.internal and not m.automated
              and m.parse_error is None and m.sender and not no_reply_address(m.sender)]
    if not wanted:
        return 0
    queued = 0
    with loket.op(acts.AUTOREPLY_QUEUE, obj=f"account:{account.name}") as op:
        on, text = _read(op, account.id)
        if not on or not account.smtp_host:
            return 0
        hours = deadlines.rules(op).hours
        now = op.now
        done: set[int] = set()
        for msg, case_id in wanted:
            if case_id in done or deadlines.is_open(hours, msg.sent_at):
                continue
            if now - msg.sent_at > timedelta(hours=FRESH_HOURS):
                continue
            if op.store.deadlines.has_marked_message(case_id, MARK):
                continue
            _queue(loket, op, account, msg, case_id, text)
            done.add(case_id)
            queued += 1
    return queued


def _queue(loket: Loket, op: Op, account: MailAccount, msg: IncomingMessage, case_id: int,
           text: str) -> None:
    reference = str(op.store.records.case_reference(case_id))
    mail = EmailMessage()
    mail["From"] = account.address
    mail["To"] = msg.sender
    mail["Subject"] = f"Automatisch antwoord: [{reference}] {msg.subject}".strip()[:300]
    mail["Date"] = format_datetime(op.now)
    domain = account.address.rpartition("@")[2] or "loket.invalid"
    # one id per original: every laptop of a team would make the same one
    mail["Message-ID"] = f"<autoreply-{(msg.raw_sha256 or reference)[:32]}@{domain}>"
    if msg.message_id:
        mail["In-Reply-To"] = msg.message_id
        mail["References"] = msg.message_id
    mail["Auto-Submitted"] = "auto-replied"  # RFC 3834: no auto-reply to this one
    mail["X-Auto-Response-Suppress"] = "All"
    body = text.replace("{zaak}", reference)
    mail.set_content(body + "\n")
    raw = mail.as_bytes(policy=policy.SMTP)
    digest = hashlib.sha256(raw).hexdigest()
    loket.blobs.keep_originals({digest: raw})
    received = loket.receive(IncomingMessage(
        channel=Channel.EMAIL, direction=Direction.OUTBOUND, sent_at=op.now,
        sender=account.address, recipients=msg.sender, subject=str(mail["Subject"]),
        body_text=body, message_id=str(mail["Message-ID"]), in_reply_to=msg.message_id,
        references=(msg.message_id,) if msg.message_id else (), raw_sha256=digest,
        account_id=account.id, external_id=MARK, automated=True,
    ))
    stamp = op.stamp()
    op.store.mail.queue_reply({
        "account_id": account.id, "case_id": case_id, "message_row_id": received.message_id,
        "raw_sha256": digest, "message_id": str(mail["Message-ID"]), "sender": account.address,
        "recipients": msg.sender, "next_attempt_at": stamp, "created_at": stamp,
    })
    op.changed("outbox")
