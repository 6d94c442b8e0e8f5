"""The gate: every read of case content and every change passes `Session.op`.

    with loket.op(acts.CASE_ASSIGN, case="LK-2026-000012") as op:
        op.store.records.update_case(op.case_id, {...})
        op.event(EventKind.ASSIGNED, {"to": "bram"})
    return op.changes

`op` checks the acting person's permission (one grants table) and, for a case, its
confidentiality; opens the transaction; records case events in one vocabulary through one writer
(`Op.event`), which also queues the team-sync event; writes the audit entry (refusals too, and
those survive the rollback) and the processing-log entry where a resident's data is read,
changed or exported; and collects the `Changes` the screens update from. Feature modules reach
storage only through `op.store`; they never hold the database connection.
"""

from __future__ import annotations

import json
import logging
import platform
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from inbox import clock
from inbox.acts import Act
from inbox.errors import NotFound, PermissionDenied
from inbox.model import Changes, EventKind, Role
from inbox.privacy.roles import (
    NOT_SIGNED_IN,
    REFUSALS,
    SYSTEM_GRANTS,
    UNNAMED_READ_ONLY,
    Permission,
    allowed,
)
from storage.blobs import BlobStore
from storage.db import CORRUPT, DB_ERRORS, Database, WrongKeyError, connect
from storage.errors import CorruptDatabaseError, StorageError
from storage.paths import blob_dir_for
from storage.queries import CaseQuery  # re-exported: the filter of case lists, for inbox/
from storage.store import Store

__all__ = ["CaseQuery", "Op", "Session", "SYSTEM_USER"]

log = logging.getLogger("loket.gate")

SYSTEM_USER = "systeem"
# a case reference typed short: its number, optionally with its year ("464", "2026-464")
_SHORT_REFERENCE = re.compile(r"^(?:LK-?)?(?:(?P<year>\d{4})-)?(?P<number>\d{1,6})$")
CONFIDENTIAL_REFUSAL = "Deze zaak is vertrouwelijk; alleen de behandelaar ziet haar."
NO_BEHEERDER_YET = (
    "Deze database heeft nog geen beheerder. Maak die eerst (in Loket, of: loket user add NAAM "
    "--name 'Uw Naam' --role beheerder --password-stdin); tot dan kan er niets worden gewijzigd."
)
MUST_CHANGE = (
    "Kies eerst een eigen wachtwoord (in Loket, of: loket user passwd UW_NAAM --password-stdin)."
)


@dataclass
class _Refusal:
    act: str
    obj: str
    subject: int | None


@dataclass
class Op:
    """One running act: what it may touch, and what it did."""

    session: Session
    act: Act
    store: Store
    case: Any = None  # the case row when the act is about one case
    obj: str = ""
    subjects: set[int] = field(default_factory=set)  # residents whose data was processed
    changes: Changes = field(default_factory=Changes)
    details: dict[str, Any] = field(default_factory=dict)  # extra words for the audit entry

    @property
    def user(self) -> str:
        return self.session.user

    @property
    def now(self) -> datetime:
        return self.session.now()

    def stamp(self) -> str:
        return clock.iso(self.session.now())

    @property
    def case_id(self) -> int:
        assert self.case is not None, "this act was not opened on a case"
        return int(self.case["id"])

    def actor_id(self) -> int | None:
        return self.session.actor_id()

    def about(self, contact_id: int | None) -> None:
        """Name a resident whose data this act processes (audit + processing log)."""
        if contact_id is not None:
            self.subjects.add(int(contact_id))

    def other_case(self, reference: str | int) -> Any:
        """A second case the act touches (merge, move): checked like the first."""
        row = self.session._resolve_case(self.act, reference)
        self.about(row["contact_id"])
        return row

    def event(self, kind: EventKind, data: dict[str, Any], case_id: int | None = None) -> None:
        """Record a case event: the one writer of history, team sync and the changes."""
        if case_id is None and self.case is not None:
            case_id = int(self.case["id"])
        self.session._write_event(self, case_id, kind, data)
        if case_id is not None:
            self.changes.cases.add(case_id)

    def changed(self, *kinds: str) -> None:
        """Say which non-case things changed (accounts, users, settings, ...)."""
        self.changes.kinds.update(kinds)


