"""The right-hand pane: one case's header and its timeline of messages, notes and events.

Everything from outside (subjects, bodies, names) is escaped. An e-mail with HTML is shown as
its sanitised HTML (inbox.mailview) in a MailBrowser, which loads only the message's own cid:
images and never anything remote. Replies show where they stand in the outbox; a reply whose
sending failed or is uncertain gets a "Send anyway" button below the timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import local_day, local_time
from desktop.labels import channel_label, status_label
from desktop.mail_browser import ATTACHMENT_SCHEME, MailBrowser, scoped_html, size_text
from desktop.plain import tip
from inbox import acts
from inbox.channels.registry import spec as channel_spec
from inbox.errors import LoketError, StorageError
from inbox.mailview import MessageView, OutboxInfo, message_views, outbox_of_case
from inbox.model import AddressKind, CaseDetail, CaseSummary, Direction, TimelineEntry
from inbox.services import Loket

if TYPE_CHECKING:
    from inbox.collisions import Change


TITLE_LINES = 2  # the case's heading: reference and subject
TITLE_CHARS = 160  # a message's subject in the timeline, at most
SIDE_BY_SIDE_WIDTH = 640  # narrower: the kennisbank suggestions go below the timeline
QWIDGETSIZE_MAX = 16777215


def address_label(kind: str) -> str:
    labels = {
        AddressKind.EMAIL.value: QCoreApplication.translate("CaseView", "E-mail"),
        AddressKind.PHONE.value: QCoreApplication.translate("CaseView", "Phone"),
    }
    return labels.get(kind, kind.capitalize())


def timeline_html(
    detail: CaseDetail,
    mails: Mapping[int, MessageView] | None = None,
    outbox: Mapping[int, OutboxInfo] | None = None,
) -> str:
    """The timeline as HTML for a MailBrowser: escaped text, or a mail's sanitised HTML."""
    if not detail.timeline:
        return "<p>" + escape(QCoreApplication.translate("CaseView", "No messages yet.")) + "</p>"
    mails = mails or {}
    outbox = outbox or {}
    parts = [
        _entry_html(entry, mails.get(entry.ref_id) if entry.kind == "message" else None,
                    outbox.get(entry.ref_id) if entry.kind == "message" else None)
        for entry in detail.timeline
    ]
    return "\n".join(parts)


def day_state(case: CaseSummary) -> str:
    """The case's answer-by moment, open hand-over and call-back: a line each."""
    parts = []
    if case.due_at and case.status.value != "afgerond":
        parts.append(QCoreApplication.translate("CaseView", "answer by %1").replace(
            "%1", local_time(case.due_at)))
    if case.forward_open and case.department:
        parts.append(QCoreApplication.translate("CaseView", "at %1 until %2").replace(
            "%1", case.department).replace("%2", local_time(case.forward_due)))
    if case.callback_open:
        parts.append(QCoreApplication.translate("CaseView", "call back by %1").replace(
            "%1", local_time(case.callback_due)))
    return "\n".join(parts)


def outbox_state_text(info: OutboxInfo) -> tuple[str, str]:
    """(text, colour) for where a reply stands."""
    translate = QCoreApplication.translate
    error = info.last_error or ""
    if info.state == "sent":
        text = translate("CaseView", "Sent %1").replace("%1", local_time(info.sent_at))
        return text.strip(), "#107c10"
    if info.state == "failed":
        return translate("CaseView", "Sending failed: %1").replace("%1", error), "#a4262c"
    if info.state == "uncertain":
        text = translate("CaseView", "Uncertain whether it was sent: %1").replace("%1", error)
        return text, "#a4262c"
    text = translate("CaseView", "Waiting to be sent")
    if error:
        text += " · " + translate("CaseView", "last attempt: %1").replace("%1", error)
    return text, "#8a5a00"


def _attachments_html(view: MessageView) -> str:
    items = []
    for a in view.listed_attachments:
        risky = ""
        if a.risky:
            risky = (" <span style='color:#a4262c;'>"
                     + escape(QCoreApplication.translate("CaseView", "(can contain a program)"))
                     + "</span>")
        items.append(
            f"<a href='{ATTACHMENT_SCHEME}:{a.id}'>{escape(a.filename)}</a>"
            f" <span style='color:#555555;'>({escape(size_text(a.size))})</span>{risky}"
        )
    if not items:
        return ""
    label = escape(QCoreApplication.translate("CaseView", "Attachments:"))
    return f"<p style='margin:6px 0 0 0;'>{label}<br>" + "<br>".join(items) + "</p>"


