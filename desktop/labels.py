"""Status and channel names for the screens: English source strings, Dutch via loket_nl.ts.

The domain's own `.label` (inbox/model.py) is Dutch and stays so for the CLI, exports and
messages; the desktop shows these translatable names instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inbox.model import Channel, Status


def status_label(status: Status | str) -> str:
    """'New', 'In progress', …; in Dutch 'Nieuw', 'In behandeling', …; unknown codes as is."""
    try:
        code = Status(status)
    except ValueError:
        return str(status)
    match code:
        case Status.NIEUW:
            return QCoreApplication.translate("Labels", "New")
        case Status.IN_BEHANDELING:
            return QCoreApplication.translate("Labels", "In progress")
        case Status.WACHT_OP_INWONER:
            return QCoreApplication.translate("Labels", "Waiting for resident")
        case Status.BIJ_VAKAFDELING:
            return QCoreApplication.translate("Labels", "At a department")
        case _:
            return QCoreApplication.translate("Labels", "Closed")


def channel_label(channel: Channel | str) -> str:
    """'E-mail', 'Phone', 'Counter', …; in Dutch 'E-mail', 'Telefoon', 'Balie', …"""
    try:
        code = Channel(channel)
    except ValueError:
        return str(channel)
    match code:
        case Channel.EMAIL:
            return QCoreApplication.translate("Labels", "E-mail")
        case Channel.PHONE:
            return QCoreApplication.translate("Labels", "Phone")
        case Channel.COUNTER:
            return QCoreApplication.translate("Labels", "Counter")
        case Channel.LETTER:
            return QCoreApplication.translate("Labels", "Letter")
        case Channel.WEBFORM:
            return QCoreApplication.translate("Labels", "Web form")
        case Channel.MASTODON:
            return QCoreApplication.translate("Labels", "Mastodon")
        case Channel.WHATSAPP:
            return QCoreApplication.translate("Labels", "WhatsApp")
        case Channel.FACEBOOK:
            return QCoreApplication.translate("Labels", "Facebook")
        case Channel.INSTAGRAM:
            return QCoreApplication.translate("Labels", "Instagram")
        case Channel.X:
            return QCoreApplication.translate("Labels", "X")
    return str(channel)  # a channel this Loket does not know: its code, never a guess
