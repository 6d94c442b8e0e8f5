"""Status and channel names for the screens: English source strings, Dutch via loket_nl.ts.

The domain's own `.label` (inbox/model.py) is Dutch and stays so for the CLI, exports and
messages; the desktop shows these translatable names instead.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inbox.model import Channel, Status

# the English source of each name; QT_TRANSLATE_NOOP lets lupdate find them
_STATUSES = {
    Status.NIEUW: QT_TRANSLATE_NOOP("Labels", "New"),
    Status.IN_BEHANDELING: QT_TRANSLATE_NOOP("Labels", "In progress"),
    Status.WACHT_OP_INWONER: QT_TRANSLATE_NOOP("Labels", "Waiting for resident"),
    Status.BIJ_VAKAFDELING: QT_TRANSLATE_NOOP("Labels", "At a department"),
    Status.AFGEROND: QT_TRANSLATE_NOOP("Labels", "Closed"),
}
_CHANNELS = {
    Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "E-mail"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
    Channel.COUNTER: QT_TRANSLATE_NOOP("Labels", "Counter"),
    Channel.LETTER: QT_TRANSLATE_NOOP("Labels", "Letter"),
    Channel.WEBFORM: QT_TRANSLATE_NOOP("Labels", "Web form"),
    Channel.MASTODON: QT_TRANSLATE_NOOP("Labels", "Mastodon"),
    Channel.WHATSAPP: QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
    Channel.FACEBOOK: QT_TRANSLATE_NOOP("Labels", "Facebook"),
    Channel.INSTAGRAM: QT_TRANSLATE_NOOP("Labels", "Instagram"),
    Channel.X: QT_TRANSLATE_NOOP("Labels", "X"),
}


def status_label(status: Status | str) -> str:
    """'New', 'In progress', …; in Dutch 'Nieuw', 'In behandeling', …; unknown codes as is."""
    try:
        return QCoreApplication.translate("Labels", str(_STATUSES[Status(status)]))
    except (ValueError, KeyError):
        return str(status)


def channel_label(channel: Channel | str) -> str:
    """'E-mail', 'Phone', 'Counter', …; in Dutch 'E-mail', 'Telefoon', 'Balie', …; a channel
    this Loket does not know: its code, never a guess."""
    try:
        return QCoreApplication.translate("Labels", str(_CHANNELS[Channel(channel)]))
    except (ValueError, KeyError):
        return str(channel)
