"""Settings > Accounts: add, edit and remove mail accounts; Dutch errors and results inline."""

from __future__ import annotations

import threading

import pytest

from desktop import dialogs
from desktop.accounts_dialog import AccountListModel, AccountsDialog
from desktop.tasks import TaskRunner
from inbox.accounts import Accounts, Auth, MailAccount, Security
from tests.integration.dovecot import free_port

pytestmark = pytest.mark.gui


def fill(dialog: AccountsDialog, port: int, host: str = "127.0.0.1", password: str = "geheim",
         user: str = "kcc@gemeente.test") -> None:
    form = dialog.form
    form.name.setText("kcc")
    form.host.setText(host)
    form.security.setCurrentIndex(form.security.findData(Security.NONE.value))
    form.port.setValue(port)
    form.username.setText(user)
    form.password.setText(password)


def test_the_status_bar_hints_at_accounts_when_there_are_none(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert window.sync_status.hint.isVisible()
    window.sync_status.hint.click()
    dialog = window.accounts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 0
    assert dialog.form.name.hasFocus() or dialog.form.editing is None


def test_add_an_account_with_validation_in_dutch(window, loket, schedulers, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert schedulers[0].calls == [("start", None)]
    dialog = window.open_accounts_dialog()
    dialog.save()
    assert dialog.outcome.text() == "Geef het account een naam."
    dialog.form.name.setText("kcc")
    dialog.save()
    assert dialog.outcome.text() == "Vul de IMAP-server in."
    dialog.form.host.setText("imap.gemeente.test")
    dialog.form.username.setText("kcc@gemeente.test")
    dialog.form.folders.setText(" , ")
    dialog.save()
    assert dialog.outcome.text() == "Kies minstens één map."
    dialog.form.folders.setText("INBOX, Archief")
    dialog.save()
    assert dialog.outcome.text() == "Fill in the password."  # English source; Dutch in the .ts
    assert Accounts(loket).mail_accounts() == []

    dialog.form.password.setText("geheim")
    assert dialog.form.password.echoMode() == dialog.form.password.EchoMode.Password
    dialog.form.smtp_host.setText("smtp.gemeente.test")
    dialog.form.move_handled_to.setText("Afgehandeld")
    dialog.form.interval.setValue(5)
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.save()
    (account,) = Accounts(loket).mail_accounts()
    assert (account.name, account.host, account.port, account.security) == (
        "kcc", "imap.gemeente.test", 993, Security.SSL)
    assert account.folders == ("INBOX", "Archief")
    assert (account.smtp_host, account.smtp_port, account.move_handled_to) == (
        "smtp.gemeente.test", 465, "Afgehandeld")
    assert account.interval_minutes == 5.0
    assert Accounts(loket).secrets.get("kcc", "password") == "geheim"
    assert "geheim" not in loket.db.one("SELECT settings FROM accounts")["settings"]
    assert dialog.form.password.text() == ""  # not kept in the form
    assert dialog.form.editing is not None and dialog.form.name.isReadOnly()
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "not yet"
    assert ("reload", None) in schedulers[0].calls
    assert not window.sync_status.hint.isVisible()
    assert window.sync_status.accounts["kcc"].label.text() == "kcc: not fetched yet"

    dialog.form.name.setReadOnly(False)
    dialog.new_account()
    fill(dialog, 993)
    dialog.save()
    assert dialog.outcome.text() == "Er is al een account met de naam 'kcc'."


def test_insecure_choice_shows_a_warning_and_ports_follow(window, qtbot):
    dialog = window.open_accounts_dialog()
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert not form.warning.isVisible()
    form.security.setCurrentIndex(form.security.findData(Security.STARTTLS.value))
    assert form.port.value() == 143
    form.security.setCurrentIndex(form.security.findData(Security.NONE.value))
    assert form.warning.isVisible()
    assert "zonder versleuteling" in form.warning.text()
    form.security.setCurrentIndex(form.security.findData(Security.SSL.value))
    assert form.port.value() == 993 and not form.warning.isVisible()
    form.smtp_security.setCurrentIndex(form.smtp_security.findData(Security.NONE.value))
    assert form.smtp_port.value() == 25
    assert not form.warning.isVisible()  # no SMTP server, so nothing is sent unencrypted
    form.smtp_host.setText("smtp.gemeente.test")
    assert form.warning.isVisible()
    form.port.setValue(1143)  # a typed port stays
    form.security.setCurrentIndex(form.security.findData(Security.STARTTLS.value))
    assert form.port.value() == 1143


def test_edit_keeps_the_password_and_remove_asks_first(window, loket, monkeypatch, qtbot):
    Accounts(loket).add_mail(
        MailAccount(name="info", host="imap.test", username="info@gemeente.test",
                    interval_minutes=0.5), "geheim")
    dialog = window.open_accounts_dialog()
    assert dialog.form.editing is not None and dialog.form.host.text() == "imap.test"
    assert dialog.form.password.placeholderText() == "unchanged (kept in the keyring)"
    dialog.form.host.setText("imap2.test")
    dialog.save()
    account = Accounts(loket).mail_account("info")
    assert account.host == "imap2.test" and account.interval_minutes == 0.5
    assert Accounts(loket).secrets.get("info", "password") == "geheim"

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[2]) or False)
    dialog.remove_selected()
    assert asked == ["Remove the account 'info'?"]
    assert Accounts(loket).mail_accounts() != []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    dialog.remove_selected()
    assert Accounts(loket).mail_accounts() == []
    assert Accounts(loket).secrets.get("info", "password") is None
    assert dialog.outcome.text() == "Account 'info' removed."
    assert window.sync_status.hint.isVisible() or not window.isVisible()


