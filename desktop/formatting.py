"""How the UI writes times and days: one Dutch format in Dutch time (inbox.clock), so the list,
the case, the dialogs and the exports agree: 16-11-2026 10:42, 16-11-2026."""

from __future__ import annotations

from datetime import date, datetime

from inbox import clock

DATE_TIME_FORMAT = clock.DATE_TIME_FORMAT


def local_time(stamp: str | datetime | None) -> str:
    """A stored UTC stamp (2026-03-01T09:30:00Z) as Dutch time, or '' when there is none."""
    return clock.shown_time(stamp)


def local_day(value: str | date | datetime | None) -> str:
    """A day (ISO date or stamp) as dd-mm-jjjj, or '' when there is none."""
    return clock.shown_date(value)
