"""The kennisbank at hand: Ctrl+K opens a search over the articles, results as you type, and
Enter inserts the chosen answer (placeholders filled) at the cursor of a reply or a phone note.

The insertion is one undoable edit of the text field; the use is counted (kb.use). A search
that found nothing when the popup closes is remembered, stripped of personal data, for the
kennisbank's health page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import steer_list, text_field
from desktop.plain import tip
from desktop.tasks import TaskRunner
from inbox.errors import LoketError, StorageError
from inbox.kb import articles, search
from inbox.kb.model import fill
from inbox.kb.search import Hit
from inbox.services import Loket

log = logging.getLogger("loket.desktop.kb")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FillContext:
    """What the placeholders of an answer become where it is inserted."""

    name: str = ""
    reference: str = ""
    employee: str = ""


def employee_name(loket: Loket) -> str:
    me = next((u for u in loket.users() if u["name"] == loket.user), None)
    return str(me["display_name"]) if me else ""


class HitsModel(QAbstractListModel):
    """The articles found, best first: title (and product) per row, the Hit as UserRole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            product = f"  ·  {hit.article.product}" if hit.article.product else ""
            return hit.article.title + product
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(hit.article.answer[:400])
        if role == Qt.ItemDataRole.UserRole:
            return hit
        return None

    def hit(self, index: Index) -> Hit | None:
        """The article found at `index` of a view on this model (None: no row there)."""
        row = index.row()
        return self.hits[row] if index.isValid() and 0 <= row < len(self.hits) else None


class KbSearch(QDialog):
    """The search popup. `chosen(Hit)` when Enter (or a double click) picks an article."""

    chosen = Signal(object)

    def __init__(self, loket: Loket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.picked = False
        self.setWindowTitle(self.tr("Kennisbank"))
        self.field = text_field(self, self.tr("Search the kennisbank…"),
                                self.tr("Search the kennisbank"))
        self.model = HitsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Articles found"))
        self.results.doubleClicked.connect(lambda _index: self.pick())
        self.preview = QLabel(self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setEnabled(False)
        self.hint = QLabel(self.tr("↑↓ choose · Enter inserts the answer · Esc closes"), self)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self.update_results)
        self.field.installEventFilter(self)
        self.results.selectionModel().currentChanged.connect(lambda *_: self._show_preview())
        self.resize(520, 380)
        self.field.setFocus()

    def update_results(self, text: str) -> None:
        """Search as the person types (the last word counts as unfinished)."""
        hits: list[Hit] = []
        if text.strip():
            try:
                hits = search.search(self.loket, text, limit=10, typing=True)
            except (LoketError, StorageError) as exc:
                self.preview.setText(str(exc))
                self.model.set_hits([])
                return
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._show_preview()

    def _show_preview(self) -> None:
        hit = self.current()
        self.preview.setText(hit.article.answer[:300] if hit else (
            self.tr("Nothing found.") if self.field.text().strip() else ""))

    def current(self) -> Hit | None:
        return self.model.hit(self.results.currentIndex())

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if watched is self.field and steer_list(event, self._move, self.pick):
            return True
        return bool(super().eventFilter(watched, event))

    def _move(self, step: int) -> None:
        row = self.results.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(row, 0))

    def pick(self) -> None:
        hit = self.current()
        if hit is None:
            return
        self.picked = True
        self.chosen.emit(hit)
        self.accept()

    def done(self, result: int) -> None:
        query = self.field.text().strip()
        if not self.picked and query and not self.model.hits:
            try:
                search.record_miss(self.loket, query)
            except (LoketError, StorageError):
                log.info("a missed search was not remembered")
        super().done(result)


def insert_answer(target: QPlainTextEdit, hit: Hit, context: FillContext,
                  runner: TaskRunner | None, place: str) -> str:
    """Insert the filled answer at the cursor as one undoable edit, and count the use."""
    text = fill(hit.article.answer, name=context.name, reference=context.reference,
                employee=context.employee, today=date.today())
    cursor = target.textCursor()
    cursor.beginEditBlock()
    cursor.insertText(text)
    cursor.endEditBlock()
    target.setTextCursor(cursor)
    target.setFocus()
    uid = hit.article.uid
    if runner is not None:
        runner.run(lambda lk: articles.record_use(lk, uid, place),
                   on_error=lambda exc: log.info("use not counted: %s", type(exc).__name__))
    return text


class Attachment(QObject):
    """Ctrl+K in a dialog: opens the kennisbank; the chosen answer goes into `target`."""

    def __init__(self, dialog: QWidget, target: QPlainTextEdit, runner: TaskRunner,
                 context: Callable[[], FillContext], place: str) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.target = target
        self.runner = runner
        self.context = context
        self.place = place
        self.popup: KbSearch | None = None
        self.shortcut = QShortcut(QKeySequence("Ctrl+K"), dialog)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.open)
        # a text field takes Ctrl+K itself (delete to the end of the line on X11 and macOS)
        target.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if watched is self.target and isinstance(event, QKeyEvent) and \
                event.key() == Qt.Key.Key_K and \
                event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # deliver it as a key press, here
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.open()
                return True
        return bool(super().eventFilter(watched, event))

    def open(self) -> KbSearch:
        popup = KbSearch(self.runner.loket, self.dialog)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.chosen.connect(self._insert)
        popup.open()
        self.popup = popup
        return popup

    def _insert(self, hit: Hit) -> None:
        insert_answer(self.target, hit, self.context(), self.runner, self.place)


def attach(dialog: QWidget, target: QPlainTextEdit, runner: TaskRunner,
           context: Callable[[], FillContext], place: str) -> Attachment | None:
    """Give `dialog` the kennisbank on Ctrl+K (nothing for someone who may not read it)."""
    from inbox.privacy.roles import Permission

    if not runner.loket.may(Permission.KB_READ):
        return None
    target.setToolTip(target.toolTip() or QCoreApplication.translate(
        "KbSearch", "Ctrl+K: insert an answer from the kennisbank"))
    return Attachment(dialog, target, runner, context, place)
