"""Auto-lock: after the idle timeout the window's content is hidden and the sign-in dialog
must be passed to continue; activity restarts the countdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTextEdit, QVBoxLayout, QWidget

from desktop.privacy import install_autolock
from desktop.privacy.autolock import DEFAULT_MINUTES, IdleLock, default_timeout_ms
from inbox.services import CaseQuery
from tests.conftest import give_password, later

pytestmark = pytest.mark.gui

TIMEOUT_MS = 100


@pytest.fixture
def window(loket, qtbot):  # type: ignore[no-untyped-def]
    """A main window like Loket's (menu, content with a case text, status bar); the lock works
    on any QMainWindow and app.py installs it on the real one."""
    win = QMainWindow()
    win.menuBar().addMenu("&Bestand")
    content = QWidget(win)
    win.table = QLineEdit(content)  # something to type in
    text = QTextEdit(content)
    text.setPlainText(
        loket.case_detail(loket.case_summaries(loket.case_ids(CaseQuery()))[0].reference)
        .timeline[0]
        .text
    )
    layout = QVBoxLayout(content)
    layout.addWidget(win.table)
    layout.addWidget(text)
    win.setCentralWidget(content)
    win.statusBar().showMessage("klaar")
    win.resize(800, 600)
    qtbot.addWidget(win)
    return win


def _locked_window(window, loket, qtbot):  # type: ignore[no-untyped-def]
    give_password(loket, "anna", "anna-wachtwoord")
    loket.sign_in("anna", "anna-wachtwoord")
    window.show()
    qtbot.waitExposed(window)
    lock = install_autolock(window, loket, timeout_ms=TIMEOUT_MS)
    assert isinstance(lock, IdleLock)
    return lock


def test_default_is_fifteen_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOKET_LOCK_MINUTES", raising=False)
    assert DEFAULT_MINUTES == 15 and default_timeout_ms() == 15 * 60_000
    monkeypatch.setenv("LOKET_LOCK_MINUTES", "0.5")
    assert default_timeout_ms() == 30_000


def test_idle_window_locks_and_needs_the_password(window, loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = _locked_window(window, loket, qtbot)
    central = window.centralWidget()
    assert central.isVisible()
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)
    assert not central.isVisible() and not window.menuBar().isVisible()
    assert lock.cover.isVisible()
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.user.text() == "anna" and dialog.user.isReadOnly()
    # a wrong password keeps it locked
    dialog.password.setText("fout")
    dialog.try_sign_in()
    assert lock.locked and dialog.error.isVisible() and not central.isVisible()
    later(loket)  # past the wait a failed attempt brings
    dialog.password.setText("anna-wachtwoord")
    dialog.try_sign_in()
    assert not lock.locked and central.isVisible() and window.menuBar().isVisible()
    assert not lock.cover.isVisible() and loket.user == "anna"
    # and it locks again after the next idle period
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)
    assert not central.isVisible()


def test_activity_restarts_the_timer(window, loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = _locked_window(window, loket, qtbot)
    for _ in range(6):  # 6 x 40 ms of activity: longer than the timeout, never idle
        qtbot.wait(40)
        qtbot.mouseMove(window.table, QPoint(10, 10))
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
        assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)


def test_cancelling_the_lock_closes_the_window(window, loket, qtbot) -> None:  # type: ignore[no-untyped-def]
    lock = _locked_window(window, loket, qtbot)
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)
    assert lock.dialog is not None
    lock.dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    QApplication.processEvents()


def test_a_window_that_outlived_its_database_does_not_lock_on_it(window, loket, qtbot):  # type: ignore[no-untyped-def]
    """Signed out or quitting, the database is closed while the window may linger: its idle
    timer then stops instead of asking the closed database for a sign-in."""
    give_password(loket, "anna", "anna-wachtwoord")
    loket.sign_in("anna", "anna-wachtwoord")
    lock = install_autolock(window, loket, timeout_ms=TIMEOUT_MS)
    loket.close()
    lock.lock()
    assert not lock.locked and lock.dialog is None and not lock.timer.isActive()
