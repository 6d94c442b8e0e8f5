"""Replying from a case: stored in the case at once, queued, and its outbox state shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import dialogs
from inbox.accounts import Accounts, MailAccount, Security
from inbox.channels import smtp
from inbox.services import Loket

pytestmark = pytest.mark.gui


def add_account(loket: Loket, name: str = "kcc", smtp_host: str = "127.0.0.1") -> MailAccount:
    """The team's mail account, added by the beheerder (the test goes on as before)."""
    from tests.conftest import as_beheerder

    with as_beheerder(loket):
        return Accounts(loket).add_mail(
            MailAccount(name=name, host="127.0.0.1", username=f"{name}@gemeente.test",
                        security=Security.NONE, smtp_host=smtp_host,
                        smtp_security=Security.NONE),
            "geheim")


def open_case(window, sample, key: str = "afval"):  # type: ignore[no-untyped-def]
    window.show()
    window.table.select_case(sample.ids[key])
    assert window.case_view.reference == sample.references[key]


def test_reply_is_stored_queued_and_sent_by_the_next_pass(window, loket, sample, schedulers,
                                                          qtbot):
    add_account(loket)
    open_case(window, sample)
    assert window.case_view.reply_action.isEnabled()
    assert window.case_view.reply_action.shortcut().toString() == "Ctrl+R"
    editor = window.open_reply_editor()
    assert editor is not None
    qtbot.waitExposed(editor)
    reference = sample.references["afval"]
    assert editor.to.text() == "j.bakker@example.nl"
    assert editor.subject.text() == f"Re: [{reference}] Vraag over afvalpas"
    assert not editor.account.isVisible()  # one account: nothing to choose
    assert editor.text.toPlainText() == "Dear Jan Bakker,\n\n"
    assert editor.focusWidget() is editor.text  # type straight away
    qtbot.keyClicks(editor.text, "Een nieuwe pas is onderweg.")
    with qtbot.waitSignal(editor.sent):
        editor.send_button.click()
    assert not editor.isVisible()

    row = smtp.outbox(loket)[0]
    assert (row["reference"], row["recipients"], row["state"]) == (
        reference, "j.bakker@example.nl", "queued")
    timeline = window.case_view.timeline_text()
    assert "Een nieuwe pas is onderweg." in timeline
    assert "Waiting to be sent" in timeline
    assert schedulers[0].calls[-1] == ("sync_now", "kcc")
    assert window.table.selected_case_id() == sample.ids["afval"]

    # the scheduler's pass sent it: the state follows after its 'done' event
    loket.db.conn.execute("UPDATE outbox SET state = 'sent', sent_at = '2026-03-02T10:00:00Z'")
    from inbox.sync import SyncEvent

    schedulers[0].emit(SyncEvent("done", "kcc", sent=1))
    assert "Sent 02-03-2026" in window.case_view.timeline_text()
    assert "Waiting to be sent" not in window.case_view.timeline_text()


def test_empty_reply_and_a_choice_of_accounts(window, loket, sample, qtbot):
    add_account(loket, "info")
    add_account(loket, "kcc")
    add_account(loket, "leesmap", smtp_host="")  # cannot send: not offered
    open_case(window, sample, "subsidie")
    editor = window.open_reply_editor()
    assert editor is not None
    qtbot.waitExposed(editor)
    assert editor.account.isVisible()
    assert [editor.account.itemData(i) for i in range(editor.account.count())] == ["info", "kcc"]
    editor.account.setCurrentIndex(1)
    editor.text.setPlainText("   ")
    editor.submit()
    assert editor.isVisible() and editor.error.text() == "Een antwoord mag niet leeg zijn."
    editor.to.setText("geen-adres")
    editor.text.setPlainText("Uw aanvraag is ontvangen.")
    editor.submit()
    assert editor.error.text() == "Deze inwoner heeft geen e-mailadres; vul een adres in."
    editor.to.setText("secretaris@sportclub.example")
    editor.submit()
    assert not editor.isVisible()
    assert smtp.outbox(loket)[0]["recipients"] == "secretaris@sportclub.example"
    assert loket.db.scalar("SELECT a.name FROM outbox o JOIN accounts a ON a.id = o.account_id"
                           ) == "kcc"


