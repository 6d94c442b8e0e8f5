"""Opened attachments live in a private folder under the data dir, emptied at start and exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from inbox import opened
from storage.paths import data_dir, opened_dir


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_placed_attachment_is_private_and_under_the_data_dir() -> None:
    path = opened.place(12, "brief.pdf", b"%PDF-1.4")
    assert data_dir() in path.parents and path.read_bytes() == b"%PDF-1.4"
    assert path.stat().st_mode & 0o777 == 0o600
    for folder in (opened_dir(), path.parent, path.parent.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    # a name with a path in it cannot leave the folder
    sneaky = opened.place(13, "../../../etc/evil.sh", b"x")
    assert sneaky.parent == opened.folder() / "13" and sneaky.name == "evil.sh"


def test_clear_removes_own_and_crashed_sessions_files_but_not_a_running_ones() -> None:
    opened.place(1, "mine.txt", b"mine")
    crashed = opened_dir() / str(_dead_pid())
    crashed.mkdir()
    (crashed / "left.txt").write_bytes(b"left over")
    running = opened_dir() / str(os.getppid())  # another Loket that is still running
    running.mkdir()
    (running / "in-use.txt").write_bytes(b"open in a viewer")
    assert opened.clear() == 2
    assert sorted(p.name for p in opened_dir().iterdir()) == [running.name]
    assert opened.clear(everything=True) == 1
    assert list(opened_dir().iterdir()) == []
    assert opened.clear() == 0


def test_a_folder_that_is_a_link_elsewhere_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_bytes(b"keep")
    opened_dir().parent.mkdir(parents=True, exist_ok=True)
    opened_dir().symlink_to(elsewhere)
    opened.clear()
    assert (elsewhere / "keep.txt").exists() and not os.path.lexists(opened_dir())
