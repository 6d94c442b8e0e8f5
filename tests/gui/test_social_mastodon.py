"""Mastodon in the desktop: accounts in the settings, and replying from a case, against the
local fake Mastodon server (tests/integration/mastodon_server.py)."""

from __future__ import annotations

import pytest

from desktop import dialogs
from desktop.social.mastodon_reply import MastodonReplyEditor
from inbox.channels import mastodon
from tests.conftest import act_as, add_staff
from tests.integration.mastodon_server import FakeMastodon

from .conftest import SCREENSHOTS
from .test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_add_test_and_remove_a_mastodon_account(window, loket, fake, schedulers, monkeypatch,
                                                qtbot):
    window.show()
    qtbot.waitExposed(window)  # starts the scheduler
    window.hide()  # the main window has no screen for a beheerder yet (case list refused)
    add_staff(loket)
    act_as(loket, "bea")  # the beheerder keeps the accounts
    dialog = window.social.open_mastodon_accounts()
    qtbot.waitExposed(dialog)
    assert dialog.list.rowCount() == 0 and dialog.form.editing is None
    form = dialog.form
    assert form.token.echoMode() == form.token.EchoMode.Password  # masked

    form.name.setText("Mastodon KCC")
    form.url.setText(fake.url)
    dialog.test_button.click()
    assert dialog.outcome.text() == "Fill in the access token."
    form.token.setText("wrong-token")
    dialog.test_button.click()
    assert "ingetrokken of verlopen" in dialog.outcome.text()  # the domain's Dutch message
    form.token.setText(fake.token)
    dialog.test_button.click()
    assert dialog.outcome.text() == (
        f"The connection works: signed in as @gemeente@127.0.0.1:{fake.port}.")
    assert mastodon.account_overview(loket) == []  # testing adds nothing

    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.add_button.click()
    (overview,) = mastodon.account_overview(loket)
    account = overview.account
    assert (account.name, account.url) == ("Mastodon KCC", fake.url)
    assert mastodon.token_for(loket, account) == fake.token  # in the keyring
    assert fake.token not in loket.db.scalar("SELECT settings FROM accounts")
    assert form.token.text() == ""
    assert ("reload", None) in schedulers[0].calls  # the scheduler picks it up at once
    assert dialog.list.rowCount() == 1
    assert dialog.list.item(0, 0).text() == "Mastodon KCC"
    assert dialog.list.item(0, 2).text() == "not yet"
    assert form.editing is not None and form.name.isReadOnly()
    assert not dialog.add_button.isEnabled() and dialog.remove_button.isEnabled()
    # a stored account tests with its token from the keyring
    dialog.test_button.click()
    assert dialog.outcome.text().startswith("The connection works")

    # after a failing fetch (by a medewerker) the list shows the error
    fake.revoked = True
    act_as(loket, "anne")
    mastodon.run_mastodon_account(loket, account)
    act_as(loket, "bea")
    dialog.reload(select="Mastodon KCC")
    assert "ingetrokken" in dialog.list.item(0, 2).text()

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[2]) or False)
    dialog.remove_button.click()
    assert asked == ["Remove the Mastodon account 'Mastodon KCC'?"]
    assert len(mastodon.account_overview(loket)) == 1  # said no
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.remove_button.click()
    assert mastodon.account_overview(loket) == []
    assert dialog.list.rowCount() == 0 and dialog.form.editing is None


def test_settings_offer_mastodon_accounts(window, qtbot):
    settings = window.workspace.open_settings()
    qtbot.waitExposed(settings)
    assert settings.mastodon_button.isEnabled()
    settings.mastodon_button.click()
    assert window.social.mastodon_dialog is not None
    assert window.social.mastodon_dialog.isVisible()
    assert window.social.mastodon_action.text() == "&Mastodon accounts…"


def _mastodon_case(window, loket, fake: FakeMastodon, visibility: str = "direct") -> str:  # type: ignore[no-untyped-def]
    bram = fake.person("12", "bram", "Bram Kok")
    status = fake.status(bram, "Wanneer wordt mijn grofvuil opgehaald?", visibility=visibility)
    add_staff(loket)
    act_as(loket, "bea")
    account = mastodon.add_account(loket, "Mastodon KCC", fake.url, fake.token)
    act_as(loket, "anne")  # a medewerker fetches and answers
    mastodon.run_mastodon_account(loket, account)
    reference = str(loket.db.scalar(
        "SELECT c.reference FROM cases c JOIN messages m ON m.case_id = c.id "
        "JOIN mastodon_statuses s ON s.message_id = m.id WHERE s.status_id = ?",
        (status["id"],)))
    window.show()
    window.refresh()
    window.show_case_anywhere(reference)
    assert window.case_view.reference == reference
    return reference


def test_reply_on_mastodon_from_a_case_stays_direct(window, loket, fake, qtbot):
    reference = _mastodon_case(window, loket, fake)
    editor = window.open_reply_editor()  # no mail account needed: Mastodon answers
    assert isinstance(editor, MastodonReplyEditor)
    qtbot.waitExposed(editor)
    assert editor.to.text() == "@bram@mastodon.test"
    assert editor.visibility.text().startswith("Direct message: the reply stays direct")
    assert editor.channel.text() == "Mastodon · Mastodon KCC"

    editor.send_button.click()  # empty: the domain's Dutch message, inline
    assert editor.error.isVisible() and editor.error.text() == "Een antwoord mag niet leeg zijn."
    fake.revoked = True
    qtbot.keyClicks(editor.text, "Volgende dinsdag, tussen 7 en 16 uur.")
    editor.send_button.click()
    assert "ingetrokken of verlopen" in editor.error.text()
    assert editor.isVisible() and fake.posted == []

    fake.revoked = False
    with qtbot.waitSignal(editor.sent):
        editor.send_button.click()
    posted = fake.posted[-1]
    assert posted["visibility"] == "direct"
    assert posted["status"] == "@bram@mastodon.test Volgende dinsdag, tussen 7 en 16 uur."
    assert window.case_view.reference == reference
    assert "Volgende dinsdag, tussen 7 en 16 uur." in window.case_view.timeline_text()
    assert window.statusBar().currentMessage() == (
        f"Reply posted on Mastodon in case {reference}.")


def test_public_status_reply_says_it_is_public(window, loket, fake, qtbot):
    _mastodon_case(window, loket, fake, visibility="public")
    editor = window.open_reply_editor()
    assert isinstance(editor, MastodonReplyEditor)
    assert editor.visibility.text().startswith("Public: the reply is public too")


def test_dutch_mastodon_screenshots(dutch, window, loket, fake, qtbot):  # noqa: F811
    _mastodon_case(window, loket, fake)
    editor = window.open_reply_editor()
    assert isinstance(editor, MastodonReplyEditor)
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor.text, "Volgende dinsdag, tussen 7 en 16 uur.")
    assert "direct blijft direct" in editor.visibility.text()
    shot(editor, "mastodon-reply.png")
    editor.discard()
    dialog = window.social.open_mastodon_accounts()
    qtbot.waitExposed(dialog)
    dialog.new_account()
    dialog.form.name.setText("Mastodon Zaanstad")
    dialog.form.url.setText("https://social.overheid.nl")
    dialog.form.token.setText("geheim-token")
    dialog.show_result("De verbinding werkt: aangemeld als @gemeente@social.overheid.nl.", True)
    shot(dialog, "mastodon-accounts.png")
