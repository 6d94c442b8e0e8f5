"""Small, fast forms for the case actions: pick a colleague, a status or a product, a deadline in
working days, a note, closing with an outcome, merging, splitting and moving a message.

Each form runs its change on the database worker and stays open with the (Dutch) error when the
domain refuses; Enter or Ctrl+Enter saves, Esc closes. `changed(result)` fires after a change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import error_label, fit_height, submit_buttons, text_field
from desktop.formatting import local_day, local_time
from desktop.tasks import TaskRunner
from inbox import casework
from inbox.errors import LoketError, StorageError
from inbox.services import Loket

log = logging.getLogger("loket.desktop.actions")

Work = Callable[[Loket], Any]


class FormDialog(QDialog):
    """A form with an error line and OK/Cancel; `work()` gives what runs on the worker."""

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None,
                 ok: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QFormLayout()
        self.error = error_label(self)
        self.buttons = submit_buttons(self, self.submit)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok:
            self.ok_button.setText(ok)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._busy = False

    def work(self) -> Work | None:
        """What to run; None after showing why nothing can run yet."""
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        fit_height(self)

    def submit(self) -> None:
        if self._busy:
            return
        self.error.hide()
        work = self.work()
        if work is None:
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.runner.run(work, self._finished, self._failed)

    def _finished(self, result: object) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.changed.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, LoketError | StorageError | ValueError):
            self.show_error(str(exc))
        else:
            log.error("a case action failed", exc_info=exc)
            self.show_error(self.tr("This did not work because of an error in Loket."))


class ChoiceDialog(FormDialog):
    """One choice from a list (a colleague, a status, a product); `editable` allows typing."""

    def __init__(self, runner: TaskRunner, title: str, label: str,
                 items: Sequence[tuple[str, Any]], apply: Callable[[Loket, Any], Any],
                 current: Any = None, editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, title, parent)
        self.apply = apply
        self.combo = QComboBox(self)
        self.combo.setEditable(editable)
        self.combo.setAccessibleName(label.replace("&", ""))
        for text, value in items:
            self.combo.addItem(text, value)
        if editable:
            completer = QCompleter([t for t, _ in items], self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.combo.setCompleter(completer)
        found = self.combo.findData(current)
        if found >= 0:
            self.combo.setCurrentIndex(found)
        elif editable:
            self.combo.setCurrentText(str(current or ""))
        caption = QLabel(label, self)
        caption.setBuddy(self.combo)
        self.form.addRow(caption, self.combo)
        self.combo.setFocus()
        self.resize(380, self.sizeHint().height())

    def value(self) -> Any:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
            return self.combo.itemData(index) if index >= 0 else text
        return self.combo.currentData()

    def work(self) -> Work | None:
        value = self.value()
        return lambda loket: self.apply(loket, value)


class DeadlineDialog(FormDialog):
    """A deadline in working days from today (weekends and Dutch holidays skipped)."""

    def __init__(self, runner: TaskRunner, reference: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Deadline for %1").replace("%1", reference), parent)
        self.reference = reference
        self.today = today
        self.days = QSpinBox(self)
        self.days.setRange(0, 250)
        self.days.setValue(2)
        self.days.setSuffix(self.tr(" working days"))
        self.days.setAccessibleName(self.tr("Working days"))
        self.date = QLabel(self)
        self.clear = QCheckBox(self.tr("&No deadline"), self)
        label = QLabel(self.tr("&Within"), self)
        label.setBuddy(self.days)
        self.form.addRow(label, self.days)
        self.form.addRow(self.tr("Deadline"), self.date)
        self.form.addRow("", self.clear)
        self.days.valueChanged.connect(self._show_date)
        self.clear.toggled.connect(self.days.setDisabled)
        self._show_date()
        self.days.setFocus()
        self.days.selectAll()

    def deadline(self) -> date:
        return casework.add_working_days(self.today, self.days.value())

    def _show_date(self) -> None:
        day = self.deadline()
        weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        self.date.setText(f"{local_day(day)} ({weekday})")

    def work(self) -> Work | None:
        reference = self.reference
        value = None if self.clear.isChecked() else self.deadline()
        return lambda loket: casework.set_deadline(loket, reference, value)


class NoteDialog(FormDialog):
    def __init__(self, runner: TaskRunner, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Internal note on %1").replace("%1", reference), parent,
                         ok=self.tr("&Save note"))
        self.reference = reference
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Note"))
        self.text.setPlaceholderText(self.tr("Only colleagues see this; Ctrl+Enter saves."))
        self.form.addRow(self.text)
        self.resize(460, 260)
        self.text.setFocus()

    def work(self) -> Work | None:
        text, reference = self.text.toPlainText(), self.reference
        if not text.strip():
            self.show_error(self.tr("Write the note first."))
            return None
        return lambda loket: loket.add_note(reference, text)


class CloseDialog(FormDialog):
    """Close with an outcome, whether the question was handled in one go and its product (UPL),
    picked from a searchable list with the last used on top; several cases (a multi-selection)
    are closed together with the one outcome, all or none."""

    def __init__(self, runner: TaskRunner, references: str | Sequence[str],
                 parent: QWidget | None = None, products: Sequence[str] = (),
                 product: str | None = None, title: str = "") -> None:
        chosen = [references] if isinstance(references, str) else list(references)
        super().__init__(runner, self.tr("Close %1").replace("%1", title or chosen[0]), parent,
                         ok=self.tr("&Close case") if len(chosen) == 1
                         else self.tr("&Close cases"))
        self.references = chosen
        self.reference = chosen[0]
        self.current_product = product
        self.product = QComboBox(self)
        self.product.setEditable(True)
        self.product.setAccessibleName(self.tr("Product (UPL)"))
        self.product.addItems(list(products))
        self.product.setCurrentText(product or "")
        self.product.lineEdit().setPlaceholderText(self.tr("Type to search; the last used "
                                                           "are on top"))
        completer = QCompleter(list(products), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.product.setCompleter(completer)
        self.outcome = text_field(self, self.tr("e.g. Explained how to apply online"),
                                  self.tr("Outcome"))
        self.one_go = QCheckBox(self.tr("Handled in &one go"), self)
        self.one_go.setToolTip(self.tr("The resident's question was answered at the first "
                                       "contact, without passing it on or calling back."))
        label = QLabel(self.tr("&Outcome"), self)
        label.setBuddy(self.outcome)
        self.form.addRow(label, self.outcome)
        product_label = QLabel(self.tr("&Product (UPL)"), self)
        product_label.setBuddy(self.product)
        self.form.addRow(product_label, self.product)
        self.form.addRow("", self.one_go)
        self.outcome.returnPressed.connect(self.submit)
        self.resize(440, self.sizeHint().height())
        self.outcome.setFocus()

    def work(self) -> Work | None:
        references, outcome, one_go = self.references, self.outcome.text(), self.one_go.isChecked()
        product = self.product.currentText().strip() or None
        keep = product == self.current_product

        def close(loket: Loket) -> Any:
            if not keep:
                for reference in references:
                    casework.set_product(loket, reference, product)
            if len(references) > 1:
                return casework.bulk(loket, references, casework.Bulk.CLOSE, outcome,
                                     first_contact_resolution=one_go)
            return loket.close_case(references[0], outcome, first_contact_resolution=one_go)

        return close


class MergeDialog(FormDialog):
    """Merge the open case into another: its messages and notes move there."""

    def __init__(self, runner: TaskRunner, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Merge %1").replace("%1", reference), parent,
                         ok=self.tr("&Merge"))
        self.reference = reference
        self.target = text_field(self, "LK-2026-000123", self.tr("Target case"))
        label = QLabel(self.tr("Into &case"), self)
        label.setBuddy(self.target)
        hint = QLabel(self.tr("All messages and notes move to that case; this case is closed "
                              "as merged. The number alone is enough, e.g. 464."), self)
        hint.setWordWrap(True)
        self.hints = [hint]
        self.form.addRow(label, self.target)
        self.form.addRow(hint)
        self.target.returnPressed.connect(self.submit)
        self.resize(440, self.sizeHint().height())
        self.target.setFocus()

    def work(self) -> Work | None:
        source, typed = self.reference, self.target.text().strip()
        if not typed:
            self.show_error(self.tr("Type the reference of the case to merge into."))
            return None

        def merge(loket: Loket) -> str:
            target = casework.full_reference(loket, typed)  # "464" -> LK-2026-000464
            casework.merge_cases(loket, source, target)
            return target

        return merge


def _message_text(m: dict[str, Any]) -> str:
    arrow = "→" if m["direction"] == "out" else "←"
    return f"{local_time(m['sent_at'])}  {arrow} {m['sender']} · {m['subject']}"


class SplitDialog(FormDialog):
    """Tick the messages that become a case of their own."""

    def __init__(self, runner: TaskRunner, reference: str, messages: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Split %1").replace("%1", reference), parent,
                         ok=self.tr("&Split off"))
        self.reference = reference
        self.list = QListWidget(self)  # a case's few messages, not a case list
        self.list.setAccessibleName(self.tr("Messages"))
        for m in messages:
            item = QListWidgetItem(_message_text(m), self.list)
            item.setData(Qt.ItemDataRole.UserRole, m["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.form.addRow(QLabel(self.tr("Messages that become a new case:"), self))
        self.form.addRow(self.list)
        self.resize(560, 320)
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)

    def chosen(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def work(self) -> Work | None:
        reference, chosen = self.reference, self.chosen()
        if not chosen:
            self.show_error(self.tr("Tick at least one message (space bar)."))
            return None
        return lambda loket: casework.split_case(loket, reference, chosen)


class MoveDialog(FormDialog):
    """Move one message of the case to another case."""

    def __init__(self, runner: TaskRunner, reference: str, messages: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("Move a message of %1").replace("%1", reference),
                         parent, ok=self.tr("&Move"))
        self.message = QComboBox(self)
        self.message.setAccessibleName(self.tr("Message"))
        for m in messages:
            self.message.addItem(_message_text(m), m["id"])
        self.message.setCurrentIndex(self.message.count() - 1)
        self.target = text_field(self, "LK-2026-000123", self.tr("Target case"))
        message_label = QLabel(self.tr("&Message"), self)
        message_label.setBuddy(self.message)
        target_label = QLabel(self.tr("To &case"), self)
        target_label.setBuddy(self.target)
        self.form.addRow(message_label, self.message)
        self.form.addRow(target_label, self.target)
        self.target.returnPressed.connect(self.submit)
        self.resize(560, self.sizeHint().height())
        self.target.setFocus()

    def work(self) -> Work | None:
        message_id, typed = self.message.currentData(), self.target.text().strip()
        if message_id is None or not typed:
            self.show_error(self.tr("Choose a message and type the case it belongs to."))
            return None

        def move(loket: Loket) -> str:
            target = casework.full_reference(loket, typed)
            casework.move_message(loket, int(message_id), target)
            return target

        return move
