"""A day in Loket per role, scripted on a demo database (issue 17): each role signs in the way
the app asks, reaches its work through its window's menus and buttons, and finishes the day
without a dead end. One test per role; they share one demo database built as `demo` builds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.role_home import RoleHome
from desktop.sign_in import SignInDialog
from desktop.tasks import TaskRunner
from inbox.model import Channel, Status
from inbox.services import CaseQuery, Loket
from tests.clikit import run_cli

from .conftest import SCREENSHOTS, add_template, note_phone_call, shown_window

pytestmark = pytest.mark.gui  # the five walks take about 15 s with the demo

DEMO_PASSWORD = "loket-demo"
LATER = datetime(2027, 6, 1, 10, 0, tzinfo=UTC)  # a day on which closed cases are due


@dataclass
class Demo:
    db: Path
    env: dict[str, str]
    files: Path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    from argon2 import PasswordHasher

    from inbox.privacy import auth

    home = tmp_path_factory.mktemp("day-home")
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share"),
           "XDG_CONFIG_HOME": str(home / "config"), "LOKET_DATA_DIR": str(home / "data")}
    files = tmp_path_factory.mktemp("day-files")
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        mp.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        code, _, err = run_cli(files / "demo.db", None, "demo", "--cases", "150")
        assert code == 0, err
    yield Demo(files / "demo.db", env, files)


@pytest.fixture
def opened(demo_db: Demo, monkeypatch: pytest.MonkeyPatch) -> Iterator[Loket]:
    for key, value in demo_db.env.items():
        monkeypatch.setenv(key, value)
    loket = Loket.open(demo_db.db)
    yield loket
    loket.close()


def sign_in(loket: Loket, login: str, qtbot: Any) -> None:
    """The sign-in dialog as the app shows it: the demo's hint, a wrong password, then right."""
    dialog = SignInDialog(loket, user=login)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "loket-demo" in dialog.hint.text()
    dialog.password.setText("fout")
    dialog.try_sign_in()
    assert dialog.error.isVisibleTo(dialog)
    loket.now = _later(loket, 120)  # past the wait a failed attempt brings
    dialog.password.setText(DEMO_PASSWORD)
    dialog.try_sign_in()
    assert dialog.result() == SignInDialog.DialogCode.Accepted, dialog.error.text()
    assert loket.user == login


def _later(loket: Loket, seconds: int) -> Any:
    from datetime import timedelta

    before = loket.now
    return lambda: before() + timedelta(seconds=seconds)


def menu_action(window: Any, path: str) -> Any:
    """The action at menu path "Menu/Item" of the window's menu bar (English UI)."""
    top, _, item = path.partition("/")
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == top and action.menu() is not None:
            for sub in action.menu().actions():
                if sub.text().replace("&", "") == item:
                    return sub
    raise AssertionError(f"no menu item {path}")


def shot(widget: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / name))


def main_window(loket: Loket, qtbot: Any) -> MainWindow:
    window: MainWindow = shown_window(loket, TaskRunner(loket, synchronous=True), qtbot)
    return window


def home_window(loket: Loket, qtbot: Any) -> tuple[RoleHome, Any, list[str]]:
    """The window of a role that lists no cases: it, its tabs and their titles."""
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.show()
    tabs = home.centralWidget()
    return home, tabs, [tabs.tabText(i) for i in range(tabs.count())]


def _first_case_of(window: MainWindow, channel: Channel) -> str:
    found = window.loket.case_ids(CaseQuery(channel=channel.value,
                                            statuses=(Status.NIEUW.value,
                                                      Status.IN_BEHANDELING.value)), limit=1)
    assert found, channel
    window.views.choose("all")
    window.show_case_id_anywhere(found[0])
    reference = window.case_view.reference
    assert reference is not None
    return reference


