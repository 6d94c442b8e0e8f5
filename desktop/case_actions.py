"""The case actions of the main window, each with a shortcut: assign, status, product, deadline,
note, close, merge, split, move a message, undo, save a search, and the shortcut overview.

Changes run on the database worker through inbox.services / inbox.casework; afterwards the
window refreshes and, for a safe action, keeps an undo step (Ctrl+Z puts the case back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMenu,
)

from desktop.case_dialogs import (
    ChoiceDialog,
    CloseDialog,
    DeadlineDialog,
    FormDialog,
    MergeDialog,
    MoveDialog,
    NoteDialog,
    SplitDialog,
)
from desktop.day_dialogs import CallbackDialog, CallbackDoneDialog, ForwardDialog
from desktop.dialogs import open_and_forget
from desktop.labels import status_label
from inbox import casework, departments, workspace
from inbox.errors import LoketError, StorageError
from inbox.model import CaseDetail, Changes, Status
from inbox.privacy.roles import Permission
from inbox.services import Loket

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

Form = TypeVar("Form", bound=FormDialog)
MessagesDialog = TypeVar("MessagesDialog", SplitDialog, MoveDialog)

Label = Callable[[], str]  # an undo step's words, read once the action is done


class CaseActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # the newest undo step per case (a bulk action's step under each of its cases):
        # Ctrl+Z acts on the case in view only
        self.undo_steps: dict[str, workspace.UndoStep] = {}
        may = window.loket.may(Permission.WORK_CASES)

        def make(text: str, keys: tuple[str, ...], slot: Callable[[], Any], tip: str = "",
                 needs_case: bool = True) -> QAction:
            action = QAction(text, window)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                              for k in keys)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shown})" if keys else tip)
            action.triggered.connect(lambda _checked=False: slot())
            action.setProperty("needs_case", needs_case)
            action.setEnabled(may and not needs_case)
            window.addAction(action)
            return action

        self.assign_me = make(self.tr("Assign to &me"), ("Ctrl+I",), self.assign_to_me)
        self.assign_other = make(self.tr("Assign to a &colleague…"), ("Ctrl+Shift+I",),
                                 self.assign_to_colleague)
        self.status = make(self.tr("Change &status…"), ("Ctrl+U",), self.change_status)
        self.product = make(self.tr("&Product…"), ("Ctrl+P",), self.choose_product,
                            self.tr("Tag the case with a product (UPL)"))
        self.deadline = make(self.tr("&Deadline…"), ("Ctrl+D",), self.choose_deadline,
                             self.tr("Deadline in working days"))
        self.note = make(self.tr("Internal &note…"), ("Ctrl+N",), self.write_note)
        self.label = make(self.tr("Add &label…"), ("Ctrl+L",), self.add_label,
                          self.tr("Label the case, or every selected case"))
        self.close_case = make(self.tr("&Close case…"), ("Ctrl+K",), self.close_open_case,
                               self.tr("Close with an outcome"))
        self.merge = make(self.tr("&Merge into another case…"), ("Ctrl+Shift+M",), self.merge_case)
        self.split = make(self.tr("S&plit case…"), ("Ctrl+Shift+S",), self.split_case)
        self.move = make(self.tr("Move a &message…"), ("Ctrl+Shift+V",), self.move_message)
        # the KCC's day (desktop/day_dialogs.py): hand-over, call-backs
        self.forward = make(self.tr("&Hand over to a department…"), ("Ctrl+Shift+H",),
                            self.forward_case, self.tr("E-mail the case to a department"))
        self.callback = make(self.tr("Call &back…"), ("Ctrl+Shift+B",), self.ask_callback,
                             self.tr("Ask for a call-back, or give it to a colleague"))
        self.callback_done = make(self.tr("Call-back d&one…"), ("Ctrl+Shift+O",),
                                  self.record_callback, self.tr("Reached or not: in one step"))
        self.undo = make(self.tr("&Undo"), ("Ctrl+Z",), self.undo_last, needs_case=False)
        self.undo.setEnabled(False)
        self.save_search = make(self.tr("Save this &search…"), ("Ctrl+Shift+F",), self.save_current,
                                needs_case=False)
        self.save_search.setEnabled(True)
        self.shortcuts = make(self.tr("&Keyboard shortcuts"), ("F1", "Ctrl+/"), self.show_shortcuts,
                              needs_case=False)
        self.shortcuts.setEnabled(True)
        self._may = may

    def case_actions(self) -> list[QAction]:
        return [self.assign_me, self.assign_other, self.status, self.product, self.deadline,
                self.note, self.close_case, self.label, self.merge, self.split, self.move,
                self.forward, self.callback, self.callback_done]

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.case_actions()[:8]:
            menu.addAction(action)
        menu.addSeparator()
        for action in self.case_actions()[8:11]:
            menu.addAction(action)
        menu.addSeparator()
        for action in self.case_actions()[11:]:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.undo)

    def case_changed(self, detail: CaseDetail | None) -> None:
        for action in self.case_actions():
            action.setEnabled(self._may and detail is not None)
        self.update_undo()

    def undo_step(self) -> workspace.UndoStep | None:
        """The undo step of the case in view, if any."""
        reference = self._reference()
        return self.undo_steps.get(reference) if reference else None

    def update_undo(self) -> None:
        """Ctrl+Z says what it would undo on the case in view; it is off when there is
        nothing, or when the case changed since (a colleague, a later action)."""
        step = self.undo_step()
        if step is None:
            self.undo.setEnabled(False)
            self.undo.setText(self.tr("&Undo"))
            return
        try:
            later = workspace.overtaken(self.window.loket, step)
        except (LoketError, StorageError):
            later = step.references()
        if later:
            self.undo.setEnabled(False)
            self.undo.setText(self.tr("&Undo: %1 (changed since)").replace("%1", step.label))
        else:
            self.undo.setEnabled(self._may)
            self.undo.setText(self.tr("&Undo: %1").replace("%1", step.label))

    # -- helpers -----------------------------------------------------------------------

    def _reference(self) -> str | None:
        detail = self.window.case_view.detail
        return detail.summary.reference if detail is not None else None

    def _targets(self) -> list[str]:
        """The cases an action works on: the multi-selection, else the case in view."""
        chosen = self.window.table.selected_references()
        reference = self._reference()
        if len(chosen) > 1:
            return chosen
        return [reference] if reference else []

    def _open(self, dialog: FormDialog, message: str, undoable: Label | None = None,
              references: list[str] | None = None) -> FormDialog:
        before = self._snapshots(references) if undoable and references else None

        def finished(result: object) -> None:
            if before is not None and references and undoable:
                self._remember(self._step(undoable(), references, before))
            self._changed(message.replace("%1", str(result) if isinstance(result, str) else
                                          ", ".join(references or [])), result)

        dialog.changed.connect(finished)
        return open_and_forget(dialog)

    def _snapshots(self, references: list[str]) -> dict[str, workspace.Fields] | None:
        try:
            return workspace.snapshots(self.window.loket, references)
        except (LoketError, StorageError):
            return None

    def _step(self, label: str, references: list[str],
              before: dict[str, workspace.Fields]) -> workspace.UndoStep:
        """One undo step for the action just done on `references` (a bulk action: one step
        for all of them), with the fields as the action left them."""
        after = self._snapshots(references) or {}
        if len(references) > 1:
            label = self.tr("%1 (%n case(s))", "", len(references)).replace("%1", label)
        first, *others = references
        return workspace.UndoStep(label, first, before[first], after.get(first),
                                  tuple((r, before[r], after.get(r)) for r in others))

    def _remember(self, step: workspace.UndoStep) -> None:
        for reference in step.references():
            self.undo_steps[reference] = step
        self.update_undo()

    def _changed(self, message: str, result: object = None) -> None:
        window = self.window
        window.table.keep_place_once()  # a case that leaves the list: on to the next one
        if isinstance(result, Changes):
            window.apply_changes(result)  # the changed rows, the counts, the open case
        else:
            window.refresh()  # merged or split: which cases changed is not said
        if isinstance(result, str) and result.startswith("LK-"):
            window.show_case_anywhere(result)
        window.statusBar().showMessage(message, 6000)

    def _run(self, work: Callable[[Loket], Any], message: str, undoable: Label,
             references: list[str]) -> None:
        before = self._snapshots(references)

        def done(changes: object) -> None:
            if before is not None:
                self._remember(self._step(undoable(), references, before))
            self._changed(message.replace("%1", ", ".join(references)), changes)

        self.window.runner.run(work, done, lambda exc: self.window.show_error(str(exc)))

    def _subject(self, references: list[str]) -> str:
        """What a dialog's title names: the case, or how many cases."""
        if len(references) == 1:
            return references[0]
        return self.tr("%n case(s)", "", len(references))

    # -- the actions -------------------------------------------------------------------

    def assign_to_me(self) -> None:
        references = self._targets()
        if not references:
            return
        me = self.window.loket.user
        mine = next((str(u["display_name"]) for u in self.window.loket.users()
                     if u["name"] == me), me)
        if len(references) > 1:
            def work(loket: Loket) -> Any:
                return casework.bulk(loket, references, casework.Bulk.ASSIGN, me)
        else:
            def work(loket: Loket) -> Any:
                return loket.assign(references[0], me)
        self._run(work, self.tr("%1 is now yours."), lambda: self._assigned_to(mine),
                  references)

    def assign_to_colleague(self) -> ChoiceDialog | None:
        references = self._targets()
        if not references:
            return None
        people = [(str(u["display_name"]), str(u["name"])) for u in self.window.loket.users()
                  if u["role"] == "medewerker"]
        items = [(self.tr("(nobody)"), "")] + people
        dialog = ChoiceDialog(self.window.runner,
                              self.tr("Assign %1").replace("%1", self._subject(references)),
                              self.tr("&Colleague"), items,
                              self._apply(references, casework.Bulk.ASSIGN,
                                          lambda loket, ref, name: loket.assign(ref,
                                                                                name or None)),
                              parent=self.window)
        self._open(dialog, self.tr("%1 assigned."),
                   lambda: self._assigned_to(dialog.combo.currentText() if dialog.value() else ""),
                   references)
        return dialog

    def _apply(self, references: list[str], action: casework.Bulk,
               one: Callable[[Loket, str, Any], Any]) -> Callable[[Loket, Any], Any]:
        """What a dialog's choice does: to the one case, or to every chosen case at once."""
        if len(references) > 1:
            return lambda loket, value: casework.bulk(loket, references, action, value or "")
        return lambda loket, value: one(loket, references[0], value)

    def change_status(self) -> ChoiceDialog | None:
        references = self._targets()
        detail = self.window.case_view.detail
        if not references or detail is None:
            return None
        items = [(status_label(s), s.value) for s in Status
                 if s not in (Status.AFGEROND, Status.BIJ_VAKAFDELING)]
        dialog = ChoiceDialog(self.window.runner,
                              self.tr("Status of %1").replace("%1", self._subject(references)),
                              self.tr("&Status"), items,
                              self._apply(references, casework.Bulk.STATUS,
                                          lambda loket, ref, value: loket.set_status(ref, value)),
                              current=detail.summary.status.value, parent=self.window)
        self._open(dialog, self.tr("Status of %1 changed."),
                   lambda: self.tr("status %1").replace("%1", dialog.combo.currentText()),
                   references)
        return dialog

    def choose_product(self) -> ChoiceDialog | None:
        reference = self._reference()
        detail = self.window.case_view.detail
        if reference is None or detail is None:
            return None
        items = [(p, p) for p in casework.products()]
        dialog = ChoiceDialog(self.window.runner,
                              self.tr("Product of %1").replace("%1", reference),
                              self.tr("&Product (UPL)"), items,
                              lambda loket, value: casework.set_product(loket, reference, value),
                              current=detail.summary.product, editable=True, parent=self.window)
        self._open(dialog, self.tr("Product of %1 set."),
                   lambda: self.tr("product %1").replace("%1", str(dialog.value() or "")),
                   [reference])
        return dialog

    def add_label(self) -> ChoiceDialog | None:
        """A label (the team's own word) on the case, or on every chosen case."""
        references = self._targets()
        if not references:
            return None
        try:
            known = casework.labels_in_use(self.window.loket)
        except (LoketError, StorageError):
            known = []
        dialog = ChoiceDialog(self.window.runner,
                              self.tr("Label for %1").replace("%1", self._subject(references)),
                              self.tr("&Label"), [(x, x) for x in known],
                              self._apply(references, casework.Bulk.LABEL,
                                          lambda loket, ref, value: casework.add_label(
                                              loket, ref, str(value))),
                              current="", editable=True, parent=self.window)
        self._open(dialog, self.tr("Label added to %1."),
                   lambda: self.tr("label %1").replace("%1", str(dialog.value() or "")),
                   references)
        return dialog

    def choose_deadline(self) -> DeadlineDialog | None:
        reference = self._reference()
        if reference is None:
            return None
        today = casework.local_date(self.window.loket.now())
        dialog = DeadlineDialog(self.window.runner, reference, today, self.window)
        self._open(dialog, self.tr("Deadline of %1 set."),
                   lambda: self.tr("deadline %1").replace("%1", dialog.date.text()), [reference])
        return dialog

    def write_note(self) -> NoteDialog | None:
        return self._open_for_case(lambda r: NoteDialog(self.window.runner, r, self.window),
                                   self.tr("Note saved in %1."), names_case=True)

    def close_open_case(self) -> CloseDialog | None:
        references = self._targets()
        if not references:
            return None
        detail = self.window.case_view.detail
        try:
            products = casework.product_choices(self.window.loket)
        except (LoketError, StorageError):
            products = list(casework.products())
        current = detail.summary.product if detail is not None and len(references) == 1 else None
        dialog = CloseDialog(self.window.runner, references, self.window, products, current,
                             title=self._subject(references))
        self._open(dialog, self.tr("%1 closed."), lambda: self.tr("closing"), references)
        return dialog

    def merge_case(self) -> MergeDialog | None:
        return self._open_for_case(lambda r: MergeDialog(self.window.runner, r, self.window),
                                   self.tr("Merged into %1."))

    def split_case(self) -> SplitDialog | None:
        return self._open_for_case(lambda r: self._on_messages(SplitDialog, r),
                                   self.tr("New case %1 made from the chosen messages."))

    def move_message(self) -> MoveDialog | None:
        return self._open_for_case(lambda r: self._on_messages(MoveDialog, r),
                                   self.tr("Message moved to %1."))

    def _open_for_case(self, make: Callable[[str], Form | None], message: str,
                       names_case: bool = False) -> Form | None:
        """Open the dialog `make` builds for the case in view (None: no case in view, or
        `make` had nothing to show). `message` is said when it is done: %1 is what the dialog
        returns, or with `names_case` the case's reference."""
        reference = self._reference()
        if reference is None:
            return None
        dialog = make(reference)
        if dialog is not None:
            self._open(dialog, message, references=[reference] if names_case else None)
        return dialog

    def _on_messages(self, make: type[MessagesDialog], reference: str) -> MessagesDialog | None:
        """Split and Move choose among the case's messages; when they cannot be read the
        error shows and there is no dialog."""
        try:
            messages = casework.case_messages(self.window.loket, reference)
        except (LoketError, StorageError) as exc:
            self.window.show_error(str(exc))
            return None
        return make(self.window.runner, reference, messages, self.window)

    def _assigned_to(self, display_name: str) -> str:
        """"assignment to Bram": the first name says enough in a menu."""
        first = display_name.split()[0] if display_name.strip() else self.tr("nobody")
        return self.tr("assignment to %1").replace("%1", first)

    def forward_case(self) -> ForwardDialog | None:
        reference = self._reference()
        if reference is None:
            return None
        try:
            choices = departments.choices(self.window.loket)
        except (LoketError, StorageError) as exc:
            self.window.show_error(str(exc))
            return None
        dialog = ForwardDialog(self.window.runner, reference, choices, self.window)
        self._open(dialog, self.tr("%1 handed over; the department's reply comes back into "
                                   "the case."), references=[reference])
        return dialog

    def _colleagues(self) -> list[tuple[str, str]]:
        return [(str(u["display_name"]), str(u["name"])) for u in self.window.loket.users()
                if u["role"] == "medewerker"]

    def ask_callback(self) -> CallbackDialog | None:
        detail = self.window.case_view.detail
        if detail is None:
            return None
        s = detail.summary
        today = casework.local_date(self.window.loket.now())
        dialog = CallbackDialog(self.window.runner, s.reference, today, self._colleagues(),
                                s.callback_for or self.window.loket.user, s.callback_open,
                                self.window)
        self._open(dialog, self.tr("Call-back of %1 saved."), references=[s.reference])
        return dialog

    def record_callback(self) -> CallbackDoneDialog | None:
        detail = self.window.case_view.detail
        if detail is None:
            return None
        if not detail.summary.callback_open:
            self.window.statusBar().showMessage(
                self.tr("%1 has no open call-back request.").replace(
                    "%1", detail.summary.reference), 6000)
            return None
        tomorrow = casework.add_working_days(casework.local_date(self.window.loket.now()), 1)
        dialog = CallbackDoneDialog(self.window.runner, detail.summary.reference, tomorrow,
                                    self.window)
        self._open(dialog, self.tr("Call-back of %1 recorded."),
                   references=[detail.summary.reference])
        return dialog

    def undo_last(self) -> None:
        """Ctrl+Z: undo the last safe action on the case in view (never on another case)."""
        step = self.undo_step()
        if step is None or not self.undo.isEnabled():
            self.window.statusBar().showMessage(self.tr("Nothing to undo on this case."), 4000)
            return
        for reference in step.references():
            if self.undo_steps.get(reference) is step:
                del self.undo_steps[reference]
        self.update_undo()
        self.window.runner.run(
            lambda loket: workspace.undo(loket, step),
            lambda changes: self._changed(self.tr("Undone: %1 on %2").replace("%1", step.label)
                                          .replace("%2", ", ".join(step.references())), changes),
            lambda exc: self.window.show_error(str(exc)),
        )

    def save_current(self, name: str | None = None) -> None:
        """Save the search box's words within the current view as a named view."""
        window = self.window
        if name is None:
            name, ok = QInputDialog.getText(window, self.tr("Save search"), self.tr("&Name:"))
            if not ok:
                return
        view = window.views.current_view()
        search = workspace.SavedSearch(name.strip(), " ".join(
            w for w in (view.text, window.search.text().strip()) if w), view.statuses,
            view.channel)

        def done(_: object) -> None:
            window.views.views.reload()
            window.views.choose(f"saved:{search.name}")
            window.statusBar().showMessage(self.tr("Search saved."), 4000)

        window.runner.run(lambda loket: workspace.save_search(loket, search), done,
                          lambda exc: window.show_error(str(exc)))

    def show_shortcuts(self) -> QDialog:
        """The overview of every action with a shortcut (F1 or Ctrl+/), beside the guide."""
        from desktop.role_menus import open_help

        self.overview = open_help(self.window)
        return self.overview
