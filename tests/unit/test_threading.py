"""Which case an incoming message lands in: reference token, headers, subject, or a new case."""

from __future__ import annotations

from datetime import timedelta

import pytest

from inbox.model import Channel, Direction, IncomingMessage, Status
from inbox.threading import find_reference, message_ids, normalize_subject, strip_reference
from tests.conftest import at


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Vraag over afval", "vraag over afval"),
        ("Re: Vraag over afval", "vraag over afval"),
        ("RE: re: Re:Vraag over afval", "vraag over afval"),
        ("Antw: Vraag over afval", "vraag over afval"),
        ("AW: WG: Vraag over afval", "vraag over afval"),
        ("Fwd: Doorst: Vraag over afval", "vraag over afval"),
        ("FW: TR: RV: Vraag over afval", "vraag over afval"),
        ("Re[2]: Vraag over afval", "vraag over afval"),
        ("Re (2): Vraag over afval", "vraag over afval"),
        ("Re: Re: Re: x", "x"),
        ("SV: VS: Vraag over afval", "vraag over afval"),
        ("Re: [LK-2026-000123] Vraag over afval", "vraag over afval"),
        ("[EXTERN] Re: Vraag   over\tafval", "vraag over afval"),
        ("Re： Vraag over afval", "vraag over afval"),  # full-width colon (mobile mail)
        ("Vraag over afval (fwd)", "vraag over afval (fwd)"),
        ("Reactie op uw brief", "reactie op uw brief"),  # 'Re' inside a word is not a prefix
        ("Antwoord gevraagd: paspoort", "antwoord gevraagd: paspoort"),
        ("Fwd:", ""),
        ("", ""),
        ("Re: ÉÉN vraag", "één vraag"),
    ],
)
def test_normalize_subject(subject: str, expected: str) -> None:
    assert normalize_subject(subject) == expected


def test_find_and_strip_reference() -> None:
    assert find_reference("Re: [LK-2026-000123] Vraag") == "LK-2026-000123"
    assert find_reference("Re: lk-2026-000123 Vraag") == "LK-2026-000123"
    assert find_reference("LK-2026-12345 is too short") is None
    assert find_reference("XLK-2026-000123") is None
    assert find_reference("") is None
    assert strip_reference("Re: [LK-2026-000123]  Vraag") == "Re: Vraag"


def test_message_ids_parses_headers_leniently() -> None:
    assert message_ids("<a@x> <b@y>\n <a@x>") == ["<a@x>", "<b@y>"]
    assert message_ids("a@x") == ["a@x"]
    assert message_ids(None) == []
    assert message_ids("<a@x> (comment) <c@z>") == ["<a@x>", "<c@z>"]


def _mail(subject: str, sender: str = "jan@example.nl", when=None, **kw):  # type: ignore[no-untyped-def]
    return IncomingMessage(
        Channel.EMAIL,
        when or at(2),
        sender=sender,
        sender_name="Jan",
        subject=subject,
        body_text="tekst",
        **kw,
    )


