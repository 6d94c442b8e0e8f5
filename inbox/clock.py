"""Time in one format: UTC ISO 8601 with seconds and a Z, which sorts as text; and how people
read it (Dutch dates in Dutch time)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# -- how people read time: one Dutch format, in Dutch time ---------------------------------
# Stored stamps stay UTC ISO (above); screens and exports for people show dd-mm-jjjj and
# dd-mm-jjjj HH:MM in Europe/Amsterdam. ISO stays only where a standard asks for it (MDTO,
# the Klantinteracties JSON, import/export formats read back by Loket).

LOCAL = ZoneInfo("Europe/Amsterdam")
DATE_FORMAT = "%d-%m-%Y"
DATE_TIME_FORMAT = "%d-%m-%Y %H:%M"


def local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL)


def shown_time(stamp: str | datetime | None) -> str:
    """A stored stamp as Dutch time, "16-11-2026 10:42"; "" for none; text that is no time
    as it is."""
    if not stamp:
        return ""
    try:
        moment = stamp if isinstance(stamp, datetime) else parse(stamp)
    except ValueError:
        return str(stamp)
    return local(moment).strftime(DATE_TIME_FORMAT)


def shown_date(value: str | date | datetime | None) -> str:
    """A day as "16-11-2026": an ISO date as it is, a stamp as its Dutch calendar day."""
    if not value:
        return ""
    if isinstance(value, datetime):
        return local(value).strftime(DATE_FORMAT)
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    try:
        if len(value) == 10:
            return date.fromisoformat(value).strftime(DATE_FORMAT)
        return local(parse(value)).strftime(DATE_FORMAT)
    except ValueError:
        return value
