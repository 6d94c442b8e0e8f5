"""The beheerder's screen for colleagues: who they are, their role, state and extra rights; add
one (with a temporary password), change a role, disable or enable, unlock after too many failed
sign-ins, give or take back a right (e.g. editing the kennisbank), set a new temporary password.

Every change is an act of inbox.identity, run on the database worker; the domain's refusal
(the last active beheerder, a weak password) is shown in its own Dutch words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.case_dialogs import ChoiceDialog, FormDialog, Work
from desktop.people.passwords import PasswordFields
from desktop.tasks import TaskRunner
from inbox import identity
from inbox.errors import LoketError, StorageError
from inbox.model import Role
from inbox.privacy.roles import ROLE_LABELS
from inbox.services import Loket

log = logging.getLogger("loket.desktop.users")

Index = QModelIndex | QPersistentModelIndex
KB_RIGHT = "kennisbank"  # the right a beheerder may give on top of a role (inbox.identity)


def role_label(code: str) -> str:
    try:
        return ROLE_LABELS[Role(code)]
    except ValueError:
        return code


def state_label(user: dict[str, Any]) -> str:
    if not user["active"]:
        return QCoreApplication.translate("UsersScreen", "Disabled")
    if user["locked"]:
        return QCoreApplication.translate("UsersScreen", "Locked")
    if user["must_change_password"]:
        return QCoreApplication.translate("UsersScreen", "Temporary password")
    if not user["has_password"]:
        return QCoreApplication.translate("UsersScreen", "No password")
    return QCoreApplication.translate("UsersScreen", "Active")


def rights_label(user: dict[str, Any]) -> str:
    names = {"kb_edit": QCoreApplication.translate("UsersScreen", "edit the kennisbank")}
    return ", ".join(names.get(r, r) for r in user["rights"])


class UsersModel(QAbstractTableModel):
    """The colleagues (a team: tens of rows, read at once through the gate)."""

    def __init__(self, loket: Loket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.rows: list[dict[str, Any]] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = identity.users(self.loket)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("State"),
                   self.tr("Extra rights"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self.rows):
            return None
        user = self.rows[index.row()]
        return (user["name"], user["login"], role_label(user["role"]), state_label(user),
                rights_label(user))[index.column()]

    def user(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class UsersScreen(QWidget):
    """The list of colleagues with the beheerder's actions beside it."""

    def __init__(self, loket: Loket, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UsersScreen")
        self.loket = loket
        self.runner = runner
        self.model = UsersModel(loket, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Colleagues"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = self._button(self.tr("&Add colleague…"), self.add_user)
        self.role_button = self._button(self.tr("Change &role…"), self.change_role)
        self.active_button = self._button(self.tr("&Disable"), self.toggle_active)
        self.unlock_button = self._button(self.tr("&Unlock"), self.unlock)
        self.password_button = self._button(self.tr("New &password…"), self.reset_password)
        self.right_button = self._button(self.tr("Allow editing the &kennisbank"),
                                         self.toggle_kennisbank)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button,
                       self.unlock_button, self.password_button, self.right_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Everyone signs in with their own name. A password you set is temporary: the "
            "colleague chooses their own at the first sign-in."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what is selected ----------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.login()
        try:
            self.model.reload()
        except (LoketError, StorageError) as exc:
            self.say(str(exc), error=True)
            return
        for row, user in enumerate(self.model.rows):
            if user["login"] == keep:
                self.table.selectRow(row)
                break
        self._selected()

    def select(self, login: str) -> None:
        for row, user in enumerate(self.model.rows):
            if user["login"] == login:
                self.table.selectRow(row)

    def user(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def login(self) -> str | None:
        user = self.user()
        return None if user is None else str(user["login"])

    def _selected(self) -> None:
        user = self.user()
        for button in (self.role_button, self.active_button, self.unlock_button,
                       self.password_button, self.right_button):
            button.setEnabled(user is not None)
        if user is None:
            return
        self.active_button.setText(self.tr("&Disable") if user["active"] else self.tr("&Enable"))
        self.unlock_button.setEnabled(bool(user["locked"]))
        self.right_button.setText(
            self.tr("Take back editing the &kennisbank") if "kb_edit" in user["rights"]
            else self.tr("Allow editing the &kennisbank"))

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message.setText(text)

    # -- the acts ------------------------------------------------------------------------

    def _run(self, work: Work, done_text: str, login: str | None) -> None:
        def done(_: object) -> None:
            self.loket.forget_identity()  # one's own role or rights may have changed
            self.reload(login)
            self.say(done_text)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, LoketError | StorageError):
                self.say(str(exc), error=True)
            else:
                log.error("user administration failed", exc_info=exc)
                self.say(self.tr("This did not work because of an error in Loket."), error=True)

        self.runner.run(work, done, failed)

    def add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self.runner, self)
        dialog.changed.connect(lambda login: (
            self.reload(str(login)),
            self.say(self.tr("%1 added. The password is temporary: they choose their own at "
                             "the first sign-in.").replace("%1", str(login)))))
        dialog.open()
        return dialog

    def change_role(self) -> ChoiceDialog | None:
        user = self.user()
        if user is None:
            return None
        login = str(user["login"])
        items = [(role_label(r.value), r.value) for r in Role]
        dialog = ChoiceDialog(self.runner, self.tr("Role of %1").replace("%1", login),
                              self.tr("&Role"), items,
                              lambda loket, role: identity.set_role(loket, login, role),
                              current=user["role"], parent=self)
        dialog.changed.connect(lambda _: (self.loket.forget_identity(), self.reload(login),
                                          self.say(self.tr("Role of %1 changed.")
                                                   .replace("%1", login))))
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        user = self.user()
        if user is None:
            return
        login, active = str(user["login"]), not user["active"]
        if not active and not dialogs.ask(
                self, self.tr("Disable"), self.tr("Disable %1?").replace("%1", login),
                self.tr("They can no longer sign in; their history stays."),
                yes=self.tr("Disable")):
            return
        self._run(lambda loket: identity.set_active(loket, login, active),
                  (self.tr("%1 can sign in again.") if active else
                   self.tr("%1 is disabled.")).replace("%1", login), login)

    def unlock(self) -> None:
        login = self.login()
        if login is not None:
            self._run(lambda loket: identity.unlock(loket, login),
                      self.tr("%1 can sign in again.").replace("%1", login), login)

    def toggle_kennisbank(self) -> None:
        user = self.user()
        if user is None:
            return
        login, on = str(user["login"]), "kb_edit" not in user["rights"]
        self._run(lambda loket: identity.grant(loket, login, KB_RIGHT, on=on),
                  (self.tr("%1 may now edit the kennisbank.") if on else
                   self.tr("%1 may no longer edit the kennisbank.")).replace("%1", login), login)

    def reset_password(self) -> PasswordDialog | None:
        login = self.login()
        if login is None:
            return None
        dialog = PasswordDialog(self.runner, login, self)
        dialog.changed.connect(lambda _: (self.reload(login), self.say(
            self.tr("New temporary password for %1: they choose their own at the next "
                    "sign-in.").replace("%1", login))))
        dialog.open()
        return dialog


class PasswordDialog(FormDialog):
    """A new temporary password for a colleague (who forgot theirs)."""

    def __init__(self, runner: TaskRunner, login: str, parent: QWidget | None = None,
                 title: str = "", ok: str = "") -> None:
        super().__init__(runner, title or QCoreApplication.translate(
            "UsersScreen", "New password for %1").replace("%1", login), parent, ok)
        self.login = login
        self.passwords = PasswordFields(self.form, self, self.tr("Temporary &password"))
        self.setMinimumWidth(460)

    def password(self) -> str | None:
        """The typed password, or None after saying why it cannot be used."""
        problem = self.passwords.problem()
        if problem is not None:
            self.show_error(problem)
            return None
        return self.passwords.value()

    def work(self) -> Work | None:
        login, password = self.login, self.password()
        if password is None:
            return None
        return lambda loket: identity.set_password(loket, login, password)


class AddUserDialog(PasswordDialog):
    """Name, user name, role and a temporary password; `changed(login)` after adding."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, "", parent,
                         QCoreApplication.translate("UsersScreen", "Add colleague"),
                         QCoreApplication.translate("UsersScreen", "&Add"))
        self.name = QLineEdit(self)
        self.user = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_label(role.value), role.value)
        self.form.insertRow(0, self.tr("&Name"), self.name)
        self.form.insertRow(1, self.tr("&User name"), self.user)
        self.form.insertRow(2, self.tr("&Role"), self.role)

    def work(self) -> Work | None:
        password = self.password()
        if password is None:
            return None
        login = self.user.text().strip().lower()
        name, role = self.name.text(), str(self.role.currentData())

        def add(loket: Loket) -> str:
            identity.add_user(loket, login, name, role, password)
            return login

        return add
