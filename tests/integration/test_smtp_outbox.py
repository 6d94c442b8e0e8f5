"""Replies over a real SMTP server (aiosmtpd): threaded headers, an outbox never sending twice."""

from __future__ import annotations

import email
from email import policy

import pytest
from imapclient import IMAPClient

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.channels.imports.eml import import_bytes
from inbox.model import Status
from tests.integration.dovecot import free_port
from tests.integration.test_imap_sync import account

pytestmark = pytest.mark.integration

QUESTION = (
    b"From: Sanne Mulder <sanne@example.nl>\r\nTo: kcc@gemeente.test\r\n"
    b"Subject: Paspoort verlopen\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
    b"Message-ID: <q1@example.nl>\r\nReferences: <older@example.nl>\r\n\r\n"
    b"Mijn paspoort is verlopen, wat nu?\r\n"
)


@pytest.fixture
def setup(loket, smtp_server):  # type: ignore[no-untyped-def]
    recorder, port = smtp_server
    acc = Accounts(loket).add_mail(
        MailAccount(
            name="kcc",
            host="127.0.0.1",
            port=1,
            security=Security.NONE,
            username="kcc@gemeente.test",
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_security=Security.NONE,
        ),
        "geheim",
    )
    question = import_bytes(loket, QUESTION)
    return loket, acc, recorder, question


