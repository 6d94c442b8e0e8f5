"""Retention: Selectielijst loaded, rules per product, fixed at closing, cleared at reopening."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inbox import acts
from inbox.archive import retention, selectielijst
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.model import Channel, IncomingMessage
from inbox.services import Loket
from tests.conftest import act_as, add_staff


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def lk(tmp_path: Path) -> Iterator[Loket]:
    loket = Loket.open(tmp_path / "r.db")
    loket.now = Clock(datetime(2026, 3, 2, 22, 30, tzinfo=UTC))  # 23:30 in Amsterdam
    add_staff(loket)
    act_as(loket, "anne")
    yield loket
    loket.close()


def _case(loket: Loket, subject: str = "Vraag over afvalpas", product: str | None = None) -> str:
    got = loket.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=loket.now(),
            sender="j.bakker@example.nl",
            sender_name="Jan Bakker",
            subject=subject,
            body_text="Mijn pas werkt niet.",
        )
    )
    assert got.reference
    if product:
        loket.db.conn.execute(
            "UPDATE cases SET product = ? WHERE reference = ?", (product, got.reference)
        )
    return got.reference


def test_selectielijst_loaded_with_codes(lk: Loket) -> None:
    act_as(lk, "arjen")
    with lk.op(acts.RETENTION_RESULTS) as db:
        found = selectielijst.result(db, "6.1.3")
    assert (found.naam, found.omschrijving, found.waardering, found.bewaartermijn) == (
        "Ingewilligd",
        "Informatieverzoek",
        "V",
        "P1Y",
    )
    assert found.procestype == "Verzoeken behandelen"
    assert len(retention.results(lk)) == 346
    assert [r.code for r in retention.results(lk, "informatieverzoek")][:1] == ["6.1.3"]
    with lk.op(acts.RETENTION_RESULTS) as db:
        assert selectielijst.result(db, str(found.id)) == found
        kept = selectielijst.result(db, "6.1.4")
        assert (kept.waardering, kept.bewaartermijn) == ("B", None)
        with pytest.raises(NotFound):
            selectielijst.result(db, "99.9.9")
    act_as(lk, "anne")
    with pytest.raises(PermissionDenied):
        retention.results(lk)


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2026, 3, 2), "P1Y", date(2027, 3, 2)),
        (date(2024, 2, 29), "P1Y", date(2025, 2, 28)),
        (date(2026, 1, 31), "P1M", date(2026, 2, 28)),
        (date(2026, 11, 15), "P1Y6M", date(2028, 5, 15)),
        (date(2026, 3, 2), "P42D", date(2026, 4, 13)),
        (date(2026, 3, 2), "P0D", date(2026, 3, 2)),
        (date(2026, 3, 2), "P110Y", date(2136, 3, 2)),
    ],
)
def test_add_duration(start: date, duration: str, expected: date) -> None:
    assert retention.add_duration(start, duration) == expected


def test_add_duration_refuses_nonsense() -> None:
    for bad in ("P", "1Y", "PT5H", ""):
        with pytest.raises(ValueError):
            retention.add_duration(date(2026, 1, 1), bad)


def _of(loket: Loket, ref: str) -> dict[str, object]:
    """The retention of a case as the archivaris sees it; then back to who was acting."""
    previous = loket.user
    act_as(loket, "arjen")
    try:
        return retention.retention_of(loket, ref)
    finally:
        if previous == "systeem":
            loket.user = previous  # the system identity does not sign in
        else:
            act_as(loket, previous)


def test_close_fixes_default_result_and_destroy_date(lk: Loket) -> None:
    ref = _case(lk)
    assert _of(lk, ref)["result"] is None
    changes = lk.close_case(ref, "Nieuwe pas gestuurd", True)
    # closed at 23:30 Dutch time on 2 March: brondatum is that Dutch day
    assert _of(lk, ref) == {
        "reference": ref,
        "product": None,
        "status": "afgerond",
        "closed_on": "2026-03-02",
        "result": "6.1.3",
        "waardering": "V",
        "bewaartermijn": "P1Y",
        "destroy_date": "2027-03-02",
        "legal_hold": False,
    }
    # written by the closing act, through the gate's one event writer: anne's, in its Changes
    events = lk.db.query("SELECT kind, actor, case_id FROM case_events ORDER BY id")
    assert ("retention_fixed", "anne") in [(e["kind"], e["actor"]) for e in events]
    assert changes.cases == {e["case_id"] for e in events if e["kind"] == "retention_fixed"}


def test_product_rule_blijvend_bewaren_has_no_destroy_date(lk: Loket) -> None:
    act_as(lk, "arjen")
    retention.map_product(lk, "Onderscheiding", "6.1.5")
    act_as(lk, "anne")
    ref = _case(lk, "Lintje voor de buurvrouw", product="onderscheiding")  # case-insensitive
    lk.close_case(ref, "", False)
    got = _of(lk, ref)
    assert (got["result"], got["waardering"], got["bewaartermijn"], got["destroy_date"]) == (
        "6.1.5",
        "B",
        None,
        None,
    )


def test_reopen_clears_and_reclose_recomputes(lk: Loket) -> None:
    ref = _case(lk)
    lk.close_case(ref, "", False)
    lk.set_status(ref, "in_behandeling")
    got = _of(lk, ref)
    assert (got["result"], got["destroy_date"]) == (None, None)
    lk.now = Clock(datetime(2026, 6, 10, 9, 0, tzinfo=UTC))
    lk.close_case(ref, "", False)
    assert _of(lk, ref)["destroy_date"] == "2027-06-10"
    # a resident's new message reopens it too
    lk.receive(
        IncomingMessage(
            channel=Channel.EMAIL,
            sent_at=lk.now(),
            sender="j.bakker@example.nl",
            subject=f"Re: [{ref}] Vraag over afvalpas",
            body_text="Nog een vraag",
        )
    )
    assert _of(lk, ref)["result"] is None
    kinds = [
        r["kind"]
        for r in lk.db.query(
            "SELECT kind FROM case_events WHERE kind LIKE 'retention_%' ORDER BY id"
        )
    ]
    assert kinds == ["retention_fixed", "retention_cleared"] * 2


def test_a_colleagues_closing_through_team_sync_fixes_retention_here(lk: Loket) -> None:
    ref = _case(lk)
    case_id = int(lk.db.scalar("SELECT id FROM cases WHERE reference = ?", (ref,)))
    lk.db.conn.execute(
        "UPDATE cases SET status = 'afgerond', closed_at = ? WHERE id = ?",
        ("2026-03-02T22:30:00Z", case_id),
    )
    lk.user = "systeem"  # team sync runs as the system identity (permission sync)
    assert retention.follow_team(lk, case_id, "2026-03-02T22:30:00Z").cases == {case_id}
    assert _of(lk, ref)["destroy_date"] == "2027-03-02"
    assert retention.follow_team(lk, case_id, None).cases == {case_id}
    assert _of(lk, ref)["result"] is None
    assert not retention.follow_team(lk, case_id, None)  # nothing left to clear


def test_mapping_needs_archivaris_and_a_usable_result(lk: Loket) -> None:
    with pytest.raises(PermissionDenied, match="archivaris"):
        retention.map_product(lk, "Paspoort", "6.1.3")
    act_as(lk, "arjen")
    with pytest.raises(InvalidInput, match="vervallen"):
        retention.map_product(lk, "Paspoort", "19.1.13")
    rule = retention.map_product(lk, "", "20.1")  # change the default
    assert rule.result.code == "20.1"
    assert [(r.product, r.result.code) for r in retention.rules(lk)] == [("", "20.1")]


def test_reapply_refixes_closed_cases(lk: Loket) -> None:
    ref = _case(lk, product="Paspoort")
    lk.close_case(ref, "", False)
    act_as(lk, "arjen")
    retention.map_product(lk, "Paspoort", "6.1.1", reapply=True)
    got = retention.retention_of(lk, ref)
    assert (got["result"], got["bewaartermijn"], got["destroy_date"]) == (
        "6.1.1",
        "P7Y",
        "2033-03-02",
    )


def test_due_skips_hold_and_open_cases(lk: Loket) -> None:
    a, b, c = _case(lk, "Een"), _case(lk, "Twee"), _case(lk, "Drie")
    lk.close_case(a, "", False)
    lk.close_case(b, "", False)
    with pytest.raises(PermissionDenied):
        retention.due(lk)  # a medewerker
    with pytest.raises(PermissionDenied):
        retention.set_hold(lk, a, True)
    act_as(lk, "tineke")
    with pytest.raises(PermissionDenied):
        retention.set_hold(lk, a, True)  # a teamleider reviews lists, no more
    act_as(lk, "arjen")
    assert retention.set_hold(lk, b, True, "Woo-verzoek loopt")
    assert not retention.set_hold(lk, b, True)
    assert [d.reference for d in retention.due(lk, date(2027, 3, 1))] == []
    assert [d.reference for d in retention.due(lk, date(2027, 3, 2))] == [a]
    retention.set_hold(lk, b, False)
    assert {d.reference for d in retention.due(lk, date(2027, 3, 2))} == {a, b}
    assert c not in {d.reference for d in retention.due(lk, date(2099, 1, 1))}
    holds = lk.db.query("SELECT actor, data FROM case_events WHERE kind = 'legal_hold'")
    assert [r["actor"] for r in holds] == ["arjen", "arjen"]


def test_apply_missing_for_cases_closed_before(lk: Loket) -> None:
    ref = _case(lk)
    lk.close_case(ref, "", False)
    lk.db.conn.execute("UPDATE cases SET selectielijst_result = NULL, destroy_date = NULL")
    act_as(lk, "arjen")
    assert retention.apply_missing(lk) == 1
    assert retention.retention_of(lk, ref)["destroy_date"] == "2027-03-02"


def test_organisation_setting(lk: Loket) -> None:
    act_as(lk, "arjen")
    assert retention.organisation(lk) is None
    org = retention.set_organisation(lk, "Gemeente Voorbeeld", "GM0999")
    assert (org.name, org.identifier, org.identifier_source) == (
        "Gemeente Voorbeeld",
        "GM0999",
        "Gemeentecode CBS",
    )
    assert retention.organisation(lk) == org
    with pytest.raises(InvalidInput):
        retention.set_organisation(lk, "  ")
    act_as(lk, "anne")
    with pytest.raises(PermissionDenied):
        retention.set_organisation(lk, "Gemeente Elders")
