"""Vernietiging: what is due, the lists with their steps, and the kept verklaring.

The archivaris proposes, approves (or rejects) and carries out here; the review in between is
a second person's (the teamleider's window has it: desktop/archive/review.py; a second
archivaris may review here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.archive.lists import ListsPane, ask, failure_text, say, table
from desktop.archive.models import RowsModel
from desktop.archive.terms import describe_term
from desktop.formatting import local_day
from desktop.plain import plain_label
from desktop.tasks import TaskRunner
from inbox.archive import destruction, retention
from inbox.services import Loket


class DestructionDialog(QDialog):
    """The archivaris goes from 'what is due' to a carried-out list here."""

    # cases were destroyed (how many): the case list drops them
    cases_removed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Destruction"))
        self.setObjectName("DestructionDialog")
        # hooks, so tests answer instead of a person
        self.confirm: Callable[[str], bool] = self._ask
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.choose_folder: Callable[[], Path | None] = self._choose_folder

        self.due_model = RowsModel(
            [
                (self.tr("Case"), lambda d: d.reference),
                (self.tr("Product"), lambda d: d.product or "-"),
                (self.tr("Result"), lambda d: d.result_code),
                (self.tr("Term"), lambda d: describe_term(d.bewaartermijn)),
                (self.tr("Closed"), lambda d: local_day(d.closed_on)),
                (self.tr("Destroy after"), lambda d: local_day(d.destroy_date)),
                (self.tr("On list"), lambda d: d.on_list or ""),
            ],
            self,
        )
        self.tabs = QTabWidget(self)
        due_page = QWidget(self)
        due_layout = QVBoxLayout(due_page)
        self.due_label = QLabel(due_page)
        self.due_view = table(self.due_model, due_page)
        self.propose_button = QPushButton(self.tr("&Propose list"), due_page)
        self.propose_button.clicked.connect(self.propose)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.propose_button)
        due_layout.addLayout(row)
        self.tabs.addTab(due_page, self.tr("Due for destruction"))

        lists_page = QWidget(self)
        lists_layout = QVBoxLayout(lists_page)
        self.pane = ListsPane(runner, lists_page)
        self.lists_model, self.items_model = self.pane.lists_model, self.pane.items_model
        self.lists_view, self.items_view = self.pane.lists_view, self.pane.items_view
        lists_layout.addWidget(self.pane, 1)
        buttons = QHBoxLayout()
        self.review_button = QPushButton(self.tr("&Review…"), lists_page)
        self.review_button.setToolTip(
            self.tr("By a second person; selected cases are taken off the list")
        )
        self.approve_button = QPushButton(self.tr("&Approve"), lists_page)
        self.reject_button = QPushButton(self.tr("Re&ject…"), lists_page)
        self.carry_out_button = QPushButton(self.tr("&Carry out…"), lists_page)
        self.verklaring_button = QPushButton(self.tr("&Save certificate…"), lists_page)
        for button in (
            self.review_button,
            self.approve_button,
            self.reject_button,
            self.carry_out_button,
            self.verklaring_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lists_layout.addLayout(buttons)
        self.tabs.addTab(lists_page, self.tr("Destruction lists"))
        self.review_button.clicked.connect(self.review)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject_list)
        self.carry_out_button.clicked.connect(self.carry_out)
        self.verklaring_button.clicked.connect(self.save_verklaring)
        self.pane.chosen.connect(self._update_buttons)
        self.pane.failed.connect(lambda text: self.show_message(text, error=True))

        self.message = plain_label(self, wrap=True)  # may quote data
        self.message.setObjectName("ArchiveMessage")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(980, 560)
        self._update_buttons()
        self.refresh()

    # -- reading -----------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        def work(loket: Loket) -> tuple[list[Any], list[Any]]:
            return retention.due(loket), destruction.lists(loket)

        def done(result: tuple[list[Any], list[Any]]) -> None:
            due, lists = result
            self.due_model.set_rows(due)
            free = sum(1 for d in due if not d.on_list)
            self.due_label.setText(
                self.tr(
                    "%1 closed cases have reached their destruction date; %2 are not on a "
                    "list yet. Cases with a duty to keep them are not shown."
                )
                .replace("%1", str(len(due)))
                .replace("%2", str(free))
            )
            self.propose_button.setEnabled(free > 0)
            self.pane.show_lists(lists, select)
            self._update_buttons()

        self.runner.run(work, done, self._failed)

    def current_list(self) -> Any:
        return self.pane.current_list()

    def current_list_id(self) -> int | None:
        return self.pane.current_list_id()

    def _update_buttons(self) -> None:
        current = self.current_list()
        state = current.state if current is not None else ""
        self.review_button.setEnabled(state == "voorgesteld")
        self.approve_button.setEnabled(state == "beoordeeld")
        self.reject_button.setEnabled(state in destruction.OPEN_STATES)
        self.carry_out_button.setEnabled(state == "goedgekeurd")
        self.verklaring_button.setEnabled(state == "uitgevoerd")

    # -- the steps ---------------------------------------------------------------------

    def propose(self) -> None:
        def done(summary: Any) -> None:
            self.show_message(
                self.tr(
                    "Destruction list %1 proposed with %2 cases; now to be reviewed by a "
                    "second person."
                )
                .replace("%1", str(summary.id))
                .replace("%2", str(summary.cases))
            )
            self.tabs.setCurrentIndex(1)
            self.refresh(select=summary.id)

        self.runner.run(lambda loket: destruction.propose(loket), done, self._failed)

    def review(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        remove = self.pane.selected_references()
        question = self.tr("Note on the review (may be empty):")
        if remove:
            question = self.tr("%1 selected cases are taken off the list. Why? (note)").replace(
                "%1", str(len(remove))
            )
        note = self.ask_text(self.tr("Review list"), question)
        if note is None:
            return
        self._step(
            lambda loket: destruction.review(loket, list_id, remove=remove, note=note),
            self.tr("List %1 reviewed.").replace("%1", str(list_id)),
        )

    def approve(self) -> None:
        list_id = self.current_list_id()
        if list_id is not None:
            self._step(
                lambda loket: destruction.approve(loket, list_id),
                self.tr("List %1 approved; it can now be carried out.").replace("%1", str(list_id)),
            )

    def reject_list(self) -> None:
        """Reject the chosen list (not QDialog.reject: Esc and closing just close)."""
        list_id = self.current_list_id()
        if list_id is None:
            return
        reason = self.ask_text(self.tr("Reject list"), self.tr("Reason for rejection:"))
        if reason:
            self._step(
                lambda loket: destruction.reject(loket, list_id, reason),
                self.tr("List %1 rejected.").replace("%1", str(list_id)),
            )

    def carry_out(self) -> None:
        current = self.current_list()
        if current is None:
            return
        if not self.confirm(
            self.tr(
                "Carry out list %1? %2 cases are destroyed for good with all their messages, "
                "attachments and notes. This cannot be undone."
            )
            .replace("%1", str(current.id))
            .replace("%2", str(current.cases))
        ):
            return

        def done(outcome: Any) -> None:
            text = (
                self.tr("List %1 carried out: %2 cases destroyed")
                .replace("%1", str(outcome.list_id))
                .replace("%2", str(outcome.destroyed))
            )
            if outcome.skipped:
                text += self.tr(", %1 skipped").replace("%1", str(outcome.skipped))
            text += self.tr(". The certificate of destruction has been kept.")
            if not outcome.wal_clean:
                text += self.tr(" Close Loket once to empty the database's log file as well.")
            self.show_message(text)
            self.refresh(select=outcome.list_id)
            if outcome.destroyed:
                self.cases_removed.emit(outcome.destroyed)

        list_id = int(current.id)
        self.runner.run(lambda loket: destruction.carry_out(loket, list_id), done, self._failed)

    def save_verklaring(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        folder = self.choose_folder()
        if folder is None:
            return

        def done(paths: list[Path]) -> None:
            self.show_message(
                self.tr("Certificate saved: %1").replace("%1", ", ".join(p.name for p in paths))
            )

        self.runner.run(
            lambda loket: destruction.write_verklaring(loket, list_id, folder),
            done,
            self._failed,
        )

    def _step(self, work: Callable[[Loket], Any], text: str) -> None:
        def done(summary: Any) -> None:
            self.show_message(text)
            self.refresh(select=summary.id)

        self.runner.run(work, done, self._failed)

    # -- talking to the person ---------------------------------------------------------

    def show_message(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    def _failed(self, exc: BaseException) -> None:
        say(self.message, failure_text(exc), error=True)

    def _ask(self, text: str) -> bool:
        return ask(self, self.tr("Destruction"), text)

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the certificate"))
        return Path(chosen) if chosen else None
