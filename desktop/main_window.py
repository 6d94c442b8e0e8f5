"""Loket's main window: views on the left, the case list in the middle, the case on the right."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.case_model import CaseTableModel
from desktop.case_table import CaseTable
from desktop.case_view import CaseView
from desktop.sync_status import Emit, Scheduler, SchedulerFactory, SyncBridge, SyncStatus
from desktop.tasks import TaskRunner
from desktop.views_panel import ViewsPanel
from inbox import acts
from inbox.accounts import Accounts
from inbox.errors import LoketError, StorageError
from inbox.model import CaseDetail, Changes, Channel
from inbox.privacy.roles import Permission
from inbox.services import Loket, Received
from inbox.sync import SyncEvent

if TYPE_CHECKING:  # the dialogs load when first opened: start-up stays short
    from desktop.accounts_dialog import AccountsDialog
    from desktop.phone_dialog import ContactDialog
    from desktop.reply_chooser import ReplyChooser
    from desktop.reply_editor import ReplyEditor
    from desktop.social.mastodon_reply import MastodonReplyEditor
    from inbox.mailview import OutboxInfo
    from inbox.replies import ReplyOptions

log = logging.getLogger("loket.desktop.window")

SEARCH_DELAY_MS = 200
# how often the window looks whether another process or connection changed the database
CHANGE_POLL_MS = 1500


def real_scheduler(loket: Loket) -> SchedulerFactory | None:
    """inbox.sync.SyncScheduler on the window's database (none for an in-memory one)."""
    if loket.path is None:
        return None
    path = Path(loket.path)

    def make(emit: Emit) -> Scheduler:
        from inbox.sync import SyncScheduler

        return SyncScheduler(path, emit)  # scheduled jobs act as the system identity

    return make