def test_a_medewerkers_day(opened, qtbot, monkeypatch):
    from desktop.reply_chooser import ReplyChooser
    from desktop.reply_editor import ReplyEditor

    loket = opened
    sign_in(loket, "anne", qtbot)
    w = main_window(loket, qtbot)
    actions = w.workspace.actions

    # triage by keyboard: Ctrl+I on each new case, the next one comes up by itself
    w.views.choose("nieuw")
    start = w.cases.total()
    assert start > 3
    w.table.selectRow(0)
    for _ in range(3):
        reference = w.case_view.reference
        assert reference and actions.assign_me.isEnabled()
        actions.assign_me.trigger()
        assert loket.case_detail(reference).summary.assignee == "Anne de Vries"
        assert w.case_view.reference not in (None, reference)  # on to the next
    assert w.cases.total() == start - 3
    assert actions.undo.isEnabled() is False  # the case in view is not the one assigned

    # an e-mail: answer with a standaardantwoord through the demo's mailbox (the outbox)
    email = _first_case_of(w, Channel.EMAIL)
    editor = w.open_reply_editor()
    assert isinstance(editor, ReplyEditor)
    picker = editor.templates.open()
    assert len(picker.titles()) >= 25
    picker.field.setText("ontvangst")
    picker.pick()
    assert email in editor.text.toPlainText()
    with qtbot.waitSignal(editor.sent):
        editor.send_button.click()
    assert "Waiting to be sent" in w.case_view.timeline_text()

    # a phone call, then the caller's cases by number in another notation
    note_phone_call(w, qtbot, "Sanne Bakker", "06-19868609",
                    "Wanneer wordt het grofvuil opgehaald?")
    called = w.case_view.reference
    w.search.setText("+31 6 1986 8609")
    w.apply_search()
    assert called in {w.cases.summary(r).reference for r in range(w.cases.rowCount())}
    w.search.clear()
    w.apply_search()

    # a WhatsApp chat: Loket says why it cannot answer there; the answer given in the app
    # on the team's phone is recorded
    _first_case_of(w, Channel.WHATSAPP)
    chooser = w.open_reply_editor()
    assert isinstance(chooser, ReplyChooser) and "exportbestand" in chooser.why.text()
    chooser.note.setPlainText("In de WhatsApp-app geantwoord: afspraak staat.")
    with qtbot.waitSignal(chooser.recorded):
        chooser.record()

    # the demo's Mastodon statuses came without an account of ours: said at once
    _first_case_of(w, Channel.MASTODON)
    chooser = w.open_reply_editor()
    assert isinstance(chooser, ReplyChooser) and "Mastodon" in chooser.why.text()
    chooser.reject()

    # several cases at once: a label, and one undo takes it off all of them
    w.views.choose("nieuw")
    flag = w.table.selectionModel().SelectionFlag
    # through the selection model, not selectRow: selectRow honours the keyboard modifiers
    # Qt believes are held, which an earlier test's key presses can leave behind
    w.table.selectionModel().select(w.cases.index(0, 0), flag.ClearAndSelect | flag.Rows)
    w.table.selectionModel().select(w.cases.index(1, 0), flag.Select | flag.Rows)
    chosen = w.table.selected_references()
    assert len(chosen) == 2
    label = actions.add_label()
    label.combo.setCurrentText("Wijk Noord")
    label.submit()
    assert all("Wijk Noord" in loket.case_detail(r).summary.labels for r in chosen)
    w.views.choose("all")
    w.show_case_anywhere(chosen[0])
    assert actions.undo.isEnabled() and "(2 case(s))" in actions.undo.text()
    actions.undo.trigger()
    assert all(loket.case_detail(r).summary.labels == () for r in chosen)

    # close a case with its outcome; the figures and the shortcuts are at hand
    w.show_case_anywhere(email)
    close = actions.close_open_case()
    close.outcome.setText("Ontvangst bevestigd, pas besteld")
    close.submit()
    assert loket.case_detail(email).summary.status is Status.AFGEROND
    dashboard = w.workspace.open_dashboard()
    assert dashboard.figures["cases_total"] > 0
    w.workspace.dashboard_dialog.close()
    assert actions.show_shortcuts().isVisible()
    shot(w, "day-medewerker.png")


def test_a_teamleiders_day(opened, qtbot):
    from desktop.archive.review import DestructionReview
    from inbox.archive import destruction

    loket = opened
    loket.now = lambda: LATER
    loket.sign_in("arjen", DEMO_PASSWORD)  # setup: the archivaris proposed a list
    proposed = destruction.propose(loket)
    sign_in(loket, "tineke", qtbot)
    home, tabs, names = home_window(loket, qtbot)
    assert names[:2] == ["Dashboard", "Counts"]
    dashboard = home.dashboard
    assert dashboard is not None and dashboard.figures["cases_total"] > 0
    assert dashboard.tiles["open_backlog"].text() == str(int(dashboard.weekly.series[-1][1][-1]))
    review = home.findChild(DestructionReview)
    assert review is not None
    tabs.setCurrentWidget(review)
    assert review.pane.current_list() is not None
    assert review.pane.current_list().id == proposed.id
    review.confirm = lambda text: True
    review.review_button.click()  # the second pair of eyes, without changes
    assert review.pane.current_list().state == "beoordeeld", review.message.text()
    shot(home, "day-teamleider.png")


