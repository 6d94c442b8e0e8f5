"""Product tag, deadline in working days, merge, split and moving a message between cases."""

from __future__ import annotations

import json
from datetime import date

import pytest

from inbox import casework
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage, Status
from tests.conftest import act_as, add_staff, at
from tests.trail import newest_audit


@pytest.fixture(autouse=True)
def _anne(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")  # medewerker


def _mail(loket, day: int, sender: str, subject: str, body: str = "tekst"):  # type: ignore[no-untyped-def]
    return loket.receive(IncomingMessage(Channel.EMAIL, at(day), sender=sender,
                                         sender_name=sender.split("@")[0], subject=subject,
                                         body_text=body))


def _kinds(loket, case_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[0] for r in loket.db.query(
        "SELECT kind FROM case_events WHERE case_id = ? ORDER BY id", (case_id,))]


def test_working_days_skip_weekends_and_dutch_holidays() -> None:
    assert casework.add_working_days(date(2026, 11, 6), 2) == date(2026, 11, 10)  # Fri -> Tue
    assert casework.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Christmas
    assert casework.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)  # Easter
    assert casework.add_working_days(date(2026, 4, 26), 0) == date(2026, 4, 28)  # King's Day
    assert not casework.is_working_day(date(2026, 5, 14))  # Ascension Day
    with pytest.raises(InvalidInput):
        casework.add_working_days(date(2026, 1, 5), -1)


def test_product_and_deadline_write_events(loket) -> None:  # type: ignore[no-untyped-def]
    case = _mail(loket, 2, "els@example.nl", "Paspoort kwijt")
    assert "Paspoort" in casework.products()
    assert casework.set_product(loket, case.reference, "Paspoort").cases == {case.case_id}
    assert casework.set_product(loket, case.reference, "Paspoort").cases == set()  # unchanged
    loket.now = lambda: at(6)  # a Friday
    assert casework.set_deadline_in_working_days(loket, case.reference, 2) == date(2026, 11, 10)
    summary = loket.case_detail(case.reference).summary
    assert (summary.product, summary.deadline) == ("Paspoort", "2026-11-10")
    assert _kinds(loket, case.case_id)[-2:] == ["product_set", "deadline_set"]


def test_merge_moves_messages_and_notes_and_closes_the_source(loket) -> None:  # type: ignore[no-untyped-def]
    a = _mail(loket, 2, "els@example.nl", "Grofvuil", "bankstel ophalen")
    b = _mail(loket, 3, "els@example.nl", "Nog een vraag over grofvuil", "ook een kast")
    loket.add_note(b.reference, "Bellen na 12 uur")
    changes = casework.merge_cases(loket, b.reference, a.reference)
    assert changes.cases == {a.case_id, b.case_id}
    target = loket.case_detail(a.reference)
    assert target.summary.messages == 2 and target.summary.notes == 1
    source = loket.case_detail(b.reference)
    assert source.summary.status is Status.AFGEROND and source.summary.messages == 0
    assert source.outcome == f"Samengevoegd met {a.reference}"
    assert "merged_from" in _kinds(loket, a.case_id)
    assert {"merged_into", "closed"} <= set(_kinds(loket, b.case_id))
    # the search finds the moved text in the target case
    assert [h.case for h in loket.search("kast")] == [a.reference]
    with pytest.raises(InvalidInput):
        casework.merge_cases(loket, a.reference, a.reference)


def test_split_makes_a_new_case_from_chosen_messages(loket) -> None:  # type: ignore[no-untyped-def]
    a = _mail(loket, 2, "els@example.nl", "Grofvuil")
    second = _mail(loket, 3, "els@example.nl", f"Re: [{a.reference}] en mijn paspoort")
    assert second.case_id == a.case_id
    new_ref = casework.split_case(loket, a.reference, [int(second.message_id or 0)])
    new = loket.case_detail(new_ref)
    assert new.summary.messages == 1 and new.summary.status is Status.NIEUW
    assert loket.case_detail(a.reference).summary.messages == 1
    data = json.loads(loket.db.scalar(
        "SELECT data FROM case_events WHERE kind = 'split_into' AND case_id = ?", (a.case_id,)))
    assert data == {"case": new_ref, "messages": [second.message_id]}
    with pytest.raises(InvalidInput):  # the last message stays
        casework.split_case(loket, new_ref, [int(second.message_id or 0)])


