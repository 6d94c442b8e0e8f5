"""Settings > Accounts: the mail accounts with their last sync, and the form to add or edit one.

Everything that may wait on a server or the keyring runs off the GUI thread: saving (the
keyring can block) on the database worker, "Test connection" and OAuth2 sign-in on the network
runner. Results and the domain's Dutch errors appear inline in the dialog.
"""

from __future__ import annotations

import logging
import webbrowser
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QTableView, QWidget

from desktop import dialogs
from desktop.account_form import AccountForm
from desktop.account_panes import (
    ERROR_STYLE,
    lay_out,
    outcome_label,
    setup_account_list,
    show_outcome,
)
from desktop.dialogs import failure_text
from desktop.formatting import local_time
from desktop.plain import tip
from desktop.tasks import TaskRunner
from inbox.accounts import Accounts, Auth, MailAccount
from inbox.errors import InvalidInput
from inbox.services import Loket

log = logging.getLogger("loket.desktop.accounts")

Index = QModelIndex | QPersistentModelIndex


class AccountListModel(QAbstractTableModel):
    """The mail accounts (a handful) with their last sync or last error."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[MailAccount, str, str]] = []  # account, last sync, last error

    def set_accounts(self, accounts: list[MailAccount], status: list[dict[str, Any]]) -> None:
        last: dict[str, str] = {}
        errors: dict[str, str] = {}
        for row in status:
            name = str(row["account"])
            if row.get("last_sync_at") and str(row["last_sync_at"]) > last.get(name, ""):
                last[name] = str(row["last_sync_at"])
            if row.get("last_error") and name not in errors:
                errors[name] = str(row["last_error"])
        self.beginResetModel()
        self._rows = [(a, last.get(a.name, ""), errors.get(a.name, "")) for a in accounts]
        self.endResetModel()

    def account(self, row: int) -> MailAccount | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int | None:
        for row, (account, _, _) in enumerate(self._rows):
            if account.name == name:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Account"), self.tr("Last fetched"))[section] if section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        account, last, error = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return account.name
            if error:
                return error
            return local_time(last) if last else self.tr("not yet")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(error or f"{account.username} @ {account.host}:{account.port}")
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and error:
            return QColor("#a4262c")
        return None


class AccountsDialog(QDialog):
    """Emits `accounts_changed` after an account was added, changed or removed."""

    accounts_changed = Signal()

    def __init__(
        self,
        loket: Loket,
        runner: TaskRunner,
        network: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mail accounts"))
        self.loket = loket
        self.runner = runner
        self.network = network or runner
        self._busy = False

        self.model = AccountListModel(self)
        self.list = QTableView(self)
        self.list.setModel(self.model)
        setup_account_list(self.list, self.tr("Mail accounts"))
        self.list.setWordWrap(False)
        self.list.setColumnWidth(0, 130)
        self.list.setMinimumWidth(260)
        self.new_button = QPushButton(self.tr("&New account"), self)
        self.remove_button = QPushButton(self.tr("&Remove…"), self)

        self.form = AccountForm(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(self.form.sizeHint().width() + 24)

        self.outcome = outcome_label(self, self.tr("Result"))
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)

        layout = lay_out(self, self.list, (self.new_button, self.remove_button),
                         ((scroll, 1), (self.outcome, 0)), self.test_button, self.save_button,
                         stretch=(1, 2))

        self.new_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self.form.sign_in_button.clicked.connect(self.sign_in)
        self.form.changed.connect(self.outcome.hide)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)
        self.may_manage = True
        self.refusal = QLabel(self)  # for people without the right to manage accounts
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.hide()
        layout.insertWidget(0, self.refusal)
        self.reload()
        self.resize(980, 720)

    # -- the list ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        accounts = Accounts(self.loket)
        self.model.set_accounts(accounts.mail_accounts(), accounts.status())
        self.may_manage = accounts.may_manage()
        row = self.model.row_of(select) if select else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
        elif self.model.rowCount() and select is None:
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new_account()
        self._show_rights()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        account = self.model.account(current.row()) if current.isValid() else None
        if account is not None:
            self.form.load(account)
        self.remove_button.setEnabled(self.may_manage and account is not None)
        self.outcome.hide()

    def new_account(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentIndex(QModelIndex())
        self.form.clear()
        self.remove_button.setEnabled(False)
        self.outcome.hide()
        self.form.name.setFocus()

    # -- results -------------------------------------------------------------------------

    def show_result(self, text: str, ok: bool) -> None:
        show_outcome(self.outcome, text, ok)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        internal = self.tr("This did not work because of an error in Loket; see the log.")
        self.show_result(failure_text(exc, log, "account action", internal), ok=False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self._buttons():
            button.setEnabled(not busy and self.may_manage)
        if not busy:
            self.remove_button.setEnabled(self.may_manage and self.form.editing is not None)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.test_button, self.save_button, self.remove_button, self.new_button,
                self.form.sign_in_button)

    def _show_rights(self) -> None:
        """Only a beheerder manages the team's accounts: others see them, buttons off."""
        from inbox.accounts import MANAGE_REFUSAL

        self.refusal.setText(MANAGE_REFUSAL)
        self.refusal.setVisible(not self.may_manage)
        self._set_busy(self._busy)

    def _account_to_use(self) -> MailAccount | None:
        """The account the form describes, when nothing runs yet and it is complete; None
        else (an incomplete form says why in the result line)."""
        if self._busy:
            return None
        account = self.form.account()
        try:
            account.validate()
        except InvalidInput as exc:
            self.show_result(str(exc), ok=False)
            return None
        return account

    # -- saving and removing -------------------------------------------------------------

    def save(self) -> None:
        account = self._account_to_use()
        if account is None:
            return
        secret = self.form.secret()
        adding = self.form.editing is None
        if adding and account.auth is Auth.PASSWORD and not secret:
            self.show_result(self.tr("Fill in the password."), ok=False)
            self.form.password.setFocus()
            return

        def work(loket: Loket) -> MailAccount:
            accounts = Accounts(loket)
            if adding:
                accounts.add_mail(account, secret or None)
            else:
                accounts.update_mail(account, secret or None)
            return account

        def done(saved: MailAccount) -> None:
            self._set_busy(False)
            self.form.password.clear()
            self.reload(select=saved.name)
            self.show_result(self.tr("Saved. Loket fetches the mail of this account."), ok=True)
            self.accounts_changed.emit()

        self._set_busy(True)
        self.outcome.hide()
        self.runner.run(work, done, self._failed)

    def remove_selected(self) -> None:
        account = self.form.editing
        if account is None or self._busy:
            return
        if not dialogs.ask(
            self,
            self.tr("Remove account"),
            self.tr("Remove the account '%1'?").replace("%1", account.name),
            self.tr(
                "Loket stops fetching its mail and forgets its password. Cases and messages "
                "already fetched stay; nothing on the mail server changes."
            ),
            yes=self.tr("Remove"),
            warning=True,
        ):
            return
        name = account.name

        def work(loket: Loket) -> None:
            Accounts(loket).remove(name)

        def done(_: object) -> None:
            self._set_busy(False)
            self.form.editing = None
            self.reload(select="")
            self.show_result(self.tr("Account '%1' removed.").replace("%1", name), ok=True)
            self.accounts_changed.emit()

        self._set_busy(True)
        self.runner.run(work, done, self._failed)

    # -- talking to servers --------------------------------------------------------------

    def test_connection(self) -> None:
        """Log in and look at every folder, on the network runner; the answer shows inline."""
        account = self._account_to_use()
        if account is None:
            return
        typed = self.form.secret()
        stored = self.form.editing is not None
        if account.auth is Auth.PASSWORD and not typed and not stored:
            self.show_result(self.tr("Fill in the password."), ok=False)
            return

        def work(loket: Loket) -> str:
            from inbox.channels import imap

            secret = typed if typed and account.auth is Auth.PASSWORD else None
            return imap.test_connection(loket, account, secret)

        def done(text: str) -> None:
            self._set_busy(False)
            self.show_result(text, ok=True)

        self._set_busy(True)
        self.show_result(self.tr("Connecting…"), ok=True)
        self.network.run(work, done, self._failed)

    def sign_in(self) -> None:
        """OAuth2: sign in through the browser (inbox.oauth), tokens go to the keyring."""
        account = self._account_to_use()
        if account is None:
            return

        def work(loket: Loket) -> None:
            from inbox import oauth

            oauth.sign_in(loket, account, open_browser=webbrowser.open)

        def done(_: object) -> None:
            self._set_busy(False)
            self.show_result(self.tr("Signed in. Save the account to start fetching."), ok=True)

        self._set_busy(True)
        self.show_result(self.tr("Finish signing in in your browser…"), ok=True)
        self.network.run(work, done, self._failed)
