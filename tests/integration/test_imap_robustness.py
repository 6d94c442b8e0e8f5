"""The IMAP sync under pressure, against a real Dovecot: big mailboxes, new mail, a rebuilt
folder, a connection cut in the middle of a FETCH, a sync process killed with SIGKILL, a 25 MB
attachment and broken MIME. Every test ends with the same check: the database holds exactly
the server's messages, none missing and none twice.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import imap
from inbox.channels.imap import MailServerError, sync_account
from inbox.services import Loket
from tests.conftest import ROOT
from tests.integration.tcp_proxy import TcpProxy
from tests.integration.test_sync import add_account
from tests.unit.test_cli import ANNE
from tests.unit.test_cli import anne as cli

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _batches_of_50(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests place their cuts and arrivals by batches of 50 messages."""
    monkeypatch.setattr(imap, "BATCH", 50)

WORDS = (
    "paspoort afspraak container vergunning bezwaar terugbellen adres parkeren woz aanslag "
    "verhuizing uittreksel gemeente inwoner melding stoeptegel lantaarnpaal wmo"
).split()


def mail(n: int, size: int = 1500, tag: str = "r") -> bytes:
    """A plain resident's e-mail of about `size` bytes with a unique Message-ID."""
    rng = random.Random(n)
    words = " ".join(rng.choice(WORDS) for _ in range(size // 9))
    lines = [words[i : i + 72] for i in range(0, len(words), 72)]
    return (
        f"From: Inwoner {n} <inwoner{n}@example.nl>\r\n"
        f"To: kcc@gemeente.test\r\nSubject: Vraag {n} over {rng.choice(WORDS)}\r\n"
        f"Date: Mon, 02 Nov 2026 {8 + n % 10:02d}:{n % 60:02d}:00 +0100\r\n"
        f"Message-ID: <{tag}{n}@example.nl>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Beste gemeente,\r\n\r\n" + "\r\n".join(lines) + f"\r\n\r\nGroet, inwoner {n}\r\n"
    ).encode()


def fill(port: int, user: tuple[str, str], raws: Iterable[bytes], folder: str = "INBOX",
         seen: bool = False) -> None:
    """APPEND many messages over one connection, 200 at a time with MULTIAPPEND."""
    flags = [b"\\Seen"] if seen else []
    with IMAPClient("127.0.0.1", port=port, ssl=False) as c:
        c.login(*user)
        if not c.folder_exists(folder):
            c.create_folder(folder)
        chunk: list[dict[str, object]] = []
        for raw in raws:
            chunk.append({"msg": raw, "flags": flags})
            if len(chunk) == 200:
                c.multiappend(folder, chunk)
                chunk = []
        if chunk:
            c.multiappend(folder, chunk)


def server_state(port: int, user: tuple[str, str], folder: str = "INBOX") -> tuple[int, int]:
    """(number of messages, number of unread messages) on the server."""
    with IMAPClient("127.0.0.1", port=port, ssl=False) as c:
        c.login(*user)
        status = c.folder_status(folder, [b"MESSAGES", b"UNSEEN"])
        return int(status[b"MESSAGES"]), int(status[b"UNSEEN"])


def add(loket: Loket, port: int, user: tuple[str, str], **kw: object) -> MailAccount:
    acc = MailAccount(
        name="kcc", host="127.0.0.1", port=port, security=Security.NONE, username=user[0],
        **kw,  # type: ignore[arg-type]
    )
    return Accounts(loket).add_mail(acc, user[1])


def assert_exact(loket: Loket, expected_ids: set[str]) -> None:
    """The database holds exactly these Message-IDs, each once."""
    rows = loket.db.query("SELECT message_id, count(*) AS n FROM messages GROUP BY message_id")
    doubled = [r["message_id"] for r in rows if r["n"] > 1]
    assert not doubled, f"stored twice: {doubled[:5]}"
    stored = {r["message_id"] for r in rows}
    missing, extra = sorted(expected_ids - stored), sorted(stored - expected_ids)
    assert stored == expected_ids, f"missing {missing[:5]}, unexpected {extra[:5]}"
    assert loket.db.scalar("SELECT count(DISTINCT raw_sha256) FROM messages") == len(expected_ids)


def assert_whole_batches(loket: Loket, folder: str = "INBOX") -> int:
    """What a broken sync left behind: exactly UIDs 1..last_uid, never a partial batch."""
    last_uid = int(loket.db.scalar(
        "SELECT coalesce(last_uid, 0) FROM sync_state WHERE folder = ?", (folder,)) or 0)
    uids = [r[0] for r in loket.db.query(
        "SELECT imap_uid FROM messages WHERE imap_folder = ? ORDER BY imap_uid", (folder,))]
    assert uids == list(range(1, last_uid + 1))
    return last_uid


def ids(numbers: Iterable[int], tag: str = "r") -> set[str]:
    return {f"<{tag}{n}@example.nl>" for n in numbers}


# -- (1) and (2): a big first sync, then only what is new ---------------------------------------


def test_first_sync_of_2000_messages_holds_exactly_2000(loket, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    fill(dovecot.port, mailbox_user, (mail(n) for n in range(1, 2001)))
    assert server_state(dovecot.port, mailbox_user) == (2000, 2000)
    acc = add(loket, dovecot.port, mailbox_user)
    seen: list[tuple[int, int]] = []
    report = sync_account(loket, acc, mailbox_user[1],
                          progress=lambda folder, done, total: seen.append((done, total)))
    assert (report.fetched, report.duplicates) == (2000, 0)
    assert_exact(loket, ids(range(1, 2001)))
    assert assert_whole_batches(loket) == 2000
    assert seen[0] == (0, 2000) and seen[-1] == (2000, 2000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # progress only moves forward
    assert loket.db.scalar("SELECT count(*) FROM cases") == 2000  # one case per resident
    assert server_state(dovecot.port, mailbox_user) == (2000, 2000)  # nothing marked read
    again = sync_account(loket, acc, mailbox_user[1])
    assert again.fetched == 0 and again.folders["INBOX"].unchanged


def test_incremental_sync_fetches_only_new_mail_including_mail_that_arrives_during_a_sync(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user
) -> None:
    fill(dovecot.port, mailbox_user, (mail(n) for n in range(1, 131)))
    acc = add(loket, dovecot.port, mailbox_user)
    assert sync_account(loket, acc, mailbox_user[1]).fetched == 130
    # more arrives; some of it was already read in another client (Outlook, webmail)
    fill(dovecot.port, mailbox_user, (mail(n) for n in range(131, 201)))
    fill(dovecot.port, mailbox_user, (mail(n) for n in range(201, 301)), seen=True)
    arrived = iter(range(301, 304))

    def deliver_during_sync(folder: str, done: int, total: int) -> None:
        n = next(arrived, None)
        if n is not None:  # mail arriving while a pass is running is for the next pass
            fill(dovecot.port, mailbox_user, [mail(n)])

    second = sync_account(loket, acc, mailbox_user[1], progress=deliver_during_sync)
    assert (second.fetched, second.duplicates) == (170, 0)
    assert second.folders["INBOX"].resynced is False
    third = sync_account(loket, acc, mailbox_user[1])
    assert third.fetched == 3 and not third.folders["INBOX"].unchanged
    assert sync_account(loket, acc, mailbox_user[1]).folders["INBOX"].unchanged
    assert_exact(loket, ids(range(1, 304)))
    assert assert_whole_batches(loket) == 303
    assert server_state(dovecot.port, mailbox_user) == (303, 203)  # read state untouched


# -- (3) a rebuilt folder: new UIDVALIDITY, the same mail under other UIDs -----------------------


def test_resync_after_uidvalidity_change_keeps_the_cli_count_exact(  # type: ignore[no-untyped-def]
    tmp_path: Path, dovecot, mailbox_user
) -> None:
    db = tmp_path / "x.db"
    fill(dovecot.port, mailbox_user, (mail(n) for n in range(1, 261)), folder="Gemeente")
    add_account(db, dovecot, mailbox_user, "--folder", "Gemeente")
    first = cli("--db", db, "sync", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)[0]["fetched"] == 260
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        old = c.folder_status("Gemeente", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
        c.delete_folder("Gemeente")  # e.g. restored from a backup, or moved to a new server
    order = list(range(1, 261))
    random.Random(3).shuffle(order)
    fill(dovecot.port, mailbox_user, (mail(n) for n in [*order, *range(261, 301)]),
         folder="Gemeente")
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        new = c.folder_status("Gemeente", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    assert new != old
    second = cli("--db", db, "sync", "--json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == [
        {"account": "kcc", "ok": True, "fetched": 40, "sent": 0, "error": None}
    ]
    assert json.loads(cli("--db", db, "stats", "--json").stdout)["messages_by_channel"] == {
        "email": 300
    }
    assert json.loads(cli("--db", db, "sync", "--json").stdout)[0]["fetched"] == 0
    loket = Loket.open(db)
    try:
        assert_exact(loket, ids(range(1, 301)))
        # every stored message now points at its new place on the server
        rows = loket.db.query("SELECT message_id, imap_uid, imap_uidvalidity FROM messages")
        assert {r["imap_uidvalidity"] for r in rows} == {new}
        where = {r["message_id"]: r["imap_uid"] for r in rows}
        assert [where[f"<r{n}@example.nl>"] for n in order[:5]] == [1, 2, 3, 4, 5]
        assert sorted(where.values()) == list(range(1, 301))
        assert loket.db.scalar("SELECT last_uid FROM sync_state") == 300
    finally:
        loket.close()


# -- (4) the connection cut in the middle of a FETCH ---------------------------------------------

EXPECTED_ERROR = {
    "close": "De verbinding met 127.0.0.1 is verbroken.",
    "reset": "De verbinding met 127.0.0.1 is verbroken.",
    "stall": "Server 127.0.0.1 reageert niet (time-out).",
}


@pytest.mark.parametrize("mode", ["close", "reset", "stall"])
def test_connection_cut_in_the_middle_of_a_fetch_then_a_clean_resume(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user, monkeypatch, mode: str
) -> None:
    raws = [mail(n, size=2000) for n in range(1, 301)]
    fill(dovecot.port, mailbox_user, raws)
    monkeypatch.setattr(imap, "TIMEOUT", 1.5)  # a stalled server is given up on quickly
    with TcpProxy(dovecot.port) as proxy:
        acc = add(loket, proxy.port, mailbox_user)
        # about 110 KB per batch of 50: the cut lands inside the third FETCH's literals
        proxy.cut(after=sum(map(len, raws[:125])), mode=mode)
        with pytest.raises(MailServerError) as caught:
            sync_account(loket, acc, mailbox_user[1])
        assert str(caught.value) == EXPECTED_ERROR[mode]
        assert proxy.cuts == 1
        state = loket.db.one("SELECT last_uid, last_error FROM sync_state")
        assert state["last_error"] == EXPECTED_ERROR[mode]  # shown per account in the UI
        kept = assert_whole_batches(loket)
        assert kept == 100  # the two whole batches before the cut, not a message of the third
        resumed = sync_account(loket, acc, mailbox_user[1])
        assert (resumed.fetched, resumed.duplicates) == (200, 0)
        assert proxy.connections == 2
    assert_exact(loket, ids(range(1, 301)))
    assert assert_whole_batches(loket) == 300
    assert loket.db.scalar("SELECT last_error FROM sync_state") is None
    assert server_state(dovecot.port, mailbox_user) == (300, 300)


# -- (5) the sync process killed with SIGKILL mid-batch, then restarted ----------------------------


@pytest.mark.slow
def test_sigkill_in_mid_sync_then_restart_holds_the_exact_server_count(  # type: ignore[no-untyped-def]
    tmp_path: Path, dovecot, mailbox_user
) -> None:
    total = 3000
    fill(dovecot.port, mailbox_user, (mail(n, size=3000) for n in range(1, total + 1)))
    db = tmp_path / "x.db"
    add_account(db, dovecot, mailbox_user)
    watcher = Loket.open(db)  # the same keyring as the subprocess (HOME is shared via env)
    try:
        killed_at = []
        for fraction in (0.25, 0.6):  # killed twice, each time while a batch is in flight
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "--db", str(db), "sync"],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**os.environ, **ANNE},
            )
            deadline = time.monotonic() + 120
            try:
                while True:
                    stored = watcher.db.scalar("SELECT count(*) FROM messages")
                    if stored >= total * fraction:
                        break
                    assert proc.poll() is None, "the sync ended before it could be killed"
                    assert time.monotonic() < deadline, "the sync made no progress"
                    time.sleep(0.005)
                proc.send_signal(signal.SIGKILL)
            finally:
                proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            kept = assert_whole_batches(watcher)  # a half-written batch left nothing behind
            assert 0 < kept < total
            killed_at.append(kept)
        assert killed_at[0] < killed_at[1]
        out = cli("--db", db, "sync", "--json")
        assert out.returncode == 0, out.stderr
        report = json.loads(out.stdout)
        assert report == [
            {"account": "kcc", "ok": True, "fetched": total - killed_at[-1], "sent": 0,
             "error": None}
        ]
        assert killed_at[-1] + report[0]["fetched"] == total == server_state(
            dovecot.port, mailbox_user)[0]
        assert_exact(watcher, ids(range(1, total + 1)))
        assert assert_whole_batches(watcher) == total
        stats = json.loads(cli("--db", db, "stats", "--json").stdout)
        assert stats["messages_by_channel"] == {"email": total}
        again = json.loads(cli("--db", db, "sync", "--json").stdout)
        assert again[0]["fetched"] == 0 and again[0]["ok"]
    finally:
        watcher.close()


# -- (6) a 25 MB attachment ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_25_mb_attachment_arrives_intact(loket, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    data = random.Random(25).randbytes(25 * 1024 * 1024)
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    raw = (
        b"From: Aannemer <bouw@example.nl>\r\nTo: kcc@gemeente.test\r\n"
        b"Subject: Bouwtekeningen dakkapel\r\nMessage-ID: <groot@example.nl>\r\n"
        b"Date: Mon, 02 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="grens"\r\n\r\n'
        b"--grens\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Hierbij de tekeningen voor de omgevingsvergunning.\r\n"
        b'--grens\r\nContent-Type: application/pdf; name="tekeningen.pdf"\r\n'
        b'Content-Disposition: attachment; filename="tekeningen.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + encoded + b"--grens--\r\n"
    )
    fill(dovecot.port, mailbox_user, [raw, mail(1)])
    acc = add(loket, dovecot.port, mailbox_user)
    report = sync_account(loket, acc, mailbox_user[1])
    assert (report.fetched, report.duplicates) == (2, 0)
    row = loket.db.one(
        "SELECT a.filename, a.content_type, a.size, a.sha256, m.id AS message FROM attachments a "
        "JOIN messages m ON m.id = a.message_id WHERE m.message_id = '<groot@example.nl>'"
    )
    expected = hashlib.sha256(data).hexdigest()
    assert (row["filename"], row["content_type"], row["size"], row["sha256"]) == (
        "tekeningen.pdf", "application/pdf", len(data), expected
    )
    assert hashlib.sha256(loket.blobs.get(row["sha256"])).hexdigest() == expected
    assert loket.original_bytes(row["message"]) == raw  # the original, byte for byte
    blob_file = loket.blobs.path_for(expected)
    assert data[:4096] not in blob_file.read_bytes()  # encrypted at rest
    assert_exact(loket, {"<groot@example.nl>", "<r1@example.nl>"})


# -- (7) broken MIME is stored, and what cannot be read is flagged --------------------------------

BROKEN_MIME = (
    # undecodable encoded words, a date in words, an unknown charset, a quote that never
    # closes, a last part and the multipart that never end, base64 that is not base64
    b"From: =?utf-8?q?Jan_de_V=ZZries?= <jan@example.nl>\r\nTo: kcc@gemeente.test\r\n"
    b"Subject: =?utf-8?b?!!!kapot?= Melding stoeptegel\r\nMessage-ID: <kapot1@example.nl>\r\n"
    b"Date: gisteren na de lunch\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="grens"\r\n\r\n'
    b"--grens\r\nContent-Type: text/plain; charset=nonsense-8\r\n\r\n"
    b"De stoeptegel bij de Kerkstraat 12 ligt los.\r\n"
    b'--grens\r\nContent-Type: image/jpeg; name="foto.jpg\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ@@@@ niet base64 \xff\xfe\r\n"
)
NO_BOUNDARY = (
    # a multipart without its boundary parameter: the parts cannot be told apart
    b"From: jan@example.nl\r\nTo: kcc@gemeente.test\r\nSubject: Lantaarnpaal\r\n"
    b"Message-ID: <kapot2@example.nl>\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: multipart/alternative\r\n\r\n"
    b"--x\r\nContent-Type: text/plain\r\n\r\nDe lantaarnpaal bij nummer 8 is kapot.\r\n--x--\r\n"
)
HEADLESS = (
    # a MIME part torn from its message: no header block at all, then 8-bit garbage
    b"--=_deel_3\r\n\r\nContent-Type text/plain\r\n\r\nverloren tekst \xe9\xe8\x80\x81\r\n"
    b"--=_deel_3--\r\n"
)


def test_malformed_messages_are_stored_and_flagged_not_dropped(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user
) -> None:
    broken_mail = [BROKEN_MIME, NO_BOUNDARY, HEADLESS]
    fill(dovecot.port, mailbox_user, [mail(1), *broken_mail, mail(2)])
    acc = add(loket, dovecot.port, mailbox_user)
    report = sync_account(loket, acc, mailbox_user[1])
    assert (report.fetched, report.duplicates) == (5, 0)
    rows = {
        r["imap_uid"]: r
        for r in loket.db.query(
            "SELECT id, imap_uid, message_id, subject, body_text, parse_error, case_id "
            "FROM messages"
        )
    }
    assert sorted(rows) == [1, 2, 3, 4, 5]  # nothing dropped, the sync went on past them
    broken, no_boundary, headless = rows[2], rows[3], rows[4]
    # broken MIME: what can be read is read
    assert broken["message_id"] == "<kapot1@example.nl>"
    assert "Melding stoeptegel" in broken["subject"]
    assert "stoeptegel bij de Kerkstraat 12" in broken["body_text"]
    assert broken["parse_error"] is None
    assert loket.db.scalar(
        "SELECT filename FROM attachments WHERE message_id = ?", (broken["id"],)
    ) == "foto.jpg"
    assert no_boundary["message_id"] == "<kapot2@example.nl>" and no_boundary["case_id"]
    # unreadable: flagged, shown with a placeholder subject and its text, in a case of its own
    assert headless["parse_error"] is not None
    assert headless["subject"] == "(onleesbaar bericht)"
    assert "verloren tekst" in headless["body_text"]
    assert headless["case_id"] is not None
    for uid, raw in zip((2, 3, 4), broken_mail, strict=True):  # the originals, byte for byte
        assert loket.original_bytes(rows[uid]["id"]) == raw
    assert [r["parse_error"] is None for _, r in sorted(rows.items())] == [
        True, True, True, False, True
    ]
    detail = loket.case_detail(
        loket.db.scalar("SELECT reference FROM cases WHERE id = ?", (headless["case_id"],))
    )
    assert [e.flagged for e in detail.timeline if e.kind == "message"] == [True]
    assert sync_account(loket, acc, mailbox_user[1]).folders["INBOX"].unchanged


def test_a_multipart_without_boundary_keeps_its_text_or_is_flagged(  # type: ignore[no-untyped-def]
    loket, dovecot, mailbox_user
) -> None:
    fill(dovecot.port, mailbox_user, [NO_BOUNDARY])
    acc = add(loket, dovecot.port, mailbox_user)
    assert sync_account(loket, acc, mailbox_user[1]).fetched == 1
    row = loket.db.one("SELECT body_text, parse_error FROM messages")
    assert "lantaarnpaal bij nummer 8" in row["body_text"] or row["parse_error"] is not None