def test_without_a_sending_account_the_accounts_dialog_opens(window, loket, sample, qtbot):
    add_account(loket, "leesmap", smtp_host="")
    open_case(window, sample)
    assert window.open_reply_editor() is None
    assert window.accounts_dialog is not None and window.accounts_dialog.isVisible()
    assert "SMTP" in window.statusBar().currentMessage()


def test_failed_and_uncertain_replies_can_be_sent_anyway(window, loket, sample, schedulers,
                                                         monkeypatch, qtbot):
    account = add_account(loket)
    reply = smtp.compose_reply(loket, account, sample.references["afval"], "Antwoord")
    loket.db.conn.execute(
        "UPDATE outbox SET state = 'uncertain', last_error = ? WHERE message_row_id = ?",
        ("Onderbroken tijdens verzenden: controleer of de inwoner het kreeg.",
         min(reply.messages)))
    open_case(window, sample)
    panel = window.case_view.outbox_panel
    assert panel.isVisible()
    (button,) = panel.buttons.values()
    assert button.text() == "Send anyway"
    assert "Uncertain whether it was sent: Onderbroken" in window.case_view.timeline_text()

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[2]) or False)
    button.click()
    assert asked == ["It is unknown whether the resident received this reply."]
    assert smtp.outbox(loket)[0]["state"] == "uncertain"

    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    button.click()
    assert smtp.outbox(loket)[0]["state"] == "queued"
    assert schedulers[0].calls[-1] == ("sync_now", "kcc")
    assert not window.case_view.outbox_panel.isVisible()
    assert "Waiting to be sent" in window.case_view.timeline_text()

    loket.db.conn.execute("UPDATE outbox SET state = 'failed', last_error = '550 Onbekend adres'")
    window.refresh()
    assert "Sending failed: 550 Onbekend adres" in window.case_view.timeline_text()
    assert window.case_view.outbox_panel.isVisible()


def test_a_reader_who_may_not_answer_gets_no_reply_action(window, loket, sample):
    # nobody signed in on a database from before sign-in: the case reads, Reply stays off
    loket.user = ""
    open_case(window, sample)
    assert window.case_view.detail is not None
    assert not window.case_view.reply_action.isEnabled()
    loket.user = "anna"  # a medewerker may answer
    window.table.select_case(sample.ids["boom"])
    assert window.case_view.reply_action.isEnabled()


def test_esc_asks_before_a_typed_reply_is_lost(window, loket, sample, qtbot, monkeypatch):
    add_account(loket)
    open_case(window, sample)
    asked: list[str] = []

    def answer(agree: bool):  # type: ignore[no-untyped-def]
        return lambda *a, **k: asked.append(a[2]) or agree

    # only Loket's greeting in it: nothing typed, Esc closes without a question
    monkeypatch.setattr(dialogs, "ask", answer(False))
    editor = window.open_reply_editor()
    qtbot.waitExposed(editor)
    editor.reject()
    assert asked == [] and not editor.isVisible()

    # typed text: Esc (and the window's cross) ask; "no" keeps the form and the text
    editor = window.open_reply_editor()
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor.text, "Een nieuwe pas is onderweg.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editor.close()
    assert asked == ["What you typed here has not been saved. Throw it away?"] * 2
    assert editor.isVisible() and "Een nieuwe pas is onderweg." in editor.text.toPlainText()

    # "yes" throws it away; nothing was stored in the case or queued
    monkeypatch.setattr(dialogs, "ask", answer(True))
    editor.reject()
    assert not editor.isVisible()
    assert smtp.outbox(loket) == []
    assert "Een nieuwe pas" not in window.case_view.timeline_text()

