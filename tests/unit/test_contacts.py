"""One resident across channels: matching, merge suggestions, reversible merges, the overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inbox import contacts
from inbox.channels.imports.files import import_files
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage
from inbox.privacy import processing_log
from tests.conftest import act_as, add_staff, at
from tests.trail import newest_audit

DATA = Path(__file__).resolve().parent.parent / "data" / "social"


@pytest.fixture(autouse=True)
def _anne(loket: Any) -> None:
    add_staff(loket)
    act_as(loket, "anne")  # medewerker: reads and manages residents


def _mail(loket: Any, sender: str, name: str, subject: str, body: str, day: int = 3) -> Any:
    return loket.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=at(day),
            sender=sender,
            sender_name=name,
            subject=subject,
            body_text=body,
        )
    )


def _processing_log(loket: Any) -> list[dict[str, Any]]:
    """The processing log, newest first, read by the beheerder (then anne again)."""
    me = loket.user
    act_as(loket, "bea")
    rows = processing_log.entries(loket, decrypt=True)
    act_as(loket, me)
    return rows


def _contact_of(loket: Any, message_id: int) -> int:
    return int(loket.db.scalar("SELECT contact_id FROM messages WHERE id = ?", (message_id,)))


def test_same_address_is_the_same_contact_in_any_notation(loket: Any) -> None:
    a = loket.log_contact(
        Channel.PHONE, name="Mila", question="Vraag 1", phone_number="06-55501235"
    )
    b = loket.log_contact(
        Channel.COUNTER, name="Mila", question="Vraag 2", phone_number="+31 6 5550 1235"
    )
    assert _contact_of(loket, a.message_id) == _contact_of(loket, b.message_id)
    assert contacts.find_contact(loket, "0655501235") == _contact_of(loket, a.message_id)
    m1 = _mail(loket, "Mila <Mila@Example.org>", "Mila", "Vraag", "x")
    m2 = _mail(loket, "mila@example.org", "", "Andere vraag", "y")
    assert _contact_of(loket, m1.message_id) == _contact_of(loket, m2.message_id)


def test_a_name_alone_never_matches_or_suggests(loket: Any) -> None:
    a = _mail(loket, "jan.pietersen@example.org", "Jan Pietersen", "Vraag", "Hallo")
    b = loket.log_contact(Channel.COUNTER, name="Jan Pietersen", question="Loket")
    assert _contact_of(loket, a.message_id) != _contact_of(loket, b.message_id)
    assert contacts.suggest_merges(loket) == []


def test_suggestions_from_a_phone_number_or_address_in_a_message(loket: Any) -> None:
    phone = loket.log_contact(
        Channel.PHONE, name="Fenna de Boer", question="Terugbellen", phone_number="0655501235"
    )
    mail = _mail(
        loket,
        "fenna.deboer@example.org",
        "F. de Boer",
        "Vergunning",
        "Met vriendelijke groet,\nFenna de Boer\nTel. 06 - 5550 1235",
    )
    other = _mail(
        loket, "kees@example.org", "Kees", "Andere", "Mail me op fenna.deboer@example.org"
    )
    suggestions = contacts.suggest_merges(loket)
    by_pair = {(s.first, s.second): s for s in suggestions}
    pair = tuple(
        sorted((_contact_of(loket, phone.message_id), _contact_of(loket, mail.message_id)))
    )
    assert "zelfde telefoonnummer" in by_pair[pair].reasons
    pair2 = tuple(
        sorted((_contact_of(loket, other.message_id), _contact_of(loket, mail.message_id)))
    )
    assert "zelfde e-mailadres" in by_pair[pair2].reasons
    # the pair with a similar name ranks first
    assert suggestions[0].score >= suggestions[-1].score
    assert "gelijkende naam" in by_pair[pair].reasons
    contacts.mark_distinct(loket, *pair2)
    assert pair2 not in {(s.first, s.second) for s in contacts.suggest_merges(loket)}


def test_gmail_dots_and_plus_tags_are_suggested(loket: Any) -> None:
    _mail(loket, "sara.jansen@gmail.com", "Sara Jansen", "A", "x")
    _mail(loket, "sarajansen+gemeente@gmail.com", "Sara Jansen", "B", "y")
    (suggestion,) = contacts.suggest_merges(loket)
    assert "vrijwel hetzelfde e-mailadres" in suggestion.reasons


def test_merge_shows_everything_and_undo_restores_it(loket: Any) -> None:
    import_files(loket, [DATA / "WhatsApp Chat with +31 6 55501234.txt"])
    whatsapp = contacts.find_contact(loket, "+31655501234")
    mail = _mail(loket, "bo@example.org", "Bo Verhoeven", "Parkeervergunning", "Nog een vraag")
    by_mail = _contact_of(loket, mail.message_id)
    assert whatsapp is not None and whatsapp != by_mail

    merge_id = contacts.merge(loket, whatsapp, by_mail, reason="zelfde persoon, gebeld")
    view = contacts.overview(loket, by_mail)  # either id shows the whole resident
    assert view.id == whatsapp and view.merged == (by_mail,)
    assert view.channels == ("email", "whatsapp")
    assert {k for k, _ in view.addresses} == {"email", "telefoonnummer"}
    assert len(view.cases) == 2
    assert len([m for m in view.messages if m.direction == "in"]) == 4
    assert any(m.direction == "out" for m in view.messages)  # the municipality's replies too

    # after the merge, new mail from the merged address files under the survivor
    later = _mail(loket, "bo@example.org", "Bo", "Nieuwe vraag", "z", day=5)
    assert contacts.find_contact(loket, "bo@example.org") == whatsapp
    assert contacts.overview(loket, whatsapp).messages[-1].id == later.message_id

    contacts.unmerge(loket, merge_id)
    assert contacts.find_contact(loket, "bo@example.org") == by_mail
    alone = contacts.overview(loket, by_mail)
    assert alone.id == by_mail and alone.merged == ()
    assert {m.id for m in alone.messages} == {mail.message_id, later.message_id}
    assert contacts.overview(loket, whatsapp).channels == ("whatsapp",)
    history = contacts.overview(loket, whatsapp).history
    assert len(history) == 1 and history[0]["undone_at"] is not None
    assert history[0]["reason"] == "zelfde persoon, gebeld"
    kinds = [r[0] for r in loket.db.query("SELECT kind FROM case_events WHERE case_id IS NULL")]
    assert kinds == ["contact_merged", "contact_unmerged"]
    with pytest.raises(InvalidInput):
        contacts.unmerge(loket, merge_id)


def test_merge_refuses_nonsense_and_checks_the_role(loket: Any) -> None:
    a = _contact_of(loket, _mail(loket, "a@example.org", "A", "x", "x").message_id)
    b = _contact_of(loket, _mail(loket, "b@example.org", "B", "y", "y").message_id)
    contacts.merge(loket, a, b)
    with pytest.raises(InvalidInput, match="al één inwoner"):
        contacts.merge(loket, b, a)
    for login in ("arjen", "tineke", "bea"):  # archivaris, teamleider, beheerder
        act_as(loket, login)
        for attempt in (
            lambda: contacts.merge(loket, a, b),
            lambda: contacts.unmerge(loket, 1),
            lambda: contacts.mark_distinct(loket, a, b),
            lambda: contacts.suggest_merges(loket),
            lambda: contacts.overview(loket, a),
            lambda: contacts.find_contact(loket, "a@example.org"),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
    refused = [r for r in newest_audit(loket, 100) if r["result"] == "geweigerd"]
    assert {r["action"] for r in refused} >= {"contact.merge", "contact.show",
                                              "contact.suggestions", "contact.distinct"}


def test_showing_a_resident_is_audited_and_leaves_out_a_colleagues_vertrouwelijk_case(
    loket: Any,
) -> None:
    open_case = _mail(loket, "els@example.org", "Els", "Paspoort", "Mijn paspoort is kwijt")
    secret = _mail(loket, "els@example.org", "Els", "Schuldhulp", "GEHEIM-schuld", day=4)
    loket.assign(secret.reference, "bram")
    loket.db.conn.execute("UPDATE cases SET confidential = 1 WHERE id = ?", (secret.case_id,))
    contact = _contact_of(loket, open_case.message_id)
    view = contacts.overview(loket, contact)
    assert [c.reference for c in view.cases] == [open_case.reference]
    assert all("GEHEIM" not in m.text for m in view.messages)
    entry = newest_audit(loket, 1)[0]
    assert (entry["actor"], entry["action"], entry["result"]) == ("anne", "contact.show", "ok")
    assert entry["object"] == f"inwoner:{contact}"
    newest = _processing_log(loket)[0]
    assert (newest["operation"], newest["subject_id"]) == ("read", contact)
    act_as(loket, "bram")  # the assignee sees it
    assert len(contacts.overview(loket, contact).cases) == 2


def test_merge_and_distinct_are_audited_with_the_residents(loket: Any) -> None:
    a = _contact_of(loket, _mail(loket, "a@example.org", "A", "x", "x").message_id)
    b = _contact_of(loket, _mail(loket, "b@example.org", "B", "y", "y").message_id)
    c = _contact_of(loket, _mail(loket, "c@example.org", "C", "z", "z").message_id)
    merge_id = contacts.merge(loket, a, b, "zelfde")
    contacts.unmerge(loket, merge_id)
    contacts.mark_distinct(loket, a, c)
    actions = [r["action"] for r in newest_audit(loket, 3)]
    assert actions == ["contact.distinct", "contact.unmerge", "contact.merge"]
    subjects = {r["subject_id"] for r in _processing_log(loket) if r["operation"] == "update"}
    assert {a, b, c} <= subjects
    with pytest.raises(InvalidInput):
        contacts.mark_distinct(loket, a, a)


def test_name_similarity() -> None:
    assert contacts.name_similarity("Zoë Hendriks", "hendriks, zoe") == 1.0
    assert contacts.name_similarity("Anna de Vries", "Anna de Vries-Smit") > 0.7
    assert contacts.name_similarity("Anna", "Kees") < 0.5
