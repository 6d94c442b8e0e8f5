"""The README's screenshots, taken from a 500-case demo database in the Dutch UI:
`python -m tests.gui.screenshots [FOLDER]` (`make screenshots`; default docs/screenshots).

It builds the demo the way `loket demo` does, in a scratch folder with its own keyring file,
signs in as each role and grabs the windows a new user meets: the medewerker's inbox and
triage, a reply with a standaardantwoord, a WhatsApp case's answer options, the phone note,
closing, an HTML mail, the resident's card and the shortcuts; the teamleider's dashboard and
norms; the archivaris' destruction and MDTO screens; the beheerder's accounts, replies and
audit trail. Nothing here reaches the network.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "loket-demo"


def _environment(scratch: Path) -> None:
    os.environ.update({
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HOME": str(scratch / "home"), "XDG_DATA_HOME": str(scratch / "home" / "share"),
        "XDG_CONFIG_HOME": str(scratch / "home" / "config"),
        "LOKET_DATA_DIR": str(scratch / "home" / "data"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "LOKET_ALLOW_PLAINTEXT_KEYRING": "1",  # a scratch demo: its key may lie in a file
    })


class Shots:
    def __init__(self, app: Any, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.taken: list[str] = []

    def __call__(self, widget: Any, name: str) -> None:
        widget.show()
        for _ in range(3):
            self.app.processEvents()
        widget.grab().save(str(self.folder / name))
        self.taken.append(name)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="loket-shots-") as tmp:
        scratch = Path(tmp)
        _environment(scratch)
        sys.path.insert(0, str(REPO))
        from tests.clikit import run_cli

        db = scratch / "demo.db"
        code, _, err = run_cli(db, None, "demo", "--cases", "500")
        if code:
            print(err, file=sys.stderr)
            return 1
        from PySide6.QtWidgets import QApplication

        from desktop.i18n import install_translators
        from inbox.services import Loket

        app = QApplication.instance() or QApplication([])
        install_translators(app, "nl")
        loket = Loket.open(db)
        shots = Shots(app, folder)
        try:
            for role_day in (_medewerker, _teamleider, _archivaris, _beheerder):
                role_day(loket, shots)
        finally:
            loket.close()
        print(f"{len(shots.taken)} screenshots in {folder}: {', '.join(shots.taken)}")
    return 0


def _as(loket: Any, login: str) -> None:
    loket.sign_in(login, PASSWORD)


def _runner(loket: Any) -> Any:
    from desktop.tasks import TaskRunner

    return TaskRunner(loket, synchronous=True)


def _window(loket: Any) -> Any:
    from desktop.main_window import MainWindow

    runner = _runner(loket)
    window = MainWindow(loket, runner, network=runner, scheduler_factory=_NoScheduler)
    window.resize(1280, 800)
    window.show()
    return window


class _NoScheduler:
    """No mail is fetched while the screenshots are taken."""

    def __init__(self, _emit: Callable[..., None]) -> None:
        pass

    def start(self) -> None: ...

    def reload(self) -> None: ...

    def sync_now(self, account_name: str | None = None) -> None: ...

    def shutdown(self) -> None: ...


def _medewerker(loket: Any, shot: Shots) -> None:
    from inbox.model import Channel

    _as(loket, "anne")
    w = _window(loket)
    w.views.choose("nieuw")
    w.table.selectRow(0)
    shot(w, "main-window.png")
    model = w.table.selectionModel()
    for row in (1, 2):
        model.select(w.cases.index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows)
    shot(w, "workspace-triage.png")

    w.views.choose("all")
    email = _case_of(w, Channel.EMAIL, "nieuw")
    editor = w.open_reply_editor()
    picker = editor.templates.open()
    picker.field.setText("straatverlichting")
    shot(picker, "standard-reply-picker.png")
    picker.pick()
    shot(editor, "reply-standard-text.png")
    editor.discard()  # what the screenshot typed is thrown away

    _case_of(w, Channel.WHATSAPP, "nieuw")
    chooser = w.open_reply_editor()
    shot(chooser, "reply-whatsapp.png")
    chooser.reject()

    html = loket.db.scalar(
        "SELECT m.case_id FROM messages m JOIN cases c ON c.id = m.case_id WHERE "
        "m.body_html IS NOT NULL AND c.confidential = 0 ORDER BY m.id DESC LIMIT 1")
    if html is not None:
        w.show_case_id_anywhere(int(html))
        shot(w, "html-mail.png")

    dialog = w.open_contact_dialog(Channel.PHONE)
    dialog.name.setText("Sanne Bakker")
    dialog.phone.setText("06 19868609")
    dialog.question.setPlainText("Wanneer wordt het grofvuil in de Dorpsstraat opgehaald?")
    dialog.answer.setPlainText("Donderdag vanaf 7.30 uur; bank en kast aan de straat zetten.")
    dialog.resolved.setChecked(True)
    shot(dialog, "phone-dialog.png")
    dialog.discard()

    w.show_case_anywhere(email)
    close = w.workspace.actions.close_open_case()
    close.outcome.setText("Uitgelegd hoe de pas online wordt aangevraagd")
    close.one_go.setChecked(True)
    shot(close, "close-dialog.png")
    close.reject()

    returning = loket.db.scalar(
        "SELECT c.id FROM cases c JOIN cases d ON d.contact_id = c.contact_id AND d.id != c.id "
        "WHERE c.confidential = 0 ORDER BY c.id DESC LIMIT 1")
    if returning is not None:
        w.show_case_id_anywhere(int(returning))
        card = w.social.open_contact_card()
        if card is not None:
            card.resize(900, 560)
            shot(card, "contact-card.png")
            card.close()
    shot(w.workspace.actions.show_shortcuts(), "shortcuts.png")
    w.close()


def _case_of(window: Any, channel: Any, status: str) -> str:
    from inbox.services import CaseQuery

    found = window.loket.case_ids(CaseQuery(channel=channel.value, statuses=(status,)), limit=1)
    window.show_case_id_anywhere(found[0])
    return str(window.case_view.reference)


def _teamleider(loket: Any, shot: Shots) -> None:
    from desktop.role_home import RoleHome
    from desktop.settings_dialog import SettingsDialog

    _as(loket, "tineke")
    home = RoleHome(loket, _runner(loket))
    home.resize(1280, 800)
    shot(home, "dashboard-nl.png")
    settings = SettingsDialog(loket, _runner(loket))
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    settings.tabs.setCurrentIndex(tabs.index("Normen"))
    shot(settings, "settings-norms.png")
    settings.close()
    home.close()


def _archivaris(loket: Any, shot: Shots) -> None:
    from desktop.archive.destruction_dialog import DestructionDialog
    from desktop.archive.mdto_wizard import MdtoWizard

    saved = loket.now
    loket.now = lambda: datetime(2027, 6, 1, 10, 0, tzinfo=UTC)  # cases are due by then
    try:
        _as(loket, "arjen")
        dialog = DestructionDialog(_runner(loket))
        dialog.resize(1000, 620)
        shot(dialog, "archive-destruction.png")
        dialog.close()
        wizard = MdtoWizard(_runner(loket))
        wizard.show()
        wizard.next()
        wizard.target.name.setText("Gemeente Voorbeeld")
        wizard.target.identifier.setText("gm9999")
        wizard.target.folder.setText(str(Path(tempfile.gettempdir()) / "loket-mdto-voorbeeld"))
        wizard.next()
        shot(wizard, "archive-mdto-wizard.png")
        wizard.close()
    finally:
        loket.now = saved


def _beheerder(loket: Any, shot: Shots) -> None:
    from desktop.accounts_dialog import AccountsDialog
    from desktop.role_home import RoleHome
    from desktop.settings_dialog import SettingsDialog

    _as(loket, "bea")
    runner = _runner(loket)
    accounts = AccountsDialog(loket, runner, runner)
    accounts.resize(900, 560)
    shot(accounts, "accounts-dialog.png")
    accounts.close()
    settings = SettingsDialog(loket, runner)
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    settings.tabs.setCurrentIndex(tabs.index("Standaardantwoorden"))
    settings.template_list.setCurrentRow(0)
    shot(settings, "settings-standard-replies.png")
    settings.close()
    home = RoleHome(loket, runner)
    home.resize(1280, 800)
    tabs_widget = home.centralWidget()
    titles = [tabs_widget.tabText(i) for i in range(tabs_widget.count())]
    tabs_widget.setCurrentIndex(titles.index("Audittrail") if "Audittrail" in titles else 0)
    shot(home, "beheerder-audit.png")
    home.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
