"""What the team's shared collections (kennisbank articles, standaardantwoorden) do alike: an
item saved here travels as one caseless event, and colleagues' items are applied in one act,
last writer (highest team clock) wins. Each collection says only how its item is read and
written (inbox/teamsync/kb.py, templates.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from inbox.acts import Act
from inbox.errors import InvalidInput
from inbox.privacy.roles import Permission
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.gate import Op, Session

log = logging.getLogger("loket.teamsync")

Item = TypeVar("Item")


def send(loket: Session, kind: str, payload: Callable[[], dict[str, Any] | None]) -> Event | None:
    """Send an item saved here to the team, inside the saving act (its transaction and its
    check); `payload` is only read when this laptop is in a team. None: not in a team, or
    the item is gone."""
    from inbox.teamsync import outgoing  # outgoing hands saved items to the collections

    t = outgoing.current_team(loket)
    if t is None:
        return None
    data = payload()
    if data is None:
        return None
    return outgoing.emit(loket, t, kind, None, data)


def apply_waiting(
    loket: Session,
    act: Act,
    what: str,
    waiting: Callable[[Op], Iterable[Any]],
    read: Callable[[Event], Item],
    apply: Callable[[Op, Event, Item], bool],
) -> int:
    """Apply the items colleagues sent (`waiting` rows holding an event's body) in one `act`;
    how many changed something here. An event `read` cannot make sense of is logged and
    left; without the sync permission nothing happens (someone who may sync applies them
    later; nothing is lost)."""
    if not loket.may(Permission.SYNC):
        return 0
    applied = 0
    with loket.op(act) as op:
        for row in waiting(op):
            try:
                event = Event.loads(str(row["body"]))
                item = read(event)
            except (InvalidInput, KeyError, TypeError, ValueError) as exc:
                log.warning("team %s event %s not applied: %s", what, row["id"], exc)
                continue
            if apply(op, event, item):
                applied += 1
    return applied
