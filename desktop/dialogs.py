"""Small questions to the user, in one place so tests can answer them (monkeypatch `ask`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str = "",
    yes: str = "",
    warning: bool = False,
) -> bool:
    """A yes/no question whose safe answer (No) is the default; True when the user agrees."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question, title, text,
        parent=parent,
    )
    box.setInformativeText(detail)
    agree = box.addButton(yes or title, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is agree
