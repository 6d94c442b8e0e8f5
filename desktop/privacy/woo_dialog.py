"""Woo redaction review: the case text with its redactions marked, and every hit listed with
its kind and Woo ground before export (withheld attachments too, with their ground and why);
the reviewer toggles a redaction off (or on again), adds a selected text, and exports the
redacted documents (written atomically, private, checked to hold no redacted text)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import export_folder
from desktop.plain import plain_label
from inbox.errors import LoketError
from inbox.privacy import redaction, woo
from inbox.services import Loket

TEXT_ROLE = Qt.ItemDataRole.UserRole


class WooDialog(QDialog):
    def __init__(self, loket: Loket, parent: QWidget | None = None, reference: str = "") -> None:
        super().__init__(parent)
        self.loket = loket
        self.document: woo.Document | None = None
        self.setWindowTitle(self.tr("Woo redaction review"))
        self.resize(980, 620)
        self.reference = QLineEdit(reference, self)
        self.reference.setPlaceholderText(self.tr("Case reference"))
        self.reference.returnPressed.connect(self.load)
        load = QPushButton(self.tr("&Show"), self)
        load.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Case:"), self))
        top.addWidget(self.reference, 1)
        top.addWidget(load)

        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Case text with redactions"))
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Redactions"))
        self.items.itemChanged.connect(self._toggled)
        self.ground = QComboBox(self)
        for code, label in redaction.GROUNDS.items():
            self.ground.addItem(code, code)
            self.ground.setItemData(self.ground.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.ground.setCurrentIndex(self.ground.findData(redaction.GROUND_PRIVACY))
        self.add_button = QPushButton(self.tr("&Redact selection"), self)
        self.add_button.clicked.connect(lambda: self.add_selection())
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Redactions (uncheck to leave readable):"), side))
        side_layout.addWidget(self.items, 1)
        side_layout.addWidget(self.ground)
        side_layout.addWidget(self.add_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.text)
        split.addWidget(side)
        split.setSizes([640, 320])

        self.message = plain_label(self, wrap=True)  # may quote data
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(lambda: self.export())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._filling = False
        redaction.preload()  # the name recogniser takes seconds to load: start now
        if reference:
            self.load()

    def done(self, result: int) -> None:
        redaction.unload()  # its lists take about a gigabyte; load again when needed
        super().done(result)

    def kind_label(self, kind: str) -> str:
        """What was found: 'BSN', 'phone number', …, 'added by the reviewer'."""
        names = {
            "bsn": self.tr("BSN"),
            "telefoon": self.tr("phone number"),
            "email": self.tr("e-mail address"),
            "iban": self.tr("IBAN"),
            "naam": self.tr("name"),
            "postcode": self.tr("postcode"),
            "adres": self.tr("address"),
            "geboortedatum": self.tr("date of birth"),
            "plaats": self.tr("place"),
            "instelling": self.tr("institution"),
            "handmatig": self.tr("added by the reviewer"),
        }
        return names.get(kind, redaction.KIND_LABELS.get(kind, kind))

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "")
        self.message.setText(text)

    def load(self) -> None:
        # the first time, the name recogniser may still be loading (seconds): say we are busy
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.document = woo.document(self.loket, self.reference.text())
        except LoketError as exc:
            self.document = None
            self.text.clear()
            self.items.clear()
            self._show(str(exc), error=True)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._show("")
        self._fill()

    def _fill(self) -> None:
        doc = self.document
        assert doc is not None
        parts = []
        for s in doc.sections:
            body = s.redacted_html(
                lambda r: f'<span style="background:#222;color:#ffd54f">{html.escape(r.text)}'
                f'</span><sup style="color:#b00020">[{html.escape(r.ground)}]</sup>'
            )
            title = html.escape(s.title)
            parts.append(f"<h3>{title}</h3><p style='white-space:pre-wrap'>{body}</p>")
        if doc.withheld:
            heading = self.tr("Attachments withheld")  # outside the f-string: lupdate finds it
            parts.append(f"<h3>{html.escape(heading)}</h3><ul>")
            parts += [
                f"<li>{html.escape(w.name)} <sup style='color:#b00020'>[{html.escape(w.ground)}]"
                f"</sup>: {html.escape(w.reason)}</li>"
                for w in doc.withheld
            ]
            parts.append("</ul>")
        self.text.setHtml("".join(parts))
        self._filling = True
        self.items.clear()
        counts: dict[str, int] = {}
        first: dict[str, redaction.Redaction] = {}
        for _s, r in doc.redactions:
            key = r.text.casefold()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, r)
        for key, r in first.items():
            label = f"{self.kind_label(r.kind)} [{r.ground}]: {r.text}"
            if counts[key] > 1:
                label += f" ({counts[key]}×)"
            item = QListWidgetItem(label, self.items)
            item.setToolTip(redaction.GROUNDS[r.ground])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(TEXT_ROLE, r.text)
        for text in doc.undone:
            item = QListWidgetItem(self.tr("left readable: %1").replace("%1", text), self.items)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(TEXT_ROLE, text)
        for w in doc.withheld:
            label = (
                self.tr("attachment withheld [%1]: %2 (%3)")
                .replace("%1", w.ground)
                .replace("%2", w.name)
                .replace("%3", w.reason)
            )
            item = QListWidgetItem(label, self.items)
            item.setToolTip(redaction.GROUNDS[w.ground])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self._filling = False

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._filling or self.document is None:
            return
        if item.data(TEXT_ROLE) is None:
            return  # a withheld attachment: nothing to toggle
        text = str(item.data(TEXT_ROLE))
        try:
            if item.checkState() == Qt.CheckState.Checked:
                woo.reset(self.loket, self.document.reference, text)
            else:
                woo.undo(self.loket, self.document.reference, text)
        except LoketError as exc:
            self._show(str(exc), error=True)
        self.load()

    def add_selection(self, text: str | None = None) -> None:
        if self.document is None:
            return
        chosen = text if text is not None else self.text.textCursor().selectedText()
        try:
            woo.add(self.loket, self.document.reference, chosen, str(self.ground.currentData()))
        except LoketError as exc:
            self._show(str(exc), error=True)
            return
        self.load()

    def export(self, folder: Path | None = None) -> Path | None:
        if self.document is None:
            return None
        folder = export_folder(self, self.tr("Folder for the export"),
                               f"woo-{self.document.reference}", folder)
        if folder is None:
            return None
        try:
            done = woo.export(self.loket, [self.document.reference], folder)
        except LoketError as exc:
            self._show(str(exc), error=True)
            return None
        self._show(
            self.tr("Exported to %1 with %2 redactions; %3 attachments withheld.")
            .replace("%1", str(done.folder))
            .replace("%2", str(done.redactions))
            .replace("%3", str(done.withheld))
        )
        return done.folder
