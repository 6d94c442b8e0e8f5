"""Answering a case Loket cannot answer in its own channel (a WhatsApp chat from an export
file, a phone note, a Mastodon status no account of ours fetched): the dialog says why, and
offers what a KCC does instead: e-mail the resident when an address is known, call (a phone
note in this case), or record the answer that was given elsewhere.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import WorkingDialog, error_label
from desktop.labels import channel_label
from desktop.tasks import TaskRunner
from inbox import replies
from inbox.model import CaseDetail, Channel
from inbox.replies import ReplyOptions
from inbox.services import Loket, Received

log = logging.getLogger("loket.desktop.reply_chooser")


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ReplyChooser(WorkingDialog):
    """`email_chosen()`, `call_chosen()`, or `recorded(Received)` once an answer given
    elsewhere is kept in the case."""

    email_chosen = Signal()
    call_chosen = Signal()
    recorded = Signal(object)

    def __init__(self, runner: TaskRunner, detail: CaseDetail, options: ReplyOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.reference = detail.summary.reference
        self.options = options
        self.setWindowTitle(self.tr("Answer %1").replace("%1", self.reference))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        name = channel_label(options.channel)

        self.why = _wrapped(self.tr("The resident wrote via %1. %2")
                            .replace("%1", name).replace("%2", options.why), self)
        self.why.setAccessibleName(self.tr("Why not in this channel"))

        ways = QGroupBox(self.tr("Answer another way"), self)
        self.email_button = QPushButton(self)
        if options.email:
            self.email_button.setText(self.tr("&E-mail to %1").replace("%1", options.email))
        else:
            self.email_button.setText(self.tr("&E-mail (no address known)"))
            self.email_button.setEnabled(False)
        self.email_button.clicked.connect(self._email)
        self.call_button = QPushButton(self)
        if options.phone:
            self.call_button.setText(self.tr("&Call %1 and note it").replace("%1", options.phone))
        else:
            self.call_button.setText(self.tr("&Call and note it (no number known)"))
        self.call_button.clicked.connect(self._call)
        way_layout = QVBoxLayout(ways)
        way_layout.addWidget(self.email_button)
        way_layout.addWidget(self.call_button)

        elsewhere = QGroupBox(self.tr("Answered via another channel"), self)
        self.via = QComboBox(self)
        self.via.setAccessibleName(self.tr("Channel"))
        for channel in replies.elsewhere_channels():
            self.via.addItem(channel_label(channel), channel.value)
        found = self.via.findData(str(options.channel))
        self.via.setCurrentIndex(found if found >= 0 else self.via.findData(Channel.PHONE.value))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("What was answered"))
        self.note.setPlaceholderText(self.tr("e.g. Answered in the WhatsApp app: the pass is "
                                             "sent by post."))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        self.record_button = QPushButton(self.tr("&Record the answer"), self)
        self.record_button.clicked.connect(self.record)
        form = QFormLayout(elsewhere)
        via_label = QLabel(self.tr("&Via"), self)
        via_label.setBuddy(self.via)
        form.addRow(via_label, self.via)
        form.addRow(self.note)
        form.addRow(self.record_button)

        self.error = error_label(self)
        self.guard_text(self.note)  # Esc asks before typed text is lost
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addWidget(ways)
        layout.addWidget(elsewhere, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        (self.email_button if options.email else self.note).setFocus()

    def _email(self) -> None:
        self.accept()
        self.email_chosen.emit()

    def _call(self) -> None:
        self.accept()
        self.call_chosen.emit()

    def record(self) -> None:
        if self.busy:
            return
        reference, text, via = self.reference, self.note.toPlainText(), self.via.currentData()

        def work(loket: Loket) -> Received:
            return replies.answered_elsewhere(loket, reference, text, via)

        def done(received: Received) -> None:
            self.recorded.emit(received)
            self.accept()

        self.start(
            self.runner, work, done,
            self.tr("The answer could not be recorded because of an error in Loket; please "
                    "try again."),
            "recording an answer",
        )

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.record_button.setEnabled(not busy)
