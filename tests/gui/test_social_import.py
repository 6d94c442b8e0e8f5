"""Importing the platforms' own export files from the desktop: the file dialog offers them,
a WhatsApp chat lands in a case, a bad file gives one Dutch line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from .conftest import REPO

pytestmark = pytest.mark.gui

DATA = REPO / "tests" / "data" / "social"


def choose(monkeypatch, paths: list[Path], offered: list[str]) -> None:  # type: ignore[no-untyped-def]
    def fake(_parent, _title, _folder, filters, *_args):  # type: ignore[no-untyped-def]
        offered.append(filters)
        return [str(p) for p in paths], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake))


def test_import_a_whatsapp_chat_through_the_dialog(window, loket, monkeypatch, qtbot):
    window.show()
    offered: list[str] = []
    choose(monkeypatch, [DATA / "WhatsApp Chat with Anna Smit.txt"], offered)
    window.workspace.ask_import()
    for pattern in ("*.txt", "*.zip", "*.json", "*.js", "*.eml", "*.mbox"):
        assert pattern in offered[0].split(";;")[0]
    assert "WhatsApp (*.txt *.zip)" in offered[0]
    assert "X (*.js *.zip)" in offered[0]
    rows = loket.db.query(
        "SELECT sender_name, direction, body_text FROM messages WHERE channel = 'whatsapp' "
        "ORDER BY sent_at")
    assert [r["sender_name"] for r in rows if r["direction"] == "in"] == ["Anna Smit"] * 2
    assert any("bulky waste" in r["body_text"] for r in rows)
    assert window.statusBar().currentMessage().startswith("Imported 3 message(s), 0 already")
    # the same file again: idempotent
    window.workspace.ask_import()
    assert "0 message(s), 3 already present" in window.statusBar().currentMessage()


def test_a_bad_file_shows_one_dutch_line(window, loket, monkeypatch):
    window.show()
    before = loket.db.scalar("SELECT count(*) FROM messages")
    choose(monkeypatch, [DATA / "telegram-result.json"], [])
    window.workspace.ask_import()
    message = window.statusBar().currentMessage()
    assert "1 failed" in message
    assert "telegram-result.json: Dit is een Telegram-export" in message
    assert "\n" not in message
    assert loket.db.scalar("SELECT count(*) FROM messages") == before  # nothing half-imported
