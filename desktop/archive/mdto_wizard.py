"""MDTO-export wizard: which closed cases, the archiefvormer, the folder, then the package."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.tasks import TaskRunner
from inbox.archive import mdto, retention
from inbox.errors import LoketError, StorageError
from inbox.services import Loket


class ChoicePage(QWizardPage):
    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle("Welke zaken?")
        self.setSubTitle("Alleen afgeronde zaken gaan naar het archief, elk als een dossier.")
        self.all = QRadioButton("Alle afgeronde zaken", self)
        self.before = QRadioButton("Afgerond vóór", self)
        self.chosen = QRadioButton("Alleen deze zaken", self)
        self.group = QButtonGroup(self)
        for button in (self.all, self.before, self.chosen):
            self.group.addButton(button)
        self.all.setChecked(True)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setDate(QDate(date.today().year, 1, 1))
        self.references = QLineEdit(self)
        self.references.setPlaceholderText("LK-2026-000123, LK-2026-000124")
        self.count = QLabel(self)
        self.count.setObjectName("MdtoCount")
        layout = QFormLayout(self)
        layout.addRow(self.all)
        layout.addRow(self.before, self.date)
        layout.addRow(self.chosen, self.references)
        layout.addRow(self.count)
        for signal in (
            self.group.buttonToggled,
            self.date.dateChanged,
            self.references.textChanged,
        ):
            signal.connect(self._changed)

    def selection(self) -> tuple[list[str], date | None]:
        if self.chosen.isChecked():
            refs = [r.strip() for r in self.references.text().replace(";", ",").split(",")]
            return [r for r in refs if r], None
        if self.before.isChecked():
            chosen = self.date.date()
            return [], date(chosen.year(), chosen.month(), chosen.day())
        return [], None

    def initializePage(self) -> None:
        self._changed()

    def _changed(self, *_: object) -> None:
        refs, before = self.selection()
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)

        def done(found: list[str]) -> None:
            self.count.setText(f"{len(found)} zaken worden geëxporteerd.")

        def failed(exc: BaseException) -> None:
            self.count.setText(str(exc))

        if self.chosen.isChecked() and not refs:
            self.count.setText("Vul een of meer zaaknummers in.")
            return
        wizard.runner.run(lambda loket: mdto.select_cases(loket, refs, before), done, failed)


class TargetPage(QWizardPage):
    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle("Archiefvormer en map")
        self.setSubTitle("De gemeente als archiefvormer, en een lege map voor het pakket.")
        self.name = QLineEdit(self)
        self.identifier = QLineEdit(self)
        self.identifier.setPlaceholderText("bijv. GM0999")
        self.folder = QLineEdit(self)
        browse = QPushButton("Bladeren…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        holder = QWidget(self)
        holder.setLayout(row)
        layout = QFormLayout(self)
        layout.addRow("Naam gemeente", self.name)
        layout.addRow("Kenmerk (CBS-code)", self.identifier)
        layout.addRow("Map", holder)
        self.registerField("folder*", self.folder)
        self.registerField("organisation*", self.name)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)

        def done(org: Any) -> None:
            if org is not None:
                self.name.setText(org.name)
                self.identifier.setText(org.identifier)

        wizard.runner.run(lambda loket: retention.organisation(loket.db), done)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Map voor het MDTO-pakket")
        if chosen:
            self.folder.setText(chosen)


class ResultPage(QWizardPage):
    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle("Exporteren")
        self.result = QLabel(self)
        self.result.setObjectName("MdtoResult")
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._done = False

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)
        self._done = False
        self.result.setText("Bezig met exporteren…")
        wizard.export(self)

    def finish(self, text: str, ok: bool) -> None:
        self._done = ok
        self.result.setStyleSheet("" if ok else "color: #a40000;")
        self.result.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done


class MdtoWizard(QWizard):
    """Three steps; the export itself runs on the database worker."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle("MDTO-export naar het archief")
        self.setObjectName("MdtoWizard")
        self.choice = ChoicePage(self)
        self.target = TargetPage(self)
        self.outcome = ResultPage(self)
        for page in (self.choice, self.target, self.outcome):
            self.addPage(page)
        self.report: mdto.ExportReport | None = None
        self.resize(640, 420)

    def export(self, page: ResultPage) -> None:
        refs, before = self.choice.selection()
        folder = Path(self.target.folder.text().strip())
        name = self.target.name.text().strip()
        identifier = self.target.identifier.text().strip()

        def work(loket: Loket) -> mdto.ExportReport:
            current = retention.organisation(loket.db)
            if current is None or (current.name, current.identifier) != (name, identifier):
                retention.set_organisation(loket, name, identifier)
            return mdto.export(loket, folder, references=refs, closed_before=before)

        def done(report: mdto.ExportReport) -> None:
            self.report = report
            page.finish(
                f"Klaar: {report.cases} zaken met {report.messages} berichten, "
                f"{report.files} bestanden ({report.bytes // 1024} kB) in {folder}. "
                "Elk bestand heeft een .mdto.xml met SHA-256-checksum; de export is vastgelegd.",
                True,
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (LoketError, StorageError)):
                page.finish(str(exc), False)
            else:
                page.finish(f"Onverwachte fout ({type(exc).__name__}); zie het logbestand.", False)

        self.runner.run(work, done, failed)
