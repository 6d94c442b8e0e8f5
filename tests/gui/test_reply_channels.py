"""Replies per channel, from the channel registry (issue 17): an e-mail case opens the e-mail
editor; a WhatsApp chat (an export file) or a Mastodon status no account of ours fetched says
why Loket cannot answer there and offers e-mail (when an address is known), a call, or
recording the answer given elsewhere; never an e-mail without an address."""

from __future__ import annotations

import pytest

from desktop.reply_chooser import ReplyChooser
from desktop.reply_editor import ReplyEditor
from inbox import contacts
from inbox.model import Channel, Direction, IncomingMessage

from .conftest import SCREENSHOTS, StepClock, add_template
from .test_i18n import dutch, translations  # noqa: F401 - fixtures
from .test_reply import add_account

pytestmark = pytest.mark.gui


def _chat(loket, sender: str = "+31612345678", channel: Channel = Channel.WHATSAPP):  # type: ignore[no-untyped-def]
    loket.now = StepClock(loket.now())
    return loket.receive(IncomingMessage(
        channel, loket.now(), sender=sender, sender_name="Sanne de Wit",
        subject="Container niet geleegd", body_text="Mijn container is niet geleegd."))


def _open(window, received):  # type: ignore[no-untyped-def]
    window.views.choose("all")
    window.show_case_id_anywhere(received.case_id)
    assert window.case_view.reference == received.reference
    return window.open_reply_editor()


def test_a_whatsapp_chat_says_why_and_offers_a_call(anna_window, loket, qtbot):
    add_account(loket)  # even with a mail account: no e-mail without an address
    chat = _chat(loket)
    chooser = _open(anna_window, chat)
    assert isinstance(chooser, ReplyChooser)
    qtbot.waitExposed(chooser)
    assert "WhatsApp" in chooser.why.text() and "exportbestand" in chooser.why.text()
    assert not chooser.email_button.isEnabled()  # no address known
    assert "+31612345678" in chooser.call_button.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chooser.grab().save(str(SCREENSHOTS / "reply-whatsapp-chooser.png"))
    chooser.call_button.click()  # the phone note of this case, filled in
    dialog = anna_window.findChild(type(anna_window.open_contact_dialog(Channel.PHONE)))
    notes = [d for d in anna_window.findChildren(type(dialog))
             if d.case_reference.text() == chat.reference]
    assert notes and notes[0].phone.text() == "+31612345678"
    assert notes[0].name.text() == "Sanne de Wit"


def test_an_answer_given_elsewhere_is_recorded_in_the_case(anna_window, loket, qtbot):
    chat = _chat(loket)
    chooser = _open(anna_window, chat)
    chooser.record()
    assert "Schrijf kort op" in chooser.error.text()
    assert chooser.via.currentData() == Channel.WHATSAPP.value  # where she wrote
    chooser.note.setPlainText("In de WhatsApp-app geantwoord: de container wordt morgen geleegd.")
    with qtbot.waitSignal(chooser.recorded):
        chooser.record()
    detail = loket.case_detail(str(chat.reference))
    last = detail.timeline[-1] if detail.timeline[-1].kind == "message" else next(
        e for e in reversed(detail.timeline) if e.kind == "message")
    assert last.direction is Direction.OUTBOUND and last.channel is Channel.WHATSAPP
    assert "de container wordt morgen geleegd" in last.text
    assert "morgen geleegd" in anna_window.case_view.timeline_text()
    assert "Answer recorded in case" in anna_window.statusBar().currentMessage()


def test_a_known_address_offers_the_e_mail_editor(anna_window, loket, qtbot):
    add_account(loket)
    mail = loket.receive(IncomingMessage(
        Channel.EMAIL, loket.now(), sender="sanne@example.nl", sender_name="Sanne de Wit",
        subject="Vraag", body_text="Een vraag."))
    chat = _chat(loket)
    survivor = contacts.find_contact(loket, "sanne@example.nl")
    merged = contacts.find_contact(loket, "+31612345678")
    assert survivor is not None and merged is not None and mail.case_id != chat.case_id
    contacts.merge(loket, survivor, merged, "zelfde inwoner")
    chooser = _open(anna_window, chat)
    assert isinstance(chooser, ReplyChooser)
    assert chooser.email_button.isEnabled()
    assert "sanne@example.nl" in chooser.email_button.text()
    chooser.email_button.click()
    editors = anna_window.findChildren(ReplyEditor)
    assert editors and editors[-1].to.text() == "sanne@example.nl"


def test_a_mastodon_status_without_our_account_says_so_before_typing(anna_window, loket,
                                                                     qtbot):
    """The demo's (and an import's) statuses came in without an account of ours: the
    dialog says so at once and shows who wrote, instead of an empty "Aan"."""
    toot = _chat(loket, "@sanne@social.example", Channel.MASTODON)
    chooser = _open(anna_window, toot)
    assert isinstance(chooser, ReplyChooser)
    assert "Mastodon" in chooser.why.text() and "account" in chooser.why.text()
    assert chooser.options.handle == "@sanne@social.example"


