"""The main window's status bar, readable: what the person just did is never squeezed or
overlapped by mail sync's state.

- the list count (left) steps aside while a message about an action shows;
- each mail account's state is a separate permanent widget with a bounded width (desktop.
  sync_status: elided, whole in its tooltip; the demo's serverless mailbox explained);
- F9 (fetch now) says at once that it started, or why nothing can be fetched;
- the "no mail account yet" hint only offers to set one up to those who may.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from inbox.privacy.roles import Permission

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

FEEDBACK_MS = 5000


class StatusFeedback(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.statusBar().messageChanged.connect(self._message_changed)
        window.sync_status.set_can_set_up(window.loket.may(Permission.MANAGE_ACCOUNTS))
        window.fetch_action.triggered.connect(lambda _checked=False: self.fetching())

    def _message_changed(self, text: str) -> None:
        # a normal status bar widget would be painted under the message (both unreadable)
        self.window.list_count.setVisible(not text)

    def fetching(self) -> str:
        """Feedback for F9 (the fetch itself runs on the scheduler); returns what it said."""
        window = self.window
        if not window.sync.running:
            text = self.tr("Mail is not fetched in this window (no mail scheduler runs).")
        elif not window.sync_status.accounts:
            text = self.tr("No mail account yet: there is nothing to fetch.")
        else:
            text = self.tr("Fetching mail and sending waiting replies…")
        window.statusBar().showMessage(text, FEEDBACK_MS)
        return text


def install(window: MainWindow) -> StatusFeedback:
    return StatusFeedback(window)
