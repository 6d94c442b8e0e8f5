"""Every role's menu bar: Sign out, Quit and Help, and only the actions the person may use.

Screens register the act each of their actions runs (`needs(action, acts.X)`); `RoleMenus`
then asks the session (the grants table, through `loket.may`) for each, hides what the person
may not use, and hides a menu with nothing left in it, so a role never sees a menu that would
only refuse. Role names are never tested here.

It also shows, above the window's content, what the person must know at once: an audit trail
that was cut or rewritten (to those who keep the audit trail), and a database from an older
Loket that is read-only until its first beheerder is set.
"""

from __future__ import annotations

from importlib import metadata
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from desktop import dialogs
from desktop.help import ABOUT, GUIDE_TAB, HelpDialog, show_help
from inbox import acts
from inbox.acts import Act
from inbox.errors import LoketError, StorageError
from inbox.privacy.roles import ROLE_LABELS
from inbox.services import Loket

ACT_PROPERTY = "loket_act"
Shown = TypeVar("Shown", QAction, QWidget)
SIGN_OUT_KEYS = "Ctrl+Shift+L"
QUIT_KEYS = "Ctrl+Q"
BANNER_STYLE = ("QLabel {{ background: {0}; color: white; padding: 6px 10px; "
                "font-weight: bold; }}")
RED, AMBER = "#a4262c", "#8a5300"

# The main window's own actions, by attribute, with the act each runs (a component that
# registers its actions itself calls `needs` instead).
MAIN_WINDOW_ACTS: tuple[tuple[str, Act], ...] = (
    ("phone_action", acts.CONTACT_LOG),
    ("counter_action", acts.CONTACT_LOG),
    ("case_view.reply_action", acts.CASE_REPLY),
    ("fetch_action", acts.MAIL_SYNC),
    ("accounts_action", acts.ACCOUNT_LIST),
    ("workspace.import_action", acts.IMPORT_FILES),
    ("workspace.export_action", acts.CASE_LIST),
    ("workspace.export_selected_action", acts.CASE_LIST),
    ("workspace.dashboard_action", acts.STATS_VIEW),
    ("workspace.actions.assign_me", acts.CASE_ASSIGN),
    ("workspace.actions.assign_other", acts.CASE_ASSIGN),
    ("workspace.actions.status", acts.CASE_STATUS),
    ("workspace.actions.product", acts.CASE_PRODUCT),
    ("workspace.actions.deadline", acts.CASE_DEADLINE),
    ("workspace.actions.note", acts.CASE_NOTE),
    ("workspace.actions.close_case", acts.CASE_CLOSE),
    ("workspace.actions.label", acts.CASE_LABEL),
    ("workspace.actions.merge", acts.CASE_MERGE),
    ("workspace.actions.split", acts.CASE_SPLIT),
    ("workspace.actions.move", acts.MESSAGE_MOVE),
    ("workspace.actions.forward", acts.CASE_FORWARD),
    ("workspace.actions.callback", acts.CALLBACK_REQUEST),
    ("workspace.actions.callback_done", acts.CALLBACK_DONE),
    ("workspace.actions.undo", acts.CASE_UNDO),
    ("workspace.actions.save_search", acts.SEARCH_SAVE),
    ("social.mastodon_action", acts.MASTODON_ACCOUNT_LIST),
    # buttons beside the open case
    ("case_view.reply_button", acts.CASE_REPLY),
    ("case_view.resident_button", acts.CONTACT_SHOW),
)


def needs(action: Shown, act: Act) -> Shown:
    """Register the act `action` (or a button) runs: it is shown only to those whose grants
    allow it."""
    action.setProperty(ACT_PROPERTY, act.code)
    return action


def usable(loket: Loket, action: QAction | QWidget) -> bool:
    """Whether the signed-in person may use `action` (an action without an act: anyone)."""
    code = action.property(ACT_PROPERTY)
    if not code:
        return True
    return loket.may(acts.ACTS[str(code)].permission)


