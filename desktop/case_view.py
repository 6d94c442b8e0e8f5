"""The right-hand pane: one case's header and its timeline of messages, notes and events.

Everything from outside (subjects, bodies, names) is escaped; message HTML is never rendered
here, only body_text, and the browser loads no resources at all (no remote content).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.formatting import local_time
from inbox.model import AddressKind, CaseDetail, Direction, TimelineEntry


def address_label(kind: str) -> str:
    labels = {
        AddressKind.EMAIL.value: QCoreApplication.translate("CaseView", "E-mail"),
        AddressKind.PHONE.value: QCoreApplication.translate("CaseView", "Phone"),
    }
    return labels.get(kind, kind.capitalize())


def timeline_html(detail: CaseDetail) -> str:
    """The timeline as simple, escaped HTML for a QTextBrowser."""
    if not detail.timeline:
        return "<p>" + escape(QCoreApplication.translate("CaseView", "No messages yet.")) + "</p>"
    parts = [_entry_html(entry) for entry in detail.timeline]
    return "\n".join(parts)


def _entry_html(entry: TimelineEntry) -> str:
    when = escape(local_time(entry.at))
    if entry.kind == "event":
        who = f" · {escape(entry.author)}" if entry.author else ""
        return (
            f'<p style="color:#6b6b6b; margin:4px 0 4px 0;">{when} · {escape(entry.title)}'
            f"{who}</p>"
        )
    if entry.kind == "note":
        label = QCoreApplication.translate("CaseView", "Internal note")
        background = "#fff6d5"
    else:
        if entry.direction is Direction.OUTBOUND:
            label = QCoreApplication.translate("CaseView", "Sent")
            background = "#eaf2fb"
        else:
            label = QCoreApplication.translate("CaseView", "Received")
            background = "#f4f4f4"
        if entry.channel is not None:
            label = f"{entry.channel.label} · {label}"
    meta = " · ".join(x for x in (when, escape(label), escape(entry.author)) if x)
    title = ""
    if entry.kind == "message" and entry.title:
        title = f"<p style='margin:2px 0 4px 0;'><b>{escape(entry.title)}</b></p>"
    warning = ""
    if entry.flagged:
        text = QCoreApplication.translate(
            "CaseView", "This message could not be read completely; the original is kept."
        )
        warning = f"<p style='color:#a4262c;'>{escape(text)}</p>"
    body = escape(entry.text).replace("\n", "<br>") if entry.text else ""
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" style="margin:6px 0 6px 0;'
        f' background-color:{background};"><tr><td>'
        f"<p style='color:#555555; margin:0;'>{meta}</p>{title}{warning}"
        f"<p style='margin:0;'>{body}</p></td></tr></table>"
    )


class _SafeBrowser(QTextBrowser):
    """A text browser that follows no links and loads nothing (no remote or local content)."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        return None


class CaseView(QWidget):
    """Shows a CaseDetail, or a hint when no case is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _plain_label(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.status = _plain_label(self)
        self.contact = _plain_label(self)
        self.addresses = _plain_label(self)
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.timeline = _SafeBrowser(self)
        self.timeline.setOpenExternalLinks(False)
        self.timeline.setOpenLinks(False)
        self.timeline.setAccessibleName(self.tr("Timeline"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        for widget in (self.title, self.status, self.contact, self.addresses, line):
            layout.addWidget(widget)
        layout.addWidget(self.timeline, 1)
        self.reference: str | None = None
        self.clear()

    def clear(self) -> None:
        self.reference = None
        self.title.setText(self.tr("No case selected"))
        self.status.setText(self.tr("Select a case in the list to see its messages."))
        self.contact.clear()
        self.addresses.clear()
        self.timeline.clear()

    def show_case(self, detail: CaseDetail) -> None:
        case = detail.summary
        self.reference = case.reference
        self.title.setText(f"{case.reference} · {case.subject}")
        status = self.tr("Status: %1").replace("%1", case.status.label)
        if case.assignee:
            status += " · " + self.tr("handled by %1").replace("%1", case.assignee)
        if detail.first_contact_resolution:
            status += " · " + self.tr("resolved in one go")
        self.status.setText(status)
        self.contact.setText(
            self.tr("Resident: %1").replace("%1", case.contact or self.tr("unknown"))
        )
        self.addresses.setText(
            "   ".join(f"{address_label(k)}: {v}" for k, v in detail.contact_addresses)
        )
        self.addresses.setVisible(bool(detail.contact_addresses))
        self.timeline.setHtml(timeline_html(detail))

    def timeline_text(self) -> str:
        return self.timeline.toPlainText()


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # subjects and names come from outside
    label.setWordWrap(True)
    return label
