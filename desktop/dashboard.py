"""The teamleider's dashboard: counts only, never message content. Per channel: incoming,
closed, open, median time to first answer, % answered within the norm, % handled in one go;
per week: incoming, closed and the open backlog as charts; a date range; CSV export.

The figures are `Loket.stats(from, to)` (which `stats --json` prints), read on the worker.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.charts import BarChart
from desktop.labels import channel_label
from desktop.tasks import TaskRunner
from inbox import reports
from inbox.services import Loket


def _number(value: Any, suffix: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") + suffix
    return f"{value}{suffix}"


class Dashboard(QWidget):
    """`loaded(figures)` after each reload; `figures` holds the last ones shown."""

    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None,
                 today: QDate | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.figures: dict[str, Any] = {}
        today = today or QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7 * 12), self)
        self.date_to = QDateEdit(today, self)
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setAccessibleName(name)
        self.refresh_button = QPushButton(self.tr("&Show"), self)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.ask_export)
        top = QHBoxLayout()
        from_label = QLabel(self.tr("&From"), self)
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("&To"), self)
        to_label.setBuddy(self.date_to)
        for label in (from_label, to_label):
            # with a mnemonic the text is drawn a little wider than it is measured
            label.setMinimumWidth(label.sizeHint().width() + 6)
        for widget in (from_label, self.date_from, to_label, self.date_to, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)

        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        for column, (key, title) in enumerate((
            ("cases_total", self.tr("Incoming")),
            ("cases_closed", self.tr("Closed")),
            ("open_backlog", self.tr("Open backlog")),
            ("median_first_answer_hours", self.tr("Median first answer (hours)")),
            ("answered_within_norm_pct", self.tr("Answered within norm")),
            ("handled_in_one_go_pct", self.tr("Handled in one go")),
        )):
            caption = QLabel(title, self)
            value = QLabel("–", self)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            value.setFont(font)
            value.setAccessibleName(title)
            tiles.addWidget(caption, 0, column)
            tiles.addWidget(value, 1, column)
            self.tiles[key] = value

        self.table = QTableWidget(0, 7, self)  # one row per channel: a handful
        self.table.setHorizontalHeaderLabels([
            self.tr("Channel"), self.tr("Incoming"), self.tr("Closed"), self.tr("Open"),
            self.tr("Median first answer (h)"), self.tr("Within norm"),
            self.tr("In one go"),
        ])
        self.table.setAccessibleName(self.tr("Figures per channel"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.weekly = BarChart(self.tr("Per week: incoming, closed and open backlog"), self)
        self.channels = BarChart(self.tr("Per channel: incoming and closed"), self)
        charts = QHBoxLayout()
        charts.addWidget(self.weekly, 3)
        charts.addWidget(self.channels, 2)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(charts, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.message)

    def range(self) -> tuple[str, str]:
        return (self.date_from.date().toString("yyyy-MM-dd"),
                self.date_to.date().toString("yyyy-MM-dd"))

    def reload(self) -> None:
        date_from, date_to = self.range()
        self.refresh_button.setEnabled(False)
        self.message.setText(self.tr("Counting…"))
        self.runner.run(lambda loket: loket.stats(date_from, date_to), self.show_figures,
                        self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.message.setText(str(exc))

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.refresh_button.setEnabled(True)
        self.message.clear()
        self.figures = figures
        self.tiles["cases_total"].setText(_number(figures["cases_total"]))
        self.tiles["cases_closed"].setText(_number(figures["cases_closed"]))
        self.tiles["open_backlog"].setText(_number(figures["open_backlog"]))
        self.tiles["median_first_answer_hours"].setText(
            _number(figures["median_first_answer_hours"]))
        self.tiles["answered_within_norm_pct"].setText(
            _number(figures["answered_within_norm_pct"], "%"))
        self.tiles["handled_in_one_go_pct"].setText(
            _number(figures["handled_in_one_go_pct"], "%"))
        per = figures["per_channel"]
        self.table.setRowCount(len(per))
        for row, (code, r) in enumerate(per.items()):
            values = [channel_label(code), _number(r["incoming"]), _number(r["closed"]),
                      _number(r["open"]), _number(r["median_first_answer_hours"]),
                      _number(r["answered_within_norm_pct"], "%"),
                      _number(r["handled_in_one_go_pct"], "%")]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        weeks = figures["weekly"]
        self.weekly.set_data(
            [k[5:] for k in weeks],
            [(self.tr("Incoming"), [sum(w["incoming"].values()) for w in weeks.values()]),
             (self.tr("Closed"), [w["closed"] for w in weeks.values()]),
             (self.tr("Open backlog"), [w["backlog"] for w in weeks.values()])],
        )
        self.channels.set_data(
            [channel_label(c) for c in per],
            [(self.tr("Incoming"), [r["incoming"] for r in per.values()]),
             (self.tr("Closed"), [r["closed"] for r in per.values()])],
        )
        self.loaded.emit(figures)

    def table_values(self) -> dict[str, dict[str, str]]:
        """What the per-channel table shows, keyed by channel label then column title."""
        def cell(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        heads = [str(self.table.model().headerData(c, Qt.Orientation.Horizontal))
                 for c in range(1, 7)]
        return {cell(r, 0): {heads[c - 1]: cell(r, c) for c in range(1, 7)}
                for r in range(self.table.rowCount())}

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export figures"),
                                              "kcc-cijfers.csv", self.tr("CSV files (*.csv)"))
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> None:
        """Write the figures shown as CSV (semicolons, as Dutch Excel expects), on the worker."""
        rows = reports.csv_rows(self.figures) if self.figures else []
        date_from, date_to = self.range()
        rows.insert(0, ["periode", date_from, date_to])

        def work(_: Loket) -> Path:
            with path.open("w", newline="", encoding="utf-8-sig") as out:
                csv.writer(out, delimiter=";").writerows(rows)
            return path

        self.runner.run(work, lambda p: self.message.setText(
            self.tr("Saved as %1").replace("%1", str(p))),
            lambda exc: self.message.setText(str(exc)))
