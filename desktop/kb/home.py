"""The kennisbank in the home window of roles that do not work cases: a search page for those
who may read it (with the health page for its owners), and the trends with the kennisbank's
use for the teamleider."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import text_field
from desktop.kb import open_health
from desktop.kb.search import HitsModel
from desktop.tasks import TaskRunner
from inbox import acts
from inbox.errors import LoketError, StorageError
from inbox.kb import search
from inbox.kb.search import Hit
from inbox.privacy.roles import Permission


class KbPage(QWidget):
    """Search the kennisbank as you type and read an article whole (placeholders shown as they
    are); its owners open the health page from here."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.loket = runner.loket
        self.field = text_field(self, self.tr("Search the kennisbank…"),
                                self.tr("Search the kennisbank"))
        self.field.setClearButtonEnabled(True)
        self.model = HitsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Articles found"))
        self.article = QPlainTextEdit(self)
        self.article.setReadOnly(True)
        self.article.setAccessibleName(self.tr("The article"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addWidget(self.results, 2)
        columns.addWidget(self.article, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        if self.loket.may(Permission.KB_EDIT):
            self.health = QPushButton(self.tr("&Health and use…"), self)
            self.health.clicked.connect(lambda: open_health(self, runner))
            buttons = QHBoxLayout()
            buttons.addWidget(self.health)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        self.field.textChanged.connect(self.update_results)
        self.results.selectionModel().currentChanged.connect(lambda *_: self._show())

    def update_results(self, text: str) -> None:
        hits: list[Hit] = []
        self.message.clear()
        if text.strip():
            try:
                hits = search.search(self.loket, text, limit=20, typing=True)
            except (LoketError, StorageError) as exc:
                self.message.setText(str(exc))
            if not hits and not self.message.text():
                self.message.setText(self.tr("Nothing found."))
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._show()

    def current(self) -> Hit | None:
        return self.model.hit(self.results.currentIndex())

    def _show(self) -> None:
        hit = self.current()
        if hit is None:
            self.article.clear()
            return
        a = hit.article
        lines = [a.title, ""]
        lines += [f"• {q}" for q in a.questions]
        lines += ["", a.answer, ""]
        for label, value in ((self.tr("Product"), a.product), (self.tr("Web page"), a.link),
                             (self.tr("Department"), a.department), (self.tr("Owner"), a.owner),
                             (self.tr("Review on"), a.review_on or ""),
                             (self.tr("Status"), a.status.value)):
            if value:
                lines.append(f"{label}: {value}")
        self.article.setPlainText("\n".join(lines))


class TrendsPage(QWidget):
    """The trends (counts only) in a tab, and the kennisbank's use."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.kb.views import TrendsDialog

        self.trends = TrendsDialog(runner, self)
        self.trends.setWindowFlags(Qt.WindowType.Widget)  # a page here, not a window
        for box in self.trends.findChildren(QDialogButtonBox):
            box.hide()  # nothing to close
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.trends, 1)
        if runner.loket.may(acts.KB_USAGE.permission):
            self.usage = QPushButton(self.tr("Use of the &kennisbank…"), self)
            self.usage.clicked.connect(lambda: open_health(self, runner))
            buttons = QHBoxLayout()
            buttons.setContentsMargins(9, 0, 9, 9)
            buttons.addWidget(self.usage)
            buttons.addStretch(1)
            layout.addLayout(buttons)
