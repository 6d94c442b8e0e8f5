"""Team sync against a real Dovecot: three laptops (three databases) share one mailbox; plain
and forged batches written into it are refused on every receiving laptop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from imapclient import IMAPClient

from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import imap
from inbox.services import Loket
from inbox.sync import run_account
from inbox.teamsync import apply, events, imapstore, keys, outgoing, presence, setup
from inbox.teamsync.events import Event, Signer
from inbox.teamsync.hlc import encode
from tests.conftest import act_as
from tests.integration.test_imap_sync import mail
from tests.unit.test_teamsync_support import (
    forged_batch,
    laptop,
    log_call,
    plain_v1_batch,
    ref,
    states,
    team_uids,
)

pytestmark = pytest.mark.integration


def join(lk: Loket, dovecot, user, key: str) -> MailAccount:  # type: ignore[no-untyped-def]
    """The beheerder adds the team mailbox and joins this laptop; then its person signs in."""
    worker = lk.user
    act_as(lk, "bea")
    account = Accounts(lk).add_mail(
        MailAccount("team", "127.0.0.1", user[0], port=dovecot.port, security=Security.NONE),
        user[1],
    )
    client = imap.connect(account, user[1])
    try:
        setup.join(lk, imapstore.ImapFolder(client), setup.prepare(lk, key), account="team")
    finally:
        imap.close(client)
    act_as(lk, worker)
    return account


def sync(lk: Loket, account: MailAccount) -> None:
    event = run_account(lk, account)
    assert event.kind == "done", event.message
    assert lk.db.scalar("SELECT count(*) FROM team_cursors WHERE last_error IS NOT NULL") == 0


def rounds(pairs, n: int = 2) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        for lk, account in pairs:
            sync(lk, account)


def three_laptops(tmp_path: Path, dovecot, mailbox_user, mails: int):  # type: ignore[no-untyped-def]
    """`mails` mails in the INBOX; laptops a, b and c (anne, bram, cas) joined to one team."""
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        for n in range(1, mails + 1):
            c.append("INBOX", mail(n))
    key = events.new_key()
    a, b, c_ = (laptop(tmp_path, n, u) for n, u in (("a", "anne"), ("b", "bram"), ("c", "cas")))
    pairs = [(lk, join(lk, dovecot, mailbox_user, key)) for lk in (a, b, c_)]
    return key, (a, b, c_), pairs


def test_three_laptops_one_mailbox(tmp_path: Path, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    key, (a, b, c_), pairs = three_laptops(tmp_path, dovecot, mailbox_user, 3)
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
    log_call(a)
    rounds(pairs)
    s = states(a, b, c_)
    assert s[0] == s[1] == s[2]
    assert [ref(a, u) for u in uids] == [ref(b, u) for u in uids] == [ref(c_, u) for u in uids]
    found = apply.conflicts(a.store)
    assert {(x["field"], tuple(sorted(x["values"]))) for x in found} >= {
        ("assignee", ("anne", "bram"))
    }
    assert found == apply.conflicts(b.store) == apply.conflicts(c_.store)

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
            keys.team_key(a.store),
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


def test_plain_and_forged_batches_are_refused(tmp_path: Path, dovecot, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        for n in (1, 2):
            c.append("INBOX", mail(n))
    key_text = events.new_key()
    key = events.parse_key(key_text)
    a, b, c_ = (laptop(tmp_path, n, u) for n, u in (("a", "anne"), ("b", "bram"), ("c", "cas")))
    pairs = [(lk, join(lk, dovecot, mailbox_user, key_text)) for lk in (a, b, c_)]
    rounds(pairs, 1)
    case = team_uids(a)[0]
    dev_a, dev_b = (outgoing.team(lk.store).device for lk in (a, b))  # type: ignore[union-attr]
    key_b = keys.device_key(b.store)
    assert key_b is not None
    stranger = Ed25519PrivateKey.generate()

    def note(author: str, device: str, text: str) -> Event:
        return Event(events.new_id(), "note", case, author, author, device, "x",
                     encode(4_000_000_000_000, 0), "2026-11-03T10:00:00Z",
                     {"uid": events.new_id(), "text": text, "created_at": "2026-11-03"})

    # written straight into the mailbox by someone with access to it
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(*mailbox_user)
        folder = imapstore.folder_name(client, imapstore.EVENTS)
        for raw in (
            plain_v1_batch([note("anne", dev_a, "plat: niet versleuteld")]),
            forged_batch([note("anne", dev_a, "vals: andere sleutel")],
                         Signer(dev_a, stranger, "anne"), key),
            forged_batch([note("anne", dev_b, "vals: namens anne")],
                         Signer(dev_b, key_b, "bram"), key),
        ):
            client.append(folder, raw)
    a.add_note(ref(a, case), "echt: van anne")  # honest work goes on meanwhile
    b.assign(ref(b, case), "bram")
    rounds([pairs[2], pairs[0], pairs[1]])
    for lk in (a, b, c_):
        notes = {str(r[0]) for r in lk.db.query("SELECT text FROM notes")}
        assert notes == {"echt: van anne"}
        refused = {r["reason"]: r["batches"] for r in lk.store.team.kept_summary()}
        assert refused == {"plain": 1, "signature": 1, "author": 1}
    s = states(a, b, c_)
    assert s[0] == s[1] == s[2] and s[0][case]["assignee"] == "bram"
    # the beheerder sees it on the CLI's status and the laptops with their keys
    act_as(c_, "bea")
    from inbox.teamsync import status

    assert status.status(c_)["unreadable"] == 3
    assert sorted(d["name"] for d in status.devices(c_)) == sorted(
        str(lk.store.team.setting("device_name")) for lk in (a, b, c_))
    assert all(d["fingerprint"] for d in status.devices(c_))
    for lk in (a, b, c_):
        lk.close()


def test_the_team_commands(tmp_path, dovecot, mailbox_user, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io
    import json

    import main
    from tests.conftest import STAFF_PASSWORD

    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(*mailbox_user)
        c.append("INBOX", mail(1))
    dbs = []
    for name in ("a", "b"):
        lk = Loket.open(tmp_path / f"{name}.db")
        from tests.conftest import add_staff

        add_staff(lk)
        Accounts(lk).add_mail(MailAccount("team", "127.0.0.1", mailbox_user[0],
                                             port=dovecot.port, security=Security.NONE),
                                 mailbox_user[1])
        lk.close()
        dbs.append(tmp_path / f"{name}.db")

    def loket(db: Path, user: str, *args: str) -> tuple[int, str, str]:
        rc = main.main(["--db", str(db), "--user", user, *args])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, _out, err = loket(dbs[0], "bea", "team", "setup", "--account", "team")
    assert rc == 1 and "teamsleutel is verplicht" in err
    rc, _out, err = loket(dbs[0], "anne", "team", "setup", "--account", "team", "--new-key")
    assert rc == 1 and "beheerder" in err
    rc, out, err = loket(dbs[0], "bea", "team", "setup", "--account", "team", "--new-key",
                         "--device-name", "LAPTOP-A", "--json")
    assert rc == 0, err
    first = json.loads(out)
    assert first["slot"] == 1 and len(first["fingerprint"].split()) == 4 and first["key"]
    monkeypatch.setattr("sys.stdin", io.StringIO(first["key"] + "\n"))
    rc, out, err = loket(dbs[1], "bea", "team", "setup", "--account", "team", "--key-stdin",
                         "--device-name", "LAPTOP-B")
    assert rc == 0, err
    assert "plaats 2" in out and first["key"] not in out  # the key is shown once, at --new-key
    for db, user in ((dbs[0], "anne"), (dbs[1], "bram"), (dbs[0], "anne")):
        assert loket(db, user, "sync")[0] == 0
        rc, out, err = loket(db, user, "team", "sync", "--json")
        assert rc == 0, err
        assert json.loads(out)["refused"] == {}
    rc, out, _err = loket(dbs[0], "bea", "team", "devices", "--json")
    laptops = {d["name"]: d for d in json.loads(out)}
    assert set(laptops) == {"LAPTOP-A", "LAPTOP-B"}
    assert laptops["LAPTOP-A"]["fingerprint"] == first["fingerprint"]
    assert {u["user"] for u in laptops["LAPTOP-B"]["users"]} >= {"bea", "bram"}
    assert laptops["LAPTOP-B"]["audit_head"]["seq"] > 0
    rc, out, _err = loket(dbs[0], "bea", "team", "status", "--json")
    state = json.loads(out)
    assert (state["slot"], state["unreadable"], state["pending_upload"]) == (1, 0, 0)
    assert loket(dbs[0], "anne", "team", "status")[0] == 1  # the beheerder's view
    rc, out, _err = loket(dbs[0], "anne", "team", "conflicts", "--json")
    assert rc == 0 and json.loads(out) == []
    assert loket(dbs[0], "bea", "team", "conflicts")[0] == 1  # no case list for the beheerder
    reference = json.loads(loket(dbs[0], "anne", "cases", "--json")[1])[0]["reference"]
    rc, _out, err = loket(dbs[0], "anne", "team", "presence", reference, "--announce", "replying")
    assert rc == 0, err
    rc, _out, err = loket(dbs[0], "anne", "team", "presence", reference, "--announce", "dansen")
    assert rc == 1 and "Onbekende activiteit" in err
    assert loket(dbs[1], "bram", "team", "sync")[0] == 0
    rc, out, _err = loket(dbs[1], "bram", "team", "presence", reference, "--json")
    assert [p["text"] for p in json.loads(out)] == ["Anne is dit antwoord aan het schrijven"]


def test_an_erasure_leaves_nothing_on_any_laptop_or_in_the_mailbox(  # type: ignore[no-untyped-def]
    tmp_path: Path, dovecot, mailbox_user
) -> None:
    """Three laptops, one resident told on the phone: erased on one laptop, she is gone from
    each database's decrypted dump and from every batch of the events folder."""
    from tests.unit.test_teamsync_erasure import NEEDLES, erase_on, found_in_database, plant

    key_text, (a, b, c_), pairs = three_laptops(tmp_path, dovecot, mailbox_user, 2)
    rounds(pairs, 1)

    def in_mailbox() -> list[str]:
        key = events.parse_key(key_text)
        with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
            client.login(*mailbox_user)
            client.select_folder(imapstore.folder_name(client, imapstore.EVENTS), readonly=True)
            raws = [r[b"BODY[]"] for r in
                    client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]).values()]
        text = "\n".join(
            json.dumps([e.to_json() for e in events.decode_batch(raw, key).events],
                       ensure_ascii=False) + raw.decode("latin-1")
            for raw in raws
        )
        return [n for n in NEEDLES if n in text]

    uid = plant(a, b, c_, lambda: rounds(pairs))
    assert all(found_in_database(lk) for lk in (a, b, c_)) and in_mailbox()

    erase_on(c_, uid)  # the archivaris on laptop c
    act_as(c_, "cas")
    rounds([pairs[2], pairs[0], pairs[1]], 3)
    for lk in (a, b, c_):
        assert found_in_database(lk) == [], lk.db.path
    assert in_mailbox() == []
    s = states(a, b, c_)
    assert s[0] == s[1] == s[2]
    for lk in (a, b, c_):
        lk.close()
