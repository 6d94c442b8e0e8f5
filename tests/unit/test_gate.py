"""The gate itself: permission from the grants table, vertrouwelijk, refusals audited even
when the surrounding transaction rolls back, events through one writer, Changes returned."""

from __future__ import annotations

import pytest

from inbox import acts
from inbox.errors import PermissionDenied
from inbox.model import Channel, EventKind, IncomingMessage
from inbox.privacy.roles import GRANTS, SYSTEM_GRANTS, Permission, markdown_table
from tests.conftest import act_as, add_staff, at


def _case(loket):  # type: ignore[no-untyped-def]
    return loket.receive(
        IncomingMessage(channel=Channel.EMAIL, sent_at=at(2), sender="jan@example.nl",
                        sender_name="Jan", subject="Grofvuil", body_text="Wanneer?")
    )


def test_an_act_is_refused_by_the_grants_table_and_the_refusal_is_audited(loket) -> None:  # type: ignore[no-untyped-def]
    add_staff(loket)
    got = _case(loket)
    act_as(loket, "tineke")  # teamleider: counts only
    assert Permission.READ_CONTENT not in GRANTS[loket.role()]
    with pytest.raises(PermissionDenied):
        loket.case_detail(got.reference)
    newest = loket.store.audit.entries(limit=1)[0]
    assert (newest["actor"], newest["action"], newest["result"]) == (
        "tineke", "case.read", "geweigerd")


def test_a_refusal_inside_a_write_act_survives_its_rollback(loket) -> None:  # type: ignore[no-untyped-def]
    add_staff(loket)
    got = _case(loket)
    act_as(loket, "anne")
    with pytest.raises(PermissionDenied):
        with loket.op(acts.CASE_NOTE, case=got.reference):
            with loket.op(acts.USER_ADD, obj="gebruiker:x"):  # anne may not manage users
                pass
    newest = loket.store.audit.entries(limit=1)[0]
    assert (newest["action"], newest["result"]) == ("user.add", "geweigerd")


def test_a_confidential_case_is_for_its_assignee_only(loket) -> None:  # type: ignore[no-untyped-def]
    add_staff(loket)
    got = _case(loket)
    act_as(loket, "anne")
    loket.assign(got.reference, "bram")
    loket.db.conn.execute("UPDATE cases SET confidential = 1 WHERE id = ?", (got.case_id,))
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        loket.case_detail(got.reference)
    assert loket.messages(contact_address="jan@example.nl") == []
    act_as(loket, "bram")
    assert loket.case_detail(got.reference).summary.reference == got.reference
    assert len(loket.messages(contact_address="jan@example.nl")) == 1


def test_events_come_back_as_changes_and_name_the_actor(loket) -> None:  # type: ignore[no-untyped-def]
    add_staff(loket)
    got = _case(loket)
    act_as(loket, "anne")
    changes = loket.assign(got.reference, "anne")
    assert changes.cases == {got.case_id}
    with loket.op(acts.CASE_NOTE, case=got.reference) as op:
        op.event(EventKind.NOTE_ADDED, {"note": 0})
    assert op.changes.cases == {got.case_id}
    kinds = [r["kind"] for r in loket.db.query(
        "SELECT kind FROM case_events WHERE case_id = ? AND actor = 'anne' ORDER BY id",
        (got.case_id,))]
    assert kinds == ["assigned", "status_changed", "note_added"]


def test_every_act_names_a_permission_of_the_table_and_the_readme_shows_the_table() -> None:
    from pathlib import Path

    for found in acts.ACTS.values():
        assert isinstance(found.permission, Permission)
    assert SYSTEM_GRANTS <= set(Permission)
    table = markdown_table()
    assert all(f"`{p.value}`" in table for p in Permission)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert table in readme


@pytest.mark.production_system
def test_the_system_identity_only_fetches_and_files_mail(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox.gate import SYSTEM_USER

    got = _case(loket)  # filing a message: allowed
    assert loket.user == SYSTEM_USER and got.reference
    for permission in Permission:
        assert loket.may(permission) == (permission in SYSTEM_GRANTS)
    with pytest.raises(PermissionDenied):
        loket.case_detail(got.reference)
    with pytest.raises(PermissionDenied):
        loket.assign(got.reference, None)
    with pytest.raises(PermissionDenied):
        loket.stats()
