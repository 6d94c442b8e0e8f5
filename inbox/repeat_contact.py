"""Repeat contact: a resident who contacts us again within 14 days of a case's closing, on any
channel, was not helped "in één keer". The earlier case loses that mark automatically, with an
event saying why, and the figures count it (`repeat_contact_pct`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from inbox import clock
from inbox.model import EventKind

if TYPE_CHECKING:
    from inbox.gate import Op

WINDOW = timedelta(days=14)


def contacted_again(op: Op, contact_id: int | None, moment: datetime, by: str,
                    channel: str) -> int:
    """Resident `contact_id` got in touch at `moment` (`by`: the case it landed in): their
    cases closed in the 14 days before are marked. Returns how many were.

    In a team every laptop that files the mail marks the case itself; its edit is an ordinary
    (not mail-dated) one, since the mail is in another case than the one it marks."""
    if contact_id is None:
        return 0
    at = clock.iso(moment)
    marked = 0
    for row in op.store.deadlines.closed_since(contact_id, clock.iso(moment - WINDOW), at):
        one_go = bool(row["first_contact_resolution"])
        values: dict[str, object] = {"repeat_contact_at": at}
        if one_go:
            values["first_contact_resolution"] = 0
        op.store.records.update_case(int(row["id"]), values)
        op.event(EventKind.REPEAT_CONTACT,
                 {"at": at, "by": by, "channel": channel, "was_one_go": one_go}, int(row["id"]))
        marked += 1
    return marked
