"""IMAP sync against a real Dovecot: nothing lost, nothing duplicated, nothing changed."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import imap
from inbox.channels.imap import MailServerError, sync_account

pytestmark = pytest.mark.integration


def mail(n: int, subject: str | None = None, sender: str | None = None) -> bytes:
    return (
        f"From: Inwoner {n} <inwoner{n}@example.nl>\r\n"
        f"To: kcc@gemeente.test\r\nSubject: {subject or f'Vraag nummer {n}'}\r\n"
        f"Date: Mon, 02 Nov 2026 10:{n % 60:02d}:00 +0100\r\n"
        f"Message-ID: <m{n}@example.nl>\r\n\r\nTekst van bericht {n}.\r\n"
    ).encode()


def server(dovecot, user: tuple[str, str]) -> IMAPClient:  # type: ignore[no-untyped-def]
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(*user)
    return client


def account(loket, dovecot, user, name: str = "kcc", **kw) -> MailAccount:  # type: ignore[no-untyped-def]
    """The account `name` on the test Dovecot as `user` (login, password), added by the test."""
    acc = MailAccount(
        name=name,
        host="127.0.0.1",
        port=dovecot.port,
        security=Security.NONE,
        username=user[0],
        **kw,
    )
    return Accounts(loket).add_mail(acc, user[1])


def count(loket) -> int:  # type: ignore[no-untyped-def]
    return int(loket.db.scalar("SELECT count(*) FROM messages"))


def test_sync_fetches_everything_once_and_never_marks_mail_read(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user
) -> None:
    with server(dovecot, mailbox_user) as c:
        for n in range(1, 8):
            c.append("INBOX", mail(n), flags=[b"\\Seen"] if n % 2 else [])
    acc = account(loket, dovecot, mailbox_user)
    report = sync_account(loket, acc, mailbox_user[1])
    assert (report.fetched, report.duplicates) == (7, 0)
    assert count(loket) == 7
    again = sync_account(loket, acc, mailbox_user[1])
    assert again.fetched == 0 and again.folders["INBOX"].unchanged
    with server(dovecot, mailbox_user) as c:
        c.select_folder("INBOX", readonly=True)
        flags = c.get_flags(c.search(["ALL"]))
        seen = sorted(uid for uid, f in flags.items() if b"\\Seen" in f)
        assert seen == [1, 3, 5, 7]  # untouched: unread mail is still unread
        c.append("INBOX", mail(8))
    third = sync_account(loket, acc, mailbox_user[1])
    assert third.fetched == 1 and count(loket) == 8
    state = loket.db.one("SELECT last_uid, uidvalidity, highestmodseq, last_error FROM sync_state")
    assert state["last_uid"] == 8 and state["last_error"] is None
    assert state["highestmodseq"] is not None  # CONDSTORE used
    stored = loket.db.one(
        "SELECT imap_uid, imap_folder, account_id FROM messages "
        "WHERE message_id = '<m8@example.nl>'"
    )
    assert tuple(stored) == (8, "INBOX", acc.id)


def test_a_crash_in_the_middle_of_a_batch_loses_and_duplicates_nothing(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user, monkeypatch
) -> None:
    with server(dovecot, mailbox_user) as c:
        for n in range(1, 11):
            c.append("INBOX", mail(n))
    acc = account(loket, dovecot, mailbox_user)
    monkeypatch.setattr(imap, "BATCH", 4)
    from inbox.channels import filing

    real_insert = filing._Batch._insert
    calls = {"n": 0}

    def crashing_insert(self, rows):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the second batch: its cases exist, its messages are half written
            real_insert(self, rows[:2])
            raise RuntimeError("power cut")
        return real_insert(self, rows)

    monkeypatch.setattr(filing._Batch, "_insert", crashing_insert)
    with pytest.raises(MailServerError):
        sync_account(loket, acc, mailbox_user[1])
    assert count(loket) == 4  # the first batch stays, the broken batch left nothing behind
    assert loket.db.scalar("SELECT last_uid FROM sync_state") == 4
    assert "Onverwachte fout" in loket.db.scalar("SELECT last_error FROM sync_state")
    assert loket.db.scalar("SELECT count(*) FROM cases") == 4  # its cases were rolled back
    monkeypatch.setattr(filing._Batch, "_insert", real_insert)
    report = sync_account(loket, acc, mailbox_user[1])
    assert report.fetched == 6 and count(loket) == 10
    ids = [r[0] for r in loket.db.query("SELECT message_id FROM messages ORDER BY imap_uid")]
    assert ids == [f"<m{n}@example.nl>" for n in range(1, 11)]


def test_changed_uidvalidity_resyncs_by_bytes_without_duplicates(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user
) -> None:
    with server(dovecot, mailbox_user) as c:
        c.create_folder("Gemeente")
        for n in range(1, 4):
            c.append("Gemeente", mail(n))
    acc = account(loket, dovecot, mailbox_user, folders=("Gemeente",))
    sync_account(loket, acc, mailbox_user[1])
    old = loket.db.scalar("SELECT uidvalidity FROM sync_state")
    with server(dovecot, mailbox_user) as c:  # the mailbox is rebuilt: same mail, new UIDs
        c.delete_folder("Gemeente")
        c.create_folder("Gemeente")
        for n in (3, 2, 1, 4):
            c.append("Gemeente", mail(n))
    report = sync_account(loket, acc, mailbox_user[1])
    assert report.folders["Gemeente"].resynced
    assert (report.fetched, report.duplicates) == (1, 3)
    assert count(loket) == 4
    new = loket.db.scalar("SELECT uidvalidity FROM sync_state")
    assert new != old
    m1 = loket.db.one(
        "SELECT imap_uid, imap_uidvalidity FROM messages WHERE message_id = '<m1@example.nl>'"
    )
    assert tuple(m1) == (3, new)


def test_several_folders_and_a_missing_folder(loket, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with server(dovecot, mailbox_user) as c:
        c.create_folder("Social")
        c.append("INBOX", mail(1))
        c.append("Social", mail(2))
    acc = account(loket, dovecot, mailbox_user, folders=("INBOX", "Social"))
    report = sync_account(loket, acc, mailbox_user[1])
    assert {f: r.fetched for f, r in report.folders.items()} == {"INBOX": 1, "Social": 1}
    broken = account(loket, dovecot, mailbox_user, "kapot", folders=("Bestaat niet",))
    with pytest.raises(MailServerError, match="Map 'Bestaat niet' bestaat niet"):
        sync_account(loket, broken, mailbox_user[1])
    assert count(loket) == 2


def test_same_message_in_two_folders_is_stored_once(loket, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with server(dovecot, mailbox_user) as c:
        c.create_folder("Kopie")
        c.append("INBOX", mail(1))
        c.append("Kopie", mail(1))
    acc = account(loket, dovecot, mailbox_user, folders=("INBOX", "Kopie"))
    report = sync_account(loket, acc, mailbox_user[1])
    assert (report.fetched, report.duplicates) == (1, 1)


def test_handled_mail_is_moved_only_when_asked(loket, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with server(dovecot, mailbox_user) as c:
        c.append("INBOX", mail(1))
        c.append("INBOX", mail(2))
    acc = account(loket, dovecot, mailbox_user, move_handled_to="Afgehandeld")
    sync_account(loket, acc, mailbox_user[1])
    ref = loket.db.scalar(
        "SELECT c.reference FROM cases c JOIN messages m ON m.case_id = c.id "
        "WHERE m.message_id = '<m1@example.nl>'"
    )
    loket.close_case(ref, "Beantwoord", first_contact_resolution=True)
    report = sync_account(loket, acc, mailbox_user[1])
    assert report.moved == 1
    with server(dovecot, mailbox_user) as c:
        assert c.select_folder("INBOX")[b"EXISTS"] == 1
        assert c.select_folder("Afgehandeld")[b"EXISTS"] == 1
    assert sync_account(loket, acc, mailbox_user[1]).moved == 0
    assert count(loket) == 2


def test_wrong_password_refused_port_and_unknown_host_are_explained(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user, monkeypatch
) -> None:
    acc = MailAccount(
        name="x",
        host="127.0.0.1",
        port=dovecot.port,
        security=Security.NONE,
        username=mailbox_user[0],
    )
    with pytest.raises(MailServerError, match="gebruikersnaam of wachtwoord klopt niet"):
        imap.test_connection(loket, acc, "fout")
    assert "Verbinding gelukt" in imap.test_connection(loket, acc, mailbox_user[1])
    from tests.integration.dovecot import free_port

    closed = MailAccount(
        name="x", host="127.0.0.1", port=free_port(), security=Security.NONE, username="u"
    )
    with pytest.raises(MailServerError, match="weigert de verbinding op poort"):
        imap.test_connection(loket, closed, "pw")

    def no_such_host(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    unknown = MailAccount(name="x", host="imap.onbekend.test", port=993, username="u")
    with pytest.raises(MailServerError, match="'imap.onbekend.test' is niet gevonden"):
        imap.test_connection(loket, unknown, "pw")


def test_tls_certificates_are_checked(loket, tls_dovecot, tls_cert: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    base = dict(name="x", host="127.0.0.1", username="kcc@gemeente.test")
    untrusted = MailAccount(port=tls_dovecot.tls_port, security=Security.SSL, **base)
    with pytest.raises(MailServerError, match="certificaat .* niet te vertrouwen"):
        imap.test_connection(loket, untrusted, "geheim")
    trusted = MailAccount(
        port=tls_dovecot.tls_port, security=Security.SSL, ca_file=str(tls_cert[0]), **base
    )
    assert "Verbinding gelukt" in imap.test_connection(loket, trusted, "geheim")
    starttls = MailAccount(
        port=tls_dovecot.port, security=Security.STARTTLS, ca_file=str(tls_cert[0]), **base
    )
    assert "Verbinding gelukt" in imap.test_connection(loket, starttls, "geheim")
    wrong_mode = MailAccount(
        port=tls_dovecot.port, security=Security.SSL, ca_file=str(tls_cert[0]), **base
    )
    with pytest.raises(MailServerError, match="Beveiligde verbinding .* mislukt"):
        imap.test_connection(loket, wrong_mode, "geheim")


def test_batches_are_capped_by_count_and_by_bytes(dovecot, mailbox_user, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with server(dovecot, mailbox_user) as c:
        for n in range(1, 11):
            c.append("INBOX", mail(n) + b"x" * (1000 if n == 5 else 0))
        c.select_folder("INBOX", readonly=True)
        uids = sorted(c.search(["ALL"]))
        monkeypatch.setattr(imap, "BATCH", 4)
        assert [len(b) for b in imap._batches(c, uids)] == [4, 4, 2]
        small = len(mail(1)) * 3 + 10  # room for three ordinary messages
        monkeypatch.setattr(imap, "BATCH_BYTES", small)
        batches = list(imap._batches(c, uids))
        assert [u for b in batches for u in b] == uids  # every message, in order, once
        assert max(len(b) for b in batches) <= 3 and [5] in batches  # the big one alone
