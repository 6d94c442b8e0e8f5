"""The hybrid logical clock and the event batches (format, AES-GCM seal)."""

from __future__ import annotations

import pytest

from inbox.teamsync import events, hlc
from inbox.teamsync.events import Event, UnreadableBatch
from storage.db import connect


def test_tick_is_monotonic_even_when_the_wall_clock_goes_back() -> None:
    db = connect(":memory:")
    wall = iter([1000, 1000, 900, 2000])
    clock = hlc.Clock(db, wall=lambda: next(wall))
    stamps = [clock.tick() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert hlc.decode(stamps[2]) == (1000, 2)


def test_observe_moves_past_a_remote_stamp() -> None:
    db = connect(":memory:")
    clock = hlc.Clock(db, wall=lambda: 10)
    clock.observe(hlc.encode(5000, 3))
    assert clock.tick() > hlc.encode(5000, 3)


def _event(text: str = "geheime notitie") -> Event:
    return Event(
        "e1",
        "note",
        "c1",
        "anne",
        "Anne",
        "d1",
        "LAPTOP",
        hlc.encode(1, 0),
        "2026-11-02T10:00:00Z",
        {"uid": "n1", "text": text},
    )


def test_batch_round_trip_plain_and_sealed() -> None:
    key = events.parse_key(events.new_key())
    for k in (None, key):
        raw = events.encode_batch([_event()], k)
        _batch, got = events.decode_batch(raw, k)
        assert got == [_event()]
    sealed = events.encode_batch([_event()], key)
    assert b"geheime" not in sealed and b"anne" not in sealed


def test_a_sealed_batch_needs_the_right_key_and_detects_tampering() -> None:
    key = events.parse_key(events.new_key())
    raw = events.encode_batch([_event()], key)
    with pytest.raises(UnreadableBatch):
        events.decode_batch(raw, None)
    with pytest.raises(UnreadableBatch):
        events.decode_batch(raw, events.parse_key(events.new_key()))
    relabelled = raw.replace(b"X-Loket-Batch: ", b"X-Loket-Batch: x")
    with pytest.raises(UnreadableBatch):
        events.decode_batch(relabelled, key)


def test_not_a_team_message() -> None:
    with pytest.raises(UnreadableBatch):
        events.decode_batch(b"Subject: hallo\r\n\r\nhoi\r\n", None)