def test_reply_by_in_reply_to_joins_the_case_even_with_a_new_subject(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Container niet geleegd", message_id="<m1@example.nl>"))
    reply = loket.receive(
        _mail(
            "Andere titel", sender="buurman@example.nl", in_reply_to="<m1@example.nl>", when=at(20)
        )
    )
    assert (reply.case_id, reply.rule, reply.new_case) == (first.case_id, "headers", False)


def test_references_chain_finds_the_case_from_any_earlier_message(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Grofvuil", message_id="<m1@example.nl>"))
    # the middle message of the chain was never received by Loket (sent from another client)
    later = loket.receive(
        _mail(
            "Re: Re: grofvuil?",
            sender="x@example.nl",
            references=("<m1@example.nl>", "<unknown@elsewhere>"),
            in_reply_to="<unknown@elsewhere>",
            when=at(25),
        )
    )
    assert later.case_id == first.case_id and later.rule == "headers"


def test_reference_token_wins_over_headers(loket) -> None:  # type: ignore[no-untyped-def]
    a = loket.receive(_mail("Paspoort", message_id="<a@example.nl>"))
    b = loket.receive(_mail("Parkeervergunning", sender="piet@example.nl"))
    msg = loket.receive(
        _mail(f"Re: [{b.reference}] Parkeervergunning", in_reply_to="<a@example.nl>")
    )
    assert msg.case_id == b.case_id and msg.rule == "reference"
    assert a.case_id != b.case_id


def test_unknown_reference_token_falls_through_to_other_rules(loket) -> None:  # type: ignore[no-untyped-def]
    msg = loket.receive(_mail("Re: [LK-1999-000001] Oude zaak"))
    assert msg.new_case and msg.rule == "new"


def test_same_contact_same_subject_within_14_days_joins(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Vraag over WOZ-waarde", when=at(1)))
    again = loket.receive(
        _mail("RE: vraag over WOZ-waarde", sender="JAN@example.nl", when=at(1) + timedelta(days=13))
    )
    assert again.case_id == first.case_id and again.rule == "subject"


def test_same_subject_after_14_days_opens_a_new_case(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Vraag over WOZ-waarde", when=at(1)))
    later = loket.receive(_mail("Re: Vraag over WOZ-waarde", when=at(1) + timedelta(days=15)))
    assert later.new_case and later.case_id != first.case_id


def test_same_subject_from_another_resident_opens_a_new_case(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Vraag", sender="jan@example.nl"))
    other = loket.receive(_mail("Vraag", sender="marie@example.nl"))
    assert other.new_case and other.case_id != first.case_id


def test_subject_rule_ignores_closed_cases_and_empty_subjects(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Lantaarnpaal kapot"))
    loket.close_case(first.reference, "Gemeld bij beheer", first_contact_resolution=True)
    again = loket.receive(_mail("Lantaarnpaal kapot", when=at(3)))
    assert again.new_case
    empty1 = loket.receive(_mail("Re:", when=at(4)))
    empty2 = loket.receive(_mail("", when=at(4)))
    assert empty1.case_id != empty2.case_id


def test_reply_to_a_closed_case_by_reference_reopens_it(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Kapvergunning"))
    loket.close_case(first.reference, "Vergunning verleend", first_contact_resolution=False)
    reply = loket.receive(_mail(f"Re: [{first.reference}] Kapvergunning", when=at(30)))
    assert reply.case_id == first.case_id
    detail = loket.case_detail(first.reference)
    assert detail.summary.status is Status.IN_BEHANDELING
    assert any(t.title == "Heropend" for t in detail.timeline)


def test_resident_answer_moves_waiting_case_back_to_in_behandeling(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Bijstand", message_id="<q@example.nl>"))
    loket.set_status(first.reference, Status.WACHT_OP_INWONER)
    loket.receive(_mail("Re: Bijstand", in_reply_to="<q@example.nl>", when=at(3)))
    assert loket.case_detail(first.reference).summary.status is Status.IN_BEHANDELING


def test_outbound_reply_sets_first_response_but_not_the_contact(loket) -> None:  # type: ignore[no-untyped-def]
    first = loket.receive(_mail("Huwelijk", message_id="<h@example.nl>"))
    loket.receive(
        IncomingMessage(
            Channel.EMAIL,
            at(3),
            sender="info@gemeente.test",
            subject=f"Re: [{first.reference}] Huwelijk",
            body_text="Ja",
            direction=Direction.OUTBOUND,
            in_reply_to="<h@example.nl>",
        )
    )
    row = loket.db.one(
        "SELECT first_response_at, contact_id FROM cases WHERE id = ?", (first.case_id,)
    )
    assert row["first_response_at"] == "2026-11-03T10:00:00Z"
    assert (
        loket.db.scalar("SELECT count(*) FROM contact_addresses WHERE value = 'info@gemeente.test'")
        == 0
    )
