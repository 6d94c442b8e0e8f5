"""Beside an open case: the three articles that best fit its messages, and the kennisbank
search (Ctrl+K). Clicking an article shows its answer; "Copy answer" puts it, filled in for
this case, on the clipboard (and counts the use)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.search import HitsModel, KbSearch, employee_name
from inbox.errors import LoketError, StorageError
from inbox.kb import articles, search
from inbox.kb.model import fill
from inbox.kb.search import Hit
from inbox.model import CaseDetail
from inbox.privacy.roles import Permission
from inbox.services import Loket

log = logging.getLogger("loket.desktop.kb")


class SuggestionsPanel(QWidget):
    """Suggested articles for the shown case; hidden for those who may not read them."""

    def __init__(self, loket: Loket | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.detail: CaseDetail | None = None
        self.title = QLabel(self.tr("Kennisbank suggestions"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = HitsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Suggested articles"))
        self.list.setMaximumHeight(90)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_answer())
        self.answer = QPlainTextEdit(self)
        self.answer.setReadOnly(True)
        self.answer.setAccessibleName(self.tr("Answer of the article"))
        self.copy = QPushButton(self.tr("&Copy answer"), self)
        self.copy.setEnabled(False)
        self.copy.clicked.connect(self.copy_answer)
        self.find = QPushButton(self.tr("Search… (Ctrl+K)"), self)
        self.find.clicked.connect(self.open_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        for widget in (self.title, self.list, self.answer, self.copy, self.find):
            layout.addWidget(widget)
        self.setMinimumWidth(240)
        self.setMaximumWidth(340)
        self.allowed = loket is not None and loket.may(Permission.KB_READ)
        if self.allowed and parent is not None:
            shortcut = QShortcut(QKeySequence("Ctrl+K"), parent)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.open_search)
        self.setVisible(False)

    def show_case(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        hits: list[Hit] = []
        if self.allowed and self.loket is not None and detail is not None:
            try:
                hits = search.suggest(self.loket, detail.summary.reference)
            except (LoketError, StorageError) as exc:
                log.info("no suggestions: %s", type(exc).__name__)
        self.model.set_hits(hits)
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_answer()
        self.setVisible(self.allowed and detail is not None)

    def current(self) -> Hit | None:
        return self.model.hit(self.list.currentIndex())

    def _show_answer(self) -> None:
        hit = self.current()
        self.answer.setPlainText(self.filled(hit) if hit else "")
        self.copy.setEnabled(hit is not None)

    def filled(self, hit: Hit) -> str:
        detail = self.detail
        return fill(
            hit.article.answer,
            name=detail.summary.contact if detail else "",
            reference=detail.summary.reference if detail else "",
            employee=employee_name(self.loket) if self.loket is not None else "",
            today=date.today(),
        )

    def copy_answer(self) -> None:
        hit = self.current()
        if hit is None or self.loket is None:
            return
        QGuiApplication.clipboard().setText(self.filled(hit))
        try:
            articles.record_use(self.loket, hit.article.uid, "klembord")
        except (LoketError, StorageError):
            log.info("use not counted")

    def open_search(self) -> KbSearch | None:
        if not self.allowed or self.loket is None:
            return None
        popup = KbSearch(self.loket, self.window())
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.chosen.connect(self._chosen)
        popup.open()
        return popup

    def _chosen(self, hit: Hit) -> None:
        others = [h for h in self.model.hits if h.article.uid != hit.article.uid]
        self.model.set_hits([hit, *others])
        self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_answer()
        self.setVisible(True)
