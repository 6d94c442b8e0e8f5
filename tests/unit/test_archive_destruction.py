"""Destruction lists: nothing goes without review and approval; what goes leaves no trace."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inbox import acts
from inbox.archive import destruction, retention
from inbox.channels.imports.eml import import_bytes
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Role
from inbox.privacy import audit
from inbox.services import Loket
from tests.conftest import act_as, give_password
from tests.unit.test_archive_kit import mail_with_attachment, ready

PHRASE = "Zwavelkwartsbloem"  # a word that exists nowhere else
ADDRESS = "kwartsbloem.bewoner@example.nl"
LATER = datetime(2028, 6, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = ready(tmp_path / "d.db")
    raw = mail_with_attachment(
        f"Vraag over {PHRASE} in de tuin",
        f"Goedemiddag,\n\nIn mijn tuin groeit {PHRASE}. Mag dat?\n",
        f"Bijlage over {PHRASE} en meer.\n".encode(),
        "uitleg.txt",
    ).replace(b"w.zwart@example.nl", ADDRESS.encode())
    act_as(loket, "anne")
    got = import_bytes(loket, raw)
    assert got.reference
    loket.add_note(got.reference, f"Notitie: {PHRASE} nagevraagd.")
    loket.close_case(got.reference, f"Uitleg over {PHRASE} gegeven", True)
    act_as(loket, "arjen")
    loket.now = lambda: LATER
    yield loket
    loket.close()


def _as(loket: Loket, user: str) -> Loket:
    act_as(loket, user)
    return loket


def _counts(loket: Loket, lo: str | None = None, hi: str | None = None) -> dict[str, object]:
    with loket.op(acts.STATS_VIEW) as op:
        return destruction.destroyed_counts(op, lo, hi)


def _the_case(lk: Loket) -> str:
    return str(lk.db.scalar("SELECT reference FROM cases WHERE subject LIKE ?", (f"%{PHRASE}%",)))


def test_due_list_review_approve_carry_out(lk: Loket, tmp_path: Path) -> None:
    ref = _the_case(lk)
    held = str(lk.db.scalar("SELECT reference FROM cases WHERE reference != ? LIMIT 1", (ref,)))
    assert retention.set_hold(_as(lk, "arjen"), held, True, "Bezwaarprocedure")
    before = lk.stats()
    due = {d.reference for d in retention.due(_as(lk, "arjen"))}
    assert ref in due and held not in due

    proposed = destruction.propose(lk)
    assert proposed.state == "voorgesteld" and proposed.cases == len(due)
    with pytest.raises(InvalidInput):
        destruction.propose(lk)  # everything due is on a list already
    keep = sorted(due - {ref})[0]
    reviewed = destruction.review(_as(lk, "tineke"), proposed.id, remove=[keep], note="Nog nodig")
    assert reviewed.state == "beoordeeld" and reviewed.cases == len(due) - 1
    approved = destruction.approve(_as(lk, "arjen"), proposed.id)
    assert approved.state == "goedgekeurd"
    outcome = destruction.carry_out(lk, proposed.id)
    assert outcome.destroyed == len(due) - 1 and outcome.skipped == 0
    assert outcome.wal_clean

    remaining = {r[0] for r in lk.db.query("SELECT reference FROM cases")}
    assert ref not in remaining and keep in remaining and held in remaining
    assert lk.db.scalar("SELECT count(*) FROM contact_addresses WHERE value = ?", (ADDRESS,)) == 0
    # the history of the figures stays right
    after = lk.stats()  # the anonymous counts of the destroyed cases are included
    for key in ("cases_total", "messages_total", "cases_closed", "closed_first_contact"):
        assert after[key] == before[key], key
    assert after["cases_by_channel"] == before["cases_by_channel"]
    assert after["messages_by_channel"] == before["messages_by_channel"]
    assert _counts(lk)["cases_total"] == outcome.destroyed

    # every step is logged, and one anonymous record per destroyed case remains
    kinds = [r[0] for r in lk.db.query("SELECT kind FROM case_events WHERE case_id IS NULL")]
    for kind in (
        "destruction_proposed",
        "destruction_reviewed",
        "destruction_approved",
        "destruction_carried_out",
    ):
        assert kinds.count(kind) == 1
    destroyed = [
        json.loads(r[0])
        for r in lk.db.query("SELECT data FROM case_events WHERE kind = 'destroyed'")
    ]
    assert {d["reference"] for d in destroyed} == due - {keep}
    assert (
        lk.db.scalar(
            "SELECT count(*) FROM case_events WHERE case_id IS NOT NULL AND "
            "case_id NOT IN (SELECT id FROM cases)"
        )
        == 0
    )

    # the verklaring is kept, and names no subject, person or address
    pdf_path, csv_path = destruction.write_verklaring(lk, proposed.id, tmp_path / "v")
    pdf, text = pdf_path.read_bytes(), csv_path.read_bytes().decode("utf-8-sig")
    assert pdf.startswith(b"%PDF-")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert {r["zaaknummer"] for r in rows if r["uitkomst"] == "vernietigd"} == due - {keep}
    assert [r["uitkomst"] for r in rows if r["zaaknummer"] == keep] == ["verwijderd"]
    assert {r["goedgekeurd door"] for r in rows} == {"Arjen Smit"}
    assert all("Selectielijst" in r["grond"] for r in rows)
    for blob in (pdf, text.encode()):
        assert PHRASE.lower().encode() not in blob.lower()
        assert b"Wilma" not in blob and b"example.nl" not in blob


def test_no_trace_of_the_phrase_anywhere(lk: Loket, tmp_path: Path) -> None:
    db_path = lk.db.path
    assert db_path is not None
    files = [
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ]

    def traces() -> list[str]:
        found = [
            str(p)
            for p in files
            if p.exists() and PHRASE.lower().encode() in p.read_bytes().lower()
        ]
        for digest in lk.blobs.digests():
            if PHRASE.lower().encode() in lk.blobs.get(digest).lower():
                found.append(digest)
        return found

    assert traces(), "the phrase should be stored before destruction"
    assert _as(lk, "anne").search(PHRASE)
    ref = _the_case(lk)
    list_id = destruction.propose(_as(lk, "arjen")).id
    destruction.review(_as(lk, "tineke"), list_id)
    destruction.approve(_as(lk, "arjen"), list_id)
    destruction.carry_out(lk, list_id)
    assert lk.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (ref,)) == 0
    assert traces() == []
    act_as(lk, "anne")
    assert lk.search(PHRASE) == []
    assert (
        lk.db.query("SELECT rowid FROM search_index WHERE search_index MATCH ?", (PHRASE.lower(),))
        == []
    )
    # and the database still works
    assert lk.db.scalar("PRAGMA integrity_check") == "ok"


def test_nothing_is_destroyed_without_approval(lk: Loket) -> None:
    count = lk.db.scalar("SELECT count(*) FROM cases")
    list_id = destruction.propose(_as(lk, "arjen")).id
    with pytest.raises(PermissionDenied, match="niet goedgekeurd"):
        destruction.carry_out(lk, list_id)  # proposed only
    with pytest.raises(PermissionDenied, match="tweede persoon"):
        destruction.review(lk, list_id)  # by the proposer
    with pytest.raises(InvalidInput, match="nog niet beoordeeld"):
        destruction.approve(lk, list_id)
    destruction.review(_as(lk, "tineke"), list_id)
    with pytest.raises(PermissionDenied, match="archivaris"):
        destruction.approve(lk, list_id)  # a teamleider is no archivaris
    with pytest.raises(PermissionDenied, match="archivaris"):
        destruction.approve(_as(lk, "bea"), list_id)  # nor is a beheerder
    with pytest.raises(PermissionDenied, match="archivaris"):
        destruction.carry_out(_as(lk, "tineke"), list_id)
    with pytest.raises(PermissionDenied, match="niet goedgekeurd"):
        destruction.carry_out(_as(lk, "arjen"), list_id)  # reviewed, not approved
    with pytest.raises(PermissionDenied):
        destruction.propose(_as(lk, "anne"))
    assert lk.db.scalar("SELECT count(*) FROM cases") == count
    destruction.reject(_as(lk, "arjen"), list_id, "Eerst de Woo-verzoeken afwachten")
    with pytest.raises(InvalidInput, match="afgewezen"):
        destruction.approve(lk, list_id)
    assert lk.db.scalar("SELECT count(*) FROM cases") == count


def _trail(lk: Loket) -> list[dict[str, object]]:
    return [audit.entry(r) for r in lk.store.audit.entries(None, 10_000)]


def test_reviewer_cannot_approve(lk: Loket) -> None:
    _as(lk, "bea").ensure_user("ria", "Ria Groen", Role.ARCHIVARIS)
    give_password(lk, "ria")
    list_id = destruction.propose(_as(lk, "arjen")).id
    destruction.review(_as(lk, "ria"), list_id)  # a second archivaris reviews
    with pytest.raises(PermissionDenied, match="beoordeelde"):
        destruction.approve(lk, list_id)
    assert destruction.approve(_as(lk, "arjen"), list_id).approved_by == "arjen"


def test_hold_or_reopen_after_approval_skips_the_case(lk: Loket) -> None:
    ref = _the_case(lk)
    list_id = destruction.propose(_as(lk, "arjen")).id
    destruction.review(_as(lk, "tineke"), list_id)
    destruction.approve(_as(lk, "arjen"), list_id)
    retention.set_hold(lk, ref, True, "Klacht ingediend")
    outcome = destruction.carry_out(lk, list_id)
    assert outcome.skipped == 1
    assert lk.db.scalar("SELECT count(*) FROM cases WHERE reference = ?", (ref,)) == 1
    items = {i.reference: i for i in destruction.items(lk, list_id)}
    assert items[ref].state == "overgeslagen" and "bewaarplicht" in (items[ref].note or "")


def test_destroyed_counts_by_week(lk: Loket) -> None:
    list_id = destruction.propose(_as(lk, "arjen"), date(2028, 6, 1)).id
    destruction.review(_as(lk, "tineke"), list_id)
    destruction.approve(_as(lk, "arjen"), list_id)
    destruction.carry_out(lk, list_id)
    weeks = [r[0] for r in lk.db.query("SELECT DISTINCT week FROM destroyed_counts")]
    assert weeks and all(date.fromisoformat(w).weekday() == 0 for w in weeks)
    some = sorted(weeks)[len(weeks) // 2]
    part = _counts(lk, some, some)
    assert 0 < part["cases_total"] < _counts(lk)["cases_total"]  # type: ignore[operator]


def test_each_step_is_audited_by_its_act_and_refusals_too(lk: Loket) -> None:
    list_id = destruction.propose(_as(lk, "arjen")).id
    with pytest.raises(PermissionDenied, match="archivaris"):
        destruction.reject(_as(lk, "tineke"), list_id, "Ik wil dit niet")  # reviewer, not more
    with pytest.raises(PermissionDenied):
        destruction.lists(_as(lk, "anne"))  # a medewerker does not see the lists
    destruction.review(_as(lk, "tineke"), list_id, note="Gecontroleerd")
    destruction.approve(_as(lk, "arjen"), list_id)
    destruction.carry_out(lk, list_id)
    entries = [(e["actor"], e["action"], e["object"], e["result"]) for e in _trail(lk)]
    obj = f"vernietigingslijst:{list_id}"
    for actor, action in (
        ("arjen", "destruction.propose"),
        ("tineke", "destruction.review"),
        ("arjen", "destruction.approve"),
        ("arjen", "destruction.carry_out"),
    ):
        assert (actor, action, obj, "ok") in entries, action
    assert ("tineke", "destruction.reject", obj, "geweigerd") in entries
    assert acts.label("destruction.carry_out") == "Vernietiging uitvoeren"  # the audit viewer
    assert ("anne", "destruction.lists", "", "geweigerd") in entries
    # the events of the steps name who did them; the team-sync writer saw them (one writer)
    actors = {
        r["kind"]: r["actor"]
        for r in lk.db.query("SELECT kind, actor FROM case_events WHERE kind LIKE 'destruction_%'")
    }
    assert actors == {
        "destruction_proposed": "arjen",
        "destruction_reviewed": "tineke",
        "destruction_approved": "arjen",
        "destruction_carried_out": "arjen",
    }


def test_the_verklaring_is_written_whole_or_not_at_all(
    lk: Loket, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    list_id = destruction.propose(_as(lk, "arjen")).id
    destruction.review(_as(lk, "tineke"), list_id)
    destruction.approve(_as(lk, "arjen"), list_id)
    destruction.carry_out(lk, list_id)
    out = tmp_path / "verklaring"
    pdf_path, csv_path = destruction.verklaring_paths(out, list_id)

    # a failure while writing the second file leaves neither, and no temporary file
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if ".csv" in self.name:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(Exception, match="schijf is vol"):
        destruction.write_verklaring(lk, list_id, out)
    monkeypatch.undo()
    assert not out.exists() or list(out.iterdir()) == []

    # then it works, private to the user; an existing verklaring is never overwritten
    assert destruction.write_verklaring(_as(lk, "tineke"), list_id, out) == [pdf_path, csv_path]
    assert sorted(p.name for p in out.iterdir()) == sorted([pdf_path.name, csv_path.name])
    assert pdf_path.stat().st_mode & 0o777 == 0o600
    csv_path.write_text("van mij")
    with pytest.raises(InvalidInput, match="bestaat al"):
        destruction.write_verklaring(lk, list_id, out)
    assert csv_path.read_text() == "van mij"
    assert sorted(p.name for p in out.iterdir()) == sorted([pdf_path.name, csv_path.name])
