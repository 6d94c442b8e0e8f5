"""Keyboard triage without friction: the selection survives assigning, the merge dialog takes
the number part of a reference, bulk actions on a multi-selection, undo that says what it
undoes and only on the case in view (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from inbox.model import Status
from inbox.services import Loket

from .conftest import SCREENSHOTS
from .test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    assert widget.grab().save(str(SCREENSHOTS / name))


def _summary(loket: Loket, reference: str):  # type: ignore[no-untyped-def]
    return loket.case_detail(reference).summary


def test_a_case_stays_selected_after_assigning_it(anna_window, loket):
    """In 'Nieuw' an assigned case leaves the list: the next one is selected, so Ctrl+I can
    go on; in a list the case stays in, it stays selected."""
    anna_window.views.choose("nieuw")
    assert anna_window.cases.total() == 3
    first = anna_window.cases.summary(0)
    second = anna_window.cases.summary(1)
    assert first is not None and second is not None
    anna_window.table.select_case(first.id)
    anna_window.workspace.actions.assign_me.trigger()
    assert _summary(loket, first.reference).assignee == "Anna de Vries"
    assert anna_window.cases.total() == 2
    assert anna_window.table.selected_case_id() == second.id
    assert anna_window.case_view.reference == second.reference
    assert anna_window.workspace.actions.assign_me.isEnabled()

    anna_window.views.choose("all")
    anna_window.table.select_case(second.id)
    anna_window.workspace.actions.assign_me.trigger()
    assert anna_window.table.selected_case_id() == second.id


def test_choosing_another_view_does_not_pick_a_case(anna_window):
    anna_window.views.choose("nieuw")
    anna_window.table.select_case(anna_window.cases.summary(0).id)
    anna_window.views.choose("afgerond")
    assert anna_window.table.selected_case_id() is None
    assert anna_window.case_view.reference is None


def test_merge_dialog_focuses_its_field_and_takes_the_number(anna_window, loket, sample, qtbot):
    source, target = sample.references["subsidie"], sample.references["parkeren"]
    anna_window.table.select_case(sample.ids["subsidie"])
    merge = anna_window.workspace.actions.merge_case()
    qtbot.waitExposed(merge)
    assert merge.focusWidget() is merge.target
    number = str(int(target.rsplit("-", 1)[1]))  # "2"
    merge.target.setText(number)
    merge.submit()
    assert merge.error.isHidden(), merge.error.text()
    assert _summary(loket, target).messages == 2
    assert _summary(loket, source).status is Status.AFGEROND
    assert anna_window.case_view.reference == target


def test_merge_dialog_error_does_not_overlap_its_text(anna_window, sample, qtbot):
    anna_window.table.select_case(sample.ids["subsidie"])
    merge = anna_window.workspace.actions.merge_case()
    qtbot.waitExposed(merge)
    merge.target.setText("LK-1999-999999")
    merge.submit()
    assert "bestaat niet" in merge.error.text()
    QApplication.processEvents()
    merge.layout().activate()
    labels = [merge.error, *merge.hints]
    for label in labels:  # every line of a wrapped label gets its height
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    boxes = [label.geometry() for label in labels] + [merge.buttons.geometry()]
    for i, box in enumerate(boxes):
        for other in boxes[i + 1:]:
            assert not box.intersects(other)
    shot(merge, "merge-dialog-error.png")


def _assign(window, login: str) -> None:  # type: ignore[no-untyped-def]
    dialog = window.workspace.actions.assign_to_colleague()
    dialog.combo.setCurrentIndex(dialog.combo.findData(login))
    dialog.submit()


def test_undo_acts_on_the_case_in_view_and_says_what(anna_window, loket, sample):
    """After a merge into one case, Ctrl+Z once undid an assignment on another: now each case
    keeps its own step, and the menu names it."""
    w, actions = anna_window, anna_window.workspace.actions
    w.views.choose("all")
    w.table.select_case(sample.ids["afval"])
    _assign(w, "bram")
    assert _summary(loket, sample.references["afval"]).assignee == "Bram Jansen"
    assert actions.undo.isEnabled()
    assert actions.undo.text() == "&Undo: assignment to Bram"

    w.table.select_case(sample.ids["subsidie"])  # another case: nothing of it to undo
    assert not actions.undo.isEnabled()
    assert actions.undo.text() == "&Undo"
    actions.undo_last()  # Ctrl+Z here leaves the other case alone
    assert _summary(loket, sample.references["afval"]).assignee == "Bram Jansen"

    w.table.select_case(sample.ids["afval"])
    assert actions.undo.isEnabled()
    actions.undo.trigger()
    summary = _summary(loket, sample.references["afval"])
    assert (summary.assignee, summary.status) == (None, Status.NIEUW)
    assert not actions.undo.isEnabled()


def test_undo_is_off_once_a_colleague_changed_the_case(anna_window, loket, sample):
    w, actions = anna_window, anna_window.workspace.actions
    w.views.choose("all")
    w.table.select_case(sample.ids["subsidie"])
    actions.assign_me.trigger()
    assert actions.undo.text() == "&Undo: assignment to Anna"
    loket.user = "bram"  # Bram, in his own window, sets the status
    loket.set_status(sample.references["subsidie"], Status.WACHT_OP_INWONER)
    loket.user = "anna"
    w.refresh()
    assert not actions.undo.isEnabled()
    assert actions.undo.text() == "&Undo: assignment to Anna (changed since)"
    actions.undo_last()
    assert _summary(loket, sample.references["subsidie"]).status is Status.WACHT_OP_INWONER


def test_undo_speaks_dutch(dutch, anna_window, loket, sample):  # noqa: F811
    w = anna_window
    w.views.choose("all")
    w.table.select_case(sample.ids["afval"])
    _assign(w, "bram")
    assert w.workspace.actions.undo.text() == "&Ongedaan maken: toewijzing aan Bram"


def _select(window, case_ids) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+click on each case, as a person selects several."""
    from PySide6.QtCore import QItemSelectionModel

    table = window.table
    table.select_case(case_ids[0])
    model = table.selectionModel()
    for case_id in case_ids[1:]:
        index = window.cases.index(window.cases.row_of(case_id), 0)
        model.select(index, QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)


