"""A reply in progress while a colleague answers the same case: the editor says so at once
(the text typed stays), and before sending shows the colleague's answer and asks whether to
send anyway ("Bram heeft net geantwoord: toch versturen?")."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from desktop import dialogs
from inbox import collisions
from inbox.collisions import Change
from inbox.errors import LoketError, StorageError
from inbox.services import Loket

log = logging.getLogger("loket.desktop.collision")


def collision_label(parent: QWidget) -> QLabel:
    """The editor's notice line (hidden until a colleague answers)."""
    from PySide6.QtCore import Qt

    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff4ce; color: #3b2f00; border: 1px solid #e0c060; "
                        "padding: 4px;")
    label.hide()
    return label


class CollisionGuard(QObject):
    """Remembers where the case's history stood when writing began."""

    def __init__(self, dialog: QWidget, loket: Loket, reference: str, notice: QLabel) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.loket = loket
        self.reference = reference
        self.notice = notice
        try:
            self.seen = collisions.seen(loket, reference)
        except (LoketError, StorageError):
            self.seen = 0

    def note(self, changes: list[Change]) -> None:
        """Changes the case view just saw: an answer by someone else shows here at once."""
        answered = [c for c in changes if c.answered]
        if not answered:
            return
        who = answered[-1].who
        if who:
            text = self.tr("%1 just answered the resident. Your text stays; before it is sent "
                           "you see that answer.").replace("%1", who)
        else:
            text = self.tr("A colleague just answered the resident. Your text stays; before it "
                           "is sent you see that answer.")
        self.notice.setText(text)
        self.notice.show()

    def confirm(self) -> bool:
        """True when nobody else answered since writing began, or the writer, having seen
        that answer, wants to send anyway."""
        try:
            answered = [c for c in collisions.since(self.loket, self.reference, self.seen)
                        if c.answered]
        except (LoketError, StorageError) as exc:
            log.info("no collision check: %s", type(exc).__name__)
            return True
        if not answered:
            return True
        self.note(answered)
        who = answered[-1].who
        question = (self.tr("%1 just answered: send anyway?").replace("%1", who) if who
                    else self.tr("A colleague just answered: send anyway?"))
        if dialogs.ask(self.dialog, self.tr("Send anyway?"), question, self._their_text(answered),
                       yes=self.tr("Send anyway"), warning=True):
            self.seen = max(c.event for c in answered)
            return True
        return False

    def _their_text(self, answered: list[Change]) -> str:
        """The colleague's answer, to compare with one's own."""
        wanted = {c.message for c in answered}
        try:
            detail = self.loket.case_detail(self.reference)
        except (LoketError, StorageError):
            return ""
        texts = [e.text for e in detail.timeline
                 if e.kind == "message" and e.ref_id in wanted and e.text]
        text = "\n\n".join(texts)
        return text if len(text) <= 1200 else text[:1200] + "…"