def test_an_e_mail_case_opens_the_e_mail_editor(anna_window, loket, sample):
    add_account(loket)
    anna_window.views.choose("all")
    anna_window.table.select_case(sample.ids["afval"])
    editor = anna_window.open_reply_editor()
    assert isinstance(editor, ReplyEditor)
    assert editor.to.text() == "j.bakker@example.nl"


def test_the_chooser_speaks_dutch(dutch, anna_window, loket, qtbot):  # noqa: F811
    chooser = _open(anna_window, _chat(loket))
    qtbot.waitExposed(chooser)
    assert chooser.why.text().startswith("De inwoner schreef via WhatsApp.")
    assert chooser.record_button.text() == "Antwoord &vastleggen"
    chooser.grab().save(str(SCREENSHOTS / "reply-whatsapp-chooser-nl.png"))


def test_a_standard_reply_goes_in_at_the_cursor_and_ctrl_z_takes_it_back(anna_window, loket,
                                                                         sample, qtbot):
    from PySide6.QtCore import Qt

    from inbox import workspace

    add_account(loket)
    workspace.save_template(loket, "Openingstijden",
                            "Wij zijn open tot 17 uur, {naam}. Uw zaak {zaak}; antwoord "
                            "uiterlijk {termijn}. Groet, {medewerker} ({datum})")
    anna_window.views.choose("all")
    anna_window.table.select_case(sample.ids["afval"])
    editor = anna_window.open_reply_editor()
    assert isinstance(editor, ReplyEditor)
    qtbot.waitExposed(editor)
    editor.text.setPlainText("Beste Jan,\n\nIk heb uw pas besteld.\n")
    cursor = editor.text.textCursor()
    cursor.setPosition(len("Beste Jan,\n\n"))
    editor.text.setTextCursor(cursor)
    typed = editor.text.toPlainText()

    picker = editor.templates.open()  # Ctrl+T
    qtbot.waitExposed(picker)
    picker.field.setText("17 uur")  # searches the text too
    assert picker.titles() == ["Openingstijden"]
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    text = editor.text.toPlainText()
    assert text.startswith("Beste Jan,\n\nWij zijn open tot 17 uur, Jan Bakker. Uw zaak "
                           + sample.references["afval"])
    assert text.endswith("Ik heb uw pas besteld.\n")  # what was typed stays
    assert "[termijn]" not in text and "{" not in text  # the e-mail norm gives the date
    assert editor.templates.templates and len(text) > len(typed)
    editor.text.undo()  # Ctrl+Z
    assert editor.text.toPlainText() == typed
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    picker = editor.templates.open()
    picker.field.setText("ontvangst")
    picker.grab().save(str(SCREENSHOTS / "standard-reply-picker.png"))
    picker.reject()


def test_a_selection_is_not_replaced(anna_window, loket, sample, qtbot):
    from inbox import workspace

    add_account(loket)
    anna_window.views.choose("all")
    anna_window.table.select_case(sample.ids["afval"])
    editor = anna_window.open_reply_editor()
    editor.text.setPlainText("Mijn eigen tekst.")
    editor.text.selectAll()
    template = next(t for t in workspace.templates(loket) if t.key == "afgehandeld")
    editor.use_template(template)
    assert editor.text.toPlainText().startswith("Mijn eigen tekst.")
    assert len(editor.text.toPlainText()) > len("Mijn eigen tekst.")


def test_the_team_adds_edits_and_retires_standard_replies(anna_window, loket, qtbot):
    from inbox import workspace

    settings = anna_window.workspace.open_settings()
    add_template(settings, qtbot, "Openingstijden", "Beste {naam}, wij zijn open tot {datum}.")
    made = next(t for t in workspace.templates(loket) if t.title == "Openingstijden")
    row = next(i for i in range(settings.template_list.count())
               if settings.template_list.item(i).text() == "Openingstijden")
    settings.template_list.setCurrentRow(row)
    settings.template_title.setText("Openingstijden gemeentehuis")  # a new title, same reply
    settings.save_template()
    edited = {t.key: t for t in workspace.templates(loket)}[made.key]
    assert edited.title == "Openingstijden gemeentehuis"
    row = next(i for i in range(settings.template_list.count())
               if settings.template_list.item(i).text() == "Openingstijden gemeentehuis")
    settings.template_list.setCurrentRow(row)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    settings.grab().save(str(SCREENSHOTS / "settings-standard-replies.png"))
    settings.retire_template()
    assert made.key not in {t.key for t in workspace.templates(loket)}
    assert settings.template_title.text() == ""
