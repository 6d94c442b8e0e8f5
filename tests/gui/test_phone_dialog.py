"""The phone/counter note form: fast entry, inline Dutch errors, the new case selected after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.phone_dialog import ContactDialog
from desktop.tasks import TaskRunner
from inbox.model import Channel, Status
from inbox.services import CaseQuery

pytestmark = pytest.mark.gui


def fill(dialog: ContactDialog, qtbot, phone: str = "0612345678") -> None:
    qtbot.keyClicks(dialog.name, "Mohamed Yilmaz")
    dialog.phone.setText(phone)
    dialog.subject.setText("Gat in de weg")
    dialog.question.setPlainText("Er zit een gat in de weg bij de Kerkstraat 12.")
    dialog.answer.setPlainText("Melding doorgezet naar de buitendienst.")


def test_phone_note_creates_and_selects_a_case(window, loket, qtbot):
    window.show()
    qtbot.waitExposed(window)
    dialog = window.open_contact_dialog(Channel.PHONE)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Phone note"
    assert dialog.focusWidget() is dialog.name  # type straight away
    fill(dialog, qtbot)
    dialog.callback.setChecked(True)
    dialog.callback_date.setDate(QDate(2026, 3, 10))
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter submits
    received = saved.args[0]
    assert not dialog.isVisible()

    assert window.table.selected_case_id() == received.case_id
    assert window.cases.total() == 6  # 5 open + the new one
    assert window.case_view.reference == received.reference
    assert "Gat in de weg" in window.case_view.title.text()
    assert "Melding doorgezet" in window.case_view.timeline_text()
    assert "+31612345678" in window.case_view.addresses.text()
    message = loket.messages(received.reference)[0]
    assert message["channel"] == "phone" and message["sender"] == "+31612345678"
    row = loket.db.one("SELECT callback_by FROM messages WHERE id = ?", (received.message_id,))
    assert row["callback_by"] == "2026-03-10"


def test_bad_phone_number_is_shown_inline_and_nothing_is_lost(window, loket, qtbot):
    dialog = window.open_contact_dialog(Channel.PHONE)
    fill(dialog, qtbot, phone="12")
    dialog.submit()
    assert dialog.isVisible()
    assert not dialog.error.isHidden()
    assert dialog.error.text() == "'12' is geen geldig telefoonnummer."
    assert dialog.name.text() == "Mohamed Yilmaz"
    assert dialog.question.toPlainText().startswith("Er zit een gat")
    assert dialog.save_button.isEnabled() and dialog.buttons.isEnabled()
    assert window.cases.total() == 5  # nothing stored

    dialog.phone.setText("")  # the number is optional
    dialog.submit()
    assert dialog.received is not None and not dialog.isVisible()


def test_counter_visit_resolved_at_once_shows_up_among_all_cases(window, loket, qtbot):
    dialog = window.open_contact_dialog(Channel.COUNTER)
    assert dialog.windowTitle() == "Counter visit"
    dialog.name.setText("Henk Visser")
    dialog.question.setPlainText("Waar kan ik grofvuil kwijt?")
    dialog.answer.setPlainText("Milieustraat, zaterdag open.")
    dialog.resolved.setChecked(True)
    dialog.submit()
    received = dialog.received
    assert received is not None
    # closed straight away, so not in "open cases": the window switches to all cases
    assert window.views.current_view().key == "all"
    assert window.table.selected_case_id() == received.case_id
    summary = loket.case_summaries([received.case_id])[0]
    assert summary.status is Status.AFGEROND and summary.channel is Channel.COUNTER


def test_linking_to_an_unknown_case_is_an_inline_error(runner, qtbot):
    dialog = ContactDialog(runner, Channel.PHONE)
    qtbot.addWidget(dialog)
    dialog.question.setPlainText("Nog een vraag")
    dialog.case_reference.setText("LK-2026-999999")
    dialog.submit()
    assert dialog.error.text() == "Zaak LK-2026-999999 bestaat niet."
    assert dialog.received is None


def test_note_saved_on_the_worker_thread(loket, qtbot):
    runner = TaskRunner(loket)  # a real worker with its own connection
    assert not runner.synchronous
    dialog = ContactDialog(runner, Channel.PHONE)
    qtbot.addWidget(dialog)
    dialog.name.setText("Els")
    dialog.question.setPlainText("Is het gemeentehuis open op Koningsdag?")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    references = {c.reference for c in loket.case_summaries(loket.case_ids(CaseQuery()))}
    assert saved.args[0].reference in references  # the GUI's connection sees the write

    dialog2 = ContactDialog(runner, Channel.PHONE)
    qtbot.addWidget(dialog2)
    dialog2.question.setPlainText("x")
    dialog2.phone.setText("abc")
    dialog2.submit()
    qtbot.waitUntil(lambda: dialog2.error.text() != "", timeout=5000)
    assert dialog2.error.text() == "'abc' is geen geldig telefoonnummer."
    runner.shutdown()
