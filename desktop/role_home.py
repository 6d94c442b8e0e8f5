"""The home window for roles that do not work cases: counts for the teamleider, settings and the
audit trail for the beheerder. The domain refuses case content to them anyway; this window
simply does not offer it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import open_and_forget
from desktop.formatting import local_time
from desktop.labels import channel_label, status_label
from desktop.tasks import TaskRunner
from inbox import acts
from inbox.privacy.roles import ROLE_LABELS, Permission
from inbox.services import Loket

if TYPE_CHECKING:
    from desktop.dashboard import Dashboard
    from desktop.people.users import UsersScreen


class RoleHome(QMainWindow):
    def __init__(self, loket: Loket, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.loket = loket
        self.runner = runner or TaskRunner(loket, parent=self)  # one worker for every tab
        self.network: TaskRunner | None = None
        role = loket.role()
        label = ROLE_LABELS.get(role, "") if role else ""
        self.setWindowTitle(self.tr("Loket — %1 (%2)").replace("%1", loket.user)
                            .replace("%2", label))
        self.resize(900, 600)
        tabs = QTabWidget(self)
        self.tabs = tabs
        self.dashboard: Dashboard | None = None
        if loket.may(Permission.VIEW_STATS):
            tabs.addTab(self._dashboard(), self.tr("Dashboard"))
            tabs.addTab(self._counts(), self.tr("Counts"))
        self.users: UsersScreen | None = None
        if loket.may(Permission.MANAGE_USERS):  # the beheerder's colleagues, roles, passwords
            from desktop.people.users import UsersScreen

            self.users = UsersScreen(loket, self.runner, self)
            tabs.addTab(self.users, self.tr("Colleagues"))
        if loket.may(Permission.MANAGE_SETTINGS):
            tabs.addTab(self._settings(), self.tr("Settings"))
        if loket.may(Permission.VIEW_AUDIT):
            tabs.addTab(self._audit(), self.tr("Audit trail"))
        if loket.may(Permission.KB_READ) or loket.may(Permission.VIEW_STATS):
            self._kennisbank(tabs)
        if loket.may(Permission.REVIEW_DESTRUCTION):  # the second pair of eyes (archive)
            from desktop.archive.review import DestructionReview

            tabs.addTab(DestructionReview(self.runner, self), DestructionReview.title())
        self.setCentralWidget(tabs)
        self._make_menus()
        from desktop.role_menus import install as install_role_menus  # sign out, help, grants

        self.role_menus = install_role_menus(self, loket)

    def _make_menus(self) -> None:
        """View: each tab (Ctrl+1, Ctrl+2, ...); Manage: what the beheerder opens."""
        from desktop.role_menus import needs

        view = self.menuBar().addMenu(self.tr("&View"))
        for number in range(self.tabs.count()):
            action = view.addAction(self.tabs.tabText(number))
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
        manage = self.menuBar().addMenu(self.tr("&Manage"))
        accounts = manage.addAction(self.tr("Mail &accounts…"))
        needs(accounts, acts.ACCOUNT_LIST)
        accounts.triggered.connect(self._open_accounts)
        mastodon = manage.addAction(self.tr("&Mastodon accounts…"))
        needs(mastodon, acts.MASTODON_ACCOUNT_LIST)
        mastodon.triggered.connect(self.open_mastodon_accounts)
        lift = manage.addAction(self.tr("Lift &vertrouwelijk…"))
        needs(lift, acts.CASE_CONFIDENTIAL_LIFT)
        lift.triggered.connect(self.lift_confidential)

    def lift_confidential(self) -> QWidget:
        """A colleague's vertrouwelijk marking lifted by its reference (content stays unseen)."""
        from desktop.confidential import lift_for_beheerder

        dialog = lift_for_beheerder(self, self.runner)
        dialog.changed.connect(lambda reference: self.statusBar().showMessage(
            self.tr("%1 is no longer vertrouwelijk.").replace("%1", str(reference)), 8000))
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.runner.shutdown()
        if self.network is not None:
            self.network.shutdown()
        super().closeEvent(event)

    def _kennisbank(self, tabs: QTabWidget) -> None:
        """The kennisbank to search (and its health, for its owners); the trends and the
        kennisbank's use for those who see counts."""
        from desktop.kb.home import KbPage, TrendsPage

        runner = self.runner
        if self.loket.may(Permission.KB_READ):
            tabs.addTab(KbPage(runner, self), self.tr("Kennisbank"))
        if self.loket.may(Permission.VIEW_STATS):
            tabs.addTab(TrendsPage(runner, self), self.tr("Trends"))

    def _dashboard(self) -> QWidget:
        """The teamleider's figures per channel and week (counts only), with norms to set."""
        from desktop.dashboard import Dashboard

        self.dashboard = Dashboard(self.runner, self)
        self.dashboard.reload()
        return self.dashboard

    def _counts(self) -> QWidget:
        stats = self.loket.stats()
        rows: list[tuple[str, str]] = [(self.tr("Cases"), str(stats["cases_total"]))]
        rows += [(status_label(k), str(v)) for k, v in stats["cases_by_status"].items()]
        rows += [(channel_label(k), str(v)) for k, v in stats["cases_by_channel"].items()]
        rows += [(self.tr("Closed in one go"), str(stats["closed_first_contact"]))]
        return _table([self.tr("Figure"), self.tr("Count")], rows)

    def _settings(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Mail accounts and channels."), page))
        button = QPushButton(self.tr("Mail &accounts…"), page)
        button.clicked.connect(self._open_accounts)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        mastodon = QPushButton(self.tr("&Mastodon accounts…"), page)
        mastodon.clicked.connect(self.open_mastodon_accounts)
        layout.addWidget(mastodon, 0, Qt.AlignmentFlag.AlignLeft)
        self.day_button = QPushButton(self.tr("&Departments, office hours and automatic "
                                              "reply…"), page)
        self.day_button.clicked.connect(self.open_day_settings)
        layout.addWidget(self.day_button, 0, Qt.AlignmentFlag.AlignLeft)
        # norms, the team's standaardantwoorden, channels: as far as the grants reach
        settings = QPushButton(self.tr("&Settings…"), page)
        settings.clicked.connect(self.open_settings)
        layout.addWidget(settings, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def open_day_settings(self) -> QDialog:
        from desktop.day_settings import DaySettingsDialog

        runner = self.runner
        dialog = DaySettingsDialog(self.loket, runner, self)
        dialog.open()
        return dialog

    def _open_accounts(self) -> None:
        from desktop.accounts_dialog import AccountsDialog

        AccountsDialog(self.loket, self.runner, self._network(), parent=self).exec()

    def open_mastodon_accounts(self) -> QDialog:
        """The team's Mastodon accounts (and what each listens to), window-modal."""
        from desktop.social.mastodon_form import MastodonAccountsDialog

        dialog = MastodonAccountsDialog(self.loket, self.runner, self._network(), self)
        return open_and_forget(dialog)

    def _network(self) -> TaskRunner:
        """A second worker for waiting on servers (testing an account), made when first
        needed: the database worker stays free meanwhile."""
        if self.network is None:
            self.network = TaskRunner(self.loket, synchronous=self.runner.synchronous, parent=self)
        return self.network

    def open_settings(self) -> QWidget:
        """The settings dialog (window-modal); its tabs follow the grants."""
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.loket, self.runner, self, open_accounts=self._open_accounts,
                                open_mastodon=self.open_mastodon_accounts)
        return open_and_forget(dialog)

    def _audit(self) -> QWidget:
        """The newest entries of the audit trail, their actions in words (not codes), and
        whether the chain is intact. Opening it is itself audited."""
        from inbox.privacy import audit

        found = audit.trail(self.loket, limit=2000)
        page = QWidget()
        layout = QVBoxLayout(page)
        state = (self.tr("The audit trail is intact.") if found.broken_at is None else
                 self.tr("The audit trail was changed or damaged from entry %1 on.")
                 .replace("%1", str(found.broken_at)))
        layout.addWidget(QLabel(state, page))
        results = {"ok": self.tr("done"), "geweigerd": self.tr("refused"),
                   "mislukt": self.tr("failed")}
        self.audit_table = _table(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Object"),
             self.tr("Result")],
            [(local_time(e["at"]), e["actor"], e["label"], e["object"],
              results.get(e["result"], e["result"])) for e in found.entries],
        )
        layout.addWidget(self.audit_table)
        return page


def _table(headers: list[str], rows: Sequence[tuple[str, ...]]) -> QTableWidget:
    """A small read-only table: these lists are short (counts, a bounded page of the trail)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    return table
