"""`account add` and `sync` on the command line, and the scheduler, against a real Dovecot."""

from __future__ import annotations

import json
import os
import queue
import subprocess
from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox.services import SYSTEM_USER, Loket
from inbox.sync import SyncEvent, SyncScheduler
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_imap_sync import mail
from tests.unit.test_cli import anne as cli
from tests.unit.test_cli import loket, staffed

BEA = {"LOKET_USER": "bea", "LOKET_PASSWORD": STAFF_PASSWORD}  # the beheerder manages accounts


def bea(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return loket(*args, env=BEA)

pytestmark = pytest.mark.integration


def fill(dovecot, user, numbers) -> None:  # type: ignore[no-untyped-def]
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*user)
        for n in numbers:
            c.append("INBOX", mail(n))


def add_account(db: Path, dovecot, user, *extra: str) -> None:  # type: ignore[no-untyped-def]
    """`account add imap` by the beheerder of a database with a person for every role."""
    import sys

    from tests.conftest import ROOT

    if not db.exists():
        staffed(db)
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(db),
            "account",
            "add",
            "imap",
            "--name",
            "kcc",
            "--host",
            "127.0.0.1",
            "--port",
            str(dovecot.port),
            "--security",
            "none",
            "--user",
            user[0],
            "--password-stdin",
            *extra,
        ],
        input=user[1] + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **BEA},
    )
    assert out.returncode == 0, out.stderr
    assert "zonder versleuteling" in out.stderr  # plain IMAP only with a warning


def test_cli_account_add_and_sync(tmp_path: Path, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.db"
    fill(dovecot, mailbox_user, range(1, 4))
    add_account(db, dovecot, mailbox_user)
    assert mailbox_user[1].encode() not in db.read_bytes()  # the password is in the keyring only
    first = cli("--db", db, "sync", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == [
        {"account": "kcc", "ok": True, "fetched": 3, "sent": 0, "error": None}
    ]
    assert json.loads(cli("--db", db, "sync", "--json").stdout)[0]["fetched"] == 0
    assert len(json.loads(cli("--db", db, "cases", "--json").stdout)) == 3
    assert cli("--db", db, "account", "test", "kcc").returncode == 1  # a medewerker may not
    tested = bea("--db", db, "account", "test", "kcc")
    assert tested.returncode == 0 and "Verbinding gelukt" in tested.stdout
    listed = json.loads(bea("--db", db, "account", "list", "--json").stdout)
    assert listed[0]["account"] == "kcc" and listed[0]["last_sync_at"]


def test_cli_sync_with_a_wrong_password_fails_with_one_line(
    tmp_path: Path, dovecot, mailbox_user
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.db"
    add_account(db, dovecot, (mailbox_user[0], "verkeerd"))
    out = cli("--db", db, "sync")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines()[-1] == (
        "loket: Inloggen geweigerd: gebruikersnaam of wachtwoord klopt niet."
    )
    listed = json.loads(bea("--db", db, "account", "list", "--json").stdout)
    assert "wachtwoord" in listed[0]["last_error"]


def test_cli_refuses_a_password_on_the_command_line(tmp_path: Path) -> None:
    out = cli(
        "--db",
        tmp_path / "x.db",
        "account",
        "add",
        "imap",
        "--name",
        "a",
        "--host",
        "h",
        "--user",
        "u",
    )
    assert out.returncode == 1 and "--password-stdin" in out.stderr


def test_scheduler_fetches_in_the_background_and_on_demand(
    tmp_path: Path, dovecot, mailbox_user
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.db"
    fill(dovecot, mailbox_user, range(1, 3))
    add_account(db, dovecot, mailbox_user, "--interval", "60")
    events: queue.Queue[SyncEvent] = queue.Queue()
    scheduler = SyncScheduler(db, events.put, user=SYSTEM_USER)
    scheduler.start()
    try:
        finished = _next_final(events)
        assert (finished.kind, finished.fetched) == ("done", 2)
        fill(dovecot, mailbox_user, [3])
        scheduler.sync_now()  # "Nu ophalen": no waiting for the 60-minute interval
        finished = _next_final(events)
        assert (finished.kind, finished.fetched) == ("done", 1)
    finally:
        scheduler.shutdown()
    loket = Loket.open(db)
    assert loket.db.scalar("SELECT count(*) FROM messages") == 3
    loket.close()


def _next_final(events: queue.Queue[SyncEvent]) -> SyncEvent:
    while True:
        event = events.get(timeout=30)
        if event.kind in ("done", "error"):
            return event
