"""The e-mail channel behind the gate: who may manage accounts, sync, reply and send again;
small originals inside the database; a blob folder that cannot be written explained as such."""

from __future__ import annotations

import errno
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inbox import acts
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.errors import PermissionDenied
from inbox.model import Attachment, Channel, IncomingMessage
from inbox.services import Loket
from storage.errors import BlobFolderError
from tests.conftest import act_as, add_staff

KCC = MailAccount(name="kcc", host="127.0.0.1", username="kcc@gemeente.test",
                  security=Security.NONE, smtp_host="127.0.0.1")


def question(loket: Loket, subject: str = "Vraag over afval") -> str:
    received = loket.receive(
        IncomingMessage(channel=Channel.EMAIL, sent_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                        sender="jan@example.nl", sender_name="Jan", subject=subject,
                        body_text="Wanneer komt de container?")
    )
    assert received.reference is not None
    return received.reference


def audit_rows(loket: Loket, action: str) -> list[tuple[str, str]]:
    return [(r["actor"], r["result"]) for r in loket.db.query(
        "SELECT actor, result FROM audit_log WHERE action LIKE ? ORDER BY id", (action + "%",))]


@pytest.mark.parametrize("login", ["anne", "tineke", "arjen"])
def test_only_a_beheerder_manages_accounts_and_refusals_are_audited(
    loket: Loket, login: str
) -> None:
    add_staff(loket)
    act_as(loket, login)
    accounts = Accounts(loket)
    assert not accounts.may_manage()
    with pytest.raises(PermissionDenied, match="Alleen een beheerder mag accounts beheren"):
        accounts.add_mail(KCC, "geheim")
    assert accounts.mail_accounts() == []
    assert audit_rows(loket, "account.add") == [(login, "geweigerd")]
    act_as(loket, "bea")
    added = Accounts(loket).add_mail(KCC, "geheim")
    assert Accounts(loket).may_manage() and added.id > 0
    act_as(loket, login)
    with pytest.raises(PermissionDenied):
        Accounts(loket).remove("kcc")
    with pytest.raises(PermissionDenied):
        Accounts(loket).update_mail(added)
    assert [a.name for a in Accounts(loket).mail_accounts()] == ["kcc"]  # still there
    act_as(loket, "bea")
    Accounts(loket).remove("kcc")
    assert Accounts(loket).mail_accounts() == []
    assert audit_rows(loket, "account.add") == [(login, "geweigerd"), ("bea", "ok")]
    assert audit_rows(loket, "account.remove") == [(login, "geweigerd"), ("bea", "ok")]


def test_a_teamleider_cannot_answer_a_resident_a_medewerker_can(loket: Loket) -> None:
    add_staff(loket)
    reference = question(loket)
    act_as(loket, "bea")
    account = Accounts(loket).add_mail(KCC, "geheim")
    for login in ("tineke", "arjen", "bea"):
        act_as(loket, login)
        with pytest.raises(PermissionDenied):
            smtp.compose_reply(loket, account, reference, "Morgen.")
    assert loket.db.scalar("SELECT count(*) FROM outbox") == 0
    act_as(loket, "anne")
    changes = smtp.compose_reply(loket, account, reference, "Morgen komt hij.")
    (reply,) = changes.messages
    assert loket.db.scalar("SELECT author_id FROM messages WHERE id = ?", (reply,)) is not None
    assert audit_rows(loket, acts.REPLY_SEND.code)[-1] == ("anne", "ok")
    outbox_id = loket.db.scalar("SELECT id FROM outbox")
    loket.db.conn.execute("UPDATE outbox SET state = 'uncertain' WHERE id = ?", (outbox_id,))
    act_as(loket, "tineke")
    with pytest.raises(PermissionDenied):
        smtp.send_again(loket, outbox_id)
    act_as(loket, "anne")
    assert "outbox" in smtp.send_again(loket, outbox_id).kinds
    assert loket.db.scalar("SELECT state FROM outbox") == "queued"


def test_a_vertrouwelijk_case_is_answered_and_its_outbox_read_by_its_assignee_only(
    loket: Loket,
) -> None:
    from inbox import mailview

    add_staff(loket)
    reference = question(loket)
    act_as(loket, "bea")
    account = Accounts(loket).add_mail(KCC, "geheim")
    act_as(loket, "anne")
    loket.assign(reference, "anne")
    loket.db.conn.execute("UPDATE cases SET confidential = 1")
    assert mailview.outbox_of_case(loket, reference) == {}
    act_as(loket, "bram")
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        smtp.compose_reply(loket, account, reference, "Antwoord")
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        mailview.outbox_of_case(loket, reference)
    message_id = int(loket.db.scalar("SELECT id FROM messages"))
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        mailview.message_view(loket, message_id)


def test_sync_needs_the_sync_right(loket: Loket) -> None:
    from inbox.channels import imap

    add_staff(loket)
    act_as(loket, "bea")
    account = Accounts(loket).add_mail(KCC, "geheim")
    act_as(loket, "tineke")
    with pytest.raises(PermissionDenied, match="geen post ophalen"):
        imap.sync_account(loket, account, "geheim")
    assert audit_rows(loket, acts.MAIL_SYNC.code) == [("tineke", "geweigerd")]


