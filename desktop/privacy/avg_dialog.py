"""AVG inzage wizard: the requests with their deadlines, a new request, the inzage export and
erasure (which explains when a retention duty makes it refuse)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import close_buttons, export_folder
from desktop.formatting import local_day
from desktop.plain import plain_label
from inbox.errors import LoketError
from inbox.privacy import erasure, subject
from inbox.services import Loket


class AvgDialog(QDialog):
    """Requests (open first, soonest deadline first); act on the selected one."""

    def __init__(self, loket: Loket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.setWindowTitle(self.tr("AVG requests"))
        self.resize(820, 480)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Resident"),
                self.tr("Received"),
                self.tr("Deadline"),
                self.tr("Days left"),
                self.tr("Status"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("e-mail address or phone number"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Access (art. 15)"), "inzage")
        self.kind.addItem(self.tr("Erasure (art. 17)"), "verwijdering")
        self.received = QDateEdit(self)
        self.received.setCalendarPopup(True)
        self.received.setDate(QDate.currentDate())
        self.add_button = QPushButton(self.tr("&Register request"), self)
        self.add_button.clicked.connect(self.add_request)
        form = QFormLayout()
        form.addRow(self.tr("&Resident"), self.address)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("Re&ceived on"), self.received)
        form.addRow("", self.add_button)

        self.export_button = QPushButton(self.tr("&Export data…"), self)
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.erase_button = QPushButton(self.tr("E&rase…"), self)
        self.erase_button.clicked.connect(self.erase_selected)
        self.done_button = QPushButton(self.tr("Mark &handled"), self)
        self.done_button.clicked.connect(self.mark_handled)
        self.extend_button = QPushButton(self.tr("E&xtend deadline…"), self)
        self.extend_button.setToolTip(
            self.tr("Once, by two months, when the request is complex (AVG art. 12(3)); "
                    "tell the resident why.")
        )
        self.extend_button.clicked.connect(lambda: self.extend_selected())
        actions = QHBoxLayout()
        for b in (self.export_button, self.erase_button, self.done_button, self.extend_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.message = plain_label(self, wrap=True)  # may quote data
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.requests: list[subject.Request] = []
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.requests = subject.requests(self.loket)
        self.table.setRowCount(len(self.requests))
        kinds = {"inzage": self.tr("Access"), "verwijdering": self.tr("Erasure")}
        states = {
            "open": self.tr("open"),
            "afgehandeld": self.tr("handled"),
            "geweigerd": self.tr("refused"),
        }
        for row, r in enumerate(self.requests):
            values = [
                kinds.get(r.kind, r.kind),
                r.address,
                local_day(r.received_on),
                local_day(r.deadline),
                str(r.days_left) if r.status == "open" else "",
                states.get(r.status, r.status),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if r.overdue:
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip(self.tr("The deadline has passed."))
                self.table.setItem(row, col, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected()
        for b in (self.export_button, self.erase_button, self.done_button, self.extend_button):
            b.setEnabled(chosen is not None and chosen.status == "open")

    def selected(self) -> subject.Request | None:
        rows = self.table.selectionModel().selectedRows()
        return self.requests[rows[0].row()] if rows else None

    def select(self, request_id: int) -> None:
        for row, r in enumerate(self.requests):
            if r.id == request_id:
                self.table.selectRow(row)

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "")
        self.message.setText(text)

    def add_request(self) -> subject.Request | None:
        qd = self.received.date()
        try:
            made = subject.add_request(
                self.loket,
                self.address.text(),
                str(self.kind.currentData()),
                date(qd.year(), qd.month(), qd.day()),
            )
        except LoketError as exc:
            self._show(str(exc), error=True)
            return None
        self.address.clear()
        self.reload()
        self.select(made.id)
        self._show(self.tr("Request registered; answer by %1.").replace(
            "%1", local_day(made.deadline)))
        return made

    def export_selected(self, folder: Path | None = None) -> Path | None:
        chosen = self.selected()
        if chosen is None:
            return None
        folder = export_folder(self, self.tr("Folder for the export"),
                               f"inzage-verzoek-{chosen.id}", folder)
        if folder is None:
            return None
        try:
            done = subject.export_subject(self.loket, chosen.address, folder, chosen.id)
        except LoketError as exc:
            self._show(str(exc), error=True)
            return None
        self.reload()
        text = (
            self.tr("Export written to %1: %2 cases, %3 messages.")
            .replace("%1", str(done.folder))
            .replace("%2", str(done.cases))
            .replace("%3", str(done.messages))
        )
        if done.left_out:
            text += " " + self.tr(
                "%1 messages or notes about other residents were left out."
            ).replace("%1", str(done.left_out))
        if done.missing:
            lines = [
                self.tr("Message %1 (%2): %3")
                .replace("%1", str(m.bericht)).replace("%2", m.bestand).replace("%3", m.reden)
                for m in done.missing
            ]
            self._show(
                text + "\n" + self.tr(
                    "Not complete: %1 files could not be included; the request stays open."
                ).replace("%1", str(len(done.missing))) + "\n" + "\n".join(lines),
                error=True,
            )
        else:
            self._show(text)
        return done.folder

    def erase_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        try:
            done = erasure.erase(self.loket, chosen.address, chosen.id)
        except erasure.ErasureRefused as exc:
            self.reload()
            self._show(
                self.tr("Erasure is not possible now:") + "\n" + "\n".join(exc.reasons), True
            )
            return False
        except LoketError as exc:
            self._show(str(exc), error=True)
            return False
        self.reload()
        self._show(
            self.tr("Pseudonymised: %1 cases, %2 messages.")
            .replace("%1", str(done.cases))
            .replace("%2", str(done.messages))
        )
        return True

    def extend_selected(self, reason: str | None = None) -> None:
        """Extend the chosen request's deadline; `reason` is asked for unless given (tests)."""
        chosen = self.selected()
        if chosen is None:
            return
        if reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, ok = QInputDialog.getText(
                self, self.tr("Extend deadline"),
                self.tr("Why does this request take longer? The resident is told this."),
            )
            if not ok:
                return
        try:
            extended = subject.extend_request(self.loket, chosen.id, reason)
        except LoketError as exc:
            self._show(str(exc), error=True)
            return
        self.reload()
        self.select(extended.id)
        self._show(self.tr("Deadline extended to %1.").replace(
            "%1", local_day(extended.deadline)))

    def mark_handled(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            subject.close_request(self.loket, chosen.id)
        except LoketError as exc:
            self._show(str(exc), error=True)
            return
        self.reload()
