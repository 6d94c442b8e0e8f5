"""Choosing one's own password after signing in with a temporary one (set by a beheerder).

Until it is chosen the person may do nothing else (the gate refuses every other act), so
cancelling signs out again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.people.passwords import PasswordFields, fit_height
from inbox import identity
from inbox.errors import LoketError
from inbox.services import Loket


class OwnPasswordDialog(QDialog):
    def __init__(self, loket: Loket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.setWindowTitle(self.tr("Choose your own password"))
        intro = QLabel(self.tr(
            "Welcome, %1. A beheerder gave you a temporary password. Choose your own now: "
            "only you know it, and nobody else can work in your name.")
            .replace("%1", loket.user), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.passwords = PasswordFields(form, self, self.tr("&New password"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        ok = self.buttons.addButton(self.tr("&Save password"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        self.buttons.addButton(self.tr("Sign &out"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.passwords.first.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        problem = self.passwords.problem()
        if problem is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                identity.set_password(self.loket, self.loket.user, self.passwords.value())
            except LoketError as exc:
                problem = str(exc)
            finally:
                QGuiApplication.restoreOverrideCursor()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            fit_height(self)
            return
        self.passwords.clear()
        self.accept()
