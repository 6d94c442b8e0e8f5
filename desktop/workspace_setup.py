"""Everything the all-day workspace adds to the main window, kept out of main_window.py: the
Case menu and its shortcuts, the dashboard, the settings dialog, import and export with
progress, the remembered layout (QSettings), a tray notice for new mail and the palette."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QMenu,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
)

from desktop.case_actions import CaseActions
from desktop.formatting import local_day, local_time
from desktop.long_work import LongWork, Progress
from inbox.privacy.roles import Permission
from inbox.services import Loket
from inbox.sync import SyncEvent

if TYPE_CHECKING:
    from desktop.dashboard import Dashboard
    from desktop.main_window import MainWindow
    from desktop.settings_dialog import SettingsDialog

LAYOUT_VERSION = 1


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Loket", "Loket")


class Workspace(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions = CaseActions(window)
        self.dashboard_dialog: QDialog | None = None
        self.dashboard: Dashboard | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.tray: QSystemTrayIcon | None = None
        self.long_work: LongWork | None = None
        self._make_menus()
        window.table.case_selected.connect(self._case_changed)
        window.table.selectionModel().selectionChanged.connect(self._selection_changed)
        window.cases.refreshed.connect(self._case_changed)
        window.views.views.dataChanged.connect(lambda *_: window.update_counts())
        window.sync.arrived.connect(self._sync_event)
        window.installEventFilter(self)
        self._make_tray()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda *_: self.palette_changed())
        self.restore_layout()

    # -- menus -----------------------------------------------------------------------------

    def _make_menus(self) -> None:
        w = self.window
        menu = w.menuBar()
        case_menu = QMenu(self.tr("&Case"), menu)
        menu.insertMenu(w.menus["view"].menuAction(), case_menu)
        w.menus["case"] = case_menu
        self.actions.fill_menu(case_menu)

        self.dashboard_action = QAction(self.tr("&Dashboard"), w)
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.dashboard_action.setEnabled(w.loket.may(Permission.VIEW_STATS))
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.settings_action = QAction(self.tr("&Settings…"), w)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.import_action = QAction(self.tr("&Import files…"), w)
        self.import_action.setToolTip(self.tr("Import e-mail (.eml, mbox) and chat exports"))
        self.import_action.setEnabled(w.loket.may(Permission.WORK_CASES))
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("&Export list as CSV…"), w)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(self.ask_export)
        self.export_selected_action = QAction(self.tr("Export &selected cases as CSV…"), w)
        self.export_selected_action.setToolTip(self.tr("The cases selected in the list"))
        self.export_selected_action.triggered.connect(lambda: self.ask_export(selected=True))
        for action in (self.dashboard_action, self.settings_action, self.export_action):
            w.addAction(action)
        file_menu = w.menus["file"]
        first = file_menu.actions()[0] if file_menu.actions() else None  # before Quit
        file_menu.insertAction(first, self.import_action)
        file_menu.insertAction(first, self.export_action)
        file_menu.insertAction(first, self.export_selected_action)
        if first is not None:
            file_menu.insertSeparator(first)
        view_menu = w.menus["view"]
        view_menu.addSeparator()
        view_menu.addAction(self.actions.save_search)
        view_menu.addAction(self.dashboard_action)
        w.menus["settings"].addAction(self.settings_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        w.menus["help"] = help_menu
        help_menu.addAction(self.actions.shortcuts)
        w.toolbar.addSeparator()
        for action in (self.actions.assign_me, self.actions.note, self.actions.close_case):
            w.toolbar.addAction(action)

    def _case_changed(self, *_: Any) -> None:
        self.actions.case_changed(self.window.case_view.detail)

    def _selection_changed(self, *_: Any) -> None:
        """Several cases selected: say that the case actions now work on all of them."""
        count = len(self.window.table.selectionModel().selectedRows())
        self.export_selected_action.setEnabled(count > 0)
        if count > 1:
            self.window.statusBar().showMessage(
                self.tr("%n case(s) selected: assign (Ctrl+I, Ctrl+Shift+I), status (Ctrl+U), "
                        "close (Ctrl+K), label (Ctrl+L) and export act on all of them.", "",
                        count), 8000)

    # -- dashboard and settings ------------------------------------------------------------

    def open_dashboard(self) -> Dashboard:
        from desktop.dashboard import Dashboard

        if self.dashboard_dialog is None:
            dialog = QDialog(self.window)
            dialog.setWindowTitle(self.tr("Dashboard"))
            self.dashboard = Dashboard(self.window.runner, dialog)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
            buttons.rejected.connect(dialog.reject)
            layout = QVBoxLayout(dialog)
            layout.addWidget(self.dashboard)
            layout.addWidget(buttons)
            dialog.resize(QSize(1000, 700))
            self.dashboard_dialog = dialog
        assert self.dashboard is not None
        self.dashboard.reload()
        self.dashboard_dialog.show()
        self.dashboard_dialog.activateWindow()
        return self.dashboard

    def open_settings(self) -> SettingsDialog:
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.loket, self.window.runner, self.window,
                                open_accounts=self.window.open_accounts_dialog,
                                open_mastodon=self.window.social.open_mastodon_accounts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda *_: self.window.views.views.reload())
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    # -- long work: import and export ------------------------------------------------------

    def ask_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import files"), "",
            self.tr("Mail and chat exports (*.eml *.mbox *.txt *.zip *.json *.js);;"
                    "WhatsApp (*.txt *.zip);;Facebook, Instagram (*.json *.zip);;"
                    "X (*.js *.zip);;All files (*)"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> LongWork:
        from inbox.channels.imports.files import import_files

        work = LongWork(self.window.runner, self.tr("Importing…"), self.window)

        def run(loket: Loket, progress: Progress) -> Any:
            return import_files(loket, paths, lambda n, name: progress(n, 0, name))

        def done(report: Any) -> None:
            self.window.refresh()
            text = (self.tr("Imported %1 message(s), %2 already present, %3 failed.")
                    .replace("%1", str(report.imported)).replace("%2", str(report.duplicates))
                    .replace("%3", str(len(report.failed))))
            if report.failed:  # the domain's one Dutch line on what was wrong with the file
                text += f" {Path(report.failed[0]['file']).name}: {report.failed[0]['error']}"
            self.window.statusBar().showMessage(text, 15000 if report.failed else 8000)

        work.finished.connect(done)
        work.failed.connect(lambda exc: self.window.show_error(str(exc)))
        work.start(run)
        self.long_work = work
        return work

    def ask_export(self, selected: bool = False) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export list"), "zaken.csv",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.export_list(Path(name), self.window.table.selected_case_ids() if selected
                             else None)

    def export_list(self, path: Path, chosen: list[int] | None = None) -> LongWork:
        """The current list (view + search), or the `chosen` cases, as CSV, a page at a time,
        cancellable."""
        query = self.window.cases.query
        work = LongWork(self.window.runner, self.tr("Exporting…"), self.window)
        cancelled = self.tr("Export cancelled; the file was removed.")

        def run(loket: Loket, progress: Progress) -> int | None:
            ids = loket.case_ids(query) if chosen is None else list(chosen)
            partial = path.with_name(path.name + ".part")
            with partial.open("w", newline="", encoding="utf-8-sig") as out:
                writer = csv.writer(out, delimiter=";")
                writer.writerow(["zaak", "onderwerp", "inwoner", "kanaal", "status",
                                 "behandelaar", "product", "termijn", "geopend",
                                 "laatste_bericht", "berichten"])
                for start in range(0, len(ids), 500):
                    if not progress(start, len(ids), ""):
                        break
                    for s in loket.case_summaries(ids[start:start + 500]):
                        # channel and status in Dutch words, dates as people read them
                        writer.writerow([s.reference, s.subject, s.contact, s.channel.label,
                                         s.status.label, s.assignee or "", s.product or "",
                                         local_day(s.deadline), local_time(s.opened_at),
                                         local_time(s.last_message_at), s.messages])
                else:
                    progress(len(ids), len(ids), "")
                    partial.replace(path)
                    return len(ids)
            partial.unlink()
            return None

        def done(count: int | None) -> None:
            if count is None:
                self.window.statusBar().showMessage(cancelled, 8000)
            else:
                self.window.statusBar().showMessage(
                    self.tr("%1 case(s) exported to %2").replace("%1", str(count))
                    .replace("%2", str(path)), 8000)

        work.finished.connect(done)
        work.failed.connect(lambda exc: self.window.show_error(str(exc)))
        work.start(run)
        self.long_work = work
        return work

    # -- tray, layout, palette -------------------------------------------------------------

    def _make_tray(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return  # e.g. a desktop without a tray, or the offscreen test platform
        icon = self.window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip("Loket")
        self.tray.activated.connect(self._bring_to_front)
        self.tray.show()

    def _bring_to_front(self, *_: object) -> None:
        self.window.showNormal()
        self.window.activateWindow()

    def _sync_event(self, event: SyncEvent) -> None:
        if event.kind == "done" and event.fetched > 0:
            self.notify(event.fetched)

    def notify(self, fetched: int) -> str:
        """A tray message about new mail (when the window is not in front); returns its text."""
        text = self.tr("%n new message(s)", "", fetched)
        if self.tray is not None and not self.window.isActiveWindow():
            self.tray.showMessage("Loket", text, QSystemTrayIcon.MessageIcon.Information, 6000)
        return text

    def palette_changed(self) -> None:
        """Light or dark: the timeline's colours follow (widgets follow by themselves)."""
        self.window.reload_case()

    def restore_layout(self) -> None:
        s = settings()
        if s.value("layout/version") != LAYOUT_VERSION:
            return
        w = self.window
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            w.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            w.restoreState(state)
        splitter = w.centralWidget()
        sizes = s.value("window/splitter")
        if isinstance(splitter, QSplitter) and isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
        header = s.value("cases/header")
        if isinstance(header, QByteArray) and w.table.horizontalHeader().restoreState(header):
            w.table.auto_fit = False

    def save_layout(self) -> None:
        s = settings()
        w = self.window
        s.setValue("layout/version", LAYOUT_VERSION)
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        splitter = w.centralWidget()
        if isinstance(splitter, QSplitter):
            s.setValue("window/splitter", splitter.saveState())
        s.setValue("cases/header", w.table.horizontalHeader().saveState())
        s.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save_layout()
            if self.tray is not None:
                self.tray.hide()
        return False


def install(window: QMainWindow) -> Workspace:
    from desktop.main_window import MainWindow

    assert isinstance(window, MainWindow)
    return Workspace(window)
