"""The case list as a table model over case ids; rows are fetched lazily, sorted in SQL."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.formatting import local_time
from desktop.labels import channel_label, status_label
from desktop.plain import tip
from inbox import clock
from inbox.model import CaseSummary
from inbox.services import CaseQuery, Loket

Index = QModelIndex | QPersistentModelIndex

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str  # English source, marked for lupdate; translated in headerData
    sort_key: str | None  # a key of storage.queries.SORTS, None: not sortable in SQL


COLUMNS = (
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Case")), "reference"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Subject")), "subject"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Resident")), "contact"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Channel")), "channel"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Status")), "status"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Handled by")), "assignee"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Last message")), "last_message_at"),
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Messages")), None),
    # "antwoord uiterlijk" (inbox/deadlines.py); in the call-back view: when to call back
    Column(str(QT_TRANSLATE_NOOP("CaseTableModel", "Answer by")), "due_at"),
)
LAST_MESSAGE_COLUMN = 6
MESSAGES_COLUMN = 7
DUE_COLUMN = 8
CALL_BACK_TITLE = str(QT_TRANSLATE_NOOP("CaseTableModel", "Call back by"))
WORKLIST_SORTS = frozenset({"due_at", "callback_due"})  # the worklist views' own order

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CASE_ID = int(CASE_ID_ROLE)
_REFERENCE = int(REFERENCE_ROLE)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _CASE_ID, _REFERENCE, _FOREGROUND, _DECORATION})
_LATE = QColor(200, 30, 30)  # an overdue answer or call-back
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


FILL_ROWS = 50  # summaries are read this many rows at a time, until a view says how many it shows


# How the list's count is run: `counter(work, done)` calls done(work(loket)), at once or later
# (the window's worker thread: TaskRunner.run); None: at once, on this thread.
Counter = Callable[[Callable[[Loket], int], Callable[[int], None]], None]


class CaseTableModel(QAbstractTableModel):
    """Holds the ordered ids of a CaseQuery; shows `page_size` more rows per fetchMore.

    Summaries come from `loket.case_summaries(ids)` a page at a time and are kept in a small
    LRU cache, so a list of 100,000 cases costs one id query and a few pages of rows. With a
    `counter` (the window's worker), the list's count runs beside its first page: the rows show
    without waiting for it, and `refreshed` comes again once it is known (`counted()`).
    """

    refreshed = Signal()

    def __init__(
        self,
        loket: Loket,
        query: CaseQuery | None = None,
        *,
        page_size: int = 200,
        cache_size: int = 2000,
        load: bool = True,
        counter: Counter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loket = loket
        self.page_size = page_size
        self.cache_size = max(cache_size, page_size)
        self._counter = counter
        self._query = query or CaseQuery()
        self._ids: list[int] = []  # the loaded part of the ordered list
        self._total = 0
        self._counted = True  # whether _total is the count, not a guess from the ids so far
        self._generation = 0  # a count for an older load is dropped
        self._shown = 0
        self._cache: OrderedDict[int, CaseSummary] = OrderedDict()
        self._rendered: dict[int, tuple[str | int, ...]] = {}  # display texts per cached case
        self._now = ""  # UTC text: what is due before it shows red
        # rows whose summaries one read fetches: the view sets it to a screenful (CaseTable),
        # so the first paint after a view switch reads what it shows and no more
        self.fill_rows = FILL_ROWS
        if load:  # the window loads after its first paint, so it shows at once
            self._load(self.page_size)

    # -- what it shows -------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    def total(self) -> int:
        """All cases the query matches, loaded or not (while not `counted()`: the rows loaded,
        plus one when there may be more)."""
        return self._total

    def counted(self) -> bool:
        return self._counted

    def set_query(self, query: CaseQuery, total: int | None = None) -> None:
        """Show another filter, keeping the current sort (a worklist view comes in its own
        order, earliest due first, and leaving one goes back to the view's own order).
        `total`: its count, when already known (the views panel's), so the list does not
        count again."""
        if query.sort not in WORKLIST_SORTS and self._query.sort not in WORKLIST_SORTS:
            query = replace(query, sort=self._query.sort, descending=self._query.descending)
        self._query = query
        self._load(self.page_size, total)

    def refresh(self, keep_rows: bool = True) -> None:
        """Re-run the query (after a change); keeps as many rows loaded as before."""
        self._load(max(self._shown, self.page_size) if keep_rows else self.page_size)

    def update_cases(self, case_ids: Collection[int]) -> None:
        """Show what an act changed in `case_ids` (its `Changes.cases`): when the list still
        holds the same cases in the same order, only their rows are read again, in place, and
        the view keeps its selection and scroll position; when the change moved a case into,
        out of or within the list (a status view, the sort), the list is read again."""
        if not case_ids:
            return
        ids = self.loket.case_ids(self._query, limit=max(self._shown, self.page_size))
        total = self.loket.count_cases(self._query)
        if total != self._total or ids[: self._shown] != self._ids:
            self.refresh()
            return
        rows = []
        for case_id in case_ids:
            self._cache.pop(case_id, None)
            self._rendered.pop(case_id, None)
            if case_id in self._ids:
                rows.append(self._ids.index(case_id))
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(COLUMNS) - 1))
        self.refreshed.emit()

    def _load(self, rows: int, total: int | None = None) -> None:
        """Load the ids of the first `rows` matches (SQL pages them) and count them all
        (unless `total` is known)."""
        self._generation += 1
        generation = self._generation
        query = self._query
        self.beginResetModel()
        self._now = clock.iso(self.loket.now())
        self._ids = self.loket.case_ids(query, limit=rows)
        self._shown = len(self._ids)
        # until counted: what is loaded, and one more when the page was full
        self._total = self._shown + (1 if self._shown >= rows else 0)
        self._counted = False
        self._cache.clear()
        self._rendered.clear()
        if total is not None:
            self._set_total(generation, total)
        elif self._counter is None:
            self._set_total(generation, self.loket.count_cases(query))
        self.endResetModel()
        self.refreshed.emit()
        if not self._counted and self._counter is not None:
            self._counter(lambda loket: int(loket.count_cases(query)),
                          lambda n: self._counted_later(generation, n))

    def _set_total(self, generation: int, count: int) -> bool:
        if generation != self._generation:
            return False  # the list was loaded again meanwhile
        self._total = max(count, self._shown)  # (rows that arrived since the ids were read)
        self._counted = True
        return True

    def _counted_later(self, generation: int, count: int) -> None:
        if self._set_total(generation, count):
            self.refreshed.emit()

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, case_id: int, look_ahead: int = 5) -> int | None:
        """The row showing `case_id`; up to `look_ahead` more pages are loaded to find it."""
        for _ in range(look_ahead + 1):
            try:
                return self._ids.index(case_id)
            except ValueError:
                if not self.canFetchMore(QModelIndex()):
                    return None
                self.fetchMore(QModelIndex())
        return None

    def summary(self, row: int) -> CaseSummary | None:
        case_id = self.case_id(row)
        if case_id is None:
            return None
        found = self._cache.get(case_id)
        if found is None:
            self._fill_cache(row)
            found = self._cache.get(case_id)
        else:
            self._cache.move_to_end(case_id)
        return found

    def _fill_cache(self, row: int) -> None:
        """Summaries for the rows around `row`: about a screenful, not the whole loaded page."""
        start = row - row % self.fill_rows
        ids = self._ids[start : min(start + self.fill_rows, self._shown)]
        for summary in self.loket.case_summaries(ids):
            self._cache[summary.id] = summary
            self._cache.move_to_end(summary.id)
        while len(self._cache) > self.cache_size:
            gone, _ = self._cache.popitem(last=False)
            self._rendered.pop(gone, None)

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        page = self.loket.case_ids(self._query, limit=self.page_size, offset=len(self._ids))
        known = set(self._ids)
        more = [i for i in page if i not in known]  # mail that arrived may shift the pages
        if not more:
            self._total = len(self._ids)  # the list got shorter since it was counted
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + len(more) - 1)
        self._ids.extend(more)
        self._shown = len(self._ids)
        if not self._counted:
            self._total = self._shown + (1 if len(page) >= self.page_size else 0)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = COLUMNS[section].title
            if section == DUE_COLUMN and self._query.callbacks:
                title = CALL_BACK_TITLE
            return QCoreApplication.translate("CaseTableModel", title)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == MESSAGES_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # called for every role of every visible cell on each paint: plain ints, early exits
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        if role == _CASE_ID:
            return self.case_id(row)
        if role == _ALIGN:
            return _RIGHT if column == MESSAGES_COLUMN else None
        if role == _FOREGROUND:
            return _LATE if column == DUE_COLUMN and self._late(row) else None
        if role == _DECORATION:  # a lock on a vertrouwelijk case (only its handler sees it)
            return _lock() if column == 1 and self._is_confidential(row) else None
        cells = self._cells(row)
        if cells is None:
            return None
        if role == _DISPLAY:
            return cells[column]
        if role == _REFERENCE:
            return cells[0]
        if column == DUE_COLUMN:  # tooltip: the whole date
            case = self.summary(row)
            return local_time(_due(case, self._query.callbacks)) if case else None
        if column == 1 and self._is_confidential(row):
            return tip(QCoreApplication.translate(
                "CaseTableModel", "Vertrouwelijk (only you see this case): %1").replace(
                "%1", str(cells[1])))
        return tip(str(cells[1])) if column == 1 else None  # tooltip: the whole subject

    def _is_confidential(self, row: int) -> bool:
        case = self.summary(row)
        return case is not None and case.confidential

    def _cells(self, row: int) -> tuple[str | int, ...] | None:
        case = self.summary(row)
        if case is None:
            return None
        cells = self._rendered.get(case.id)
        if cells is None:
            cells = tuple(_cell(case, c, self._query.callbacks) for c in range(len(COLUMNS)))
            self._rendered[case.id] = cells
        return cells

    def _late(self, row: int) -> bool:
        """Whether the row's due moment (or call-back) has passed."""
        case = self.summary(row)
        if case is None:
            return False
        due = _due(case, self._query.callbacks)
        return bool(due) and str(due) < self._now

    # flags(): QAbstractTableModel's own (enabled, selectable, no children) is what the list
    # needs, and without a Python override Qt asks no Python code for it on every paint

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; columns SQL cannot sort by are left as they are."""
        key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        if key == "due_at" and self._query.callbacks:
            key = "callback_due"
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self._query = replace(self._query, sort=key, descending=descending)
        self.refresh()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the list is sorted by now (for the header's indicator)."""
        if self._query.sort == "callback_due":
            return DUE_COLUMN, (Qt.SortOrder.DescendingOrder if self._query.descending
                                else Qt.SortOrder.AscendingOrder)
        for number, column in enumerate(COLUMNS):
            if column.sort_key == self._query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self._query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return number, order
        return LAST_MESSAGE_COLUMN, Qt.SortOrder.DescendingOrder


def _due(case: CaseSummary, callbacks: bool) -> str | None:
    if callbacks:
        return case.callback_due if case.callback_open else None
    return case.due_at if case.status.value != "afgerond" else None


def _lock() -> Any:
    from desktop.confidential import lock_icon

    return lock_icon()


def _cell(case: CaseSummary, column: int, callbacks: bool = False) -> str | int:
    if column == 0:
        return case.reference
    if column == 1:
        return case.subject
    if column == 2:
        return case.contact
    if column == 3:
        return channel_label(case.channel)
    if column == 4:
        return status_label(case.status)
    if column == 5:
        return case.assignee or ""
    if column == LAST_MESSAGE_COLUMN:
        return local_time(case.last_message_at)
    if column == DUE_COLUMN:  # short: day and time (the tooltip has the year)
        due = local_time(_due(case, callbacks))
        if due:
            due = due[:5] + due[10:]
        if due and callbacks and case.callback_window:
            due = due[:5] + " " + case.callback_window
        return due
    return case.messages
