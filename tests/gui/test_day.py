"""The KCC's day in the main window: hand a case over, ask for a call-back and record it in one
step, the worklist views with counts and the due column, the product asked when closing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.case_model import DUE_COLUMN
from desktop.formatting import local_time
from inbox import casework, departments
from inbox.model import Status
from tests.conftest import as_beheerder

from .conftest import SCREENSHOTS
from .test_reply import add_account

pytestmark = pytest.mark.gui

TUESDAY = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # the day after the sample's mail came in


@pytest.fixture
def window(request, loket):  # type: ignore[no-untyped-def]
    shown = request.getfixturevalue("anna_window")
    loket.now = lambda: TUESDAY
    shown.views.views.refresh_counts()
    shown.refresh()
    return shown


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # layouts settle, as they do before a person looks
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_hand_over_to_a_department(window, loket, sample):  # type: ignore[no-untyped-def]
    add_account(loket)
    with as_beheerder(loket):
        departments.add(loket, "Burgerzaken", "burgerzaken@gemeente.test", 3)
        departments.add(loket, "Openbare ruimte", "buitendienst@gemeente.test", 2)
    window.table.select_case(sample.ids["boom"])
    dialog = window.workspace.actions.forward_case()
    assert dialog is not None and dialog.department.count() == 2
    dialog.department.setCurrentIndex(dialog.department.findData("Openbare ruimte"))
    dialog.submit()
    assert dialog.error.isVisible()  # the question is required
    dialog.question.setPlainText("Kan de buitendienst de boom vandaag weghalen?")
    shot(dialog, "forward-dialog.png")
    dialog.submit()
    summary = loket.case_detail(sample.references["boom"]).summary
    assert (summary.status, summary.department) == (Status.BIJ_VAKAFDELING, "Openbare ruimte")
    assert window.views.views.count("bij_vakafdeling") == 1


def test_call_back_view_and_done_in_one_step(window, loket, sample, qtbot):  # type: ignore[no-untyped-def]
    actions = window.workspace.actions
    window.table.select_case(sample.ids["paspoort"])
    qtbot.waitUntil(lambda: window.case_view.detail is not None)
    assert actions.record_callback() is None  # no request yet: says so in the status bar
    dialog = actions.ask_callback()
    assert dialog is not None and dialog.who.currentData() == "anna"
    dialog.day.setDate(QDate(2026, 3, 4))
    dialog.window.setText("09:00-12:00")
    dialog.submit()
    window.views.views.refresh_counts()
    assert window.views.views.count("terugbellen") == 1
    window.views.choose("terugbellen")
    assert window.cases.headerData(DUE_COLUMN, Qt.Orientation.Horizontal) == "Call back by"
    assert window.cases.index(0, DUE_COLUMN).data() == "04-03 09:00-12:00"
    due = loket.case_detail(sample.references["paspoort"]).summary.callback_due
    assert due == "2026-03-04T11:00:00Z"  # 12:00 in Amsterdam, the window's end
    assert window.cases.index(0, DUE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == \
        local_time(due)
    shot(window, "callbacks-view.png")
    window.table.select_case(sample.ids["paspoort"])
    qtbot.waitUntil(lambda: window.case_view.detail is not None
                    and window.case_view.detail.summary.callback_open)
    done = actions.record_callback()
    assert done is not None
    done.not_reached.setChecked(True)
    done.again.setChecked(True)
    done.again_day.setDate(QDate(2026, 3, 5))
    shot(done, "callback-done-dialog.png")
    done.submit()
    summary = loket.case_detail(sample.references["paspoort"]).summary
    assert summary.callback_open and summary.callback_due.startswith("2026-03-05")
    loket.now = lambda: datetime(2026, 3, 6, 9, tzinfo=UTC)  # the next try was missed
    window.refresh()
    assert window.cases.index(0, DUE_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_worklist_views_and_the_product_when_closing(window, loket, sample):  # type: ignore[no-untyped-def]
    views = window.views.views
    # sample mail of 2 March 2026 with a 2-working-day norm: due Wednesday 4 March
    assert views.count("vandaag") == 0 and views.count("te_laat") == 0
    loket.now = lambda: datetime(2026, 3, 4, 10, tzinfo=UTC)
    views.refresh_counts()
    assert views.count("vandaag") >= 1
    window.views.choose("vandaag")
    assert window.cases.rowCount() == views.count("vandaag")
    window.table.select_case(sample.ids["subsidie"])
    casework.set_product(loket, sample.references["parkeren"], "Parkeervergunning")
    dialog = window.workspace.actions.close_open_case()
    assert dialog is not None
    assert dialog.product.itemText(0) == "Parkeervergunning"  # anna's last used on top
    dialog.product.setCurrentText("Subsidie")
    dialog.outcome.setText("Formulier gestuurd")
    shot(dialog, "close-dialog-product.png")
    dialog.submit()
    summary = loket.case_detail(sample.references["subsidie"]).summary
    assert (summary.status, summary.product) == (Status.AFGEROND, "Subsidie")
    assert date(2026, 3, 4)  # (the frozen day of this test)


def test_the_dashboard_shows_what_stats_json_says(window, loket, sample, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from inbox import callbacks, handover, kcc_figures

    add_account(loket)
    with as_beheerder(loket):
        departments.add(loket, "Openbare ruimte", "buitendienst@gemeente.test", 1)
    handover.forward(loket, sample.references["boom"], "Openbare ruimte", "Boom weghalen?")
    callbacks.request(loket, sample.references["paspoort"], date(2026, 3, 2))  # missed
    casework.set_product(loket, sample.references["parkeren"], "Parkeervergunning")
    casework.set_product(loket, sample.references["balie"], "Uittreksel BRP")
    loket.user, before = "systeem", loket.user
    kcc_figures.set_target(loket, 75)
    loket.user = before
    loket.now = lambda: datetime(2026, 3, 10, 9, tzinfo=UTC)  # a week on: the department is late
    dashboard = window.workspace.open_dashboard()
    dashboard.date_from.setDate(QDate(2026, 1, 1))
    dashboard.date_to.setDate(QDate(2026, 12, 31))
    with qtbot.waitSignal(dashboard.loaded):
        dashboard.reload()
    stats = loket.stats("2026-01-01", "2026-12-31")
    shown = dashboard.day.values()
    assert shown["target"] == ("Target 75%", 75.0)
    assert shown["tiles"]["forwarded_overdue"] == str(stats["forwarded"]["Openbare ruimte"][
        "overdue"]) == "1"
    assert shown["tiles"]["callbacks_overdue"] == str(stats["callbacks"]["overdue"]) == "1"
    assert shown["tiles"]["repeat_contact_pct"] == "0,0%" == \
        f"{stats['repeat_contact_pct']:.1f}%".replace(".", ",")
    assert shown["forwarded"] == {"Openbare ruimte": ["1", "1", "1", "0"]}
    assert {k: int(v[0]) for k, v in shown["per_product"].items()} == {
        k: p["volume"] for k, p in stats["per_product"].items()}
    assert shown["per_product"]["Uittreksel BRP"][1] == "100,0%"
    assert {k: [int(x) for x in v] for k, v in shown["per_medewerker"].items()} == {
        k: [m["cases"], m["open"], m["closed"], m["in_one_go"]]
        for k, m in stats["per_medewerker"].items()}
    assert shown["channel_shift"] == {
        k[5:]: (w["online"], w["phone_counter"]) for k, w in stats["channel_shift"].items()}
    dashboard.pages.setCurrentWidget(dashboard.day)
    dashboard.window().resize(1100, 760)
    shot(dashboard.window(), "dashboard-day.png")


def test_the_beheerder_sets_departments_office_hours_and_the_automatic_reply(loket, runner,
                                                                              qtbot):  # type: ignore[no-untyped-def]
    from datetime import time

    from PySide6.QtCore import QTime

    from desktop.role_home import RoleHome
    from inbox import autoreply, deadlines

    add_account(loket)
    from inbox.model import Role

    loket.ensure_user("bea", "Bea Kok", Role.BEHEERDER)
    loket.user = "bea"
    home = RoleHome(loket, runner)
    qtbot.addWidget(home)
    dialog = home.open_day_settings()
    dialog.department_name.setText("Burgerzaken")
    dialog.department_email.setText("bz@gemeente.test")
    dialog.department_days.setValue(3)
    dialog.save_department()
    assert dialog.department_table.rowCount() == 1
    dialog.department_table.selectRow(0)
    dialog.department_days.setValue(4)
    dialog.save_department()  # the same name: changed, not added
    assert [(d.name, d.norm_days) for d in departments.departments(loket)] == [
        ("Burgerzaken", 4)]
    friday = dialog.hour_rows[4]
    friday[2].setTime(QTime(12, 30))
    dialog.save_hours()
    assert deadlines.office_hours(loket).days[4] == (time(8, 30), time(12, 30))
    [(name, on, text)] = dialog.autoreply_rows
    on.setChecked(True)
    dialog.save_autoreply()
    assert [s.on for s in autoreply.settings(loket)] == [True]
    text.setPlainText("Gesloten.")  # without {zaak}: refused, in Dutch, below
    dialog.save_autoreply()
    assert "{zaak}" in dialog.message.text()
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "day-settings.png")
