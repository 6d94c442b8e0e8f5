"""A new password typed twice, with the rules beside it (the rules themselves: inbox.identity)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from inbox import identity


class PasswordFields(QObject):
    """Two password fields and a line with the rules, added to a form."""

    def __init__(self, form: QFormLayout, parent: QWidget, label: str = "") -> None:
        super().__init__(parent)
        self.first = QLineEdit(parent)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Password"))
        self.second = QLineEdit(parent)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Password again"))
        self.rules = QLabel(
            self.tr("At least %1 characters, or a sentence of %2 or more words; not a "
                    "common password, not your name.")
            .replace("%1", str(identity.MIN_LENGTH))
            .replace("%2", str(identity.PASSPHRASE_WORDS)),
            parent,
        )
        self.rules.setWordWrap(True)
        self.rules.setEnabled(False)  # greyed: a hint, not a message
        form.addRow(label or self.tr("&Password"), self.first)
        form.addRow(self.tr("Password &again"), self.second)
        form.addRow("", self.rules)

    def problem(self) -> str | None:
        """Why the two fields cannot be used yet (None: they can; the domain checks the rest)."""
        if not self.first.text():
            return self.tr("Fill in a password.")
        if self.first.text() != self.second.text():
            return self.tr("The two passwords are not the same.")
        return None

    def value(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


def fit_height(dialog: QWidget) -> None:
    """Grow `dialog` to the height its wrapped texts need at its width (after a message
    appeared), so nothing overlaps or is cut off."""
    layout = dialog.layout()
    if layout is None:
        return
    # the layouts learn of the new text through posted events: let them, now
    QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LayoutRequest))
    width = dialog.width()
    needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > dialog.height():
        dialog.resize(width, needed)
        QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LayoutRequest))
