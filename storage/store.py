"""What the gate hands an operation: the query classes of every feature over one database.

`op.store.cases.row(case_id)` reads; feature modules never hold the connection itself. Each
feature's SQL lives in its own module of storage/ (a `Queries` subclass), added here once.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from storage.blobs import BlobStore
from storage.db import Database
from storage.mail import MailQueries
from storage.tamper import TamperQueries
from storage.users import UserQueries

if TYPE_CHECKING:
    from storage.archive import ArchiveQueries
    from storage.audit import AuditQueries
    from storage.callbacks import CallbackQueries
    from storage.casework import CaseworkQueries
    from storage.contacts import ContactQueries
    from storage.deadlines import DeadlineQueries
    from storage.departments import DepartmentQueries
    from storage.erasure import ErasureQueries
    from storage.kb import KbQueries
    from storage.listening import ListeningQueries
    from storage.privacy import PrivacyQueries
    from storage.queries import Reads
    from storage.records import Records
    from storage.social import SocialQueries
    from storage.team import TeamQueries
    from storage.trends import TrendsQueries
    from storage.woo import WooQueries

class Store:
    """Query classes per feature over one open database and its blob store."""

    def __init__(self, db: Database, blobs: BlobStore) -> None:
        self._db = db
        self.blobs = blobs
        blobs.attach(db)  # small originals live in the database

    @property
    def path(self) -> Path | None:
        """The database file (None in memory): for features that keep files beside it."""
        return self._db.path

    def backup_database(self, target: Path) -> None:
        """A consistent copy of the database at `target` (SQLite's online backup API), under
        the same key: the backup feature (inbox/backup.py)."""
        from storage.db import backup_copy

        backup_copy(self._db, target, self._db.key)

    @cached_property
    def records(self) -> Records:
        from storage.records import Records

        return Records(self._db)

    @cached_property
    def queries(self) -> Reads:
        from storage.queries import Reads

        return Reads(self._db)

    @cached_property
    def users(self) -> UserQueries:
        return UserQueries(self._db)

    @cached_property
    def tamper(self) -> TamperQueries:
        return TamperQueries(self._db)

    @cached_property
    def audit(self) -> AuditQueries:
        from storage.audit import AuditQueries

        return AuditQueries(self._db)

    @cached_property
    def privacy(self) -> PrivacyQueries:
        from storage.privacy import PrivacyQueries

        return PrivacyQueries(self._db)

    @cached_property
    def erasure(self) -> ErasureQueries:
        from storage.erasure import ErasureQueries

        return ErasureQueries(self._db)

    @cached_property
    def kb(self) -> KbQueries:
        from storage.kb import KbQueries

        return KbQueries(self._db)

    @cached_property
    def trends(self) -> TrendsQueries:
        from storage.trends import TrendsQueries

        return TrendsQueries(self._db)

    @cached_property
    def archive(self) -> ArchiveQueries:
        from storage.archive import ArchiveQueries

        return ArchiveQueries(self._db)

    @cached_property
    def social(self) -> SocialQueries:
        """File imports and the Mastodon channel (storage/social.py)."""
        from storage.social import SocialQueries

        return SocialQueries(self._db)

    @cached_property
    def woo(self) -> WooQueries:
        from storage.woo import WooQueries

        return WooQueries(self._db)

    @cached_property
    def contacts(self) -> ContactQueries:
        from storage.contacts import ContactQueries

        return ContactQueries(self._db)

    @cached_property
    def casework(self) -> CaseworkQueries:
        from storage.casework import CaseworkQueries

        return CaseworkQueries(self._db)

    @cached_property
    def team(self) -> TeamQueries:
        from storage.team import TeamQueries

        return TeamQueries(self._db)

    @cached_property
    def mail(self) -> MailQueries:
        return MailQueries(self._db)

    @cached_property
    def departments(self) -> DepartmentQueries:
        """Departments and hand-overs (storage/departments.py)."""
        from storage.departments import DepartmentQueries

        return DepartmentQueries(self._db)

    @cached_property
    def deadlines(self) -> DeadlineQueries:
        """Due moments, repeat contacts, products in use (storage/deadlines.py)."""
        from storage.deadlines import DeadlineQueries

        return DeadlineQueries(self._db)

    @cached_property
    def callbacks(self) -> CallbackQueries:
        """Call-back requests (storage/callbacks.py)."""
        from storage.callbacks import CallbackQueries

        return CallbackQueries(self._db)

    @cached_property
    def listening(self) -> ListeningQueries:
        """Listening on Mastodon: watched terms and public posts (storage/listening.py)."""
        from storage.listening import ListeningQueries

        return ListeningQueries(self._db)
