"""Message data shown as plain text, never as rich text.

Qt renders any string that *looks* like rich text (`Qt.mightBeRichText`) as HTML in labels,
tooltips and message boxes: a subject `<a href="file:///etc/passwd">x</a>` would become a link
(on Windows a `file://host/` link reaches out to that server) and `<img src=...>` would load a
file. Everything that comes from outside (subjects, names, addresses, error texts quoting them)
goes through these helpers: labels and boxes get `Qt.PlainText`, tooltips (which have no
format setting) get the text escaped inside an explicit rich-text wrapper, so Qt shows the
characters as typed and nothing in them is ever a link.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tip(text: str | None) -> str:
    """A tooltip showing `text` literally. Text that Qt would take for plain text is returned
    as is; anything else is escaped and wrapped, so Qt renders the escaped characters."""
    if not text:
        return ""
    if not QtGuiQt.mightBeRichText(text):
        return text
    body = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt><span style='white-space: pre-wrap'>{body}</span></qt>"


def plain_label(parent: QWidget | None, text: str = "", wrap: bool = False) -> QLabel:
    """A label for data from outside: shown as typed, never a link."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose text and informative text are shown as typed."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
