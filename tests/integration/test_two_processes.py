"""One database, several processes, no lost write (issue: a file dialog in the app dropped
SQLite's locks, a second process then deleted the WAL on exit, and writes were lost).

First the hazard itself, in raw SQLite, so it is clear what Loket guards against; then Loket:
while the app holds a database, a command-line process hands its command to the app, so an
open/close of the file inside the app (here the real Qt file dialog and MIME sniffing) cannot
let another process delete the WAL; and the app notices changes within two seconds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inbox import owner
from inbox.services import Loket
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=60)


def _cli(*args: str, password: str = STAFF_PASSWORD) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LOKET_PASSWORD=password)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_the_hazard_reproduced_a_closed_descriptor_lets_another_process_lose_our_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "raw.db"
    app = sqlite3.connect(path, isolation_level=None)
    app.execute("PRAGMA journal_mode = WAL")
    app.execute("CREATE TABLE notes(text TEXT)")
    app.execute("INSERT INTO notes VALUES ('first')")
    os.close(os.open(path, os.O_RDONLY))  # what a file dialog's sniffing does in the app
    other = _python(
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute(\"INSERT INTO notes VALUES ('from the other process')\"); c.commit(); "
        "c.close()", str(path))
    assert other.returncode == 0
    assert not Path(str(path) + "-wal").exists()  # the other process deleted the WAL
    app.execute("INSERT INTO notes VALUES ('lost')")  # written to the deleted WAL
    fresh = _python(
        "import sqlite3, sys; print(sorted(r[0] for r in sqlite3.connect(sys.argv[1])"
        ".execute('SELECT text FROM notes')))", str(path))
    assert "lost" not in fresh.stdout  # the reported lost write
    app.close()


def _app_owning(path: Path) -> tuple[owner.AppLock, owner.CommandServer]:
    from inbox import cli

    lock = owner.AppLock(path)
    lock.acquire()
    server = owner.CommandServer(path, cli.run_handed_over)
    lock.announce(server.start())
    return lock, server


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_command_hands_itself_to_the_app_and_no_write_is_lost(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeDatabase
    from PySide6.QtWidgets import QFileDialog

    from inbox.model import Channel, IncomingMessage

    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    add_staff(loket)
    got = loket.receive(IncomingMessage(channel=Channel.EMAIL, sent_at=at(2),
                                        sender="jan@example.nl", sender_name="Jan",
                                        subject="Grofvuil", body_text="Wanneer?"))
    act_as(loket, "anne")
    lock, server = _app_owning(path)
    try:
        seen = loket.data_version()
        # the app browses the database's own folder (the reported trigger), sniffing every file
        dialog = QFileDialog(None, "Lijst exporteren", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        QMimeDatabase().mimeTypeForFile(str(path), QMimeDatabase.MatchMode.MatchContent)
        os.close(os.open(path, os.O_RDONLY))
        done = _cli("--db", str(path), "--user", "bram", "case", got.reference,
                    "--note", "Notitie via de opdrachtregel")
        assert done.returncode == 0, done.stderr
        assert "Notitie via de opdrachtregel" in done.stdout
        assert loket.data_version() != seen  # the app sees the other connection's commit
        loket.add_note(got.reference, "Notitie in de app")
        dialog.close()
    finally:
        server.stop()
        loket.close()
        lock.release()
    again = Loket.open(path)
    act_as(again, "anne")
    notes = [t.text for t in again.case_detail(got.reference).timeline if t.kind == "note"]
    assert notes == ["Notitie via de opdrachtregel", "Notitie in de app"]
    act_as(again, "bea")
    assert again.integrity_problems() == []
    again.close()


def test_a_second_app_on_the_same_database_is_told_so(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    Loket.open(path).close()
    lock, server = _app_owning(path)
    try:
        with pytest.raises(owner.AlreadyOpen, match="al geopend"):
            owner.AppLock(path).acquire(wait_seconds=0.5)
    finally:
        server.stop()
        lock.release()
    second = owner.AppLock(path)
    second.acquire(wait_seconds=0.5)  # free again once the first app ended
    second.release()


def test_a_usage_error_handed_over_is_still_one_dutch_line(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    add_staff(loket)
    loket.close()
    lock, server = _app_owning(path)
    try:
        done = _cli("--db", str(path), "--user", "anne", "cases", "--limit", "-1")
        assert done.returncode == 2
        assert done.stderr.strip().splitlines() == [
            "loket: --limit: '-1' mag niet negatief zijn (zie 'loket cases --help')"]
        wrong = _cli("--db", str(path), "--user", "anne", "cases", password="fout")
        assert wrong.returncode == 1 and "klopt niet" in wrong.stderr
    finally:
        server.stop()
        lock.release()
