"""In the Mastodon account settings: the public hashtags and keywords the account listens for,
and how long the posts heard are kept (inbox/channels/listening.py; the beheerder's)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import failure_text, text_field
from desktop.formatting import local_time
from desktop.tasks import TaskRunner
from inbox.channels import listening
from inbox.channels.listening import WatchList
from inbox.errors import LoketError, StorageError

log = logging.getLogger("loket.desktop.mastodon")


class WatchListBox(QGroupBox):
    """The selected account's watched terms; off while no saved account is selected."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Listening"))
        self.runner = runner
        self.account: str | None = None
        self._kept = listening.DEFAULT_DAYS
        self.terms = QListWidget(self)  # at most twenty terms
        self.terms.setAccessibleName(self.tr("Watched hashtags and keywords"))
        self.terms.setMaximumHeight(110)
        self.field = text_field(self, self.tr("#gemeentenaam or a keyword"),
                                self.tr("Hashtag or keyword to listen for"))
        self.add_button = QPushButton(self.tr("&Listen"), self)
        self.remove_button = QPushButton(self.tr("Stop l&istening"), self)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, listening.MAX_DAYS)
        self.keep.setSuffix(self.tr(" days"))
        self.keep.setAccessibleName(self.tr("Keep heard posts for"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        hint = QLabel(self.tr("Public posts with these terms count in the trends and can be made "
                              "into a case; they are no cases themselves."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        adding = QHBoxLayout()
        adding.addWidget(self.field, 1)
        adding.addWidget(self.add_button)
        form = QFormLayout()
        form.addRow(self.tr("Keep posts"), self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(self.terms)
        layout.addLayout(adding)
        layout.addWidget(self.remove_button)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_term)
        self.field.returnPressed.connect(self.add_term)
        self.remove_button.clicked.connect(self.remove_term)
        self.keep.editingFinished.connect(self.save_keep_days)
        self.terms.currentRowChanged.connect(lambda _row: self._enable())
        self.show_account(None)

    def show_account(self, name: str | None) -> None:
        """Load the watch list of account `name` (None: a new, unsaved account)."""
        self.account = name
        self.message.clear()
        self.terms.clear()
        watched: WatchList | None = None
        if name is not None:
            try:
                watched = listening.watch_list(self.runner.loket, name)
            except (LoketError, StorageError) as exc:
                self.message.setText(str(exc))
        self.setEnabled(watched is not None)
        if watched is None:
            return
        for state in watched.terms:
            when = (self.tr("error: %1").replace("%1", state.error) if state.error else
                    local_time(state.last_fetch) or self.tr("not yet fetched"))
            item = QListWidgetItem(f"{state.term}  ·  {when}")
            item.setData(Qt.ItemDataRole.UserRole, state.term)
            if state.error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.terms.addItem(item)
        self.keep.blockSignals(True)
        self.keep.setValue(watched.keep_days)
        self.keep.blockSignals(False)
        self._kept = watched.keep_days
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.terms.currentItem() is not None)

    def chosen_term(self) -> str | None:
        item = self.terms.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _run(self, work: Callable[[Any], Any], said: Callable[[Any], str]) -> None:
        name = self.account

        def done(result: Any) -> None:
            self.show_account(name)
            self.message.setText(said(result))

        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        internal = self.tr("This did not work because of an error in Loket; see the log.")
        self.message.setText(failure_text(exc, log, "changing the watch list", internal))

    def add_term(self) -> None:
        name, typed = self.account, self.field.text()
        if name is None or not typed.strip():
            return
        self.field.clear()
        self._run(lambda loket: listening.add_term(loket, name, typed),
                  lambda term: self.tr("Listening for %1 from the next fetch.").replace("%1",
                                                                                       term))

    def remove_term(self) -> None:
        name, term = self.account, self.chosen_term()
        if name is None or term is None:
            return
        self._run(lambda loket: listening.remove_term(loket, name, term),
                  lambda _: self.tr("No longer listening for %1.").replace("%1", term))

    def save_keep_days(self) -> None:
        name, days = self.account, self.keep.value()
        if name is None or days == self._kept:
            return
        self._run(lambda loket: listening.set_keep_days(loket, name, days),
                  lambda _: self.tr("Heard posts are kept %1 days.").replace("%1", str(days)))
