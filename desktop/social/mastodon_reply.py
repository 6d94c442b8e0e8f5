"""Answering a resident on Mastodon from a case whose last message came in as a status.

The reply goes out in the thread with the visibility of the status answered (a direct message
stays direct), through inbox.channels.mastodon.reply on the network runner: it waits on the
server. Once posted the status is kept in the case; the domain's Dutch errors show inline.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.collision import CollisionGuard, collision_label
from desktop.dialogs import Buttons, WorkingDialog, error_label, submit_buttons
from desktop.kb.search import employee_name
from desktop.reply_editor import answer_deadline_or_none
from desktop.tasks import TaskRunner
from desktop.template_picker import TemplateButton
from inbox import workspace
from inbox.channels import mastodon
from inbox.errors import LoketError, StorageError
from inbox.model import CaseDetail, Changes
from inbox.services import Loket

log = logging.getLogger("loket.desktop.mastodon_reply")


class MastodonReplyEditor(WorkingDialog):
    """`sent(reference)` once the reply is posted and kept in the case."""

    sent = Signal(str)

    def __init__(self, runner: TaskRunner, network: TaskRunner, detail: CaseDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.network = network
        self.reference = detail.summary.reference
        self.contact_name = detail.summary.contact
        self.changes: Changes | None = None
        try:
            self.target = mastodon.reply_target(runner.loket, self.reference)
        except (LoketError, StorageError):
            self.target = None  # refused (e.g. not a medewerker): sending says why
        self.setWindowTitle(self.tr("Reply on Mastodon to %1").replace("%1", self.reference))

        self.channel = QLabel(self)
        self.channel.setTextFormat(Qt.TextFormat.PlainText)
        self.to = QLabel(self)
        self.to.setTextFormat(Qt.TextFormat.PlainText)
        self.to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.visibility = QLabel(self)
        self.visibility.setTextFormat(Qt.TextFormat.PlainText)
        self.visibility.setWordWrap(True)
        self.visibility.setAccessibleName(self.tr("Visibility"))
        target = self.target
        account = target.account if target else ""
        self.channel.setText("Mastodon" + (f" · {account}" if account else ""))
        self.to.setText("@" + target.author if target and target.author else "")
        self.visibility.setText(self.visibility_text(target.visibility if target else ""))
        if target is not None and target.visibility == "direct":
            self.visibility.setStyleSheet("color: #107c10; font-weight: bold;")

        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Reply"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(160)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.text.textChanged.connect(self._count)

        self.subject_text = detail.summary.subject
        self.deadline = answer_deadline_or_none(runner, self.reference)
        self.templates = TemplateButton(self, self.text, runner, self.fill)
        self.collision = collision_label(self)
        self.guard = CollisionGuard(self, runner.loket, self.reference, self.collision)
        form = QFormLayout()
        self.templates.add_to(form)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("Visibility"), self.visibility)

        self.error = error_label(self)
        self.guard_text(self.text)  # Esc asks before typed text is lost
        hint = QLabel(self.tr("The reply is posted at once, in the thread of the resident's "
                              "message, and kept in the case."), self)
        hint.setEnabled(False)
        hint.setWordWrap(True)

        self.buttons = submit_buttons(self, self.submit, Buttons.Cancel)
        self.send_button = self.buttons.addButton(
            self.tr("&Post on Mastodon"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setToolTip(self.tr("Post (Ctrl+Enter)"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.collision)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(560, 440)
        self._count()
        self.text.setFocus()

    def visibility_text(self, visibility: str) -> str:
        texts = {
            "direct": self.tr("Direct message: the reply stays direct, only the resident "
                              "sees it."),
            "private": self.tr("Followers only: the reply is visible to the same people."),
            "unlisted": self.tr("Public but not listed: the reply is visible the same way."),
            "public": self.tr("Public: the reply is public too, everyone can read it."),
        }
        return texts.get(visibility, self.tr("The reply keeps the visibility of the message."))

    def fill(self, template: workspace.Template) -> str:
        return workspace.fill(template, name=self.contact_name, reference=self.reference,
                              employee=employee_name(self.runner.loket),
                              subject=self.subject_text, deadline=self.deadline)

    def use_template(self, template: workspace.Template) -> None:
        """Insert a standaardantwoord at the cursor (undoable; typed text stays)."""
        self.templates.insert(template)

    def _count(self) -> None:
        self.count.setText(self.tr("%1 characters").replace(
            "%1", str(len(self.text.toPlainText()))))

    def submit(self) -> None:
        if self.busy:
            return
        self.error.hide()
        if not self.guard.confirm():  # a colleague answered meanwhile: the text stays
            return
        reference, text = self.reference, self.text.toPlainText()

        def work(loket: Loket) -> Changes:
            return mastodon.reply(loket, reference, text)

        def posted(changes: Changes) -> None:
            self.changes = changes
            self.sent.emit(reference)
            self.accept()

        self.start(
            self.network, work, posted,
            self.tr("The reply could not be posted because of an error in Loket; please try "
                    "again."),
            "posting a Mastodon reply",
        )
