"""The contact card: one resident across every channel (the integral client view).

Shows every address, every case and every message Loket holds of the resident, whichever
channel it came by (inbox.contacts.overview, which follows merges), the merge suggestions for
this resident with their evidence, and the merge history. "Merge", "Undo" and "Different
persons" run on the database worker; a merge leaves every message where it was, so undoing
it is exact.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.case_view import address_label
from desktop.formatting import local_time
from desktop.labels import channel_label, status_label
from desktop.plain import tip
from desktop.tasks import TaskRunner
from inbox import contacts
from inbox.contacts import ContactOverview, MergeSuggestion
from inbox.errors import LoketError, StorageError
from inbox.model import CaseDetail
from inbox.services import Loket

log = logging.getLogger("loket.desktop.contact_card")


def contact_of(loket: Loket, detail: CaseDetail) -> int | None:
    """The resident of a case, known by one of the addresses the case shows."""
    for _kind, value in detail.contact_addresses:
        found = contacts.find_contact(loket, value)
        if found is not None:
            return found
    return None


@dataclass
class CardData:
    """What the card shows, read in one go on the database worker."""

    overview: ContactOverview
    suggestions: list[MergeSuggestion]
    history: list[dict[str, Any]]
    names: dict[int, str] = field(default_factory=dict)


def load_card(loket: Loket, contact_id: int) -> CardData:
    view = contacts.overview(loket, contact_id)
    suggestions = contacts.suggest_merges(loket, limit=1000, around={view.id, *view.merged})
    return CardData(view, suggestions, list(view.history), view.names())


def kind_label(kind: str) -> str:
    """'E-mail', 'Telefoon', or the platform's name for a social handle."""
    if kind in ("email", "phone"):
        return address_label(kind)
    return channel_label(kind)



def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)  # one resident: tens of rows
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(tip(value))
            table.setItem(r, c, item)


