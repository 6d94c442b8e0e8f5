"""How the UI writes times and addresses: local time as dd-mm-yyyy HH:MM."""

from __future__ import annotations

from inbox import clock

DATE_TIME_FORMAT = "%d-%m-%Y %H:%M"


def local_time(stamp: str | None) -> str:
    """A stored UTC stamp (2026-03-01T09:30:00Z) as local time, or '' when there is none."""
    if not stamp:
        return ""
    try:
        return clock.parse(stamp).astimezone().strftime(DATE_TIME_FORMAT)
    except ValueError:
        return stamp
