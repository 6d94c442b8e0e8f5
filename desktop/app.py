"""The GUI entry point main.py calls: `run(db_path)` opens the database and shows the window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer  # this module is only imported for the app

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
    """Open Loket on `db_path` and run the event loop; returns the exit code.

    A light first window appears at once; the database is opened, the user signed in and the
    real window built right after it was painted, then the real window takes its place.
    """
    # Qt and the window are imported here, so `main.py --help` and the CLI stay fast
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    app.setOrganizationName("Loket")
    translators = install_translators(app)  # noqa: F841 - parented to app, kept alive
    from inbox import opened as opened_attachments

    opened_attachments.clear()  # what a crashed session left behind (and emptied at exit)
    shell = _shell(app)
    opened: dict[str, Any] = {}  # what must stay alive while the loop runs
    opened["start"] = AfterFirstPaint(lambda: _start(app, shell, db_path, opened))
    shell.installEventFilter(opened["start"])
    shell.show()
    try:
        return int(app.exec())
    finally:
        if "commands" in opened:
            opened["commands"].stop()
        if "loket" in opened:
            opened["loket"].close()
        if "lock" in opened:
            opened["lock"].release()
        opened_attachments.clear()


def _own(db_path: Path, opened: dict[str, Any]) -> None:
    """Hold the database for this app: other Loket processes hand their commands to it."""
    from inbox import owner

    lock = owner.AppLock(db_path)
    lock.acquire()
    opened["lock"] = lock


def _serve_commands(db_path: Path, opened: dict[str, Any]) -> None:
    """Accept commands handed over by `loket ...` on the command line (after the first paint)."""
    from inbox import owner

    if not opened["lock"].held:
        return  # the app already ended

    def run(argv: list[str], env: Any) -> int:
        from inbox import cli

        return cli.run_handed_over(argv, env)

    server = owner.CommandServer(db_path, run)
    try:
        opened["lock"].announce(server.start())
    except OSError as exc:
        log.warning("command hand-over unavailable: %s", type(exc).__name__)
        return
    opened["commands"] = server


class AfterFirstPaint(QObject):
    """Runs `then` once, right after the watched window's first frame was painted."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def _shell(app: Any) -> Any:
    """The first window: the frame of Loket with a word of what is happening."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    shell = QMainWindow()
    shell.setObjectName("LoketStarting")
    shell.setWindowTitle(app.translate("App", "Loket"))
    label = QLabel(app.translate("App", "Opening Loket…"), shell)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    shell.setCentralWidget(label)
    shell.resize(1280, 800)
    return shell


def _start(app: Any, shell: Any, db_path: Path, opened: dict[str, Any]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QWidget

    from inbox.errors import LoketError, StorageError
    from inbox.services import SYSTEM_USER, Loket

    try:
        if str(db_path) != ":memory:":
            _own(db_path, opened)
        loket = Loket.open(db_path, user=SYSTEM_USER)
    except (LoketError, StorageError) as exc:
        log.error("cannot open database: %s", type(exc).__name__)
        box = QMessageBox(QMessageBox.Icon.Critical, "Loket",
                          app.translate("App", "Loket cannot open the database."), parent=shell)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"{exc}\n\n{db_path}")
        box.exec()
        app.exit(1)
        return
    opened["loket"] = loket
    if not sign_in(loket):
        app.exit(0)
        return

    from desktop.main_window import MainWindow
    from inbox.privacy.roles import Permission

    window: QWidget
    if not loket.may(Permission.LIST_CASES):
        from desktop.role_home import RoleHome

        window = RoleHome(loket)
    else:
        window = MainWindow(loket, load_after_show=True)
    window.setGeometry(shell.geometry())
    from desktop.privacy import install_autolock  # locks behind the sign-in after idle

    install_autolock(window, loket)
    window.show()
    shell.close()
    opened["window"] = window
    if "lock" in opened:
        QTimer.singleShot(0, lambda: _serve_commands(db_path, opened))
