"""The use cases: every change goes through one transaction and leaves a case event."""

from __future__ import annotations

import json

import pytest

from inbox.errors import InvalidInput, NotFound
from inbox.model import Channel, IncomingMessage, Status
from tests.conftest import act_as, add_staff, at


def _events(loket, case_id: int) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def]
    return [
        (r["kind"], json.loads(r["data"]))
        for r in loket.db.query(
            "SELECT kind, data FROM case_events WHERE case_id = ? ORDER BY id", (case_id,)
        )
    ]


@pytest.fixture(autouse=True)
def _anne(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")  # medewerker


@pytest.fixture
def case(loket):  # type: ignore[no-untyped-def]
    return loket.receive(
        IncomingMessage(
            Channel.EMAIL,
            at(2),
            sender="Els <els@example.nl>",
            sender_name="Els Bakker",
            subject="Grofvuil ophalen",
            body_text="Wanneer kan het bankstel weg?",
        )
    )


def test_new_case_from_a_message(loket, case) -> None:  # type: ignore[no-untyped-def]
    assert case.new_case and case.reference == "LK-2026-000001"
    s = loket.case_detail(case.reference).summary
    assert (s.status, s.channel, s.contact, s.messages) == (
        Status.NIEUW,
        Channel.EMAIL,
        "Els Bakker",
        1,
    )
    assert [k for k, _ in _events(loket, case.case_id)] == ["case_opened", "message_added"]


def test_references_count_per_year(loket) -> None:  # type: ignore[no-untyped-def]
    refs = [
        loket.receive(
            IncomingMessage(Channel.EMAIL, at(1, year=y), sender=f"{i}@example.nl", subject=f"v{i}")
        ).reference
        for i, y in enumerate((2025, 2026, 2026))
    ]
    assert refs == ["LK-2025-000001", "LK-2026-000001", "LK-2026-000002"]


def test_assign_moves_a_new_case_to_in_behandeling_and_logs_it(loket, case) -> None:  # type: ignore[no-untyped-def]
    act_as(loket, "anne")
    loket.assign(case.reference, "bram")
    s = loket.case_detail(case.reference).summary
    assert (s.assignee, s.status) == ("Bram Jansen", Status.IN_BEHANDELING)
    events = _events(loket, case.case_id)
    assert ("assigned", {"to": "bram"}) in events
    assert ("status_changed", {"from": "nieuw", "to": "in_behandeling"}) in events
    actors = {r[0] for r in loket.db.query("SELECT actor FROM case_events WHERE kind='assigned'")}
    assert actors == {"anne"}
    assert loket.assign(case.reference, "bram").cases == set()  # no change, no event
    with pytest.raises(NotFound, match="bestaat niet"):
        loket.assign(case.reference, "nobody")


def test_status_changes_and_bad_status(loket, case) -> None:  # type: ignore[no-untyped-def]
    loket.set_status(case.reference, "wacht_op_inwoner")
    assert loket.case_detail(case.reference).summary.status is Status.WACHT_OP_INWONER
    with pytest.raises(InvalidInput, match="Onbekende status"):
        loket.set_status(case.reference, "klaar")
    with pytest.raises(NotFound):
        loket.set_status("LK-2026-999999", Status.NIEUW)


def test_close_with_outcome_and_first_contact_resolution(loket, case) -> None:  # type: ignore[no-untyped-def]
    loket.close_case(case.reference, "Afspraak gemaakt", first_contact_resolution=True)
    detail = loket.case_detail(case.reference)
    assert detail.summary.status is Status.AFGEROND
    assert detail.outcome == "Afspraak gemaakt" and detail.first_contact_resolution is True
    assert detail.closed_at is not None
    assert any("in één keer afgehandeld" in t.title for t in detail.timeline)
    loket.set_status(case.reference, Status.IN_BEHANDELING)
    assert loket.case_detail(case.reference).closed_at is None
    assert "reopened" in [k for k, _ in _events(loket, case.case_id)]


def test_internal_note_is_in_the_timeline_and_searchable(loket, case) -> None:  # type: ignore[no-untyped-def]
    act_as(loket, "anne")
    loket.add_note(case.reference, "Milieustraat gebeld: donderdag ophalen")
    detail = loket.case_detail(case.reference)
    note = [t for t in detail.timeline if t.kind == "note"][0]
    assert note.text.startswith("Milieustraat") and note.author == "Anne de Vries"
    assert loket.search("milieustraat")[0].case == case.reference
    with pytest.raises(InvalidInput):
        loket.add_note(case.reference, "   ")


def test_phone_call_resolved_in_one_go(loket) -> None:  # type: ignore[no-untyped-def]
    got = loket.log_contact(
        Channel.PHONE,
        name="Piet Smit",
        phone_number="06-12 34 56 78",
        question="Wanneer is de milieustraat open?",
        answer="Za 9-16 uur",
        resolved=True,
        at=at(5),
    )
    detail = loket.case_detail(got.reference)
    assert detail.summary.status is Status.AFGEROND and detail.first_contact_resolution
    assert ("telefoonnummer", "+31612345678") in detail.contact_addresses
    row = loket.db.one(
        "SELECT phone_number, answer_given FROM messages WHERE id = ?", (got.message_id,)
    )
    assert tuple(row) == ("+31612345678", "Za 9-16 uur")
    assert (
        loket.db.scalar("SELECT first_response_at FROM cases WHERE id = ?", (got.case_id,))
        == "2026-11-05T10:00:00Z"
    )


def test_counter_visit_on_an_existing_case_and_same_caller_is_one_contact(loket, case) -> None:  # type: ignore[no-untyped-def]
    a = loket.log_contact(
        Channel.COUNTER,
        name="Els Bakker",
        question="Komt langs met foto",
        case_reference=case.reference,
        callback_by="2026-11-10",
    )
    assert a.case_id == case.case_id and not a.new_case
    b = loket.log_contact(
        Channel.PHONE, name="Els", phone_number="+31 6 11111111", question="Vraag 1"
    )
    c = loket.log_contact(Channel.PHONE, name="Els", phone_number="0611111111", question="Vraag 2")
    contact = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (b.case_id,))
    assert loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (c.case_id,)) == contact
    assert (
        loket.db.scalar("SELECT callback_by FROM messages WHERE id = ?", (a.message_id,))
        == "2026-11-10"
    )


