"""Small questions to the user, in one place so tests can answer them (monkeypatch `ask`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from inbox.errors import LoketError, StorageError

if TYPE_CHECKING:
    from desktop.tasks import TaskRunner
    from inbox.services import Loket

log = logging.getLogger("loket.desktop.dialogs")
T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

ERROR_COLOUR = "#a4262c"
Buttons = QDialogButtonBox.StandardButton


def failure_text(exc: BaseException, log: logging.Logger, what: str, internal: str) -> str:
    """The domain's own Dutch sentence for a known error; anything else (a bug) is logged as
    `what` failing and shown as `internal`."""
    if isinstance(exc, LoketError | StorageError):
        return str(exc)
    log.error("%s failed", what, exc_info=exc)
    return internal


def error_label(parent: QWidget) -> QLabel:
    """The bold red line where a form says what went wrong, hidden until it does. Plain text:
    an error may quote what someone typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
    label.hide()
    return label


def text_field(parent: QWidget, placeholder: str, name: str = "") -> QLineEdit:
    """A one-line text field with its grey example (`placeholder`) and, where no label names
    it for a screen reader, its accessible `name`."""
    field = QLineEdit(parent)
    field.setPlaceholderText(placeholder)
    if name:
        field.setAccessibleName(name)
    return field


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button box that closes (rejects) `dialog`."""
    buttons = QDialogButtonBox(Buttons.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


def open_and_forget(dialog: D) -> D:
    """Open `dialog` window-modal and delete it once it closes: every opening builds a fresh
    one, so none lingers holding a case or a worker's answer."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def submit_buttons(
    dialog: QDialog, submit: Callable[[], None], buttons: Buttons = Buttons.Ok | Buttons.Cancel
) -> QDialogButtonBox:
    """The dialog's button box: accepting (and Ctrl+Enter, also from a text field) calls
    `submit`, Cancel and Esc close the dialog."""
    box = QDialogButtonBox(buttons, dialog)
    box.accepted.connect(submit)
    box.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, submit)
    return box


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
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names, links and subjects come from outside
    box.setInformativeText(detail)
    agree = box.addButton(yes or title, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is agree


def export_folder(parent: QWidget, title: str, name: str, given: Path | None) -> Path | None:
    """Where an export goes: `given` when the caller (a test) names it, else a new folder
    `name` inside the folder the user picks; None when they cancel the choice."""
    if given is not None:
        return given
    picked = QFileDialog.getExistingDirectory(parent, title)
    return Path(picked) / name if picked else None


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
        self._guarded: list[tuple[QPlainTextEdit, str]] = []

    def guard_text(self, *edits: QPlainTextEdit) -> None:
        """Closing the form (Esc, Cancel, the window's cross) while `edits` hold text the
        user typed asks first; what they hold now (empty, or Loket's greeting) is not typed."""
        self._guarded = [(edit, edit.toPlainText().strip()) for edit in edits]

    def typed_text(self) -> bool:
        """Whether closing now would throw away something the user typed."""
        return any(
            edit.toPlainText().strip() not in ("", start) for edit, start in self._guarded
        )

    def reject(self) -> None:
        if self.busy:
            return
        if self.typed_text() and not ask(
            self,
            self.tr("Discard text?"),
            self.tr("What you typed here has not been saved. Throw it away?"),
            yes=self.tr("&Discard"),
            warning=True,
        ):
            return  # back to the form, the text as it was
        super().reject()

    def discard(self) -> None:
        """Close the form and throw away what was typed, without asking."""
        self._guarded = []
        self.reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)

    def start(
        self,
        runner: TaskRunner,
        work: Callable[[Loket], T],
        done: Callable[[T], None],
        unexpected: str,
        what: str,
    ) -> None:
        """Run `work` on `runner`, the dialog busy meanwhile; then `done(result)`, or the
        failure shown in the dialog (`unexpected` for a bug, `what` names it in the log)."""
        self.error.hide()
        self.set_busy(True)

        def finished(result: T) -> None:
            self.set_busy(False)
            done(result)

        runner.run(work, finished, lambda exc: self.show_failure(exc, unexpected, what))

    def show_failure(self, exc: BaseException, unexpected: str, what: str) -> None:
        """The domain's own sentence for a known error; `unexpected` (and a log line) else."""
        self.set_busy(False)
        self.error.setText(failure_text(exc, log, what, unexpected))
        self.error.show()