def test_test_connection_explains_a_refused_port_off_the_gui_thread(loket, runner, qtbot,
                                                                    monkeypatch):
    from inbox.channels import imap

    network = TaskRunner(loket)  # a real worker thread
    dialog = AccountsDialog(loket, runner, network)
    qtbot.addWidget(dialog)
    port = free_port()
    fill(dialog, port)
    threads: list[int] = []
    real = imap.test_connection

    def spy(session, account, secret):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(session, account, secret)

    monkeypatch.setattr(imap, "test_connection", spy)
    dialog.test_connection()
    assert not dialog.test_button.isEnabled()  # busy while the server is asked
    qtbot.waitUntil(lambda: "weigert" in dialog.outcome.text(), timeout=10000)
    assert dialog.outcome.text() == f"Server 127.0.0.1 weigert de verbinding op poort {port}."
    assert threads and threads[0] != threading.get_ident()
    assert dialog.test_button.isEnabled()
    network.shutdown()


def test_oauth2_shows_sign_in_and_explains_what_is_missing(loket, runner, qtbot, monkeypatch):
    dialog = AccountsDialog(loket, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert form.password.isVisible() and not form.sign_in_button.isVisible()
    form.auth.setCurrentIndex(form.auth.findData(Auth.OAUTH2.value))
    assert not form.password.isVisible() and form.sign_in_button.isVisible()
    form.name.setText("m365")
    form.host.setText("outlook.office365.com")
    form.username.setText("info@gemeente.nl")
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    form.sign_in_button.click()
    assert "client-id" in dialog.outcome.text()  # the domain's Dutch sentence, inline
    assert opened == []
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.save()  # no password needed for OAuth2
    saved = Accounts(loket).mail_account("m365")
    assert saved.auth is Auth.OAUTH2 and saved.oauth["provider"] == "microsoft"


def test_account_list_model(qtmodeltester):
    model = AccountListModel()
    model.set_accounts(
        [MailAccount(name="a", host="h", username="u"), MailAccount(name="b", host="h",
                                                                    username="u")],
        [{"account": "a", "folder": "INBOX", "last_sync_at": "2026-03-02T09:00:00Z",
          "last_error": None},
         {"account": "b", "folder": "INBOX", "last_sync_at": None, "last_error": "Kapot."}],
    )
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "Kapot."
    assert model.index(0, 1).data() not in ("", "not yet")


@pytest.mark.integration
def test_test_connection_against_dovecot(loket, runner, qtbot, dovecot, mailbox_user):
    dialog = AccountsDialog(loket, runner)
    qtbot.addWidget(dialog)
    fill(dialog, dovecot.port, user=mailbox_user[0], password=mailbox_user[1])
    dialog.test_connection()
    assert dialog.outcome.text() == "Verbinding gelukt. INBOX: 0 berichten"
    assert dialog.outcome.styleSheet() == "color: #107c10;"
    # (a wrong password is not tried here: Dovecot then answers "temporary authentication
    # failure" to the next logins of the session; the refused-port test covers errors)


def test_a_medewerker_sees_the_accounts_but_cannot_change_them(loket, runner, qtbot,
                                                               monkeypatch):
    from tests.conftest import act_as, add_staff

    add_staff(loket)
    act_as(loket, "bea")
    Accounts(loket).add_mail(MailAccount(name="kcc", host="imap.gemeente.test",
                                         username="kcc@gemeente.test"), "geheim")
    act_as(loket, "anne")
    dialog = AccountsDialog(loket, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 1  # the team's accounts are shown ...
    assert dialog.refusal.isVisible()  # ... with the Dutch refusal
    assert dialog.refusal.text() == "Alleen een beheerder mag accounts beheren."
    for button in (dialog.new_button, dialog.remove_button, dialog.save_button,
                   dialog.test_button, dialog.form.sign_in_button):
        assert not button.isEnabled(), button.text()
    dialog.form.interval.setValue(9)
    dialog.save()  # even when reached: the gate refuses, inline
    qtbot.waitUntil(lambda: dialog.outcome.isVisible())
    assert dialog.outcome.text() == "Alleen een beheerder mag accounts beheren."
    assert Accounts(loket).mail_account("kcc").interval_minutes == 2.0
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    dialog.remove_selected()
    assert [a.name for a in Accounts(loket).mail_accounts()] == ["kcc"]
    refused = loket.db.scalar(
        "SELECT count(*) FROM audit_log WHERE actor = 'anne' AND result = 'geweigerd'")
    assert refused >= 1


def test_a_beheerder_has_every_button(loket, runner, qtbot):
    from tests.conftest import act_as, add_staff

    add_staff(loket)
    act_as(loket, "bea")
    dialog = AccountsDialog(loket, runner)
    qtbot.addWidget(dialog)
    assert not dialog.refusal.isVisibleTo(dialog)
    assert dialog.new_button.isEnabled() and dialog.save_button.isEnabled()
