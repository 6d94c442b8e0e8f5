"""The GUI entry point main.py calls: `run(db_path)` opens the database and shows the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.desktop")


def sign_in(loket: Loket) -> bool:
    """Act as a named user when the database has users with passwords (as the CLI does).

    LOKET_USER (+ LOKET_PASSWORD) sign in without a dialog; a database without passwords
    keeps working unnamed, or as LOKET_USER.
    """
    from inbox.errors import PermissionDenied

    name = os.environ.get("LOKET_USER", "")
    if not loket.needs_sign_in():
        if name and loket.user_id(name) is not None:
            loket.user = name
        return True
    if name and "LOKET_PASSWORD" in os.environ:
        try:
            loket.sign_in(name, os.environ["LOKET_PASSWORD"])
            return True
        except PermissionDenied:
            pass  # fall through to the dialog
    from desktop.sign_in import SignInDialog

    return SignInDialog(loket, user=name).exec() == SignInDialog.DialogCode.Accepted


def run(db_path: Path) -> int:
    """Open Loket on `db_path` and run the event loop; returns the exit code."""
    # Qt and the window are imported here, so `main.py --help` and the CLI stay fast
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from desktop.i18n import install_translators
    from inbox.errors import LoketError, StorageError
    from inbox.services import SYSTEM_USER, Loket

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    app.setOrganizationName("Loket")
    translators = install_translators(app)  # noqa: F841 - parented to app, kept alive

    try:
        loket = Loket.open(db_path, user=SYSTEM_USER)
        if not sign_in(loket):
            loket.close()
            return 0
    except (LoketError, StorageError) as exc:
        log.error("cannot open database %s: %s", db_path, exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "Loket",
                          app.translate("App", "Loket cannot open the database."))
        box.setInformativeText(f"{exc}\n\n{db_path}")
        box.exec()
        return 1

    from desktop.main_window import MainWindow
    from inbox.privacy.roles import Permission

    if not loket.may(Permission.LIST_CASES):
        from desktop.role_home import RoleHome

        window: QWidget = RoleHome(loket)
    else:
        window = MainWindow(loket, load_after_show=True)
    window.show()
    try:
        return int(app.exec())
    finally:
        loket.close()
