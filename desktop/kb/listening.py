"""Luisteren: the public Mastodon posts heard for the watched hashtags and keywords, beside the
trends. They are not cases; "Zaak maken" makes an ordinary Mastodon case of one (once)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import local_time
from desktop.kb.views import RowsModel, _table
from desktop.tasks import TaskRunner
from inbox.channels import listening
from inbox.channels.listening import Post, PostCase
from inbox.errors import LoketError, StorageError
from inbox.privacy.roles import Permission

log = logging.getLogger("loket.desktop.kb")


class ListeningDialog(QDialog):
    """The heard posts, newest first; `case_made(reference)` after a case was made of one."""

    case_made = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.loket = runner.loket
        self.posts: list[Post] = []
        self.setWindowTitle(self.tr("Listening on Mastodon"))
        intro = QLabel(self.tr(
            "Public posts with a hashtag or keyword the team listens for. They are no cases: "
            "they count in the trends, and are removed after the listening period."), self)
        intro.setWordWrap(True)
        intro.setEnabled(False)
        self.model = RowsModel([("when", self.tr("Written")), ("author", self.tr("By")),
                                ("terms", self.tr("Found by")), ("case", self.tr("Case")),
                                ("text", self.tr("Post"))], self)
        self.view = _table(self.model, self)
        self.view.setAccessibleName(self.tr("Heard posts"))
        self.view.setWordWrap(False)
        for column, width in enumerate((125, 210, 150, 115)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.view.doubleClicked.connect(lambda _i: self.make_case())
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text of the post"))
        self.text.setMaximumHeight(120)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.make = QPushButton(self.tr("&Make a case"), self)
        self.make.clicked.connect(self.make_case)
        self.browser = QPushButton(self.tr("&Open on Mastodon"), self)
        self.browser.clicked.connect(self.open_in_browser)
        self.reload_button = QPushButton(self.tr("&Refresh"), self)
        self.reload_button.clicked.connect(self.reload)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.make, self.browser, self.reload_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.text)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(980, 560)
        self.reload()

    def reload(self) -> None:
        try:
            self.posts = listening.posts(self.loket)
        except (LoketError, StorageError) as exc:
            self.posts = []
            self.message.setText(str(exc))
        self.model.set_rows([
            {"when": local_time(p.created_at), "author": f"{p.name} (@{p.author})",
             "terms": ", ".join(p.terms), "case": p.case or "",
             "text": " ".join(p.text.split())[:200]}
            for p in self.posts
        ])
        if not self.posts and not self.message.text():
            self.message.setText(self.tr(
                "Nothing heard yet. The beheerder chooses the hashtags and keywords under "
                "Mastodon accounts."))
        if self.posts:
            self.view.selectRow(0)
        self._selected()

    def current(self) -> Post | None:
        rows = self.view.selectionModel().selectedRows()
        return self.posts[rows[0].row()] if rows and rows[0].row() < len(self.posts) else None

    def _selected(self) -> None:
        post = self.current()
        self.text.setPlainText(post.text if post else "")
        self.make.setEnabled(post is not None and post.case is None
                             and self.loket.may(Permission.WORK_CASES))
        self.browser.setEnabled(post is not None and bool(post.url))

    def make_case(self) -> None:
        post = self.current()
        if post is None or post.case is not None:
            return
        post_id = post.id

        def work(loket: Any) -> PostCase:
            return listening.post_to_case(loket, post_id)

        def done(made: PostCase) -> None:
            self.reload()
            self.message.setText(self.tr("Case %1 made of the post.").replace("%1", made.reference)
                                 if made.new_case else
                                 self.tr("The post is in case %1.").replace("%1", made.reference))
            self.case_made.emit(made.reference)

        self.make.setEnabled(False)
        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._selected()
        if isinstance(exc, LoketError | StorageError):
            self.message.setText(str(exc))
        else:
            log.error("making a case of a post failed", exc_info=exc)
            self.message.setText(self.tr("This did not work because of an error in Loket; "
                                         "see the log."))

    def open_in_browser(self) -> None:
        post = self.current()
        if post is not None and post.url.startswith("https://"):
            QDesktopServices.openUrl(QUrl(post.url))