def test_reply_is_threaded_stored_in_the_case_and_sent_once(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    reply = smtp.compose_reply(
        loket,
        acc,
        question.reference,
        "Maak een afspraak via de site.",
        sender_name="Gemeente Voorbeeld",
    )
    assert reply.cases == {question.case_id} and not reply.created_case
    assert recorder.messages == []  # queued, not yet sent
    report = smtp.deliver(loket, acc, "geheim")
    assert report.sent == 1
    assert smtp.deliver(loket, acc, "geheim").sent == 0
    assert len(recorder.messages) == 1
    mail_from, rcpts, raw = recorder.messages[0]
    sent = email.message_from_bytes(raw, policy=policy.default)
    assert (mail_from, rcpts) == ("kcc@gemeente.test", ["sanne@example.nl"])
    assert sent["Subject"] == f"Re: [{question.reference}] Paspoort verlopen"
    assert sent["In-Reply-To"] == "<q1@example.nl>"
    assert sent["References"] == "<older@example.nl> <q1@example.nl>"
    assert loket.original_bytes(min(reply.messages)) == raw
    detail = loket.case_detail(question.reference)
    assert [t.direction.value for t in detail.timeline if t.kind == "message"] == ["in", "out"]
    assert (
        loket.db.scalar("SELECT first_response_at FROM cases WHERE id = ?", (question.case_id,))
        is not None
    )
    # the resident answers our reply: it lands in the same case by its headers
    answer = (
        f"From: sanne@example.nl\r\nSubject: Re: Paspoort\r\nIn-Reply-To: {sent['Message-ID']}"
        "\r\n\r\nDank!\r\n"
    ).encode()
    assert import_bytes(loket, answer).case_id == question.case_id


def test_offline_reply_waits_and_goes_out_once_the_server_is_back(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    from dataclasses import replace

    offline = replace(acc, smtp_port=free_port())
    smtp.compose_reply(loket, offline, question.reference, "Antwoord")
    report = smtp.deliver(loket, offline, "geheim")
    assert (report.sent, report.retrying) == (0, 1)
    assert "weigert de verbinding" in report.errors[0]
    row = loket.db.one("SELECT state, attempts, next_attempt_at FROM outbox")
    assert row["state"] == "queued" and row["attempts"] == 1
    assert smtp.deliver(loket, acc, "geheim").sent == 0  # not due yet: back-off
    loket.db.conn.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z'")
    assert smtp.deliver(loket, acc, "geheim").sent == 1
    assert len(recorder.messages) == 1


def test_a_crash_during_sending_never_sends_twice(setup, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    smtp.compose_reply(loket, acc, question.reference, "Antwoord")
    real_set = smtp._set

    def crash_after_send(loket_, row_id, **values):  # type: ignore[no-untyped-def]
        if values.get("state") == "sent":
            raise KeyboardInterrupt  # the laptop dies right after the server accepted it
        real_set(loket_, row_id, **values)

    monkeypatch.setattr(smtp, "_set", crash_after_send)
    with pytest.raises(KeyboardInterrupt):
        smtp.deliver(loket, acc, "geheim")
    monkeypatch.setattr(smtp, "_set", real_set)
    report = smtp.deliver(loket, acc, "geheim")
    assert report.uncertain == 1 and report.sent == 0
    assert len(recorder.messages) == 1
    row_id = loket.db.scalar("SELECT id FROM outbox")
    smtp.send_again(loket, row_id)  # a person decides it should go again
    assert smtp.deliver(loket, acc, "geheim").sent == 1
    assert len(recorder.messages) == 2


def test_interrupted_send_found_in_the_sent_folder_counts_as_sent(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    smtp.compose_reply(loket, acc, question.reference, "Antwoord")
    loket.db.conn.execute("UPDATE outbox SET state = 'sending'")
    mid = loket.db.scalar("SELECT message_id FROM outbox")
    report = smtp.deliver(loket, acc, "geheim", sent_folder_check=lambda m: m == mid)
    assert report.uncertain == 0 and loket.db.scalar("SELECT state FROM outbox") == "sent"
    assert recorder.messages == []


def test_permanent_refusal_is_reported_in_dutch(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    recorder.refuse_with = "550 5.1.1 mailbox unavailable"
    smtp.compose_reply(loket, acc, question.reference, "Antwoord")
    report = smtp.deliver(loket, acc, "geheim")
    assert report.failed == 1 and "Geweigerd door de server (550)" in report.errors[0]
    assert loket.db.scalar("SELECT state FROM outbox") == "failed"


def test_wrong_smtp_password(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    smtp.compose_reply(loket, acc, question.reference, "Antwoord")
    report = smtp.deliver(loket, acc, "fout")
    assert report.retrying == 1 and "wachtwoord klopt niet" in report.errors[0]


def test_reply_needs_text_and_an_address(setup) -> None:  # type: ignore[no-untyped-def]
    loket, acc, recorder, question = setup
    with pytest.raises(smtp.InvalidInput):
        smtp.compose_reply(loket, acc, question.reference, "  ")
    phone = loket.log_contact(smtp.Channel.PHONE, name="Ali", question="Vraag zonder mail")
    with pytest.raises(smtp.InvalidInput, match="geen e-mailadres"):
        smtp.compose_reply(loket, acc, phone.reference, "Antwoord")
    assert (
        smtp.compose_reply(loket, acc, phone.reference, "Antwoord", to="ali@example.nl").cases
        == {phone.case_id}
    )
    assert loket.case_detail(phone.reference).summary.status is Status.NIEUW


def test_sent_reply_is_appended_to_the_sent_folder(
    loket, smtp_server, dovecot, mailbox_user
) -> None:  # type: ignore[no-untyped-def]
    recorder, port = smtp_server
    acc = account(loket, dovecot, mailbox_user, smtp_host="127.0.0.1", smtp_port=port,
                  smtp_security=Security.NONE, smtp_username="kcc@gemeente.test",
                  sent_folder="Sent")
    question = import_bytes(loket, QUESTION)
    smtp.compose_reply(loket, acc, question.reference, "Antwoord")
    report = smtp.deliver_outbox(loket, acc, smtp_secret="geheim", imap_secret=mailbox_user[1])
    assert report.sent == 1 and report.errors == []
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        assert c.select_folder("Sent")[b"EXISTS"] == 1
    assert loket.db.scalar("SELECT appended_to_sent FROM outbox") == 1
