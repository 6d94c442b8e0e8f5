"""Privacy screens: the AVG inzage wizard, the Woo redaction review, and auto-lock after idle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from inbox.privacy.roles import Permission
from inbox.services import Loket


def add_privacy_menu(window: QMainWindow, loket: Loket) -> None:
    """'Privacy' menu with the AVG and Woo screens, for those who may export personal data."""
    if not loket.may(Permission.EXPORT_PERSONAL):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("PrivacyMenu", "&Privacy"))
    avg = QAction(QCoreApplication.translate("PrivacyMenu", "&AVG requests…"), window)
    avg.triggered.connect(lambda: open_avg(window, loket))
    woo = QAction(QCoreApplication.translate("PrivacyMenu", "&Woo redaction…"), window)
    woo.triggered.connect(lambda: open_woo(window, loket))
    menu.addAction(avg)
    menu.addAction(woo)


def open_avg(parent: QWidget, loket: Loket) -> QWidget:
    from desktop.privacy.avg_dialog import AvgDialog

    dialog = AvgDialog(loket, parent)
    dialog.open()
    return dialog


def open_woo(parent: QWidget, loket: Loket, reference: str = "") -> QWidget:
    from desktop.privacy.woo_dialog import WooDialog

    dialog = WooDialog(loket, parent, reference=reference)
    dialog.open()
    return dialog


def install_autolock(window: QWidget, loket: Loket, timeout_ms: int | None = None) -> QObject:
    """Lock `window` after idle (default 15 minutes); returns the lock (kept by the window)."""
    from desktop.privacy.autolock import IdleLock

    lock = IdleLock(window, loket, timeout_ms)
    window.setProperty("idle_lock", True)
    return lock