class MainWindow(QMainWindow):
    """`runner` does database work, `network` waits on servers (test connection, sign-in);
    `scheduler_factory` makes the mail scheduler (tests pass a fake; default: the real one).

    After an act, screens show what it changed through `apply_changes(changes)`; components
    hear of it through `changes_applied`. Components add their actions to the menus by key
    (`menus["file"]`, "contact", "view", "settings"; the workspace adds "case") and to
    `toolbar`."""

    changes_applied = Signal(object)  # Changes, once the window shows them

    def __init__(
        self,
        loket: Loket,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        network: TaskRunner | None = None,
        scheduler_factory: SchedulerFactory | None = None,
        load_after_show: bool = False,
    ) -> None:
        super().__init__(parent)
        self.loket = loket
        # the app shows the window first and fills it right after its first paint
        self._pending_load = load_after_show
        # at start, the first case is shown (and mail fetching starts) once the list is painted
        self._list_painted = not load_after_show
        self._pending_case: int | None = None
        self._after_list_paint: object | None = None
        self.runner = runner or TaskRunner(loket, parent=self)
        self.network = network or TaskRunner(
            loket, synchronous=self.runner.synchronous, parent=self
        )
        self.sync = SyncBridge(scheduler_factory or real_scheduler(loket), self)
        self.accounts_dialog: AccountsDialog | None = None
        self.setWindowTitle(self.tr("Loket — customer contact"))
        self.setObjectName("MainWindow")

        self.views = ViewsPanel(loket, self, load=not load_after_show, runner=self.runner.run)
        self.views.setMinimumWidth(130)
        self.cases = CaseTableModel(  # counted on the worker: the rows need not wait for it
            loket, self.views.current_query(), load=not load_after_show,
            counter=self.runner.run, parent=self
        )
        self.table = CaseTable(self.cases, self)
        self.case_view = CaseView(self, loket)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search all cases…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self._searched = ""

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.views)
        splitter.addWidget(middle)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([150, 790, 340])  # fits all columns at 1280 wide; drag for more
        self.setCentralWidget(splitter)

        self._make_actions()
        self.list_count = QLabel(self)
        self.totals = QLabel(self)
        self.sync_status = SyncStatus(self)
        self.statusBar().addWidget(self.list_count, 1)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.totals)
        self._show_keyring_warning()
        self.sync_status.setup_requested.connect(self.open_accounts_dialog)
        self.sync.arrived.connect(self._sync_event)
        self._load_sync_status()

        self.views.view_chosen.connect(self._view_chosen)
        self.case_view.reply_requested.connect(self.open_reply_editor)
        self.case_view.send_again_requested.connect(self.send_again)
        self.case_view.timeline.failed.connect(self.show_error)
        self.table.case_selected.connect(self._case_selected)
        self.cases.refreshed.connect(self.update_counts)
        self.update_counts()
        self.resize(1280, 800)
        self._seen_version = self._data_version()
        self._change_poll = QTimer(self)
        self._change_poll.setInterval(CHANGE_POLL_MS)
        self._change_poll.timeout.connect(self._poll_changes)
        self._change_poll.start()
        from desktop.workspace_setup import install  # case actions, dashboard, layout, tray

        self.workspace = install(self)
        from desktop.social import install as install_social  # Mastodon, the contact card

        self.social = install_social(self)
        from desktop.status_feedback import install as install_status  # a readable status bar

        self.status_feedback = install_status(self)
        from desktop.confidential import install as install_confidential  # Case > Vertrouwelijk

        self.confidential = install_confidential(self)
        from desktop.role_menus import install as install_role_menus  # sign out, help, grants

        self.role_menus = install_role_menus(self, loket)
        self.table.setFocus()

    # -- actions -------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.phone_action = QAction(self.tr("&Phone note"), self)
        self.phone_action.setShortcut(QKeySequence("Ctrl+T"))
        self.phone_action.setToolTip(self.tr("Log a phone call (Ctrl+T)"))
        self.phone_action.triggered.connect(lambda: self.open_contact_dialog(Channel.PHONE))
        self.counter_action = QAction(self.tr("&Counter visit"), self)
        self.counter_action.setShortcut(QKeySequence("Ctrl+B"))
        self.counter_action.setToolTip(self.tr("Log a counter visit (Ctrl+B)"))
        self.counter_action.triggered.connect(lambda: self.open_contact_dialog(Channel.COUNTER))
        may_log = self.loket.may(acts.CONTACT_LOG.permission)
        self.phone_action.setEnabled(may_log)
        self.counter_action.setEnabled(may_log)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(self.tr("&Search"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self._focus_search)
        self.fetch_action = QAction(self.tr("&Fetch mail now"), self)
        self.fetch_action.setShortcut(QKeySequence("F9"))
        self.fetch_action.setToolTip(self.tr("Fetch new mail and send waiting replies (F9)"))
        self.fetch_action.triggered.connect(lambda: self.sync.sync_now())
        self.accounts_action = QAction(self.tr("&Accounts…"), self)
        self.accounts_action.triggered.connect(self.open_accounts_dialog)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.quit_action = quit_action  # desktop.role_menus puts Sign out beside it

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(quit_action)
        contact_menu = menu.addMenu(self.tr("&Contact"))
        contact_menu.addAction(self.phone_action)
        contact_menu.addAction(self.counter_action)
        contact_menu.addSeparator()
        contact_menu.addAction(self.case_view.reply_action)
        contact_menu.addAction(self.fetch_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        settings_menu = menu.addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.accounts_action)
        # by key, never by their (translated) titles
        self.menus: dict[str, QMenu] = {"file": file_menu, "contact": contact_menu,
                                        "view": view_menu, "settings": settings_menu}
        from desktop.archive import add_archive_menu  # the archivaris' screens

        add_archive_menu(self, self.runner)
        from desktop.privacy import add_privacy_menu  # AVG and Woo, for the archivaris

        add_privacy_menu(self, self.loket)
        from desktop.kb import add_kb_menu  # trends and the kennisbank's health

        add_kb_menu(self, self.runner)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("MainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.phone_action)
        toolbar.addAction(self.counter_action)
        toolbar.addSeparator()
        toolbar.addAction(self.fetch_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def open_contact_dialog(self, channel: Channel, case_reference: str = "", name: str = "",
                            phone: str = "") -> ContactDialog:
        """Open the note form (window-modal, Esc closes it); returns it for tests. With a
        case: the call or visit is noted in it (answering a case by phone)."""
        from desktop.phone_dialog import ContactDialog

        dialog = ContactDialog(self.runner, channel, case_reference, parent=self)
        dialog.name.setText(name)
        dialog.phone.setText(phone)
        dialog.saved.connect(self._contact_saved)
        return dialogs.open_and_forget(dialog)

    def _contact_saved(self, received: Received) -> None:
        self.apply_changes(_changes_of(received))
        if received.case_id is not None:
            self.show_case_id_anywhere(received.case_id)
        if received.reference:
            self.statusBar().showMessage(
                self.tr("Saved in case %1").replace("%1", received.reference), 5000
            )

    def show_case_id_anywhere(self, case_id: int) -> None:
        if not self.table.select_case(case_id):
            # the view does not show it (e.g. resolved at once): show it among all cases
            self.search.clear()
            self.apply_search()
            self.views.choose("all")
            self.table.select_case(case_id)

    def show_case_anywhere(self, reference: str) -> None:
        """Select the case with `reference`, switching to all cases when the view lacks it."""
        from inbox.services import CaseQuery

        ids = self.loket.case_ids(CaseQuery(text=reference), limit=1)
        if ids:
            self.show_case_id_anywhere(ids[0])

    # -- mail: accounts, sync, replies ---------------------------------------------------

    def open_accounts_dialog(self) -> AccountsDialog:
        """Settings > Accounts (window-modal); returns it for tests."""
        from desktop.accounts_dialog import AccountsDialog

        if self.accounts_dialog is None:
            self.accounts_dialog = AccountsDialog(self.loket, self.runner, self.network, self)
            self.accounts_dialog.accounts_changed.connect(self.accounts_changed)
            self.accounts_dialog.finished.connect(self._load_sync_status)
        else:
            self.accounts_dialog.reload()
        self.accounts_dialog.open()
        return self.accounts_dialog

    def accounts_changed(self) -> None:
        """Mail accounts were added, changed or removed: the scheduler and the status bar."""
        self.sync.reload()  # new jobs run at once
        self._load_sync_status()

    def _show_keyring_warning(self) -> None:
        """A key in a plain-text file (the demo, tests) is allowed only on request: say so."""
        from inbox import keyring_policy

        if not keyring_policy.uses_plaintext_file():
            return
        self.keyring_warning = QLabel(keyring_policy.SHORT_WARNING, self)
        self.keyring_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_warning.setToolTip(keyring_policy.WARNING)
        self.keyring_warning.setStyleSheet("color: #a4262c;")
        self.keyring_warning.setObjectName("keyringWarning")
        self.statusBar().addWidget(self.keyring_warning)

    def _load_sync_status(self) -> None:
        try:
            self.sync_status.load(Accounts(self.loket).status())
        except (LoketError, StorageError) as exc:
            self.show_error(str(exc))

    def _sync_event(self, event: SyncEvent) -> None:
        """A scheduler event, on the GUI thread: status, and new mail into the list."""
        self.sync_status.on_event(event)
        if event.kind not in ("done", "error"):
            return
        if event.fetched > 0:
            self.refresh()  # the list keeps its selected case
        elif self.case_view.outbox:
            self._show_case(self.table.selected_case_id())  # a reply's state may have changed
        else:
            self._show_presence()  # the team pass may have brought colleagues' presence

    def open_reply_editor(
        self, detail: CaseDetail | None = None, *, by_email: bool = False
    ) -> ReplyEditor | MastodonReplyEditor | ReplyChooser | None:
        """Answer the open case where the resident wrote, as the channel registry says:
        e-mail or Mastodon; else a chooser that says why and offers e-mail (when an address
        is known), a call or recording an answer given elsewhere. None (and a hint) when no
        account can send the e-mail."""
        from desktop.reply_editor import ReplyEditor
        from inbox import replies
        from inbox.channels.registry import ReplyRoute

        detail = detail or self.case_view.detail
        if detail is None:
            return None
        if not by_email:
            try:
                options = replies.reply_options(self.loket, detail)
            except (LoketError, StorageError) as exc:
                self.show_error(str(exc))
                return None
            if options.route is ReplyRoute.MASTODON:  # answered where the resident wrote
                return self.social.open_mastodon_reply(detail)
            if options.route is ReplyRoute.NONE:
                return self._open_reply_chooser(detail, options)
        accounts = [a for a in Accounts(self.loket).mail_accounts() if a.smtp_host]
        if not accounts:
            self.show_error(
                self.tr("No account can send mail yet: fill in an SMTP server for an account.")
            )
            self.open_accounts_dialog()
            return None
        me = next((u for u in self.loket.users() if u["name"] == self.loket.user), None)
        editor = ReplyEditor(
            self.runner, detail, accounts, str(me["display_name"]) if me else "", parent=self
        )
        editor.sent.connect(self._reply_sent)
        self.case_view.colleagues_changed.connect(editor.guard.note)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        reference = detail.summary.reference
        from inbox.teamsync.imapstore import announce_activity  # the team-sync engine, on use

        # tell the team (other laptops) someone is writing this answer; best effort, off-thread
        self.network.run(lambda lk: announce_activity(lk, reference, "replying"),
                         on_error=lambda exc: log.info("presence not sent: %s",
                                                       type(exc).__name__))
        return editor

    def _open_reply_chooser(self, detail: CaseDetail, options: ReplyOptions) -> ReplyChooser:
        from desktop.reply_chooser import ReplyChooser

        chooser = ReplyChooser(self.runner, detail, options, parent=self)
        chooser.email_chosen.connect(lambda: self.open_reply_editor(detail, by_email=True))
        chooser.call_chosen.connect(lambda: self.open_contact_dialog(
            Channel.PHONE, case_reference=detail.summary.reference,
            name=detail.summary.contact, phone=options.phone))
        chooser.recorded.connect(self._answer_recorded)
        return dialogs.open_and_forget(chooser)

    def _answer_recorded(self, received: Received) -> None:
        self.apply_changes(_changes_of(received))
        self.statusBar().showMessage(
            self.tr("Answer recorded in case %1.").replace("%1", received.reference or ""), 5000
        )

    def _reply_sent(self, received: Received, account_name: str) -> None:
        self.apply_changes(_changes_of(received))
        if received.case_id is not None:
            self.table.select_case(received.case_id)
        self.sync.sync_now(account_name)  # its pass delivers the outbox
        self.statusBar().showMessage(
            self.tr("Reply kept in case %1; it is being sent.").replace(
                "%1", received.reference or ""
            ),
            5000,
        )

    def send_again(self, info: OutboxInfo) -> None:
        """"Send anyway" for a reply that failed or may not have arrived; asks first."""
        if info.state == "uncertain":
            question = self.tr("It is unknown whether the resident received this reply.")
        else:
            question = self.tr("Sending this reply failed.")
        if not dialogs.ask(
            self,
            self.tr("Send anyway"),
            question,
            self.tr("Send it (again)? The resident may receive it twice."),
            yes=self.tr("Send anyway"),
        ):
            return

        def work(loket: Loket) -> Changes:
            from inbox.channels import smtp

            return smtp.send_again(loket, info.id)

        def done(changes: Changes) -> None:
            self.apply_changes(changes)  # the open case shows the reply queued again
            self.sync.sync_now(info.account or None)

        self.runner.run(work, done, lambda exc: self.show_error(str(exc)))

    def show_error(self, text: str) -> None:
        """A failure in one line in the status bar (the domain's Dutch sentence)."""
        self.statusBar().showMessage(text, 8000)

    # -- list, search and selection ------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Show what an act changed (Anki's operation_did_execute): the rows of the changed
        cases, in place where the list keeps its order; the counts when cases changed; the
        open case when it is one of them. Then `changes_applied` tells the components."""
        self._seen_version = self._data_version()  # our own write: no need to read it all
        if changes.created_case:
            self.cases.refresh()  # a new case may belong anywhere in the list
        elif changes.cases:
            self.cases.update_cases(changes.cases)
        if changes.cases or changes.created_case:
            self.views.views.refresh_counts()
        open_case = self.table.selected_case_id()
        if open_case is not None and (open_case in changes.cases or "outbox" in changes.kinds):
            self._show_case(open_case)  # the outbox's state shows in the case
        if "accounts" in changes.kinds:
            self.accounts_changed()
        if "searches" in changes.kinds:
            self.views.views.reload()
        self.changes_applied.emit(changes)

    def refresh(self) -> None:
        """Re-read counts, the list and the open case (after changes nobody listed: new mail,
        an import, another program's or a colleague's change)."""
        self.views.views.refresh_counts()
        self.cases.refresh()
        self._show_case(self.table.selected_case_id())

    def reload_case(self) -> None:
        """Show the open case again (its look changed, or something only it shows)."""
        self._show_case(self.table.selected_case_id())

    def _data_version(self) -> int:
        try:
            return self.loket.data_version()
        except (LoketError, StorageError):
            return -1

    def _poll_changes(self) -> None:
        """Another process or connection committed (a command handed over by the command line,
        mail fetched, a colleague's change): show it, keeping the selection."""
        version = self._data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.refresh()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if text == self._searched:
            return
        starting = not self._searched
        self._searched = text
        if text and starting and self.views.current_view().key != "all":
            self.views.choose("all")  # searching means: in all cases; a view narrows it again
        else:
            self.cases.set_query(self.views.current_query(text))

    def _view_chosen(self, key: str) -> None:
        # the views panel counted this view already (when nothing changed since): the list
        # takes that count instead of counting again
        known = None if self._searched else self.views.views.known_count(key)
        self.cases.set_query(self.views.current_query(self._searched), total=known)

    def _case_selected(self, case_id: int | None) -> None:
        if not self._list_painted:
            self._pending_case = case_id  # shown right after the list's first paint
            return
        self._show_case(case_id)

    def _show_case(self, case_id: int | None) -> None:
        row = None if case_id is None else self.cases.row_of(case_id)
        summary = None if row is None else self.cases.summary(row)
        if summary is None:
            self.case_view.clear()
            return
        if not self.loket.may(Permission.READ_CONTENT):  # the archivaris: the case's data only
            self.case_view.show_summary(summary)
            return
        try:
            self.case_view.show_case(self.loket.case_detail(summary.reference))
        except (LoketError, StorageError) as exc:
            self.case_view.clear()
            self.statusBar().showMessage(str(exc), 8000)
            return
        self._show_presence()

    def _show_presence(self) -> None:
        """Colleagues' live presence on the open case (team sync; local, so quick)."""
        from inbox.teamsync import presence

        reference = self.case_view.reference
        if reference is None:
            return
        try:
            self.case_view.show_presence([p["text"] for p in presence.current(self.loket,
                                                                            reference)])
        except (LoketError, StorageError):
            self.case_view.show_presence([])

    def update_counts(self) -> None:
        """The status bar's counts: this list's, and the open and new cases."""
        total = self.cases.total()
        if not self.cases.counted():
            text = ""  # the count follows from the worker in a moment
        elif self._searched:
            text = self.tr("%n case(s) found", "", total)
        else:
            text = self.tr("%n case(s) in this list", "", total)
        self.list_count.setText(text)
        views = self.views.views
        self.totals.setText(
            self.tr("Open: %1 · New: %2")
            .replace("%1", str(views.count("open")))
            .replace("%2", str(views.count("nieuw")))
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending_load:
            self._pending_load = False
            QTimer.singleShot(0, self._first_load)
        elif not self.sync.running:
            self.sync.start()  # fetching starts when the window opens

    def _first_load(self) -> None:
        """Fill the window after it was first painted. The selected case is shown, and mail
        fetching starts, once the list has been painted: the case view's mail code and the
        scheduler's libraries load after the rows are on screen, not before."""
        if not self.isVisible():
            return  # closed before it was filled
        self.cases.refresh(keep_rows=False)
        self.views.views.refresh_counts()
        from desktop.app import after_next_paint

        self._after_list_paint = after_next_paint(self.table.viewport(), self._list_shown)

    def _list_shown(self) -> None:
        self._list_painted = True
        if not self.isVisible():
            return
        if self._pending_case is not None:
            self._show_case(self._pending_case)
        if not self.sync.running:
            self.sync.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._change_poll.stop()
        self.sync.shutdown()
        self.network.shutdown()
        self.runner.shutdown()
        super().closeEvent(event)


def _changes_of(received: Received) -> Changes:
    """What handing over a message or note changed: its case, perhaps a new one."""
    cases = {received.case_id} if received.case_id is not None else set()
    return Changes(cases=cases, created_case=received.new_case)
