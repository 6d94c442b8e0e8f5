"""One Dutch way of writing time for people (inbox/clock.py): dd-mm-jjjj HH:MM in Dutch time,
winter and summer; ISO stays for the stored stamps."""

from __future__ import annotations

from datetime import UTC, date, datetime

from inbox import clock


def test_stamps_are_shown_in_dutch_time_winter_and_summer() -> None:
    assert clock.shown_time("2026-03-01T23:30:00Z") == "02-03-2026 00:30"  # CET, +1
    assert clock.shown_time("2026-07-01T22:30:00Z") == "02-07-2026 00:30"  # CEST, +2
    assert clock.shown_time(datetime(2026, 7, 1, 8, 0, tzinfo=UTC)) == "01-07-2026 10:00"
    assert clock.shown_time("") == "" and clock.shown_time("gisteren") == "gisteren"


def test_days_are_shown_the_same_way() -> None:
    assert clock.shown_date("2026-11-20") == "20-11-2026"
    assert clock.shown_date("2026-03-01T23:30:00Z") == "02-03-2026"  # the Dutch day
    assert clock.shown_date(date(2026, 1, 5)) == "05-01-2026"
    assert clock.shown_date(None) == ""
    assert clock.iso(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)) == "2026-03-01T23:30:00Z"
