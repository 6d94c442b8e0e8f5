"""The views on the left (Nieuw, Mijn zaken, Team, ..., per kanaal, saved searches), each with a
live count. Counts are made on the database worker, so a large database never stalls the list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
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
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.labels import channel_label
from inbox import clock, deadlines, workspace
from inbox.errors import LoketError, StorageError
from inbox.model import Status
from inbox.services import CaseQuery, Loket

Index = QModelIndex | QPersistentModelIndex

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3

OPEN = tuple(s.value for s in Status if s is not Status.AFGEROND)

# counts run through this: (work on a Loket, on_done) -> None; default: at once on the GUI thread
CountRunner = Callable[[Callable[[Loket], Any], Callable[[Any], None]], None]


@dataclass(frozen=True)
class View:
    key: str
    title: str  # English source, marked for lupdate (translated), or a name as it is
    statuses: tuple[str, ...] = ()
    channel: str | None = None
    mine: bool = False
    text: str = ""  # a saved search's words
    translate: bool = True
    header: bool = False  # a section title, not a view
    worklist: str = ""  # a view of inbox.deadlines.VIEWS: "vandaag", "te_laat", "terugbellen"

    def query(self, text: str = "", user_id: int | None = None,
              now: datetime | None = None) -> CaseQuery:
        words = " ".join(w for w in (self.text, text) if w)
        if self.worklist:
            found = deadlines.view_query(self.worklist, now or clock.now())
            return replace(found, text=words)
        return CaseQuery(statuses=self.statuses, channel=self.channel, text=words,
                         assignee_id=(user_id if user_id is not None else -1) if self.mine
                         else None)


FIXED = (
    View("nieuw", str(QT_TRANSLATE_NOOP("ViewsModel", "New")), (Status.NIEUW.value,)),
    View("mine", str(QT_TRANSLATE_NOOP("ViewsModel", "My cases")), OPEN, mine=True),
    # the day's worklist (inbox/deadlines.py): due today, overdue, call-backs, handed over
    View("vandaag", str(QT_TRANSLATE_NOOP("ViewsModel", "Due today")), worklist="vandaag"),
    View("te_laat", str(QT_TRANSLATE_NOOP("ViewsModel", "Overdue")), worklist="te_laat"),
    View("terugbellen", str(QT_TRANSLATE_NOOP("ViewsModel", "Call back")),
         worklist="terugbellen"),
    View("bij_vakafdeling", str(QT_TRANSLATE_NOOP("ViewsModel", "At a department")),
         (Status.BIJ_VAKAFDELING.value,)),
    View("open", str(QT_TRANSLATE_NOOP("ViewsModel", "Team (all open)")), OPEN),
    View(
        "wacht_op_inwoner",
        str(QT_TRANSLATE_NOOP("ViewsModel", "Waiting for resident")),
        (Status.WACHT_OP_INWONER.value,),
    ),
    View("afgerond", str(QT_TRANSLATE_NOOP("ViewsModel", "Closed")), (Status.AFGEROND.value,)),
    View("all", str(QT_TRANSLATE_NOOP("ViewsModel", "All")), ()),
)
CHANNELS_HEADER = str(QT_TRANSLATE_NOOP("ViewsModel", "Open by channel"))
SAVED_HEADER = str(QT_TRANSLATE_NOOP("ViewsModel", "Saved searches"))
VIEWS = FIXED  # the views every window has (tests and the benchmark use them)


def _at_once(work: Callable[[Loket], Any], done: Callable[[Any], None], loket: Loket) -> None:
    done(work(loket))


class ViewsModel(QAbstractListModel):
    """The views with their case counts (counted in SQL, on the runner when one is given)."""

    def __init__(self, loket: Loket, parent: QObject | None = None, load: bool = True,
                 runner: CountRunner | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self._run: CountRunner = runner or (lambda work, done: _at_once(work, done, loket))
        self._user_id = loket.user_id(loket.user)
        self._views: list[View] = list(FIXED)
        self._counts: list[int | None] = [None] * len(self._views)
        self._generation = 0
        if load:
            self.reload()

    @property
    def views(self) -> list[View]:
        return list(self._views)

    def query_of(self, view: View, text: str = "") -> CaseQuery:
        return view.query(text, self._user_id, self.loket.now())

    def reload(self) -> None:
        """Re-read the per-channel and saved views, then the counts."""
        try:
            channels = workspace.channels_in_use(self.loket)
            saved = workspace.saved_searches(self.loket)
            deadlines.fill(self.loket)  # an older database's open cases get their due moment
        except (LoketError, StorageError):
            channels, saved = [], []
        views = list(FIXED)
        if channels:
            views.append(View("h:channels", CHANNELS_HEADER, header=True))
            views += [View(f"channel:{c}", channel_label(c), OPEN, channel=c, translate=False)
                      for c in channels]
        if saved:
            views.append(View("h:saved", SAVED_HEADER, header=True))
            views += [View(f"saved:{s.name}", s.name, s.statuses, s.channel, text=s.text,
                           translate=False) for s in saved]
        if [v.key for v in views] != [v.key for v in self._views] or views != self._views:
            self.beginResetModel()
            self._views = views
            self._counts = [None] * len(views)
            self.endResetModel()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Count every view again; a later call's counts win over an earlier one's."""
        self._generation += 1
        generation = self._generation
        queries = [(i, self.query_of(v)) for i, v in enumerate(self._views) if not v.header]

        def work(loket: Loket) -> list[tuple[int, int]]:
            return [(i, loket.count_cases(q)) for i, q in queries]

        def done(counts: list[tuple[int, int]]) -> None:
            if generation != self._generation:
                return
            for i, n in counts:
                if i < len(self._counts):
                    self._counts[i] = n
            if self._views:
                self.dataChanged.emit(self.index(0), self.index(len(self._views) - 1),
                                      [COUNT_ROLE, Qt.ItemDataRole.AccessibleTextRole])

        self._run(work, done)

    def count(self, key: str) -> int:
        row = self.row_of(key)
        return (self._counts[row] or 0) if row is not None else 0

    def row_of(self, key: str) -> int | None:
        return next((i for i, v in enumerate(self._views) if v.key == key), None)

    def view(self, row: int) -> View | None:
        return self._views[row] if 0 <= row < len(self._views) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._views)

    def flags(self, index: Index) -> Qt.ItemFlag:
        view = self.view(index.row()) if index.isValid() else None
        if view is None:
            return Qt.ItemFlag.NoItemFlags
        if view.header:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.view(index.row()) if index.isValid() else None
        if view is None:
            return None
        title = (QCoreApplication.translate("ViewsModel", view.title) if view.translate
                 else view.title)
        count = self._counts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return title if view.header or count is None else f"{title} ({count})"
        if role == COUNT_ROLE:
            return None if view.header else count
        if role == KEY_ROLE:
            return view.key
        if role == HEADER_ROLE:
            return view.header
        if role == Qt.ItemDataRole.FontRole and view.header:
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(max(font.pointSizeF() - 1, 7))
            return font
        return None


