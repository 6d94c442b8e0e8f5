"""The archivaris' screens: destruction lists and the MDTO export wizard, under 'Archief'."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.tasks import TaskRunner
from inbox.privacy.roles import Permission


def add_archive_menu(window: QMainWindow, runner: TaskRunner) -> None:
    """The 'Archief' menu of the main window, with what the signed-in person may do there
    (no menu at all for a medewerker)."""
    loket = runner.loket
    actions = []
    if loket.may(Permission.ARCHIVE):
        destroy = QAction(QCoreApplication.translate("ArchiveMenu", "&Destruction…"), window)
        destroy.setToolTip(
            QCoreApplication.translate(
                "ArchiveMenu", "What is due for destruction, destruction lists and certificates"
            )
        )
        destroy.triggered.connect(lambda: open_destruction(window, runner))
        actions.append(destroy)
    if loket.may(Permission.EXPORT_ARCHIVE):
        export = QAction(QCoreApplication.translate("ArchiveMenu", "&MDTO export…"), window)
        export.setToolTip(
            QCoreApplication.translate(
                "ArchiveMenu", "Closed cases as an MDTO package for the archive"
            )
        )
        export.triggered.connect(lambda: open_mdto_wizard(window, runner))
        actions.append(export)
    if actions:
        menu = window.menuBar().addMenu(QCoreApplication.translate("ArchiveMenu", "&Archive"))
        for action in actions:
            menu.addAction(action)


def open_destruction(window: QMainWindow, runner: TaskRunner) -> object:
    from desktop.archive.destruction_dialog import DestructionDialog

    dialog = DestructionDialog(runner, window)
    dialog.open()
    return dialog


def open_mdto_wizard(window: QMainWindow, runner: TaskRunner) -> object:
    from desktop.archive.mdto_wizard import MdtoWizard

    wizard = MdtoWizard(runner, window)
    wizard.open()
    return wizard
