"""The sync against a misbehaving IMAP server (tests/integration/rogue_imap.py): a cut
connection, garbage, an omitted UID, a hang, a wrong literal size and poison mail each end in
stored mail or one Dutch line (never a hang, never the generic "onverwachte fout"), and the
next pass brings everything, later mail included.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import imap
from inbox.channels.imap import MailServerError, sync_account
from inbox.services import Loket
from tests.integration.rogue_imap import RogueImap, plain

pytestmark = pytest.mark.integration

# a subject and a body in UTF-7 that decode to a lone surrogate (issue 18 #1)
POISON = (
    b"From: Gif <gif@example.nl>\r\nTo: kcc@gemeente.test\r\n"
    b"Subject: =?utf-7?q?+2AA-?= Vraag over afval\r\nMessage-ID: <gif@example.nl>\r\n"
    b"Date: Mon, 02 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-7\r\n\r\n"
    b"Mijn container +2AA- is niet geleegd.\r\n"
)


@pytest.fixture
def rogue() -> Iterator[RogueImap]:
    with RogueImap() as server:
        yield server


@pytest.fixture
def account(loket: Loket, rogue: RogueImap, monkeypatch: pytest.MonkeyPatch) -> MailAccount:
    monkeypatch.setattr(imap, "TIMEOUT", 1.5)  # a silent server is given up on quickly
    monkeypatch.setattr(imap, "BATCH", 3)
    return Accounts(loket).add_mail(
        MailAccount(name="kcc", host="127.0.0.1", port=rogue.port, security=Security.NONE,
                    username=rogue.user),
        rogue.password,
    )


def stored(loket: Loket) -> list[str]:
    return [r[0] for r in loket.db.query("SELECT message_id FROM messages ORDER BY imap_uid")]


def ids(numbers: range) -> list[str]:
    return [f"<rogue{n}@example.nl>" for n in numbers]


def fails_in_dutch(loket: Loket, account: MailAccount, rogue: RogueImap) -> str:
    started = time.monotonic()
    with pytest.raises(MailServerError) as caught:
        sync_account(loket, account, rogue.password)
    message = str(caught.value)
    assert "Onverwachte fout" not in message and "\n" not in message
    assert time.monotonic() - started < 20  # never a hang
    assert loket.db.scalar("SELECT last_error FROM sync_state") == message
    return message


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("cut_at", "De verbinding met 127.0.0.1 is verbroken."),
        ("garbage_at", "Server 127.0.0.1 stuurde een antwoord dat Loket niet begrijpt"),
        ("hang_at", "Server 127.0.0.1 reageert niet (time-out)."),
        ("literal_at", "Server 127.0.0.1"),
    ],
)
def test_a_broken_answer_costs_one_dutch_line_and_the_next_pass_brings_everything(
    loket: Loket, rogue: RogueImap, account: MailAccount, fault: str, expected: str
) -> None:
    for n in range(1, 9):
        rogue.append(plain(n))
    setattr(rogue.faults, fault, 5)  # in the second batch (UIDs 4-6)
    message = fails_in_dutch(loket, account, rogue)
    assert message.startswith(expected)
    assert stored(loket) == ids(range(1, 4))  # the whole batch before the fault is kept
    rogue.append(plain(9))  # later mail
    report = sync_account(loket, account, rogue.password)
    assert report.fetched == 6
    assert stored(loket) == ids(range(1, 10))
    assert loket.db.scalar("SELECT last_error FROM sync_state") is None


def test_a_uid_left_out_of_a_fetch_is_fetched_again_not_skipped(
    loket: Loket, rogue: RogueImap, account: MailAccount
) -> None:
    for n in range(1, 8):
        rogue.append(plain(n))
    rogue.faults.omit = {2}
    rogue.faults.omit_times = 2  # left out on two passes, then served
    first = sync_account(loket, account, rogue.password)
    assert first.fetched == 6 and "<rogue2@example.nl>" not in stored(loket)
    assert loket.db.scalar("SELECT last_uid FROM sync_state") == 1  # held before the gap
    fetches = rogue.fetches
    second = sync_account(loket, account, rogue.password)  # left out again
    assert second.fetched == 0 and second.duplicates == 0
    assert rogue.fetches == fetches + 1  # only the missing UID was asked for, not 3-7 again
    rogue.append(plain(8))
    third = sync_account(loket, account, rogue.password)
    assert third.fetched == 2
    assert stored(loket) == ids(range(1, 9))
    assert loket.db.scalar("SELECT last_uid FROM sync_state") == 8
    assert sync_account(loket, account, rogue.password).fetched == 0


def test_a_uid_the_server_confirms_gone_is_passed(
    loket: Loket, rogue: RogueImap, account: MailAccount
) -> None:
    for n in range(1, 6):
        rogue.append(plain(n))
    rogue.faults.omit = {3}
    real_search = imap.IMAPClient.search

    def search_after_expunge(client, criteria):  # type: ignore[no-untyped-def]
        if criteria[0] == "UID" and criteria[1] == "3":
            rogue.expunge(3)  # deleted by a colleague between SEARCH and FETCH
        return real_search(client, criteria)

    imap.IMAPClient.search = search_after_expunge  # type: ignore[method-assign]
    try:
        report = sync_account(loket, account, rogue.password)
    finally:
        imap.IMAPClient.search = real_search  # type: ignore[method-assign]
    assert report.fetched == 4
    assert loket.db.scalar("SELECT last_uid FROM sync_state") == 5


def test_poison_mail_is_stored_and_the_batch_goes_on(
    loket: Loket, rogue: RogueImap, account: MailAccount
) -> None:
    rogue.append(plain(1))
    rogue.append(POISON)
    rogue.append(plain(3))
    rogue.append(plain(4))
    report = sync_account(loket, account, rogue.password)
    assert report.fetched == 4
    row = loket.db.one("SELECT id, subject, body_text FROM messages WHERE imap_uid = 2")
    assert row["subject"] == "\ufffd Vraag over afval"
    assert "\ufffd" in row["body_text"] and "niet geleegd" in row["body_text"]
    assert loket.original_bytes(row["id"]) == POISON  # byte for byte
    assert loket.db.scalar("SELECT last_uid FROM sync_state") == 4
    assert stored(loket) == [*ids(range(1, 2)), "<gif@example.nl>", *ids(range(3, 5))]


def test_a_message_that_cannot_be_filed_is_kept_as_its_original_flagged(
    loket: Loket, rogue: RogueImap, account: MailAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inbox import threading as threads

    for n in range(1, 5):
        rogue.append(plain(n))
    real = threads.case_for

    def breaks_on_two(lookup, *, subject, **kw):  # type: ignore[no-untyped-def]
        if subject == "Vraag 2":
            raise ValueError("a bug in threading")
        return real(lookup, subject=subject, **kw)

    monkeypatch.setattr(threads, "case_for", breaks_on_two)
    report = sync_account(loket, account, rogue.password)
    assert report.fetched == 4
    row = loket.db.one("SELECT id, subject, parse_error, case_id FROM messages WHERE imap_uid = 2")
    assert row["parse_error"] == "opslaan mislukt: ValueError"
    assert row["subject"] == "(onleesbaar bericht)" and row["case_id"] is not None
    assert loket.original_bytes(row["id"]) == plain(2)
    assert loket.db.scalar("SELECT count(*) FROM cases") == 4


def test_poison_mail_imported_as_a_file_is_kept(loket: Loket, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inbox.channels.imports.files import import_files

    path = tmp_path / "gif.eml"
    path.write_bytes(POISON)
    report = import_files(loket, [path])
    assert (report.imported, report.failed) == (1, [])
    row = loket.db.one("SELECT id, subject FROM messages")
    assert row["subject"] == "\ufffd Vraag over afval"
    assert loket.original_bytes(row["id"]) == POISON
