"""The note form for a phone call or counter visit, built for speed: type, Enter, done."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import Buttons, WorkingDialog, error_label, submit_buttons
from desktop.tasks import TaskRunner
from inbox.channels.registry import spec as channel_spec
from inbox.model import Channel
from inbox.services import Loket, Received

log = logging.getLogger("loket.desktop.contact")


class ContactDialog(WorkingDialog):
    """Logs a phone call (Channel.PHONE) or counter visit (Channel.COUNTER) as a case message.

    Errors from the domain stay inside the dialog (in Dutch, as the domain words them) and
    nothing typed is lost; `saved` carries the Received once the note is stored.
    """

    saved = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        channel: Channel = Channel.PHONE,
        case_reference: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not channel_spec(channel).noted:
            raise ValueError(f"no note form for {channel}")
        self.runner = runner
        self.channel = channel
        self.received: Received | None = None
        if channel is Channel.PHONE:
            self.setWindowTitle(self.tr("Phone note"))
        else:
            self.setWindowTitle(self.tr("Counter visit"))

        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("e.g. 06 12345678"))
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText(self.tr("Empty: the first line of the question"))
        self.question = _plain_text(self)
        self.answer = _plain_text(self)
        self.resolved = QCheckBox(self.tr("Resolved in one go"), self)
        self.callback = QCheckBox(self.tr("Call back before"), self)
        self.callback_date = QDateEdit(QDate.currentDate().addDays(1), self)
        self.callback_date.setCalendarPopup(True)
        self.callback_date.setDisplayFormat("dd-MM-yyyy")
        self.callback_date.setEnabled(False)
        self.callback.toggled.connect(self.callback_date.setEnabled)
        self.case_reference = QLineEdit(case_reference, self)
        self.case_reference.setPlaceholderText(self.tr("LK-2026-000123 (optional)"))

        callback_row = QHBoxLayout()
        callback_row.addWidget(self.callback)
        callback_row.addWidget(self.callback_date)
        callback_row.addStretch(1)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.addRow(_label(self.tr("&Name"), self.name), self.name)
        form.addRow(_label(self.tr("&Phone number"), self.phone), self.phone)
        form.addRow(_label(self.tr("S&ubject"), self.subject), self.subject)
        form.addRow(_label(self.tr("&Question"), self.question), self.question)
        form.addRow(_label(self.tr("&Answer given"), self.answer), self.answer)
        form.addRow("", self.resolved)
        form.addRow("", callback_row)
        form.addRow(_label(self.tr("Existing &case"), self.case_reference), self.case_reference)

        self.error = error_label(self)
        self.guard_text(self.question, self.answer)  # Esc asks before typed text is lost
        self.error.setAccessibleName(self.tr("Error"))

        self.buttons = submit_buttons(self, self.submit, Buttons.Save | Buttons.Cancel)
        self.save_button = self.buttons.button(Buttons.Save)
        self.save_button.setDefault(True)

        hint = QLabel(self.tr("Enter saves; in the question and answer: Ctrl+Enter"), self)
        hint.setEnabled(False)  # drawn greyed: a hint, not a control
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(520, 560)
        self.name.setFocus()
        from desktop.kb.search import FillContext, attach, employee_name  # Ctrl+K

        self.kb = attach(self, self.answer, runner, lambda: FillContext(
            self.name.text(), self.case_reference.text().strip(),
            employee_name(runner.loket)), "telefoonnotitie")

    def submit(self) -> None:
        """Store the note on the worker; close only once it is stored."""
        if self.busy:
            return  # Enter pressed twice
        channel = self.channel
        values = {
            "name": self.name.text(),
            "question": self.question.toPlainText(),
            "answer": self.answer.toPlainText(),
            "phone_number": self.phone.text(),
            "subject": self.subject.text(),
            "resolved": self.resolved.isChecked(),
            "callback_by": (
                self.callback_date.date().toString(Qt.DateFormat.ISODate)
                if self.callback.isChecked()
                else None
            ),
            "case_reference": self.case_reference.text().strip() or None,
        }

        def work(loket: Loket) -> Received:
            return loket.log_contact(channel, **values)  # type: ignore[arg-type]

        self.start(
            self.runner, work, self._stored,
            self.tr("The note could not be saved because of an error in Loket. "
                    "Nothing was stored; please try again."),
            "saving a contact note",
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _stored(self, received: Received) -> None:
        self.received = received
        self.saved.emit(received)
        self.accept()


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)  # Alt+letter jumps to the field
    # a few pixels spare: with a mnemonic the text is drawn a little wider than measured
    label.setMinimumWidth(label.sizeHint().width() + 4)
    return label


def _plain_text(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in the single-line fields
    edit.setMinimumHeight(70)
    return edit
