"""Roles are enforced in the services, vertrouwelijk cases are need-to-know, and sign-in is
checked against argon2 hashes; everything lands in a tamper-evident audit trail."""

from __future__ import annotations

import pytest

from inbox.errors import PermissionDenied
from inbox.model import Channel, IncomingMessage, Role
from inbox.privacy import audit
from inbox.services import CaseQuery
from storage.db import DB_ERRORS
from tests.conftest import at, give_password


@pytest.fixture
def team(loket):  # type: ignore[no-untyped-def]
    for name, role in (
        ("anne", Role.MEDEWERKER),
        ("bram", Role.MEDEWERKER),
        ("tineke", Role.TEAMLEIDER),
        ("arjen", Role.ARCHIVARIS),
        ("bea", Role.BEHEERDER),
    ):
        loket.ensure_user(name, name.title(), role)
        give_password(loket, name, f"{name}-geheim")
    case = loket.receive(
        IncomingMessage(
            Channel.EMAIL,
            at(2),
            sender="r@example.nl",
            subject="Schuldhulp",
            body_text="Ik heb schulden",
        )
    )
    secret = loket.receive(
        IncomingMessage(
            Channel.EMAIL,
            at(3),
            sender="s@example.nl",
            subject="Huiselijk geweld",
            body_text="Vertrouwelijk",
        )
    )
    loket.db.conn.execute("UPDATE cases SET confidential = 1 WHERE id = ?", (secret.case_id,))
    loket.assign(secret.reference, "bram")
    return loket, case, secret


def test_sign_in_checks_the_argon2_hash_and_audits_both_outcomes(team) -> None:  # type: ignore[no-untyped-def]
    loket, _, _ = team
    stored = loket.db.scalar("SELECT password_hash FROM users WHERE name = 'anne'")
    assert stored.startswith("$argon2id$") and "anne-geheim" not in stored
    moment = [at(5)]
    loket.now = lambda: moment[0]
    with pytest.raises(PermissionDenied, match="klopt niet"):
        loket.sign_in("anne", "fout")
    with pytest.raises(PermissionDenied):
        loket.sign_in("niemand", "x")
    moment[0] = at(6)  # after the wait a failure brings
    loket.sign_in("anne", "anne-geheim")
    assert loket.user == "anne"
    results = [(e["actor"], e["action"], e["result"]) for e in loket.store.audit.entries()]
    assert ("anne", "user.sign_in", "mislukt") in results
    assert ("anne", "user.sign_in", "ok") in results


def test_medewerker_works_cases_but_not_settings(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, _ = team
    loket.user = "anne"
    loket.add_note(case.reference, "Doorverwezen")
    assert loket.case_detail(case.reference).summary.reference == case.reference
    with pytest.raises(PermissionDenied, match="beheerder"):
        loket.ensure_user("x", "X", Role.MEDEWERKER)
    with pytest.raises(PermissionDenied, match="beheerder"):
        loket.set_password("bram", "Nieuw-Sterk-Wachtwoord-1")
    loket.set_password("anne", "Eigen-Sterk-Wachtwoord-2")  # one's own password is fine


def test_teamleider_sees_counts_not_content(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, _ = team
    loket.user = "tineke"
    assert loket.stats()["cases_total"] == 2
    for call in (
        lambda: loket.case_detail(case.reference),
        lambda: loket.search("schulden"),
        lambda: loket.case_ids(CaseQuery()),
        lambda: loket.messages(case.reference),
        lambda: loket.assign(case.reference, "anne"),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_archivaris_sees_metadata_not_content_and_beheerder_no_cases(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, _ = team
    loket.user = "arjen"
    assert len(loket.case_ids(CaseQuery())) == 1  # the vertrouwelijk case stays hidden
    with pytest.raises(PermissionDenied, match="inhoud"):
        loket.case_detail(case.reference)
    with pytest.raises(PermissionDenied):
        loket.case_ids(CaseQuery(text="schulden"))  # searching is reading content
    loket.user = "bea"
    with pytest.raises(PermissionDenied):
        loket.case_ids(CaseQuery())
    loket.ensure_user("nieuw", "Nieuw", Role.MEDEWERKER)


def test_vertrouwelijk_cases_only_for_their_assignee(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, secret = team
    loket.user = "anne"
    assert loket.case_ids(CaseQuery()) == [case.case_id]
    assert loket.count_cases(CaseQuery()) == 1
    assert loket.count_cases(CaseQuery(statuses=("in_behandeling",))) == 0
    assert [s.reference for s in loket.case_summaries([case.case_id, secret.case_id])] == [
        case.reference
    ]
    assert [h.case for h in loket.search("vertrouwelijk")] == []
    with pytest.raises(PermissionDenied, match="vertrouwelijk"):
        loket.case_detail(secret.reference)
    with pytest.raises(PermissionDenied):
        loket.add_note(secret.reference, "mag niet")
    loket.user = "bram"
    assert set(loket.case_ids(CaseQuery())) == {case.case_id, secret.case_id}
    assert loket.count_cases(CaseQuery()) == 2
    assert loket.case_detail(secret.reference).summary.subject == "Huiselijk geweld"
    assert [h.case for h in loket.search("vertrouwelijk")] == [secret.reference]


def test_viewing_and_changing_are_audited_with_the_resident(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, _ = team
    loket.user = "anne"
    loket.case_detail(case.reference)
    loket.set_status(case.reference, "wacht_op_inwoner")
    contact = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (case.case_id,))
    about = loket.store.audit.entries([contact])
    assert [(e["actor"], e["action"], e["object"]) for e in about] == [
        ("anne", "case.status", f"zaak:{case.reference}"),
        ("anne", "case.read", f"zaak:{case.reference}"),
    ]
    loket.user = "tineke"
    with pytest.raises(PermissionDenied):
        loket.case_detail(case.reference)
    assert loket.store.audit.entries()[0]["result"] == "geweigerd"


def test_the_audit_trail_is_append_only_and_tamper_evident(team) -> None:  # type: ignore[no-untyped-def]
    loket, case, _ = team
    for name in ("anne", "bram", "tineke"):
        loket.sign_in(name, f"{name}-geheim")  # three entries
    loket.sign_in("bea", "bea-geheim")  # who may check the trail
    assert audit.verify(loket) is None
    with pytest.raises(DB_ERRORS, match="append-only"):
        loket.db.conn.execute("UPDATE audit_log SET actor = 'x'")
    with pytest.raises(DB_ERRORS, match="append-only"):
        loket.db.conn.execute("DELETE FROM audit_log")
    # someone with the file and sqlite3 drops the trigger and edits a row
    loket.db.conn.execute("DROP TRIGGER audit_log_no_update")
    target = loket.db.scalar("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2")
    loket.db.conn.execute("UPDATE audit_log SET actor = 'niemand' WHERE id = ?", (target,))
    assert audit.verify(loket) == target