def test_small_originals_live_in_the_database_and_read_like_any_blob(loket: Loket) -> None:
    small, large = b"klein bericht" * 10, b"x" * (300 * 1024)
    digests = {hashlib.sha256(r).hexdigest(): r for r in (small, large)}
    with loket.db.transaction():
        loket.blobs.keep_originals(digests)
    d_small, d_large = digests
    assert not loket.blobs.path_for(d_small).exists()  # in the database
    assert loket.blobs.path_for(d_large).exists()  # a file
    assert loket.db.scalar("SELECT count(*) FROM originals") == 1
    assert [loket.blobs.get(d) for d in digests] == [small, large]
    assert all(loket.blobs.exists(d) for d in digests)
    for d in digests:
        loket.blobs.delete(d)
    assert not any(loket.blobs.exists(d) for d in digests)
    assert loket.db.scalar("SELECT count(*) FROM originals") == 0


def test_a_blob_folder_that_cannot_be_written_is_named_not_the_file_or_the_network(
    loket: Loket, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from inbox.channels.imports.files import import_files

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(BlobFolderError) as caught:
        loket.blobs.put_many([b"bijlage"])
    message = str(caught.value)
    assert "map met originele berichten" in message and "alleen-lezen" in message
    mail = tmp_path / "a.eml"
    mail.write_bytes(b"From: a@example.nl\r\nSubject: x\r\n\r\ntekst\r\n")
    with pytest.raises(BlobFolderError):  # not "geen toegang tot het bestand"
        import_files(loket, [mail])
    with pytest.raises(BlobFolderError):
        loket.receive(IncomingMessage(
            channel=Channel.EMAIL, sent_at=datetime(2026, 11, 2, tzinfo=UTC), subject="x",
            attachments=(Attachment("a.pdf", "application/pdf", b"%PDF"),)))


def test_erasure_removes_a_residents_original_kept_in_the_database(loket: Loket) -> None:
    from inbox.channels import filing
    from inbox.channels.mailparse import parse_email
    from inbox.privacy import erasure

    raw = (b"From: Petra Vos <petra@example.nl>\r\nSubject: Mijn BSN 111222333\r\n"
           b"Message-ID: <petra@example.nl>\r\n\r\nMijn geheime vraag.\r\n")
    digest = hashlib.sha256(raw).hexdigest()
    with loket.op(acts.MAIL_SYNC) as op:
        filing.file_batch(loket, op, [parse_email(raw, digest)], {digest: raw})
    assert loket.db.scalar("SELECT count(*) FROM originals") == 1
    assert not loket.blobs.path_for(digest).exists()  # inside the database
    add_staff(loket)
    act_as(loket, "anne")
    reference = loket.db.scalar("SELECT reference FROM cases")
    loket.close_case(reference, outcome="Beantwoord", first_contact_resolution=True)
    loket.db.conn.execute("UPDATE cases SET destroy_date = NULL, legal_hold = 0")
    act_as(loket, "arjen")
    outcome = erasure.erase(loket, "petra@example.nl")
    assert outcome.blobs_removed == 1
    assert loket.db.scalar("SELECT count(*) FROM originals") == 0
    assert not loket.blobs.exists(digest)


def test_phone_numbers_found_by_the_parser_or_while_filing_index_alike(loket: Loket) -> None:
    from dataclasses import replace

    from inbox.channels import filing
    from inbox.channels.mailparse import parse_email
    from storage.search_terms import message_phone_terms

    raws = [(b"From: Sanne <sanne%d@example.nl>\r\nSubject: Bel mij\r\n"
             b"Message-ID: <tel%d@example.nl>\r\n\r\nMijn nummer: 06-19868609.\r\n" % (n, n))
            for n in range(2)]
    digests = [hashlib.sha256(r).hexdigest() for r in raws]
    found_here = parse_email(raws[0], digests[0])  # found while filing (phone_terms None)
    early = parse_email(raws[1], digests[1])
    early = replace(early, phone_terms=message_phone_terms(early.sender, early.subject,
                                                           early.body_text))
    with loket.op(acts.MAIL_SYNC) as op:
        filing.file_batch(loket, op, [found_here, early], dict(zip(digests, raws, strict=True)))
    contacts = [r[0] for r in loket.db.conn.execute(
        "SELECT contact FROM search_index WHERE kind = 'message' ORDER BY rowid")]
    assert contacts == ["Sanne 31619868609", "Sanne 31619868609"]
    assert loket.db.scalar(
        "SELECT count(*) FROM search_index WHERE search_index MATCH '31619868609'") == 2


def test_small_originals_are_packed_and_plain_rows_of_before_still_read(loket: Loket) -> None:
    import random

    from storage.blobs import PACKED

    text = b"From: Jan <jan@example.nl>\r\nSubject: Vraag\r\n\r\n" + b"Mijn container. " * 200
    noise = random.Random(16).randbytes(1024)  # compression would not shrink it: kept plain
    lookalike = PACKED + b" is how this plain original happens to start"
    packed = {hashlib.sha256(r).hexdigest(): r for r in (text, noise)}
    with loket.db.transaction():
        loket.blobs.keep_originals(packed)
    stored = dict(loket.db.conn.execute("SELECT digest, data FROM originals"))
    d_text, d_noise = packed
    assert bytes(stored[d_text]).startswith(PACKED) and len(stored[d_text]) < len(text) / 3
    assert bytes(stored[d_noise]) == noise
    plain = {hashlib.sha256(r).hexdigest(): r for r in (b"een rij van voor het inpakken",
                                                        lookalike)}
    with loket.db.transaction():
        loket.blobs.put_inline(list(plain.items()))  # rows as an older Loket wrote them
    for digest, raw in {**packed, **plain}.items():
        assert loket.blobs.get(digest) == raw
