"""The first start of a database: its first beheerder, then the recovery key, shown once.

A new database cannot be used before this is done (cancelling quits Loket). A database from an
older Loket, whose people have no password yet, asks the same; cancelling there keeps it
read-only until a beheerder is set (inbox.privacy.roles.UNNAMED_READ_ONLY).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import text_field
from desktop.people.passwords import PasswordFields, fit_height
from inbox import identity
from inbox.errors import LoketError
from inbox.services import Loket

ERROR_STYLE = "color: #b00020"


class FirstRunDialog(QDialog):
    """Name, login and password of the first beheerder; then the recovery key, once."""

    def __init__(self, loket: Loket, legacy: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.legacy = legacy
        self.login = ""
        self.recovery_key: str | None = None
        self.setWindowTitle(self.tr("Set up Loket"))
        self.form_page = self._form_page()
        self.key_page = self._key_page()
        self.key_page.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_page)
        layout.addWidget(self.key_page)
        self.setMinimumWidth(520)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- page 1: who is the beheerder --------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        if self.legacy:
            intro = self.tr(
                "Nobody in this database has a password yet (it comes from an older Loket). "
                "Choose its beheerder now: an existing user name makes that colleague "
                "beheerder. Until a beheerder is set, Loket only shows the cases and changes "
                "nothing.")
        else:
            intro = self.tr(
                "This is a new Loket database. First make its beheerder: the person who adds "
                "colleagues, mail accounts and settings. Everyone signs in with their own name "
                "from now on.")
        self.intro = QLabel(intro, page)
        self.intro.setWordWrap(True)
        self.name = text_field(page, self.tr("e.g. Bea Kok"), self.tr("Name"))
        self.user = text_field(page, self.tr("e.g. bea"), self.tr("User name"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&User name"), self.user)
        self.passwords = PasswordFields(form, page)
        self.error = QLabel(page)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(page)
        self.make = self.buttons.addButton(self.tr("&Make beheerder"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.make.setDefault(True)
        later = self.tr("&Later (read only)") if self.legacy else self.tr("&Quit Loket")
        self.later = self.buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        return page

    def submit(self) -> None:
        """Make the beheerder (inbox.identity's rules), sign in as them, show the key."""
        problem = self.passwords.problem()
        if problem is not None:
            self._fail(problem)
            return
        login, password = self.user.text().strip().lower(), self.passwords.value()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2id takes a moment
        try:
            identity.first_beheerder(self.loket, login, self.name.text(), password)
            identity.sign_in(self.loket, login, password)
            self.recovery_key = identity.take_recovery_key(self.loket)
        except LoketError as exc:
            self._fail(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.login = login
        self.passwords.clear()
        if self.recovery_key is None:
            self.accept()
            return
        self.key.setText(self.recovery_key)
        self.form_page.hide()
        self.key_page.show()
        fit_height(self)
        self.written.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        fit_height(self)  # room for the message: nothing overlaps or is cut off

    # -- page 2: the recovery key ------------------------------------------------------------

    def _key_page(self) -> QWidget:
        page = QWidget(self)
        explain = QLabel(self.tr(
            "The database is encrypted. Its key is kept in this computer's keyring. Should "
            "that be lost (a new laptop, a reinstalled system), only this recovery key opens "
            "the database again. Write it down and keep it somewhere safe, away from the "
            "laptop: Loket shows it only now."), page)
        explain.setWordWrap(True)
        self.key = QLineEdit(page)
        self.key.setReadOnly(True)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        copy = QPushButton(self.tr("&Copy"), page)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key.text()))
        self.written = QCheckBox(self.tr("I have &written it down"), page)
        self.go_on = QPushButton(self.tr("&Continue"), page)
        self.go_on.setEnabled(False)
        self.go_on.setDefault(True)
        self.written.toggled.connect(self.go_on.setEnabled)
        self.go_on.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(self.key)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.written)
        layout.addStretch(1)
        layout.addWidget(self.go_on, 0, Qt.AlignmentFlag.AlignRight)
        return page

    @property
    def showing_key(self) -> bool:
        return not self.key_page.isHidden()

    def reject(self) -> None:
        if self.showing_key:
            return  # the beheerder exists: the key must be seen (and ticked) before going on
        super().reject()

    def accept(self) -> None:
        if self.showing_key and not self.written.isChecked():
            return
        self.key.clear()  # the key stays on paper, not in a widget
        super().accept()
