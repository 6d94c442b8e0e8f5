"""Answering a resident by e-mail from a case: plain text, stored in the case, then sent.

"Send" stores the reply in its case and queues it in the outbox (smtp.compose_reply, on the
database worker); the scheduler's next pass for the account delivers it. Nothing here talks
to an SMTP server.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.collision import CollisionGuard, collision_label
from desktop.dialogs import Buttons, WorkingDialog, error_label, submit_buttons
from desktop.tasks import TaskRunner
from desktop.template_picker import TemplateButton
from inbox import workspace
from inbox.accounts import MailAccount
from inbox.channels.smtp import compose_reply, reply_subject
from inbox.errors import LoketError, StorageError
from inbox.model import AddressKind, CaseDetail, Changes
from inbox.services import Loket, Received

log = logging.getLogger("loket.desktop.reply")


def answer_deadline_or_none(runner: TaskRunner, reference: str) -> date | None:
    """The date a standaardantwoord's {termijn} names (None: it stays [termijn])."""
    try:
        return workspace.answer_deadline(runner.loket, reference)
    except (LoketError, StorageError):
        return None


def resident_address(detail: CaseDetail) -> str:
    for kind, value in detail.contact_addresses:
        if kind == AddressKind.EMAIL.value:
            return value
    return ""


class ReplyEditor(WorkingDialog):
    """`sent(Received, account name)` once the reply is stored and queued."""

    sent = Signal(object, str)

    def __init__(
        self,
        runner: TaskRunner,
        detail: CaseDetail,
        accounts: list[MailAccount],
        sender_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not accounts:
            raise ValueError("a reply needs a mail account")
        self.runner = runner
        self.reference = detail.summary.reference
        self.accounts = accounts
        self.sender_name = sender_name
        self.received: Received | None = None
        self.setWindowTitle(self.tr("Reply to %1").replace("%1", self.reference))

        self.account = QComboBox(self)
        for account in accounts:
            self.account.addItem(f"{account.name} <{account.address}>", account.name)
        self.to = QLineEdit(resident_address(detail), self)
        self.to.setPlaceholderText(self.tr("the resident's e-mail address"))
        self.subject = QLabel(reply_subject(self.reference, detail.summary.subject), self)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Reply"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(220)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.greeting = ""  # Loket's own opening line: a standard reply may take its place
        if detail.summary.contact:
            self.greeting = self.tr("Dear %1,").replace("%1", detail.summary.contact) + "\n\n"
            self.text.setPlainText(self.greeting)

        self.contact_name = detail.summary.contact
        self.subject_text = detail.summary.subject
        self.deadline = answer_deadline_or_none(runner, self.reference)
        self.templates = TemplateButton(self, self.text, runner, self.fill,
                                        lambda: self.greeting)
        self.collision = collision_label(self)
        self.guard = CollisionGuard(self, runner.loket, self.reference, self.collision)

        form = QFormLayout()
        self.templates.add_to(form)
        account_label = QLabel(self.tr("&From"), self)
        account_label.setBuddy(self.account)
        form.addRow(account_label, self.account)
        account_label.setVisible(len(accounts) > 1)
        self.account.setVisible(len(accounts) > 1)
        to_label = QLabel(self.tr("&To"), self)
        to_label.setBuddy(self.to)
        form.addRow(to_label, self.to)
        form.addRow(self.tr("Subject"), self.subject)

        self.error = error_label(self)
        self.guard_text(self.text)  # Esc asks before typed text is lost
        hint = QLabel(
            self.tr("The reply is kept in the case at once and sent in the background."), self
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)

        self.buttons = submit_buttons(self, self.submit, Buttons.Cancel)
        self.send_button = self.buttons.addButton(
            self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.collision)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
        from desktop.kb.search import FillContext, attach  # Ctrl+K: the kennisbank

        self.kb = attach(self, self.text, runner, lambda: FillContext(
            self.contact_name, self.reference, self.sender_name), "antwoord")

    def fill(self, template: workspace.Template) -> str:
        """A standaardantwoord's text for this case: name, reference, me, dates."""
        return workspace.fill(template, name=self.contact_name, reference=self.reference,
                              employee=self.sender_name, subject=self.subject_text,
                              deadline=self.deadline)

    def use_template(self, template: workspace.Template) -> None:
        """Insert a standaardantwoord at the cursor (undoable; typed text stays)."""
        self.templates.insert(template)

    def chosen_account(self) -> MailAccount:
        name = self.account.currentData()
        return next((a for a in self.accounts if a.name == name), self.accounts[0])

    def submit(self) -> None:
        if self.busy:
            return
        self.error.hide()
        if not self.guard.confirm():  # a colleague answered meanwhile: the text stays
            return
        account = self.chosen_account()
        reference = self.reference
        text = self.text.toPlainText()
        to = self.to.text().strip() or None
        sender_name = self.sender_name

        def work(loket: Loket) -> Changes:
            return compose_reply(loket, account, reference, text, to=to, sender_name=sender_name)

        def stored(changes: Changes) -> None:
            received = Received(min(changes.messages), min(changes.cases), reference, False, False)
            self.received = received
            self.sent.emit(received, account.name)
            self.accept()

        self.start(
            self.runner, work, stored,
            self.tr("The reply could not be stored because of an error in Loket. Nothing "
                    "was sent; please try again."),
            "storing a reply",
        )
