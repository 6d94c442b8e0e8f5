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
        self.setTitle(self.tr("Which cases?"))
        self.setSubTitle(self.tr("Only closed cases go to the archive, each as a dossier."))
        self.all = QRadioButton(self.tr("All closed cases"), self)
        self.before = QRadioButton(self.tr("Closed before"), self)
        self.chosen = QRadioButton(self.tr("Only these cases"), self)
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
            self.count.setText(self.tr("%1 cases will be exported.").replace("%1", str(len(found))))

        def failed(exc: BaseException) -> None:
            self.count.setText(str(exc))

        if self.chosen.isChecked() and not refs:
            self.count.setText(self.tr("Fill in one or more case references."))
            return
        wizard.runner.run(lambda loket: mdto.select_cases(loket, refs, before), done, failed)


class TargetPage(QWizardPage):
    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Archive creator and folder"))
        self.setSubTitle(
            self.tr("The municipality as archive creator, and an empty folder for the package.")
        )
        self.name = QLineEdit(self)
        self.identifier = QLineEdit(self)
        self.identifier.setPlaceholderText(self.tr("e.g. GM0999"))
        self.folder = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        holder = QWidget(self)
        holder.setLayout(row)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Municipality name"), self.name)
        layout.addRow(self.tr("Identifier (CBS code)"), self.identifier)
        layout.addRow(self.tr("Folder"), holder)
        self.registerField("folder*", self.folder)
        self.registerField("organisation*", self.name)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)

        def done(org: Any) -> None:
            if org is not None:
                self.name.setText(org.name)
                self.identifier.setText(org.identifier)

        wizard.runner.run(lambda loket: retention.organisation(loket), done)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the MDTO package"))
        if chosen:
            self.folder.setText(chosen)


class ResultPage(QWizardPage):
    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Exporting"))
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
        self.result.setText(self.tr("Exporting…"))
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
        self.setWindowTitle(self.tr("MDTO export to the archive"))
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
            current = retention.organisation(loket)
            if current is None or (current.name, current.identifier) != (name, identifier):
                retention.set_organisation(loket, name, identifier)
            return mdto.export(loket, folder, references=refs, closed_before=before)

        def done(report: mdto.ExportReport) -> None:
            self.report = report
            page.finish(
                self.tr(
                    "Done: %1 cases with %2 messages, %3 files (%4 kB) in %5. Every file has "
                    "a .mdto.xml with a SHA-256 checksum; the export has been recorded."
                )
                .replace("%1", str(report.cases))
                .replace("%2", str(report.messages))
                .replace("%3", str(report.files))
                .replace("%4", str(report.bytes // 1024))
                .replace("%5", str(folder)),
                True,
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (LoketError, StorageError)):
                page.finish(str(exc), False)
            else:
                page.finish(
                    self.tr("Unexpected error (%1); see the log file.").replace(
                        "%1", type(exc).__name__
                    ),
                    False,
                )

        self.runner.run(work, done, failed)
