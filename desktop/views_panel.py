"""The list of saved views on the left (open, new, in progress, ...), each with its count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from inbox.model import Status
from inbox.services import CaseQuery, Loket

Index = QModelIndex | QPersistentModelIndex

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

OPEN = tuple(s.value for s in Status if s is not Status.AFGEROND)


@dataclass(frozen=True)
class View:
    key: str
    title: str  # English source, marked for lupdate
    statuses: tuple[str, ...]

    def query(self, text: str = "") -> CaseQuery:
        return CaseQuery(statuses=self.statuses, text=text)


VIEWS = (
    View("open", str(QT_TRANSLATE_NOOP("ViewsModel", "All open cases")), OPEN),
    View("nieuw", str(QT_TRANSLATE_NOOP("ViewsModel", "New")), (Status.NIEUW.value,)),
    View(
        "in_behandeling",
        str(QT_TRANSLATE_NOOP("ViewsModel", "In progress")),
        (Status.IN_BEHANDELING.value,),
    ),
    View(
        "wacht_op_inwoner",
        str(QT_TRANSLATE_NOOP("ViewsModel", "Waiting for resident")),
        (Status.WACHT_OP_INWONER.value,),
    ),
    View("afgerond", str(QT_TRANSLATE_NOOP("ViewsModel", "Closed")), (Status.AFGEROND.value,)),
    View("all", str(QT_TRANSLATE_NOOP("ViewsModel", "All")), ()),
)


class ViewsModel(QAbstractListModel):
    """The fixed views with their case counts (counted in SQL)."""

    def __init__(self, loket: Loket, parent: QObject | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self.loket = loket
        self._counts = [0] * len(VIEWS)
        if load:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        self._counts = [self.loket.count_cases(v.query()) for v in VIEWS]
        if VIEWS:
            self.dataChanged.emit(self.index(0), self.index(len(VIEWS) - 1))

    def count(self, key: str) -> int:
        return self._counts[self.row_of(key)]

    @staticmethod
    def row_of(key: str) -> int:
        return next(i for i, v in enumerate(VIEWS) if v.key == key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(VIEWS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(VIEWS):
            return None
        view, count = VIEWS[index.row()], self._counts[index.row()]
        title = QCoreApplication.translate("ViewsModel", view.title)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{title} ({count})"
        if role == COUNT_ROLE:
            return count
        if role == KEY_ROLE:
            return view.key
        return None


class _CountDelegate(QStyledItemDelegate):
    """Draws the view's name on the left and its count right-aligned."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.PlaceholderText
        if selected:
            role = QPalette.ColorRole.HighlightedText
        painter.setPen(option.palette.color(role))
        rect: QRect = option.rect.adjusted(0, 0, -10, 0)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(count))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 28))


class ViewsPanel(QListView):
    """Emits `view_chosen(key)` when the user picks another view."""

    view_chosen = Signal(str)

    def __init__(self, loket: Loket, parent: QWidget | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self.views = ViewsModel(loket, self, load=load)
        self.setModel(self.views)
        self.setItemDelegate(_CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Views"))
        self.setCurrentIndex(self.views.index(0))
        self.selectionModel().currentChanged.connect(self._current_changed)

    def current_view(self) -> View:
        row = self.currentIndex().row()
        return VIEWS[row if 0 <= row < len(VIEWS) else 0]

    def choose(self, key: str) -> None:
        """Select a view by key (emits view_chosen when it changes)."""
        self.setCurrentIndex(self.views.index(ViewsModel.row_of(key)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.view_chosen.emit(VIEWS[current.row()].key)
