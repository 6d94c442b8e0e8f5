"""The parts the account dialogs share (mail accounts, Mastodon accounts): the list of accounts
on the left with New and Remove under it, the form with its inline outcome on the right, and
how a result or a failure shows. The texts stay with each dialog (its own translation context).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import close_buttons
from desktop.tables import rows_only

OK_STYLE = "color: #107c10;"
ERROR_STYLE = "color: #a4262c;"


def setup_account_list(view: QTableView, accessible_name: str) -> None:
    """Whole rows, one at a time, read-only, no grid: the first column keeps its width."""
    rows_only(view, accessible_name)
    view.setShowGrid(False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)


def outcome_label(parent: QWidget, accessible_name: str) -> QLabel:
    """The inline result line under the form, hidden until there is a result."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.hide()
    return label


def show_outcome(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.show()


def lay_out(
    dialog: QDialog,
    accounts: QWidget,
    list_buttons: tuple[QPushButton, ...],
    pane: tuple[tuple[QWidget | None, int], ...],
    test_button: QPushButton,
    primary: QPushButton,
    stretch: tuple[int, int],
) -> QVBoxLayout:
    """Accounts with their buttons left, the form pane right with Test ... primary under it,
    Close at the bottom. `pane` is (widget, stretch) from the top; None is empty space."""
    left = QVBoxLayout()
    left.addWidget(accounts, 1)
    left_buttons = QHBoxLayout()
    for button in list_buttons:
        left_buttons.addWidget(button)
    left_buttons.addStretch(1)
    left.addLayout(left_buttons)

    right = QVBoxLayout()
    for widget, factor in pane:
        if widget is None:
            right.addStretch(factor)
        else:
            right.addWidget(widget, factor)
    actions = QHBoxLayout()
    actions.addWidget(test_button)
    actions.addStretch(1)
    actions.addWidget(primary)
    right.addLayout(actions)

    columns = QHBoxLayout()
    columns.addLayout(left, stretch[0])
    columns.addLayout(right, stretch[1])
    close = close_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(columns, 1)
    layout.addWidget(close)
    return layout
