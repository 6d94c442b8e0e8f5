"""The GUI half of the role matrix (tests/role_matrix.py): every menu action of the main window
and every tab of the role home has a row, and the checked ones are usable exactly by the roles
the grants table allows (a case open, so case actions could be enabled)."""

from __future__ import annotations

from typing import Any

from desktop.main_window import MainWindow
from desktop.role_home import RoleHome
from inbox import acts
from inbox.model import Role
from inbox.privacy.roles import Permission, allowed
from tests.check_imports import LEGACY
from tests.role_matrix import GUI, GUI_WAITS_FOR_STATE, HOME, MAIN

from .conftest import FakeScheduler


def _menu_actions(menu: Any, prefix: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        name = prefix + action.text().replace("&", "")
        if action.menu() is not None:
            found.update(_menu_actions(action.menu(), name + "/"))
        else:
            found[name] = action
    return found


def _main(loket: Any, runner: Any, qtbot: Any, login: str, case_id: int) -> dict[str, Any]:
    loket.user = login
    window = MainWindow(loket, runner, network=runner, scheduler_factory=FakeScheduler)
    qtbot.addWidget(window)
    window.table.select_case(case_id)
    if loket.may(Permission.READ_CONTENT):  # others never see the case's content
        qtbot.waitUntil(lambda: window.case_view.detail is not None)
    found: dict[str, Any] = {}
    for top in window.menuBar().actions():
        found.update(_menu_actions(top.menu(), top.text().replace("&", "") + "/"))
    return found


def _home(loket: Any, runner: Any, qtbot: Any, login: str) -> tuple[set[str], dict[str, Any]]:
    """The role home's tabs, and its menu actions by path."""
    loket.user = login
    home = RoleHome(loket, runner)
    qtbot.addWidget(home)
    tabs = home.centralWidget()
    found: dict[str, Any] = {}
    for top in home.menuBar().actions():
        found.update(_menu_actions(top.menu(), top.text().replace("&", "") + "/"))
    return {tabs.tabText(i) for i in range(tabs.count())}, found


def _check(window: str, role: Role, login: str, menus: dict[str, Any],
           seen: set[tuple[str, str]], problems: list[str]) -> None:
    """Each menu action of a window has a row, and is usable exactly when the grants allow."""
    rows = {(g.window, g.path): g for g in GUI}
    for path, action in menus.items():
        seen.add((window, path))
        row = rows.get((window, path))
        if row is None:
            problems.append(f"{window} window action without a row: {path}")
            continue
        if row.act is None or row.legacy is not None:
            continue
        may = allowed(role, acts.ACTS[row.act].permission)
        usable = action.isEnabled() and action.isVisible()
        if usable and not may and row.shown_anyway is None:
            problems.append(f"{path} is usable for {login}, the grants do not allow it")
        if may and not usable and path not in GUI_WAITS_FOR_STATE:
            problems.append(f"{path} is not usable for {login}, though the grants allow it")


def test_every_gui_action_has_a_row_and_follows_the_grants(loket, runner, sample, qtbot):  # type: ignore[no-untyped-def]
    loket.user = "systeem"
    for login, role in (("arjen", Role.ARCHIVARIS), ("tineke", Role.TEAMLEIDER),
                        ("bea", Role.BEHEERDER)):
        loket.ensure_user(login, login.title(), role)
    rows = {(g.window, g.path): g for g in GUI}
    for g in GUI:
        assert g.act is None or g.act in acts.ACTS, g.path
        assert g.legacy is None or g.legacy in LEGACY, f"{g.path}: {g.legacy} left LEGACY"
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    case_id = sample.ids["afval"]
    for login, role in (("anna", Role.MEDEWERKER), ("arjen", Role.ARCHIVARIS)):
        _check(MAIN, role, login, _main(loket, runner, qtbot, login, case_id), seen, problems)
    for login, role in (("tineke", Role.TEAMLEIDER), ("bea", Role.BEHEERDER)):
        tabs, menus = _home(loket, runner, qtbot, login)
        seen |= {(HOME, t) for t in tabs}
        for t in tabs - {p for w, p in rows if w == HOME}:
            problems.append(f"role home tab without a row: {t}")
        _check(HOME, role, login, menus, seen, problems)
        for g in (g for g in GUI if g.window == HOME and g.act and not g.legacy
                  and "/" not in g.path):
            may = allowed(role, acts.ACTS[str(g.act)].permission)
            if (g.path in tabs) != may:
                problems.append(f"home tab {g.path} for {login}: shown={g.path in tabs}, "
                                f"allowed={may}")
    stale = sorted(f"{w}: {p}" for w, p in set(rows) - seen)
    assert problems == [] and stale == [], "\n".join(problems + ["no longer in the UI: " + s
                                                                 for s in stale])


def test_no_screen_asks_for_what_its_user_may_not_see(loket, runner, sample, qtbot):  # type: ignore[no-untyped-def]
    """Each role's window and settings open without one refused act: a screen that asks
    anyway writes a refusal into the audit trail at every opening (the settings once
    listed the cases' channels for a teamleider, who may only count them)."""
    loket.user = "systeem"
    for login, role in (("arjen", Role.ARCHIVARIS), ("tineke", Role.TEAMLEIDER),
                        ("bea", Role.BEHEERDER)):
        loket.ensure_user(login, login.title(), role)
    start = loket.db.scalar("SELECT COALESCE(MAX(id), 0) FROM audit_log")
    opened: list[str] = []
    for login in ("anna", "arjen"):
        _main(loket, runner, qtbot, login, sample.ids["afval"])
    for login in ("tineke", "bea"):
        loket.user = login
        home = RoleHome(loket, runner)
        qtbot.addWidget(home)
        settings = home.open_settings()
        opened.append(login)
        settings.close()
    assert opened == ["tineke", "bea"]
    refused = [tuple(r) for r in loket.db.query(
        "SELECT actor, action FROM audit_log WHERE id > ? AND result = 'geweigerd'", (start,))]
    assert refused == []
