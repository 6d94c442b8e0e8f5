"""How Loket's lists of rows behave: whole rows picked one at a time, read-only, no row
numbers, the last column filling the width."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def rows_only(view: QTableView, accessible_name: str = "") -> None:
    """Make `view` (a QTableView or QTableWidget) a read-only list of whole rows."""
    if accessible_name:
        view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
