"""Team sync against a real Dovecot: three laptops (three databases) share one mailbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import imap
from inbox.model import Channel
from inbox.services import Loket
from inbox.sync import run_account
from inbox.teamsync import apply, events, imapstore, presence, setup
from tests.integration.test_imap_sync import mail
from tests.unit.test_teamsync_support import laptop, ref, states, team_uids

pytestmark = pytest.mark.integration


def join(lk: Loket, dovecot, user, key: str) -> MailAccount:  # type: ignore[no-untyped-def]
    from tests.conftest import as_beheerder

    with as_beheerder(lk):  # the team mailbox is added by the beheerder
        account = Accounts(lk).add_mail(
            MailAccount("team", "127.0.0.1", user[0], port=dovecot.port,
                        security=Security.NONE),
            user[1],
        )
    setup.store_key(lk, key)
    client = imap.connect(account, user[1])
    try:
        setup.join(lk, imapstore.ImapFolder(client), setup.load_key(lk), account="team")
    finally:
        imap.close(client)
    return account


def sync(lk: Loket, account: MailAccount) -> None:
    event = run_account(lk, account)
    assert event.kind == "done", event.message
    assert lk.db.scalar("SELECT count(*) FROM team_cursors WHERE last_error IS NOT NULL") == 0


def rounds(pairs, n: int = 2) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        for lk, account in pairs:
            sync(lk, account)


def test_three_laptops_one_mailbox(tmp_path: Path, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        for n in range(1, 4):
            c.append("INBOX", mail(n))
    key = events.new_key()
    a, b, c_ = (laptop(tmp_path, n, u) for n, u in (("a", "anne"), ("b", "bram"), ("c", "cas")))
    pairs = [(lk, join(lk, dovecot, mailbox_user, key)) for lk in (a, b, c_)]
    assert sorted(
        int(lk.db.scalar("SELECT value FROM team_settings WHERE key = 'slot'")) for lk in (a, b, c_)
    ) == [1, 2, 3]
    rounds(pairs, 1)
    uids = team_uids(a)
    assert len(uids) == 3 and uids == team_uids(b) == team_uids(c_)

    # concurrent edits on three laptops, then two sync rounds
    u1, u2, u3 = uids
    a.assign(ref(a, u1), "anne")
    b.assign(ref(b, u1), "bram")
    c_.add_note(ref(c_, u1), "Intern: inwoner is boos")
    b.close_case(ref(b, u2), outcome="Beantwoord", first_contact_resolution=True)
    c_.set_status(ref(c_, u2), "wacht_op_inwoner")
    a.log_contact(
        Channel.PHONE,
        name="Piet Smit",
        question="Waar blijft mijn pas?",
        phone_number="0612345678",
        callback_by="2026-11-10",
    )
    rounds(pairs)
    s = states(a, b, c_)
    assert s[0] == s[1] == s[2]
    assert [ref(a, u) for u in uids] == [ref(b, u) for u in uids] == [ref(c_, u) for u in uids]
    found = apply.conflicts(a.db)
    assert {(x["field"], tuple(sorted(x["values"]))) for x in found} >= {
        ("assignee", ("anne", "bram"))
    }
    assert found == apply.conflicts(b.db) == apply.conflicts(c_.db)

    # the provider cannot read internal notes
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(*mailbox_user)
        folder = imapstore.folder_name(client, imapstore.EVENTS)
        client.select_folder(folder, readonly=True)
        raws = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"])
        assert raws and all(b"boos" not in r[b"BODY[]"] for r in raws.values())

    # presence: "Anne is dit antwoord aan het schrijven"
    client = imap.connect(pairs[0][1], mailbox_user[1])
    try:
        presence.announce(
            a,
            imapstore.ImapFolder(client, imapstore.PRESENCE),
            ref(a, u3),
            "replying",
            setup.load_key(a),
        )
    finally:
        imap.close(client)
    sync(b, pairs[1][1])
    assert [p["text"] for p in presence.current(b, ref(b, u3))] == [
        "Anne is dit antwoord aan het schrijven"
    ]

    # c is offline for a week: a and b work on and new mail comes in; c edits offline
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(*mailbox_user)
        for n in range(10, 15):
            client.append("INBOX", mail(n))
    for day in range(5):
        for lk, account in pairs[:2]:
            sync(lk, account)
            lk.add_note(ref(lk, team_uids(lk)[-1]), f"dag {day}: {lk.user}")
    c_.assign(ref(c_, u3), "cas")
    rounds([pairs[2], pairs[0], pairs[1]])
    s = states(a, b, c_)
    assert s[0] == s[1] == s[2] and len(s[0]) - 1 == 9

    # a new laptop rebuilds everything from the mailbox alone
    d = laptop(tmp_path, "d", "anne")
    d_account = join(d, dovecot, mailbox_user, key)
    sync(d, d_account)
    rounds(pairs + [(d, d_account)], 1)
    s = states(a, b, c_, d)
    assert s[0] == s[1] == s[2] == s[3]
    for lk in (a, b, c_, d):
        lk.close()


def test_events_folder_deleted_is_rebuilt(tmp_path: Path, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        c.append("INBOX", mail(1))
    key = events.new_key()
    a, b = laptop(tmp_path, "a", "anne"), laptop(tmp_path, "b", "bram")
    pairs = [(lk, join(lk, dovecot, mailbox_user, key)) for lk in (a, b)]
    rounds(pairs, 1)
    a.add_note(ref(a, team_uids(a)[0]), "mag niet verloren gaan")
    rounds(pairs, 1)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(*mailbox_user)
        client.delete_folder(imapstore.folder_name(client, imapstore.EVENTS))
    sync(b, pairs[1][1])  # recreates the folder and republishes what b knows
    d = laptop(tmp_path, "d", "cas")
    d_account = join(d, dovecot, mailbox_user, key)
    sync(d, d_account)
    s = states(a, b, d)
    assert s[0] == s[1] == s[2]
    assert [n[1] for n in s[2][team_uids(a)[0]]["notes"]] == ["mag niet verloren gaan"]
    for lk in (a, b, d):
        lk.close()
