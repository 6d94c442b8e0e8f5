"""Two people on one case: what colleagues (or the resident) did to the case someone has open
since they opened it, so the case view can say so at once and a reply in progress is checked
before it goes ("Bram heeft net geantwoord: toch versturen?").

Changes come from the case's history (case_events): made in another process on this laptop,
or by a colleague's laptop through team sync, or a message fetched by the system identity.
The acting person's own changes are not collisions. Metadata only (act case.list): who, what
kind, whether an answer went out; reading an answer's text is case.read, as ever.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inbox import acts
from inbox.gate import SYSTEM_USER
from inbox.model import Direction, EventKind

if TYPE_CHECKING:
    from inbox.services import Loket


@dataclass(frozen=True)
class Change:
    event: int  # the case event's id (the next `since` starts after it)
    who: str  # a colleague's name; "" for the resident or a message that arrived
    kind: str  # an EventKind value
    text: str  # Dutch, as the timeline says it ("Toegewezen aan Carla Jansen")
    answered: bool = False  # an answer to the resident went out
    incoming: bool = False  # the resident wrote again
    message: int | None = None


def seen(loket: Loket, reference: str) -> int:
    """Where the case's history stands now: pass it to `since` later."""
    with loket.op(acts.CASE_LIST, case=reference) as op:
        return op.store.casework.last_event_id(op.case_id)


def since(loket: Loket, reference: str, after: int) -> list[Change]:
    """What others did to the case after event `after` (oldest first)."""
    from inbox.services import _describe_event

    found: list[Change] = []
    me = loket.user
    with loket.op(acts.CASE_LIST, case=reference) as op:
        rows = op.store.casework.events_since(op.case_id, after)
        my_name = op.store.casework.display_name(me)
    for row in rows:
        kind = str(row["kind"])
        actor = str(row["actor"])
        if kind == EventKind.MESSAGE_ADDED.value:
            if row["direction"] == Direction.OUTBOUND.value:
                who = str(row["author_name"] or (row["actor_name"] if actor != SYSTEM_USER
                                                 else ""))
                if row["author_name"] == my_name or (actor == me and not row["author_name"]):
                    continue  # my own reply
                found.append(Change(int(row["id"]), who, kind, "", answered=True,
                                    message=int(row["message"])))
            elif actor != me:
                found.append(Change(int(row["id"]), "", kind, "", incoming=True,
                                    message=row["message"]))
            continue
        if actor in (me, SYSTEM_USER):
            continue  # mine, or the system's follow-up of a message (listed above)
        text = _describe_event(kind, json.loads(row["data"] or "{}"))
        if text:
            found.append(Change(int(row["id"]), str(row["actor_name"]), kind, text))
    return found
