"""The GUI entry point main.py calls: `run(db_path)` opens the database and shows the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # this module is only imported for the app

from desktop.opening import Opening

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.desktop")


def sign_in(loket: Loket) -> bool:
    """Let someone in (desktop.people.entrance): the first beheerder of a database without
    one, else signing in (LOKET_USER + LOKET_PASSWORD, as the CLI, or the dialog) and one's own
    password after a temporary one. False: nobody came in, Loket quits."""
    from desktop.people.entrance import Entrance

    return Entrance(loket).admit()


def run(db_path: Path, opening: Opening | None = None) -> int:
    """Open Loket on `db_path` and run the event loop; returns the exit code.

    A light first window appears at once; the database is opened, the user signed in and the
    real window built right after it was painted, then the real window takes its place.
    `opening`: the database's Opening when main.py began it before importing Qt (see
    desktop.opening), else it begins here.
    """
    if opening is None:  # the database opens (and LOKET_USER signs in) while Qt loads
        opening = Opening.begin(db_path)
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
    opened: dict[str, Any] = {"opening": opening}  # what must stay alive while the loop runs
    opened["start"] = after_next_paint(shell, lambda: _start(app, shell, db_path, opened))
    shell.show()
    try:
        return int(app.exec())
    finally:
        opening.join()  # a sign-in still running ends before the database closes
        if "idle_lock" in opened:
            opened["idle_lock"].stop()
        if "commands" in opened:
            opened["commands"].stop()
        if opening.loket is not None:
            opening.loket.close()
        if opening.lock is not None:
            opening.lock.release()
        opened_attachments.clear()


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


def after_next_paint(widget: Any, then: Callable[[], None]) -> AfterFirstPaint:
    """Run `then` once, right after `widget`'s next frame was painted (its first, for a
    window about to be shown); returns the filter (keep a reference while waiting)."""
    watcher = AfterFirstPaint(then)
    widget.installEventFilter(watcher)
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
    from PySide6.QtWidgets import QMessageBox

    from desktop.people.entrance import Entrance

    opening: Opening = opened["opening"]
    opening.join()
    if opening.error is not None or opening.loket is None:
        exc = opening.error
        log.error("cannot open database: %s", type(exc).__name__)
        box = QMessageBox(QMessageBox.Icon.Critical, "Loket",
                          app.translate("App", "Loket cannot open the database."), parent=shell)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"{exc}\n\n{db_path}")
        box.exec()
        app.exit(1)
        return
    loket = opened["loket"] = opening.loket
    if opening.lock is not None:
        opened["lock"] = opening.lock
    entrance = Entrance(loket)
    opened["entrance"] = entrance
    signed_in = opening.signed_in and not loket.must_change_password
    if not signed_in and not entrance.admit(shell):
        app.exit(0)
        return
    _open_window(shell, opened)
    shell.close()
    if "lock" in opened:
        QTimer.singleShot(0, lambda: _serve_commands(db_path, opened))


def role_window(loket: Loket) -> Any:
    """The window of the signed-in person's role: the case list for those who may list cases,
    the role home (counts, settings, colleagues, audit trail) for the others."""
    from inbox.privacy.roles import Permission

    if not loket.may(Permission.LIST_CASES):
        from desktop.role_home import RoleHome

        return RoleHome(loket)
    from desktop.main_window import MainWindow

    return MainWindow(loket, load_after_show=True)


def _open_window(place: Any, opened: dict[str, Any]) -> None:
    """Show the role's window where `place` was; its menu's Sign out leads back to the door."""
    loket = opened["loket"]
    window = role_window(loket)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # signing out ends it
    window.setGeometry(place.geometry())
    from desktop.privacy import install_autolock  # locks behind the sign-in after idle

    if "idle_lock" in opened:
        opened.pop("idle_lock").stop()
    if loket.user:  # a read-only database without passwords has nobody to unlock it
        opened["idle_lock"] = install_autolock(window, loket)
    menus = getattr(window, "role_menus", None)
    if menus is not None:
        menus.sign_out_requested.connect(lambda: _sign_out(window, opened))
        menus.set_up_requested.connect(lambda: _set_up(window, opened))
    window.show()
    opened["window"] = window


def _sign_out(window: Any, opened: dict[str, Any]) -> None:
    """Close the window (its work stops), sign out (audited), and ask who is there now."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # the door is no window: Loket stays open meanwhile
    try:
        if not window.close():
            return  # the window kept itself open (work in progress)
        if "idle_lock" in opened:
            opened.pop("idle_lock").stop()
        opened["entrance"].sign_out()
        if opened["entrance"].admit():
            _open_window(window, opened)
        else:
            app.quit()
    finally:
        app.setQuitOnLastWindowClosed(True)


def _set_up(window: Any, opened: dict[str, Any]) -> None:
    """A read-only database from an older Loket gets its first beheerder: then their window."""
    if opened["entrance"].first_beheerder(window):
        _open_window(window, opened)  # first: closing the last window would end Loket
        window.close()
