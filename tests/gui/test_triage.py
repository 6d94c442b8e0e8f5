"""Keyboard triage without friction: the selection survives assigning, the merge dialog takes
the number part of a reference, bulk actions on a multi-selection, undo that says what it
undoes and only on the case in view (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from inbox.model import Status
from inbox.services import Loket

from .conftest import SCREENSHOTS

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
