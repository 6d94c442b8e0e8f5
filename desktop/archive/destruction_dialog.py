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
from desktop.tasks import TaskRunner
from inbox.archive import destruction, retention
from inbox.errors import LoketError, StorageError
from inbox.services import Loket

STATES = destruction.STATE_LABELS


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
        self.setWindowTitle("Vernietiging")
        self.setObjectName("DestructionDialog")
        # hooks, so tests answer instead of a person
        self.confirm: Callable[[str], bool] = self._ask
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.choose_folder: Callable[[], Path | None] = self._choose_folder

        self.due_model = RowsModel(
            [
                ("Zaak", lambda d: d.reference),
                ("Product", lambda d: d.product or "-"),
                ("Resultaat", lambda d: d.result_code),
                ("Termijn", lambda d: retention.describe_term(d.bewaartermijn)),
                ("Afgerond", lambda d: d.closed_on),
                ("Vernietigen na", lambda d: d.destroy_date),
                ("Op lijst", lambda d: d.on_list or ""),
            ],
            self,
        )
        self.lists_model = RowsModel(
            [
                ("Lijst", lambda s: s.id),
                ("Status", lambda s: STATES.get(s.state, s.state)),
                ("Zaken", lambda s: s.cases),
                ("Voorgesteld", lambda s: f"{s.proposed_by}, {s.proposed_at[:10]}"),
                ("Beoordeeld", lambda s: s.reviewed_by or ""),
                ("Goedgekeurd", lambda s: s.approved_by or ""),
                ("Uitgevoerd", lambda s: (s.carried_out_at or "")[:10]),
            ],
            self,
        )
        self.items_model = RowsModel(
            [
                ("Zaak", lambda i: i.reference),
                ("Product", lambda i: i.product or "-"),
                ("Resultaat", lambda i: f"{i.result_code} {i.result_name}"),
                ("Vernietigen na", lambda i: i.destroy_date),
                ("Uitkomst", lambda i: i.state),
                ("Toelichting", lambda i: i.note or ""),
            ],
            self,
        )

        self.tabs = QTabWidget(self)
        due_page = QWidget(self)
        due_layout = QVBoxLayout(due_page)
        self.due_label = QLabel(due_page)
        self.due_view = _table(self.due_model, due_page)
        self.propose_button = QPushButton("Lijst &voorstellen", due_page)
        self.propose_button.clicked.connect(self.propose)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.propose_button)
        due_layout.addLayout(row)
        self.tabs.addTab(due_page, "Te vernietigen")

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
        self.review_button = QPushButton("&Beoordelen…", lists_page)
        self.review_button.setToolTip(
            "Door een tweede persoon; geselecteerde zaken gaan van de lijst af"
        )
        self.approve_button = QPushButton("&Goedkeuren", lists_page)
        self.reject_button = QPushButton("&Afwijzen…", lists_page)
        self.carry_out_button = QPushButton("&Uitvoeren…", lists_page)
        self.verklaring_button = QPushButton("&Verklaring opslaan…", lists_page)
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
        self.tabs.addTab(lists_page, "Vernietigingslijsten")
        self.review_button.clicked.connect(self.review)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.carry_out_button.clicked.connect(self.carry_out)
        self.verklaring_button.clicked.connect(self.save_verklaring)
        self.lists_view.selectionModel().selectionChanged.connect(self._list_chosen)

        self.message = QLabel(self)
        self.message.setObjectName("ArchiveMessage")
        self.message.setWordWrap(True)
        close = QPushButton("Sluiten", self)
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
                f"{len(due)} afgeronde zaken hebben hun vernietigingsdatum bereikt; "
                f"{free} staan nog op geen lijst. Zaken met een bewaarplicht staan er niet bij."
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
                f"Vernietigingslijst {summary.id} voorgesteld met "
                f"{summary.cases} zaken; nu beoordelen door een tweede persoon."
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
        question = "Opmerking bij de beoordeling (mag leeg):"
        if remove:
            question = (
                f"{len(remove)} geselecteerde zaken gaan van de lijst af. Waarom? (opmerking)"
            )
        note = self.ask_text("Lijst beoordelen", question)
        if note is None:
            return
        self._step(
            lambda loket: destruction.review(loket, list_id, remove=remove, note=note),
            f"Lijst {list_id} beoordeeld.",
        )

    def approve(self) -> None:
        list_id = self.current_list_id()
        if list_id is not None:
            self._step(
                lambda loket: destruction.approve(loket, list_id),
                f"Lijst {list_id} goedgekeurd; ze kan nu worden uitgevoerd.",
            )

    def reject(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        reason = self.ask_text("Lijst afwijzen", "Reden van afwijzing:")
        if reason:
            self._step(
                lambda loket: destruction.reject(loket, list_id, reason),
                f"Lijst {list_id} afgewezen.",
            )

    def carry_out(self) -> None:
        current = self.current_list()
        if current is None:
            return
        if not self.confirm(
            f"Lijst {current.id} uitvoeren? {current.cases} zaken worden met al hun berichten, "
            "bijlagen en notities definitief vernietigd. Dit kan niet ongedaan worden gemaakt."
        ):
            return

        def done(outcome: Any) -> None:
            text = f"Lijst {outcome.list_id} uitgevoerd: {outcome.destroyed} zaken vernietigd"
            if outcome.skipped:
                text += f", {outcome.skipped} overgeslagen"
            text += ". De verklaring van vernietiging is bewaard."
            if not outcome.wal_clean:
                text += " Sluit Loket eenmaal af om ook het logbestand van de database te legen."
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
            self.show_message("Verklaring opgeslagen: " + ", ".join(p.name for p in paths))

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
                f"Onverwachte fout ({type(exc).__name__}); zie het logbestand.", error=True
            )

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Vernietiging", text)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, "Map voor de verklaring")
        return Path(chosen) if chosen else None