def test_bulk_assign_status_label_with_one_undo(anna_window, loket, sample, qtbot):
    w, actions = anna_window, anna_window.workspace.actions
    w.views.choose("all")
    names = ("afval", "parkeren", "subsidie")
    references = [sample.references[n] for n in names]
    _select(w, [sample.ids[n] for n in names])
    assert sorted(w.table.selected_references()) == sorted(references)
    assert "3 case(s) selected" in w.statusBar().currentMessage()

    dialog = actions.assign_to_colleague()
    assert dialog.windowTitle() == "Assign 3 case(s)"
    dialog.combo.setCurrentIndex(dialog.combo.findData("bram"))
    dialog.submit()
    assert {_summary(loket, r).assignee for r in references} == {"Bram Jansen"}
    shot(w, "bulk-assign.png")

    w.table.select_case(sample.ids["parkeren"])  # any case of the action offers its undo
    assert actions.undo.text() == "&Undo: assignment to Bram (3 case(s))"
    actions.undo.trigger()
    assert _summary(loket, sample.references["parkeren"]).assignee == "Anna de Vries"
    assert _summary(loket, sample.references["afval"]).assignee is None
    assert _summary(loket, sample.references["subsidie"]).assignee is None

    _select(w, [sample.ids[n] for n in names])
    label = actions.add_label()
    label.combo.setCurrentText("Wijk Noord")
    label.submit()
    assert all(_summary(loket, r).labels == ("Wijk Noord",) for r in references)
    assert "labels: Wijk Noord" in w.case_view.status.text()

    _select(w, [sample.ids[n] for n in names])
    status = actions.change_status()
    status.combo.setCurrentIndex(status.combo.findData(Status.WACHT_OP_INWONER.value))
    status.submit()
    assert {_summary(loket, r).status for r in references} == {Status.WACHT_OP_INWONER}


def test_bulk_close_with_one_outcome_and_export(anna_window, loket, sample, tmp_path):
    w, actions = anna_window, anna_window.workspace.actions
    w.views.choose("all")
    names = ("afval", "subsidie")
    _select(w, [sample.ids[n] for n in names])
    work = w.workspace.export_list(tmp_path / "gekozen.csv", w.table.selected_case_ids())
    assert work is not None
    lines = (tmp_path / "gekozen.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and {line.split(";")[0] for line in lines[1:]} == {
        sample.references[n] for n in names}

    dialog = actions.close_open_case()
    assert dialog.windowTitle() == "Close 2 case(s)"
    dialog.outcome.setText("Samen afgehandeld")
    shot(dialog, "bulk-close.png")
    dialog.submit()
    for n in names:
        detail = loket.case_detail(sample.references[n])
        assert detail.summary.status is Status.AFGEROND and detail.outcome == "Samen afgehandeld"
