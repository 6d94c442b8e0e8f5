"""Signing in with a temporary password (set by a beheerder) asks for one's own first."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.people.entrance import Entrance
from desktop.people.own_password import OwnPasswordDialog
from desktop.sign_in import SignInDialog
from inbox import identity
from tests.conftest import STAFF_PASSWORD, act_as, add_staff
from tests.gui.conftest import SCREENSHOTS

pytestmark = pytest.mark.gui

TEMPORARY = "tijdelijk-wachtwoord-55"
OWN = "mijn-eigen-zomer-fiets-8"


@pytest.fixture
def carla(loket):  # type: ignore[no-untyped-def]
    """carla, a new medewerker, with a temporary password from bea (the beheerder)."""
    add_staff(loket)
    act_as(loket, "bea")
    identity.add_user(loket, "carla", "Carla Jansen", "medewerker", TEMPORARY)
    identity.sign_out(loket)
    return loket


def test_the_temporary_password_is_replaced_before_work_starts(carla, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    signed_in: list[str] = []
    own_dialogs: list[OwnPasswordDialog] = []

    def sign_in(self: SignInDialog) -> int:
        self.user.setText("carla")
        self.password.setText(TEMPORARY)
        self.try_sign_in()
        signed_in.append(self.loket.user)
        return int(self.result())

    def choose(self: OwnPasswordDialog) -> int:
        own_dialogs.append(self)
        if len(own_dialogs) == 1:
            return int(QDialog.DialogCode.Rejected)  # "Sign out": back to the door
        self.passwords.first.setText(OWN)
        self.passwords.second.setText(OWN[:-1])
        self.submit()
        assert "niet gelijk" in self.error.text() or "not the same" in self.error.text()
        self.passwords.second.setText(OWN)
        self.submit()
        return int(self.result())

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(OwnPasswordDialog, "exec", choose)
    assert Entrance(carla).admit()
    assert signed_in == ["carla", "carla"] and len(own_dialogs) == 2
    assert carla.user == "carla" and not carla.must_change_password
    identity.sign_out(carla)
    identity.sign_in(carla, "carla", OWN)  # her own password now works, and is final
    assert not carla.must_change_password


def test_the_dialog_refuses_a_weak_password_in_dutch(carla, qtbot):  # type: ignore[no-untyped-def]
    identity.sign_in(carla, "carla", TEMPORARY)
    assert carla.must_change_password
    dialog = OwnPasswordDialog(carla)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.passwords.first.setText(TEMPORARY)
    dialog.passwords.second.setText(TEMPORARY)
    dialog.submit()  # the temporary one again: a beheerder knows it
    assert dialog.error.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.passwords.first.setText("wachtwoord")
    dialog.passwords.second.setText("wachtwoord")
    dialog.submit()
    assert "minstens 12 tekens" in dialog.error.text()
    assert dialog.grab().save(str(SCREENSHOTS / "own-password.png"))
    dialog.passwords.first.setText(STAFF_PASSWORD + "-eigen")
    dialog.passwords.second.setText(STAFF_PASSWORD + "-eigen")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted and not carla.must_change_password
