"""The user guide's shortcut table (docs/handleiding.md) says what the main window does."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QKeySequence

from .conftest import REPO

pytestmark = pytest.mark.gui

GUIDE = REPO / "docs" / "handleiding.md"


def _main_window_keys() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    table = text.split("## Sneltoetsen", 1)[1].split("In de antwoordeditor", 1)[0]
    keys: list[str] = []
    for row in re.findall(r"^\| ([^|]+?) \| [^|]+ \|$", table, re.MULTILINE):
        if row not in ("Toets", "---"):
            keys.extend(k.strip() for k in row.split(", "))
    return keys


def test_every_shortcut_in_the_guide_is_in_the_window(anna_window):
    keys = _main_window_keys()
    assert len(keys) >= 20
    bound = {k.toString(QKeySequence.SequenceFormat.PortableText)
             for action in anna_window.findChildren(QAction) for k in action.shortcuts()}
    missing = [k for k in keys
               if QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) not in bound]
    assert missing == []


def test_the_guide_has_a_part_per_role():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in ("## Medewerker KCC", "## Teamleider", "## Archivaris", "## Beheerder",
                    "## Sneltoetsen"):
        assert heading in text
    for image in re.findall(r"\]\((screenshots/[^)]+)\)", text):
        assert (GUIDE.parent / image).exists(), image
