"""Team sync carries the KCC's day like every other field: a hand-over (and the department's
reply, which every laptop files from the shared mailbox), call-backs, deadlines, products and
a repeat contact's "not in one go".

The laptops run on the real clock: a change derived from a mail is dated by the mail, and the
team's clocks (HLC) follow the wall clock, so the mail must come after what it answers."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from inbox import callbacks, casework, clock, departments, handover
from inbox.accounts import Accounts, MailAccount, Security
from inbox.model import Channel, IncomingMessage
from inbox.teamsync import engine
from tests.conftest import act_as
from tests.unit.test_teamsync_support import Inbox, laptop, mail_uid, ref, states, sync


@pytest.fixture
def team(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = engine.MemoryFolder()
    inbox = Inbox()
    a, b = laptop(tmp_path, "a", "anne", 1), laptop(tmp_path, "b", "bram", 2)
    act_as(a, "bea")  # only laptop a knows the department and can send mail
    Accounts(a).add_mail(MailAccount(
        name="Postbus", host="127.0.0.1", port=1, security=Security.NONE,
        username="info@gemeente.test", smtp_host="127.0.0.1", smtp_port=1,
        smtp_security=Security.NONE), "geheim")
    departments.add(a, "Burgerzaken", "bz@gemeente.test", 1)
    act_as(a, "anne")
    for n in (1, 2, 3):
        inbox.deliver(n)
    for lk in (a, b):
        inbox.fetch(lk)
    yield folder, inbox, a, b
    for lk in (a, b):
        lk.close()


def rounds(folder: Any, *laptops: Any) -> None:
    for _ in range(2):
        for lk in laptops:
            sync(lk, folder)


def _arrive(inbox: Inbox, n: int, sender: str, subject: str, **more: Any) -> None:
    """Mail `n` arrives now (after whatever it answers)."""
    raw = f"From: {sender}\r\nSubject: {subject}\r\n\r\nbericht {n}\r\n".encode()
    inbox.messages.append(IncomingMessage(
        Channel.EMAIL, clock.now() + timedelta(seconds=n), sender=sender,
        subject=subject, body_text=f"bericht {n}", raw_sha256=hashlib.sha256(raw).hexdigest(),
        imap_folder="INBOX", imap_uidvalidity=1, imap_uid=n, **more))


def _case(lk: Any, uid: str) -> Any:
    return lk.db.one("SELECT * FROM cases WHERE reference = ?", (ref(lk, uid),))


def test_a_hand_over_and_its_reply_on_every_laptop(team) -> None:  # type: ignore[no-untyped-def]
    folder, inbox, a, b = team
    rounds(folder, a, b)
    u1 = mail_uid(1)
    a.assign(ref(a, u1), "anne")
    handover.forward(a, ref(a, u1), "Burgerzaken", "Staat dit al in de BRP?")
    rounds(folder, a, b)
    there = _case(b, u1)
    assert (there["status"], there["department"]) == ("bij_vakafdeling", "Burgerzaken")
    assert there["forward_due"] == _case(a, u1)["forward_due"] is not None
    assert b.db.scalar("SELECT name FROM users WHERE id = ?", (there["forwarded_by_id"],)) == \
        "anne"
    titles = [t.title for t in b.case_detail(ref(b, u1)).timeline]
    assert any(t.startswith("Overgedragen aan Burgerzaken") for t in titles)
    # the department replies to the team's mailbox; laptop b knows the hand-over by its thread
    sent = a.db.scalar("SELECT message_id FROM messages WHERE internal = 1")
    assert b.db.scalar("SELECT internal FROM messages WHERE message_id = ?", (sent,)) == 1
    _arrive(inbox, 4, "p.jansen@gemeente.test", "RE: Vraag van het KCC", in_reply_to=sent,
            references=(sent,))
    for lk in (a, b):
        inbox.fetch(lk)
    rounds(folder, a, b)
    for lk in (a, b):
        case = _case(lk, u1)
        assert case["status"] == "in_behandeling" and case["reported_back_at"] is not None
        assert lk.db.scalar("SELECT name FROM users WHERE id = ?", (case["assignee_id"],)) == \
            "anne"
    s = states(a, b)
    assert s[0] == s[1]


def test_call_backs_deadlines_products_and_repeat_contact_travel(team) -> None:  # type: ignore[no-untyped-def]
    folder, inbox, a, b = team
    rounds(folder, a, b)
    u2, u3 = mail_uid(2), mail_uid(3)
    yesterday = clock.now().date() - timedelta(days=1)  # so it is late when done
    callbacks.request(a, ref(a, u2), yesterday, window="10:00-11:00",
                      number="06 12345678", for_user="bram")
    casework.set_deadline(a, ref(a, u2), date(2026, 11, 12))
    casework.set_product(a, ref(a, u3), "Paspoort")
    a.close_case(ref(a, u3), "Uitgelegd", first_contact_resolution=True)
    rounds(folder, a, b)
    [mine] = callbacks.open_callbacks(b, mine=True)  # bram sees the call-back is his
    assert (mine.reference, mine.window, mine.number) == (ref(b, u2), "10:00-11:00",
                                                          "+31612345678")
    assert _case(b, u2)["due_at"] == _case(a, u2)["due_at"] == "2026-11-12T16:00:00Z"
    callbacks.done(b, ref(b, u2), callbacks.REACHED)
    # the resident of case 3 writes again within 14 days (mail: every laptop files it)
    _arrive(inbox, 5, "inwoner3@example.nl", "Nog een vraag")
    for lk in (a, b):
        inbox.fetch(lk)
    rounds(folder, a, b)
    for lk in (a, b):
        assert callbacks.open_callbacks(lk) == []
        three = _case(lk, u3)
        assert (three["product"], three["first_contact_resolution"]) == ("Paspoort", 0)
        assert three["repeat_contact_at"] is not None
        lk.user, who = "tineke", lk.user
        figures = lk.stats()
        lk.user = who
        assert figures["callbacks"]["done"] == 1 and figures["callbacks"]["on_time_pct"] == 0.0
        assert figures["per_product"]["Paspoort"]["handled_in_one_go_pct"] == 0.0
    s = states(a, b)
    assert s[0] == s[1]
