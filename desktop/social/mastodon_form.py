"""Settings > Mastodon accounts: the accounts with their last fetch, and the form to add one.

An account is a server address and an access token (made on the server under Preferences >
Development, with read and write:statuses). Adding checks the token with the server and keeps
it in the OS keyring (inbox.channels.mastodon.add_account), so it runs on the network runner,
like "Test connection". Results and the domain's Dutch errors appear inline.
"""

from __future__ import annotations

import logging
import urllib.parse
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.account_panes import (
    lay_out,
    outcome_label,
    setup_account_list,
    show_outcome,
)
from desktop.dialogs import failure_text, text_field
from desktop.formatting import local_time
from desktop.plain import tip
from desktop.social.watch_list import WatchListBox
from desktop.tasks import TaskRunner
from inbox.channels import mastodon
from inbox.channels.mastodon import MastodonAccount
from inbox.errors import LoketError
from inbox.services import Loket

log = logging.getLogger("loket.desktop.mastodon")



def signed_in_as(me: dict[str, Any], url: str) -> str:
    """'name@server' from a verify_credentials answer."""
    acct = str(me.get("acct", "")).lstrip("@")
    if acct and "@" not in acct:
        acct += "@" + urllib.parse.urlsplit(url).netloc
    return acct


class MastodonForm(QWidget):
    """Name, server and token; an existing account is shown read-only (remove and add anew)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: MastodonAccount | None = None
        self.name = text_field(self, self.tr("e.g. Mastodon gemeente"))
        self.url = text_field(self, self.tr("e.g. https://social.overheid.nl"))
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.token.setPlaceholderText(self.tr("paste the access token here"))
        self.handle = QLabel(self)
        self.handle.setTextFormat(Qt.TextFormat.PlainText)
        box = QGroupBox(self.tr("Mastodon account"), self)
        form = QFormLayout(box)
        for text, widget in ((self.tr("&Name"), self.name), (self.tr("&Server"), self.url),
                             (self.tr("Access &token"), self.token)):
            label = QLabel(text, box)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.tr("Signed in as"), self.handle)
        hint = QLabel(
            self.tr("Make the token on the Mastodon server under Preferences > Development > "
                    "New application, with the scopes read and write:statuses. Loket keeps "
                    "it in the computer's keyring, never in its database."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(hint)
        self.clear()

    def clear(self) -> None:
        self.editing = None
        for edit in (self.name, self.url, self.token):
            edit.clear()
            edit.setReadOnly(False)
        self.token.setPlaceholderText(self.tr("paste the access token here"))
        self.handle.setText(self.tr("not yet known"))

    def load(self, account: MastodonAccount) -> None:
        self.clear()
        self.editing = account
        self.name.setText(account.name)
        self.url.setText(account.url)
        for edit in (self.name, self.url):
            edit.setReadOnly(True)
        self.token.setPlaceholderText(self.tr("kept in the keyring"))
        self.handle.setText("@" + account.acct if account.acct else self.tr("not yet known"))


class MastodonAccountsDialog(QDialog):
    """Emits `accounts_changed` after an account was added or removed."""

    accounts_changed = Signal()

    def __init__(self, loket: Loket, runner: TaskRunner, network: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mastodon accounts"))
        self.loket = loket
        self.runner = runner
        self.network = network or runner
        self.accounts: list[MastodonAccount] = []
        self._busy = False

        self.list = QTableWidget(0, 3, self)  # a handful of accounts
        self.list.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Server"), self.tr("Last fetched")])
        setup_account_list(self.list, self.tr("Mastodon accounts"))
        self.list.setColumnWidth(0, 150)
        self.list.setColumnWidth(1, 170)
        self.new_button = QPushButton(self.tr("&New account"), self)
        self.remove_button = QPushButton(self.tr("&Remove…"), self)

        self.form = MastodonForm(self)
        self.watch = WatchListBox(runner, self)
        self.outcome = outcome_label(self, self.tr("Result"))
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.add_button = QPushButton(self.tr("&Add account"), self)
        self.add_button.setDefault(True)

        lay_out(self, self.list, (self.new_button, self.remove_button),
                ((self.form, 0), (self.outcome, 0), (self.watch, 0), (None, 1)),
                self.test_button, self.add_button, stretch=(3, 2))

        self.new_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.test_connection)
        self.add_button.clicked.connect(self.add)
        for edit in (self.form.name, self.form.url, self.form.token):
            edit.textEdited.connect(self.outcome.hide)
        self.list.currentCellChanged.connect(self._row_changed)
        self.reload()
        self.resize(900, 620)

    # -- the list ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        try:
            overview = mastodon.account_overview(self.loket)
        except LoketError as exc:  # not a beheerder: the list stays empty, the reason shows
            overview = []
            self.show_result(str(exc), ok=False)
        self.accounts = [item.account for item in overview]
        self.list.blockSignals(True)
        self.list.setRowCount(len(overview))
        for row, item in enumerate(overview):
            account, last, error = item.account, item.last_fetch, item.error
            when = error or (local_time(last) if last else self.tr("not yet"))
            items = (QTableWidgetItem(account.name), QTableWidgetItem(account.host),
                     QTableWidgetItem(when))
            if error:
                items[2].setForeground(Qt.GlobalColor.darkRed)
                items[2].setToolTip(tip(error))
            for column, item in enumerate(items):
                self.list.setItem(row, column, item)
        self.list.blockSignals(False)
        names = [a.name for a in self.accounts]
        if select in names:
            self.list.selectRow(names.index(str(select)))
            self._row_changed(names.index(str(select)))
        elif self.accounts and select is None:
            self.list.selectRow(0)
            self._row_changed(0)
        else:
            self.new_account()

    def _row_changed(self, row: int, *_: int) -> None:
        account = self.accounts[row] if 0 <= row < len(self.accounts) else None
        if account is not None:
            self.form.load(account)
        self.watch.show_account(account.name if account is not None else None)
        self._enable()
        self.outcome.hide()

    def new_account(self) -> None:
        self.list.clearSelection()
        self.form.clear()
        self.watch.show_account(None)
        self.outcome.hide()
        self._enable()
        self.form.name.setFocus()

    def _enable(self) -> None:
        editing = self.form.editing is not None
        self.remove_button.setEnabled(editing and not self._busy)
        self.add_button.setEnabled(not editing and not self._busy)
        self.test_button.setEnabled(not self._busy)
        self.new_button.setEnabled(not self._busy)

    # -- results -------------------------------------------------------------------------

    def show_result(self, text: str, ok: bool) -> None:
        show_outcome(self.outcome, text, ok)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        internal = self.tr("This did not work because of an error in Loket; see the log.")
        self.show_result(failure_text(exc, log, "mastodon account action", internal), ok=False)

    # -- actions -------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Ask the server who the token belongs to, on the network runner."""
        if self._busy:
            return
        url, typed = self.form.url.text(), self.form.token.text().strip()
        editing, name = self.form.editing, self.form.name.text().strip()
        if editing is None and not typed:
            self.show_result(self.tr("Fill in the access token."), ok=False)
            return

        def work(loket: Loket) -> str:
            base = mastodon.normalize_url(url)
            token = typed or (mastodon.token_for(loket, editing) if editing else "")
            client = mastodon.MastodonClient(base, token, account_name=name,
                                             max_retries=1, max_wait=5.0, timeout=15.0)
            me, _ = client.get("/api/v1/accounts/verify_credentials")
            return signed_in_as(me, base)

        def done(handle: str) -> None:
            self._set_busy(False)
            self.show_result(
                self.tr("The connection works: signed in as @%1.").replace("%1", handle), ok=True)

        self._set_busy(True)
        self.show_result(self.tr("Connecting…"), ok=True)
        self.network.run(work, done, self._failed)

    def add(self) -> None:
        if self._busy or self.form.editing is not None:
            return
        name, url, token = (self.form.name.text(), self.form.url.text(),
                            self.form.token.text())
        if not url.strip():
            self.show_result(self.tr("Fill in the address of the Mastodon server."), ok=False)
            self.form.url.setFocus()
            return
        if name.strip() and not token.strip():
            self.show_result(self.tr("Fill in the access token."), ok=False)
            self.form.token.setFocus()
            return

        def work(loket: Loket) -> MastodonAccount:
            return mastodon.add_account(loket, name, url, token)

        def done(account: MastodonAccount) -> None:
            self._set_busy(False)
            self.form.token.clear()
            self.reload(select=account.name)
            self.show_result(
                self.tr("Added: signed in as @%1. Loket fetches its mentions and direct "
                        "messages.").replace("%1", account.acct), ok=True)
            self.accounts_changed.emit()

        self._set_busy(True)
        self.show_result(self.tr("Checking the token with the server…"), ok=True)
        self.network.run(work, done, self._failed)  # it waits on the server and the keyring

    def remove_selected(self) -> None:
        account = self.form.editing
        if account is None or self._busy:
            return
        if not dialogs.ask(
            self,
            self.tr("Remove account"),
            self.tr("Remove the Mastodon account '%1'?").replace("%1", account.name),
            self.tr("Loket stops fetching its mentions and direct messages and forgets its "
                    "token. Cases and messages already fetched stay; nothing on the server "
                    "changes."),
            yes=self.tr("Remove"),
            warning=True,
        ):
            return
        name = account.name

        def work(loket: Loket) -> None:
            mastodon.remove_account(loket, name)

        def done(_: object) -> None:
            self._set_busy(False)
            self.reload(select="")
            self.show_result(self.tr("Account '%1' removed.").replace("%1", name), ok=True)
            self.accounts_changed.emit()

        self._set_busy(True)
        self.runner.run(work, done, self._failed)
