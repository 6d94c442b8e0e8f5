"""The automatic reply outside office hours: once per case, with the reference; never to an
auto-reply, a mailing list or a no-reply sender; off unless the beheerder turns it on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from inbox import acts, autoreply
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels.imap import file_fetched
from inbox.channels.mailparse import parse_email
from inbox.errors import InvalidInput, PermissionDenied
from inbox.gate import SYSTEM_USER
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff

SATURDAY = datetime(2026, 11, 7, 9, 30, tzinfo=UTC)  # 10:30 in Amsterdam: the KCC is closed


def _mail(n: int, sender: str = "sanne@example.nl", headers: str = "",
          date: str = "Sat, 07 Nov 2026 10:00:00 +0100", subject: str = "Vraag") -> bytes:
    return (f"From: {sender}\r\nTo: info@gemeente.test\r\nSubject: {subject} {n}\r\n"
            f"Date: {date}\r\nMessage-ID: <m{n}@example.nl>\r\n{headers}\r\n"
            f"Tekst {n}\r\n").encode()


@pytest.fixture
def postbus(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "bea")
    account = Accounts(loket).add_mail(
        MailAccount(name="Postbus", host="127.0.0.1", port=1, security=Security.NONE,
                    username="info@gemeente.test", smtp_host="127.0.0.1", smtp_port=1,
                    smtp_security=Security.NONE), "geheim")
    autoreply.configure(loket, "Postbus", True)
    loket.user = SYSTEM_USER  # the scheduled pass fetches
    loket.now = lambda: SATURDAY
    return loket, account


def fetch(loket: Any, account: MailAccount, *raws: bytes) -> None:
    originals = {hashlib.sha256(r).hexdigest(): r for r in raws}
    messages = [replace(parse_email(r, d), account_id=account.id) for d, r in originals.items()]
    with loket.op(acts.MAIL_SYNC) as op:
        file_fetched(loket, op, account, messages, originals)


def _outbox(loket: Any) -> list[Any]:
    return list(loket.db.query("SELECT recipients, case_id FROM outbox ORDER BY id"))


def test_one_reply_per_case_with_its_reference_outside_office_hours(postbus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, account = postbus
    from inbox import gate

    monkeypatch.setattr(gate, "SYSTEM_MAY_ALL", False)  # the product's system: sync, receive
    fetch(loket, account, _mail(1))
    [(to, case_id)] = [tuple(r) for r in _outbox(loket)]
    assert to == "sanne@example.nl"
    reference = loket.db.scalar("SELECT reference FROM cases WHERE id = ?", (case_id,))
    reply = loket.db.one("SELECT subject, body_text, external_id FROM messages "
                         "WHERE direction = 'out'")
    assert reply["subject"] == f"Automatisch antwoord: [{reference}] Vraag 1"
    assert reference in reply["body_text"] and reply["external_id"] == "autoreply"
    assert loket.db.scalar("SELECT first_response_at FROM cases WHERE id = ?",
                           (case_id,)) is None  # no answer by a person yet
    raw = loket.blobs.get(loket.db.scalar("SELECT raw_sha256 FROM outbox"))
    assert b"Auto-Submitted: auto-replied" in raw
    # the resident writes again that night: the same case, no second automatic reply
    fetch(loket, account, _mail(2, subject=f"Re: [{reference}] nog iets"))
    assert len(_outbox(loket)) == 1


def test_never_to_machines_lists_or_no_reply_senders(postbus) -> None:  # type: ignore[no-untyped-def]
    loket, account = postbus
    fetch(loket, account,
          _mail(1, headers="Auto-Submitted: auto-replied\r\n"),
          _mail(2, sender="nieuwsbrief@example.nl", headers="List-Id: <nieuws.example.nl>\r\n"),
          _mail(3, sender="no-reply@example.nl"),
          _mail(4, headers="Precedence: bulk\r\n"),
          _mail(5, sender="els@example.nl", date="Fri, 06 Nov 2026 10:00:00 +0100"),  # open
          _mail(6, sender="piet@example.nl", date="Thu, 05 Nov 2026 22:00:00 +0100"))  # stale
    assert _outbox(loket) == []
    assert loket.db.scalar("SELECT count(*) FROM cases") == 6


def test_off_by_default_and_set_by_the_beheerder(postbus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, account = postbus
    act_as(loket, "bea")
    autoreply.configure(loket, "Postbus", False)
    loket.user = SYSTEM_USER
    fetch(loket, account, _mail(1))
    assert _outbox(loket) == []
    act_as(loket, "anne")
    with pytest.raises(PermissionDenied):
        autoreply.configure(loket, "Postbus", True)
    act_as(loket, "bea")
    with pytest.raises(InvalidInput, match="zaak"):
        autoreply.configure(loket, "Postbus", True, "Wij zijn dicht.")
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    text = db.parent / "tekst.txt"
    text.write_text("Dank u. Uw zaaknummer is {zaak}.", encoding="utf-8")
    code, out, err = run_cli(db, "bea", "autoreply", "set", "Postbus", "on", "--text-file",
                             str(text), "--json")
    assert code == 0, err
    assert json.loads(out) == {"account": "Postbus", "on": True,
                               "text": "Dank u. Uw zaaknummer is {zaak}."}
    code, out, err = run_cli(db, "bea", "autoreply", "list", "--json")
    assert code == 0 and json.loads(out)[0]["on"] is True