def test_an_archivaris_day(opened, qtbot, tmp_path):
    from desktop.archive.destruction_dialog import DestructionDialog
    from desktop.archive.mdto_wizard import MdtoWizard
    from desktop.privacy.avg_dialog import AvgDialog
    from inbox.archive import destruction

    loket = opened
    loket.now = lambda: LATER
    sign_in(loket, "arjen", qtbot)
    w = main_window(loket, qtbot)
    assert w.cases.total() > 0  # the case list: metadata only

    # the teamleider reviewed the list proposed yesterday: approve, carry out, verklaring
    menu_action(w, "Archive/Destruction…").trigger()
    dialog = w.findChild(DestructionDialog)
    assert dialog is not None
    reviewed = [s for s in destruction.lists(loket) if s.state == "beoordeeld"]
    if not reviewed:  # this test alone: propose, and have tineke review it
        dialog.propose_button.click()
        loket.sign_in("tineke", DEMO_PASSWORD)
        reviewed = [destruction.review(loket, destruction.lists(loket)[0].id)]
        loket.sign_in("arjen", DEMO_PASSWORD)
    dialog.refresh(select=reviewed[0].id)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.current_list().state == "beoordeeld"
    dialog.approve_button.click()
    dialog.confirm = lambda text: True
    dialog.carry_out_button.click()
    assert dialog.current_list().state == "uitgevoerd", dialog.message.text()
    dialog.choose_folder = lambda: tmp_path / "verklaring"
    dialog.verklaring_button.click()
    assert sorted(p.suffix for p in (tmp_path / "verklaring").iterdir()) == [".csv", ".pdf"]
    dialog.close()

    # closed cases to the archive, as an MDTO package: a summary first
    menu_action(w, "Archive/MDTO export…").trigger()
    wizard = w.findChild(MdtoWizard)
    assert wizard is not None
    wizard.next()
    wizard.target.folder.setText(str(tmp_path / "pakket"))
    if not wizard.target.name.text():  # the archiefvormer, once
        wizard.target.name.setText("Gemeente Voorbeeld")
        wizard.target.identifier.setText("gm9999")
    wizard.next()
    assert wizard.currentPage() is wizard.summary
    assert wizard.summary.plan is not None, wizard.summary.text.text()
    wizard.next()  # the explicit export button
    assert wizard.outcome.isComplete(), wizard.outcome.result.text()
    assert any((tmp_path / "pakket").iterdir())
    wizard.accept()

    # an AVG request of a resident registered, its deadline in Dutch
    menu_action(w, "Privacy/AVG requests…").trigger()
    avg = w.findChild(AvgDialog)
    assert avg is not None
    address = next(v for k, v in loket.db.query(
        "SELECT kind, value FROM contact_addresses WHERE kind = 'email' LIMIT 1"))
    avg.address.setText(address)
    made = avg.add_request()
    assert made is not None and avg.table.rowCount() >= 1
    assert "-" in avg.table.item(0, 3).text() and avg.table.item(0, 3).text()[2] == "-"
    shot(w, "day-archivaris.png")


def test_a_beheerders_day(opened, qtbot):
    from desktop.settings_dialog import SettingsDialog
    from inbox import workspace

    loket = opened
    sign_in(loket, "bea", qtbot)
    home, tabs, names = home_window(loket, qtbot)
    assert "Settings" in names and "Audit trail" in names
    assert home.audit_table.rowCount() > 0
    assert "T" not in home.audit_table.item(0, 0).text()  # Dutch time, not ISO

    # the team's standaardantwoorden, from the settings
    tabs.setCurrentIndex(names.index("Settings"))
    settings = home.open_settings()
    assert isinstance(settings, SettingsDialog)
    add_template(settings, qtbot, "Openingstijden kerst",
                 "Beste {naam}, rond kerst zijn wij beperkt open.")
    assert any(t.title == "Openingstijden kerst" for t in workspace.templates(loket))
    # the team's Mastodon accounts, from the settings as from the Manage menu
    assert settings.mastodon_button.isEnabled()
    settings.close()
    mastodon = home.open_mastodon_accounts()
    qtbot.waitExposed(mastodon)
    assert mastodon.windowTitle() == "Mastodon accounts" and mastodon.isVisible()
    mastodon.close()
    QApplication.processEvents()
    shot(home, "day-beheerder.png")


def test_closing_the_destruction_screen_does_not_ask_to_reject_a_list(opened, qtbot):
    """Esc (QDialog.reject) once asked for the reason to reject the chosen list."""
    from desktop.archive.destruction_dialog import DestructionDialog
    from inbox.archive import destruction

    loket = opened
    loket.now = lambda: datetime(2028, 6, 1, 10, 0, tzinfo=UTC)  # due, whatever ran before
    loket.sign_in("arjen", DEMO_PASSWORD)
    proposed = destruction.propose(loket)
    dialog = DestructionDialog(TaskRunner(loket, synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh(select=proposed.id)
    asked: list[str] = []
    dialog.ask_text = lambda title, label: asked.append(title) or ""
    dialog.reject()  # Esc
    assert asked == [] and not dialog.isVisible()
