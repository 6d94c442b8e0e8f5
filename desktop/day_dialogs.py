"""Forms of the KCC's day: hand a case over to a department, ask for a call-back (or give it to
a colleague), and record a call-back's outcome in one step (with "try again")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop.case_dialogs import FormDialog, Work
from desktop.dialogs import text_field
from desktop.tasks import TaskRunner
from inbox import callbacks, handover
from inbox.departments import Department


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class ForwardDialog(FormDialog):
    """Hand the case over to a department by e-mail, with the question for it."""

    def __init__(self, runner: TaskRunner, reference: str, choices: Sequence[Department],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Hand %1 over to a department").replace("%1", reference),
                         parent, ok=self.tr("&Hand over"))
        self.reference = reference
        self.department = QComboBox(self)
        self.department.setAccessibleName(self.tr("Department"))
        for d in choices:
            days = self.tr("%n working day(s)", "", d.norm_days)
            self.department.addItem(f"{d.name} ({days})", d.name)
        self.question = QPlainTextEdit(self)
        self.question.setTabChangesFocus(True)
        self.question.setAccessibleName(self.tr("Question for the department"))
        self.question.setPlaceholderText(self.tr("What should the department find out or do?"))
        label = QLabel(self.tr("&Department"), self)
        label.setBuddy(self.department)
        ask = QLabel(self.tr("&Question"), self)
        ask.setBuddy(self.question)
        hint = QLabel(self.tr("The department gets an e-mail with the case reference and the "
                              "resident's messages attached; its reply comes back into this "
                              "case."), self)
        hint.setWordWrap(True)
        self.form.addRow(label, self.department)
        self.form.addRow(ask, self.question)
        self.form.addRow(hint)
        if not choices:
            self.show_error(self.tr("There are no departments yet; the beheerder adds them."))
            self.ok_button.setEnabled(False)
        self.resize(520, 320)
        self.question.setFocus()

    def work(self) -> Work | None:
        name, note, reference = (self.department.currentData(),
                                  self.question.toPlainText(), self.reference)
        if not note.strip():
            self.show_error(self.tr("Write the question for the department."))
            return None
        return lambda loket: handover.forward(loket, reference, str(name), note)


class CallbackDialog(FormDialog):
    """Ask for a call-back: day, time window, number and the colleague who calls; with an open
    request, only the colleague can be changed (the request is given to them)."""

    def __init__(self, runner: TaskRunner, reference: str, today: date,
                 colleagues: Sequence[tuple[str, str]], current_for: str | None,
                 open_request: bool, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Call back for %1").replace("%1", reference), parent,
                         ok=self.tr("&Save"))
        self.reference = reference
        self.open_request = open_request
        self.current_for = current_for
        self.day = _date_edit(self, today)
        self.window = text_field(self, self.tr("e.g. 09:00-12:00 (empty: all day)"),
                                 self.tr("Time window"))
        self.number = text_field(self, self.tr("Empty: the number the resident called from"),
                                 self.tr("Phone number"))
        self.who = QComboBox(self)
        self.who.setAccessibleName(self.tr("Who calls back"))
        for display, login in colleagues:
            self.who.addItem(display, login)
        found = self.who.findData(current_for)
        if found >= 0:
            self.who.setCurrentIndex(found)
        for text, widget in ((self.tr("&Day"), self.day), (self.tr("&Time window"), self.window),
                             (self.tr("&Number"), self.number), (self.tr("&Who"), self.who)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        if open_request:
            note = QLabel(self.tr("This case has an open call-back request: choose who calls "
                                  "back."), self)
            note.setWordWrap(True)
            self.form.addRow(note)
            for widget in (self.day, self.window, self.number):
                widget.setEnabled(False)
        self.resize(440, self.sizeHint().height())

    def work(self) -> Work | None:
        reference, who = self.reference, str(self.who.currentData() or "")
        if self.open_request:
            if not who:
                self.show_error(self.tr("Choose a colleague."))
                return None
            return lambda loket: callbacks.assign(loket, reference, who)
        day, window, number = _day(self.day), self.window.text(), self.number.text()
        return lambda loket: callbacks.request(loket, reference, day, window=window,
                                               number=number or None, for_user=who or None)


class CallbackDoneDialog(FormDialog):
    """The call-back's outcome in one step: reached, or not reached (and perhaps try again)."""

    def __init__(self, runner: TaskRunner, reference: str, tomorrow: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Call-back for %1 done").replace("%1", reference),
                         parent, ok=self.tr("&Done"))
        self.reference = reference
        self.reached = QRadioButton(self.tr("&Reached"), self)
        self.not_reached = QRadioButton(self.tr("&Not reached"), self)
        self.reached.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reached)
        group.addButton(self.not_reached)
        self.again = QCheckBox(self.tr("Try &again on"), self)
        self.again_day = _date_edit(self, tomorrow)
        self.again_window = text_field(self, self.tr("09:00-12:00"), self.tr("Time window"))
        row = QHBoxLayout()
        row.addWidget(self.again)
        row.addWidget(self.again_day)
        row.addWidget(self.again_window)
        outcome = QHBoxLayout()
        outcome.addWidget(self.reached)
        outcome.addWidget(self.not_reached)
        outcome.addStretch(1)
        self.form.addRow(self.tr("Outcome"), outcome)
        self.form.addRow("", row)
        self.not_reached.toggled.connect(self._follow)
        self._follow()
        self.resize(460, self.sizeHint().height())

    def _follow(self) -> None:
        on = self.not_reached.isChecked()
        self.again.setEnabled(on)
        self.again_day.setEnabled(on)
        self.again_window.setEnabled(on)
        if not on:
            self.again.setChecked(False)

    def work(self) -> Work | None:
        reference = self.reference
        result = callbacks.REACHED if self.reached.isChecked() else callbacks.NOT_REACHED
        again = _day(self.again_day) if self.again.isChecked() else None
        window = self.again_window.text() or None
        return lambda loket: callbacks.done(loket, reference, result, again=again,
                                            again_window=window)
