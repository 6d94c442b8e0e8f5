"""Signing in, and the home window of roles that do not work cases."""

from __future__ import annotations

import pytest

from desktop import app
from desktop.role_home import RoleHome
from desktop.sign_in import SignInDialog
from desktop.tasks import TaskRunner
from inbox.model import Role
from inbox.services import SYSTEM_USER
from tests.conftest import give_password, later
from tests.gui.conftest import SCREENSHOTS

pytestmark = pytest.mark.gui


@pytest.fixture
def protected(loket):  # type: ignore[no-untyped-def]
    loket.ensure_user("tineke", "Tineke Leeuw", Role.TEAMLEIDER)
    loket.ensure_user("bea", "Bea Kok", Role.BEHEERDER)
    for name in ("anna", "tineke", "bea"):
        give_password(loket, name, "goed-wachtwoord")
    return loket


def test_wrong_password_keeps_the_dialog_open_with_a_dutch_message(qtbot, protected) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(protected, user="anna")
    qtbot.addWidget(dialog)
    dialog.password.setText("fout")
    dialog.try_sign_in()
    assert dialog.error.isVisibleTo(dialog) and "klopt niet" in dialog.error.text()
    assert dialog.password.text() == "" and protected.user == SYSTEM_USER
    later(protected)  # past the wait a failed attempt brings
    dialog.password.setText("goed-wachtwoord")
    dialog.try_sign_in()
    assert dialog.result() == SignInDialog.DialogCode.Accepted and protected.user == "anna"


def test_environment_signs_in_like_the_cli(protected, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOKET_USER", "anna")
    monkeypatch.setenv("LOKET_PASSWORD", "goed-wachtwoord")
    assert app.sign_in(protected) and protected.user == "anna"


def test_teamleider_gets_counts_and_beheerder_settings_and_audit(qtbot, protected) -> None:  # type: ignore[no-untyped-def]
    protected.sign_in("tineke", "goed-wachtwoord")
    home = RoleHome(protected, TaskRunner(protected, synchronous=True))
    qtbot.addWidget(home)
    tabs = home.centralWidget()
    # dashboard, counts, trends and reviewing destruction lists: no cases, no settings, no
    # audit trail
    assert tabs.count() == 4 and tabs.widget(3).objectName() == "DestructionReview"
    assert tabs.tabText(2) == "Trends"
    assert home.dashboard is not None and home.dashboard.figures["cases_total"] == \
        protected.stats(*home.dashboard.range())["cases_total"]
    table = tabs.widget(1)
    assert table.item(0, 1).text() == str(protected.stats()["cases_total"])
    protected.sign_in("bea", "goed-wachtwoord")
    home = RoleHome(protected)
    qtbot.addWidget(home)
    home.resize(900, 500)
    tabs = home.centralWidget()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Colleagues", "Settings",
                                                              "Audit trail", "Kennisbank"]
    tabs.setCurrentIndex(2)
    audit_page = tabs.widget(2)
    home.show()
    qtbot.waitExposed(home)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    home.grab().save(str(SCREENSHOTS / "beheerder-audit.png"))
    assert audit_page is not None
