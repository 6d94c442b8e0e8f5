"""How a case can be answered follows the channel registry (inbox/replies.py): in the channel
where Loket can, else why not and what instead; an answer given elsewhere is recorded."""

from __future__ import annotations

import pytest

from inbox import replies
from inbox.channels.registry import ReplyRoute
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage
from tests.conftest import act_as, add_staff, at, receive_mail
from tests.trail import newest_audit


@pytest.fixture(autouse=True)
def _anne(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")


def _options(loket, received):  # type: ignore[no-untyped-def]
    return replies.reply_options(loket, loket.case_detail(str(received.reference)))


def test_e_mail_is_answered_by_e_mail(loket) -> None:  # type: ignore[no-untyped-def]
    options = _options(loket, receive_mail(loket, "els@example.nl", "Grofvuil"))
    assert (options.route, options.email, options.why) == (ReplyRoute.EMAIL,
                                                          "els@example.nl", "")


@pytest.mark.parametrize("channel,sender,words", [
    (Channel.WHATSAPP, "+31612345678", "exportbestand"),
    (Channel.FACEBOOK, "sanne.fb", "exportbestand"),
    (Channel.MASTODON, "@sanne@social.example", "Mastodon-account"),
])
def test_other_channels_say_why_not(loket, channel, sender, words) -> None:  # type: ignore[no-untyped-def]
    chat = loket.receive(IncomingMessage(channel, at(2), sender=sender, sender_name="Sanne",
                                         subject="Vraag", body_text="Een vraag"))
    options = _options(loket, chat)
    assert options.route is ReplyRoute.NONE and not options.in_channel
    assert words in options.why and options.email == ""
    assert options.channel is channel


def test_a_phone_note_is_answered_by_calling(loket) -> None:  # type: ignore[no-untyped-def]
    call = loket.log_contact(Channel.PHONE, name="Piet", question="Paspoort?",
                             phone_number="0612345678", at=at(2))
    options = _options(loket, call)
    assert options.route is ReplyRoute.NONE and options.phone == "+31612345678"
    assert "bellen" in options.why


def test_an_answer_given_elsewhere_counts_as_the_first_answer(loket) -> None:  # type: ignore[no-untyped-def]
    chat = loket.receive(IncomingMessage(Channel.WHATSAPP, at(2), sender="+31612345678",
                                         subject="Container", body_text="Niet geleegd"))
    with pytest.raises(InvalidInput):
        replies.answered_elsewhere(loket, str(chat.reference), "  ")
    received = replies.answered_elsewhere(loket, str(chat.reference),
                                          "Geantwoord in de WhatsApp-app.", Channel.WHATSAPP)
    assert received.case_id == chat.case_id
    row = loket.store.records.case_row(int(chat.case_id))
    assert row["first_response_at"] is not None
    assert newest_audit(loket)[0]["action"].startswith("case.answered_elsewhere")
    act_as(loket, "tineke")  # counts only
    with pytest.raises(PermissionDenied):
        replies.answered_elsewhere(loket, str(chat.reference), "x")
