"""The GUI entry point main.py calls: `run(db_path)` opens the database and shows the window."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Qt is imported inside the functions: run() starts opening the database before Qt loads
if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.desktop")


def sign_in(loket: Loket) -> bool:
    """Act as a named user when the database has users with passwords (as the CLI does).

    LOKET_USER (+ LOKET_PASSWORD) sign in without a dialog; a database without passwords
    keeps working unnamed, or as LOKET_USER.
    """
    if _sign_in_from_environment(loket):
        return True
    from desktop.sign_in import SignInDialog

    name = os.environ.get("LOKET_USER", "")
    return SignInDialog(loket, user=name).exec() == SignInDialog.DialogCode.Accepted


def run(db_path: Path) -> int:
    """Open Loket on `db_path` and run the event loop; returns the exit code.

    The database is taken first (the app's lock, the key from the keyring, SQLCipher), before
    Qt loads; with LOKET_USER and LOKET_PASSWORD a thread then signs in, whose argon2id check
    (C code, without Python's lock) runs beside Qt's start. A light first window appears; after
    its first paint the main window's code loads and the window is built, replaces the light
    one and fills its case list at once.
    """
    opening = Opening(db_path)
    opening.open()
    opening.start()
    # Qt and the window are imported here, so `main.py --help` and the CLI stay fast
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    app.setOrganizationName("Loket")
    translators = install_translators(app)  # noqa: F841 - parented to app, kept alive
    shell = _shell(app)
    opened: dict[str, Any] = {"opening": opening}  # what must stay alive while the loop runs
    opened["start"] = after_next_paint(shell, lambda: _start(app, shell, db_path, opened))
    shell.show()
    try:
        return int(app.exec())
    finally:
        opening.join()  # a sign-in still running ends before the database closes
        if "commands" in opened:
            opened["commands"].stop()
        if opening.loket is not None:
            opening.loket.close()
        if opening.lock is not None:
            opening.lock.release()


class Opening(threading.Thread):
    """The app's hold on the database: `open()` (on the GUI thread, before Qt loads) takes the
    app's lock and opens the encrypted database; the thread (`start()`) then signs in from
    LOKET_USER + LOKET_PASSWORD, if given, while Qt starts. The GUI thread `join`s it before it
    builds a window. `error`: why the database could not be opened."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="loket-sign-in", daemon=True)
        self.db_path = db_path
        self.loket: Loket | None = None
        self.lock: Any = None
        self.signed_in = False
        self.error: BaseException | None = None

    def open(self) -> None:
        from inbox.errors import LoketError, StorageError
        from inbox.services import SYSTEM_USER, Loket

        try:
            if str(self.db_path) != ":memory:":
                from inbox import owner

                lock = owner.AppLock(self.db_path)
                lock.acquire()
                self.lock = lock
            self.loket = Loket.open(self.db_path, user=SYSTEM_USER)
        except (LoketError, StorageError) as exc:
            self.error = exc

    def run(self) -> None:
        if self.loket is not None:
            self.signed_in = _sign_in_from_environment(self.loket)


def _sign_in_from_environment(loket: Loket) -> bool:
    """LOKET_USER (+ LOKET_PASSWORD) sign in without a dialog; False: the dialog is needed."""
    from inbox.errors import LoketError, StorageError

    name = os.environ.get("LOKET_USER", "")
    try:
        if not loket.needs_sign_in():
            if name and loket.user_id(name) is not None:
                loket.user = name
            return True
        if name and "LOKET_PASSWORD" in os.environ:
            loket.sign_in(name, os.environ["LOKET_PASSWORD"])
            return True
    except (LoketError, StorageError):
        pass  # a wrong password, a locked login: the dialog says so
    return False


def _serve_commands(db_path: Path, opened: dict[str, Any]) -> None:
    """Accept commands handed over by `loket ...` on the command line (after the first paint)."""
    from inbox import owner

    lock = opened["opening"].lock
    if not lock.held:
        return  # the app already ended

    def run(argv: list[str], env: Any) -> int:
        from inbox import cli

        return cli.run_handed_over(argv, env)

    server = owner.CommandServer(db_path, run)
    try:
        lock.announce(server.start())
    except OSError as exc:
        log.warning("command hand-over unavailable: %s", type(exc).__name__)
        return
    opened["commands"] = server


def after_next_paint(window: Any, then: Callable[[], None]) -> Any:
    """Run `then` once, right after `window`'s next frame was painted (its first, for a
    window about to be shown); returns the filter (keep a reference while waiting)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class AfterNextPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.then: Callable[[], None] | None = then

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint and self.then is not None:
                call, self.then = self.then, None
                watched.removeEventFilter(self)
                QTimer.singleShot(0, call)
            return False

    watcher = AfterNextPaint()
    window.installEventFilter(watcher)
    return watcher


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
    from PySide6.QtWidgets import QMessageBox, QWidget

    # the window's code loads while the opening thread may still be signing in
    from desktop.main_window import MainWindow
    from inbox.privacy.roles import Permission

    opening: Opening = opened["opening"]
    opening.join()
    if opening.error is not None or opening.loket is None:
        exc = opening.error
        log.error("cannot open database: %s", type(exc).__name__)
        box = QMessageBox(QMessageBox.Icon.Critical, "Loket",
                          app.translate("App", "Loket cannot open the database."), parent=shell)
        box.setInformativeText(f"{exc}\n\n{db_path}")
        box.exec()
        app.exit(1)
        return
    loket = opening.loket
    if not opening.signed_in and not sign_in(loket):
        app.exit(0)
        return

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
    if opening.lock is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _serve_commands(db_path, opened))
