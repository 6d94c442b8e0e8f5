"""Phone numbers are found in every common Dutch notation: the index and the search both use
their E.164 form, and a number finds every case of the resident it belongs to (issue 17)."""

from __future__ import annotations

import pytest

from inbox.model import Channel, IncomingMessage
from inbox.services import CaseQuery, Loket
from storage import migrations
from storage.search_terms import phone_terms, phones_in_query
from tests.conftest import act_as, add_staff, at, receive_mail, replay_migration

NOTATIONS = ("0619868609", "06-19868609", "06 19868609", "+31 6 1986 8609", "0031619868609",
             "+31619868609", "+31 (0)6 19868609")


@pytest.mark.parametrize("typed", NOTATIONS)
def test_every_notation_is_one_number(typed: str) -> None:
    assert phones_in_query(typed) == ("31619868609", ["+31619868609"])
    assert phone_terms(f"Bel mij op {typed}, na 15 uur.") == ["31619868609"]


def test_dates_references_and_bank_numbers_are_not_phone_numbers() -> None:
    assert phone_terms("Op 2026-11-15 over LK-2026-000464, IBAN NL91ABNA0417164300.") == []
    assert phones_in_query("grofvuil 12") == ("grofvuil 12", [])


@pytest.fixture
def resident(loket):  # type: ignore[no-untyped-def]
    """Sanne's three cases: a phone call (number as her address), a WhatsApp chat from that
    number, an e-mail from her address that writes the number in its text; and someone
    else's case that does not mention it."""
    add_staff(loket)
    call = loket.log_contact(Channel.PHONE, name="Sanne de Wit", question="Paspoort klaar?",
                             phone_number="06 19868609", subject="Paspoort", at=at(2))
    chat = loket.receive(IncomingMessage(
        Channel.WHATSAPP, at(3), sender="+31619868609", sender_name="Sanne",
        subject="Container", body_text="Mijn container is niet geleegd"))
    mail = receive_mail(loket, "sanne@example.nl", "Terugbellen graag",
                        "Kunt u mij bellen op 06-19868609? Groet, Sanne", when=at(4))
    other = receive_mail(loket, "piet@example.nl", "Boom", "Er ligt een boom op straat.",
                         when=at(5))
    act_as(loket, "anne")
    return {"call": call.case_id, "chat": chat.case_id, "mail": mail.case_id,
            "other": other.case_id}


@pytest.mark.parametrize("typed", NOTATIONS)
def test_a_number_finds_all_of_the_residents_cases(loket, resident, typed: str) -> None:
    found = set(loket.case_ids(CaseQuery(text=typed)))
    assert found == {resident["call"], resident["chat"], resident["mail"]}
    assert loket.count_cases(CaseQuery(text=typed)) == 3
    hits = {h.case for h in loket.search(typed)}
    assert len(hits) == 3  # the messages that carry the number, each notation


def test_an_index_made_before_keeps_working(tmp_path, resident, loket) -> None:
    """A database indexed without the numbers gets them when it is opened by this Loket."""
    path = loket.db.path
    with loket.db.transaction() as conn:
        conn.execute("UPDATE search_index SET contact = ''")
    # by her address only: the mail, which only writes the number, is not found
    assert set(loket.case_ids(CaseQuery(text="0619868609"))) == {resident["call"],
                                                                  resident["chat"]}
    replay_migration(loket.db, migrations.SEARCH_PHONES)
    reopened = Loket.open(path)
    try:
        assert reopened.db.user_version == migrations.SCHEMA_VERSION
        rows = reopened.db.conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH '\"31619868609\"'"
        ).fetchone()[0]
        assert rows == 3  # the call's, the chat's and the mail's message
    finally:
        reopened.close()
