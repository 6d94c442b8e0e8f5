"""Fetching in the window: scheduler events reach the GUI thread, the status bar and the list."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QThread

from desktop.main_window import MainWindow
from desktop.sync_status import SyncStatus
from inbox.accounts import Accounts, MailAccount, Security
from inbox.model import Channel, IncomingMessage
from inbox.services import Loket
from inbox.sync import SyncEvent

pytestmark = pytest.mark.gui


def test_scheduler_starts_with_the_window_and_stops_on_close(window, schedulers, qtbot):
    assert schedulers == []  # nothing runs before the window opens
    window.show()
    qtbot.waitExposed(window)
    (scheduler,) = schedulers
    assert scheduler.calls == [("start", None)]
    assert window.fetch_action.shortcut().toString() == "F9"
    window.fetch_action.trigger()
    assert scheduler.calls[-1] == ("sync_now", None)
    window.close()
    assert scheduler.calls[-1] == ("shutdown", None)


def test_progress_and_status_follow_the_events(qtbot):
    status = SyncStatus()
    qtbot.addWidget(status)
    status.load([{"account": "kcc", "folder": "INBOX", "last_sync_at": None,
                  "last_error": "Server imap.test reageert niet (time-out)."}])
    status.show()
    kcc = status.accounts["kcc"]
    assert kcc.label.text() == "kcc: Server imap.test reageert niet (time-out)."
    assert "a4262c" in kcc.label.styleSheet()
    assert not status.hint.isVisible()

    status.on_event(SyncEvent("started", "kcc"))
    assert kcc.label.text() == "kcc: fetching…" and kcc.label.styleSheet() == ""
    status.on_event(SyncEvent("progress", "kcc", "INBOX", 0, 5))
    assert not kcc.progress.isVisible()  # a short sync: no bar that only flickers
    status.on_event(SyncEvent("progress", "kcc", "INBOX", 200, 1500))
    assert kcc.progress.isVisible()
    assert kcc.progress.text() == "INBOX: 200/1500"
    assert (kcc.progress.value(), kcc.progress.maximum()) == (200, 1500)
    status.on_event(SyncEvent("progress", "kcc", "Archief", 1400, 1500))
    assert kcc.progress.text() == "Archief: 1400/1500"
    at = datetime(2026, 3, 2, 14, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))  # shown in Dutch time
    status.on_event(SyncEvent("done", "kcc", fetched=3, at=at))
    assert not kcc.progress.isVisible()
    assert kcc.label.text() == "kcc: fetched 14:05"
    status.on_event(SyncEvent("error", "kcc", message="Inloggen geweigerd."))
    assert kcc.label.text() == "kcc: Inloggen geweigerd." and kcc.error
    assert kcc.label.toolTip() == "Inloggen geweigerd."

    status.load([])
    assert status.hint.isVisible() and status.accounts == {}


def test_events_from_a_worker_thread_are_handled_on_the_gui_thread(window, schedulers, qtbot):
    window.show()
    qtbot.waitExposed(window)
    seen: list[bool] = []
    window.sync.arrived.connect(
        lambda e: seen.append(QThread.currentThread() is window.thread()))
    scheduler = schedulers[0]
    worker = threading.Thread(target=scheduler.emit, args=(SyncEvent("started", "kcc"),))
    with qtbot.waitSignal(window.sync.arrived, timeout=5000):
        worker.start()
        worker.join()
    assert seen == [True]
    assert window.sync_status.accounts["kcc"].label.text() == "kcc: fetching…"


def test_new_mail_refreshes_the_list_and_keeps_the_selection(window, schedulers, sample, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.table.select_case(sample.ids["parkeren"])
    assert window.totals.text() == "Open: 5 · New: 3"
    # the scheduler's own connection files a new mail
    other = Loket.open(sample.path)
    other.receive(IncomingMessage(channel=Channel.EMAIL, sent_at=datetime(2026, 3, 3, tzinfo=UTC),
                                  sender="nieuw@example.nl", subject="Lantaarnpaal kapot",
                                  body_text="Al een week."))
    other.close()
    schedulers[0].emit(SyncEvent("done", "kcc", fetched=0))
    assert window.cases.total() == 5  # nothing new said: no refresh
    schedulers[0].emit(SyncEvent("done", "kcc", fetched=1))
    assert window.cases.total() == 6
    assert window.table.selected_case_id() == sample.ids["parkeren"]
    assert window.case_view.reference == sample.references["parkeren"]
    assert window.totals.text() == "Open: 6 · New: 4"
    assert window.list_count.text() == "6 case(s) in this list"


@pytest.mark.integration
def test_real_scheduler_fetches_from_dovecot(
    loket, runner, sample, qtbot, dovecot, mailbox_user
):
    from imapclient import IMAPClient

    from tests.integration.test_imap_sync import mail

    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login(*mailbox_user)
        for n in range(1, 4):
            client.append("INBOX", mail(n))
    Accounts(loket).add_mail(
        MailAccount(name="kcc", host="127.0.0.1", port=dovecot.port, security=Security.NONE,
                    username=mailbox_user[0]), mailbox_user[1])
    window = MainWindow(loket, runner)  # the real SyncScheduler
    qtbot.addWidget(window)
    events: list[SyncEvent] = []
    window.sync.arrived.connect(events.append)
    window.show()
    qtbot.waitUntil(lambda: any(e.kind == "done" for e in events), timeout=20000)
    done = next(e for e in events if e.kind == "done")
    assert done.fetched == 3
    assert window.cases.total() == 5 + 3
    assert window.sync_status.accounts["kcc"].label.text().startswith("kcc: fetched ")
    window.close()
    assert not window.sync.running