def dark_palette() -> bool:
    """True when the system (or user) chose a dark colour scheme: the timeline follows it."""
    from PySide6.QtGui import QGuiApplication, QPalette

    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


# (event text, meta text, note, sent, received) backgrounds and greys, per scheme
_LIGHT = ("#6b6b6b", "#555555", "#fff6d5", "#eaf2fb", "#f4f4f4")
_DARK = ("#a8a8a8", "#b8b8b8", "#4a4020", "#1f3347", "#2d2d2d")


def _entry_html(
    entry: TimelineEntry, view: MessageView | None = None, sent: OutboxInfo | None = None
) -> str:
    event_grey, meta_grey, note_bg, sent_bg, received_bg = _DARK if dark_palette() else _LIGHT
    when = escape(local_time(entry.at))
    if entry.kind == "event":
        who = f" · {escape(entry.author)}" if entry.author else ""
        return (
            f'<p style="color:{event_grey}; margin:4px 0 4px 0;">{when} · {escape(entry.title)}'
            f"{who}</p>"
        )
    if entry.kind == "note":
        label = QCoreApplication.translate("CaseView", "Internal note")
        background = note_bg
    else:
        if entry.direction is Direction.OUTBOUND:
            label = QCoreApplication.translate("CaseView", "Sent")
            background = sent_bg
        else:
            label = QCoreApplication.translate("CaseView", "Received")
            background = received_bg
        if entry.channel is not None:
            label = f"{channel_label(entry.channel)} · {label}"
    meta = " · ".join(x for x in (when, escape(label), escape(entry.author)) if x)
    title = ""
    if entry.kind == "message" and entry.title:
        heading = entry.title if len(entry.title) <= TITLE_CHARS else (
            entry.title[:TITLE_CHARS].rsplit(" ", 1)[0] + " …")
        title = f"<p style='margin:2px 0 4px 0;'><b>{escape(heading)}</b></p>"
    warning = ""
    if entry.flagged:
        text = QCoreApplication.translate(
            "CaseView", "This message could not be read completely; the original is kept."
        )
        warning = f"<p style='color:#a4262c;'>{escape(text)}</p>"
    if view is not None and view.html:
        body = f"<div>{scoped_html(view)}</div>"
    else:
        text = escape(entry.text).replace("\n", "<br>") if entry.text else ""
        body = f"<p style='margin:0;'>{text}</p>"
    state = ""
    if sent is not None:
        text, colour = outbox_state_text(sent)
        state = f"<p style='color:{colour}; margin:4px 0 0 0;'>{escape(text)}</p>"
    attachments = _attachments_html(view) if view is not None else ""
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" style="margin:6px 0 6px 0;'
        f' background-color:{background};"><tr><td>'
        f"<p style='color:{meta_grey}; margin:0;'>{meta}</p>{title}{warning}"
        f"{body}{attachments}{state}</td></tr></table>"
    )


