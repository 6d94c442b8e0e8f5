"""Auto-lock after idle: the window's content is hidden behind the sign-in dialog.

Any key press, mouse click, mouse move or wheel in the application restarts the timer. After
`timeout_ms` without activity (default 15 minutes; LOKET_LOCK_MINUTES overrides) the window's
content, menus and bars are hidden and a sign-in dialog for the same user asks for the
password; only then does the content come back. Cancelling the dialog closes the window.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from desktop.sign_in import SignInDialog
from inbox.services import Loket

DEFAULT_MINUTES = 15.0

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def default_timeout_ms() -> int:
    try:
        minutes = float(os.environ.get("LOKET_LOCK_MINUTES", DEFAULT_MINUTES))
    except ValueError:
        minutes = DEFAULT_MINUTES
    return max(1, int(minutes * 60_000))


class IdleLock(QObject):
    """Locks `window` after idle; `locked` tells whether it is locked now."""

    def __init__(self, window: QWidget, loket: Loket, timeout_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.loket = loket
        self.locked = False
        self.dialog: SignInDialog | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms if timeout_ms is not None else default_timeout_ms())
        self.timer.timeout.connect(self.lock)
        self.cover = QLabel(self.tr("Loket is locked. Sign in to continue."), window)
        self.cover.setObjectName("LockCover")
        self.cover.hide()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        """No more locking: the window is going (signing out, quitting)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.locked and event.type() in _ACTIVITY:
            self.timer.start()  # restarts the countdown
        return False

    def _parts(self) -> list[QWidget]:
        w = self.window
        if isinstance(w, QMainWindow):
            parts: list[QWidget] = [w.menuBar(), w.statusBar()]
            central = w.centralWidget()
            if central is not None:
                parts.append(central)
            parts += [
                c
                for c in w.findChildren(QWidget)
                if c.parent() is w
                and c.isWindow() is False
                and c.metaObject().className() in ("QToolBar", "QDockWidget")
            ]
            return parts
        return [c for c in w.findChildren(QWidget) if c.parent() is w and c is not self.cover]

    def lock(self) -> None:
        if self.locked:
            return
        if self.loket.closed:  # the window outlived its database: nothing left to guard
            self.stop()
            return
        self.locked = True
        self.timer.stop()
        self._hidden = [p for p in self._parts() if p.isVisible()]
        for part in self._hidden:
            part.hide()
        self.cover.setGeometry(self.window.rect())
        self.cover.show()
        self.cover.raise_()
        self.dialog = SignInDialog(self.loket, self.window, user=self.loket.user)
        self.dialog.user.setReadOnly(True)  # the same person continues, or the window closes
        self.dialog.setWindowTitle(self.tr("Loket is locked"))
        self.dialog.accepted.connect(self.unlock)
        self.dialog.rejected.connect(self._give_up)
        self.dialog.open()

    def unlock(self) -> None:
        for part in self._hidden:
            part.show()
        self._hidden = []
        self.cover.hide()
        self.locked = False
        self.dialog = None
        self.timer.start()

    def _give_up(self) -> None:
        self.dialog = None
        self.window.close()
