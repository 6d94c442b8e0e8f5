"""AVG: the inzage export holds everything about one resident; requests have their one-month
deadline; erasure refuses while a retention duty applies and otherwise pseudonymises."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inbox.archive import retention
from inbox.errors import InvalidInput, PermissionDenied
from inbox.privacy import erasure, subject
from inbox.services import Loket
from tests.unit.test_privacy_kit import ADDRESS, BSN, NAME, PHRASE, build


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[tuple[Loket, str]]:
    loket, ref = build(tmp_path / "s.db")
    yield loket, ref
    loket.close()


def _files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_export_holds_messages_originals_notes_addresses_and_audit(
    lk: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, ref = lk
    loket.user = "anne"
    loket.case_detail(ref)  # viewing is audited with the resident as subject
    loket.user = "arjen"
    out = tmp_path / "inzage"
    done = subject.export_subject(loket, ADDRESS.upper(), out)
    assert done.cases == 1 and done.messages == 1 and done.originals == 1
    assert done.attachments == 1 and done.notes == 1 and done.audit_entries >= 1
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["inwoner"]["naam"] == NAME
    assert [a["adres"] for a in index["adressen"]] == [ADDRESS]
    assert index["zaken"][0]["zaak"] == ref
    assert PHRASE in index["berichten"][0]["tekst"]
    assert any(e["actor"] == "anne" and e["action"] == "case.read" for e in index["auditregels"])
    assert any(v["operation"] == "read" for v in index["verwerkingen"])
    original = out / index["berichten"][0]["origineel"]
    assert original.suffix == ".eml" and f"From: {NAME}".encode() in original.read_bytes()
    attachment = out / index["berichten"][0]["bijlagen"][0]["bestand"]
    assert attachment.read_bytes() == f"Foto-uitleg {PHRASE}".encode()
    summary = (out / "samenvatting.html").read_text(encoding="utf-8")
    assert "Inzage in uw persoonsgegevens" in summary and PHRASE in summary
    assert "Notitie" in summary and "Gerrit Ander" not in _files(out).decode("utf-8", "replace")
    # audited as an export about this resident
    mine = loket.store.audit.entries([done.contact_id])
    assert any(e["action"].startswith("avg.export") and e["actor"] == "arjen" for e in mine)
    assert done.complete and done.left_out == 0


def test_only_an_archivaris_may_export_and_the_refusal_is_audited(
    lk: tuple[Loket, str], tmp_path: Path
) -> None:
    loket, _ = lk
    for user in ("anne", "bea"):
        loket.user = user
        with pytest.raises(PermissionDenied, match="archivaris"):
            subject.export_subject(loket, ADDRESS, tmp_path / user)
        assert not (tmp_path / user).exists()
    refusals = [e for e in loket.store.audit.entries() if e["result"] == "geweigerd"]
    assert {e["actor"] for e in refusals} >= {"anne", "bea"}


def test_requests_have_a_one_month_deadline_and_a_status(lk: tuple[Loket, str]) -> None:
    loket, _ = lk
    loket.user = "arjen"
    assert subject.one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert subject.one_month_after(date(2026, 12, 15)) == date(2027, 1, 15)
    late = subject.add_request(loket, ADDRESS, "inzage", date(2026, 10, 1))
    fresh = subject.add_request(loket, "onbekend@example.nl", "verwijdering")
    assert late.deadline == "2026-11-01" and late.overdue and late.days_left < 0
    assert fresh.received_on == "2026-11-20" and fresh.deadline == "2026-12-20"
    assert fresh.contact_id is None and not fresh.overdue
    assert [r.id for r in subject.requests(loket)] == [late.id, fresh.id]
    closed = subject.close_request(loket, late.id)
    assert closed.status == "afgehandeld" and closed.handled_by == "arjen"
    assert [r.id for r in subject.requests(loket, open_only=True)] == [fresh.id]


def test_a_deadline_can_be_extended_once_by_two_months_with_a_reason(
    lk: tuple[Loket, str],
) -> None:
    loket, _ = lk
    loket.user = "arjen"
    req = subject.add_request(loket, ADDRESS, "inzage", date(2026, 11, 20))
    with pytest.raises(InvalidInput, match="reden"):
        subject.extend_request(loket, req.id, "  ")
    longer = subject.extend_request(loket, req.id, "Veel zaken over tien jaar")
    assert (req.deadline, longer.deadline) == ("2026-12-20", "2027-02-20")
    assert "Verlengd: Veel zaken over tien jaar" in longer.note
    with pytest.raises(InvalidInput, match="één keer"):
        subject.extend_request(loket, req.id, "nog eens")
    actions = [e["action"] for e in loket.store.audit.entries()]
    assert "avg.request.extend" in actions
    subject.close_request(loket, req.id)
    with pytest.raises(InvalidInput, match="open verzoek"):
        subject.extend_request(loket, req.id, "te laat")


def test_export_can_handle_its_request(lk: tuple[Loket, str], tmp_path: Path) -> None:
    loket, _ = lk
    loket.user = "arjen"
    req = subject.add_request(loket, ADDRESS)
    subject.export_subject(loket, ADDRESS, tmp_path / "x", request_id=req.id)
    assert subject.get_request(loket, req.id).status == "afgehandeld"


def test_erasure_refuses_with_every_reason_while_data_must_be_kept(
    lk: tuple[Loket, str],
) -> None:
    loket, ref = lk
    loket.user = "arjen"
    with pytest.raises(erasure.ErasureRefused, match="nog niet afgerond"):
        erasure.erase(loket, ADDRESS)
    loket.user = "systeem"
    loket.close_case(ref, "Uitgelegd", True)
    loket.db.conn.execute(
        "UPDATE cases SET waardering = 'V', destroy_date = '2027-11-20' WHERE reference = ?",
        (ref,),
    )
    loket.user = "arjen"
    with pytest.raises(erasure.ErasureRefused, match="bewaard worden tot 2027-11-20"):
        erasure.erase(loket, ADDRESS)
    loket.db.conn.execute(
        "UPDATE cases SET waardering = 'B', destroy_date = NULL WHERE reference = ?", (ref,)
    )
    with pytest.raises(erasure.ErasureRefused, match="waardering B"):
        erasure.erase(loket, ADDRESS)
    loket.db.conn.execute("UPDATE cases SET waardering = 'V' WHERE reference = ?", (ref,))
    loket.user = "systeem"
    retention.set_hold(loket, ref, True, "Bezwaar")
    loket.user = "arjen"
    with pytest.raises(erasure.ErasureRefused) as refused:
        erasure.erase(loket, ADDRESS)
    assert any("legal hold" in r for r in refused.value.reasons)
    # nothing changed
    assert loket.db.scalar("SELECT count(*) FROM messages WHERE body_text LIKE ?", (f"%{BSN}%",))
    newest = loket.store.audit.entries(limit=1)[0]
    assert newest["action"].startswith("avg.erase.review") and "geweigerd" in newest["action"]


def test_erasure_pseudonymises_and_keeps_the_counts(lk: tuple[Loket, str]) -> None:
    loket, ref = lk
    loket.close_case(ref, f"Uitgelegd aan {NAME}", True)
    loket.db.conn.execute(
        "UPDATE cases SET waardering = 'V', destroy_date = '2026-11-01' WHERE reference = ?",
        (ref,),
    )
    digests = [
        str(r[0])
        for r in loket.db.query(
            "SELECT raw_sha256 FROM messages WHERE raw_sha256 IS NOT NULL "
            "UNION SELECT sha256 FROM attachments"
        )
    ]
    assert len(digests) == 2 and all(loket.blobs.exists(d) for d in digests)
    before = loket.stats()
    loket.user = "arjen"
    req = subject.add_request(loket, ADDRESS, "verwijdering")
    done = erasure.erase(loket, ADDRESS, request_id=req.id)
    assert (done.cases, done.messages, done.notes, done.addresses) == (1, 1, 1, 1)
    assert done.blobs_removed == 2 and not any(loket.blobs.exists(d) for d in digests)
    loket.user = "systeem"
    assert loket.stats() == before
    db_text = json.dumps(
        [
            [tuple(r) for r in loket.db.query(f"SELECT * FROM {t}")]
            for t in (
                "cases",
                "messages",
                "notes",
                "contacts",
                "contact_addresses",
                "avg_requests",
                "case_events",
            )
        ]
    )
    for secret in (NAME, ADDRESS, BSN, PHRASE, "Kwakernaat"):
        assert secret not in db_text
    assert not loket.search(PHRASE) and not loket.search("Kwakernaat")
    assert "Gerrit Ander" in db_text  # the other resident is untouched
    assert subject.get_request(loket, req.id).status == "afgehandeld"
    assert loket.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (ref,)) == 1
