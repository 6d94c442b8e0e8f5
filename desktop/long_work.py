"""Long work (import, export) on a worker of its own, with a progress dialog and Cancel.

`LongWork.start(work, done)` runs `work(loket, progress)` on the database worker; `progress(n,
total, text)` returns False once the user pressed Cancel, and the work then stops cleanly. The
dialog shows after a short moment only, so quick work does not flash a window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.tasks import TaskRunner
from inbox.services import Loket

Progress = Callable[[int, int, str], bool]


class LongWork(QObject):
    _progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self.dialog.reset()  # not shown until work starts
        self._progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def progress(self, done: int, total: int, text: str = "") -> bool:
        """Called from the work (any thread); False means: stop now."""
        self._progressed.emit(done, total, text)
        return not self.cancelled.is_set()

    def start(self, work: Callable[[Loket, Progress], Any]) -> None:
        self.cancelled.clear()
        self.dialog.setValue(0)
        self.runner.run(lambda loket: work(loket, self.progress), self._done, self._failed)

    @Slot(int, int, str)
    def _show(self, done: int, total: int, text: str) -> None:
        if self.dialog.wasCanceled():
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else done)
        if text:
            self.dialog.setLabelText(text)

    def _done(self, result: object) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.failed.emit(exc)
