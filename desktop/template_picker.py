"""Standaardantwoorden in a reply: a searchable picker (Ctrl+T, or the button), whose choice
goes in at the cursor, filled in, as one edit that Ctrl+Z takes back. Typed text is never
replaced: a selection stays and the text goes in after it; only the greeting Loket itself put
in an untouched reply makes way for the template's own."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import steer_list, text_field
from desktop.tasks import TaskRunner
from inbox import workspace
from inbox.errors import LoketError, StorageError

log = logging.getLogger("loket.desktop.templates")

Fill = Callable[[workspace.Template], str]


def matches(template: workspace.Template, query: str) -> bool:
    """Every word of `query` in the title or the text (any case, any order)."""
    haystack = f"{template.title}\n{template.body}".casefold()
    return all(word in haystack for word in query.casefold().split())


class TemplatePicker(QDialog):
    """Type to narrow the list (title and text), ↑↓ to choose, Enter inserts.
    `chosen(Template)` when one is picked."""

    chosen = Signal(object)

    def __init__(self, templates: list[workspace.Template], fill: Fill,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.fill = fill
        self.setWindowTitle(self.tr("Standard replies"))
        self.field = text_field(self, self.tr("Search the standard replies…"),
                                self.tr("Search the standard replies"))
        self.field.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Standard replies"))
        self.list.itemDoubleClicked.connect(lambda _item: self.pick())
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setMaximumHeight(200)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        hint = QLabel(self.tr("↑↓ choose · Enter inserts at the cursor · Esc closes"), self)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(hint)
        self.field.textChanged.connect(self.update_list)
        self.field.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._show_preview())
        self.update_list("")
        self.resize(560, 460)
        self.field.setFocus()

    def update_list(self, text: str) -> None:
        self.list.clear()
        for template in self.templates:
            if matches(template, text):
                item = QListWidgetItem(template.title, self.list)
                item.setData(Qt.ItemDataRole.UserRole, template)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_preview()

    def current(self) -> workspace.Template | None:
        item = self.list.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return found if isinstance(found, workspace.Template) else None

    def _show_preview(self) -> None:
        template = self.current()
        self.preview.setPlainText(self.fill(template) if template else (
            self.tr("Nothing found.") if self.field.text().strip() else ""))

    def titles(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if watched is self.field and steer_list(event, self._move, self.pick):
            return True
        return bool(super().eventFilter(watched, event))

    def _move(self, step: int) -> None:
        row = self.list.currentRow() + step
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def pick(self) -> None:
        template = self.current()
        if template is None:
            return
        self.chosen.emit(template)
        self.accept()


def insert_text(target: QPlainTextEdit, text: str, replaceable: str = "") -> None:
    """Put `text` in at the cursor as one undoable edit. A selection is kept (the text goes
    after it); when the whole reply is still `replaceable` (the greeting Loket put there,
    untouched), the text takes its place (also undoable)."""
    cursor = target.textCursor()
    cursor.beginEditBlock()
    if replaceable and target.toPlainText() == replaceable:
        cursor.select(cursor.SelectionType.Document)
    elif cursor.hasSelection():
        cursor.setPosition(cursor.selectionEnd())
    cursor.insertText(text)
    cursor.endEditBlock()
    target.setTextCursor(cursor)
    target.setFocus()


class TemplateButton(QPushButton):
    """The "Standard reply…" button of a reply editor, and Ctrl+T in it."""

    inserted = Signal(object)  # the Template put in

    def __init__(self, dialog: QWidget, target: QPlainTextEdit, runner: TaskRunner,
                 fill: Fill, replaceable: Callable[[], str] = lambda: "") -> None:
        super().__init__(dialog)
        self.setText(self.tr("Choose… (Ctrl+T)"))
        self.setAccessibleName(self.tr("Insert a standard reply"))
        self.dialog = dialog
        self.target = target
        self.runner = runner
        self.fill = fill
        self.replaceable = replaceable
        self.picker: TemplatePicker | None = None
        self.clicked.connect(self.open)
        self.shortcut = QShortcut(QKeySequence("Ctrl+T"), dialog)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.open)
        try:
            self.templates = workspace.templates(runner.loket)
        except (LoketError, StorageError, OSError) as exc:
            log.info("no standard replies: %s", type(exc).__name__)
            self.templates = []  # typing the reply still works
        self.setEnabled(bool(self.templates))

    def add_to(self, form: QFormLayout) -> None:
        """Its row in a form: "Standard reply  [Choose… (Ctrl+T)]" (Alt+S)."""
        row = QHBoxLayout()
        row.addWidget(self)
        row.addStretch(1)
        label = QLabel(self.tr("&Standard reply"), self.dialog)
        label.setBuddy(self)
        form.addRow(label, row)

    def open(self) -> TemplatePicker:
        picker = TemplatePicker(self.templates, self.fill, self.dialog)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.insert)
        picker.open()
        self.picker = picker
        return picker

    def insert(self, template: workspace.Template) -> None:
        insert_text(self.target, self.fill(template), self.replaceable())
        self.inserted.emit(template)
