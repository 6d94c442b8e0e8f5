"""The dashboard's page of the KCC's day (counts only): % in één keer per channel against the
teamleider's target line, the weekly share of online versus phone and counter, hand-overs and
call-backs, and tables per product, per department and per medewerker. The numbers are the
keys of `stats --json` that inbox/kcc_figures.py adds; `values()` gives what is shown, so a
test can hold them against `stats --json`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.charts import BarChart, figure_text, tile_grid
from desktop.labels import channel_label
from desktop.tasks import TaskRunner
from inbox.privacy.roles import Permission

_number = figure_text


def _table(parent: QWidget, name: str, heads: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(heads), parent)  # a few dozen rows at most
    table.setHorizontalHeaderLabels(heads)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _rows(table: QTableWidget) -> dict[str, list[str]]:
    def cell(r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text() if item is not None else ""

    return {cell(r, 0): [cell(r, c) for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}


class DayPanel(QWidget):
    """`runner`: for the teamleider's target (shown to those who may set norms)."""

    def __init__(self, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        tiles, self.tiles = tile_grid(self, (
            ("repeat_contact_pct", self.tr("Contacted again within 14 days")),
            ("forwarded_open", self.tr("Handed over, waiting")),
            ("forwarded_overdue", self.tr("Handed over, overdue")),
            ("callbacks_open", self.tr("Call-backs open")),
            ("callbacks_overdue", self.tr("Call-backs overdue")),
            ("callbacks_on_time", self.tr("Called back on time")),
        ), scale=1.6)
        self.one_go = BarChart(self.tr("Handled in one go per channel (%)"), self)
        self.one_go.peak = 100.0
        self.shift = BarChart(self.tr("Per week: online versus phone and counter"), self)
        charts = QHBoxLayout()
        charts.addWidget(self.one_go, 2)
        charts.addWidget(self.shift, 3)
        self.products = _table(self, self.tr("Figures per product"), [
            self.tr("Product"), self.tr("Cases"), self.tr("In one go"),
            self.tr("Handed over"), self.tr("Median first answer (h)"), self.tr("Channels")])
        self.departments = _table(self, self.tr("Hand-overs per department"), [
            self.tr("Department"), self.tr("Handed over"), self.tr("Waiting"),
            self.tr("Overdue"), self.tr("Answered")])
        self.people = _table(self, self.tr("Per colleague (counts only)"), [
            self.tr("Colleague"), self.tr("Cases"), self.tr("Open"), self.tr("Closed"),
            self.tr("In one go")])
        tables = QHBoxLayout()
        tables.addWidget(self.products, 3)
        side = QVBoxLayout()
        side.addWidget(self.departments)
        side.addWidget(self.people)
        tables.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addLayout(charts, 3)
        layout.addLayout(tables, 3)
        self.target = QSpinBox(self)
        self.target.setRange(0, 100)
        self.target.setSuffix("%")
        self.target.setAccessibleName(self.tr("Target for handled in one go"))
        self.save_target = QPushButton(self.tr("Save &target"), self)
        self.save_target.clicked.connect(self.set_target)
        self.said = QLabel(self)
        if runner is not None and runner.loket.may(Permission.SET_NORMS):
            row = QHBoxLayout()
            label = QLabel(self.tr("Target for handled in &one go"), self)
            label.setBuddy(self.target)
            for widget in (label, self.target, self.save_target, self.said):
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            for widget in (self.target, self.save_target, self.said):
                widget.hide()

    def set_target(self) -> None:
        """Save the team's target (teamleider); the line moves with the next figures."""
        from inbox import kcc_figures

        if self.runner is None:
            return
        value = float(self.target.value())
        self.runner.run(lambda loket: kcc_figures.set_target(loket, value),
                        lambda _: (self.said.setText(self.tr("Target saved.")),
                                   self.one_go.set_target(
                                       self.tr("Target %1%").replace("%1", f"{value:g}"),
                                       value)),
                        lambda exc: self.said.setText(str(exc)))

    def show_figures(self, figures: dict[str, Any]) -> None:
        forwarded = figures["forwarded"]
        callbacks = figures["callbacks"]
        self.tiles["repeat_contact_pct"].setText(_number(figures["repeat_contact_pct"], "%"))
        self.tiles["forwarded_open"].setText(
            _number(sum(d["open"] for d in forwarded.values())))
        self.tiles["forwarded_overdue"].setText(
            _number(sum(d["overdue"] for d in forwarded.values())))
        self.tiles["callbacks_open"].setText(_number(callbacks["open"]))
        self.tiles["callbacks_overdue"].setText(_number(callbacks["overdue"]))
        self.tiles["callbacks_on_time"].setText(_number(callbacks["on_time_pct"], "%"))
        per = figures["per_channel"]
        self.one_go.set_data(
            [channel_label(c) for c in per],
            [(self.tr("In one go"), [r["handled_in_one_go_pct"] or 0.0 for r in per.values()])])
        target = figures["targets"]["handled_in_one_go_pct"]
        self.one_go.set_target(self.tr("Target %1%").replace("%1", f"{target:g}"), target)
        self.target.setValue(round(target))
        weeks = figures["channel_shift"]
        self.shift.set_data(
            [k[5:] for k in weeks],
            [(self.tr("Online"), [w["online"] for w in weeks.values()]),
             (self.tr("Phone and counter"), [w["phone_counter"] for w in weeks.values()])])
        _fill(self.products, [
            [name, _number(p["volume"]), _number(p["handled_in_one_go_pct"], "%"),
             _number(p["handed_over_pct"], "%"), _number(p["median_first_answer_hours"]),
             ", ".join(f"{channel_label(c)} {n}" for c, n in p["channels"].items())]
            for name, p in figures["per_product"].items()])
        _fill(self.departments, [
            [name, _number(d["count"]), _number(d["open"]), _number(d["overdue"]),
             _number(d["answered"])] for name, d in forwarded.items()])
        _fill(self.people, [
            [name, _number(m["cases"]), _number(m["open"]), _number(m["closed"]),
             _number(m["in_one_go"])] for name, m in figures["per_medewerker"].items()])

    def values(self) -> dict[str, Any]:
        """What the page shows: tiles by key, tables by their first column."""
        return {
            "tiles": {k: v.text() for k, v in self.tiles.items()},
            "per_product": _rows(self.products),
            "forwarded": _rows(self.departments),
            "per_medewerker": _rows(self.people),
            "target": self.one_go.target,
            "channel_shift": dict(zip(self.shift.labels, zip(*(v for _, v in self.shift.series),
                                                             strict=True), strict=True)),
        }
