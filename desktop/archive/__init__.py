"""The archivaris' screens: destruction lists and the MDTO export wizard, under 'Archief'."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.tasks import TaskRunner
from inbox.privacy.roles import Permission


def add_archive_menu(window: QMainWindow, runner: TaskRunner) -> None:
    """The 'Archief' menu of the main window, with what the signed-in person may do there
    (no menu at all for a medewerker)."""
    entries: tuple[tuple[Permission, str, str, Callable[[QMainWindow, TaskRunner], object]], ...]
    entries = (
        (
            Permission.ARCHIVE,
            QCoreApplication.translate("ArchiveMenu", "&Destruction…"),
            QCoreApplication.translate(
                "ArchiveMenu", "What is due for destruction, destruction lists and certificates"
            ),
            open_destruction,
        ),
        (
            Permission.EXPORT_ARCHIVE,
            QCoreApplication.translate("ArchiveMenu", "&MDTO export…"),
            QCoreApplication.translate(
                "ArchiveMenu", "Closed cases as an MDTO package for the archive"
            ),
            open_mdto_wizard,
        ),
    )
    actions = [
        _action(window, text, tip, _opening(opener, window, runner))
        for permission, text, tip, opener in entries
        if runner.loket.may(permission)
    ]
    if actions:
        menu = window.menuBar().addMenu(QCoreApplication.translate("ArchiveMenu", "&Archive"))
        for action in actions:
            menu.addAction(action)


def _opening(
    opener: Callable[[QMainWindow, TaskRunner], object], window: QMainWindow, runner: TaskRunner
) -> Callable[[], object]:
    return lambda: opener(window, runner)


def _action(window: QMainWindow, text: str, tip: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def open_destruction(window: QMainWindow, runner: TaskRunner) -> object:
    from desktop.archive.destruction_dialog import DestructionDialog

    dialog = DestructionDialog(runner, window)
    refresh = getattr(window, "refresh", None)  # the main window's case list
    if callable(refresh):
        dialog.cases_removed.connect(lambda _count: refresh())
    dialog.open()
    return dialog


def open_mdto_wizard(window: QMainWindow, runner: TaskRunner) -> object:
    from desktop.archive.mdto_wizard import MdtoWizard

    wizard = MdtoWizard(runner, window)
    wizard.open()
    return wizard