class OutboxPanel(QWidget):
    """Replies of this case that need a person: failed or uncertain, with "Send anyway"."""

    send_again = Signal(object)  # OutboxInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self.buttons: dict[int, QPushButton] = {}
        self.hide()

    def show_states(self, infos: list[OutboxInfo]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        needing = [i for i in infos if i.can_send_again]
        for info in needing:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text, _ = outbox_state_text(info)
            label = QLabel(text, row)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setStyleSheet("color: #a4262c;")
            button = QPushButton(self.tr("Send anyway"), row)
            button.clicked.connect(lambda _=False, i=info: self.send_again.emit(i))
            line.addWidget(label, 1)
            line.addWidget(button)
            self.buttons[info.id] = button
            self._layout.addWidget(row)
        self.setVisible(bool(needing))


class CaseView(QWidget):
    """Shows a CaseDetail, or a hint when no case is selected.

    With a Loket it also reads each e-mail's HTML and attachments and the outbox state of
    replies (small local reads, on the GUI thread like case_detail itself)."""

    reply_requested = Signal(object)  # CaseDetail
    send_again_requested = Signal(object)  # OutboxInfo
    resident_requested = Signal(object)  # CaseDetail: the contact card (desktop.social)
    # what others did to the open case since it was opened (inbox.collisions.Change list):
    # another window or process, a colleague's laptop (team sync), the resident writing again
    colleagues_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, loket: Loket | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.detail: CaseDetail | None = None
        self.outbox: dict[int, OutboxInfo] = {}
        self.reply_action = QAction(self.tr("&Reply"), self)
        self.reply_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reply_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.reply_action.setToolTip(
            self.tr("Reply to the resident where they wrote, or say why not (Ctrl+R)"))
        self.reply_action.setEnabled(False)
        self.reply_action.triggered.connect(self._reply)
        self.addAction(self.reply_action)
        self.reply_button = QToolButton(self)
        self.reply_button.setDefaultAction(self.reply_action)
        self.reply_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.resident_button = QPushButton(self.tr("View &resident"), self)
        self.resident_button.setToolTip(self.tr("Every case and message of this resident"))
        self.resident_button.clicked.connect(lambda: self.resident_requested.emit(self.detail))

        self.title = BoundedLabel(TITLE_LINES, self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.status = _plain_label(self)
        self.day = QLabel(self)  # answer by, at a department, call back (a line each)
        self.day.setTextFormat(Qt.TextFormat.PlainText)
        self.day.hide()
        self.contact = _plain_label(self)
        self.addresses = _plain_label(self)
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # team presence: "Anne is dit antwoord aan het schrijven" (from other laptops)
        self.presence = _plain_label(self)
        self.presence.setStyleSheet("color: #8a5300; font-style: italic")
        self.presence.setAccessibleName(self.tr("Colleagues on this case"))
        self.presence.hide()
        self.collision = _plain_label(self)
        self.collision.setObjectName("collision")
        self.collision.setStyleSheet("background: #fff4ce; color: #3b2f00; border: 1px solid "
                                     "#e0c060; padding: 4px;")
        self.collision.setAccessibleName(self.tr("Changed by someone else"))
        self.collision.hide()
        self._seen_event = 0  # the case's history as far as this view showed it
        self._collisions: list[str] = []

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.timeline = MailBrowser(loket, self)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.outbox_panel = OutboxPanel(self)
        self.outbox_panel.send_again.connect(self.send_again_requested)

        # the case's actions above its (wrapping) title: a label beside a button in one row
        # does not get the height its wrapped text needs
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        actions.addWidget(self.resident_button)
        actions.addWidget(self.reply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addLayout(actions)
        for widget in (self.title, self.status, self.day, self.contact, self.addresses,
                       self.presence, self.collision, line):
            layout.addWidget(widget)
        from desktop.kb.panel import SuggestionsPanel  # the kennisbank beside the timeline

        self.kb_panel = SuggestionsPanel(loket, self)
        # beside the timeline when the pane is wide, below it when narrow: the messages keep
        # a readable width either way
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.timeline, 1)
        self.body.addWidget(self.kb_panel)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.outbox_panel)
        self.reference: str | None = None
        self.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = self.width() < SIDE_BY_SIDE_WIDTH
        direction = (QBoxLayout.Direction.TopToBottom if narrow
                     else QBoxLayout.Direction.LeftToRight)
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.kb_panel.setMaximumHeight(220 if narrow else QWIDGETSIZE_MAX)
            self.kb_panel.setMaximumWidth(QWIDGETSIZE_MAX if narrow else 340)

    def _reply(self) -> None:
        if self.detail is not None:
            self.reply_requested.emit(self.detail)

    def clear(self) -> None:
        self.reference = None
        self.detail = None
        self.outbox = {}
        self.reply_action.setEnabled(False)
        self.resident_button.setEnabled(False)
        self.outbox_panel.show_states([])
        self.title.setText(self.tr("No case selected"))
        self.status.setText(self.tr("Select a case in the list to see its messages."))
        self.day.hide()
        self.contact.clear()
        self.addresses.clear()
        self.timeline.clear()
        self.show_presence([])
        self._show_collisions([])
        self.kb_panel.show_case(None)

    def show_summary(self, case: CaseSummary) -> None:
        """A case's data without its messages, for a role that lists cases but does not read
        them (the archivaris): nothing is asked that would be refused."""
        self.clear()
        self.reference = case.reference
        self.title.setText(f"{case.reference} · {case.subject}")
        status = self.tr("Status: %1").replace("%1", status_label(case.status))
        if case.assignee:
            status += " · " + self.tr("handled by %1").replace("%1", case.assignee)
        self.status.setText(status)
        self.contact.setText(self.tr("Your role sees a case's data, not its messages."))

    def show_case(self, detail: CaseDetail) -> None:
        case = detail.summary
        same = self.reference == case.reference
        scroll = self.timeline.verticalScrollBar().value()
        self.reference = case.reference
        self.detail = detail
        # a reader who may not answer (nobody signed in on an old database) gets no Reply
        self.reply_action.setEnabled(
            self.loket is None or self.loket.may(acts.CASE_REPLY.permission)
        )
        self.resident_button.setEnabled(bool(detail.contact_addresses))
        self.title.setText(f"{case.reference} · {case.subject}")
        status = self.tr("Status: %1").replace("%1", status_label(case.status))
        if case.assignee:
            status += " · " + self.tr("handled by %1").replace("%1", case.assignee)
        if case.product:
            status += " · " + self.tr("product: %1").replace("%1", case.product)
        if case.labels:
            status += " · " + self.tr("labels: %1").replace("%1", ", ".join(case.labels))
        if case.deadline:
            status += " · " + self.tr("deadline %1").replace("%1", local_day(case.deadline))
        if detail.first_contact_resolution:
            status += " · " + self.tr("resolved in one go")
        self.status.setText(status)
        day = day_state(case)
        self.day.setText(day)
        self.day.setVisible(bool(day))
        self.contact.setText(
            self.tr("Resident: %1").replace("%1", case.contact or self.tr("unknown"))
        )
        self.addresses.setText(
            "   ".join(f"{address_label(k)}: {v}" for k, v in detail.contact_addresses)
        )
        self.addresses.setVisible(bool(detail.contact_addresses))
        mails: dict[int, MessageView] = {}
        self.outbox = {}
        if self.loket is not None:
            ids = [e.ref_id for e in detail.timeline
                   if e.kind == "message" and e.channel is not None
                   and channel_spec(e.channel).rfc822]
            try:
                mails = message_views(self.loket, ids)
                self.outbox = outbox_of_case(self.loket, case.reference)
            except (LoketError, StorageError):
                mails = {}  # the text-only timeline is still right
        self.timeline.views = mails
        self.timeline.setHtml(timeline_html(detail, mails, self.outbox))
        if same:
            self.timeline.verticalScrollBar().setValue(scroll)  # a refresh, not a new case
        self.outbox_panel.show_states(list(self.outbox.values()))
        if not same:
            self.kb_panel.show_case(detail)
        self._watch(case.reference, same)

    def _watch(self, reference: str, same: bool) -> None:
        """Say at once what others did to the case since it was opened here."""
        from inbox import collisions

        if self.loket is None:
            return
        try:
            if not same:
                self._seen_event = collisions.seen(self.loket, reference)
                self._show_collisions([])
                return
            changes = collisions.since(self.loket, reference, self._seen_event)
        except (LoketError, StorageError):
            return
        if not changes:
            return
        self._seen_event = max(c.event for c in changes)
        self._show_collisions((self._collisions + [self.change_text(c) for c in changes])[-3:])
        self.colleagues_changed.emit(changes)

    def change_text(self, change: Change) -> str:
        if change.answered:
            if change.who:
                return self.tr("%1 just answered the resident.").replace("%1", change.who)
            return self.tr("A colleague just answered the resident.")
        if change.incoming:
            return self.tr("The resident just sent a new message.")
        return (self.tr("%1 just changed this case: %2").replace("%1", change.who)
                .replace("%2", change.text))

    def _show_collisions(self, sentences: list[str]) -> None:
        self._collisions = sentences
        self.collision.setText("\n".join(sentences))
        self.collision.setVisible(bool(sentences))

    def show_presence(self, sentences: list[str]) -> None:
        """What colleagues on other laptops are doing with this case right now."""
        self.presence.setText(" · ".join(sentences))
        self.presence.setVisible(bool(sentences))

    def timeline_text(self) -> str:
        return self.timeline.toPlainText()


class BoundedLabel(QLabel):
    """Plain text in at most `lines` lines, word-wrapped, the last one elided ("…"); the
    whole text in the tooltip. A subject of 500 characters stays a heading."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self.full = text
        self.setToolTip(tip(text) if len(text) > 60 else "")  # message data: plain
        self._fit()

    def text(self) -> str:
        """The whole text (what is shown may be elided: `text_shown`)."""
        return self.full

    def text_shown(self) -> str:
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        width = max(self.width(), 80)
        words = self.full.split()
        lines: list[str] = []
        while words and len(lines) < self.lines:
            line = words.pop(0)
            while words and metrics.horizontalAdvance(line + " " + words[0]) <= width:
                line += " " + words.pop(0)
            lines.append(line)
        if words or (lines and metrics.horizontalAdvance(lines[-1]) > width):
            rest = " ".join([lines.pop()] + words) if lines else " ".join(words)
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        QLabel.setText(self, "\n".join(lines))
        self.setMaximumHeight(metrics.lineSpacing() * self.lines + 4)


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # subjects and names come from outside
    label.setWordWrap(True)
    return label