def _attribute(root: object, path: str) -> object:
    for name in path.split("."):
        root = getattr(root, name, None)
        if root is None:
            return None
    return root


def about_text(loket: Loket) -> str:
    """Version, who is signed in (and as what), which database: for Help > About Loket."""
    try:
        version = metadata.version("loket")
    except metadata.PackageNotFoundError:
        version = ""
    role = loket.role()
    if loket.user:
        who = QCoreApplication.translate("RoleMenus", "Signed in as %1 (%2).")
        who = who.replace("%1", loket.user).replace(
            "%2", ROLE_LABELS.get(role, "") if role else "")
    else:
        who = QCoreApplication.translate("RoleMenus", "Nobody is signed in: read only.")
    where = str(loket.path) if loket.path else "—"
    return "\n\n".join([
        f"Loket {version}".strip(),
        QCoreApplication.translate(
            "RoleMenus",
            "One inbox for the klantcontact team: e-mail, social media, phone and counter."),
        who,
        QCoreApplication.translate("RoleMenus", "Database: %1").replace("%1", where),
    ])


def open_help(window: QWidget, tab: int = 0) -> HelpDialog:
    """The window's help (shortcuts, user guide, about) on `tab`."""
    loket = getattr(window, "loket", None)
    return show_help(window, about_text(loket) if isinstance(loket, Loket) else "", tab)


