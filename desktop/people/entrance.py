"""The door of the app: nobody works in Loket unnamed, and never as the system identity.

`admit` decides who is working before a window opens:
- a database where nobody has a password: the first beheerder (FirstRunDialog). A new database
  cannot be used without one; one from an older Loket may go on read-only, unnamed;
- otherwise signing in (LOKET_USER + LOKET_PASSWORD, as the CLI, or the dialog), and, after a
  temporary password, choosing one's own (cancelling signs out and asks again).
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QWidget

from inbox import identity
from inbox.errors import PermissionDenied
from inbox.services import Loket


class Entrance:
    def __init__(self, loket: Loket) -> None:
        self.loket = loket
        self._environment_tried = False

    @property
    def read_only(self) -> bool:
        """Nobody is signed in: a database from an older Loket that still lacks a beheerder."""
        return not self.loket.user

    def admit(self, parent: QWidget | None = None) -> bool:
        """True when someone may work (signed in, or the read-only legacy case); False: quit."""
        self.loket.user = ""  # until someone proves who they are
        self.loket.forget_identity()
        if identity.needs_first_beheerder(self.loket):
            return self.first_beheerder(parent) or identity.has_users(self.loket)
        while True:
            if not self._sign_in(parent):
                return False
            if not self.loket.must_change_password:
                return True
            from desktop.people.own_password import OwnPasswordDialog

            if OwnPasswordDialog(self.loket, parent).exec() == QDialog.DialogCode.Accepted:
                return True
            identity.sign_out(self.loket)

    def first_beheerder(self, parent: QWidget | None = None) -> bool:
        """The first-run dialog; True when the beheerder exists and is signed in."""
        from desktop.people.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.loket, legacy=identity.has_users(self.loket), parent=parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _sign_in(self, parent: QWidget | None) -> bool:
        name = os.environ.get("LOKET_USER", "")
        if name and "LOKET_PASSWORD" in os.environ and not self._environment_tried:
            self._environment_tried = True
            try:
                identity.sign_in(self.loket, name, os.environ["LOKET_PASSWORD"])
                return True
            except PermissionDenied:
                pass  # the dialog says why
        from desktop.sign_in import SignInDialog

        dialog = SignInDialog(self.loket, parent, user=name)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def sign_out(self) -> None:
        """Audited; the session acts as nobody until `admit` lets someone in again."""
        if self.loket.user:
            identity.sign_out(self.loket)