def test_phone_note_input_errors_are_dutch_and_store_nothing(loket) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="geen geldig telefoonnummer"):
        loket.log_contact(Channel.PHONE, name="X", phone_number="12", question="q")
    with pytest.raises(InvalidInput, match="Vul in"):
        loket.log_contact(Channel.PHONE, name="X", question=" ")
    with pytest.raises(NotFound):
        loket.log_contact(Channel.PHONE, name="X", question="q", case_reference="LK-2026-000404")
    with pytest.raises(InvalidInput):
        loket.log_contact(Channel.EMAIL, name="X", question="q")
    assert loket.db.scalar("SELECT count(*) FROM messages") == 0


def test_search_ranks_snippets_and_handles_odd_queries(loket, case) -> None:  # type: ignore[no-untyped-def]
    hits = loket.search("bankst")
    assert hits[0].case == case.reference and "[bankstel]" in hits[0].snippet
    assert loket.search("") == []
    assert loket.search('"unbalanced AND OR (') == []
    assert loket.search("BANKSTEL")[0].case == case.reference
    assert loket.search("bankstél")[0].case == case.reference  # diacritics are ignored


def test_case_list_filters_in_sql(loket, case) -> None:  # type: ignore[no-untyped-def]
    from inbox.services import CaseQuery

    other = loket.log_contact(Channel.PHONE, name="Kees", question="Parkeervergunning aanvragen")
    loket.assign(other.reference, "anne")
    assert loket.count_cases(CaseQuery()) == 2
    assert loket.case_ids(CaseQuery(statuses=("nieuw",))) == [case.case_id]
    assert loket.case_ids(CaseQuery(channel="phone")) == [other.case_id]
    assert loket.case_ids(CaseQuery(assignee_id=loket.user_id("anne"))) == [other.case_id]
    assert loket.case_ids(CaseQuery(unassigned=True)) == [case.case_id]
    assert loket.case_ids(CaseQuery(text="parkeer")) == [other.case_id]
    assert loket.case_ids(CaseQuery(text=case.reference)) == [case.case_id]
    ids = loket.case_ids(CaseQuery(sort="subject", descending=False))
    assert [s.subject for s in loket.case_summaries(ids)] == [
        "Grofvuil ophalen",
        "Parkeervergunning aanvragen",
    ]


