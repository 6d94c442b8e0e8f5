"""Trends (teamleider and medewerkers) and the kennisbank's health (its owners) and use."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from inbox.errors import LoketError, StorageError
from inbox.kb import articles, trends
from inbox.privacy.roles import Permission

log = logging.getLogger("loket.desktop.kb")

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table of dicts: `columns` are (key, header)."""

    def __init__(self, columns: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()].get(self.columns[index.column()][0])
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class TrendsDialog(QDialog):
    """Spikes today and this week's topics; a spike lists its cases (for those who may see
    the case list) and can be sent as a signal by e-mail."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.loket = runner.loket
        self.setWindowTitle(self.tr("Trends: what residents ask about"))
        self.statistic = QLabel(self)
        self.statistic.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        self.statistic.setWordWrap(True)
        self.statistic.setEnabled(False)
        self.spikes = RowsModel([("tekst", self.tr("Spike today")),
                                 ("p", self.tr("Probability"))], self)
        self.spike_view = _table(self.spikes, self)
        self.spike_view.setAccessibleName(self.tr("Spikes"))
        self.spike_view.doubleClicked.connect(lambda _i: self.show_cases())
        self.topics = RowsModel([("onderwerp", self.tr("Topic")),
                                 ("deze_week", self.tr("This week")),
                                 ("per_week_eerder", self.tr("Per week before"))], self)
        self.tabs = QTabWidget(self)
        for key, title in (("onderwerpen", self.tr("Phrases")), ("straten", self.tr("Streets")),
                           ("producten", self.tr("Products"))):
            model = RowsModel(self.topics.columns, self)
            self.tabs.addTab(_table(model, self), title)
            setattr(self, f"_{key}", model)
        self.cases = QListWidget(self)
        self.cases.setAccessibleName(self.tr("Cases of the spike"))
        self.cases.hide()
        self.signal = QPushButton(self.tr("Send as &signal…"), self)
        self.signal.clicked.connect(self.ask_signal)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.statistic)
        layout.addWidget(self.spike_view, 1)
        layout.addWidget(self.signal)
        layout.addWidget(self.cases)
        layout.addWidget(self.tabs, 2)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.report: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        try:
            self.report = trends.trends(self.loket)
        except (LoketError, StorageError) as exc:
            self.message.setText(str(exc))
            return
        self.statistic.setText(self.report["statistiek"])
        self.spikes.set_rows(self.report["pieken"])
        if self.report["pieken"]:
            self.spike_view.selectRow(0)
        for key in ("onderwerpen", "straten", "producten"):
            getattr(self, f"_{key}").set_rows(self.report[key])
        self.signal.setEnabled(bool(self.report["pieken"]))

    def chosen_spike(self) -> str | None:
        rows = self.spike_view.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.spikes.rows[rows[0].row()]["onderwerp"])

    def show_cases(self) -> list[str]:
        phrase = self.chosen_spike()
        self.cases.clear()
        if phrase is None:
            return []
        if not self.loket.may(Permission.LIST_CASES):
            self.message.setText(self.tr("You may see the counts, not the cases."))
            return []
        try:
            found = trends.spike_cases(self.loket, phrase)
        except (LoketError, StorageError) as exc:
            self.message.setText(str(exc))
            return []
        lines = [f"{c['reference']}  {c['subject']}" for c in found]
        self.cases.addItems(lines)
        self.cases.show()
        return lines

    def ask_signal(self) -> None:
        phrase = self.chosen_spike()
        if phrase is None:
            return
        address, ok = QInputDialog.getText(
            self, self.tr("Send signal"),
            self.tr("E-mail address (Communicatie or the department):"))
        if ok and address.strip():
            self.send_signal(phrase, address.strip())

    def send_signal(self, phrase: str, address: str) -> None:
        def work(loket: Any) -> dict[str, Any]:
            return trends.send_signal(loket, phrase, address)

        def done(result: dict[str, Any]) -> None:
            self.message.setText(self.tr("The signal waits in the outbox for %1.")
                                 .replace("%1", address))

        self.runner.run(work, done, lambda exc: self.message.setText(str(exc)))


class KbHealthDialog(QDialog):
    """For the kennisbank's owners: due for review, never used, searches without a result;
    for the teamleider (counts only) the use per article."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        loket = runner.loket
        self.setWindowTitle(self.tr("Kennisbank: health and use"))
        self.tabs = QTabWidget(self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        self.message.setWordWrap(True)
        if loket.may(Permission.KB_EDIT):
            try:
                health = articles.health(loket)
            except (LoketError, StorageError) as exc:
                health = {"te_herzien": [], "nooit_gebruikt": [], "zonder_resultaat": []}
                self.message.setText(str(exc))
            for key, title, columns in (
                ("te_herzien", self.tr("Due for review"),
                 [("herzien_op", self.tr("Review on")), ("titel", self.tr("Article")),
                  ("eigenaar", self.tr("Owner"))]),
                ("nooit_gebruikt", self.tr("Never used"),
                 [("titel", self.tr("Article")), ("eigenaar", self.tr("Owner"))]),
                ("zonder_resultaat", self.tr("Searches without result"),
                 [("aantal", self.tr("Times")), ("zoekvraag", self.tr("Search"))]),
            ):
                model = RowsModel(columns, self)
                model.set_rows(health[key])
                self.tabs.addTab(_table(model, self), f"{title} ({len(health[key])})")
        if loket.may(Permission.VIEW_STATS):
            model = RowsModel([("recent", self.tr("Last 30 days")),
                               ("totaal", self.tr("Total")), ("titel", self.tr("Article"))], self)
            try:
                model.set_rows(articles.usage(loket))
            except (LoketError, StorageError) as exc:
                self.message.setText(str(exc))
            self.tabs.addTab(_table(model, self), self.tr("Use"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 480)
