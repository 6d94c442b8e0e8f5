"""Small questions to the user, in one place so tests can answer them (monkeypatch `ask`)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from inbox.errors import LoketError, StorageError

log = logging.getLogger("loket.desktop.dialogs")


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str = "",
    yes: str = "",
    warning: bool = False,
) -> bool:
    """A yes/no question whose safe answer (No) is the default; True when the user agrees."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question, title, text,
        parent=parent,
    )
    box.setInformativeText(detail)
    agree = box.addButton(yes or title, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is agree


def steer_list(event: QEvent, move: Callable[[int], None], pick: Callable[[], None]) -> bool:
    """↑↓ and Enter pressed in a search field: move through its result list (±1) and pick
    the current result. True when the key was one of them (handled)."""
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return False
    key = event.key()
    if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
        move(1 if key == Qt.Key.Key_Down else -1)
        return True
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        pick()
        return True
    return False


def fit_height(dialog: QWidget) -> None:
    """Grow `dialog` to the height its wrapped texts need at its width: a form laid out for
    one line of hint must not squeeze a two-line error over it (or clip the hint)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class WorkingDialog(QDialog):
    """A form whose work runs on a worker: it stays open while that runs (closing would hide
    the outcome), and a failure is shown inside it, in Dutch, with nothing typed lost.

    Subclasses set `self.buttons` and `self.error` and call `set_busy` / `show_failure`.
    """

    buttons: QDialogButtonBox
    error: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)

    def show_failure(self, exc: BaseException, unexpected: str, what: str) -> None:
        """The domain's own sentence for a known error; `unexpected` (and a log line) else."""
        self.set_busy(False)
        if isinstance(exc, LoketError | StorageError):
            self.error.setText(str(exc))
        else:
            log.error("%s failed", what, exc_info=exc)
            self.error.setText(unexpected)
        self.error.show()
