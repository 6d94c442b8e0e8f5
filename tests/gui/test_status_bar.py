"""The status bar (issue 17): sync errors do not squeeze action feedback, texts never overlap,
the demo's serverless mailbox is explained, a saved note names its case, F9 answers at once,
and the archivaris' window asks nothing that would be refused."""

from __future__ import annotations

import pytest

from desktop.sync_status import LINE_WIDTH
from inbox.accounts import DEMO_MAILBOX
from inbox.privacy import audit
from inbox.sync import SyncEvent
from tests.conftest import act_as, add_staff
from tests.gui.conftest import SCREENSHOTS, staff_window
from tests.gui.test_reply import add_account

pytestmark = pytest.mark.gui

LONG_ERROR = ("Het certificaat van imap.gemeente-voorbeeld.nl is niet te vertrouwen (het "
              "certificaat is verlopen). Er is geen verbinding gemaakt; controleer de "
              "instellingen van het account of vraag de beheerder om hulp.")


@pytest.fixture
def anne(loket, sample, qtbot):  # type: ignore[no-untyped-def]
    add_staff(loket)
    return staff_window(loket, "anne", qtbot, (1000, 700))


def test_a_long_sync_error_leaves_room_for_what_was_just_done(anne, sample, qtbot):  # type: ignore[no-untyped-def]
    anne.sync_status.load([{"account": "kcc", "folder": "INBOX", "last_sync_at": None,
                            "last_error": LONG_ERROR}])
    line = anne.sync_status.accounts["kcc"]
    assert line.label.toolTip() == LONG_ERROR and line.label.text().endswith("…")
    assert line.label.fontMetrics().horizontalAdvance(line.label.text()) <= LINE_WIDTH
    message = f"Notitie bewaard in {sample.references['afval']}."
    anne.statusBar().showMessage(message, 5000)
    qtbot.wait(50)
    bar = anne.statusBar()
    permanent = anne.sync_status.width() + anne.totals.width()
    room = bar.width() - permanent
    assert room >= bar.fontMetrics().horizontalAdvance(message)  # not "LK-20"
    assert not anne.list_count.isVisible()  # no two texts on top of each other
    assert anne.grab().save(str(SCREENSHOTS / "status-bar-error-and-feedback.png"))
    bar.clearMessage()
    assert anne.list_count.isVisible()


def test_the_demo_mailbox_is_explained_not_a_red_error(anne):  # type: ignore[no-untyped-def]
    refused = "Server 127.0.0.1 weigert de verbinding op poort 10143."
    anne.sync_status.load([{"account": DEMO_MAILBOX, "folder": "INBOX", "last_sync_at": None,
                            "last_error": refused}])
    line = anne.sync_status.accounts[DEMO_MAILBOX]
    assert "weigert" not in line.label.text() and "outbox" in line.label.text()
    assert not line.error and line.label.styleSheet() == ""
    anne.sync_status.on_event(SyncEvent("error", DEMO_MAILBOX, message=refused))
    assert "weigert" not in line.label.text() and "outbox" in line.label.toolTip()


def test_a_saved_note_names_its_case(anne, sample):  # type: ignore[no-untyped-def]
    anne.table.select_case(sample.ids["afval"])
    dialog = anne.workspace.actions.write_note()
    dialog.text.setPlainText("Teruggebeld; nieuwe pas komt per post.")
    dialog.submit()
    assert anne.statusBar().currentMessage() == f"Note saved in {sample.references['afval']}."


def test_f9_says_what_it_does(anne, loket, qtbot):  # type: ignore[no-untyped-def]
    assert anne.sync.running
    anne.fetch_action.trigger()
    assert anne.statusBar().currentMessage() == "No mail account yet: there is nothing to fetch."
    add_account(loket)
    act_as(loket, "anne")
    anne._load_sync_status()
    anne.fetch_action.trigger()
    assert anne.statusBar().currentMessage() == "Fetching mail and sending waiting replies…"
    assert anne.sync.scheduler.calls[-1] == ("sync_now", None)  # type: ignore[union-attr]


def test_no_mail_account_hint_offers_set_up_only_to_the_beheerders_people(anne):  # type: ignore[no-untyped-def]
    hint = anne.sync_status.hint
    assert hint.isVisible() and not hint.isEnabled()  # anne cannot set one up
    assert "beheerder" in hint.text()


def test_the_archivaris_sees_a_case_without_refusals(loket, sample, qtbot):  # type: ignore[no-untyped-def]
    add_staff(loket)
    window = staff_window(loket, "arjen", qtbot)
    window.table.select_case(sample.ids["afval"])
    assert window.case_view.title.text().startswith(sample.references["afval"])
    assert "not its messages" in window.case_view.contact.text()
    assert window.statusBar().currentMessage() == ""
    assert not window.case_view.reply_button.isVisibleTo(window)
    refused = [e for e in audit.trail(loket, limit=50).entries if e["result"] == "geweigerd"]
    assert refused == []
