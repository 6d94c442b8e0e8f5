"""Layout on an ordinary screen (issue 17): the subject column is wide enough to read, a long
subject does not fill the reading pane, the messages keep a readable width beside the
kennisbank, and the sign-in hint is not clipped after a wrong password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.sign_in import SignInDialog
from inbox.model import Channel, IncomingMessage

from .conftest import SCREENSHOTS, StepClock

pytestmark = pytest.mark.gui


def test_the_subject_column_shows_a_subject(anna_window):
    header = anna_window.table.horizontalHeader()
    assert anna_window.width() == 1280
    metrics = anna_window.table.fontMetrics()
    assert header.sectionSize(1) >= metrics.horizontalAdvance("Parkeervergunning bezoekers")
    assert header.sectionSize(1) >= max(header.sectionSize(c) for c in (2, 3, 4, 5))
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total <= anna_window.table.viewport().width()  # no sideways scrolling


def test_a_long_subject_stays_a_heading_and_the_messages_stay_readable(anna_window, loket):
    loket.now = StepClock(loket.now())
    subject = "Klacht over " + "de afvalinzameling in de wijk Noord en de gevolgen " * 10
    long = loket.receive(IncomingMessage(
        Channel.EMAIL, loket.now(), sender="lang@example.nl", sender_name="Lang Onderwerp",
        subject=subject, body_text="Tekst."))
    anna_window.views.choose("all")
    anna_window.show_case_id_anywhere(long.case_id)
    view = anna_window.case_view
    QApplication.processEvents()
    stored = loket.case_detail(str(long.reference)).summary.subject
    assert view.title.text().endswith(stored)  # the whole subject, for a tooltip
    shown = view.title.text_shown()
    assert shown.count("\n") <= 1 and shown.endswith("…")
    assert view.title.height() <= 2 * view.title.fontMetrics().lineSpacing() + 4
    assert view.title.toolTip().endswith(stored)
    assert view.timeline.width() >= 0.6 * view.width()  # suggestions go below when narrow
    anna_window.grab().save(str(SCREENSHOTS / "long-subject.png"))


def test_the_sign_in_hint_is_not_clipped_after_a_wrong_password(loket, qtbot):
    from inbox import acts
    from tests.conftest import give_password

    give_password(loket, "anna", "goed-wachtwoord")
    with loket.op(acts.USER_ADD, obj="hint") as op:  # what `demo` leaves for the sign-in
        op.store.records.set_setting(
            "sign_in_hint", "Demo: meld u aan als anne (medewerker), tineke (teamleider), "
            "arjen (archivaris) of bea (beheerder), wachtwoord loket-demo.")
    dialog = SignInDialog(loket, user="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password.setText("fout")
    dialog.try_sign_in()
    QApplication.processEvents()
    dialog.layout().activate()
    for label in (dialog.hint, dialog.error):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert not dialog.hint.geometry().intersects(dialog.error.geometry())
    dialog.grab().save(str(SCREENSHOTS / "sign-in-wrong-password.png"))


def test_dates_are_dutch_in_dutch_time_in_the_list_case_and_export(anna_window, loket, sample,
                                                                   tmp_path, monkeypatch):
    """Whatever the computer's time zone, the list, the case and the CSV export say the time
    as it was in the Netherlands, written one way."""
    import time
    from datetime import date

    from inbox import casework

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        casework.set_deadline(loket, sample.references["afval"], date(2026, 3, 20))
        anna_window.views.choose("all")
        anna_window.table.select_case(sample.ids["afval"])
        row = anna_window.cases.row_of(sample.ids["afval"])
        # the sample's first mail was sent 2026-03-02 08:03 UTC: 09:03 in Amsterdam
        shown = anna_window.cases.index(row, 6).data()
        assert shown == "02-03-2026 09:03"
        assert "deadline 20-03-2026" in anna_window.case_view.status.text()
        assert "Termijn: 20-03-2026" in anna_window.case_view.timeline_text()
        anna_window.workspace.export_list(tmp_path / "zaken.csv", [sample.ids["afval"]])
        line = (tmp_path / "zaken.csv").read_text(encoding="utf-8-sig").splitlines()[1]
        assert ";20-03-2026;02-03-2026 09:03;" in line and "Z" not in line.split(";")[-2]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
