"""Standaardantwoorden over team sync: each save or retirement travels as one `template`
event holding the whole template (key, title, text, retired).

Hooked in like the kennisbank (inbox/teamsync/kb.py): outgoing.on_event hands
`template_saved` here, and apply.project_waiting calls `apply_waiting` before caseless events
are marked applied. The version with the highest team clock wins on every laptop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inbox import acts, workspace
from inbox.teamsync import collection
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.gate import Op, Session

KIND = "template"
SAVED = "template_saved"  # EventKind.TEMPLATE_SAVED


def on_event(loket: Session, data: dict[str, Any]) -> None:
    """A template was saved or retired here: send it to the team (in the same transaction)."""
    key = str(data.get("key") or "")

    def payload() -> dict[str, Any] | None:
        # inside the saving act (its transaction and its check), like the kennisbank's hook
        template = workspace.template_state(loket, key)
        if template is None:
            return None
        return {"key": template.key, "title": template.title, "body": template.body,
                "retired": template.retired}

    event = collection.send(loket, KIND, payload)
    if event is not None:
        workspace.set_template_clock(loket, key, event.version)


def apply_waiting(loket: Session) -> int:
    """Apply the templates colleagues saved or retired; how many changed something here."""
    return collection.apply_waiting(
        loket, acts.TEMPLATE_TEAM, "template", lambda op: op.store.team.waiting_caseless(KIND),
        _read, _apply,
    )


def _read(event: Event) -> workspace.Template:
    data = event.data
    return workspace.Template(
        str(data["key"]), str(data["title"]).strip(), str(data["body"]).strip(),
        shipped=False, retired=bool(data["retired"]))


def _apply(op: Op, event: Event, template: workspace.Template) -> bool:
    """A complete template replaces the team's older one (the highest team clock wins)."""
    return bool(template.key and template.title and template.body
                and workspace.apply_team_template(op, template, event.version))
