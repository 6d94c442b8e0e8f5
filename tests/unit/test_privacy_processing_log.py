"""The processing log: Logius' Logboek dataverwerkingen shape, the data subject's id encrypted
with a key derived from the database key, separate from the audit trail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from inbox.errors import PermissionDenied
from inbox.privacy import processing_log, subject
from inbox.services import Loket
from storage import crypto
from tests.unit.test_privacy_kit import ADDRESS, build


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[tuple[Loket, str]]:
    loket, ref = build(tmp_path / "p.db")
    yield loket, ref
    loket.close()


def test_reading_a_case_writes_a_span_with_the_subject_encrypted(lk: tuple[Loket, str]) -> None:
    loket, ref = lk
    loket.user = "anne"
    loket.case_detail(ref)
    contact = loket.db.scalar("SELECT contact_id FROM cases WHERE reference = ?", (ref,))
    row = loket.db.one("SELECT * FROM processing_log ORDER BY id DESC LIMIT 1")
    assert row is not None
    assert re.fullmatch(r"[0-9a-f]{32}", row["trace_id"])
    assert re.fullmatch(r"[0-9a-f]{16}", row["span_id"]) and row["parent_span_id"] is None
    assert row["activity_id"] == "loket-va-001" and row["operation"] == "read"
    assert row["status"] == "ok" and row["start_time"] <= row["end_time"]
    assert row["actor"] == "anne" and row["object"] == f"zaak:{ref}"
    sealed = row["subject_encrypted"]
    # AES-GCM: nonce + ciphertext + tag, never the plain id (a one-digit id may still occur
    # as a character of the base64 by chance, so compare whole values)
    assert sealed != str(contact) and len(sealed) >= 40
    key = crypto.derive(loket.blobs.key or b"", "processing-log")
    assert processing_log.decrypt_subject(key, sealed) == contact
    assert row["key_id"] == processing_log.key_id(key)
    # another key cannot open it
    with pytest.raises(crypto.DecryptionError):
        processing_log.decrypt_subject(crypto.new_key(), sealed)
    # separate from the audit trail (its own table, no audit row gets the span)
    assert (
        loket.db.scalar("SELECT count(*) FROM audit_log WHERE object = ?", (row["span_id"],)) == 0
    )


def test_exports_log_spans_in_one_trace_and_entries_need_audit_rights(
    lk: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, ref = lk
    loket.user = "arjen"
    from inbox.privacy import woo

    woo.export(loket, [ref], tmp_path / "w")
    subject.export_subject(loket, ADDRESS, tmp_path / "s")
    rows = processing_log.entries(loket, decrypt=True)
    contact = loket.db.scalar("SELECT contact_id FROM cases WHERE reference = ?", (ref,))
    # the Woo export runs through the gate: one export span per case, about its resident
    woo_rows = [r for r in rows if r["processing_activity_id"] == "loket-va-003"]
    exported = [r for r in woo_rows if r["operation"] == "export"]
    assert [r["subject_id"] for r in exported] == [contact]
    assert exported[0]["object"] == f"zaak:{ref}"
    avg = next(r for r in rows if r["processing_activity_id"] == "loket-va-002")
    assert avg["operation"] == "export" and avg["subject_id"] == contact
    loket.user = "anne"
    with pytest.raises(PermissionDenied):
        processing_log.entries(loket)


def test_a_failing_span_is_logged_as_error(lk: tuple[Loket, str]) -> None:
    loket, _ = lk
    with pytest.raises(RuntimeError):
        with processing_log.span(loket, "klantcontact", "update", subject=1):
            raise RuntimeError("boom")
    assert loket.db.scalar("SELECT status FROM processing_log ORDER BY id DESC LIMIT 1") == "error"
    with pytest.raises(ValueError):
        processing_log.record(loket, "onbekend", "read")


def test_changes_by_a_person_are_logged_as_processing_too(loket: Loket) -> None:
    from inbox.model import Channel, IncomingMessage
    from tests.conftest import act_as, add_staff, at

    add_staff(loket)
    got = loket.receive(
        IncomingMessage(Channel.EMAIL, at(2), sender="r@example.nl", subject="Vraag")
    )
    act_as(loket, "arjen")
    assert processing_log.entries(loket) == []  # mail arriving is not a person's processing
    act_as(loket, "anne")
    loket.add_note(str(got.reference), "Teruggebeld")
    loket.set_status(str(got.reference), "wacht_op_inwoner")
    act_as(loket, "arjen")  # reading the log is for the beheerder and archivaris
    rows = [r for r in processing_log.entries(loket, decrypt=True) if r["actor"] == "anne"]
    assert sorted(r["operation"] for r in rows) == ["create", "update"]
    contact = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (got.case_id,))
    assert {r["subject_id"] for r in rows} == {contact}
    assert {r["object"] for r in rows} == {f"zaak:{got.reference}"}
    act_as(loket, "anne")
    with pytest.raises(PermissionDenied):
        processing_log.entries(loket)
