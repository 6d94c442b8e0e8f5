"""The hybrid logical clock and the event batches (format, AES-GCM seal, Ed25519 signatures)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inbox.teamsync import events, hlc
from inbox.teamsync.events import Event, UnreadableBatch
from storage.db import connect
from storage.team import TeamQueries


def test_tick_is_monotonic_even_when_the_wall_clock_goes_back() -> None:
    db = connect(":memory:")
    wall = iter([1000, 1000, 900, 2000])
    clock = hlc.Clock(TeamQueries(db), wall=lambda: next(wall))
    stamps = [clock.tick() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert hlc.decode(stamps[2]) == (1000, 2)


def test_observe_moves_past_a_remote_stamp() -> None:
    db = connect(":memory:")
    clock = hlc.Clock(TeamQueries(db), wall=lambda: 10)
    clock.observe(hlc.encode(5000, 3))
    assert clock.tick() > hlc.encode(5000, 3)


def _event(text: str = "geheime notitie", device: str = "d1") -> Event:
    return Event(
        "e1",
        "note",
        "c1",
        "anne",
        "Anne",
        device,
        "LAPTOP",
        hlc.encode(1, 0),
        "2026-11-02T10:00:00Z",
        {"uid": "n1", "text": text},
    )


def _signer(device: str = "d1") -> events.Signer:
    return events.Signer(device, Ed25519PrivateKey.generate(), "anne")


def test_batch_round_trip_sealed_and_signed() -> None:
    key = events.parse_key(events.new_key())
    signer = _signer()
    event = _event().signed_by(signer.key)
    raw = events.encode_batch([event], key, signer, at="t", audit_head=(7, "ab" * 32))
    got = events.decode_batch(raw, key)
    assert got.events == [event] and got.device == "d1" and got.user == "anne"
    assert got.audit_head == (7, "ab" * 32)
    public = signer.key.public_key()
    assert got.verifies(public) and got.events[0].verifies(public)
    assert not got.verifies(Ed25519PrivateKey.generate().public_key())
    assert b"geheime" not in raw and b"anne" not in raw


def test_a_signed_event_detects_any_change() -> None:
    key = Ed25519PrivateKey.generate()
    event = _event().signed_by(key)
    assert event.verifies(key.public_key())
    changed = Event.from_json({**event.to_json(), "author": "bram"})
    assert not changed.verifies(key.public_key())
    assert not _event().verifies(key.public_key())  # unsigned


def test_a_sealed_batch_needs_the_right_key_and_detects_tampering() -> None:
    key = events.parse_key(events.new_key())
    raw = events.encode_batch([_event()], key, _signer(), at="t")
    with pytest.raises(UnreadableBatch) as wrong:
        events.decode_batch(raw, events.parse_key(events.new_key()))
    assert wrong.value.reason == "key"
    relabelled = raw.replace(b"X-Loket-Batch: ", b"X-Loket-Batch: x")
    with pytest.raises(UnreadableBatch):
        events.decode_batch(relabelled, key)


def test_plain_and_old_batches_are_refused_even_when_well_formed() -> None:
    key = events.parse_key(events.new_key())
    plain = events.encode_batch([_event()], None, _signer(), at="t")
    with pytest.raises(UnreadableBatch) as refused:
        events.decode_batch(plain, key)
    assert refused.value.reason == "plain"
    old = events.encode_batch([_event()], key, _signer(), at="t").replace(
        b"X-Loket-Format: loket-team/2+aesgcm", b"X-Loket-Format: loket-team/1+aesgcm")
    with pytest.raises(UnreadableBatch) as refused:
        events.decode_batch(old, key)
    assert refused.value.reason == "unsigned"


def test_not_a_team_message() -> None:
    with pytest.raises(UnreadableBatch) as refused:
        events.decode_batch(b"Subject: hallo\r\n\r\nhoi\r\n", events.parse_key(events.new_key()))
    assert refused.value.reason == "damaged"
