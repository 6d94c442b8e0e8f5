"""The kennisbank's screens: search on Ctrl+K, suggestions beside a case, trends, health, and
listening on Mastodon."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from desktop.tasks import TaskRunner
from inbox.privacy.roles import Permission


def add_kb_menu(window: QMainWindow, runner: TaskRunner) -> None:
    """'Kennisbank' menu: trends (counts, for teamleider and medewerkers), the health and use
    of the kennisbank (its owners; the teamleider sees the use) and the posts heard on
    Mastodon (medewerkers)."""
    loket = runner.loket
    if not loket.may(Permission.VIEW_STATS) and not loket.may(Permission.KB_EDIT):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("KbMenu", "&Kennisbank"))
    if loket.may(Permission.VIEW_STATS):
        action = QAction(QCoreApplication.translate("KbMenu", "&Trends…"), window)
        action.triggered.connect(lambda: open_trends(window, runner))
        menu.addAction(action)
    action = QAction(QCoreApplication.translate("KbMenu", "&Health and use…"), window)
    action.triggered.connect(lambda: open_health(window, runner))
    menu.addAction(action)
    if loket.may(Permission.READ_CONTENT):  # heard posts name residents: medewerkers only
        action = QAction(QCoreApplication.translate("KbMenu", "&Listening on Mastodon…"), window)
        action.triggered.connect(lambda: open_listening(window, runner))
        menu.addAction(action)


def open_trends(parent: QWidget, runner: TaskRunner) -> QWidget:
    from desktop.kb.views import TrendsDialog

    return _opened(TrendsDialog(runner, parent))


def open_health(parent: QWidget, runner: TaskRunner) -> QWidget:
    from desktop.kb.views import KbHealthDialog

    return _opened(KbHealthDialog(runner, parent))


def open_listening(parent: QWidget, runner: TaskRunner) -> QWidget:
    """The heard Mastodon posts; a case made of one is shown in the main window."""
    from desktop.kb.listening import ListeningDialog

    dialog = ListeningDialog(runner, parent)
    show = getattr(parent, "show_case_anywhere", None)
    if show is not None:
        refresh = getattr(parent, "refresh", lambda: None)
        dialog.case_made.connect(lambda reference: (refresh(), show(reference)))
    return _opened(dialog)


def _opened(dialog: QDialog) -> QDialog:
    dialog.open()
    return dialog