def test_move_message_and_its_limits(loket) -> None:  # type: ignore[no-untyped-def]
    a = _mail(loket, 2, "els@example.nl", "Grofvuil")
    extra = _mail(loket, 3, "els@example.nl", f"Re: [{a.reference}] parkeren")
    b = _mail(loket, 4, "piet@example.nl", "Parkeervergunning")
    casework.move_message(loket, int(extra.message_id or 0), b.reference)
    assert [m["id"] for m in casework.case_messages(loket, b.reference)][0] == extra.message_id
    assert loket.case_detail(b.reference).summary.last_message_at == "2026-11-04T10:00:00Z"
    assert loket.case_detail(a.reference).summary.last_message_at == "2026-11-02T10:00:00Z"
    with pytest.raises(InvalidInput):  # a's only message
        casework.move_message(loket, int(a.message_id or 0), b.reference)
    assert "message_moved_in" in _kinds(loket, b.case_id)


def test_only_a_medewerker_changes_cases_and_refusals_are_audited(loket) -> None:  # type: ignore[no-untyped-def]
    case = _mail(loket, 2, "els@example.nl", "Grofvuil")
    other = _mail(loket, 3, "piet@example.nl", f"Re: [{case.reference}] Parkeren")
    third = _mail(loket, 4, "jan@example.nl", "Paspoort")
    for login in ("tineke", "arjen", "bea"):
        act_as(loket, login)
        for attempt in (
            lambda: casework.set_product(loket, case.reference, "Grofvuil"),
            lambda: casework.set_deadline(loket, case.reference, date(2026, 12, 1)),
            lambda: casework.merge_cases(loket, third.reference, case.reference),
            lambda: casework.split_case(loket, case.reference, [int(other.message_id or 0)]),
            lambda: casework.move_message(loket, int(other.message_id or 0), third.reference),
            lambda: casework.case_messages(loket, case.reference),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
    refused = {(r["actor"], r["action"]) for r in newest_audit(loket, 50)
               if r["result"] == "geweigerd"}
    assert ("tineke", "case.merge") in refused and ("bea", "message.move") in refused


def test_a_colleagues_vertrouwelijk_case_cannot_be_merged_into_or_moved_to(loket) -> None:  # type: ignore[no-untyped-def]
    mine = _mail(loket, 2, "els@example.nl", "Grofvuil")
    extra = _mail(loket, 3, "els@example.nl", f"Re: [{mine.reference}] nog iets")
    secret = _mail(loket, 4, "jan@example.nl", "Schuldhulp")
    loket.assign(secret.reference, "bram")
    loket.db.conn.execute("UPDATE cases SET confidential = 1 WHERE id = ?", (secret.case_id,))
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        casework.merge_cases(loket, mine.reference, secret.reference)
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        casework.move_message(loket, int(extra.message_id or 0), secret.reference)
    assert loket.case_detail(mine.reference).summary.messages == 2  # nothing moved


def test_changes_are_audited_and_logged_as_updates(loket) -> None:  # type: ignore[no-untyped-def]
    case = _mail(loket, 2, "els@example.nl", "Grofvuil")
    casework.set_product(loket, case.reference, "Grofvuil")
    entry = newest_audit(loket, 1)[0]
    assert (entry["actor"], entry["action"], entry["object"]) == (
        "anne", "case.product", f"zaak:{case.reference}")


def test_casework_changes_show_in_the_timeline(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox import casework
    from inbox.model import Channel, IncomingMessage
    from tests.conftest import at

    a = loket.receive(IncomingMessage(Channel.EMAIL, at(2), sender="a@example.nl", subject="A"))
    b = loket.receive(IncomingMessage(Channel.EMAIL, at(3), sender="b@example.nl", subject="B"))
    casework.set_product(loket, a.reference, "Paspoort")
    casework.merge_cases(loket, b.reference, a.reference)
    titles = [t.title for t in loket.case_detail(a.reference).timeline]
    assert "Product: Paspoort" in titles
    assert f"Zaak {b.reference} hierin samengevoegd" in titles


def test_a_reference_may_be_typed_by_its_number(loket) -> None:  # type: ignore[no-untyped-def]
    """People say "464": the number alone (or with its year) names the case, in the app's
    merge dialog and on the command line; two years with that number are named, not guessed."""
    first = _mail(loket, 2, "a@example.nl", "Eerste")
    second = _mail(loket, 3, "b@example.nl", "Tweede")
    number = str(int(str(second.reference).rsplit("-", 1)[1]))
    year = str(second.reference).split("-")[1]
    assert casework.full_reference(loket, number) == second.reference
    assert casework.full_reference(loket, f"{year}-{number}") == second.reference
    assert casework.full_reference(loket, f"lk-{year}-{number}") == second.reference
    casework.merge_cases(loket, str(first.reference), number)
    assert loket.case_detail(str(second.reference)).summary.messages == 2
    from inbox.errors import NotFound

    with pytest.raises(NotFound):
        casework.full_reference(loket, "999")
    for day, sender in ((4, "c@example.nl"), (5, "d@example.nl")):  # the same numbers, 2025
        loket.receive(IncomingMessage(Channel.EMAIL, at(day, year=2025), sender=sender,
                                      subject=f"Vorig jaar {day}", body_text="tekst"))
    with pytest.raises(NotFound, match="Meerdere zaken"):
        casework.full_reference(loket, number)
    assert casework.full_reference(loket, f"{year}-{number}") == second.reference


def test_labels_are_the_teams_own_words(loket) -> None:  # type: ignore[no-untyped-def]
    case = _mail(loket, 2, "a@example.nl", "Lantaarnpaal kapot")
    reference = str(case.reference)
    casework.add_label(loket, reference, " Wijk  Noord ")
    casework.add_label(loket, reference, "pers")
    casework.add_label(loket, reference, "Wijk Noord")  # once
    assert loket.case_detail(reference).summary.labels == ("pers", "Wijk Noord")
    casework.remove_label(loket, reference, "PERS")
    assert casework.labels_of(loket, reference) == ["Wijk Noord"]
    with pytest.raises(InvalidInput):
        casework.add_label(loket, reference, "a, b")
    assert "labels_set" in _kinds(loket, int(case.case_id))


def test_a_bulk_action_is_all_or_nothing(loket) -> None:  # type: ignore[no-untyped-def]
    first = _mail(loket, 2, "a@example.nl", "Een")
    second = _mail(loket, 3, "b@example.nl", "Twee")
    references = [str(first.reference), str(second.reference)]
    changes = casework.bulk(loket, references, casework.Bulk.ASSIGN, "bram")
    assert changes.cases == {first.case_id, second.case_id}
    assert {loket.case_detail(r).summary.assignee for r in references} == {"Bram Jansen"}
    casework.bulk(loket, references, casework.Bulk.CLOSE, "Uitgelegd",
                  first_contact_resolution=True)
    assert {loket.case_detail(r).summary.status for r in references} == {Status.AFGEROND}
    from inbox.errors import NotFound

    with pytest.raises(NotFound):  # an unknown colleague: nothing changes
        casework.bulk(loket, references, casework.Bulk.ASSIGN, "niemand")
    assert {loket.case_detail(r).summary.assignee for r in references} == {"Bram Jansen"}

    with pytest.raises(NotFound):  # one case that does not exist: the others stay as they were
        casework.bulk(loket, [*references, "LK-1999-000001"], casework.Bulk.LABEL, "Pers")
    assert all(loket.case_detail(r).summary.labels == () for r in references)
    act_as(loket, "tineke")  # teamleider: no casework
    with pytest.raises(PermissionDenied):
        casework.bulk(loket, references, casework.Bulk.LABEL, "Pers")
