"""Team sync cannot be forged or downgraded: plain, unsigned, forged and impersonating batches
are kept aside and never applied; honest laptops still converge; the audit heads travel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inbox import acts
from inbox.errors import InvalidInput, LoketError, PermissionDenied
from inbox.teamsync import engine, events, keys, outgoing, setup, status
from inbox.teamsync.events import Event, Signer
from inbox.teamsync.hlc import encode
from tests.conftest import act_as
from tests.unit.test_teamsync_support import (
    KEY,
    TEAM,
    Inbox,
    forged_batch,
    laptop,
    plain_v1_batch,
    ref,
    rounds,
    states,
    sync,
    team,
    team_uids,
)


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder, _inbox, (a, b) = team(tmp_path, TEAM[:2], mails=1)
    rounds(folder, (a, b))
    yield folder, a, b
    a.close()
    b.close()


def _note(author: str, device: str, case: str, text: str, n: int = 1) -> Event:
    return Event(events.new_id(), "note", case, author, author.title(), device, "X",
                 encode(4_000_000_000_000 + n, 0), "2026-11-03T10:00:00Z",
                 {"uid": events.new_id(), "text": text, "created_at": "2026-11-03T10:00:00Z"})


def _notes(lk) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(r[0]) for r in lk.db.query("SELECT text FROM notes ORDER BY id")]


def _device(lk) -> str:  # type: ignore[no-untyped-def]
    t = outgoing.team(lk.store)
    assert t is not None
    return t.device


def test_plain_unsigned_and_forged_batches_are_kept_aside_not_applied(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    case = team_uids(a)[0]
    dev_a, dev_b = _device(a), _device(b)
    key_b = keys.device_key(b.store)
    assert key_b is not None
    stranger = Ed25519PrivateKey.generate()
    forged = {
        # the old format, unsealed and unsigned: a downgrade
        "plain": plain_v1_batch([_note("anne", dev_a, case, "plat")]),
        # the new format without the seal
        "plain2": forged_batch([_note("anne", dev_a, case, "open").signed_by(stranger)],
                               Signer(dev_a, stranger, "anne"), key=None),
        # sealed with the team key (a colleague, or the key leaked) but signed as a's laptop
        # with another key
        "signature": forged_batch([_note("anne", dev_a, case, "vals")],
                                  Signer(dev_a, stranger, "anne")),
        # bram's own laptop, rightly signed, writing a note as anne
        "author": forged_batch([_note("anne", dev_b, case, "namens anne", 2)],
                               Signer(dev_b, key_b, "bram")),
        # a laptop nobody announced
        "unknown": forged_batch([_note("anne", "laptop-x", case, "wie ben ik")],
                                Signer("laptop-x", stranger, "anne")),
    }
    for raw in forged.values():
        folder.append(raw)
    before = _notes(a)
    report = sync(a, folder)
    assert report.new_events == 0
    assert report.refused == {"plain": 2, "signature": 1, "author": 1, "unknown_device": 1}
    assert _notes(a) == before  # nothing applied
    # kept aside, tried again next pass, still refused, and reported in team status
    assert sync(a, folder).new_events == 0
    act_as(a, "bea")
    found = status.status(a)
    assert found["unreadable"] == 5
    assert {r["reason"]: r["batches"] for r in found["refused"]} == {
        "plain": 2, "signature": 1, "author": 1, "unknown_device": 1}
    assert all(r["text"] for r in found["refused"])
    act_as(a, "anne")
    # honest work still converges
    b.add_note(ref(b, case), "echt van bram")
    for lk in (b, a, b):
        sync(lk, folder)
    assert "echt van bram" in _notes(a)
    assert not {"plat", "open", "vals", "namens anne", "wie ben ik"} & set(_notes(a))
    s = states(a, b)
    assert s[0] == s[1]


def test_a_laptop_speaks_only_for_people_it_announced_and_the_beheerder_sees_them(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    act_as(b, "anne")  # anne works on bram's laptop: it announces her, signed, then her note
    b.add_note(ref(b, team_uids(b)[0]), "anne op laptop b")
    for lk in (b, a):
        sync(lk, folder)
    assert "anne op laptop b" in _notes(a)
    act_as(a, "bea")
    laptops = {d["name"]: d for d in status.devices(a)}
    assert set(laptops) == {"a", "b"}
    assert {u["user"] for u in laptops["b"]["users"]} == {"bea", "bram", "anne"}
    assert laptops["a"]["this_laptop"] and not laptops["b"]["this_laptop"]
    b_key = keys.device_key(b.store)
    assert b_key is not None
    assert laptops["b"]["public_key"] == events.public_text(b_key)
    assert len(laptops["b"]["fingerprint"].split()) == 4


def test_applying_never_creates_users(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    users_before = a.db.scalar("SELECT count(*) FROM users")
    act_as(b, "bea")
    with b.op(acts.USER_ADD, obj="gebruiker:mallory") as op:  # only on b's laptop
        op.store.records.insert_user("mallory", "Mallory", "medewerker", op.stamp())
    b.user = "mallory"  # (as if mallory signed in there)
    b.assign(ref(b, team_uids(b)[0]), "mallory")
    b.add_note(ref(b, team_uids(b)[0]), "van mallory")
    for lk in (b, a):
        sync(lk, folder)
    assert a.db.scalar("SELECT count(*) FROM users") == users_before
    case = a.store.records.case_row(a.store.team.case_id_for(team_uids(a)[0]))
    assert case["assignee_id"] is None  # unknown here: no assignee rather than a new account
    assert a.db.scalar("SELECT author_id FROM notes WHERE text = 'van mallory'") is None
    assert a.db.scalar("SELECT actor FROM case_events WHERE kind = 'note_added' "
                       "ORDER BY id DESC LIMIT 1") == "mallory"


def test_every_batch_carries_the_audit_head_and_each_laptop_keeps_the_newest(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    b.add_note(ref(b, team_uids(b)[0]), "nog een")
    sync(b, folder)
    seq, digest = b.store.tamper.head()  # type: ignore[misc]
    sync(a, folder)
    act_as(a, "bea")
    heads = {h.device_name: h for h in status.known_audit_heads(a)}
    assert heads["b"].seq <= seq and heads["b"].user == "bram" and not heads["b"].own
    assert heads["a"].own
    newest = b.db.one("SELECT id, hash FROM audit_log WHERE id = ?", (heads["b"].seq,))
    assert heads["b"].hash == newest["hash"]
    act_as(a, "arjen")  # the archivaris checks the audit trail inside an act of that check
    with a.op(acts.CASE_LIST) as op:  # (standing in for the audit check's own act)
        assert [h.seq for h in status.known_audit_heads(a, op)] == [
            h.seq for h in heads.values()]
    # an older head arriving later (a delayed or replayed batch) does not replace it
    a.store.team.save_audit_head(_device(b), "bram", (1, "0" * 64), "old", "t", "t")
    with a.op(acts.CASE_LIST) as op:
        assert {h.device_name: h.seq for h in status.known_audit_heads(a, op)}["b"] == \
            heads["b"].seq


def test_setup_needs_a_team_key_and_a_beheerder(tmp_path: Path) -> None:
    lk = laptop(tmp_path, "solo", "anne")
    with pytest.raises(PermissionDenied):
        setup.join_memory(lk, 1, events.new_key())
    act_as(lk, "bea")
    with pytest.raises(InvalidInput, match="teamsleutel is verplicht"):
        setup.join_memory(lk, 1, None)
    assert outgoing.team(lk.store) is None
    audit = lk.db.query("SELECT action, result FROM audit_log WHERE action LIKE 'team.%'")
    assert [(r["action"], r["result"]) for r in audit] == [("team.setup", "geweigerd")]
    setup.join_memory(lk, 1, events.new_key())
    assert outgoing.team(lk.store) is not None
    assert lk.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'team.setup' "
                        "AND result = 'ok'") == 1
    # the private key is in the keyring only, never in the database
    private = keys.device_key(lk.store)
    assert private is not None
    dump = "\n".join(lk.db.conn.iterdump())
    raw = private.private_bytes_raw()
    assert events.b64(raw) not in dump and raw.hex() not in dump
    lk.close()


def test_a_laptop_that_lost_its_device_key_joins_as_a_new_device(pair) -> None:  # type: ignore[no-untyped-def]
    from inbox.privacy.keys import _delete

    folder, a, b = pair
    old = _device(b)
    _delete(keys._name(b.store, keys.DEVICE_KEY))  # a new keyring, say
    with pytest.raises(LoketError, match="apparaatsleutel"):
        engine.upload_pending(b, folder, KEY, engine.PassReport())
    act_as(b, "bea")
    setup.join_memory(b, 2, None)
    assert _device(b) != old
    act_as(b, "bram")
    b.add_note(ref(b, team_uids(b)[0]), "met een nieuwe sleutel")
    for lk in (b, a):
        sync(lk, folder)
    assert "met een nieuwe sleutel" in _notes(a)


def test_a_second_key_for_a_known_laptop_is_refused(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    dev_b = _device(b)
    other = Ed25519PrivateKey.generate()
    join = Event(events.new_id(), "device_joined", None, "bram", "Bram", dev_b, "b",
                 encode(4_000_000_000_000, 0), "t",
                 {"slot": 2, "public_key": events.public_text(other), "user": "bram"})
    raw = forged_batch([join.signed_by(other), replace(_note("bram", dev_b, team_uids(a)[0],
                        "overgenomen")).signed_by(other)], Signer(dev_b, other, "bram"))
    folder.append(raw)
    assert sync(a, folder).refused == {"signature": 1}
    assert "overgenomen" not in _notes(a)


def test_setup_again_signs_and_resends_what_went_out_unsigned(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    a.add_note(ref(a, team_uids(a)[0]), "van voor de handtekeningen")
    # as an older Loket did: sent unsigned (colleagues now refuse that batch), marked as sent
    pending = [Event.loads(r["body"]) for r in a.store.team.pending_upload(500)]
    folder.append(events.encode_batch(pending, KEY, Signer(_device(a), Ed25519PrivateKey
                                                            .generate(), "anne"), at="t")
                  .replace(b"loket-team/2+aesgcm", b"loket-team/1+aesgcm"))
    a.store.team.mark_uploaded([e.id for e in pending])
    sync(b, folder)
    assert "van voor de handtekeningen" not in _notes(b)
    act_as(a, "bea")
    setup.join_memory(a, 1, None)  # the upgrade: the beheerder runs setup again
    act_as(a, "anne")
    for lk in (a, b):
        sync(lk, folder)
    assert "van voor de handtekeningen" in _notes(b)
    assert [r["reason"] for r in b.store.team.kept_batches()] == ["unsigned"]


def test_a_damaged_event_in_a_signed_batch_is_kept_aside_not_a_crash(pair) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    key_b = keys.device_key(b.store)
    assert key_b is not None
    broken = Event(events.new_id(), "field", team_uids(a)[0], "bram", "Bram", _device(b), "b",
                   encode(4_000_000_000_000, 0), "t", {"value": "afgerond"})  # which field?
    folder.append(forged_batch([broken], Signer(_device(b), key_b, "bram")))
    folder.append(forged_batch([replace(broken, hlc="gisteren", data={"field": "status"})],
                               Signer(_device(b), key_b, "bram")))
    b.add_note(ref(b, team_uids(b)[0]), "daarna gewoon verder")
    sync(b, folder)
    report = sync(a, folder)
    assert report.refused == {"damaged": 2}
    assert "daarna gewoon verder" in _notes(a)


def test_this_laptops_own_head_from_the_mailbox_shows_a_cut_audit_tail(pair) -> None:  # type: ignore[no-untyped-def]
    from inbox.privacy import tamper

    folder, a, b = pair
    a.add_note(ref(a, team_uids(a)[0]), "en nog wat")
    sync(a, folder)
    sync(a, folder)  # its own batch read back: the mailbox holds this laptop's head
    heads = status.own_audit_heads(a.store)
    assert heads and tamper.problem(a, heads) is None
    newest = heads[0][0]
    a.db.conn.execute("DROP TRIGGER audit_log_no_delete")  # someone with the database file
    a.db.conn.execute("DELETE FROM audit_log WHERE id > ?", (newest - 3,))
    from inbox.privacy.keys import _delete

    _delete(tamper._slot(a.path))  # and the keyring's copy is gone too (a new keyring)
    # the head this laptop's own batches carried (kept as the mailbox holds it) still tells
    assert "ingekort" in str(tamper.problem(a))
    assert "ingekort" in str(tamper.problem(a, heads))


def test_events_erased_here_are_resent_signed_anew_or_not_at_all(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, a, b = pair
    case = team_uids(a)[0]
    a.add_note(ref(a, case), "anne: bel 0612345678")
    b.add_note(ref(b, case), "bram: bel 0687654321")
    for lk in (a, b, a):
        sync(lk, folder)
    # AVG erasure on a overwrites the text in the events it keeps (inbox/privacy/erasure.py)
    a.db.conn.execute("UPDATE team_events SET body = json_set(body, '$.data.text', "
                      "'[verwijderd]') WHERE kind = 'note'")
    folder.recreate()  # and then the folder is lost: a republishes what it has
    assert sync(a, folder).republished > 0
    c = laptop(tmp_path, "c", "cas", 3)
    inbox = Inbox()
    inbox.deliver(1)
    inbox.fetch(c)
    report = sync(c, folder)
    assert report.refused == {}  # nothing a sends is refused...
    assert _notes(c) == ["[verwijderd]"]  # ...its own erased event signed anew, bram's left out
    sync(b, folder)  # bram's laptop republishes its own
    assert sync(c, folder).refused == {} and sorted(_notes(c)) == [
        "[verwijderd]", "bram: bel 0687654321"]
    c.close()
