"""Vertrouwelijk in the app: the handler marks their own case with a reason, the list shows a
lock to them and nothing at all to colleagues, a beheerder lifts it by reference."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from desktop.role_home import RoleHome
from desktop.tasks import TaskRunner
from tests.conftest import act_as, add_staff
from tests.gui.conftest import SCREENSHOTS, staff_window

pytestmark = pytest.mark.gui


def main_window(loket, login, qtbot):  # type: ignore[no-untyped-def]
    window = staff_window(loket, login, qtbot)
    window.views.choose("all")
    return window


def row_of(window, reference):  # type: ignore[no-untyped-def]
    model = window.cases
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == reference:
            return row
    return None


def test_the_handler_marks_their_case_and_only_they_see_it_with_a_lock(loket, sample, qtbot):  # type: ignore[no-untyped-def]
    add_staff(loket)
    mine, other = sample.references["afval"], sample.references["subsidie"]
    act_as(loket, "anne")
    loket.assign(mine, "anne")
    window = main_window(loket, "anne", qtbot)
    action = window.confidential.action
    assert not action.isEnabled()  # no case open yet
    window.table.select_case(sample.ids["subsidie"])
    dialog = window.confidential.open()
    dialog.reason.setPlainText("Schuldhulp")
    dialog.submit()  # not hers: the domain says why
    assert "behandelaar" in dialog.error.text()
    dialog.reject()

    window.table.select_case(sample.ids["afval"])
    assert action.isEnabled() and action.isVisible()
    dialog = window.confidential.open()
    dialog.submit()
    assert "reden" in dialog.error.text()  # a reason is required (Dutch, from the domain)
    dialog.reason.setPlainText("Schuldhulp; de inwoner vroeg om discretie")
    dialog.submit()
    assert loket.case_detail(mine).summary.confidential
    row = row_of(window, mine)
    assert row is not None
    index = window.cases.index(row, 1)  # the subject, with a lock
    assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Vertrouwelijk" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.cases.index(row_of(window, other), 1).data(
        Qt.ItemDataRole.DecorationRole) is None
    assert action.text().replace("&", "").startswith("Lift")
    window.resize(1280, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(SCREENSHOTS / "confidential-lock.png"))

    bram = main_window(loket, "bram", qtbot)
    assert row_of(bram, mine) is None and row_of(bram, other) is not None  # nothing at all
    assert all(bram.cases.index(r, 1).data(Qt.ItemDataRole.DecorationRole) is None
               for r in range(bram.cases.rowCount()))


def test_the_beheerder_lifts_it_by_reference(loket, sample, qtbot):  # type: ignore[no-untyped-def]
    add_staff(loket)
    mine = sample.references["afval"]
    act_as(loket, "anne")
    loket.assign(mine, "anne")
    loket.set_confidential(mine, True, "Schuldhulp")
    act_as(loket, "bea")
    home = RoleHome(loket, TaskRunner(loket, synchronous=True))
    qtbot.addWidget(home)
    dialog = home.lift_confidential()
    dialog.reference.setText(mine.lower())
    dialog.reason.setPlainText("Hulpverlening afgerond")
    dialog.submit()
    assert "no longer" in home.statusBar().currentMessage()
    act_as(loket, "bram")
    assert not loket.case_detail(mine).summary.confidential  # the team sees it again
