"""MDTO-export wizard: which closed cases, the archiefvormer and the folder, a summary of what
will be written, then the export with its progress; afterwards only 'Voltooien'."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.archive.lists import failure_text, say
from desktop.tasks import TaskRunner
from inbox.archive import mdto, retention
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
        self.problem = QLabel(self)
        self.problem.setObjectName("MdtoFolderProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        layout.addRow(self.problem)
        self.registerField("folder*", self.folder)
        self.registerField("organisation*", self.name)
        self.folder.textChanged.connect(lambda _: self.problem.clear())

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

    def target(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def validatePage(self) -> bool:
        """The package goes into a new or empty folder; say so before the summary."""
        folder = self.target()
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            self.problem.setText(
                self.tr("%1 is not an empty folder; choose a new or empty one.").replace(
                    "%1", str(folder)
                )
            )
            return False
        return True


class SummaryPage(QWizardPage):
    """What the export will write, counted before anything is written."""

    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check what goes into the package, then export it."))
        self.text = QLabel(self)
        self.text.setObjectName("MdtoSummary")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.plan: mdto.ExportReport | None = None
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Export"))

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)
        self.plan = None
        self.completeChanged.emit()
        say(self.text, self.tr("Counting what will be exported…"))
        refs, before = wizard.choice.selection()
        name = wizard.target.name.text().strip()
        identifier = wizard.target.identifier.text().strip()

        def work(loket: Loket) -> mdto.ExportReport:
            current = retention.organisation(loket)
            if current is None or (current.name, current.identifier) != (name, identifier):
                retention.set_organisation(loket, name, identifier)
            return mdto.plan(loket, references=refs, closed_before=before)

        def failed(exc: BaseException) -> None:
            say(self.text, failure_text(exc), error=True)

        wizard.runner.run(work, self._planned, failed)

    def _planned(self, plan: mdto.ExportReport) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)
        self.plan = plan
        lines = [
            self.tr("%1 cases with %2 messages").replace("%1", str(plan.cases))
            .replace("%2", str(plan.messages)),
            self.tr("%1 files, %2 in all (the originals byte for byte, a .mdto.xml for each)")
            .replace("%1", str(plan.files))
            .replace("%2", QLocale().formattedDataSize(plan.bytes)),
        ]
        if plan.withheld:
            lines.append(
                self.tr(
                    "%1 confidential cases are withheld: only their handler may export their "
                    "content (%2)."
                )
                .replace("%1", str(len(plan.withheld)))
                .replace("%2", ", ".join(plan.withheld))
            )
        else:
            lines.append(self.tr("No cases are withheld."))
        lines.append(self.tr("Into the folder %1").replace("%1", str(wizard.target.target())))
        self.text.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.plan is not None


class ResultPage(QWizardPage):
    """The export itself, with its progress; then what was written (or why nothing was)."""

    _progressed = Signal(int, int)

    def __init__(self, wizard: MdtoWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Exporting"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("MdtoProgress")
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop the export; nothing is written"))
        self.stop_button.clicked.connect(self._stop)
        self.result = QLabel(self)
        self.result.setObjectName("MdtoResult")
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.stopped = threading.Event()
        self.running = False
        self._done = False
        self._progressed.connect(self._show_progress)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)
        self._done = False
        self.running = True
        self.stopped.clear()
        self.progress.setRange(0, 0)
        self.stop_button.setEnabled(True)
        say(self.result, self.tr("Exporting…"))
        wizard.buttons_while_exporting()
        wizard.export(self)

    def report_progress(self, done: int, total: int) -> bool:
        """Called by the export (on the worker); False once the person pressed Stop."""
        self._progressed.emit(done, total)
        return not self.stopped.is_set()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stop(self) -> None:
        self.stopped.set()
        self.stop_button.setEnabled(False)
        self.result.setText(self.tr("Stopping…"))

    def finish(self, text: str, ok: bool) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, MdtoWizard)
        self.running = False
        self._done = ok
        self.stop_button.setEnabled(False)
        if ok:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
        say(self.result, text, error=not ok)
        self.completeChanged.emit()
        wizard.buttons_after_export(ok)

    def isComplete(self) -> bool:
        return self._done


class MdtoWizard(QWizard):
    """Four steps; the count and the export run on the database worker."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("MDTO export to the archive"))
        self.setObjectName("MdtoWizard")
        self.choice = ChoicePage(self)
        self.target = TargetPage(self)
        self.summary = SummaryPage(self)
        self.outcome = ResultPage(self)
        for page in (self.choice, self.target, self.summary, self.outcome):
            self.addPage(page)
        self.report: mdto.ExportReport | None = None
        self.resize(640, 440)

    # the buttons: before the export as usual; while exporting none (Stop is on the page);
    # afterwards only 'Voltooien', or 'Terug'/'Annuleren' when it failed and can be retried
    _USUAL = [
        QWizard.WizardButton.Stretch,
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.FinishButton,
        QWizard.WizardButton.CancelButton,
    ]

    def buttons_while_exporting(self) -> None:
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])

    def buttons_after_export(self, ok: bool) -> None:
        if ok:
            self.setButtonLayout(
                [QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton]
            )
        else:
            self.setButtonLayout(self._USUAL)

    def cleanupPage(self, page_id: int) -> None:
        super().cleanupPage(page_id)
        self.setButtonLayout(self._USUAL)

    def reject(self) -> None:
        """Esc or closing the window does nothing while the export runs (Stop does)."""
        if self.outcome.running:
            return
        super().reject()

    def export(self, page: ResultPage) -> None:
        refs, before = self.choice.selection()
        folder = self.target.target()

        def work(loket: Loket) -> mdto.ExportReport:
            return mdto.export(
                loket, folder, references=refs, closed_before=before,
                progress=page.report_progress,
            )

        def done(report: mdto.ExportReport) -> None:
            self.report = report
            text = (
                self.tr(
                    "Done: %1 cases with %2 messages, %3 files (%4) in %5. Every file has "
                    "a .mdto.xml with a SHA-256 checksum; the export has been recorded."
                )
                .replace("%1", str(report.cases))
                .replace("%2", str(report.messages))
                .replace("%3", str(report.files))
                .replace("%4", QLocale().formattedDataSize(report.bytes))
                .replace("%5", str(folder))
            )
            if report.withheld:
                text += " " + self.tr("%1 confidential cases were withheld.").replace(
                    "%1", str(len(report.withheld))
                )
            page.finish(text, True)

        self.runner.run(work, done, lambda exc: page.finish(failure_text(exc), False))