def test_messages_by_contact_address_across_channels(loket, case) -> None:  # type: ignore[no-untyped-def]
    items = loket.messages(contact_address="ELS@example.nl")
    assert [m["subject"] for m in items] == ["Grofvuil ophalen"]
    with pytest.raises(NotFound):
        loket.messages(contact_address="nobody@example.nl")


def test_stats_counts_per_status_and_channel_in_a_date_range(loket, case) -> None:  # type: ignore[no-untyped-def]
    loket.log_contact(Channel.PHONE, name="A", question="q", resolved=True, at=at(20))
    all_time = loket.stats()
    assert all_time["cases_total"] == 2
    assert all_time["cases_by_status"] == {"afgerond": 1, "nieuw": 1}
    assert all_time["cases_by_channel"] == {"email": 1, "phone": 1}
    assert all_time["closed_first_contact"] == 1
    early = loket.stats("2026-11-01", "2026-11-02")
    assert early["cases_total"] == 1 and early["messages_by_channel"] == {"email": 1}


def test_callback_date_shows_in_the_timeline_and_short_numbers_are_refused(loket) -> None:  # type: ignore[no-untyped-def]
    got = loket.log_contact(
        Channel.PHONE,
        name="Kim",
        phone_number="0201234567",
        question="Bel mij terug over WMO",
        callback_by="2026-11-12",
    )
    titles = [t.title for t in loket.case_detail(got.reference).timeline]
    assert "Terugbellen vóór 12-11-2026" in titles
    with pytest.raises(InvalidInput):
        loket.log_contact(Channel.PHONE, name="Kim", phone_number="06 1234", question="q")


def test_cases_sort_by_message_count(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox.services import CaseQuery

    one = loket.receive(IncomingMessage(Channel.EMAIL, at(1), sender="a@example.nl", subject="A"))
    two = loket.receive(IncomingMessage(Channel.EMAIL, at(1), sender="b@example.nl", subject="B"))
    loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="b@example.nl", subject="Re: B"))
    assert loket.case_ids(CaseQuery(sort="messages")) == [two.case_id, one.case_id]


def test_case_ids_in_pages(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox.services import CaseQuery

    for i in range(5):
        loket.receive(
            IncomingMessage(Channel.EMAIL, at(1 + i), sender=f"{i}@example.nl", subject=f"S{i}")
        )
    everything = loket.case_ids(CaseQuery())
    assert loket.case_ids(CaseQuery(), limit=2) == everything[:2]
    assert loket.case_ids(CaseQuery(), limit=2, offset=4) == everything[4:]


def test_pages_over_several_statuses_match_the_whole_list(loket) -> None:  # type: ignore[no-untyped-def]
    """A page over several statuses is read per status and merged (storage/queries.py): the
    same ids in the same order as the whole list, ties on the last message included."""
    from inbox.services import CaseQuery

    statuses = ("nieuw", "in_behandeling", "wacht_op_inwoner", "afgerond")
    for i in range(14):
        case = loket.receive(IncomingMessage(
            Channel.EMAIL, at(1 + i // 3), sender=f"{i}@example.nl", subject=f"S{i}"))
        if statuses[i % 4] != "nieuw":
            loket.set_status(case.reference, statuses[i % 4])
    for descending in (True, False):
        for chosen in (statuses[:3], statuses, ("afgerond", "nieuw", "afgerond")):
            query = CaseQuery(statuses=chosen, descending=descending)
            everything = loket.case_ids(query)  # no limit: one query, sorted by SQLite
            assert len(everything) == sum(statuses[i % 4] in chosen for i in range(14))
            for offset in range(0, len(everything) + 1):
                for limit in (1, 3, 50):
                    page = loket.case_ids(query, limit=limit, offset=offset)
                    assert page == everything[offset : offset + limit]


def test_messages_of_a_merged_resident_come_from_every_channel(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox import contacts

    mail = loket.receive(
        IncomingMessage(
            Channel.EMAIL, at(1), sender="pim@example.nl", sender_name="Pim", subject="Paspoort"
        )
    )
    call = loket.log_contact(
        Channel.PHONE, name="Pim", phone_number="0612345678", question="Bel over paspoort", at=at(2)
    )
    by_mail = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (mail.case_id,))
    by_phone = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (call.case_id,))
    assert len(loket.messages(contact_address="pim@example.nl")) == 1
    contacts.merge(loket, by_mail, by_phone, "zelfde persoon, gebeld")
    channels = [m["channel"] for m in loket.messages(contact_address="+31612345678")]
    assert channels == ["email", "phone"]
