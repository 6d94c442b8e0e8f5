"""What of `Loket` still reaches the database directly, kept apart so the rest cannot.

- Shims for feature modules not yet moved behind the gate (tests/check_imports.py LEGACY):
  `loket.db`, `loket.require(Role...)`, `loket.check(Permission...)`, `loket.audit(...)`,
  `loket._event(...)`, `loket._case(...)`. Each goes when its last caller does.

This module is listed in LEGACY; inbox/services.py builds `Loket` on it and follows the rules.
"""

from __future__ import annotations

from typing import Any

from inbox import acts, clock
from inbox.errors import PermissionDenied
from inbox.gate import SYSTEM_USER, Session
from inbox.model import EventKind, Role
from inbox.privacy.roles import Permission
from storage.db import Database

# Mail arriving is not something a person did; every other event is audited.
_ARRIVALS = frozenset({EventKind.MESSAGE_ADDED, EventKind.CASE_OPENED})
_CREATIONS = frozenset({EventKind.NOTE_ADDED, EventKind.CONTACT_LOGGED})


class TransitionSession(Session):
    """A Session with the shims older feature modules still call (see the module docstring)."""

    @property
    def db(self) -> Database:
        return self._db

    def check(self, permission: Any, obj: str = "") -> None:
        """Refuse unless the acting person may: an Act, or (transition) a bare Permission."""
        if isinstance(permission, Permission):
            permission = _permission_act(permission)
        super().check(permission, obj)

    def require(self, *roles: Role) -> None:
        """Transition: refuse unless the acting user has one of `roles`."""
        if self.user == SYSTEM_USER:
            return
        if self.role() not in roles:
            names = " of ".join(r.value for r in roles)
            self._audit("weigering", "rol", "geweigerd", None)
            raise PermissionDenied(f"Dit mag alleen een {names}.")

    def audit(
        self, action: str, obj: str, *, result: str = "ok", subject: int | None = None
    ) -> None:
        """Transition: append to the audit trail as the acting user."""
        self._audit(action, obj, result, subject)

    def _event(self, case_id: int | None, kind: EventKind, data: dict[str, Any]) -> None:
        """Transition: a case event written outside an act (older feature modules)."""
        from inbox.teamsync.outgoing import on_event

        on_event(self, case_id, kind.value, data)
        self.store.records.insert_event(
            case_id, self._stamp(), self.user or SYSTEM_USER, kind.value, data, self.device
        )
        if kind not in _ARRIVALS and self.user != SYSTEM_USER:
            from inbox.privacy import processing_log

            reference = None if case_id is None else self.store.records.case_reference(case_id)
            contact = None
            if case_id is not None:
                row = self.store.records.case_row(case_id)
                contact = None if row is None else row["contact_id"]
            self._audit(f"wijzigen:{kind.value}", f"zaak:{reference}", "ok", None)
            processing_log.record(
                self,
                "klantcontact",
                "create" if kind in _CREATIONS else "update",
                subject=contact,
                obj=f"zaak:{reference}",
            )

    def _case(self, reference: str) -> Any:
        """Transition: a case row for a content act of an older module (vertrouwelijk checked)."""
        return self._resolve_case(acts.CASE_READ, reference)

    def _visibility(self) -> int | None:
        return self.visibility()

    def _stamp(self) -> str:
        return clock.iso(self.now())


def _permission_act(permission: Permission) -> acts.Act:
    """Transition: the act standing for a bare permission check of an older feature module."""
    code = f"permission.{permission.value}"
    found = acts.ACTS.get(code)
    if found is None:
        found = acts.act(code, permission, f"Recht {permission.value}", writes=False,
                         audited=False, content=False)
    return found
