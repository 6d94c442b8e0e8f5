"""The sign-in dialog: who is working, checked against the argon2 hash in the domain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import fit_height
from inbox.errors import LoketError
from inbox.services import Loket


class SignInDialog(QDialog):
    """Asks for a user name and password; stays open with a Dutch message on a mistake."""

    def __init__(self, loket: Loket, parent: QWidget | None = None, user: str = "") -> None:
        super().__init__(parent)
        self.loket = loket
        self.setWindowTitle(self.tr("Sign in to Loket"))
        self.setAccessibleName(self.tr("Sign in"))
        self.setMinimumWidth(380)  # the demo hint reads as a sentence, not a column
        self.user = QLineEdit(user, self)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        ok.setDefault(True)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = loket.sign_in_hint()
        if hint:  # a demo database says who can sign in
            self.hint = QLabel(hint, self)
            self.hint.setWordWrap(True)
            layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if user else self.user).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_sign_in(self) -> None:
        try:
            self.loket.sign_in(self.user.text().strip(), self.password.text())
        except LoketError as exc:
            self.password.clear()
            self.password.setFocus()
            self.error.setText(str(exc))
            self.error.show()
            fit_height(self)  # the hint above keeps all its lines
            return
        self.accept()
