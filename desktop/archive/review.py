"""The second pair of eyes on a destruction list, for the teamleider's window.

The archivaris proposes a list of cases whose term has passed; before the archivaris may approve
it, someone else checks it here: takes off the cases that must stay (a complaint, a Woo request
running) with a note, and passes the list on. The cases show as metadata only (reference,
product, Selectielijst result, dates): the reviewer needs no content, and gets none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.archive.lists import ListsPane, ask, failure_text, say
from desktop.tasks import TaskRunner
from inbox.archive import destruction


class DestructionReview(QWidget):
    """Lists waiting for review (and the ones done, for reference); review the chosen one."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("DestructionReview", "Destruction review")

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("DestructionReview")
        # a hook, so tests answer instead of a person
        self.confirm: Callable[[str], bool] = self._ask
        intro = QLabel(
            self.tr(
                "The archivist proposes which closed cases are destroyed now that their term "
                "has passed. Check a proposed list: select the cases that must be kept (with a "
                "reason below) and press Review. Only their reference, product and retention "
                "are shown."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.pane = ListsPane(runner, self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note or reason for taking cases off (optional)"))
        self.review_button = QPushButton(self.tr("&Review"), self)
        self.review_button.setToolTip(
            self.tr("The list goes back to the archivist for approval; selected cases are "
                    "taken off it")
        )
        self.review_button.clicked.connect(self.review)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote data
        self.message.setObjectName("ReviewMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pane, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.pane.chosen.connect(self._update)
        self.pane.failed.connect(lambda text: self.show_message(text, error=True))
        self._update()
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        def done(lists: list[Any]) -> None:
            waiting = [s for s in lists if s.state == "voorgesteld"]
            if select is None and self.pane.current_list_id() is None and waiting:
                self.pane.show_lists(lists, waiting[-1].id)  # the oldest waiting list
            else:
                self.pane.show_lists(lists, select)
            if not waiting and not self.message.text():
                self.show_message(self.tr("No destruction list is waiting for a review."))

        self.runner.run(destruction.lists, done, self._failed)

    def _update(self) -> None:
        current = self.pane.current_list()
        waiting = current is not None and current.state == "voorgesteld"
        mine = waiting and current.proposed_by == self.runner.loket.user
        self.review_button.setEnabled(waiting and not mine)
        if mine:  # the four-eyes rule: the domain refuses it too
            self.show_message(self.tr("You proposed this list; a second person reviews it."))

    def review(self) -> None:
        current = self.pane.current_list()
        if current is None:
            return
        list_id = int(current.id)
        remove = self.pane.selected_references()
        note = self.note.text().strip()
        if remove and not note:
            self.show_message(self.tr("Say why the selected cases must be kept."), error=True)
            self.note.setFocus()
            return
        question = self.tr("Pass list %1 on to the archivist for approval?").replace(
            "%1", str(list_id))
        if remove:
            question = (
                self.tr("Take %1 cases off list %2 and pass it on to the archivist?")
                .replace("%1", str(len(remove)))
                .replace("%2", str(list_id))
            )
        if not self.confirm(question):
            return

        def done(summary: Any) -> None:
            self.note.clear()
            self.show_message(
                self.tr("List %1 reviewed: %2 cases stay on it; the archivist can approve it now.")
                .replace("%1", str(summary.id))
                .replace("%2", str(summary.cases))
            )
            self.refresh(select=summary.id)

        self.runner.run(
            lambda loket: destruction.review(loket, list_id, remove=remove, note=note),
            done,
            self._failed,
        )

    def show_message(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    def _failed(self, exc: BaseException) -> None:
        say(self.message, failure_text(exc), error=True)

    def _ask(self, text: str) -> bool:
        return ask(self, self.title(), text)