class _CountDelegate(QStyledItemDelegate):
    """Draws the view's name on the left and its count right-aligned."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(HEADER_ROLE):
            option.state &= ~QStyle.StateFlag.State_MouseOver
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
                         f"{count:,}".replace(",", "."))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 26 if index.data(HEADER_ROLE) else 28))


class ViewsPanel(QListView):
    """Emits `view_chosen(key)` when the user picks another view."""

    view_chosen = Signal(str)

    def __init__(self, loket: Loket, parent: QWidget | None = None, load: bool = True,
                 runner: CountRunner | None = None) -> None:
        super().__init__(parent)
        self.views = ViewsModel(loket, self, load=load, runner=runner)
        self.setModel(self.views)
        self.setItemDelegate(_CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Views"))
        self._key = "open"
        self.setCurrentIndex(self.views.index(self.views.row_of("open") or 0))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.views.modelReset.connect(self._restore)

    def current_view(self) -> View:
        row = self.views.row_of(self._key)
        return self.views.view(row) if row is not None else FIXED[2]  # type: ignore[return-value]

    def current_query(self, text: str = "") -> CaseQuery:
        return self.views.query_of(self.current_view(), text)

    def choose(self, key: str) -> None:
        """Select a view by key (emits view_chosen when it changes)."""
        row = self.views.row_of(key)
        if row is not None:
            self.setCurrentIndex(self.views.index(row))

    def _restore(self) -> None:
        row = self.views.row_of(self._key)
        if row is None:  # a saved search was deleted: back to the team's open cases
            self._key = "open"
            row = self.views.row_of("open")
            self.setCurrentIndex(self.views.index(row or 0))
            self.view_chosen.emit(self._key)
            return
        self.setCurrentIndex(self.views.index(row))  # same key: nothing is emitted

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.views.view(current.row()) if current.isValid() else None
        if view is not None and not view.header and view.key != self._key:
            self._key = view.key
            self.view_chosen.emit(view.key)