class RoleMenus(QObject):
    """Sign out, Quit, Help, the banners, and the grants applied to the window's menus."""

    sign_out_requested = Signal()
    set_up_requested = Signal()  # read-only database: make its first beheerder now

    def __init__(self, window: QMainWindow, loket: Loket) -> None:
        super().__init__(window)
        self.window = window
        self.loket = loket
        for path, act in MAIN_WINDOW_ACTS:
            found = _attribute(window, path)
            if isinstance(found, QAction | QWidget):
                needs(found, act)
        bar = window.menuBar()
        self.quit = self._quit_action()
        self.sign_out = needs(self._action(self.tr("Sign &out"), SIGN_OUT_KEYS,
                                           self.sign_out_requested.emit), acts.USER_SIGN_OUT)
        self.sign_out.setToolTip(self.tr("Sign out; the next person signs in (%1)")
                                 .replace("%1", SIGN_OUT_KEYS))
        file_menu = self._menu_of(bar, self.quit)
        if file_menu is None:
            file_menu = QMenu(self.tr("&File"), bar)
            first = bar.actions()[0] if bar.actions() else None
            if first is not None:
                bar.insertMenu(first, file_menu)
            else:
                bar.addMenu(file_menu)
            file_menu.addAction(self.quit)
        file_menu.insertAction(self.quit, self.sign_out)
        file_menu.insertSeparator(self.quit)
        self._help_menu(bar)
        self.banners: list[QToolBar] = []
        self.apply_grants()
        self._show_banners()

    # -- building ------------------------------------------------------------------------

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.window.addAction(action)
        return action

    def _quit_action(self) -> QAction:
        """The window's Quit, or a new one; Ctrl+Q on every platform (Qt's standard key for
        quitting is empty on Windows)."""
        found = getattr(self.window, "quit_action", None)
        action = found if isinstance(found, QAction) else self._action(
            self.tr("&Quit"), QUIT_KEYS, self._quit)
        action.setShortcuts([QKeySequence(QUIT_KEYS)])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def _quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.window.close():
            QApplication.quit()

    @staticmethod
    def _menu_of(bar: QMenuBar, action: QAction) -> QMenu | None:
        for top in bar.actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and action in menu.actions():
                return menu
        return None

    def _help_menu(self, bar: QMenuBar) -> None:
        """Help: shortcuts (F1), the user guide, about Loket; the main window's own overview
        (its Keyboard shortcuts action) is reused when it has one."""
        shortcuts = _attribute(self.window, "workspace.actions.shortcuts")
        if isinstance(shortcuts, QAction):
            menu = self._menu_of(bar, shortcuts)
            self.help = shortcuts
        else:
            menu = None
            self.help = self._action(self.tr("&Keyboard shortcuts"), "F1",
                                     lambda: open_help(self.window))
            self.help.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        if menu is None:
            menu = bar.addMenu(self.tr("&Help"))
            menu.addAction(self.help)
        self.guide = QAction(self.tr("&User guide"), self.window)
        self.guide.triggered.connect(lambda: open_help(self.window, GUIDE_TAB))
        self.about = QAction(self.tr("&About Loket"), self.window)
        self.about.triggered.connect(lambda: open_help(self.window, ABOUT))
        menu.addAction(self.guide)
        menu.addSeparator()
        menu.addAction(self.about)

    # -- the grants ----------------------------------------------------------------------

    def apply_grants(self) -> None:
        """Hide what the signed-in person may not use; then every menu left empty."""
        for action in self.window.findChildren(QAction):
            if action.property(ACT_PROPERTY):
                action.setVisible(usable(self.loket, action))
        for widget in self.window.findChildren(QWidget):
            if widget.property(ACT_PROPERTY) and not usable(self.loket, widget):
                widget.hide()
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                top.setVisible(_has_visible(menu))

    # -- banners -------------------------------------------------------------------------

    def _show_banners(self) -> None:
        loket = self.loket
        if loket.audit_problem and loket.may(acts.AUDIT_VIEW.permission):
            text = self.tr("The audit trail is not complete: %1").replace("%1", loket.audit_problem)
            accept = (self.tr("&Accept the trail as it is…")
                      if loket.may(acts.AUDIT_ACCEPT.permission) else "")
            self.audit_banner = self._banner(text, RED, accept, self._accept_audit)
        if not loket.user:
            self.read_only_banner = self._banner(
                self.tr("Read only: this database has no beheerder yet, so nothing can be "
                    "changed."), AMBER, self.tr("&Make the beheerder…"), self.set_up_requested.emit)

    def _banner(self, text: str, colour: str, button: str, slot: object) -> QToolBar:
        bar = QToolBar(self.window)
        bar.setObjectName("Banner")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        bar.setStyleSheet(f"QToolBar {{ background: {colour}; border: 0; }}")
        label = QLabel(text, bar)
        label.setObjectName("BannerText")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(BANNER_STYLE.format(colour))
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.toggleViewAction().setVisible(False)  # not one of the toolbars one can hide
        bar.addWidget(label)
        if button:
            push = QPushButton(button, bar)
            push.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
            bar.addWidget(push)
        first = next((t for t in self.window.findChildren(QToolBar)
                      if t is not bar and t.objectName() != "Banner"), None)
        if first is not None:
            self.window.insertToolBar(first, bar)
            self.window.insertToolBarBreak(first)
        else:
            self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.banners.append(bar)
        return bar

    def _accept_audit(self) -> None:
        loket = self.loket
        if not dialogs.ask(
            self.window, self.tr("Accept the audit trail"),
            self.tr("Accept the audit trail as it is now?"),
            self.tr("Do this only after finding out what happened (a restored backup, a damaged "
                "disk, or someone who changed the file). Accepting is itself recorded in the "
                "audit trail."), yes=self.tr("Accept"), warning=True):
            return
        try:
            loket.accept_audit_trail()
        except (LoketError, StorageError) as exc:
            label = self.audit_banner.findChild(QLabel, "BannerText")
            if label is not None:
                label.setText(str(exc))
            return
        self.audit_banner.hide()


def _has_visible(menu: QMenu) -> bool:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu) and not _has_visible(sub):
            continue
        return True
    return False


def install(window: QMainWindow, loket: Loket) -> RoleMenus:
    """Give `window` its role's menu bar (call after every component added its menus)."""
    return RoleMenus(window, loket)