class ContactCard(QDialog):
    """`case_chosen(reference)` opens a case in the window; `contacts_changed` after a merge."""

    case_chosen = Signal(str)
    contacts_changed = Signal()

    def __init__(self, loket: Loket, runner: TaskRunner, contact_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.runner = runner
        self.contact_id = contact_id
        self.data: CardData | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Resident"))

        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.addresses = QLabel(self)
        self.addresses.setTextFormat(Qt.TextFormat.PlainText)
        self.addresses.setWordWrap(True)
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addresses.setAccessibleName(self.tr("Addresses"))
        self.error = dialogs.error_label(self)

        self.tabs = QTabWidget(self)
        # messages, from every channel, oldest first; the selected one's text below
        self.messages = _table(self, [self.tr("When"), self.tr("Channel"), self.tr("Direction"),
                                      self.tr("Case"), self.tr("From"), self.tr("Subject")],
                               self.tr("Messages"))
        self.message_text = QPlainTextEdit(self)
        self.message_text.setReadOnly(True)
        self.message_text.setAccessibleName(self.tr("Message text"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.messages)
        split.addWidget(self.message_text)
        split.setSizes([260, 120])
        self.tabs.addTab(split, self.tr("Messages"))
        self.cases = _table(self, [self.tr("Case"), self.tr("Subject"), self.tr("Status"),
                                   self.tr("Channel"), self.tr("Opened")], self.tr("Cases"))
        self.open_case_button = QPushButton(self.tr("&Open case"), self)
        cases_page = QWidget(self)
        cases_layout = QVBoxLayout(cases_page)
        cases_layout.addWidget(self.cases, 1)
        cases_layout.addWidget(self.open_case_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(cases_page, self.tr("Cases"))

        merge_page = QWidget(self)
        self.suggestions = _table(merge_page, [self.tr("Probably the same resident"),
                                               self.tr("Evidence")],
                                  self.tr("Merge suggestions"))
        self.merge_button = QPushButton(self.tr("&Merge…"), merge_page)
        self.distinct_button = QPushButton(self.tr("&Different persons"), merge_page)
        self.history = _table(merge_page, [self.tr("When"), self.tr("What"),
                                           self.tr("By"), self.tr("Undone")],
                              self.tr("Merge history"))
        self.undo_button = QPushButton(self.tr("&Undo merge…"), merge_page)
        merge_layout = QVBoxLayout(merge_page)
        merge_layout.addWidget(QLabel(self.tr("Suggestions (never on a name alone)"),
                                      merge_page))
        merge_layout.addWidget(self.suggestions, 1)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.distinct_button)
        row.addStretch(1)
        merge_layout.addLayout(row)
        merge_layout.addWidget(QLabel(self.tr("History"), merge_page))
        merge_layout.addWidget(self.history, 1)
        merge_layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(merge_page, self.tr("Merge"))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.addresses)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(close)

        self.messages.currentCellChanged.connect(self._message_chosen)
        self.cases.cellDoubleClicked.connect(lambda *_: self.open_case())
        self.open_case_button.clicked.connect(self.open_case)
        self.merge_button.clicked.connect(self.merge_selected)
        self.distinct_button.clicked.connect(self.distinct_selected)
        self.undo_button.clicked.connect(self.undo_selected)
        self.suggestions.currentCellChanged.connect(lambda *_: self._enable())
        self.history.currentCellChanged.connect(lambda *_: self._enable())
        self.resize(860, 600)
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.runner.run(lambda loket: load_card(loket, self.contact_id), self._show,
                        self._failed)

    def _show(self, data: CardData) -> None:
        self.data = data
        view = data.overview
        self.contact_id = view.id
        self.setWindowTitle(self.tr("Resident: %1").replace("%1", view.name))
        self.name.setText(view.name or self.tr("(no name)"))
        channels = ", ".join(channel_label(c) for c in view.channels) or "-"
        summary = (self.tr("Cases: %1 · messages: %2 · channels: %3")
                   .replace("%1", str(len(view.cases))).replace("%2", str(len(view.messages)))
                   .replace("%3", channels))
        if view.merged:
            summary += " · " + self.tr("merged from %1 other contact(s)").replace(
                "%1", str(len(view.merged)))
        self.summary.setText(summary)
        self.addresses.setText("   ".join(f"{kind_label(k)}: {v}"
                                          for k, v in view.addresses)
                               or self.tr("No addresses known."))
        received, sent = self.tr("received"), self.tr("sent")
        _fill(self.messages, [
            [local_time(m.sent_at), channel_label(m.channel),
             received if m.direction == "in" else sent, m.case or "",
             m.sender_name or m.sender, m.subject or m.text.split("\n", 1)[0][:80]]
            for m in view.messages])
        _fill(self.cases, [
            [c.reference, c.subject, status_label(c.status), channel_label(c.channel),
             local_time(c.opened_at)] for c in view.cases])
        _fill(self.suggestions, [
            [self._other(s)[1], ", ".join(s.reasons)] for s in data.suggestions])
        _fill(self.history, [self._history_row(h, data.names) for h in data.history])
        for table, width in ((self.messages, 120), (self.cases, 130), (self.suggestions, 260),
                             (self.history, 130)):
            table.setColumnWidth(0, width)
        self.messages.setColumnWidth(3, 130)
        self.messages.setColumnWidth(4, 150)
        self.history.setColumnWidth(1, 380)
        self.cases.setColumnWidth(1, 260)
        self.tabs.setTabText(0, self.tr("Messages (%1)").replace("%1", str(len(view.messages))))
        self.tabs.setTabText(1, self.tr("Cases (%1)").replace("%1", str(len(view.cases))))
        self.tabs.setTabText(2, self.tr("Merge (%1)").replace(
            "%1", str(len(data.suggestions))))
        if view.messages:
            self.messages.selectRow(len(view.messages) - 1)
        self._enable()

    def _other(self, suggestion: MergeSuggestion) -> tuple[int, str]:
        """The other resident of a suggestion, as (id, 'name (#id)')."""
        group = {self.contact_id, *(self.data.overview.merged if self.data else ())}
        if suggestion.first in group:
            other, name = suggestion.second, suggestion.second_name
        else:
            other, name = suggestion.first, suggestion.first_name
        return other, f"{name} (#{other})"

    def _history_row(self, row: dict[str, Any], names: dict[int, str]) -> list[str]:
        merged, survivor = int(row["merged_id"]), int(row["survivor_id"])
        what = (self.tr("%1 merged into %2")
                .replace("%1", f"{names.get(merged, '')} (#{merged})")
                .replace("%2", f"{names.get(survivor, '')} (#{survivor})"))
        if row.get("reason"):
            what += f": {row['reason']}"
        undone = ""
        if row.get("undone_at"):
            undone = f"{local_time(row['undone_at'])} · {row.get('undone_by') or ''}"
        return [local_time(row["merged_at"]), what, str(row.get("merged_by") or ""), undone]

    def _message_chosen(self, row: int, *_: int) -> None:
        messages = self.data.overview.messages if self.data else ()
        self.message_text.setPlainText(messages[row].text if 0 <= row < len(messages) else "")

    def _enable(self) -> None:
        data = self.data
        suggestion = data is not None and 0 <= self.suggestions.currentRow() < len(
            data.suggestions)
        row = self.history.currentRow()
        undoable = (data is not None and 0 <= row < len(data.history)
                    and not data.history[row].get("undone_at"))
        self.merge_button.setEnabled(suggestion and not self._busy)
        self.distinct_button.setEnabled(suggestion and not self._busy)
        self.undo_button.setEnabled(undoable and not self._busy)
        self.open_case_button.setEnabled(self.cases.currentRow() >= 0)

    # -- actions -------------------------------------------------------------------------

    def open_case(self) -> None:
        row = self.cases.currentRow()
        if self.data is not None and 0 <= row < len(self.data.overview.cases):
            self.case_chosen.emit(self.data.overview.cases[row].reference)

    def _chosen_suggestion(self) -> MergeSuggestion | None:
        row = self.suggestions.currentRow()
        if self.data is None or not 0 <= row < len(self.data.suggestions):
            return None
        return self.data.suggestions[row]

    def merge_selected(self) -> None:
        suggestion = self._chosen_suggestion()
        if suggestion is None or self._busy or self.data is None:
            return
        other, other_name = self._other(suggestion)
        reason = ", ".join(suggestion.reasons)
        if not dialogs.ask(
            self,
            self.tr("Merge residents"),
            self.tr("Merge %1 into %2?").replace("%1", other_name).replace(
                "%2", f"{self.data.overview.name} (#{self.contact_id})"),
            self.tr("Evidence: %1. Every case and message stays where it is; the merge can "
                    "be undone on this card.").replace("%1", reason),
            yes=self.tr("Merge"),
        ):
            return
        survivor = self.contact_id
        self._change(lambda loket: contacts.merge(loket, survivor, other, reason))

    def distinct_selected(self) -> None:
        suggestion = self._chosen_suggestion()
        if suggestion is None or self._busy:
            return
        first, second = suggestion.first, suggestion.second
        self._change(lambda loket: contacts.mark_distinct(loket, first, second))

    def undo_selected(self) -> None:
        row = self.history.currentRow()
        if self.data is None or not 0 <= row < len(self.data.history) or self._busy:
            return
        entry = self.data.history[row]
        if not dialogs.ask(
            self,
            self.tr("Undo merge"),
            self.tr("Undo this merge?"),
            self.tr("The merged resident stands alone again, with the messages that came "
                    "in under their own addresses."),
            yes=self.tr("Undo merge"),
        ):
            return
        merge_id = int(entry["id"])
        self._change(lambda loket: contacts.unmerge(loket, merge_id))

    def _change(self, work: Any) -> None:
        def done(_: object) -> None:
            self._busy = False
            self.error.hide()
            self.reload()
            self.contacts_changed.emit()

        self._busy = True
        self._enable()
        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, LoketError | StorageError):
            self.error.setText(str(exc))
        else:
            log.error("contact card action failed", exc_info=exc)
            self.error.setText(self.tr("This did not work because of an error in Loket; see "
                                       "the log."))
        self.error.show()
        self._enable()
