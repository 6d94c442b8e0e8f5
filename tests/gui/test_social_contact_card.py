"""The contact card: one resident across every channel; merge suggestions, merge and undo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop import dialogs
from inbox import contacts
from inbox.model import Channel, IncomingMessage

from .conftest import SCREENSHOTS
from .test_i18n import dutch, translations  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def _incoming(channel: Channel, sender: str, name: str, text: str, minute: int = 0,
              subject: str = "") -> IncomingMessage:
    return IncomingMessage(channel=channel, sent_at=datetime(2026, 3, 3, 9, minute, tzinfo=UTC),
                           sender=sender, sender_name=name, subject=subject, body_text=text)


def open_card(window, sample, key: str):  # type: ignore[no-untyped-def]
    window.show()
    window.table.select_case(sample.ids[key])
    assert window.case_view.resident_button.isEnabled()
    window.case_view.resident_button.click()
    card = window.social.card
    assert card is not None and card.isVisible()
    return card


def column(table, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_card_lists_every_channel_of_one_resident(window, loket, sample, qtbot):
    # Sanne called (phone note in the sample), then wrote on WhatsApp from the same number
    loket.receive(_incoming(Channel.WHATSAPP, "+31 6 12345678", "Sanne",
                            "Is mijn paspoort al binnen?", subject="Paspoort"))
    card = open_card(window, sample, "paspoort")
    qtbot.waitExposed(card)
    assert card.name.text() == "Sanne de Wit"
    assert "+31612345678" in card.addresses.text()
    assert column(card.messages, 1) == ["Phone", "WhatsApp"]
    assert "Is mijn paspoort al binnen?" in card.message_text.toPlainText()  # newest selected
    assert sample.references["paspoort"] in column(card.cases, 0)
    assert card.summary.text() == "Cases: 2 · messages: 2 · channels: Phone, WhatsApp"
    card.cases.selectRow(0)
    card.open_case_button.click()
    assert window.case_view.reference == column(card.cases, 0)[0]


def test_counter_visit_without_address_has_no_card(window, sample):
    window.show()
    window.show_case_id_anywhere(sample.ids["balie"])
    assert not window.case_view.resident_button.isEnabled()


def test_merge_then_undo_restores(window, loket, sample, monkeypatch, qtbot):
    # Jan mailed; a Mastodon user writes his e-mail address in a message: hard evidence
    loket.receive(_incoming(Channel.MASTODON, "@jan@mastodon.test", "Jan B.",
                            "Ik mailde al eerder vanaf j.bakker@example.nl over mijn afvalpas.",
                            subject="Afvalpas"))
    card = open_card(window, sample, "afval")
    jan = card.contact_id
    assert column(card.messages, 1) == ["E-mail"]
    assert card.suggestions.rowCount() == 1
    assert card.suggestions.item(0, 0).text().startswith("Jan B. (#")
    assert card.suggestions.item(0, 1).text() == "zelfde e-mailadres"
    assert not card.merge_button.isEnabled()
    card.suggestions.selectRow(0)
    assert card.merge_button.isEnabled() and card.distinct_button.isEnabled()

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[3]) or True)
    with qtbot.waitSignal(card.contacts_changed):
        card.merge_button.click()
    assert asked and "zelfde e-mailadres" in asked[0]
    assert sorted(column(card.messages, 1)) == ["E-mail", "Mastodon"]
    assert "Mastodon: @jan@mastodon.test" in card.addresses.text()
    assert card.suggestions.rowCount() == 0
    assert card.history.rowCount() == 1 and column(card.history, 3) == [""]
    assert card.summary.text().endswith("merged from 1 other contact(s)")
    assert len(contacts.overview(loket, jan).messages) == 2

    card.history.selectRow(0)
    assert card.undo_button.isEnabled()
    with qtbot.waitSignal(card.contacts_changed):
        card.undo_button.click()
    assert column(card.messages, 1) == ["E-mail"]
    assert "@jan@mastodon.test" not in card.addresses.text()
    assert card.history.rowCount() == 1 and column(card.history, 3)[0] != ""  # undone, kept
    assert card.suggestions.rowCount() == 1  # the evidence still stands
    card.history.selectRow(0)
    assert not card.undo_button.isEnabled()

    # a person decides they are different residents: no longer suggested
    card.suggestions.selectRow(0)
    with qtbot.waitSignal(card.contacts_changed):
        card.distinct_button.click()
    assert card.suggestions.rowCount() == 0
    assert contacts.suggest_merges(loket) == []


def test_dutch_contact_card_screenshot(dutch, window, loket, sample, monkeypatch,  # noqa: F811
                                       qtbot):
    loket.receive(_incoming(Channel.WHATSAPP, "+31 6 12345678", "Sanne",
                            "Is mijn paspoort al binnen?", subject="Paspoort"))
    loket.receive(_incoming(Channel.MASTODON, "@sanne@mastodon.test", "Sanne W.",
                            "Ik belde al, mijn nummer is 06 12345678.", minute=5,
                            subject="Paspoort"))
    card = open_card(window, sample, "paspoort")
    qtbot.waitExposed(card)
    assert card.tabs.tabText(0) == "Berichten (2)"
    shot_path = SCREENSHOTS / "contact-card.png"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert card.grab().save(str(shot_path))
    card.tabs.setCurrentIndex(2)
    card.suggestions.selectRow(0)
    assert card.grab().save(str(SCREENSHOTS / "contact-card-merge.png"))
