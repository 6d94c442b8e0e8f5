"""desktop.app.run: the entry point main.py calls."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import app
from desktop.people.first_run import FirstRunDialog

pytestmark = pytest.mark.gui


def test_run_opens_the_window_and_returns_the_exit_code(qapp, sample, monkeypatch):
    monkeypatch.setenv("LOKET_LANG", "en")
    # the window's idle lock outlives this test (the test application keeps running): it
    # must not fire during a later, long test, on a database this test closed
    monkeypatch.setenv("LOKET_LOCK_MINUTES", "1440")
    seen: list[str] = []
    from inbox import opened
    from storage.paths import opened_dir

    crashed = opened_dir() / "999999999"  # a session that died with an attachment open
    crashed.mkdir(parents=True)
    (crashed / "brief.pdf").write_bytes(b"%PDF")

    def fake_exec() -> int:
        # a real exec() + quit() leaves the test application unable to run later event loops;
        # the first window is a light frame, the real one replaces it after the first paint
        seen.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        for _ in range(200):
            QApplication.processEvents()
            titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
            if "Loket — customer contact" in titles:
                seen.extend(titles)
                break
        assert not crashed.exists()  # emptied at start
        seen.append(str(opened.place(7, "open.pdf", b"%PDF")))
        QApplication.closeAllWindows()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    # the sample's people have no password (an older database): it opens read-only when the
    # first-run dialog is put off
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app.run(sample.path) == 0
    assert list(opened_dir().iterdir()) == []  # and at exit
    assert qapp.applicationName() == "Loket"
    assert seen[0] == "Loket" and "Loket — customer contact" in seen


def test_run_explains_a_broken_database_in_dutch(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_LANG", "en")
    broken = tmp_path / "kapot.db"
    broken.write_bytes(b"dit is geen database" * 200)
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert app.run(broken) == 1
    assert shown and "geen (leesbare) Loket-database" in shown[0]
