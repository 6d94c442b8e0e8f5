"""Vertrouwelijk in the app: the assignee marks their case (or lifts it) with a reason; a
beheerder lifts a colleague's marking by the case's reference (never seeing its content); the
case list shows a lock to those who see the case (the others do not get it at all).

The rules are inbox.services.Loket.set_confidential's (acts case.confidential and
case.confidential.lift); this module only asks for the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QPlainTextEdit, QWidget

from desktop.case_dialogs import FormDialog, Work
from desktop.dialogs import open_and_forget
from desktop.role_menus import needs
from desktop.tasks import TaskRunner
from inbox import acts
from inbox.model import CaseDetail
from inbox.services import Loket

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

_LOCK: QIcon | None = None


def lock_icon() -> QIcon:
    """A small padlock, drawn once (no image file to install)."""
    global _LOCK
    if _LOCK is None:
        icon = QIcon()
        for size in (16, 32):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            unit = size / 16
            colour = QColor("#8a5300")
            painter.setPen(QPen(colour, 1.8 * unit))
            painter.drawArc(QRectF(4.5 * unit, 1.5 * unit, 7 * unit, 9 * unit), 0, 180 * 16)
            painter.drawLine(QPointF(4.5 * unit, 6 * unit), QPointF(4.5 * unit, 8 * unit))
            painter.drawLine(QPointF(11.5 * unit, 6 * unit), QPointF(11.5 * unit, 8 * unit))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(2.5 * unit, 7.5 * unit, 11 * unit, 7.5 * unit),
                                    1.5 * unit, 1.5 * unit)
            painter.end()
            icon.addPixmap(pixmap)
        _LOCK = icon
    return _LOCK


class ConfidentialDialog(FormDialog):
    """Mark a case vertrouwelijk, or lift it, with the reason that goes into its history."""

    def __init__(self, runner: TaskRunner, reference: str, on: bool,
                 parent: QWidget | None = None, ask_reference: bool = False) -> None:
        title = (self.tr("Mark %1 vertrouwelijk") if on else self.tr("Lift vertrouwelijk on %1"))
        super().__init__(runner, title.replace("%1", reference or "…"), parent,
                         ok=self.tr("&Mark vertrouwelijk") if on else self.tr("&Lift"))
        self.on = on
        self.reference = QLineEdit(reference, self)
        self.reference.setAccessibleName(self.tr("Case"))
        self.reference.setPlaceholderText("LK-2026-000123")
        if ask_reference:
            self.form.addRow(self.tr("&Case"), self.reference)
        explain = QLabel(self.tr(
            "From now on only the case's handler sees it: colleagues no longer find it in lists "
            "or searches. A beheerder can lift it.") if on else self.tr(
            "The case becomes visible to the team again."), self)
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. Debt counselling; the resident asked for "
                                               "discretion"))
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.setMinimumWidth(460)
        (self.reference if ask_reference else self.reason).setFocus()

    def work(self) -> Work | None:
        reference = self.reference.text().strip().upper()
        reason, on = self.reason.toPlainText(), self.on
        if not reference:
            self.show_error(self.tr("Fill in the case's reference."))
            return None

        def change(loket: Loket) -> str:
            loket.set_confidential(reference, on, reason)
            return reference

        return change


class ConfidentialAction(QObject):
    """Case > Vertrouwelijk…: marks the open case, or lifts it when it is marked already."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = needs(QAction(self.tr("&Vertrouwelijk…"), window), acts.CASE_CONFIDENTIAL)
        self.action.setToolTip(self.tr("Only the handler sees a vertrouwelijk case"))
        self.action.setEnabled(False)
        self.action.triggered.connect(lambda _checked=False: self.open())
        anchor = getattr(getattr(getattr(window, "workspace", None), "actions", None),
                         "close_case", None)
        for top in window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and anchor in menu.actions():
                menu.insertAction(anchor, self.action)
        window.table.case_selected.connect(lambda *_: self.case_changed())
        window.cases.refreshed.connect(self.case_changed)

    def case_changed(self) -> None:
        detail: CaseDetail | None = self.window.case_view.detail
        self.action.setEnabled(detail is not None)
        marked = detail is not None and detail.summary.confidential
        self.action.setText(self.tr("Lift &vertrouwelijk…") if marked
                            else self.tr("&Vertrouwelijk…"))

    def open(self) -> ConfidentialDialog | None:
        detail = self.window.case_view.detail
        if detail is None:
            return None
        reference = detail.summary.reference
        dialog = ConfidentialDialog(self.window.runner, reference,
                                    not detail.summary.confidential, self.window)
        dialog.changed.connect(lambda _: self._done(reference))
        return open_and_forget(dialog)

    def _done(self, reference: str) -> None:
        window = self.window
        window.refresh()
        self.case_changed()  # the open case was read again by the refresh
        window.statusBar().showMessage(self.tr("%1: vertrouwelijk changed.")
                                       .replace("%1", reference), 6000)


def install(window: MainWindow) -> ConfidentialAction:
    return ConfidentialAction(window)


def lift_for_beheerder(parent: QWidget, runner: TaskRunner) -> ConfidentialDialog:
    """The beheerder lifts a colleague's marking: by reference and reason, content unseen."""
    dialog = ConfidentialDialog(runner, "", False, parent, ask_reference=True)
    return open_and_forget(dialog)
