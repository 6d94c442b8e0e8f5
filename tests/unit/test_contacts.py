"""One resident across channels: matching, merge suggestions, reversible merges, the overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inbox import contacts
from inbox.channels.imports.files import import_files
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage, Role
from tests.conftest import at

DATA = Path(__file__).resolve().parent.parent / "data" / "social"


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
    assert contacts.find_contact(loket.db, "0655501235") == _contact_of(loket, a.message_id)
    m1 = _mail(loket, "Mila <Mila@Example.org>", "Mila", "Vraag", "x")
    m2 = _mail(loket, "mila@example.org", "", "Andere vraag", "y")
    assert _contact_of(loket, m1.message_id) == _contact_of(loket, m2.message_id)


def test_a_name_alone_never_matches_or_suggests(loket: Any) -> None:
    a = _mail(loket, "jan.pietersen@example.org", "Jan Pietersen", "Vraag", "Hallo")
    b = loket.log_contact(Channel.COUNTER, name="Jan Pietersen", question="Loket")
    assert _contact_of(loket, a.message_id) != _contact_of(loket, b.message_id)
    assert contacts.suggest_merges(loket.db) == []


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
    suggestions = contacts.suggest_merges(loket.db)
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
    assert pair2 not in {(s.first, s.second) for s in contacts.suggest_merges(loket.db)}


def test_gmail_dots_and_plus_tags_are_suggested(loket: Any) -> None:
    _mail(loket, "sara.jansen@gmail.com", "Sara Jansen", "A", "x")
    _mail(loket, "sarajansen+gemeente@gmail.com", "Sara Jansen", "B", "y")
    (suggestion,) = contacts.suggest_merges(loket.db)
    assert "vrijwel hetzelfde e-mailadres" in suggestion.reasons


def test_merge_shows_everything_and_undo_restores_it(loket: Any) -> None:
    import_files(loket, [DATA / "WhatsApp Chat with +31 6 55501234.txt"])
    whatsapp = contacts.find_contact(loket.db, "+31655501234")
    mail = _mail(loket, "bo@example.org", "Bo Verhoeven", "Parkeervergunning", "Nog een vraag")
    by_mail = _contact_of(loket, mail.message_id)
    assert whatsapp is not None and whatsapp != by_mail

    merge_id = contacts.merge(loket, whatsapp, by_mail, reason="zelfde persoon, gebeld")
    view = contacts.overview(loket.db, by_mail)  # either id shows the whole resident
    assert view.id == whatsapp and view.merged == (by_mail,)
    assert view.channels == ("email", "whatsapp")
    assert {k for k, _ in view.addresses} == {"email", "telefoonnummer"}
    assert len(view.cases) == 2
    assert len([m for m in view.messages if m.direction == "in"]) == 4
    assert any(m.direction == "out" for m in view.messages)  # the municipality's replies too

    # after the merge, new mail from the merged address files under the survivor
    later = _mail(loket, "bo@example.org", "Bo", "Nieuwe vraag", "z", day=5)
    assert contacts.find_contact(loket.db, "bo@example.org") == whatsapp
    assert contacts.overview(loket.db, whatsapp).messages[-1].id == later.message_id

    contacts.unmerge(loket, merge_id)
    assert contacts.find_contact(loket.db, "bo@example.org") == by_mail
    alone = contacts.overview(loket.db, by_mail)
    assert alone.id == by_mail and alone.merged == ()
    assert {m.id for m in alone.messages} == {mail.message_id, later.message_id}
    assert contacts.overview(loket.db, whatsapp).channels == ("whatsapp",)
    history = contacts.merge_history(loket.db, whatsapp)
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
    loket.ensure_user("arch", "Archivaris", Role.ARCHIVARIS)
    loket.user = "arch"
    with pytest.raises(PermissionDenied):
        contacts.merge(loket, a, b)


def test_name_similarity() -> None:
    assert contacts.name_similarity("Zoë Hendriks", "hendriks, zoe") == 1.0
    assert contacts.name_similarity("Anna de Vries", "Anna de Vries-Smit") > 0.7
    assert contacts.name_similarity("Anna", "Kees") < 0.5
