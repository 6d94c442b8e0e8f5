"""Standaardantwoorden over team sync: each save or retirement travels as one `template`
event holding the whole template (key, title, text, retired).

Hooked in like the kennisbank (inbox/teamsync/kb.py): outgoing.on_event hands
`template_saved` here, and apply.project_waiting calls `apply_waiting` before caseless events
are marked applied. The version with the highest team clock wins on every laptop.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from inbox import acts, workspace
from inbox.privacy.roles import Permission
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.teamsync")

KIND = "template"
SAVED = "template_saved"  # EventKind.TEMPLATE_SAVED


def on_event(loket: Session, data: dict[str, Any]) -> None:
    """A template was saved or retired here: send it to the team (in the same transaction)."""
    from inbox.teamsync import outgoing

    t = outgoing.current_team(loket)
    if t is None:
        return
    key = str(data.get("key") or "")
    # inside the saving act (its transaction and its check), like the kennisbank's hook
    template = workspace.template_state(loket, key)
    if template is None:
        return
    event = outgoing.emit(loket, t, KIND, None, {
        "key": template.key, "title": template.title, "body": template.body,
        "retired": template.retired,
    })
    workspace.set_template_clock(loket, key, event.hlc)


def apply_waiting(loket: Session) -> int:
    """Apply the templates colleagues saved or retired; how many changed something here."""
    if not loket.may(Permission.SYNC):
        return 0
    applied = 0
    with loket.op(acts.TEMPLATE_TEAM) as op:
        for row in op.store.team.waiting_caseless(KIND):
            try:
                event = Event.loads(str(row["body"]))
                data = event.data
                template = workspace.Template(
                    str(data["key"]), str(data["title"]).strip(), str(data["body"]).strip(),
                    shipped=False, retired=bool(data["retired"]))
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("team template event %s not applied: %s", row["id"], exc)
                continue
            if template.key and template.title and template.body and (
                    workspace.apply_team_template(op, template, event.hlc)):
                applied += 1
    return applied
