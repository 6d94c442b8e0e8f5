"""The beheerder's screen for colleagues, in the beheerder's home: list, add with a temporary
password, role, disable/enable, unlock, the kennisbank right, a new password; the last active
beheerder stays, with the domain's Dutch reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop import dialogs
from desktop.role_home import RoleHome
from desktop.tasks import TaskRunner
from inbox import identity
from inbox.privacy.roles import Permission
from tests.conftest import act_as, add_staff
from tests.gui.conftest import SCREENSHOTS

pytestmark = pytest.mark.gui

GOOD = "winter-appel-trein-61"


@pytest.fixture
def bea_home(loket, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "bea")
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    home.resize(1000, 560)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)  # "Disable anne?" yes
    return home


def states(home: RoleHome) -> dict[str, tuple[str, str, str]]:
    assert home.users is not None
    model = home.users.model
    return {model.index(r, 1).data(): (model.index(r, 2).data(), model.index(r, 3).data(),
                                       model.index(r, 4).data())
            for r in range(model.rowCount())}


def test_the_beheerder_manages_colleagues(bea_home, loket, qtbot, qtmodeltester):  # type: ignore[no-untyped-def]
    home, screen = bea_home, bea_home.users
    assert screen is not None and home.tabs.indexOf(screen) >= 0
    qtmodeltester.check(screen.model)
    assert states(home)["anne"] == ("medewerker KCC", "Active", "")

    dialog = screen.add_user()
    dialog.name.setText("Carla Jansen")
    dialog.user.setText("carla")
    dialog.role.setCurrentIndex(dialog.role.findData("medewerker"))
    dialog.passwords.first.setText("kort")
    dialog.passwords.second.setText("kort")
    dialog.submit()
    assert "minstens 12 tekens" in dialog.error.text() and "carla" not in states(home)
    dialog.passwords.first.setText(GOOD)
    dialog.passwords.second.setText(GOOD)
    dialog.submit()
    assert states(home)["carla"] == ("medewerker KCC", "Temporary password", "")
    assert "temporary" in screen.message.text()

    screen.select("carla")
    role = screen.change_role()
    assert role is not None
    role.combo.setCurrentIndex(role.combo.findData("teamleider"))
    role.submit()
    assert states(home)["carla"][0] == "teamleider"

    screen.select("anne")
    screen.toggle_kennisbank()
    assert states(home)["anne"][2] == "edit the kennisbank"
    identity.sign_out(loket)
    act_as(loket, "anne")
    assert loket.may(Permission.KB_EDIT)  # the right works at once
    identity.sign_out(loket)
    act_as(loket, "bea")
    screen.select("anne")
    screen.toggle_kennisbank()
    assert states(home)["anne"][2] == ""

    screen.select("anne")
    assert screen.active_button.text().replace("&", "") == "Disable"
    screen.toggle_active()
    assert states(home)["anne"][1] == "Disabled"
    assert screen.active_button.text().replace("&", "") == "Enable"
    screen.toggle_active()
    assert states(home)["anne"][1] == "Active"

    screen.select("anne")
    reset = screen.reset_password()
    assert reset is not None
    reset.passwords.first.setText(GOOD)
    reset.passwords.second.setText(GOOD)
    reset.submit()
    assert states(home)["anne"][1] == "Temporary password"
    home.show()
    qtbot.waitExposed(home)
    assert home.grab().save(str(SCREENSHOTS / "beheerder-colleagues.png"))


def test_the_last_beheerder_stays_with_the_reason(bea_home, loket):  # type: ignore[no-untyped-def]
    screen = bea_home.users
    screen.select("bea")
    screen.toggle_active()
    assert "laatste actieve beheerder" in screen.message.text()
    assert states(bea_home)["bea"][1] == "Active"
    role = screen.change_role()
    role.combo.setCurrentIndex(role.combo.findData("medewerker"))
    role.submit()
    assert "laatste actieve beheerder" in role.error.text()
    assert states(bea_home)["bea"][0] == "beheerder"


def test_a_locked_colleague_is_unlocked(bea_home, loket):  # type: ignore[no-untyped-def]
    from inbox.errors import PermissionDenied

    start = loket.now
    for attempt in range(identity.MAX_FAILURES):  # ten wrong passwords, each after its wait
        loket.now = lambda n=attempt: start() + timedelta(minutes=2 * (n + 1))
        with pytest.raises(PermissionDenied):
            identity.sign_in(loket, "bram", "fout-fout-fout")
    loket.now = start
    screen = bea_home.users
    screen.reload()
    assert states(bea_home)["bram"][1] == "Locked"
    screen.select("bram")
    assert screen.unlock_button.isEnabled()
    screen.unlock()
    assert states(bea_home)["bram"][1] == "Active"
    assert not screen.unlock_button.isEnabled()


def test_only_the_beheerder_has_the_screen(loket, qtbot):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "tineke")
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    assert home.users is None
