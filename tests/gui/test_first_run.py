"""The first start: a new database needs its first beheerder before anything else; one from an
older Loket (people without passwords) asks for one and is read-only until then; the app never
runs as the system identity."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from desktop import app
from desktop.people.entrance import Entrance
from desktop.people.first_run import FirstRunDialog
from inbox import identity
from inbox.errors import PermissionDenied
from inbox.model import Role
from inbox.privacy.roles import Permission
from inbox.services import SYSTEM_USER, Loket
from tests.gui.conftest import SCREENSHOTS
from tests.gui.test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui

GOOD = "lente-tulp-fiets-93"


@pytest.fixture
def fresh(tmp_path: Path):  # type: ignore[no-untyped-def]
    loket = Loket.open(tmp_path / "nieuw.db", user="")
    yield loket
    loket.close()


def fill(dialog: FirstRunDialog, name: str, login: str, first: str, second: str) -> None:
    dialog.name.setText(name)
    dialog.user.setText(login)
    dialog.passwords.first.setText(first)
    dialog.passwords.second.setText(second)


def test_first_beheerder_then_the_recovery_key_once(fresh, qtbot):  # type: ignore[no-untyped-def]
    assert identity.needs_first_beheerder(fresh) and not identity.has_users(fresh)
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Quit" in dialog.later.text()  # a new database: no way around the beheerder
    fill(dialog, "Bea Kok", "bea", GOOD, "lente-tulp-fiets-39")
    dialog.submit()
    assert dialog.error.isVisible() and "not the same" in dialog.error.text()
    fill(dialog, "Bea Kok", "bea", "welkom123", "welkom123")
    dialog.submit()  # the domain's rule, in its own Dutch words
    assert "minstens 12 tekens" in dialog.error.text()
    assert identity.needs_first_beheerder(fresh)
    assert dialog.grab().save(str(SCREENSHOTS / "first-run.png"))
    fill(dialog, "Bea Kok", "bea", GOOD, GOOD)
    dialog.submit()
    assert fresh.user == "bea" and fresh.role() is Role.BEHEERDER
    assert dialog.showing_key and len(dialog.key.text()) > 20
    key = dialog.key.text()
    assert dialog.grab().save(str(SCREENSHOTS / "first-run-recovery-key.png"))
    assert not dialog.go_on.isEnabled()
    dialog.reject()  # Esc: the key must be seen and ticked first
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    dialog.written.setChecked(True)
    assert dialog.go_on.isEnabled()
    dialog.go_on.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key.text() == ""
    assert identity.take_recovery_key(fresh) is None  # shown once: it now lives on paper
    assert key.strip()
    assert not identity.needs_first_beheerder(fresh)


def test_a_legacy_database_is_read_only_until_its_beheerder_is_set(tmp_path, qtbot,
                                                                   monkeypatch):  # type: ignore[no-untyped-def]
    path = tmp_path / "oud.db"
    old = Loket.open(path)  # made by an older Loket: people, no passwords
    old.ensure_user("anne", "Anne de Vries", Role.MEDEWERKER)
    old.close()
    loket = Loket.open(path, user="")
    try:
        monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        entrance = Entrance(loket)
        assert entrance.admit() and entrance.read_only
        assert loket.user == "" and loket.user != SYSTEM_USER
        assert loket.may(Permission.LIST_CASES) and not loket.may(Permission.WORK_CASES)
        with pytest.raises(PermissionDenied, match="nog geen beheerder"):
            loket.ensure_user("bram", "Bram", Role.MEDEWERKER)

        def make_anne_beheerder(self: FirstRunDialog) -> int:
            assert self.legacy and "Later" in self.later.text()
            fill(self, "Anne de Vries", "anne", GOOD, GOOD)
            self.submit()
            self.written.setChecked(True)
            self.accept()
            return int(self.result())

        monkeypatch.setattr(FirstRunDialog, "exec", make_anne_beheerder)
        assert entrance.first_beheerder()
        assert loket.user == "anne" and loket.role() is Role.BEHEERDER
    finally:
        loket.close()


def test_the_app_starts_a_new_database_with_its_first_beheerder(qapp, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOKET_LANG", "en")
    monkeypatch.setenv("LOKET_USER", SYSTEM_USER)  # never accepted as a person
    monkeypatch.setenv("LOKET_PASSWORD", "")
    asked: list[bool] = []
    users: list[str] = []

    def first_run(self: FirstRunDialog) -> int:
        asked.append(self.legacy)
        fill(self, "Bea Kok", "bea", GOOD, GOOD)
        self.submit()
        self.written.setChecked(True)
        self.accept()
        return int(self.result())

    def fake_exec() -> int:
        for _ in range(200):
            QApplication.processEvents()
            titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
            if any("bea" in t for t in titles):
                users.extend(titles)
                break
        QApplication.closeAllWindows()
        return 0

    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run(tmp_path / "nieuw.db") == 0
    assert asked == [False]
    assert any(t.startswith("Loket — bea") for t in users), users


def test_quitting_the_first_run_quits_a_new_database(qapp, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOKET_LANG", "en")
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    path = tmp_path / "nieuw.db"
    loket = Loket.open(path, user="")
    try:
        assert not Entrance(loket).admit()  # nobody in: Loket quits
        assert identity.needs_first_beheerder(loket)
    finally:
        loket.close()


def test_first_run_speaks_dutch(dutch, fresh, qtbot):  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Loket instellen"
    assert dialog.make.text() == "Beheerder &maken" and dialog.later.text() == "Loket &afsluiten"
    fill(dialog, "Bea Kok", "bea", GOOD, GOOD + "x")
    dialog.submit()
    assert dialog.error.text() == "De twee wachtwoorden zijn niet gelijk."
    assert dialog.grab().save(str(SCREENSHOTS / "first-run-nl.png"))
    fill(dialog, "Bea Kok", "bea", GOOD, GOOD)
    dialog.submit()
    assert dialog.written.text() == "Ik heb hem &opgeschreven"
    assert dialog.grab().save(str(SCREENSHOTS / "first-run-recovery-key-nl.png"))


def test_the_read_only_window_makes_the_beheerder_and_opens_her_window(tmp_path, qtbot,
                                                                       monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from desktop.role_home import RoleHome

    path = tmp_path / "oud.db"
    old = Loket.open(path)
    old.ensure_user("anne", "Anne de Vries", Role.MEDEWERKER)
    old.close()
    loket = Loket.open(path, user="")
    try:
        monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        opened = {"loket": loket, "entrance": Entrance(loket)}
        assert opened["entrance"].admit()
        place = QWidget()
        qtbot.addWidget(place)
        app._open_window(place, opened)
        reading = opened["window"]
        assert "idle_lock" not in opened  # nobody signed in: nobody could unlock it

        def make_bea(self: FirstRunDialog) -> int:
            fill(self, "Bea Kok", "bea", GOOD, GOOD)
            self.submit()
            self.written.setChecked(True)
            self.accept()
            return int(self.result())

        monkeypatch.setattr(FirstRunDialog, "exec", make_bea)
        reading.role_menus.set_up_requested.emit()
        home = opened["window"]
        qtbot.addWidget(home)
        assert isinstance(home, RoleHome) and loket.user == "bea"
        assert not reading.isVisible() and "idle_lock" in opened
        opened["idle_lock"].stop()
    finally:
        loket.close()
