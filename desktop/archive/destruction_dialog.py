"""Vernietiging: what is due, the lists with their steps, and the kept verklaring."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.archive.models import RowsModel
from desktop.archive.terms import describe_term
from desktop.tasks import TaskRunner
from inbox.archive import destruction, retention
from inbox.errors import LoketError, StorageError
from inbox.services import Loket


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class DestructionDialog(QDialog):
    """The archivaris (and the reviewer) go from 'what is due' to a carried-out list here."""

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
                (self.tr("Closed"), lambda d: d.closed_on),
                (self.tr("Destroy after"), lambda d: d.destroy_date),
                (self.tr("On list"), lambda d: d.on_list or ""),
            ],
            self,
        )
        self.lists_model = RowsModel(
            [
                (self.tr("List"), lambda s: s.id),
                (self.tr("Status"), lambda s: self.list_state(s.state)),
                (self.tr("Cases"), lambda s: s.cases),
                (self.tr("Proposed"), lambda s: f"{s.proposed_by}, {s.proposed_at[:10]}"),
                (self.tr("Reviewed"), lambda s: s.reviewed_by or ""),
                (self.tr("Approved"), lambda s: s.approved_by or ""),
                (self.tr("Carried out"), lambda s: (s.carried_out_at or "")[:10]),
            ],
            self,
        )
        self.items_model = RowsModel(
            [
                (self.tr("Case"), lambda i: i.reference),
                (self.tr("Product"), lambda i: i.product or "-"),
                (self.tr("Result"), lambda i: f"{i.result_code} {i.result_name}"),
                (self.tr("Destroy after"), lambda i: i.destroy_date),
                (self.tr("Outcome"), lambda i: self.item_state(i.state)),
                (self.tr("Note"), lambda i: i.note or ""),
            ],
            self,
        )

        self.tabs = QTabWidget(self)
        due_page = QWidget(self)
        due_layout = QVBoxLayout(due_page)
        self.due_label = QLabel(due_page)
        self.due_view = _table(self.due_model, due_page)
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
        split = QSplitter(Qt.Orientation.Vertical, lists_page)
        self.lists_view = _table(self.lists_model, split)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view = _table(self.items_model, split)
        split.addWidget(self.lists_view)
        split.addWidget(self.items_view)
        split.setSizes([150, 300])
        lists_layout.addWidget(split, 1)
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
        self.reject_button.clicked.connect(self.reject)
        self.carry_out_button.clicked.connect(self.carry_out)
        self.verklaring_button.clicked.connect(self.save_verklaring)
        self.lists_view.selectionModel().selectionChanged.connect(self._list_chosen)

        self.message = QLabel(self)
        self.message.setObjectName("ArchiveMessage")
        self.message.setWordWrap(True)
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

    def list_state(self, state: str) -> str:
        """The state of a destruction list: 'Proposed', 'Reviewed', …"""
        names = {
            "voorgesteld": self.tr("Proposed"),
            "beoordeeld": self.tr("Reviewed"),
            "goedgekeurd": self.tr("Approved"),
            "uitgevoerd": self.tr("Carried out"),
            "afgewezen": self.tr("Rejected"),
        }
        return names.get(state, state)

    def item_state(self, state: str) -> str:
        """What became of a case on a list: 'proposed', 'removed', 'skipped', 'destroyed'."""
        names = {
            "voorgesteld": self.tr("proposed"),
            "verwijderd": self.tr("removed"),
            "overgeslagen": self.tr("skipped"),
            "vernietigd": self.tr("destroyed"),
        }
        return names.get(state, state)

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
            current = select if select is not None else self.current_list_id()
            self.lists_model.set_rows(lists)
            for row, summary in enumerate(lists):
                if summary.id == current:
                    self.lists_view.selectRow(row)
                    break
            else:
                self.items_model.set_rows([])
            self._update_buttons()

        self.runner.run(work, done, self._failed)

    def current_list(self) -> Any:
        rows = self.lists_view.selectionModel().selectedRows()
        return self.lists_model.row(rows[0].row()) if rows else None

    def current_list_id(self) -> int | None:
        current = self.current_list()
        return None if current is None else int(current.id)

    def _list_chosen(self, *_: object) -> None:
        list_id = self.current_list_id()
        self._update_buttons()
        if list_id is None:
            self.items_model.set_rows([])
            return
        self.runner.run(
            lambda loket: destruction.items(loket, list_id),
            self.items_model.set_rows,
            self._failed,
        )

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
        remove = [
            self.items_model.row(i.row()).reference
            for i in self.items_view.selectionModel().selectedRows()
        ]
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

    def reject(self) -> None:
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
        self.message.setStyleSheet("color: #a40000;" if error else "")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (LoketError, StorageError)):
            self.show_message(str(exc), error=True)
        else:
            self.show_message(
                self.tr("Unexpected error (%1); see the log file.").replace(
                    "%1", type(exc).__name__
                ),
                error=True,
            )

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Destruction"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the certificate"))
        return Path(chosen) if chosen else None
