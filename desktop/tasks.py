"""Running domain work off the GUI thread: one serialized worker with its own connection.

`TaskRunner.run(work, on_done, on_error)` calls `work(loket)` on a single worker thread that
owns its own `Loket.open(path)` connection (WAL lets it write while the GUI thread reads), and
hands the result or the exception back to the GUI thread through a queued signal. A worker never
touches a widget. Tests pass `synchronous=True`: the work then runs at once, on the calling
thread, with the GUI's own Loket (Picard's FakeThreadPool, Anki's taskman).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from inbox.services import Loket

log = logging.getLogger("loket.desktop.tasks")

Work = Callable[[Loket], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, work: Work) -> None:
        super().__init__()
        self.runner = runner
        self.task_id = task_id
        self.work = work

    def run(self) -> None:  # on the worker thread
        try:
            result = self.work(self.runner._worker_loket())
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self.runner._finished.emit(self.task_id, False, exc)
        else:
            self.runner._finished.emit(self.task_id, True, result)


class TaskRunner(QObject):
    """Serialized database work; callbacks always run on the thread that owns the runner."""

    _finished = Signal(int, bool, object)

    def __init__(
        self, loket: Loket, *, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.loket = loket
        self.synchronous = synchronous or loket.path is None  # ':memory:' has no second door
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._worker: Loket | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, work: Work, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        if self.synchronous:
            try:
                result = work(self.loket)
            except Exception as exc:
                self._report(exc, on_error)
            else:
                if on_done is not None:
                    on_done(result)
            return
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self._pool.start(_Job(self, task_id, work))

    def busy(self) -> bool:
        return bool(self._callbacks)

    def shutdown(self) -> None:
        """Wait for running work, then close the worker's connection."""
        self._pool.waitForDone()
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def _worker_loket(self) -> Loket:
        # only ever called from the pool's one thread, one job at a time
        if self._worker is None:
            assert self.loket.path is not None
            self._worker = Loket.open(self.loket.path, user=self.loket.user)
        return self._worker

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        if ok:
            if on_done is not None:
                on_done(payload)
        else:
            assert isinstance(payload, BaseException)
            self._report(payload, on_error)

    @staticmethod
    def _report(exc: BaseException, on_error: Failed | None) -> None:
        if on_error is None:
            log.error("background task failed", exc_info=exc)
            return
        on_error(exc)