class Session:
    """One open installation acting as one person (or the system identity for sync jobs)."""

    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        user: str = SYSTEM_USER,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self._db = db
        self.blobs = blobs
        self.store = Store(db, blobs)
        self.user = user
        self.now = now
        self.device = platform.node()
        # set at sign-in when a beheerder chose this person's password: until they choose their
        # own, that is all they may do
        self.must_change_password = False
        self._building = False
        self._audit_written = False  # since the head was last kept outside the database
        self._head_kept_at = 0.0
        # what the start-up comparison of the audit trail with its kept head found (None: ok);
        # while it stands the kept head is not moved, so the evidence stays
        self.audit_problem: str | None = None
        self._depth = 0
        self._refusals: list[_Refusal] = []
        self._identity: tuple[str, Role | None, frozenset[Permission], int | None] | None = None

    @classmethod
    def open(cls, path: Path | str, user: str = SYSTEM_USER) -> Any:
        """Open the database at `path`; a new one is encrypted with a key kept in the keyring."""
        from inbox.privacy import keys

        path = Path(path)
        key = keys.unlock(path)
        try:
            db = connect(path, key)
        except WrongKeyError as exc:
            if key is not None and keys.key_fits(path, key):
                # the key is right, so the file is damaged: never blame the key
                raise CorruptDatabaseError(CORRUPT) from exc
            raise
        session = cls(db, BlobStore(blob_dir_for(path), key), user=user)
        from inbox.privacy import tamper

        session.audit_problem = tamper.problem(session)
        return session

    def close(self) -> None:
        if self._audit_written:
            self._keep_audit_head()
        self._db.close()

    def _keep_audit_head(self) -> None:
        import time

        from inbox.privacy import tamper

        self._audit_written = False
        if self.audit_problem is not None:
            return  # keep the evidence until a beheerder accepts the trail as it is
        self._head_kept_at = time.monotonic()
        tamper.remember(self)

    @property
    def path(self) -> Path | None:
        return self._db.path

    @property
    def closed(self) -> bool:
        """The database was closed (signed out, quitting): nothing more can be read."""
        return self._db.closed

    @property
    def db(self) -> Database:
        """The database handle: the gate's, and the test kit's for arranging and inspecting
        data. Feature modules and screens never use it (tests/check_imports.py refuses `.db`
        outside storage/ and the gate); they go through `op.store`."""
        return self._db

    # -- who is acting ---------------------------------------------------------------------

    def _who(self) -> tuple[Role | None, frozenset[Permission], int | None]:
        if self._identity is None or self._identity[0] != self.user:
            role: Role | None = None
            extra: frozenset[Permission] = frozenset()
            user_id: int | None = None
            if self.user and self.user != SYSTEM_USER:
                row = self.store.records.active_user(self.user)
                if row is not None:
                    role, user_id = Role(row["role"]), int(row["id"])
                    grants = self.store.records.user_grants(user_id)
                    extra = frozenset(Permission(p) for p in grants)
            self._identity = (self.user, role, extra, user_id)
        return self._identity[1], self._identity[2], self._identity[3]

    def forget_identity(self) -> None:
        """Read role and rights again (after user administration)."""
        self._identity = None

    def role(self) -> Role | None:
        """The acting person's role; None for the system identity, unknown or nobody."""
        return self._who()[0]

    def actor_id(self) -> int | None:
        return self._who()[2]

    def may(self, permission: Permission) -> bool:
        if self._building:
            return True
        if self.user == SYSTEM_USER:
            return permission in SYSTEM_GRANTS or _system_may_all()
        if not self.user:
            # nobody signed in: a database from before sign-in was required can be read
            return permission in UNNAMED_READ_ONLY and self._unnamed_may_read()
        role, extra, _ = self._who()
        return allowed(role, permission, extra)

    def _unnamed_may_read(self) -> bool:
        users = self.store.users
        return users.count() > 0 and not users.any_password()

    # -- the gate --------------------------------------------------------------------------

    @contextmanager
    def op(
        self,
        act: Act,
        *,
        case: str | int | None = None,
        obj: str = "",
        about: int | None = None,
    ) -> Iterator[Op]:
        """Run `act` (see the module's docstring); refusals raise PermissionDenied."""
        outermost = self._depth == 0
        self._depth += 1
        try:
            self._check(act, obj or (f"zaak:{case}" if case is not None else ""))
            current = Op(self, act, self.store, obj=obj)
            current.about(about)
            if act.writes:
                with self._db.transaction():
                    self._enter(current, act, case)
                    yield current
                    self._leave(current)
            else:
                self._enter(current, act, case)
                yield current
                if act.audited or (act.processing and current.subjects):
                    with self._db.transaction():
                        self._leave(current)
        except DB_ERRORS as exc:
            known = self.known_error(exc)
            if known is None:
                raise
            raise known from exc
        finally:
            self._depth -= 1
            if outermost:
                self._write_refusals()
                self._after_outermost()

    def _after_outermost(self) -> None:
        """Keep the audit trail's head outside the database, at most once a second."""
        import time

        if self._audit_written and time.monotonic() - self._head_kept_at >= 1.0:
            self._keep_audit_head()

    def accept_audit_trail(self) -> None:
        """A beheerder saw the audit problem and accepts the trail as it now is (audited)."""
        from inbox import acts

        with self.op(acts.AUDIT_ACCEPT, obj="auditlog") as op:
            op.details = {"probleem": self.audit_problem or ""}
        self.audit_problem = None
        self._keep_audit_head()

    def data_version(self) -> int:
        """Changes when another connection (a sync job, a handed-over command, a colleague's
        batch) commits: screens poll it to update what they show (SQLite's data_version)."""
        return self._db.data_version()

    def integrity_problems(self, quick: bool = True) -> list[str]:
        """SQLite's integrity check; a damaged database takes no more writes."""
        from inbox import acts
        from storage.db import integrity_problems

        with self.op(acts.DB_CHECK):
            problems = integrity_problems(self._db, quick)
            self._db.damaged = bool(problems)
        return problems

    def known_error(self, exc: BaseException) -> StorageError | None:
        """A database failure as the Dutch error people can act on (None: a bug)."""
        if isinstance(exc, StorageError):
            return exc
        return self._db._known(exc)

    def check(self, act: Act, obj: str = "") -> None:
        """Refuse (and audit the refusal) unless the acting person may run `act`."""
        try:
            self._check(act, obj)
        finally:
            if self._depth == 0:
                self._write_refusals()

    def _check(self, act: Act, obj: str) -> None:
        if act.bootstrap and not self.store.users.any_password():
            return  # the first beheerder of a database
        if self.must_change_password and act.permission is not Permission.OWN_ACCOUNT:
            self._refuse(act, obj, None)
            raise PermissionDenied(MUST_CHANGE)
        if self.may(act.permission):
            return
        self._refuse(act, obj, None)
        if self.user:
            raise PermissionDenied(REFUSALS[act.permission])
        if not self.store.users.any_password():
            raise PermissionDenied(NO_BEHEERDER_YET)
        raise PermissionDenied(NOT_SIGNED_IN)

    def _refuse(self, act: Act, obj: str, subject: int | None) -> None:
        self._refusals.append(_Refusal(act.code, obj, subject))

    def _enter(self, current: Op, act: Act, case: str | int | None) -> None:
        if case is None:
            return
        current.case = self._resolve_case(act, case)
        current.obj = current.obj or f"zaak:{current.case['reference']}"
        current.about(current.case["contact_id"])

    def _resolve_case(self, act: Act, case: str | int) -> Any:
        records = self.store.records
        if isinstance(case, int):
            case_id: int | None = case
        else:
            case_id = records.case_id_by_reference(case.strip().upper())
            if case_id is None:
                case_id = self._short_reference(case)
        row = None if case_id is None else records.case_row(case_id)
        if row is None:
            raise NotFound(f"Zaak {case} bestaat niet.")
        if act.content and row["confidential"] and not self._sees_confidential(row):
            self._refuse(act, f"zaak:{row['reference']}", None)
            raise PermissionDenied(CONFIDENTIAL_REFUSAL)
        return row

    def _short_reference(self, typed: str) -> int | None:
        """A reference typed short, as people say it: "464", "2026-464", "LK-2026-464"; None
        when it is not one. Several years with that number: refused, naming them."""
        match = _SHORT_REFERENCE.match(typed.strip().upper())
        if match is None:
            return None
        records = self.store.records
        year = int(match["year"]) if match["year"] else None
        found = records.references_numbered(int(match["number"]), year)
        if len(found) > 1:
            raise NotFound(f"Meerdere zaken hebben nummer {int(match['number'])}: "
                           f"{', '.join(found)}; typ het hele zaaknummer.")
        return records.case_id_by_reference(found[0]) if found else None

    def _sees_confidential(self, case: Any) -> bool:
        """Vertrouwelijk cases are for their assignee only (archive work sees metadata)."""
        if self.user == SYSTEM_USER:
            return True
        me = self.actor_id()
        return me is not None and case["assignee_id"] == me

    def visibility(self) -> int | None:
        """For case queries: None (every case) or the user id whose vertrouwelijk cases show."""
        if self.user == SYSTEM_USER:
            return None
        return self.actor_id() or -1

    def _leave(self, current: Op) -> None:
        act = current.act
        if act.audited and self.user != SYSTEM_USER:
            subject = min(current.subjects) if len(current.subjects) == 1 else None
            action = act.code
            if current.details:
                action += ":" + json.dumps(current.details, sort_keys=True, ensure_ascii=False)
            self._audit(action, current.obj, "ok", subject)
        if act.processing and self.user != SYSTEM_USER:
            from inbox.privacy import processing_log

            subjects: list[int | None] = list(sorted(current.subjects))
            if not subjects and act.processing != "read":
                subjects = [None]  # a change of something about nobody in particular
            for subject_id in subjects:
                processing_log.record(
                    self,
                    act.activity, act.processing, subject=subject_id, obj=current.obj
                )

    def _audit(
        self, action: str, obj: str, result: str = "ok", subject: int | None = None
    ) -> None:
        from inbox.privacy import audit

        self._audit_written = True
        audit.record(
            self.store,
            at=clock.iso(self.now()),
            actor=self.user or "(niet aangemeld)",
            action=action,
            obj=obj,
            result=result,
            subject_contact_id=subject,
        )

    @contextmanager
    def demo_builder(self) -> Iterator[None]:
        """`demo` on a new database: the builder may do every act (as the demo's people, or as
        the system) until the demo's users get their passwords. Refused on any database where
        someone already has a password."""
        if self.store.users.any_password():
            raise PermissionDenied("Demogegevens kunnen alleen in een nieuwe database.")
        self._building = True
        try:
            yield
        finally:
            self._building = False

    @contextmanager
    def sign_in_transaction(self) -> Iterator[Store]:
        """A write transaction outside any act: only for signing in and out, which happen
        before (or after) a person acts, and are audited inside it."""
        with self._db.transaction():
            yield self.store

    def _audit_as(self, actor: str, action: str, obj: str, result: str) -> None:
        """An entry in someone else's name (a failed sign-in names the login tried)."""
        from inbox.privacy import audit

        self._audit_written = True
        audit.record(self.store, at=clock.iso(self.now()), actor=actor, action=action, obj=obj,
                     result=result)

    def _write_refusals(self) -> None:
        pending, self._refusals = self._refusals, []
        for refusal in pending:
            try:
                with self._db.transaction():
                    self._audit(refusal.act, refusal.obj, "geweigerd", refusal.subject)
            except Exception:  # noqa: BLE001 - a refusal stays refused even if its entry fails
                log.exception("could not audit a refusal")

    def held(self) -> dict[str, Any]:
        """Facts that cannot change while the current act's transaction holds the write lock
        (see storage.db.Database.held): for hooks that run at every event of a long act."""
        return self._db.held()

    def _write_event(
        self, current: Op, case_id: int | None, kind: EventKind, data: dict[str, Any]
    ) -> None:
        from inbox.teamsync.outgoing import on_event

        on_event(self, case_id, kind.value, data)  # team sync
        self.store.records.insert_event(
            case_id, clock.iso(self.now()), self.user or SYSTEM_USER, kind.value, data,
            self.device,
        )


def is_foreign_file(path: Path) -> bool:
    """Whether `path` is another program's SQLite file (Loket leaves it alone)."""
    from storage.db import is_foreign_file as foreign

    return foreign(path)


def database_error(exc: BaseException) -> StorageError | None:
    """A database failure outside an open session, as its Dutch error (None: not one)."""
    from storage.db import translate

    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, DB_ERRORS):
        return translate(exc)
    return None


# In the product the system identity only fetches and files mail (SYSTEM_GRANTS). The test kit
# sets this for the arrange step of tests that build their data as the system (tests/conftest.py);
# tests marked `production_system` keep it off.
SYSTEM_MAY_ALL = False


def _system_may_all() -> bool:
    return SYSTEM_MAY_ALL
