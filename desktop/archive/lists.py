"""Destruction lists and their cases as the archivaris and the reviewer see them: metadata only
(reference, product, Selectielijst result, dates, what became of it), never a subject, a
resident's name or a message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from desktop.archive.models import RowsModel
from desktop.formatting import local_day
from desktop.tasks import TaskRunner
from inbox.archive import destruction
from inbox.errors import LoketError, StorageError


def list_state(state: str) -> str:
    """The state of a destruction list: 'Proposed', 'Reviewed', …"""
    names = {
        "voorgesteld": QCoreApplication.translate("ListsPane", "Proposed"),
        "beoordeeld": QCoreApplication.translate("ListsPane", "Reviewed"),
        "goedgekeurd": QCoreApplication.translate("ListsPane", "Approved"),
        "uitgevoerd": QCoreApplication.translate("ListsPane", "Carried out"),
        "afgewezen": QCoreApplication.translate("ListsPane", "Rejected"),
    }
    return names.get(state, state)


def item_state(state: str) -> str:
    """What became of a case on a list: 'proposed', 'removed', 'skipped', 'destroyed'."""
    names = {
        "voorgesteld": QCoreApplication.translate("ListsPane", "proposed"),
        "verwijderd": QCoreApplication.translate("ListsPane", "removed"),
        "overgeslagen": QCoreApplication.translate("ListsPane", "skipped"),
        "vernietigd": QCoreApplication.translate("ListsPane", "destroyed"),
    }
    return names.get(state, state)


def failure_text(exc: BaseException) -> str:
    """A domain error as the domain says it (one Dutch line); anything else as a pointer."""
    if isinstance(exc, (LoketError, StorageError)):
        return str(exc)
    text = QCoreApplication.translate("ListsPane", "Unexpected error (%1); see the log file.")
    return text.replace("%1", type(exc).__name__)


def say(label: QLabel, text: str, error: bool = False) -> None:
    """A line of feedback under a screen: red when something went wrong."""
    label.setStyleSheet("color: #a40000;" if error else "")
    label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a case's data
    label.setText(text)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question before a step that cannot be undone."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class ListsPane(QSplitter):
    """The lists above, the chosen list's cases below; `chosen` after the cases are loaded."""

    chosen = Signal()
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.runner = runner
        self.lists_model = RowsModel(
            [
                (self.tr("List"), lambda s: s.id),
                (self.tr("Status"), lambda s: list_state(s.state)),
                (self.tr("Cases"), lambda s: s.cases),
                (self.tr("Proposed"), lambda s: f"{s.proposed_by}, {local_day(s.proposed_at)}"),
                (self.tr("Reviewed"), lambda s: s.reviewed_by or ""),
                (self.tr("Approved"), lambda s: s.approved_by or ""),
                (self.tr("Carried out"), lambda s: local_day(s.carried_out_at)),
            ],
            self,
        )
        self.items_model = RowsModel(
            [
                (self.tr("Case"), lambda i: i.reference),
                (self.tr("Product"), lambda i: i.product or "-"),
                (self.tr("Result"), lambda i: f"{i.result_code} {i.result_name}"),
                (self.tr("Destroy after"), lambda i: i.destroy_date),
                (self.tr("Outcome"), lambda i: item_state(i.state)),
                (self.tr("Note"), lambda i: i.note or ""),
            ],
            self,
        )
        self.lists_view = table(self.lists_model, self)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view = table(self.items_model, self)
        self.addWidget(self.lists_view)
        self.addWidget(self.items_view)
        self.setSizes([150, 300])
        self.lists_view.selectionModel().selectionChanged.connect(self._list_chosen)

    def show_lists(self, lists: list[Any], select: int | None = None) -> None:
        """Show `lists`, keeping (or moving to) the list with id `select`."""
        current = select if select is not None else self.current_list_id()
        self.lists_model.set_rows(lists)
        for row, summary in enumerate(lists):
            if summary.id == current:
                self.lists_view.selectRow(row)
                return
        self.items_model.set_rows([])
        self.chosen.emit()

    def current_list(self) -> Any:
        rows = self.lists_view.selectionModel().selectedRows()
        return self.lists_model.row(rows[0].row()) if rows else None

    def current_list_id(self) -> int | None:
        current = self.current_list()
        return None if current is None else int(current.id)

    def selected_references(self) -> list[str]:
        """The cases selected in the lower table (to take off the list)."""
        return [
            self.items_model.row(i.row()).reference
            for i in self.items_view.selectionModel().selectedRows()
        ]

    def _list_chosen(self, *_: object) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            self.items_model.set_rows([])
            self.chosen.emit()
            return

        def done(items: list[Any]) -> None:
            self.items_model.set_rows(items)
            self.chosen.emit()

        self.runner.run(
            lambda loket: destruction.items(loket, list_id),
            done,
            lambda exc: self.failed.emit(failure_text(exc)),
        )
