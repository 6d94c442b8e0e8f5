"""A hand-over to a department through a real SMTP server (aiosmtpd), and the department's
reply, fetched from the team's mailbox on a real Dovecot, back in its case."""

from __future__ import annotations

import email
from email import policy

import pytest
from imapclient import IMAPClient

from inbox import departments, handover
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.channels.imap import sync_account
from inbox.gate import SYSTEM_USER
from inbox.model import Status
from tests.conftest import act_as, add_staff

pytestmark = pytest.mark.integration

QUESTION = (
    b"From: Sanne Mulder <sanne@example.nl>\r\nTo: kcc@gemeente.test\r\n"
    b"Subject: Verhuizing doorgeven\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
    b"Message-ID: <verhuizing@example.nl>\r\n\r\nIk ben verhuisd; is dat verwerkt?\r\n"
)


def test_a_department_reply_comes_back_into_its_case(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user, smtp_server
) -> None:
    recorder, port = smtp_server
    user, password = mailbox_user
    add_staff(loket)
    act_as(loket, "bea")
    acc = Accounts(loket).add_mail(
        MailAccount(name="kcc", host="127.0.0.1", port=dovecot.port, security=Security.NONE,
                    username=user, smtp_host="127.0.0.1", smtp_port=port,
                    smtp_security=Security.NONE, smtp_username="kcc@gemeente.test"),
        password,
    )
    departments.add(loket, "Burgerzaken", "burgerzaken@gemeente.test", 3)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as imap:
        imap.login(user, password)
        imap.append("INBOX", QUESTION)
    loket.user = SYSTEM_USER  # the scheduled pass fetches
    assert sync_account(loket, acc, password).fetched == 1
    reference = str(loket.db.scalar("SELECT reference FROM cases"))

    act_as(loket, "anne")
    loket.assign(reference, "anne")
    handover.forward(loket, reference, "Burgerzaken", "Staat de verhuizing al in de BRP?")
    loket.user = SYSTEM_USER
    assert smtp.deliver(loket, acc, password).sent == 1
    mail_from, rcpts, raw = recorder.messages[0]
    assert (mail_from, rcpts) == (user, ["burgerzaken@gemeente.test"])
    sent = email.message_from_bytes(raw, policy=policy.default)
    assert sent["Subject"].startswith(f"[{reference}] ")
    assert [a.get_filename() for a in sent.iter_attachments()] == ["bericht-1.eml"]

    # the department replies to the team's mailbox with its own mail program
    reply = (
        f"From: P. Jansen <p.jansen@gemeente.test>\r\nTo: {user}\r\n"
        f"Subject: RE: {sent['Subject']}\r\nDate: Tue, 03 Nov 2026 11:00:00 +0100\r\n"
        f"Message-ID: <antwoord@gemeente.test>\r\nIn-Reply-To: {sent['Message-ID']}\r\n"
        f"References: {sent['Message-ID']}\r\n\r\nJa, verwerkt per 1 november.\r\n"
    ).encode()
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as imap:
        imap.login(user, password)
        imap.append("INBOX", reply)
    assert sync_account(loket, acc, password).fetched == 1
    case = loket.db.one("SELECT * FROM cases WHERE reference = ?", (reference,))
    assert case["status"] == Status.IN_BEHANDELING.value
    assert case["reported_back_at"] == "2026-11-03T10:00:00Z"
    assert loket.db.scalar("SELECT name FROM users WHERE id = ?", (case["assignee_id"],)) == "anne"
    back = loket.db.one("SELECT case_id, internal, contact_id FROM messages "
                        "WHERE message_id = '<antwoord@gemeente.test>'")
    assert (back["case_id"], back["internal"], back["contact_id"]) == (case["id"], 1, None)
    assert loket.db.scalar("SELECT count(*) FROM cases") == 1
