"""Every role's window has a menu bar with Sign out (Ctrl+Shift+L), Quit (Ctrl+Q) and Help (F1);
menus a role cannot use are not there at all (the grants decide, through the session); the
second pair of eyes on a destruction list is reachable; an audit problem is shown to those who
keep the audit trail; sign-out leads to the next person's window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QPushButton, QToolBar

from desktop import app, dialogs
from desktop.main_window import MainWindow
from desktop.people.first_run import FirstRunDialog
from desktop.role_home import RoleHome
from desktop.role_menus import ACT_PROPERTY
from desktop.sign_in import SignInDialog
from inbox import acts
from inbox.privacy import audit
from inbox.privacy.roles import Permission
from tests.conftest import STAFF_PASSWORD, act_as, add_staff
from tests.gui.conftest import SCREENSHOTS, staff_window
from tests.gui.test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


@pytest.fixture
def staffed(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    return loket


def window_for(loket: Any, login: str, qtbot: Any) -> Any:
    act_as(loket, login)
    if loket.may(Permission.LIST_CASES):
        return staff_window(loket, login, qtbot)
    window = app.role_window(loket)
    qtbot.addWidget(window)
    return window


def visible_menus(window: Any) -> dict[str, list[str]]:
    """Top menu -> its visible entries, as the person sees them (mnemonics left out)."""
    shown: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        shown[top.text().replace("&", "")] = [
            a.text().replace("&", "") for a in menu.actions()
            if a.isVisible() and not a.isSeparator()]
    return shown


@pytest.mark.parametrize("login", ["anne", "tineke", "arjen", "bea"])
def test_every_role_has_sign_out_help_and_quit_and_only_usable_menus(staffed, login, qtbot):  # type: ignore[no-untyped-def]
    window = window_for(staffed, login, qtbot)
    menus = visible_menus(window)
    assert all(entries for entries in menus.values()), menus  # no empty menu is shown
    file_menu = next(m for m in menus.values() if "Sign out" in m)
    assert "Quit" in file_menu
    keys = {a.text().replace("&", ""): a.shortcut() for a in window.findChildren(type(
        window.role_menus.quit)) if a.isVisible()}
    assert keys["Sign out"] == QKeySequence("Ctrl+Shift+L")
    assert keys["Quit"] == QKeySequence("Ctrl+Q")
    assert QKeySequence("F1") in window.role_menus.help.shortcuts()
    assert {"User guide", "About Loket"} <= set(menus["Help"])
    for action in window.findChildren(type(window.role_menus.quit)):
        code = action.property(ACT_PROPERTY)
        if code and action.isVisible():  # what is shown, the grants allow
            assert staffed.may(acts.ACTS[str(code)].permission), (login, action.text())
    window.resize(1100, 650)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(SCREENSHOTS / f"role-window-{login}.png"))


def test_what_each_role_sees(staffed, qtbot):  # type: ignore[no-untyped-def]
    anne = visible_menus(window_for(staffed, "anne", qtbot))
    assert "Archive" not in anne and "Privacy" not in anne  # no "Vernietiging" for anne
    assert "Accounts…" not in anne["Settings"] and "Mastodon accounts…" not in anne["Settings"]
    arjen = visible_menus(window_for(staffed, "arjen", qtbot))
    assert "Case" not in arjen and "Contact" not in arjen  # nothing that would only refuse
    assert arjen["Archive"] == ["Destruction…", "MDTO export…"]
    tineke_window = window_for(staffed, "tineke", qtbot)
    assert isinstance(tineke_window, RoleHome)
    tineke = visible_menus(tineke_window)
    assert "Destruction review" in tineke["View"]  # the second pair of eyes
    assert "Manage" not in tineke
    bea = visible_menus(window_for(staffed, "bea", qtbot))
    assert bea["Manage"] == ["Mail accounts…", "Mastodon accounts…", "Lift vertrouwelijk…"]
    assert "Colleagues" in bea["View"]


def test_help_lists_the_roles_own_shortcuts(staffed, qtbot):  # type: ignore[no-untyped-def]
    window = window_for(staffed, "tineke", qtbot)
    window.role_menus.help.trigger()
    dialog = window.findChild(QDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Sign out"] == "Ctrl+Shift+L" and "Quit" in rows
    assert "Phone note" not in rows  # not the medewerker's keys
    assert "tineke" in dialog.about.text()
    assert dialog.grab().save(str(SCREENSHOTS / "help-teamleider.png"))


def test_sign_out_leads_to_the_next_persons_window(staffed, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    from desktop.people.entrance import Entrance

    act_as(staffed, "anne")

    def tineke_signs_in(self: SignInDialog) -> int:
        self.user.setText("tineke")
        self.password.setText(STAFF_PASSWORD)
        self.try_sign_in()
        return int(self.result())

    monkeypatch.setattr(SignInDialog, "exec", tineke_signs_in)
    opened: dict[str, Any] = {"loket": staffed, "entrance": Entrance(staffed)}
    place = QToolBar()
    qtbot.addWidget(place)
    app._open_window(place, opened)
    first = opened["window"]
    assert isinstance(first, MainWindow)
    first.role_menus.sign_out.trigger()
    second = opened["window"]
    qtbot.addWidget(second)
    assert isinstance(second, RoleHome) and staffed.user == "tineke"
    assert not first.isVisible()
    found = [(e["actor"], e["label"]) for e in _trail_as_beheerder(staffed)]
    assert ("anne", "Afmelden") in found


def _trail_as_beheerder(loket: Any) -> list[dict[str, Any]]:
    before = loket.user
    act_as(loket, "bea")
    try:
        return list(audit.trail(loket, limit=50).entries)
    finally:
        loket.user = before
        loket.forget_identity()


def test_an_audit_problem_is_shown_to_the_beheerder_not_to_others(staffed, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    staffed.audit_problem = "Er ontbreken 5 regels aan het eind van het auditlog."
    tineke = window_for(staffed, "tineke", qtbot)
    assert not tineke.role_menus.banners
    bea = window_for(staffed, "bea", qtbot)
    banner = bea.role_menus.audit_banner
    text = banner.findChild(QLabel, "BannerText").text()
    assert "ontbreken 5 regels" in text
    bea.resize(1000, 500)
    bea.show()
    qtbot.waitExposed(bea)
    assert banner.isVisible()
    assert bea.grab().save(str(SCREENSHOTS / "audit-problem-banner.png"))
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    bea.role_menus._accept_audit()
    assert staffed.audit_problem is None and not banner.isVisible()


def test_a_read_only_database_says_so_and_offers_the_beheerder(loket, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    loket.user = ""  # the sample's people have no password: an older database
    assert loket.may(Permission.LIST_CASES)
    window = app.role_window(loket)
    qtbot.addWidget(window)
    menus = visible_menus(window)
    assert "Sign out" not in sum(menus.values(), [])  # nobody to sign out
    banner = window.role_menus.read_only_banner
    assert "Read only" in banner.findChild(QLabel, "BannerText").text()
    window.resize(1100, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(SCREENSHOTS / "read-only-banner.png"))
    asked: list[bool] = []
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: asked.append(True) or 0)
    window.role_menus.set_up_requested.connect(lambda: FirstRunDialog(loket, True).exec())
    banner.findChild(QPushButton).click()  # the set-up itself: tests/gui/test_first_run.py
    assert asked == [True]


def test_role_menus_speak_dutch(dutch, staffed, qtbot):  # type: ignore[no-untyped-def]  # noqa: F811
    menus = visible_menus(window_for(staffed, "tineke", qtbot))
    assert menus["Bestand"] == ["Afmelden", "Afsluiten"]
    assert menus["Help"] == ["Sneltoetsen", "Handleiding", "Over Loket"]
    window = window_for(staffed, "anne", qtbot)
    entries = visible_menus(window)["Bestand"]
    assert entries[-2:] == ["Afmelden", "Afsluiten"]
    file_menu = next(t.menu() for t in window.menuBar().actions()
                     if t.text().replace("&", "") == "Bestand")
    keys = [a.text().split("&")[1][0].lower() for a in file_menu.actions()
            if a.isVisible() and "&" in a.text()]
    assert len(keys) == len(set(keys)), keys  # each entry its own mnemonic
