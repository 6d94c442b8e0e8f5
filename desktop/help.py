"""Help for every role's window (F1): its keyboard shortcuts, the user guide, and about Loket.

The shortcuts are read from the window itself, so each role sees the keys of the actions it
has (a hidden action, one the role may not use, is not listed). The user guide is
docs/handleiding.md, shown as formatted text when it is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import close_buttons, open_and_forget

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "handleiding.md"
SHORTCUTS, GUIDE_TAB, ABOUT = 0, 1, 2


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every usable action of `window` that has a shortcut, sorted."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        if not keys or not action.text() or not action.isVisible():
            continue
        rows[action.text().replace("&", "").rstrip("…")] = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    return sorted(rows.items(), key=lambda r: r[0].casefold())


class HelpDialog(QDialog):
    """Tabs: keyboard shortcuts, the user guide, about Loket (who is signed in, the database)."""

    def __init__(self, window: QWidget, about: str = "", tab: int = SHORTCUTS) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Help"))
        self.tabs = QTabWidget(self)
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (text, shown) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text))
            self.table.setItem(r, 1, QTableWidgetItem(shown))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.table, self.tr("Keyboard shortcuts"))
        self.guide = QTextBrowser(self)
        self.guide.setOpenExternalLinks(False)  # the guide's links stay inside Loket
        if GUIDE.is_file():
            self.guide.setMarkdown(GUIDE.read_text(encoding="utf-8"))
        else:
            self.guide.setPlainText(
                self.tr("The user guide (docs/handleiding.md) is not installed."))
        self.tabs.addTab(self.guide, self.tr("User guide"))
        self.about = QLabel(about or "Loket", self)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs.addTab(self.about, self.tr("About Loket"))
        self.tabs.setCurrentIndex(tab)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(620, 560)


def show_help(window: QWidget, about: str = "", tab: int = SHORTCUTS) -> HelpDialog:
    """Open the help of `window` (non-modal to the work: window-modal, Esc closes it)."""
    dialog = HelpDialog(window, about, tab)
    return open_and_forget(dialog)
