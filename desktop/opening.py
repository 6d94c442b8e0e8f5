"""The app's hold on the database while Qt starts: no Qt here, so main.py can begin it first.

main.py starts an Opening before it imports Qt: the key comes from the keyring and the
database opens, then a thread signs LOKET_USER in (argon2id, ~200 ms that releases the GIL)
while the main thread loads PySide6 and shows the first frame. Begun after Qt, the sign-in
would still be running when the first frame is painted, and the window would wait for it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inbox.services import Loket


class Opening(threading.Thread):
    """`open()` (before Qt loads) takes the app's lock and opens the encrypted database as
    nobody; the thread (`start()`) then signs in from LOKET_USER + LOKET_PASSWORD, if both are
    given and the database has its beheerder, while Qt starts. The GUI thread `join`s it before
    anyone is let in. `error`: why the database could not be opened."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="loket-sign-in", daemon=True)
        self.db_path = db_path
        self.loket: Loket | None = None
        self.lock: Any = None
        self.signed_in = False
        self.error: BaseException | None = None

    @classmethod
    def begin(cls, db_path: Path) -> Opening:
        """Open the database and start signing in on the thread; returns at once after the
        open (the sign-in goes on)."""
        opening = cls(db_path)
        opening.open()
        opening.start()
        return opening

    def open(self) -> None:
        from inbox.errors import LoketError, StorageError
        from inbox.services import Loket

        try:
            if str(self.db_path) != ":memory:":
                from inbox import owner

                lock = owner.AppLock(self.db_path)
                lock.acquire()
                self.lock = lock
            self.loket = Loket.open(self.db_path, user="")  # nobody, until someone signs in
        except (LoketError, StorageError) as exc:
            self.error = exc

    def run(self) -> None:
        from inbox import identity
        from inbox.errors import LoketError, StorageError

        name, password = os.environ.get("LOKET_USER", ""), os.environ.get("LOKET_PASSWORD")
        if self.loket is None or not name or password is None:
            return
        try:
            if identity.needs_first_beheerder(self.loket):
                return  # the first-run dialog comes first
            identity.sign_in(self.loket, name, password)
            self.signed_in = True
        except (LoketError, StorageError):
            pass  # a wrong password, a locked login: the sign-in dialog says so
