"""The case list widget: a sortable table that keeps the selected case across refreshes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.case_model import (
    COLUMNS,
    DUE_COLUMN,
    LAST_MESSAGE_COLUMN,
    MESSAGES_COLUMN,
    CaseTableModel,
)

# (preferred, minimum) widths of the columns that share the room left by the fixed ones
# (reference, last message, message count); the subject (column 1) comes first: it keeps at
# least SUBJECT_MIN while the others shrink towards their minimum (their text is elided), and
# takes whatever is left over.
_FLEXIBLE = {1: (320, 110), 2: (170, 60), 3: (95, 55), 4: (125, 75), 5: (135, 65),
             DUE_COLUMN: (130, 80)}
SUBJECT_MIN = 200
_NARROWEST = 30  # a squeezed column still shows a letter or two and its elision


class CaseTable(QTableView):
    """Emits `case_selected(case_id or None)` whenever the selected case changes."""

    case_selected = Signal(object)

    def __init__(self, model: CaseTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cases = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several cases at once (Shift/Ctrl+click, Shift+arrows): the case actions then act on
        # every selected case (desktop/case_actions.py); the case pane shows the current one
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setAccessibleName(self.tr("Cases"))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self._fixed = {
            0: metrics.horizontalAdvance("LK-2026-000000") + 16,
            LAST_MESSAGE_COLUMN: metrics.horizontalAdvance("00-00-0000 00:00") + 16,
            MESSAGES_COLUMN: 0,  # set from the (translated) header in _fit_columns
            # "antwoord uiterlijk", or a call-back's day and time window
            DUE_COLUMN: metrics.horizontalAdvance("00-00 00:00-00:00") + 10,
        }
        column, order = model.sort_column()
        header.setSortIndicator(column, order)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

        self.auto_fit = True
        self._emitted: int | None = None
        self._keep: int | None = None
        self._keep_row = -1  # where the kept case stood, for when it left the list
        self._shown_query = model.query  # the list's query before a reset
        self._next_on_leave = False
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.modelReset.connect(self._show_sort)  # a worklist view brings its own order
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def selected_case_id(self) -> int | None:
        index = self.currentIndex()
        return self.cases.case_id(index.row()) if index.isValid() else None

    def selected_case_ids(self) -> list[int]:
        """Every selected case, in list order."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [i for i in (self.cases.case_id(r) for r in rows) if i is not None]

    def selected_references(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        found = (self.cases.summary(r) for r in rows)
        return [s.reference for s in found if s is not None]

    def select_case(self, case_id: int, look_ahead: int = 5) -> bool:
        """Select (and scroll to) a case; False when the list does not hold it."""
        row = self.cases.row_of(case_id, look_ahead)
        if row is None:
            return False
        index = self.cases.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def keep_place_once(self) -> None:
        """After the user's own change (assign, close): when the next refresh drops the
        selected case from this list, select the case that takes its place, so keyboard
        triage goes on. (A colleague's change that drops it leaves nothing selected.)"""
        self._next_on_leave = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # a screenful of summaries per read: a view switch paints after one read of the rows
        # it shows (50 rows' summaries cost ~1 ms more than the 30 a window shows)
        row_height = max(1, self.verticalHeader().defaultSectionSize())
        self.cases.fill_rows = max(16, self.viewport().height() // row_height + 2)
        if self.auto_fit:  # off once the user's own column widths were restored
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width so every column shows without scrolling sideways where it can.

        Fixed columns keep their width; the others shrink from their preferred towards their
        minimum width together (text is elided); a wide window gives the subject the rest.
        """
        header = self.horizontalHeader()
        title = str(self.cases.headerData(MESSAGES_COLUMN, Qt.Orientation.Horizontal) or "")
        self._fixed[MESSAGES_COLUMN] = header.fontMetrics().horizontalAdvance(title) + 16
        room = self.viewport().width() - sum(self._fixed.values())
        others = {c: pm for c, pm in _FLEXIBLE.items() if c != 1}
        subject_least = min(SUBJECT_MIN, _FLEXIBLE[1][0])
        preferred = sum(p for p, _ in others.values())
        least = sum(m for _, m in others.values())
        left = room - subject_least  # what the other columns may take, the subject first
        share = 1.0 if preferred == least else (left - least) / (preferred - least)
        share = min(max(share, 0.0), 1.0)
        widths = {c: int(m + (p - m) * share) for c, (p, m) in others.items()}
        if left < least:  # even their minimum does not fit: they elide further, together
            scale = max(left, 0) / least
            widths = {c: max(_NARROWEST, int(w * scale)) for c, w in widths.items()}
        widths[1] = max(subject_least, room - sum(widths.values()))
        widths.update(self._fixed)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _show_sort(self) -> None:
        header = self.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != \
                self.cases.sort_column():
            header.blockSignals(True)
            header.setSortIndicator(*self.cases.sort_column())
            header.blockSignals(False)

    def _remember_selection(self) -> None:
        self._keep = self.selected_case_id()
        self._keep_row = self.currentIndex().row()

    def _restore_selection(self) -> None:
        keep, self._keep = self._keep, None
        same_list, self._shown_query = self.cases.query == self._shown_query, self.cases.query
        own_change, self._next_on_leave = self._next_on_leave, False
        # only among the rows loaded again: a case that left the list is not hunted for
        if keep is not None and self.select_case(keep, look_ahead=0):
            return
        if keep is not None and own_change and same_list and self.cases.rowCount():
            # the same list without the case (assigned away from "Nieuw", closed): the case
            # that took its place is next, so keyboard triage goes on
            row = min(self._keep_row, self.cases.rowCount() - 1)
            self.setCurrentIndex(self.cases.index(row, 0))
            self._announce(self.cases.case_id(row))
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
