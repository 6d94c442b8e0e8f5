"""Mail sync in the window: scheduler events on the GUI thread, and a status bar widget for them.

`SyncBridge` owns the scheduler (inbox.sync.SyncScheduler, or a fake that tests inject) and
re-emits each SyncEvent, which arrives on one of the scheduler's threads, as a Qt signal: Qt
queues it to the bridge's (GUI) thread, so handlers may touch widgets (Electrum's pattern).
`SyncStatus` shows per account the last sync or the last error, and a progress bar while a
long sync runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.formatting import local_time
from desktop.plain import tip as plain_tip
from inbox import clock
from inbox.accounts import DEMO_MAILBOX
from inbox.sync import SyncEvent

log = logging.getLogger("loket.desktop.sync")

# Below this many messages a sync is quick: a progress bar would only flicker.
PROGRESS_FROM = 20
ERROR_STYLE = "color: #a4262c;"
# An account's line never takes more than this (px): the rest of the status bar stays for what
# the person just did; the whole line is in the tooltip.
LINE_WIDTH = 360


class Scheduler(Protocol):
    def start(self) -> None: ...
    def reload(self) -> None: ...
    def sync_now(self, account_name: str | None = None) -> None: ...
    def shutdown(self) -> None: ...


Emit = Callable[[SyncEvent], None]
SchedulerFactory = Callable[[Emit], Scheduler]


class SyncBridge(QObject):
    """Starts and stops the scheduler; `arrived` carries every SyncEvent on the GUI thread."""

    arrived = Signal(object)

    def __init__(self, factory: SchedulerFactory | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.scheduler: Scheduler | None = None
        self.running = False

    def emit_event(self, event: SyncEvent) -> None:
        """Called from any thread; a queued connection hands the event to the GUI thread."""
        self.arrived.emit(event)

    def start(self) -> None:
        if self.running or self._factory is None:
            return
        try:
            self.scheduler = self._factory(self.emit_event)
            self.scheduler.start()
        except Exception:  # noqa: BLE001 - the window stays usable without fetching
            log.exception("cannot start the mail scheduler")
            self.scheduler = None
            return
        self.running = True

    def reload(self) -> None:
        if self.scheduler is not None:
            self.scheduler.reload()

    def sync_now(self, account_name: str | None = None) -> None:
        if self.scheduler is not None:
            self.scheduler.sync_now(account_name)

    def shutdown(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown()
        self.scheduler = None
        self.running = False


class _AccountStatus(QWidget):
    """One account in the status bar: a short line, and a progress bar during a long sync."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.setMaximumHeight(16)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.error = ""
        self.full_text = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)

    def set_line(self, text: str, error: str = "", tip: str = "") -> None:
        """Show `text` (elided to LINE_WIDTH; whole in the tooltip), red for an `error`."""
        self.error = error
        self.full_text = text
        metrics = self.label.fontMetrics()
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, LINE_WIDTH))
        self.label.setStyleSheet(ERROR_STYLE if error else "")
        whole = text if self.label.text() != text else ""
        self.label.setToolTip(plain_tip(tip or error or whole))


class SyncStatus(QWidget):
    """Status bar part: per account its last sync or error; a hint when there is no account."""

    setup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts: dict[str, _AccountStatus] = {}
        self.hint = QPushButton(self.tr("No mail account yet — set one up…"), self)
        self.hint.setFlat(True)
        self.hint.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hint.setStyleSheet("color: #0b5cad; text-decoration: underline;")
        self.hint.clicked.connect(self.setup_requested)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.hint)

    def load(self, status_rows: list[dict[str, Any]]) -> None:
        """Show what Accounts.status() says (one row per account and folder)."""
        names: list[str] = []
        last: dict[str, str] = {}
        errors: dict[str, str] = {}
        for row in status_rows:
            name = str(row["account"])
            if name not in names:
                names.append(name)
            if row.get("last_sync_at") and str(row["last_sync_at"]) > last.get(name, ""):
                last[name] = str(row["last_sync_at"])
            if row.get("last_error") and name not in errors:
                errors[name] = str(row["last_error"])
        for name in list(self.accounts):
            if name not in names:
                self.accounts.pop(name).deleteLater()
        for name in names:
            widget = self._account(name)
            if name == DEMO_MAILBOX:
                self._demo(widget)
            elif name in errors:
                widget.set_line(f"{name}: {errors[name]}", errors[name])
            elif name in last:
                widget.set_line(self._synced(name, local_time(last[name])))
            else:
                widget.set_line(self.tr("%1: not fetched yet").replace("%1", name))
        self.hint.setVisible(not names)

    def on_event(self, event: SyncEvent) -> None:
        widget = self._account(event.account)
        self.hint.hide()
        if event.kind == "started":
            widget.set_line(self.tr("%1: fetching…").replace("%1", event.account))
        elif event.kind == "progress":
            if event.total >= PROGRESS_FROM and event.done < event.total:
                widget.progress.setRange(0, event.total)
                widget.progress.setValue(event.done)
                text = f"{event.folder}: {event.done}/{event.total}"
                widget.progress.setFormat(text.replace("%", ""))  # % starts a placeholder
                widget.progress.setToolTip(plain_tip(text))
                widget.progress.show()
            else:
                widget.progress.hide()
        elif event.kind == "done":
            widget.progress.hide()
            widget.set_line(self._synced(event.account, clock.local(event.at).strftime("%H:%M")))
        elif event.kind == "error":
            widget.progress.hide()
            if event.account == DEMO_MAILBOX:
                self._demo(widget)
            else:
                widget.set_line(f"{event.account}: {event.message}", event.message)

    def _demo(self, widget: _AccountStatus) -> None:
        """The demo's mailbox has no server behind it, by design: say what that means."""
        widget.set_line(
            self.tr("Demo mailbox: no mail server; replies wait in the outbox"),
            tip=self.tr("This demo database has no mail server behind its mailbox. Replies "
                        "are kept in their case and wait in the outbox; nothing is sent or "
                        "fetched. A real mail account is set up by the beheerder."))

    def set_can_set_up(self, may: bool) -> None:
        """Whether the person may set up an account: else the hint is only a sentence."""
        self.hint.setEnabled(may)
        if not may:
            self.hint.setText(self.tr("No mail account yet (the beheerder sets one up)"))
            self.hint.setStyleSheet("")
            self.hint.setCursor(Qt.CursorShape.ArrowCursor)

    def _synced(self, name: str, when: str) -> str:
        return self.tr("%1: fetched %2").replace("%1", name).replace("%2", when)

    def _account(self, name: str) -> _AccountStatus:
        widget = self.accounts.get(name)
        if widget is None:
            widget = _AccountStatus(name, self)
            self.accounts[name] = widget
            self._layout.addWidget(widget)
        return widget
