"""Answering a resident by e-mail from a case: plain text, stored in the case, then sent.

"Send" stores the reply in its case and queues it in the outbox (smtp.compose_reply, on the
database worker); the scheduler's next pass for the account delivers it. Nothing here talks
to an SMTP server.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from desktop.dialogs import Buttons, WorkingDialog, error_label, submit_buttons
from desktop.tasks import TaskRunner
from inbox import workspace
from inbox.accounts import MailAccount
from inbox.channels.smtp import compose_reply, reply_subject
from inbox.errors import LoketError, StorageError
from inbox.model import AddressKind, CaseDetail, Changes
from inbox.services import Loket, Received

log = logging.getLogger("loket.desktop.reply")


def resident_address(detail: CaseDetail) -> str:
    for kind, value in detail.contact_addresses:
        if kind == AddressKind.EMAIL.value:
            return value
    return ""


class StandardReplies(QComboBox):
    """The standaardantwoorden a reply can start from: choosing one fills `text` with it, the
    resident's name, the case reference and the employee's name put in."""

    def __init__(self, parent: QWidget, loket: Loket, text: QPlainTextEdit, *, name: str,
                 reference: str, employee: str = "") -> None:
        super().__init__(parent)
        self.text = text
        self.fields = {"name": name, "reference": reference, "employee": employee}
        translate = QCoreApplication.translate  # the editor's context: one translation
        self.setAccessibleName(translate("ReplyEditor", "Reply with a standard text"))
        self.addItem(translate("ReplyEditor", "(choose a standard reply)"), None)
        try:
            for t in workspace.templates(loket):
                self.addItem(t.title, t)
        except (LoketError, StorageError, OSError):
            pass  # typing the reply still works
        self.activated.connect(self.use)

    def add_row(self, form: QFormLayout) -> None:
        text = QCoreApplication.translate("ReplyEditor", "&Standard reply")
        label = QLabel(text, self.parentWidget())
        label.setBuddy(self)
        form.addRow(label, self)

    def use(self, index: int) -> None:
        """Fill the reply with the standaardantwoord at `index`."""
        template = self.itemData(index)
        if not isinstance(template, workspace.Template):
            return
        self.text.setPlainText(workspace.fill(template, **self.fields))
        self.text.setFocus()


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
        greeting = detail.summary.contact
        if greeting:
            self.text.setPlainText(self.tr("Dear %1,").replace("%1", greeting) + "\n\n")

        self.contact_name = detail.summary.contact
        self.template = StandardReplies(self, runner.loket, self.text, name=self.contact_name,
                                        reference=self.reference, employee=sender_name)

        form = QFormLayout()
        self.template.add_row(form)
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

    def chosen_account(self) -> MailAccount:
        name = self.account.currentData()
        return next((a for a in self.accounts if a.name == name), self.accounts[0])

    def submit(self) -> None:
        if self.busy:
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
