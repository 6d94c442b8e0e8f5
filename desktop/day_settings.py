"""The beheerder's settings of the KCC's day: departments (vakafdelingen) to hand cases over to,
the office hours per weekday (deadlines count in them) and each mail account's automatic reply
outside office hours. Changes run on the worker; the domain's Dutch refusal shows below."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import text_field
from desktop.settings_dialog import TabbedSettings
from desktop.tasks import TaskRunner
from inbox import autoreply, deadlines, departments
from inbox.services import Loket

DAY_NAMES = tuple(str(n) for n in (
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Monday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Thursday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Friday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Saturday"),
    QT_TRANSLATE_NOOP("DaySettingsDialog", "Sunday"),
))


def _time_edit(parent: QWidget, value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


class DaySettingsDialog(TabbedSettings):
    def __init__(self, loket: Loket, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(loket, runner, self.tr("Departments, office hours and automatic reply"),
                         parent)
        self.tabs.addTab(self._departments(), self.tr("Departments"))
        self.tabs.addTab(self._hours(), self.tr("Office hours"))
        self.tabs.addTab(self._autoreply(), self.tr("Automatic reply"))

    # -- departments --------------------------------------------------------------------------

    def _departments(self) -> QWidget:
        page = QWidget(self)
        self.department_table = QTableWidget(0, 3, page)  # a municipality's dozen departments
        self.department_table.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("E-mail address"), self.tr("Working days")])
        self.department_table.setAccessibleName(self.tr("Departments"))
        self.department_table.verticalHeader().hide()
        self.department_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.department_table.horizontalHeader().setStretchLastSection(True)
        self.department_table.itemSelectionChanged.connect(self._department_chosen)
        self.department_name = text_field(page, self.tr("name, e.g. Burgerzaken"),
                                          self.tr("Department"))
        self.department_email = text_field(page, self.tr("e-mail address"),
                                           self.tr("E-mail address"))
        self.department_days = QSpinBox(page)
        self.department_days.setRange(1, 365)
        self.department_days.setValue(5)
        self.department_days.setSuffix(self.tr(" working days"))
        self.department_days.setAccessibleName(self.tr("Working days"))
        save = QPushButton(self.tr("&Save department"), page)
        save.clicked.connect(self.save_department)
        remove = QPushButton(self.tr("&Remove"), page)
        remove.clicked.connect(self.remove_department)
        form = QHBoxLayout()
        for widget in (self.department_name, self.department_email, self.department_days,
                       save, remove):
            form.addWidget(widget)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("A medewerker hands a case over to a department by "
                                        "e-mail; it has this many working days to reply."),
                                page))
        layout.addWidget(self.department_table)
        layout.addLayout(form)
        self._load_departments()
        return page

    def _load_departments(self) -> None:
        found = departments.departments(self.loket)
        self.department_table.setRowCount(len(found))
        for r, d in enumerate(found):
            for c, text in enumerate((d.name, d.email, str(d.norm_days))):
                self.department_table.setItem(r, c, QTableWidgetItem(text))
        self.department_table.resizeColumnsToContents()

    def _department_chosen(self) -> None:
        row = self.department_table.currentRow()
        if row < 0 or self.department_table.item(row, 0) is None:
            return
        self.department_name.setText(self.department_table.item(row, 0).text())
        self.department_email.setText(self.department_table.item(row, 1).text())
        self.department_days.setValue(int(self.department_table.item(row, 2).text()))

    def save_department(self) -> None:
        name, email = self.department_name.text().strip(), self.department_email.text().strip()
        days = self.department_days.value()
        known = {self.department_table.item(r, 0).text().casefold()
                 for r in range(self.department_table.rowCount())}

        def work(loket: Loket) -> object:
            if name.casefold() in known:
                return departments.change(loket, name, email=email, norm_days=days)
            return departments.add(loket, name, email, days)

        self._run(work, self.tr("Department saved."), self._load_departments)

    def remove_department(self) -> None:
        name = self.department_name.text().strip()
        self._run(lambda loket: departments.remove(loket, name),
                  self.tr("Department removed; its cases keep its name."),
                  self._load_departments)

    # -- office hours --------------------------------------------------------------------------

    def _hours(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout()
        current = deadlines.office_hours(self.loket)
        self.hour_rows: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        default = deadlines.OfficeHours.default().days[0]
        assert default is not None
        for row, source in enumerate(DAY_NAMES):
            name = QCoreApplication.translate("DaySettingsDialog", source)
            hours = current.days[row]
            open_ = QCheckBox(name, page)
            open_.setChecked(hours is not None)
            start = _time_edit(page, (hours or default)[0])
            end = _time_edit(page, (hours or default)[1])
            start.setAccessibleName(self.tr("Opens on %1").replace("%1", name))
            end.setAccessibleName(self.tr("Closes on %1").replace("%1", name))
            for edit in (start, end):
                edit.setEnabled(hours is not None)
                open_.toggled.connect(edit.setEnabled)
            grid.addWidget(open_, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(QLabel("–", page), row, 2)
            grid.addWidget(end, row, 3)
            self.hour_rows.append((open_, start, end))
        grid.setColumnStretch(4, 1)  # the times stay narrow
        save = QPushButton(self.tr("&Save office hours"), page)
        save.clicked.connect(self.save_hours)
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Deadlines count in office hours and working days; Dutch public "
                              "holidays are skipped."), page)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(grid)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def save_hours(self) -> None:
        changes: dict[str, tuple[time, time] | None] = {}
        for key, (open_, start, end) in zip(deadlines.DAYS, self.hour_rows, strict=True):
            if open_.isChecked():
                changes[key] = deadlines.parse_hours(start.time().toString("HH:mm"),
                                                     end.time().toString("HH:mm"))
            else:
                changes[key] = None
        self._run(lambda loket: deadlines.set_office_hours(loket, changes),
                  self.tr("Office hours saved; open cases' deadlines follow."))

    # -- automatic reply -------------------------------------------------------------------

    def _autoreply(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Outside office hours, a resident who writes gets one automatic "
                              "reply per case with its reference ({zaak}); never to automatic "
                              "mail, mailing lists or no-reply senders. In a team, turn it on "
                              "on one laptop."), page)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.autoreply_rows: list[tuple[str, QCheckBox, QPlainTextEdit]] = []
        for setting in autoreply.settings(self.loket):
            on = QCheckBox(self.tr("Automatic reply for %1").replace("%1", setting.account),
                           page)
            on.setChecked(setting.on)
            text = QPlainTextEdit(setting.text, page)
            text.setAccessibleName(self.tr("Text of the automatic reply"))
            layout.addWidget(on)
            layout.addWidget(text)
            self.autoreply_rows.append((setting.account, on, text))
        if not self.autoreply_rows:
            layout.addWidget(QLabel(self.tr("No mail account yet."), page))
        save = QPushButton(self.tr("Save &automatic reply"), page)
        save.setEnabled(bool(self.autoreply_rows))
        save.clicked.connect(self.save_autoreply)
        layout.addWidget(save)
        layout.addStretch(1)
        return page

    def save_autoreply(self) -> None:
        rows = [(name, on.isChecked(), text.toPlainText()) for name, on, text in
                self.autoreply_rows]

        def work(loket: Loket) -> object:
            return [autoreply.configure(loket, name, on, text) for name, on, text in rows]

        self._run(work, self.tr("Automatic reply saved."))
