"""The case list widget: a sortable table that keeps the selected case across refreshes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.case_model import COLUMNS, CaseTableModel

_WIDTHS = (130, 260, 160, 90, 120, 130, 130, 80)


class CaseTable(QTableView):
    """Emits `case_selected(case_id or None)` whenever the selected case changes."""

    case_selected = Signal(object)

    def __init__(self, model: CaseTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cases = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setAccessibleName(self.tr("Cases"))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        column, order = model.sort_column()
        header.setSortIndicator(column, order)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

        self._emitted: int | None = None
        self._keep: int | None = None
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def selected_case_id(self) -> int | None:
        index = self.currentIndex()
        return self.cases.case_id(index.row()) if index.isValid() else None

    def select_case(self, case_id: int) -> bool:
        """Select (and scroll to) a case; False when the list does not hold it."""
        row = self.cases.row_of(case_id)
        if row is None:
            return False
        index = self.cases.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _remember_selection(self) -> None:
        self._keep = self.selected_case_id()

    def _restore_selection(self) -> None:
        keep, self._keep = self._keep, None
        if keep is not None and self.select_case(keep):
            return
        self._announce(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._keep is not None:
            return  # a reset is under way; _restore_selection announces the outcome
        self._announce(self.cases.case_id(current.row()) if current.isValid() else None)

    def _announce(self, case_id: int | None) -> None:
        if case_id != self._emitted:
            self._emitted = case_id
            self.case_selected.emit(case_id)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if COLUMNS[column].sort_key is None:  # not sortable in SQL: put the indicator back
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self.cases.sort_column())
            header.blockSignals(False)
